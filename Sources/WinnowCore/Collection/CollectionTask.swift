public import Foundation

/// One data-collection run on a batch service: a sync of its inputs into a dataset, or a
/// hard-example filtering of its results.
public struct CollectionTask: Sendable, Hashable, Codable, Identifiable {
    /// What the task does.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Every input becomes an unlabeled sample.
        case sync
        /// The hard examples among the results become to-be-confirmed samples.
        case filter
    }

    public var id: String
    public var kind: Kind
    public var serviceID: String
    public var serviceName: String
    public var datasetID: String
    public var datasetName: String
    public var status: CollectionTaskStatus
    /// Why the task failed.
    public var failureReason: String?
    /// Inputs or results looked at.
    public var scanned: Int
    /// Hard examples found (filter tasks).
    public var hard: Int
    /// Samples that became visible in the dataset (new ones; those already there are not counted).
    public var imported: Int
    /// The store import holding staged samples while the task runs.
    public var importID: String?
    public var createdAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?
    /// What a filter task's mining found (totals, counts, histograms, feature distributions), for its
    /// report; `nil` for sync tasks and for filter tasks run before Winnow recorded it.
    public var mining: MiningSummary?

    public init(
        id: String = Identifier.make(), kind: Kind, serviceID: String, serviceName: String, datasetID: String, datasetName: String,
        status: CollectionTaskStatus = .queued, failureReason: String? = nil, scanned: Int = 0, hard: Int = 0, imported: Int = 0,
        importID: String? = nil, createdAt: Date = Date(), startedAt: Date? = nil, finishedAt: Date? = nil,
        mining: MiningSummary? = nil
    ) {
        self.mining = mining
        self.id = id
        self.kind = kind
        self.serviceID = serviceID
        self.serviceName = serviceName
        self.datasetID = datasetID
        self.datasetName = datasetName
        self.status = status
        self.failureReason = failureReason
        self.scanned = scanned
        self.hard = hard
        self.imported = imported
        self.importID = importID
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }

    /// Moves the task to `running` for a run: `startedAt` keeps the first run's time, and the last
    /// failure is cleared. Throws as ``transition(to:)`` does.
    public mutating func beginRun(at date: Date = Date()) throws(StatusTransitionError) {
        try transition(to: .running)
        startedAt = startedAt ?? date
        failureReason = nil
    }

    /// Moves the task to `next`, or throws saying from what to what (ModelArts.3851).
    public mutating func transition(to next: CollectionTaskStatus) throws(StatusTransitionError) {
        guard status.canTransition(to: next) else {
            throw StatusTransitionError(subject: "task \(id)", from: status.rawValue, to: next.rawValue)
        }
        status = next
    }
}

/// `queued → running → importing → completed`, or `failed` from any unfinished status; a failed
/// task can be queued again (retry).
public enum CollectionTaskStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case queued
    case running
    case importing
    case completed
    case failed

    public func canTransition(to next: CollectionTaskStatus) -> Bool {
        switch (self, next) {
        case (.queued, .running), (.running, .importing), (.importing, .completed): true
        case (.queued, .failed), (.running, .failed), (.importing, .failed): true
        case (.failed, .queued): true
        // A run interrupted by a killed process starts over: its staged samples were never visible.
        case (.running, .running), (.importing, .running): true
        default: false
        }
    }

    /// How the console and CLI show it: `completed` reads "Dataset import complete", as in ModelArts.
    public var displayName: String {
        switch self {
        case .queued: "Queued"
        case .running: "Running"
        case .importing: "Importing"
        case .completed: "Dataset import complete"
        case .failed: "Failed"
        }
    }
}
