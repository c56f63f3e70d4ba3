import Foundation
public import WinnowCore

/// Reads local files, and objects of the buckets it was given a store for.
///
/// `https://` links and buckets without a store are refused with `.unsupported`, naming the location.
public struct StandardResourceReader: ResourceReader {
    /// Object stores by bucket name (`s3://bucket/…` and `obs://bucket/…` alike).
    public var buckets: [String: any ObjectStore]

    public init(buckets: [String: any ObjectStore] = [:]) {
        self.buckets = buckets
    }

    public func bytes(of location: ResourceLocation, maximumSize: Int) async throws -> [UInt8] {
        switch location {
        case .file(let path):
            return try LocalFiles.read(path, maximumSize: maximumSize)
        case .inline(let text):
            return Array(text.utf8)
        case .object(_, let bucket, let key):
            return try await store(for: location, bucket: bucket).get(try ObjectKey(key), maximumSize: maximumSize)
        case .web:
            throw ObjectStoreError(.unsupported, "\(location): https sources are not fetched; download them or use s3://")
        }
    }

    public func chunks(of location: ResourceLocation, chunkSize: Int) async throws -> AsyncThrowingStream<[UInt8], any Error> {
        guard case .file(let path) = location else {
            let whole = try await bytes(of: location, maximumSize: 1 << 30)
            return AsyncThrowingStream { continuation in
                continuation.yield(whole)
                continuation.finish()
            }
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            _ = try LocalFiles.read(path, maximumSize: 0)  // throws the precise error (missing, folder, permissions)
            throw ObjectStoreError(.io, "\(path) cannot be read")
        }
        let size = max(4096, chunkSize)
        return AsyncThrowingStream(unfolding: {
            do {
                guard let chunk = try handle.read(upToCount: size), !chunk.isEmpty else {
                    try? handle.close()
                    return nil
                }
                return [UInt8](chunk)
            } catch {
                try? handle.close()
                throw ObjectStoreError(.io, "cannot read \(path): \(error.localizedDescription)")
            }
        })
    }

    private func store(for location: ResourceLocation, bucket: String) throws(ObjectStoreError) -> any ObjectStore {
        guard let store = buckets[bucket] else {
            throw ObjectStoreError(.unsupported, "\(location): no object store is configured for bucket '\(bucket)'")
        }
        return store
    }
}
