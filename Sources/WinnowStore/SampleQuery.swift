public import WinnowCore

/// Which samples of a dataset to list or count, and in what order.
public struct SampleQuery: Sendable, Hashable {
    /// Sort keys.
    public enum SortKey: String, Sendable, Hashable, CaseIterable {
        /// By sample id: stable, and what keyset pagination (``afterID``) uses.
        case id
        /// By source URI.
        case source
        /// By hard-example coefficient (samples without one last).
        case coefficient
        /// By creation time.
        case createdAt = "created_at"
    }

    public var datasetID: String
    public var state: SampleState?
    /// `true`: hard samples only; `false`: samples not flagged hard.
    public var hard: Bool?
    /// Samples picked for this reason code.
    public var reason: Int?
    /// Samples whose coefficient lies in this range.
    public var coefficient: ClosedRange<Double>?
    /// Samples with a label of this name.
    public var label: String?
    public var sort: SortKey
    public var descending: Bool
    /// Keyset pagination: only samples whose id is greater than this (with `sort == .id`, ascending).
    public var afterID: String?
    public var limit: Int?
    public var offset: Int

    public init(
        datasetID: String,
        state: SampleState? = nil,
        hard: Bool? = nil,
        reason: Int? = nil,
        coefficient: ClosedRange<Double>? = nil,
        label: String? = nil,
        sort: SortKey = .id,
        descending: Bool = false,
        afterID: String? = nil,
        limit: Int? = nil,
        offset: Int = 0
    ) {
        self.datasetID = datasetID
        self.state = state
        self.hard = hard
        self.reason = reason
        self.coefficient = coefficient
        self.label = label
        self.sort = sort
        self.descending = descending
        self.afterID = afterID
        self.limit = limit
        self.offset = offset
    }
}
