import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WinnowCore
import WinnowImaging
import WinnowStore
@testable import WinnowServer

/// Thumbnails: small JPEGs with the boxes drawn in, cached and revalidated, clear errors for bad files.
@Suite struct ThumbnailTests {
    /// A server with a white 80×60 image, a detection sample with one machine box and a classification
    /// sample on the same picture, a corrupt file and a missing one, all under a registered folder.
    func fixture() async throws -> TestServer {
        var server = try TestServer()
        server.extraRoots = [server.path("images")]
        try server.write("images/white.bmp", TestServer.bmp(width: 80, height: 60))
        try server.write("images/white2.bmp", TestServer.bmp(width: 80, height: 60))
        try server.write("images/corrupt.bmp", Array("BM this is not really a bitmap".utf8))
        try await server.seed(Dataset(id: "det", name: "det", labelingType: .objectDetection), [
            Sample(id: "box", datasetID: "det", source: server.path("images/white.bmp"), state: .toBeConfirmed, labels: [
                Label(type: .objectDetection, name: "face", shape: .bndbox(xmin: 20, ymin: 10, xmax: 60, ymax: 50), confidence: 0.4, annotatedBy: "winnow/m"),
            ], hardExample: HardExampleInfo(isHard: true, coefficient: 0.7, reasons: [1])),
            Sample(id: "corrupt", datasetID: "det", source: server.path("images/corrupt.bmp")),
            Sample(id: "missing", datasetID: "det", source: server.path("images/gone.bmp")),
            Sample(id: "outside", datasetID: "det", source: "/etc/hostname"),
        ])
        try await server.seed(Dataset(id: "cls", name: "cls", labelingType: .imageClassification), [
            Sample(id: "plain", datasetID: "cls", source: server.path("images/white2.bmp"), state: .labeled, labels: [
                Label(type: .imageClassification, name: "cat"),
            ]),
        ])
        return server
    }

    static func decode(_ response: TestResponse) throws -> RasterImage {
        try ImageDecoder().decode(Array(response.body.readableBytesView)).raster
    }

    /// Whether a pixel is the amber of machine boxes (JPEG moves colours a little).
    static func isAmber(_ pixel: [UInt8]) -> Bool { pixel[0] > 200 && pixel[1] > 120 && pixel[1] < 220 && pixel[2] < 90 }
    static func isWhite(_ pixel: [UInt8]) -> Bool { pixel.allSatisfy { $0 > 225 } }

