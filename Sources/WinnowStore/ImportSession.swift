public import Foundation

/// What to do when an imported sample's source is already in the dataset.
public enum ImportConflictPolicy: String, Sendable, Hashable, CaseIterable {
    /// Keep the existing sample; the imported one is counted as skipped (sync, collection tasks).
    case skipExisting = "skip"
    /// Replace the existing sample with the imported one (manifest import).
    case replaceExisting = "replace"
    /// Replace an existing sample only while it is unlabeled; keep labeled and to-be-confirmed ones
    /// (hard-example filtering after a sync).
    case replaceUnlabeled = "replace_unlabeled"
}

/// The result of committing an import.
public struct ImportOutcome: Sendable, Hashable, Codable {
    /// Samples that became visible as new.
    public var inserted: Int
    /// Existing samples replaced by imported ones.
    public var replaced: Int
    /// Imported samples dropped because their source was already in the dataset.
    public var skipped: Int

    public init(inserted: Int = 0, replaced: Int = 0, skipped: Int = 0) {
        self.inserted = inserted
        self.replaced = replaced
        self.skipped = skipped
    }
}

/// An import that was begun and neither committed nor aborted (for example, its process was killed).
public struct PendingImport: Sendable, Hashable, Codable {
    public var id: String
    public var datasetID: String
    /// Samples staged so far.
    public var stagedCount: Int
    public var startedAt: Date

    public init(id: String, datasetID: String, stagedCount: Int, startedAt: Date) {
        self.id = id
        self.datasetID = datasetID
        self.stagedCount = stagedCount
        self.startedAt = startedAt
    }
}
