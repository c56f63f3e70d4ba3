import Foundation
import PostgresNIO
import WinnowCore
import WinnowStore

/// How a ``Sample`` maps to a `sample` row and its `sample_reason` / `sample_label` index rows,
/// written in batches of multi-row `INSERT … VALUES` statements.
enum PostgresSampleRows {
    /// The columns every sample read selects, in the order ``sample(from:)`` decodes them.
    static let columns = """
        s.id, s.dataset_id, s.source, s.state, s.usage, s.width, s.height, s.depth, s.inference_loc, \
        s.labels, s.hard_example, s.created_at, s.updated_at
        """

    /// Rows per `INSERT` (16 parameters each, well under PostgreSQL's 65,535).
    static let samplesPerStatement = 2_000
    /// Index rows per `INSERT` (3 parameters each).
    static let indexRowsPerStatement = 10_000

    /// Inserts samples with `importID`, skipping any whose id or source (within the import) is taken;
    /// the first of duplicates wins. Returns the ids inserted.
    static func insert(_ samples: [Sample], importID: String?, into session: PostgresSession) async throws -> Set<String> {
        var inserted = Set<String>()
        var start = 0
        while start < samples.count {
            let chunk = samples[start..<min(start + samplesPerStatement, samples.count)]
            start += chunk.count
            var statement = PostgresStatementBuilder("""
                INSERT INTO sample (id, dataset_id, import_id, source, state, is_hard, hard_coefficient, usage,
                    width, height, depth, inference_loc, labels, hard_example, created_at, updated_at) VALUES
                """)
            var values: [String] = []
            values.reserveCapacity(chunk.count)
            for sample in chunk {
                let placeholders = [
                    statement.bind(sample.id), statement.bind(sample.datasetID), statement.bind(importID),
                    statement.bind(sample.source), statement.bind(sample.state.rawValue), statement.bind(sample.isHard),
                    statement.bind(sample.hardExample?.coefficient), statement.bind(sample.usage?.rawValue),
                    statement.bind(sample.imageSize?.width), statement.bind(sample.imageSize?.height),
                    statement.bind(sample.imageSize?.depth), statement.bind(sample.inferenceLocation),
                    statement.bind(StoredJSON.encode(sample.labels)), statement.bind(sample.hardExample.map(StoredJSON.encode)),
                    statement.bind(sample.createdAt.timeIntervalSinceReferenceDate),
                    statement.bind(sample.updatedAt.timeIntervalSinceReferenceDate),
                ]
                values.append("(" + placeholders.joined(separator: ",") + ")")
            }
            statement.sql += values.joined(separator: ",") + " ON CONFLICT DO NOTHING RETURNING id"
            for row in try await session.rows(statement.query) { inserted.insert(try row.decode(String.self)) }
        }
        try await insertIndexRows(samples.filter { inserted.contains($0.id) }, into: session)
        return inserted
    }

    /// Rewrites a visible sample's columns and index rows. Throws `.notFound` when it does not exist.
    static func update(_ sample: Sample, in session: PostgresSession) async throws {
        let labels = StoredJSON.encode(sample.labels)
        let hardExample = sample.hardExample.map(StoredJSON.encode)
        let updated = try await session.count("""
            UPDATE sample SET state = \(sample.state.rawValue), is_hard = \(sample.isHard),
                hard_coefficient = \(sample.hardExample?.coefficient), usage = \(sample.usage?.rawValue),
                width = \(sample.imageSize?.width), height = \(sample.imageSize?.height), depth = \(sample.imageSize?.depth),
                inference_loc = \(sample.inferenceLocation), labels = \(labels), hard_example = \(hardExample),
                created_at = \(sample.createdAt.timeIntervalSinceReferenceDate), updated_at = \(sample.updatedAt.timeIntervalSinceReferenceDate)
            WHERE id = \(sample.id) AND dataset_id = \(sample.datasetID) AND source = \(sample.source) AND import_id IS NULL
            RETURNING 1
            """)
        guard updated > 0 else { throw StoreError.sampleNotFound(sample.id) }
    }

    /// Replaces the index rows of samples just updated.
    static func replaceIndexRows(_ samples: [Sample], in session: PostgresSession) async throws {
        let ids = samples.map(\.id)
        try await session.execute("DELETE FROM sample_reason WHERE sample_id = ANY(\(ids))")
        try await session.execute("DELETE FROM sample_label WHERE sample_id = ANY(\(ids))")
        try await insertIndexRows(samples, into: session)
    }

    private static func insertIndexRows(_ samples: [Sample], into session: PostgresSession) async throws {
        var reasons: [(String, String, Int)] = []
        var labels: [(String, String, String)] = []
        for sample in samples {
            for reason in Set(sample.hardExample?.reasons ?? []) { reasons.append((sample.id, sample.datasetID, reason)) }
            for name in Set(sample.labels.map(\.name)) { labels.append((sample.id, sample.datasetID, name)) }
        }
        var start = 0
        while start < reasons.count {
            let chunk = reasons[start..<min(start + indexRowsPerStatement, reasons.count)]
            start += chunk.count
            var statement = PostgresStatementBuilder("INSERT INTO sample_reason (sample_id, dataset_id, reason) VALUES ")
            let values = chunk.map { "(\(statement.bind($0.0)),\(statement.bind($0.1)),\(statement.bind($0.2)))" }
            statement.sql += values.joined(separator: ",") + " ON CONFLICT DO NOTHING"
            try await session.execute(statement.query)
        }
        start = 0
        while start < labels.count {
            let chunk = labels[start..<min(start + indexRowsPerStatement, labels.count)]
            start += chunk.count
            var statement = PostgresStatementBuilder("INSERT INTO sample_label (sample_id, dataset_id, name) VALUES ")
            let values = chunk.map { "(\(statement.bind($0.0)),\(statement.bind($0.1)),\(statement.bind($0.2)))" }
            statement.sql += values.joined(separator: ",") + " ON CONFLICT DO NOTHING"
            try await session.execute(statement.query)
        }
    }

    /// The sample stored in `row` (selected with ``columns``).
    static func sample(from row: PostgresRow) throws -> Sample {
        let cells = row.makeRandomAccess()
        let id = try cells[0].decode(String.self)
        let stateText = try cells[3].decode(String.self)
        guard let state = SampleState(rawValue: stateText) else {
            throw StoreError(.backend, "sample '\(id)': unknown state '\(stateText)' in the database")
        }
        let width = try cells[5].decode(Int?.self)
        let height = try cells[6].decode(Int?.self)
        let depth = try cells[7].decode(Int?.self)
        let labels = try StoredJSON.decodeLabels(try cells[9].decode(String.self))
        let hardExample = try cells[10].decode(String?.self).map { text throws(StoreError) in try StoredJSON.decodeHardExample(text) }
        return Sample(
            id: id, datasetID: try cells[1].decode(String.self), source: try cells[2].decode(String.self), state: state,
            labels: labels, usage: try cells[4].decode(String?.self).flatMap(Usage.init(rawValue:)),
            imageSize: width.flatMap { w in height.map { ImageSize(width: w, height: $0, depth: depth) } },
            hardExample: hardExample, inferenceLocation: try cells[8].decode(String?.self),
            createdAt: Date(timeIntervalSinceReferenceDate: try cells[11].decode(Double.self)),
            updatedAt: Date(timeIntervalSinceReferenceDate: try cells[12].decode(Double.self)))
    }
}