    @Test func detectionThumbnailsAreSmallJPEGsWithTheBoxesDrawnIn() async throws {
        let server = try await fixture()
        try await server.test { client in
            try await client.execute(uri: "/v1/samples/box/thumbnail?size=40", method: .get) { response throws in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/jpeg")
                #expect(response.headers[.eTag]?.hasPrefix("\"t40-") == true)
                #expect(response.headers[.cacheControl] == "private, no-cache")
                let image = try Self.decode(response)
                #expect(image.width == 40 && image.height == 30)
                // The box (20,10)–(60,50) lands on (10,5)–(30,25) at half size: edges amber, inside and outside white.
                #expect(Self.isAmber(image[10, 15]), "left edge: \(image[10, 15])")
                #expect(Self.isAmber(image[20, 5]), "top edge: \(image[20, 5])")
                #expect(Self.isWhite(image[20, 15]), "inside: \(image[20, 15])")
                #expect(Self.isWhite(image[3, 3]), "outside: \(image[3, 3])")
            }
            // The console route serves the same rendering; the default size keeps the image's own 80 px.
            try await client.execute(uri: "/samples/box/thumbnail?v=1", method: .get) { response throws in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "private, max-age=86400")
                let image = try Self.decode(response)
                #expect(image.width == 80 && image.height == 60)
                #expect(Self.isAmber(image[20, 30]))
            }
        }
    }

    @Test func classificationThumbnailsCarryNoBoxes() async throws {
        let server = try await fixture()
        try await server.test { client in
            try await client.execute(uri: "/v1/samples/plain/thumbnail?size=64", method: .get) { response throws in
                #expect(response.status == .ok)
                let image = try Self.decode(response)
                #expect(image.width == 64 && image.height == 48)
                let notWhite = (0..<image.height).flatMap { y in (0..<image.width).map { x in image[x, y] } }.filter { !Self.isWhite($0) }
                #expect(notWhite.isEmpty)
            }
        }
    }

    @Test func anUnchangedThumbnailRevalidatesAndAChangedSampleGetsANewETag() async throws {
        let server = try await fixture()
        try await server.test { client in
            let etag = try await client.execute(uri: "/v1/samples/box/thumbnail", method: .get) { response in
                try #require(response.headers[.eTag])
            }
            try await client.execute(uri: "/v1/samples/box/thumbnail", method: .get, headers: [.ifNoneMatch: etag]) { response throws in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
                #expect(response.headers[.eTag] == etag)
            }
            try await client.execute(uri: "/v1/samples/box/thumbnail?size=100", method: .get, headers: [.ifNoneMatch: etag]) { response throws in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] != etag)
            }
            // Confirming without the box changes the sample: a new tag, and no box any more.
            try await client.execute(uri: "/v1/samples/box/confirm", method: .post, headers: JSON.headers, body: JSON.body(#"{"keep": []}"#)) { response throws in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/samples/box/thumbnail", method: .get, headers: [.ifNoneMatch: etag]) { response throws in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] != etag)
                #expect(Self.isWhite(try Self.decode(response)[20, 30]))
            }
        }
    }

    @Test func badFilesAndParametersGetClearErrors() async throws {
        let server = try await fixture()
        try await server.test { client in
            try await client.execute(uri: "/v1/samples/corrupt/thumbnail", method: .get) { response throws in
                try JSON.expectError(response, .unprocessableContent, "WINNOW.INVALID_IMAGE")
                #expect(String(buffer: response.body).contains("corrupt.bmp"))
            }
            try await client.execute(uri: "/v1/samples/missing/thumbnail", method: .get) { response throws in
                try JSON.expectError(response, .notFound, "WINNOW.NOT_FOUND")
            }
            try await client.execute(uri: "/v1/samples/outside/thumbnail", method: .get) { response throws in
                try JSON.expectError(response, .forbidden, "WINNOW.FORBIDDEN")
            }
            try await client.execute(uri: "/v1/samples/nope/thumbnail", method: .get) { response throws in
                try JSON.expectError(response, .notFound, "WINNOW.NOT_FOUND")
            }
            for size in ["0", "5000", "big"] {
                try await client.execute(uri: "/v1/samples/box/thumbnail?size=\(size)", method: .get) { response throws in
                    try JSON.expectError(response, .badRequest, "WINNOW.INVALID_PARAMETER", field: "size")
                }
            }
            // The console's thumbnail of a corrupt file is an error page, not a crash; the grid still renders.
            try await client.execute(uri: "/samples/corrupt/thumbnail", method: .get) { response throws in
                #expect(response.status == .unprocessableContent)
            }
            try await client.execute(uri: "/datasets/det", method: .get) { response throws in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("/samples/corrupt/thumbnail?v="))
                #expect(page.contains("loading=\"lazy\""))
            }
        }
    }

    @Test func theSamplePageShowsALargerRenderingWithNumberedCaptions() async throws {
        let server = try await fixture()
        try await server.test { client in
            try await client.execute(uri: "/samples/box", method: .get) { response throws in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("/samples/box/thumbnail?size=\(SamplePage.renderingSize)&amp;v="))
                #expect(page.contains(">1 face</text>"))
                #expect(!page.contains("<rect x=\"20.0\""), "boxes are in the pixels, not drawn again as SVG")
                #expect(page.contains("/samples/box/image"))
            }
        }
    }

    @Test func theCacheKeepsRecentRenderingsWithinItsBudget() async {
        let cache = ThumbnailCache(capacityBytes: 4000)
        func key(_ id: String) -> ThumbnailCache.Key { .init(sampleID: id, revision: 1, size: 256, fileModified: 2, fileLength: 3) }
        await cache.store(Array(repeating: 1, count: 900), for: key("a"))
        await cache.store(Array(repeating: 2, count: 900), for: key("b"))
        await cache.store(Array(repeating: 3, count: 900), for: key("c"))
        #expect(await cache.bytes(for: key("a"))?.first == 1)  // a is now the most recently used
        await cache.store(Array(repeating: 4, count: 900), for: key("d"))
        await cache.store(Array(repeating: 5, count: 900), for: key("e"))  // 4500 > 4000: evict down to 3000
        #expect(await cache.usage.bytes <= 4000)
        #expect(await cache.bytes(for: key("b")) == nil)
        #expect(await cache.bytes(for: key("a")) != nil)
        #expect(await cache.bytes(for: key("e")) != nil)
        await cache.store(Array(repeating: 9, count: 2000), for: key("huge"))  // over a quarter of the budget: not kept
        #expect(await cache.bytes(for: key("huge")) == nil)
        #expect(key("a").etag != ThumbnailCache.Key(sampleID: "a", revision: 1.5, size: 256, fileModified: 2, fileLength: 3).etag)
    }
}
