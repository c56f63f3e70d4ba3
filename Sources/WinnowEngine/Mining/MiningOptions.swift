import Foundation
public import WinnowCore

/// How the engine runs mining around WinnowCore's rules: which embedding, how many images at once,
/// which shard, and how many training images are measured.
public struct MiningOptions: Sendable, Hashable {
    /// Where embeddings come from.
    public enum EmbeddingSource: String, Sendable, Hashable, CaseIterable {
        /// The built-in image descriptor when a training manifest is given (both sides must use the same
        /// kind of vector), else the model's `embedding` when its first answer has one, else built-in.
        case automatic = "auto"
        /// The model's `embedding` field (samples without one have none).
        case model
        /// The built-in descriptor computed from the pixels.
        case builtin
    }

    /// One of `count` disjoint parts of a batch (by position modulo `count`), for phase 1 on several
    /// machines. `index` is 0-based.
    public struct Shard: Sendable, Hashable, CustomStringConvertible {
        /// This part, from 0.
        public var index: Int
        /// The number of parts.
        public var count: Int

        /// Parses `i/N` with 1 ≤ i ≤ N, as the CLI takes it.
        public init(parsing text: String) throws(ValidationError) {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(i) else {
                throw ValidationError(field: "shard", message: "expected i/N with 1 ≤ i ≤ N (e.g. 2/4), got '\(text)'")
            }
            index = i - 1
            count = n
        }

        /// Whether the entry at `position` belongs to this shard.
        public func contains(_ position: Int) -> Bool { position % count == index }

        public var description: String { "\(index + 1)/\(count)" }
    }

    /// The rules' configuration.
    public var configuration: MiningConfiguration
    /// The model's type.
    public var type: LabelingType
    /// Where embeddings come from.
    public var embeddingSource: EmbeddingSource
    /// Images decoded at once (default: the number of cores).
    public var concurrency: Int
    /// The most training images whose pixels are measured (a seeded uniform choice); labels and boxes
    /// of all of them are used. Default 5,000.
    public var referenceImageLimit: Int
    /// The shard phase 1 works on, if any.
    public var shard: Shard?

    /// Options with the given parts.
    public init(
        configuration: MiningConfiguration = MiningConfiguration(), type: LabelingType, embeddingSource: EmbeddingSource = .automatic,
        concurrency: Int? = nil, referenceImageLimit: Int = 5000, shard: Shard? = nil
    ) {
        self.configuration = configuration
        self.type = type
        self.embeddingSource = embeddingSource
        self.concurrency = max(1, concurrency ?? ProcessInfo.processInfo.activeProcessorCount)
        self.referenceImageLimit = referenceImageLimit
        self.shard = shard
    }
}
