import Foundation

/// What one work unit of a distributed job asks a worker to do. Stored as JSON in the unit's payload.
public enum WorkPayload: Sendable, Hashable, Codable {
    /// Ask the model about the service's still pending items with sequence numbers in `from..<to`.
    case inference(serviceID: String, runID: String, from: Int, to: Int)
    /// Once every inference unit is complete: write the output manifests, queue the filtering task's
    /// mining shards (when filtering is on) and mark the service finished.
    case finishService(serviceID: String, runID: String, miningShards: Int)
    /// Phase 1 of a filtering task's mining on shard `index` of `count` (entries by position modulo `count`).
    case miningShard(taskID: String, index: Int, count: Int)
    /// Once every mining shard is complete: phase 2 on their records, and the dataset import.
    case finishFiltering(taskID: String, shards: Int)

    /// The payload as stored (JSON, keys sorted).
    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// The payload stored in `text`.
    /// - Throws: ``EngineError`` `.invalidInput` naming the unit when it is not a payload this build knows.
    public init(decoding text: String, unit: String) throws {
        do {
            self = try JSONDecoder().decode(WorkPayload.self, from: Data(text.utf8))
        } catch {
            throw EngineError(.invalidInput, "work unit \(unit): payload is not one this Winnow knows (\(text.prefix(120))): \(error)")
        }
    }
}

/// The job identifiers of distributed runs: a job per phase, its final step in a job of its own so that
/// workers claim it only once every unit of the phase is complete.
public enum DistributedJobID {
    /// The inference units of one run of a service.
    public static func inference(serviceID: String, runID: String) -> String { "service/\(serviceID)/\(runID)" }
    /// The unit that finishes that run.
    public static func finishService(serviceID: String, runID: String) -> String { "service/\(serviceID)/\(runID)/finish" }
    /// The mining shards of a filtering task.
    public static func mining(taskID: String) -> String { "task/\(taskID)" }
    /// The unit that runs that task's phase 2 and import.
    public static func finishFiltering(taskID: String) -> String { "task/\(taskID)/finish" }
}
