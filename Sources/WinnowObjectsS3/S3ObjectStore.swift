public import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
public import WinnowObjects

/// An ``ObjectStore`` on one bucket (and optional key prefix) of S3-compatible storage: AWS S3, Huawei
/// OBS, MinIO, SeaweedFS.
///
/// Requests are signed with Signature Version 4. Objects above
/// ``S3Configuration/multipartThreshold`` are uploaded in parts; listing pages through ListObjectsV2.
/// S3's error answers become ``ObjectStoreError``s carrying S3's code and message: `NoSuchKey` is
/// `.notFound`, refused credentials are `.denied` naming the bucket.
public struct S3ObjectStore: ObjectStore {
    /// The bucket and key prefix this store works in.
    public let location: S3URI
    /// Endpoint, region, credentials and transfer sizes.
    public let configuration: S3Configuration
    let client: HTTPClient
    let signer: SigV4Signer

    /// A store for `location` (`s3://bucket/prefix/`, `obs://bucket`).
    ///
    /// - Parameter httpClient: the client requests go through; the process-wide shared client by default.
    /// - Throws: ``ObjectStoreError`` for a URI that names no valid bucket or an unsafe prefix.
    public init(uri: String, configuration: S3Configuration, httpClient: HTTPClient = .shared) throws(ObjectStoreError) {
        self.init(location: try S3URI(uri), configuration: configuration, httpClient: httpClient)
    }

    /// A store for an already-parsed location.
    public init(location: S3URI, configuration: S3Configuration, httpClient: HTTPClient = .shared) {
        self.location = location
        self.configuration = configuration
        self.client = httpClient
        self.signer = SigV4Signer(credentials: configuration.credentials, region: configuration.region)
    }

    var bucket: String { location.bucket }

    /// The full object key in the bucket.
    func objectName(_ key: ObjectKey) -> String { location.prefix + key.rawValue }

    /// `s3://bucket/prefix/key`, for messages.
    func resource(_ key: ObjectKey) -> String { "\(location.scheme)://\(bucket)/\(objectName(key))" }

    public func put(_ key: ObjectKey, _ bytes: [UInt8]) async throws {
        if bytes.count > configuration.multipartThreshold {
            try await putMultipart(key, bytes)
            return
        }
        _ = try await send(
            .PUT, object: objectName(key), body: bytes, operation: "PutObject", resource: resource(key),
            headers: [(name: "content-type", value: "application/octet-stream")]
        )
    }

    public func get(_ key: ObjectKey, maximumSize: Int) async throws -> [UInt8] {
        try await send(.GET, object: objectName(key), operation: "GetObject", resource: resource(key), maximumSize: maximumSize).body
    }

    public func exists(_ key: ObjectKey) async throws -> Bool {
        let response = try await send(
            .HEAD, object: objectName(key), operation: "HeadObject", resource: resource(key), accepting: [404]
        )
        return response.status != 404
    }

    public func delete(_ key: ObjectKey) async throws {
        _ = try await send(.DELETE, object: objectName(key), operation: "DeleteObject", resource: resource(key), accepting: [404])
    }

    public func list(prefix: String) async throws -> [ObjectKey] {
        var keys: [ObjectKey] = []
        for try await key in self.keys(prefix: prefix) { keys.append(key) }
        return keys
    }

    public func keys(prefix: String) -> AsyncThrowingStream<ObjectKey, any Error> {
        let pages = S3ListCursor(store: self, prefix: prefix)
        return AsyncThrowingStream(unfolding: { try await pages.next() })
    }
}
