/// The phase-1 records of every shard of a filtering task, computed apart (by workers), ready for one
/// phase 2: a buffer of JSON lines per shard (named for error messages) and the problems the shards met.
public struct PhaseOneRecords: Sendable {
    /// Each shard's records as JSON lines, with a name for messages (`task T shard 2/4`).
    public var shards: [(name: String, bytes: [UInt8])]
    /// Problems the shards met that did not stop them, in shard order.
    public var problems: MiningProblems

    /// Records of `shards` and their `problems`.
    public init(shards: [(name: String, bytes: [UInt8])], problems: MiningProblems) {
        self.shards = shards
        self.problems = problems
    }
}
