import AsyncHTTPClient
import NIOHTTP1
import WinnowObjects

extension S3ObjectStore {
    /// One piece of an object read with a `Range` request.
    struct RangePiece: Sendable {
        /// The bytes from the requested offset (empty at or past the end).
        var bytes: [UInt8]
        /// The object's whole size.
        var size: Int
        /// The object's ETag, to check later pieces come from the same object.
        var etag: String?
    }

    /// Up to `length` bytes of `key` from `offset`. With `etag`, a piece of a changed object is refused
    /// (`If-Match`), so a stream never splices two versions.
    func getRange(_ key: ObjectKey, offset: Int, length: Int, ifMatch etag: String?) async throws -> RangePiece {
        var headers = [(name: "range", value: "bytes=\(offset)-\(offset + max(1, length) - 1)")]
        if let etag { headers.append((name: "if-match", value: etag)) }
        // 416: the offset is at or past the end (an empty object has no first byte).
        let response = try await send(
            .GET, object: objectName(key), operation: "GetObject", resource: resource(key), headers: headers, accepting: [416],
            maximumSize: 1 << 30)
        let tag = response.headers.first(name: "etag") ?? etag
        let total = response.headers.first(name: "content-range").flatMap(Self.totalSize(contentRange:))
        switch response.status {
        case 416: return RangePiece(bytes: [], size: total ?? offset, etag: tag)
        case 206: return RangePiece(bytes: response.body, size: total ?? offset + response.body.count, etag: tag)
        default:  // a storage that ignores Range answers 200 with the whole object
            return RangePiece(bytes: Array(response.body.dropFirst(offset)), size: response.body.count, etag: tag)
        }
    }

    /// The total of a `Content-Range` header (`bytes 0-99/1234` or `bytes */1234`).
    static func totalSize(contentRange: String) -> Int? {
        guard let slash = contentRange.lastIndex(of: "/") else { return nil }
        return Int(contentRange[contentRange.index(after: slash)...])
    }
}

/// Reads an object piece by piece with `Range` requests, so a large manifest streams in flat memory.
actor S3RangeCursor {
    let store: S3ObjectStore
    let key: ObjectKey
    let pieceSize: Int
    private var offset = 0
    private var size: Int?
    private var etag: String?

    init(store: S3ObjectStore, key: ObjectKey, pieceSize: Int) {
        self.store = store
        self.key = key
        self.pieceSize = max(1, pieceSize)
    }

    /// The next piece, or `nil` after the last.
    func next() async throws -> [UInt8]? {
        if let size, offset >= size { return nil }
        let piece = try await store.getRange(key, offset: offset, length: pieceSize, ifMatch: etag)
        size = piece.size
        etag = piece.etag
        guard !piece.bytes.isEmpty else { return nil }
        offset += piece.bytes.count
        return piece.bytes
    }
}
