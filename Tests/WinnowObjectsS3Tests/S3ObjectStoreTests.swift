import Foundation
import Testing
import WinnowCore
import WinnowEngine
import WinnowObjects
@testable import WinnowObjectsS3
import NIOHTTP1
import WinnowTesting

/// ``S3ObjectStore`` against a real S3 server (SeaweedFS from scripts/s3-test-server), skipped without one.
@Suite(.enabled(if: S3TestServer.isConfigured, S3TestServer.skipReason))
struct S3ObjectStoreTests {
    @Test("the object-store conformance suite", arguments: ObjectStoreConformance.checks)
    func conformance(_ check: ObjectStoreConformance.Check) async throws {
        try await check.run(try S3TestServer.freshStore())
    }

    @Test("a wrong secret key is refused with an error naming the bucket")
    func wrongSecret() async throws {
        let configuration = try S3TestServer.configuration(secret: "not-the-secret")
        let store = try S3ObjectStore(uri: "s3://\(S3TestServer.bucket)/\(S3TestServer.freshPrefix())", configuration: configuration)
        let error = try await #require(throws: ObjectStoreError.self) {
            try await store.put(try ObjectKey("a.txt"), [1, 2, 3])
        }
        #expect(error.code == .denied)
        #expect(error.message.contains("bucket '\(S3TestServer.bucket)'"))
        #expect(error.message.contains("SignatureDoesNotMatch"))
        let listing = try await #require(throws: ObjectStoreError.self) { _ = try await store.list(prefix: "") }
        #expect(listing.code == .denied)
    }

    @Test("listing follows continuation tokens past one page")
    func listContinuation() async throws {
        let store = try S3TestServer.freshStore { $0.listPageSize = 2 }
        let names = (0..<7).map { "k/\($0).bin" } + ["other.bin"]
        for name in names.shuffled() { try await store.put(try ObjectKey(name), [UInt8(name.count)]) }
        #expect(try await store.list(prefix: "k/").map(\.rawValue) == (0..<7).map { "k/\($0).bin" })
        var streamed: [String] = []
        for try await key in store.keys(prefix: "") { streamed.append(key.rawValue) }
        #expect(streamed == names.sorted())
    }

    @Test("a multipart upload round-trips above the threshold")
    func multipart() async throws {
        let store = try S3TestServer.freshStore {
            $0.multipartThreshold = 5 << 20
            $0.partSize = 5 << 20
        }
        var bytes = [UInt8](repeating: 0, count: (11 << 20) + 12345)
        for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: index &* 2_654_435_761 >> 13) }
        let key = try ObjectKey("big/blob.bin")
        try await store.put(key, bytes)
        let back = try await store.get(key, maximumSize: bytes.count)
        #expect(back.count == bytes.count)
        #expect(back == bytes)
        // S3 gives a multipart object the ETag "md5-of-part-md5s-PARTS": three parts of at most 5 MiB here.
        let head = try await store.send(.HEAD, object: store.objectName(key), operation: "HeadObject", resource: store.resource(key))
        #expect(head.headers.first(name: "etag")?.hasSuffix("-3\"") == true, "\(head.headers)")
        // Small objects still go in one request.
        try await store.put(try ObjectKey("small.bin"), [9])
        #expect(try await store.get(try ObjectKey("small.bin")) == [9])
    }

    @Test("keys needing encoding round-trip and S3 errors keep their code")
    func encodingAndErrors() async throws {
        let store = try S3TestServer.freshStore()
        let key = try ObjectKey("odd names/a b+c=d&e~ü(1).jpg")
        try await store.put(key, Array("x".utf8))
        #expect(try await store.exists(key))
        #expect(try await store.list(prefix: "odd names/") == [key])
        let missing = try await #require(throws: ObjectStoreError.self) { _ = try await store.get(try ObjectKey("none.bin")) }
        #expect(missing.code == .notFound)
        #expect(missing.message.contains("NoSuchKey"))
        let noBucket = try S3ObjectStore(uri: "s3://winnow-no-such-bucket-\(UUID().uuidString.prefix(8).lowercased())/", configuration: try S3TestServer.configuration())
        let bucketError = try await #require(throws: ObjectStoreError.self) { _ = try await noBucket.list(prefix: "") }
        #expect(bucketError.code == .notFound)
        #expect(bucketError.message.contains("does not exist"))
    }

    @Test("an object streams in Range pieces; an empty one streams nothing; a change mid-stream is refused")
    func rangedChunks() async throws {
        let prefix = S3TestServer.freshPrefix()
        let bucket = S3TestServer.bucket
        let store = try S3ObjectStore(uri: "s3://\(bucket)/", configuration: try S3TestServer.configuration())
        let reader = S3ResourceReader(configuration: try S3TestServer.configuration())
        func chunks(_ key: String, size: Int) async throws -> [[UInt8]] {
            var pieces: [[UInt8]] = []
            for try await piece in try await reader.chunks(of: .object(scheme: "s3", bucket: bucket, key: key), chunkSize: size) { pieces.append(piece) }
            return pieces
        }
        let content = (0..<(200 << 10) + 17).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try await store.put(try ObjectKey(prefix + "big.bin"), content)
        let pieces = try await chunks(prefix + "big.bin", size: 64 << 10)
        #expect(pieces.map(\.count) == [65_536, 65_536, 65_536, 8_209])
        #expect(Array(pieces.joined()) == content)

        try await store.put(try ObjectKey(prefix + "empty.bin"), [])
        #expect(try await chunks(prefix + "empty.bin", size: 64 << 10).isEmpty)

        // The object is replaced after its first piece: the next piece is refused, not spliced.
        let stream = try await reader.chunks(of: .object(scheme: "s3", bucket: bucket, key: prefix + "big.bin"), chunkSize: 64 << 10)
        var iterator = stream.makeAsyncIterator()
        #expect(try await iterator.next()?.count == 65_536)
        try await store.put(try ObjectKey(prefix + "big.bin"), content.reversed())
        await #expect(throws: ObjectStoreError.self) { _ = try await iterator.next() }

        await #expect(throws: ObjectStoreError.self) { _ = try await chunks(prefix + "missing.bin", size: 64 << 10) }
    }

    @Test("a manifest on S3 and the VOC files it names are read through the S3 resource reader")
    func manifestThroughReader() async throws {
        let prefix = S3TestServer.freshPrefix()
        let bucket = S3TestServer.bucket
        let store = try S3ObjectStore(uri: "s3://\(bucket)/", configuration: try S3TestServer.configuration())
        let voc = """
            <annotation><folder>f</folder><filename>x.jpg</filename><source><database>Unknown</database></source><size><width>100</width><height>80</height><depth>3</depth></size>
            <segmented>0</segmented><object><name>car</name><pose>Unspecified</pose><truncated>0</truncated><difficult>0</difficult>
            <bndbox><xmin>1</xmin><ymin>2</ymin><xmax>30</xmax><ymax>40</ymax></bndbox></object></annotation>
            """
        try await store.put(try ObjectKey(prefix + "ann/x.xml"), Array(voc.utf8))
        let manifest = """
            {"source":"s3://\(bucket)/\(prefix)img/x.jpg","annotation":[{"type":"modelarts/object_detection","annotation-loc":"obs://\(bucket)/\(prefix)ann/x.xml","annotated-by":"human"}]}
            {"source":"s3://\(bucket)/\(prefix)img/y.jpg","annotation":[{"type":"modelarts/image_classification","name":"cat","annotated-by":"human"}]}

            """
        try await store.put(try ObjectKey(prefix + "train.manifest"), Array(manifest.utf8))

        let reader = S3ResourceReader(configuration: try S3TestServer.configuration())
        let location = ResourceLocation.object(scheme: "s3", bucket: bucket, key: prefix + "train.manifest")
        #expect(try await reader.bytes(of: location, maximumSize: 1 << 20) == Array(manifest.utf8))
        let loader = AnnotationFileLoader(reader: reader)
        var lines = 0
        var objects: [String] = []
        try await ManifestStream(reader: reader).forEachLine(of: location, file: location.description) { number, result in
            lines += 1
            let line = try result.get()
            if AnnotationFileLoader.needsFiles(line) {
                let files = try await loader.load(line, manifestDirectory: nil, file: location.description, lineNumber: number).get()
                objects += files.values.flatMap { $0.objects.map(\.name) }
            }
        }
        #expect(lines == 2)
        #expect(objects == ["car"])

        // Local files still go through the fallback reader.
        let local = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-s3-\(UUID().uuidString).txt").path
        try Data("local".utf8).write(to: URL(fileURLWithPath: local))
        defer { try? FileManager.default.removeItem(atPath: local) }
        #expect(try await reader.bytes(of: .file(local), maximumSize: 100) == Array("local".utf8))
    }
}
