import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import WinnowCore

/// `GET …/samples/{id}/thumbnail[?size=N][&v=REVISION]` for the API and the console: a JPEG whose longer
/// side is `size` (default 256, 32–1600) with the detection boxes drawn in, from the cache when it was
/// rendered before. An `ETag` lets the browser revalidate (304); when the address carries the sample's
/// revision (`v`, as the console's grid writes it) the browser may keep the image for a day without asking.
enum ThumbnailResponse {
    static func make(_ request: Request, sample: Sample, environment: ServerEnvironment) async throws -> Response {
        let parameters = QueryParameters(request)
        let size = try parameters.int("size", in: ThumbnailRenderer.sizes) ?? ThumbnailRenderer.defaultSize
        let path = try await environment.roots.resolve(source: sample.source)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let key = ThumbnailCache.Key(
            sampleID: sample.id, revision: sample.updatedAt.timeIntervalSince1970, size: size,
            fileModified: (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0,
            fileLength: (attributes?[.size] as? NSNumber)?.intValue ?? 0)
        let etag = key.etag
        var headers: HTTPFields = [
            .eTag: etag, .xContentTypeOptions: "nosniff",
            .cacheControl: parameters.string("v") == nil ? "private, no-cache" : "private, max-age=86400",
        ]
        if let match = request.headers[.ifNoneMatch], match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag }) {
            return Response(status: .notModified, headers: headers)
        }
        let bytes: [UInt8]
        if let cached = await environment.thumbnails.bytes(for: key) {
            bytes = cached
        } else {
            bytes = try ThumbnailRenderer.render(path: path, labels: sample.labels, size: size)
            await environment.thumbnails.store(bytes, for: key)
        }
        headers[.contentType] = "image/jpeg"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
