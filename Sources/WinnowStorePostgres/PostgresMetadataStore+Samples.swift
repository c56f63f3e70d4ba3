import Foundation
import PostgresNIO
public import WinnowCore
public import WinnowStore

extension PostgresMetadataStore {
    public func sample(id: String) async throws -> Sample? {
        try await read("read sample '\(id)'") { session in
            try await session.rows("SELECT \(unescaped: PostgresSampleRows.columns) FROM sample s WHERE s.id = \(id) AND s.import_id IS NULL")
                .first.map(PostgresSampleRows.sample(from:))
        }
    }

    public func sample(datasetID: String, source: String) async throws -> Sample? {
        try await read("read sample '\(source)'") { session in
            try await session.rows("""
                SELECT \(unescaped: PostgresSampleRows.columns) FROM sample s
                WHERE s.dataset_id = \(datasetID) AND s.source = \(source) AND s.import_id IS NULL
                """).first.map(PostgresSampleRows.sample(from:))
        }
    }

    public func listSamples(_ query: SampleQuery) async throws -> [Sample] {
        var statement = PostgresStatementBuilder("SELECT \(PostgresSampleRows.columns) FROM sample s WHERE ")
        let filter = Self.whereClause(query, keyset: true, into: &statement)
        statement.sql += filter
        let direction = query.descending ? "DESC" : "ASC"
        let order = switch query.sort {
        case .id: "s.id \(direction)"
        case .source: "s.source \(direction), s.id \(direction)"
        case .createdAt: "s.created_at \(direction), s.id \(direction)"
        case .coefficient: "(s.hard_coefficient IS NULL), s.hard_coefficient \(direction), s.id \(direction)"
        }
        statement.sql += " ORDER BY " + order
        // LIMIT NULL means no limit.
        let limit = query.limit.map { max(0, $0) }
        let limitPlaceholder = statement.bind(limit)
        let offsetPlaceholder = statement.bind(max(0, query.offset))
        statement.sql += " LIMIT \(limitPlaceholder) OFFSET \(offsetPlaceholder)"
        let finished = statement
        return try await read("list samples of dataset '\(query.datasetID)'") { session in
            try await session.rows(finished.query).map(PostgresSampleRows.sample(from:))
        }
    }

    public func countSamples(_ query: SampleQuery) async throws -> Int {
        var statement = PostgresStatementBuilder("SELECT COUNT(*) FROM sample s WHERE ")
        let filter = Self.whereClause(query, keyset: false, into: &statement)
        statement.sql += filter
        let finished = statement
        return try await read("count samples of dataset '\(query.datasetID)'") { session in
            try await session.scalar(Int.self, finished.query) ?? 0
        }
    }

    public func statistics(datasetID: String) async throws -> DatasetStatistics {
        try await transaction("count samples of dataset '\(datasetID)'") { session in
            guard try await session.exists("SELECT 1 FROM dataset WHERE id = \(datasetID)") else {
                throw StoreError.datasetNotFound(datasetID)
            }
            var byState: [SampleState: Int] = [:]
            var total = 0
            var hard = 0
            for row in try await session.rows("""
                SELECT state, COUNT(*), COUNT(*) FILTER (WHERE is_hard) FROM sample
                WHERE dataset_id = \(datasetID) AND import_id IS NULL GROUP BY state
                """) {
                let (stateText, count, hardCount) = try row.decode((String, Int, Int).self)
                total += count
                hard += hardCount
                if let state = SampleState(rawValue: stateText) { byState[state] = count }
            }
            var byReason: [Int: Int] = [:]
            for row in try await session.rows("""
                SELECT r.reason, COUNT(*) FROM sample_reason r JOIN sample s ON s.id = r.sample_id
                WHERE r.dataset_id = \(datasetID) AND s.import_id IS NULL AND s.is_hard GROUP BY r.reason
                """) {
                let (reason, count) = try row.decode((Int, Int).self)
                byReason[reason] = count
            }
            return DatasetStatistics(total: total, byState: byState, hard: hard, byReason: byReason)
        }
    }

    public func updateSamples(_ samples: [Sample]) async throws {
        guard !samples.isEmpty else { return }
        try await transaction("update \(samples.count) samples") { session in
            for sample in samples { try await PostgresSampleRows.update(sample, in: session) }
            try await PostgresSampleRows.replaceIndexRows(samples, in: session)
        }
    }

    @discardableResult
    public func deleteSamples(ids: [String], datasetID: String) async throws -> Int {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return 0 }
        return try await transaction("delete samples of dataset '\(datasetID)'") { session in
            try await session.count("""
                DELETE FROM sample WHERE id = ANY(\(unique)) AND dataset_id = \(datasetID) AND import_id IS NULL RETURNING 1
                """)
        }
    }

    /// The SQL condition for a query's filters, binding its values into `statement`.
    static func whereClause(_ query: SampleQuery, keyset: Bool, into statement: inout PostgresStatementBuilder) -> String {
        var conditions = ["s.dataset_id = \(statement.bind(query.datasetID))", "s.import_id IS NULL"]
        if let state = query.state {
            conditions.append("s.state = \(statement.bind(state.rawValue))")
        }
        if let hard = query.hard {
            conditions.append("s.is_hard = \(statement.bind(hard))")
        }
        if let reason = query.reason {
            conditions.append("EXISTS (SELECT 1 FROM sample_reason r WHERE r.sample_id = s.id AND r.reason = \(statement.bind(reason)))")
        }
        if let range = query.coefficient {
            conditions.append("s.hard_coefficient BETWEEN \(statement.bind(range.lowerBound)) AND \(statement.bind(range.upperBound))")
        }
        if let label = query.label {
            conditions.append("EXISTS (SELECT 1 FROM sample_label l WHERE l.sample_id = s.id AND l.name = \(statement.bind(label)))")
        }
        if keyset, let after = query.afterID {
            conditions.append("s.id > \(statement.bind(after))")
        }
        return conditions.joined(separator: " AND ")
    }
}
