import Foundation
public import WinnowStore

/// The behaviour every ``WorkUnitStore`` must show, as named checks run against a fresh store.
public enum WorkUnitStoreConformance {
    public struct Check: Sendable, CustomStringConvertible {
        public let name: String
        public let run: @Sendable (any WorkUnitStore) async throws -> Void
        public var description: String { name }
    }

    static let t0 = ConformanceFixtures.epoch

    public static let checks: [Check] = [
        Check(name: "units are numbered per job in enqueue order and start pending") { store in
            try checkEqual(try await store.enqueueUnits(jobID: "a", payloads: ["p0", "p1"]), 0..<2, "first batch")
            try checkEqual(try await store.enqueueUnits(jobID: "b", payloads: ["q0"]), 0..<1, "other job")
            try checkEqual(try await store.enqueueUnits(jobID: "a", payloads: ["p2"]), 2..<3, "second batch")
            let units = try await store.workUnits(jobID: "a")
            try checkEqual(units.map(\.payload), ["p0", "p1", "p2"], "payloads in order")
            try checkEqual(units.map(\.state), [.pending, .pending, .pending], "states")
            try checkEqual(units.map(\.attempts), [0, 0, 0], "attempts")
            try checkEqual(try await store.deleteUnits(jobID: "a"), 3, "deleted")
            try checkEqual(try await store.workUnits(jobID: "a"), [], "units after delete")
            try checkEqual(try await store.workUnits(jobID: "b").count, 1, "other job kept")
        },
        Check(name: "claims lease the lowest pending units of the job, up to the limit, once") { store in
            try await store.enqueueUnits(jobID: "j", payloads: (0..<5).map { "u\($0)" })
            try await store.enqueueUnits(jobID: "other", payloads: ["x"])
            let first = try await store.claimUnits(jobID: "j", worker: "w1", limit: 2, leaseDuration: 30, now: t0)
            try checkEqual(first.map(\.sequence), [0, 1], "first claim")
            try checkEqual(first.map(\.payload), ["u0", "u1"], "payloads")
            try checkEqual(first.map(\.attempt), [1, 1], "attempt numbers")
            try checkEqual(first.map(\.expiresAt), [t0.addingTimeInterval(30), t0.addingTimeInterval(30)], "lease end")
            try check(Set(first.map(\.token)).count == 2, "each claim has its own token")
            let second = try await store.claimUnits(jobID: "j", worker: "w2", limit: 10, leaseDuration: 30, now: t0.addingTimeInterval(1))
            try checkEqual(second.map(\.sequence), [2, 3, 4], "second claim takes the rest")
            try checkEqual(try await store.claimUnits(jobID: "j", worker: "w3", limit: 10, leaseDuration: 30, now: t0.addingTimeInterval(2)), [],
                           "nothing left before the leases expire")
            let units = try await store.workUnits(jobID: "j")
            try checkEqual(units.map(\.state), Array(repeating: .leased, count: 5), "all leased")
            try checkEqual(units.map(\.worker), ["w1", "w1", "w2", "w2", "w2"], "holders")
            try checkEqual(try await store.unitCounts(jobID: "j"), WorkUnitCounts(total: 5, completed: 0), "counts while leased")
            try checkEqual(try await store.unitCounts(jobID: "none"), WorkUnitCounts(total: 0, completed: 0), "counts of an unknown job")
            let none = try await store.unitCounts(jobID: "none")
            try check(none.isComplete, "a job without units is complete")
            try checkEqual(try await store.workUnits(jobID: "other").map(\.state), [.pending], "other job untouched")
        },
        Check(name: "an expired lease is taken over; the first worker learns it lost the unit") { store in
            try await store.enqueueUnits(jobID: "j", payloads: ["only"])
            let lease1 = try await store.claimUnits(jobID: "j", worker: "w1", limit: 1, leaseDuration: 10, now: t0)[0]
            let renewed = try await store.heartbeat(lease1, leaseDuration: 10, now: t0.addingTimeInterval(5))
            try checkEqual(renewed?.expiresAt, t0.addingTimeInterval(15), "heartbeat extends the lease")
            try checkEqual(try await store.claimUnits(jobID: "j", worker: "w2", limit: 1, leaseDuration: 10, now: t0.addingTimeInterval(12)), [],
                           "a renewed lease is not taken over")
            let takeover = try await store.claimUnits(jobID: "j", worker: "w2", limit: 1, leaseDuration: 10, now: t0.addingTimeInterval(16))
            try checkEqual(takeover.map(\.attempt), [2], "takeover after expiry is the second attempt")
            let lease2 = takeover[0]
            try check(lease2.token != lease1.token, "the takeover has a new token")
            try checkEqual(try await store.heartbeat(lease1, leaseDuration: 10, now: t0.addingTimeInterval(17)), nil, "old holder's heartbeat")
            try checkEqual(try await store.completeUnit(lease1, result: "late", now: t0.addingTimeInterval(17)), .leaseLost, "old holder completes")
            try checkEqual(try await store.completeUnit(lease2, result: "done", now: t0.addingTimeInterval(18)), .completed, "new holder completes")
            try checkEqual(try await store.completeUnit(lease2, result: "again", now: t0.addingTimeInterval(19)), .alreadyCompleted, "retry")
            try checkEqual(try await store.completeUnit(lease1, result: "late", now: t0.addingTimeInterval(20)), .alreadyCompleted, "after completion")
            let unit = try await store.workUnits(jobID: "j")[0]
            try checkEqual(try await store.unitCounts(jobID: "j"), WorkUnitCounts(total: 1, completed: 1), "counts")
            try checkEqual(unit.state, .completed, "state")
            try checkEqual(unit.result, "done", "the first result is kept")
            try checkEqual(unit.worker, "w2", "holder")
            try checkEqual(unit.attempts, 2, "attempts")
            try checkEqual(try await store.heartbeat(lease2, leaseDuration: 10, now: t0.addingTimeInterval(21)), nil, "heartbeat after completion")
            try checkEqual(try await store.claimUnits(jobID: "j", worker: "w3", limit: 1, leaseDuration: 10, now: t0.addingTimeInterval(99)), [],
                           "a completed unit is never claimed")
        },
        Check(name: "an expired lease nobody took over can still complete") { store in
            try await store.enqueueUnits(jobID: "j", payloads: ["slow"])
            let lease = try await store.claimUnits(jobID: "j", worker: "w1", limit: 1, leaseDuration: 10, now: t0)[0]
            try checkEqual(try await store.heartbeat(lease, leaseDuration: 10, now: t0.addingTimeInterval(11))?.expiresAt,
                           t0.addingTimeInterval(21), "late heartbeat while nobody took over")
            try checkEqual(try await store.completeUnit(lease, result: "ok", now: t0.addingTimeInterval(40)), .completed, "late completion")
        },
        Check(name: "concurrent claims never hand out a unit twice") { store in
            try await store.enqueueUnits(jobID: "j", payloads: (0..<40).map { "u\($0)" })
            let claimed = try await withThrowingTaskGroup(of: [WorkLease].self) { group in
                for worker in 0..<8 {
                    group.addTask { try await store.claimUnits(jobID: "j", worker: "w\(worker)", limit: 7, leaseDuration: 60, now: t0) }
                }
                return try await group.reduce(into: [WorkLease]()) { $0 += $1 }
            }
            try checkEqual(claimed.count, 40, "every unit claimed")
            try checkEqual(Set(claimed.map(\.sequence)).count, 40, "no unit claimed twice")
        },
        Check(name: "unknown units are reported") { store in
            let ghost = WorkLease(jobID: "none", sequence: 3, payload: "", worker: "w", token: "t", expiresAt: t0, attempt: 1)
            try await checkThrows("heartbeat of an unknown unit", matching: { ($0 as? StoreError)?.code == .notFound }) {
                _ = try await store.heartbeat(ghost, leaseDuration: 10, now: t0)
            }
            try await checkThrows("completing an unknown unit", matching: { ($0 as? StoreError)?.code == .notFound }) {
                _ = try await store.completeUnit(ghost, result: "", now: t0)
            }
            try checkEqual(try await store.claimUnits(jobID: "none", worker: "w", limit: 5, leaseDuration: 10, now: t0), [], "empty job")
        },
    ]
}
