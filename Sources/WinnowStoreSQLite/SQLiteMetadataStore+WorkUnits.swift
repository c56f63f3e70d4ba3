public import Foundation
import GRDB
public import WinnowStore

/// Work units in SQLite: writes are serialised, so a claim's select-then-update is atomic.
extension SQLiteMetadataStore: WorkUnitStore {
    @discardableResult
    public func enqueueUnits(jobID: String, payloads: [String]) async throws -> Range<Int> {
        try await write { db in
            let first = (try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM work_unit WHERE job_id = ?", arguments: [jobID]) ?? -1) + 1
            let statement = try db.cachedStatement(sql: "INSERT INTO work_unit (job_id, sequence, payload, state) VALUES (?, ?, ?, 'pending')")
            for (offset, payload) in payloads.enumerated() {
                try statement.execute(arguments: [jobID, first + offset, payload])
            }
            return first..<(first + payloads.count)
        }
    }

    public func claimUnits(jobID: String, worker: String, limit: Int, leaseDuration: TimeInterval, now: Date) async throws -> [WorkLease] {
        guard limit > 0 else { return [] }
        let claim = UUID().uuidString.lowercased()
        let expires = now.addingTimeInterval(leaseDuration)
        return try await write { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT sequence, payload, attempts FROM work_unit
                WHERE job_id = ? AND (state = 'pending' OR (state = 'leased' AND lease_expires_at <= ?))
                ORDER BY sequence LIMIT ?
                """, arguments: [jobID, now.timeIntervalSinceReferenceDate, limit])
            let update = try db.cachedStatement(sql: """
                UPDATE work_unit SET state = 'leased', worker = ?, lease_token = ?, lease_expires_at = ?, attempts = attempts + 1
                WHERE job_id = ? AND sequence = ?
                """)
            return try rows.map { row in
                let sequence: Int = row["sequence"]
                let attempts: Int = row["attempts"]
                let token = "\(claim):\(sequence)"
                try update.execute(arguments: [worker, token, expires.timeIntervalSinceReferenceDate, jobID, sequence])
                return WorkLease(jobID: jobID, sequence: sequence, payload: row["payload"], worker: worker, token: token,
                                 expiresAt: expires, attempt: attempts + 1)
            }
        }
    }

    public func heartbeat(_ lease: WorkLease, leaseDuration: TimeInterval, now: Date) async throws -> WorkLease? {
        let expires = now.addingTimeInterval(leaseDuration)
        return try await write { db in
            try db.execute(sql: """
                UPDATE work_unit SET lease_expires_at = ?
                WHERE job_id = ? AND sequence = ? AND state = 'leased' AND lease_token = ?
                """, arguments: [expires.timeIntervalSinceReferenceDate, lease.jobID, lease.sequence, lease.token])
            if db.changesCount > 0 {
                var renewed = lease
                renewed.expiresAt = expires
                return renewed
            }
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM work_unit WHERE job_id = ? AND sequence = ?", arguments: [lease.jobID, lease.sequence]) != nil else {
                throw StoreError(.notFound, "work unit \(lease.sequence) of job '\(lease.jobID)' does not exist")
            }
            return nil
        }
    }

    public func completeUnit(_ lease: WorkLease, result: String, now: Date) async throws -> WorkCompletion {
        try await write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT state, lease_token FROM work_unit WHERE job_id = ? AND sequence = ?",
                                             arguments: [lease.jobID, lease.sequence]) else {
                throw StoreError(.notFound, "work unit \(lease.sequence) of job '\(lease.jobID)' does not exist")
            }
            let state: String = row["state"]
            let token: String? = row["lease_token"]
            if state == WorkUnit.State.completed.rawValue { return .alreadyCompleted }
            guard token == lease.token else { return .leaseLost }
            try db.execute(sql: "UPDATE work_unit SET state = 'completed', result = ?, lease_expires_at = NULL WHERE job_id = ? AND sequence = ?",
                           arguments: [result, lease.jobID, lease.sequence])
            return .completed
        }
    }

    public func unitCounts(jobID: String) async throws -> WorkUnitCounts {
        try await read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) AS total, COALESCE(SUM(state = 'completed'), 0) AS completed FROM work_unit WHERE job_id = ?
                """, arguments: [jobID])
            return WorkUnitCounts(total: row?["total"] ?? 0, completed: row?["completed"] ?? 0)
        }
    }

    public func workUnits(jobID: String) async throws -> [WorkUnit] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT sequence, payload, state, attempts, worker, lease_expires_at, result
                FROM work_unit WHERE job_id = ? ORDER BY sequence
                """, arguments: [jobID]).map { row in
                let expires: Double? = row["lease_expires_at"]
                return WorkUnit(jobID: jobID, sequence: row["sequence"], payload: row["payload"],
                                state: WorkUnit.State(rawValue: row["state"]) ?? .pending, attempts: row["attempts"], worker: row["worker"],
                                leaseExpiresAt: expires.map(Date.init(timeIntervalSinceReferenceDate:)), result: row["result"])
            }
        }
    }

    @discardableResult
    public func deleteUnits(jobID: String) async throws -> Int {
        try await write { db in
            try db.execute(sql: "DELETE FROM work_unit WHERE job_id = ?", arguments: [jobID])
            return db.changesCount
        }
    }
}
