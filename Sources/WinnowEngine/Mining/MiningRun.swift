public import WinnowCore

/// What one mining run decided, and what it had to leave out along the way.
public struct MiningRun: Sendable {
    /// Every sample's verdict and the selection (WinnowCore's phase 2).
    public var result: MiningResult
    /// Entries read.
    public var entries: Int
    /// Entries that had no usable answer (`FAILED` lines, unreadable or invalid answer files).
    public var failures: Int
    /// Problems that did not stop the run (unreadable images, failed augmentation calls), at most
    /// ``MiningProblems/limit`` of them; ``problemCount`` counts all.
    public var problems: [String]
    /// All problems.
    public var problemCount: Int
    /// How the run was set up and where its statistics came from, for the report.
    public var notes: [String]
    /// The image sizes measured (detection), by sample index, for VOC files.
    public var imageSizes: [Int: ImageSize]
    /// Whether the embeddings were the built-in descriptor (else the model's).
    public var builtinEmbeddings: Bool
}

/// A bounded list of problems that did not stop a run.
public struct MiningProblems: Sendable {
    /// The most problems kept word for word.
    public static let limit = 100
    /// The problems kept.
    public private(set) var items: [String] = []
    /// Every problem counted.
    public private(set) var count = 0

    /// An empty list.
    public init() {}

    /// A list that kept `items` of `count` problems (a list rebuilt from a stored summary).
    public init(items: [String], count: Int) {
        self.items = Array(items.prefix(Self.limit))
        self.count = max(count, self.items.count)
    }

    /// Records `problem`.
    public mutating func append(_ problem: String) {
        count += 1
        if items.count < Self.limit { items.append(problem) }
    }

    /// Records every problem of `other`.
    public mutating func append(contentsOf other: MiningProblems) {
        for item in other.items { append(item) }
        count += other.count - other.items.count
    }
}

/// Progress of a mining run, for progress lines and bars.
public struct MiningProgress: Sendable, Hashable {
    /// The stage: `reference` (measuring training images) or `batch` (scoring samples).
    public var stage: String
    /// Items done in this stage.
    public var done: Int
    /// Items in this stage, when known.
    public var total: Int?
}
