public import WinnowCore

/// Counts of a dataset's samples, as the console's tabs and charts show them.
public struct DatasetStatistics: Sendable, Hashable, Codable {
    public var total: Int
    /// Samples per state; every state is present, zero when empty.
    public var byState: [SampleState: Int]
    /// Samples flagged hard.
    public var hard: Int
    /// Hard samples per reason code (only reasons that occur).
    public var byReason: [Int: Int]

    public init(total: Int = 0, byState: [SampleState: Int] = [:], hard: Int = 0, byReason: [Int: Int] = [:]) {
        self.total = total
        self.byState = Dictionary(uniqueKeysWithValues: SampleState.allCases.map { ($0, byState[$0] ?? 0) })
        self.hard = hard
        self.byReason = byReason
    }
}
