import Foundation
import GRDB
public import WinnowCore
public import WinnowStore

extension SQLiteMetadataStore {
    public func sample(id: String) async throws -> Sample? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM sample WHERE id = ? AND import_id IS NULL", arguments: [id])
                .map { try SampleRowCoding().sample(from: $0) }
        }
    }

    public func sample(datasetID: String, source: String) async throws -> Sample? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM sample WHERE dataset_id = ? AND source = ? AND import_id IS NULL",
                             arguments: [datasetID, source])
                .map { try SampleRowCoding().sample(from: $0) }
        }
    }

    public func listSamples(_ query: SampleQuery) async throws -> [Sample] {
        var labelTest = LabelTest.perRow
        if let label = query.label {
            // A label on fewer than one sample in 20 has a short id list; a common one is found by walking
            // the listing index. Both counts are cached until the next write.
            let matching = try await countSamples(SampleQuery(datasetID: query.datasetID, label: label))
            let all = try await countSamples(SampleQuery(datasetID: query.datasetID))
            if matching * 20 < all { labelTest = .idList }
        }
        let (filter, arguments) = Self.whereClause(query, keyset: true, labelTest: labelTest)
        let direction = query.descending ? "DESC" : "ASC"
        let order = switch query.sort {
        case .id: "s.id \(direction)"
        case .source: "s.source \(direction), s.id \(direction)"
        case .createdAt: "s.created_at \(direction), s.id \(direction)"
        // SQLite sorts NULL lowest, so descending puts samples without a coefficient last by itself
        // (and the listing index serves it); ascending needs the explicit NULL test.
        case .coefficient where query.descending: "s.hard_coefficient DESC, s.id DESC"
        case .coefficient: "(s.hard_coefficient IS NULL), s.hard_coefficient ASC, s.id ASC"
        }
        // The page's row ids come from an index first (OFFSET skips index entries, not decoded rows);
        // only the page's own rows are read whole.
        let page = "SELECT s.rowid FROM sample s WHERE \(filter) ORDER BY \(order) LIMIT \(query.limit.map { max(0, $0) } ?? -1) OFFSET \(max(0, query.offset))"
        let statement = "SELECT s.* FROM sample s WHERE s.rowid IN (\(page)) ORDER BY \(order)"
        return try await read { db in
            let coding = SampleRowCoding()
            return try Row.fetchAll(db, sql: statement, arguments: arguments).map { try coding.sample(from: $0) }
        }
    }

    public func countSamples(_ query: SampleQuery) async throws -> Int {
        var key = query
        (key.sort, key.descending, key.afterID, key.limit, key.offset) = (.id, false, nil, nil, 0)
        let (filter, arguments) = Self.whereClause(query, keyset: false, labelTest: .idList)
        return try await counts.value(for: key) {
            try await self.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sample s WHERE \(filter)", arguments: arguments) ?? 0 }
        }
    }

    public func statistics(datasetID: String) async throws -> DatasetStatistics {
        try await statisticsCache.value(for: datasetID) {
            try await self.read { db in
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM dataset WHERE id = ?", arguments: [datasetID]) != nil else {
                    throw StoreError.datasetNotFound(datasetID)
                }
                var byState: [SampleState: Int] = [:]
                var total = 0
                var hard = 0
                for row in try Row.fetchAll(db, sql: """
                    SELECT state, COUNT(*) AS n, SUM(is_hard) AS hard FROM sample
                    WHERE dataset_id = ? AND import_id IS NULL GROUP BY state
                    """, arguments: [datasetID]) {
                    let count: Int = row["n"]
                    total += count
                    hard += row["hard"] ?? 0
                    if let state = SampleState(rawValue: row["state"]) { byState[state] = count }
                }
                var byReason: [Int: Int] = [:]
                for row in try Row.fetchAll(db, sql: """
                    SELECT r.reason, COUNT(*) AS n FROM sample s CROSS JOIN sample_reason r ON r.sample_id = s.id
                    WHERE s.dataset_id = ? AND s.import_id IS NULL AND s.is_hard = 1 GROUP BY r.reason
                    """, arguments: [datasetID]) {
                    byReason[row["reason"]] = row["n"]
                }
                return DatasetStatistics(total: total, byState: byState, hard: hard, byReason: byReason)
            }
        }
    }

    public func updateSamples(_ samples: [Sample]) async throws {
        try await write { db in
            let coding = SampleRowCoding()
            for sample in samples { try coding.update(sample, in: db) }
        }
    }

    @discardableResult
    public func deleteSamples(ids: [String], datasetID: String) async throws -> Int {
        try await write { db in
            var count = 0
            let statement = try db.cachedStatement(sql: "DELETE FROM sample WHERE id = ? AND dataset_id = ? AND import_id IS NULL")
            for id in Set(ids) {
                try statement.execute(arguments: [id, datasetID])
                count += db.changesCount
            }
            return count
        }
    }

    /// How a label filter is written. A name is in the row (samples with one distinct name) or in
    /// `sample_label` (two or more).
    enum LabelTest {
        /// Tested row by row while a listing index is walked in page order: a page of a common label
        /// stops after a few rows, but a rare one walks the whole index (150 ms at 100,000 samples).
        case perRow
        /// An id list read from the two label indexes, built once per statement: cheap for a rare label,
        /// 50 ms per page for 60,000 ids. Counts use it (they read every match anyway).
        case idList
    }

    /// The SQL condition and arguments for a query's filters.
    static func whereClause(_ query: SampleQuery, keyset: Bool, labelTest: LabelTest) -> (String, StatementArguments) {
        var conditions = ["s.dataset_id = ?", "s.import_id IS NULL"]
        var arguments: [(any DatabaseValueConvertible)?] = [query.datasetID]
        if let state = query.state {
            conditions.append("s.state = ?")
            arguments.append(state.rawValue)
        }
        if let hard = query.hard {
            conditions.append("s.is_hard = ?")
            arguments.append(hard)
        }
        if let reason = query.reason {
            // An IN list lets SQLite start from the few samples with the reason when that is cheaper.
            conditions.append("s.id IN (SELECT r.sample_id FROM sample_reason r WHERE r.dataset_id = ? AND r.reason = ?)")
            arguments.append(query.datasetID)
            arguments.append(reason)
        }
        if let range = query.coefficient {
            conditions.append("s.hard_coefficient BETWEEN ? AND ?")
            arguments.append(range.lowerBound)
            arguments.append(range.upperBound)
        }
        if let label = query.label {
            switch labelTest {
            case .perRow:
                conditions.append("(s.label_name = ? OR EXISTS (SELECT 1 FROM sample_label l WHERE l.sample_id = s.id AND l.name = ?))")
                arguments += [label, label]
            case .idList:
                conditions.append("""
                    s.id IN (SELECT m.id FROM sample m WHERE m.dataset_id = ? AND m.import_id IS NULL AND m.label_name = ?
                             UNION ALL SELECT l.sample_id FROM sample_label l WHERE l.dataset_id = ? AND l.name = ?)
                    """)
                arguments += [query.datasetID, label, query.datasetID, label]
            }
        }
        if keyset, let after = query.afterID {
            conditions.append("s.id > ?")
            arguments.append(after)
        }
        return (conditions.joined(separator: " AND "), StatementArguments(arguments))
    }
}
