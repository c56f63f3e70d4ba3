public import AsyncHTTPClient
public import WinnowCore
public import WinnowObjects

/// Reads `s3://`, `s3a://` and `obs://` locations from S3-compatible storage and hands every other
/// location (local paths, inline text) to another reader, ``StandardResourceReader`` by default.
///
/// Made from the environment without credentials, it still reads local files; an object location then
/// fails with the error saying which variables to set.
public struct S3ResourceReader: ResourceReader {
    /// How to reach the storage, or why it cannot be reached.
    public let configuration: Result<S3Configuration, ObjectStoreError>
    /// The reader for everything that is not an object.
    public let fallback: any ResourceReader
    let client: HTTPClient

    /// A reader with an explicit configuration.
    public init(configuration: S3Configuration, fallback: any ResourceReader = StandardResourceReader(), httpClient: HTTPClient = .shared) {
        self.configuration = .success(configuration)
        self.fallback = fallback
        self.client = httpClient
    }

    /// A reader configured by ``S3Configuration/fromEnvironment(_:)``.
    public init(
        environment: [String: String], fallback: any ResourceReader = StandardResourceReader(), httpClient: HTTPClient = .shared
    ) {
        do {
            configuration = .success(try S3Configuration.fromEnvironment(environment))
        } catch {
            configuration = .failure(error)
        }
        self.fallback = fallback
        self.client = httpClient
    }

    public func bytes(of location: ResourceLocation, maximumSize: Int) async throws -> [UInt8] {
        guard case .object(let scheme, let bucket, let key) = location else {
            return try await fallback.bytes(of: location, maximumSize: maximumSize)
        }
        let (store, objectKey) = try object(scheme: scheme, bucket: bucket, key: key, location: location)
        return try await store.get(objectKey, maximumSize: maximumSize)
    }

    /// An object is read with `Range` requests of `chunkSize` bytes (at least 64 KiB), one at a time, so
    /// memory stays flat in its size; a change to the object while it is read fails the stream (ETag).
    /// Other locations stream through the fallback reader.
    public func chunks(of location: ResourceLocation, chunkSize: Int) async throws -> AsyncThrowingStream<[UInt8], any Error> {
        guard case .object(let scheme, let bucket, let key) = location else {
            return try await fallback.chunks(of: location, chunkSize: chunkSize)
        }
        let (store, objectKey) = try object(scheme: scheme, bucket: bucket, key: key, location: location)
        let cursor = S3RangeCursor(store: store, key: objectKey, pieceSize: max(64 << 10, chunkSize))
        return AsyncThrowingStream(unfolding: { try await cursor.next() })
    }

    /// The objects below `location` (`s3://bucket/prefix`, taken as a folder: `prefix/`), page by page.
    public func objects(under location: ResourceLocation) -> AsyncThrowingStream<ResourceLocation, any Error> {
        guard case .object(let scheme, let bucket, let key) = location else {
            return fallback.objects(under: location)
        }
        let prefix = key.isEmpty || key.hasSuffix("/") ? key : key + "/"
        let cursor: S3ListCursor
        do {
            try ObjectKey.checkPrefix(prefix)
            let store = try self.store(scheme: scheme, bucket: bucket, location: location)
            cursor = S3ListCursor(store: store, prefix: prefix)
        } catch {
            return AsyncThrowingStream { $0.finish(throwing: error) }
        }
        return AsyncThrowingStream(unfolding: {
            try await cursor.next().map { ResourceLocation.object(scheme: scheme, bucket: bucket, key: $0.rawValue) }
        })
    }

    /// The bucket's store and the checked key of an object location.
    private func object(scheme: String, bucket: String, key: String, location: ResourceLocation) throws(ObjectStoreError) -> (S3ObjectStore, ObjectKey) {
        let store = try self.store(scheme: scheme, bucket: bucket, location: location)
        do {
            return (store, try ObjectKey(key))
        } catch {
            throw ObjectStoreError(.invalidKey, "\(location): \(error.message)")
        }
    }

    private func store(scheme: String, bucket: String, location: ResourceLocation) throws(ObjectStoreError) -> S3ObjectStore {
        let configuration: S3Configuration
        switch self.configuration {
        case .success(let value): configuration = value
        case .failure(let error): throw ObjectStoreError(error.code, "\(location): \(error.message)")
        }
        try S3URI.checkBucket(bucket, in: location.description)
        return S3ObjectStore(location: S3URI(scheme: scheme, bucket: bucket), configuration: configuration, httpClient: client)
    }
}
