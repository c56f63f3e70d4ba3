public import WinnowCore

/// Reads the files a manifest names (`source`, `annotation-loc`, `inference-loc`) wherever they are.
public protocol ResourceReader: Sendable {
    /// The whole resource, refusing one larger than `maximumSize` bytes.
    func bytes(of location: ResourceLocation, maximumSize: Int) async throws -> [UInt8]
    /// The resource in chunks of about `chunkSize` bytes, for streaming large manifests.
    func chunks(of location: ResourceLocation, chunkSize: Int) async throws -> AsyncThrowingStream<[UInt8], any Error>
}
