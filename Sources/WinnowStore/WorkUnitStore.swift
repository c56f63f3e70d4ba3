public import Foundation

/// One unit of a distributed job: a payload a worker processes, and who holds it.
public struct WorkUnit: Sendable, Hashable, Codable {
    /// Where a unit stands.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// Never claimed, or claimed under a lease that expired before anyone took it over (still `leased`
        /// in the store until claimed again; see ``WorkUnitStore/claimUnits(jobID:worker:limit:leaseDuration:now:)``).
        case pending
        /// Held by a worker until ``WorkUnit/leaseExpiresAt``.
        case leased
        /// Done; ``WorkUnit/result`` is the first completion's result.
        case completed
    }

    public var jobID: String
    /// Position in the job, from 0, in enqueue order.
    public var sequence: Int
    /// What the worker needs (opaque to the store, typically JSON).
    public var payload: String
    public var state: State
    /// How many times the unit was claimed.
    public var attempts: Int
    /// The worker holding (or that last held) the lease.
    public var worker: String?
    public var leaseExpiresAt: Date?
    public var result: String?

    public init(jobID: String, sequence: Int, payload: String, state: State = .pending, attempts: Int = 0,
                worker: String? = nil, leaseExpiresAt: Date? = nil, result: String? = nil) {
        self.jobID = jobID
        self.sequence = sequence
        self.payload = payload
        self.state = state
        self.attempts = attempts
        self.worker = worker
        self.leaseExpiresAt = leaseExpiresAt
        self.result = result
    }
}

/// A claimed unit: the proof (`token`) that this worker holds it until `expiresAt`.
public struct WorkLease: Sendable, Hashable, Codable {
    public var jobID: String
    public var sequence: Int
    public var payload: String
    public var worker: String
    /// Unique per claim: a later claim of the same unit (after expiry) gets another token.
    public var token: String
    public var expiresAt: Date
    /// Which claim of the unit this is, from 1.
    public var attempt: Int

    public init(jobID: String, sequence: Int, payload: String, worker: String, token: String, expiresAt: Date, attempt: Int) {
        self.jobID = jobID
        self.sequence = sequence
        self.payload = payload
        self.worker = worker
        self.token = token
        self.expiresAt = expiresAt
        self.attempt = attempt
    }
}

/// How far a job is: its units, and how many are completed.
public struct WorkUnitCounts: Sendable, Hashable {
    /// Units in the job.
    public var total: Int
    /// Completed units.
    public var completed: Int

    public init(total: Int, completed: Int) {
        self.total = total
        self.completed = completed
    }

    /// Whether every unit is completed (true for a job without units).
    public var isComplete: Bool { completed == total }
}

/// What completing a unit did.
public enum WorkCompletion: String, Sendable, Hashable, Codable {
    /// The unit is now completed with this result.
    case completed
    /// It was completed before (by this lease or another); the first result is kept. Safe to retry.
    case alreadyCompleted = "already_completed"
    /// Another worker claimed the unit after this lease expired; this result is dropped.
    case leaseLost = "lease_lost"
}

/// Leased work units for distributed workers: enqueue a job's units, claim them under a lease, renew
/// it with heartbeats, and complete them idempotently. A unit whose lease expires can be claimed by
/// another worker (takeover); the first worker then learns it lost the lease.
///
/// Times are passed in (`now`) so that expiry is testable without waiting; workers pass `Date()`.
public protocol WorkUnitStore: Sendable {
    /// Appends units to a job, numbered after its last unit; returns their sequence numbers.
    @discardableResult
    func enqueueUnits(jobID: String, payloads: [String]) async throws -> Range<Int>
    /// Claims up to `limit` units of a job that are pending or whose lease expired at `now`, lowest
    /// sequence first, leasing them to `worker` until `now + leaseDuration`. Concurrent claims, from any
    /// process, never receive the same unit.
    func claimUnits(jobID: String, worker: String, limit: Int, leaseDuration: TimeInterval, now: Date) async throws -> [WorkLease]
    /// Extends a held lease to `now + leaseDuration`; `nil` when the lease is no longer held (another
    /// worker claimed the unit, or it was completed). Throws `.notFound` for an unknown unit.
    func heartbeat(_ lease: WorkLease, leaseDuration: TimeInterval, now: Date) async throws -> WorkLease?
    /// Completes the unit of `lease` with `result`. Throws `.notFound` for an unknown unit.
    func completeUnit(_ lease: WorkLease, result: String, now: Date) async throws -> WorkCompletion
    /// A job's units in sequence order.
    func workUnits(jobID: String) async throws -> [WorkUnit]
    /// How many units a job has and how many are completed, without reading their payloads and results
    /// (what idle workers ask on every poll).
    func unitCounts(jobID: String) async throws -> WorkUnitCounts
    /// Deletes a job's units; returns how many there were.
    @discardableResult
    func deleteUnits(jobID: String) async throws -> Int
}
