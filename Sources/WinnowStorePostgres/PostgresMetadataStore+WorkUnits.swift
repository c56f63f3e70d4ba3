public import Foundation
import PostgresNIO
public import WinnowStore

/// Work units: claims lock rows with `FOR UPDATE SKIP LOCKED`, so concurrent workers in any number of
/// processes each get different units without waiting on one another.
extension PostgresMetadataStore: WorkUnitStore {
    @discardableResult
    public func enqueueUnits(jobID: String, payloads: [String]) async throws -> Range<Int> {
        try await transaction("enqueue units of job '\(jobID)'") { session in
            // Enqueues into one job take turns (the lock is released at commit).
            try await session.execute("SELECT pg_advisory_xact_lock(hashtext('winnow.work_unit'), hashtext(\(jobID)))")
            let last = try await session.scalar(Int?.self, "SELECT MAX(sequence) FROM work_unit WHERE job_id = \(jobID)").flatMap { $0 } ?? -1
            let first = last + 1
            guard !payloads.isEmpty else { return first..<first }
            try await session.execute("""
                INSERT INTO work_unit (job_id, sequence, payload, state)
                SELECT \(jobID), \(first) + u.ordinality - 1, u.payload, 'pending'
                FROM UNNEST(\(payloads)::TEXT[]) WITH ORDINALITY AS u(payload, ordinality)
                """)
            return first..<(first + payloads.count)
        }
    }

    public func claimUnits(jobID: String, worker: String, limit: Int, leaseDuration: TimeInterval, now: Date) async throws -> [WorkLease] {
        guard limit > 0 else { return [] }
        let claim = UUID().uuidString.lowercased()
        let nowValue = now.timeIntervalSinceReferenceDate
        let expires = now.addingTimeInterval(leaseDuration)
        return try await transaction("claim units of job '\(jobID)'") { session in
            try await session.rows("""
                WITH picked AS (
                    SELECT sequence FROM work_unit
                    WHERE job_id = \(jobID) AND (state = 'pending' OR (state = 'leased' AND lease_expires_at <= \(nowValue)))
                    ORDER BY sequence LIMIT \(limit)
                    FOR UPDATE SKIP LOCKED
                )
                UPDATE work_unit AS w
                SET state = 'leased', worker = \(worker), lease_token = \(claim) || ':' || w.sequence,
                    lease_expires_at = \(expires.timeIntervalSinceReferenceDate), attempts = w.attempts + 1
                FROM picked WHERE w.job_id = \(jobID) AND w.sequence = picked.sequence
                RETURNING w.sequence, w.payload, w.lease_token, w.attempts
                """).map { row in
                let (sequence, payload, token, attempts) = try row.decode((Int, String, String, Int).self)
                return WorkLease(jobID: jobID, sequence: sequence, payload: payload, worker: worker, token: token,
                                 expiresAt: expires, attempt: attempts)
            }.sorted { $0.sequence < $1.sequence }
        }
    }

    public func heartbeat(_ lease: WorkLease, leaseDuration: TimeInterval, now: Date) async throws -> WorkLease? {
        let expires = now.addingTimeInterval(leaseDuration)
        return try await transaction("renew the lease of unit \(lease.sequence) of job '\(lease.jobID)'") { session in
            if try await session.count("""
                UPDATE work_unit SET lease_expires_at = \(expires.timeIntervalSinceReferenceDate)
                WHERE job_id = \(lease.jobID) AND sequence = \(lease.sequence) AND state = 'leased' AND lease_token = \(lease.token)
                RETURNING 1
                """) > 0 {
                var renewed = lease
                renewed.expiresAt = expires
                return renewed
            }
            guard try await session.exists("SELECT 1 FROM work_unit WHERE job_id = \(lease.jobID) AND sequence = \(lease.sequence)") else {
                throw StoreError(.notFound, "work unit \(lease.sequence) of job '\(lease.jobID)' does not exist")
            }
            return nil
        }
    }

    public func completeUnit(_ lease: WorkLease, result: String, now: Date) async throws -> WorkCompletion {
        try await transaction("complete unit \(lease.sequence) of job '\(lease.jobID)'") { session in
            guard let row = try await session.rows("""
                SELECT state, lease_token FROM work_unit WHERE job_id = \(lease.jobID) AND sequence = \(lease.sequence) FOR UPDATE
                """).first else {
                throw StoreError(.notFound, "work unit \(lease.sequence) of job '\(lease.jobID)' does not exist")
            }
            let (state, token) = try row.decode((String, String?).self)
            if state == WorkUnit.State.completed.rawValue { return .alreadyCompleted }
            guard token == lease.token else { return .leaseLost }
            try await session.execute("""
                UPDATE work_unit SET state = 'completed', result = \(result), lease_expires_at = NULL
                WHERE job_id = \(lease.jobID) AND sequence = \(lease.sequence)
                """)
            return .completed
        }
    }

    public func unitCounts(jobID: String) async throws -> WorkUnitCounts {
        try await read("count units of job '\(jobID)'") { session in
            guard let row = try await session.rows("""
                SELECT COUNT(*), COUNT(*) FILTER (WHERE state = 'completed') FROM work_unit WHERE job_id = \(jobID)
                """).first else { return WorkUnitCounts(total: 0, completed: 0) }
            let (total, completed) = try row.decode((Int, Int).self)
            return WorkUnitCounts(total: total, completed: completed)
        }
    }

    public func workUnits(jobID: String) async throws -> [WorkUnit] {
        try await read("list units of job '\(jobID)'") { session in
            try await session.rows("""
                SELECT sequence, payload, state, attempts, worker, lease_expires_at, result
                FROM work_unit WHERE job_id = \(jobID) ORDER BY sequence
                """).map { row in
                let (sequence, payload, state, attempts, worker, expires, result) =
                    try row.decode((Int, String, String, Int, String?, Double?, String?).self)
                return WorkUnit(jobID: jobID, sequence: sequence, payload: payload, state: WorkUnit.State(rawValue: state) ?? .pending,
                                attempts: attempts, worker: worker, leaseExpiresAt: expires.map(Date.init(timeIntervalSinceReferenceDate:)),
                                result: result)
            }
        }
    }

    @discardableResult
    public func deleteUnits(jobID: String) async throws -> Int {
        try await transaction("delete units of job '\(jobID)'") { session in
            try await session.count("DELETE FROM work_unit WHERE job_id = \(jobID) RETURNING 1")
        }
    }
}
