public import Foundation

/// Work units held in memory: the reference behaviour for ``WorkUnitStore``.
public actor MemoryWorkUnitStore: WorkUnitStore {
    private struct Key: Hashable {
        var jobID: String
        var sequence: Int
    }

    private var units: [Key: WorkUnit] = [:]
    private var tokens: [Key: String] = [:]
    private var lastSequence: [String: Int] = [:]

    public init() {}

    @discardableResult
    public func enqueueUnits(jobID: String, payloads: [String]) -> Range<Int> {
        let first = (lastSequence[jobID] ?? -1) + 1
        for (offset, payload) in payloads.enumerated() {
            units[Key(jobID: jobID, sequence: first + offset)] = WorkUnit(jobID: jobID, sequence: first + offset, payload: payload)
        }
        if !payloads.isEmpty { lastSequence[jobID] = first + payloads.count - 1 }
        return first..<(first + payloads.count)
    }

    public func claimUnits(jobID: String, worker: String, limit: Int, leaseDuration: TimeInterval, now: Date) -> [WorkLease] {
        let claimable = units.values.filter { unit in
            unit.jobID == jobID && (unit.state == .pending || (unit.state == .leased && (unit.leaseExpiresAt ?? now) <= now))
        }.sorted { $0.sequence < $1.sequence }.prefix(max(0, limit))
        let expiresAt = now.addingTimeInterval(leaseDuration)
        return claimable.map { unit in
            let key = Key(jobID: jobID, sequence: unit.sequence)
            var leased = unit
            leased.state = .leased
            leased.attempts += 1
            leased.worker = worker
            leased.leaseExpiresAt = expiresAt
            units[key] = leased
            let token = UUID().uuidString
            tokens[key] = token
            return WorkLease(jobID: jobID, sequence: unit.sequence, payload: unit.payload, worker: worker, token: token,
                             expiresAt: expiresAt, attempt: leased.attempts)
        }
    }

    public func heartbeat(_ lease: WorkLease, leaseDuration: TimeInterval, now: Date) throws -> WorkLease? {
        let key = Key(jobID: lease.jobID, sequence: lease.sequence)
        guard var unit = units[key] else { throw Self.unitNotFound(lease) }
        guard unit.state == .leased, tokens[key] == lease.token else { return nil }
        unit.leaseExpiresAt = now.addingTimeInterval(leaseDuration)
        units[key] = unit
        var renewed = lease
        renewed.expiresAt = now.addingTimeInterval(leaseDuration)
        return renewed
    }

    public func completeUnit(_ lease: WorkLease, result: String, now: Date) throws -> WorkCompletion {
        let key = Key(jobID: lease.jobID, sequence: lease.sequence)
        guard var unit = units[key] else { throw Self.unitNotFound(lease) }
        if unit.state == .completed { return .alreadyCompleted }
        guard tokens[key] == lease.token else { return .leaseLost }
        unit.state = .completed
        unit.result = result
        unit.leaseExpiresAt = nil
        units[key] = unit
        return .completed
    }

    public func workUnits(jobID: String) -> [WorkUnit] {
        units.values.filter { $0.jobID == jobID }.sorted { $0.sequence < $1.sequence }
    }

    public func unitCounts(jobID: String) -> WorkUnitCounts {
        let states = units.values.lazy.filter { $0.jobID == jobID }.map(\.state)
        return WorkUnitCounts(total: states.count, completed: states.filter { $0 == .completed }.count)
    }

    @discardableResult
    public func deleteUnits(jobID: String) -> Int {
        let keys = units.keys.filter { $0.jobID == jobID }
        for key in keys {
            units[key] = nil
            tokens[key] = nil
        }
        lastSequence[jobID] = nil
        return keys.count
    }

    static func unitNotFound(_ lease: WorkLease) -> StoreError {
        StoreError(.notFound, "work unit \(lease.sequence) of job '\(lease.jobID)' does not exist")
    }
}
