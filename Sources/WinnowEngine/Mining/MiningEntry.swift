public import WinnowCore

/// One line of a batch service's output, as mining reads it: where the image is and where the model's
/// answer is (or why there is none). Entries are small, so a batch is streamed in chunks of them.
public struct MiningEntry: Sendable, Hashable {
    /// What the output says about this input.
    public enum Result: Sendable, Hashable {
        /// The model answered; its JSON is in this local file.
        case answerFile(String)
        /// The model answered with this JSON, fetched from `name` (an object-storage output).
        case answerBytes([UInt8], name: String)
        /// The inference failed (`result: FAILED`); the message says why.
        case failed(String)
    }

    /// Position in the batch (the output manifest's order).
    public var index: Int
    /// The image as the output names it (`source`), written back unchanged into the hard-example manifest.
    public var source: String
    /// The image's local path, when it is a local file (pixels are needed for reasons 5–18 and 19–30).
    public var imagePath: String?
    /// The model's answer file or the failure.
    public var result: Result

    /// An entry with the given parts.
    public init(index: Int, source: String, imagePath: String?, result: Result) {
        self.index = index
        self.source = source
        self.imagePath = imagePath
        self.result = result
    }
}

/// Where mining reads a batch from: a ModelArts output folder or manifest, or a batch service's stored
/// items. Entries come in chunks, in batch order, so memory stays flat in the batch size.
public protocol MiningEntrySource: Sendable {
    /// Calls `body` with consecutive chunks of at most `chunkSize` entries, in order.
    func forEachChunk(chunkSize: Int, _ body: ([MiningEntry]) async throws -> Void) async throws
}
