public import WinnowCore

/// Reads the files a manifest names (`source`, `annotation-loc`, `inference-loc`) wherever they are.
public protocol ResourceReader: Sendable {
    /// The whole resource, refusing one larger than `maximumSize` bytes.
    func bytes(of location: ResourceLocation, maximumSize: Int) async throws -> [UInt8]
    /// The resource in chunks of about `chunkSize` bytes, for streaming large manifests.
    func chunks(of location: ResourceLocation, chunkSize: Int) async throws -> AsyncThrowingStream<[UInt8], any Error>
    /// The objects below an object location taken as a folder (`s3://bucket/prefix`), in key order, for
    /// a batch service whose input is a bucket prefix. The default implementation refuses with `.unsupported`.
    func objects(under location: ResourceLocation) -> AsyncThrowingStream<ResourceLocation, any Error>
}

extension ResourceReader {
    public func objects(under location: ResourceLocation) -> AsyncThrowingStream<ResourceLocation, any Error> {
        AsyncThrowingStream {
            $0.finish(throwing: ObjectStoreError(.unsupported, "\(location): this reader cannot list objects; configure S3 storage"))
        }
    }
}
