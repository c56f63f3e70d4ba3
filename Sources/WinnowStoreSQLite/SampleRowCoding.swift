import Foundation
import GRDB
import WinnowCore
import WinnowStore

/// How a ``Sample`` maps to a `sample` row and its index rows.
struct SampleRowCoding {
    /// The statements inserting a sample and its index rows, looked up once for many samples.
    struct InsertStatements {
        let sample: Statement
        let reason: Statement
        let label: Statement

        init(_ db: Database) throws {
            sample = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO sample (id, dataset_id, import_id, source, state, is_hard, hard_coefficient, usage,
                    width, height, depth, inference_loc, labels, hard_example, created_at, updated_at, label_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            reason = try db.cachedStatement(sql: "INSERT OR IGNORE INTO sample_reason (sample_id, dataset_id, reason) VALUES (?, ?, ?)")
            label = try db.cachedStatement(sql: "INSERT OR IGNORE INTO sample_label (sample_id, dataset_id, name) VALUES (?, ?, ?)")
        }
    }

    /// Inserts `sample` with `importID` through `statements`; returns false when its source was
    /// staged already.
    func insert(_ sample: Sample, importID: String?, using statements: InsertStatements, into db: Database) throws -> Bool {
        var row = SampleRowBinder(statements.sample, in: db)
        row.bind(sample.id)
        row.bind(sample.datasetID)
        row.bind(importID)
        row.bind(sample.source)
        row.bind(sample.state.rawValue)
        row.bind(sample.isHard)
        row.bind(sample.hardExample?.coefficient)
        row.bind(sample.usage?.rawValue)
        row.bind(sample.imageSize?.width)
        row.bind(sample.imageSize?.height)
        row.bind(sample.imageSize?.depth)
        row.bind(sample.inferenceLocation)
        row.bind(labelsJSON(sample))
        row.bind(hardExampleJSON(sample))
        row.bind(sample.createdAt.timeIntervalSinceReferenceDate)
        row.bind(sample.updatedAt.timeIntervalSinceReferenceDate)
        let names = LabelNames(sample.labels)
        row.bind(names.single)
        guard try row.step() > 0 else { return false }
        if let reasons = sample.hardExample?.reasons, !reasons.isEmpty {
            for reason in reasons { try insertIndexRow(statements.reason, sample, reason: reason, in: db) }
        }
        for name in names.several { try insertIndexRow(statements.label, sample, name: name, in: db) }
        return true
    }

    /// Where a sample's label names are indexed: one distinct name goes in the row's `label_name`
    /// column, two or more each get a `sample_label` row.
    struct LabelNames {
        /// The one distinct name, if there is exactly one.
        var single: String?
        /// The distinct names, when there are two or more.
        var several: [String] = []

        init(_ labels: [Label]) {
            guard let first = labels.first?.name else { return }
            guard labels.contains(where: { $0.name != first }) else {
                single = first
                return
            }
            several = Array(Set(labels.map(\.name))).sorted()
        }
    }

    private func insertIndexRow(_ statement: Statement, _ sample: Sample, reason: Int? = nil, name: String? = nil, in db: Database) throws {
        var row = SampleRowBinder(statement, in: db)
        row.bind(sample.id)
        row.bind(sample.datasetID)
        if let reason { row.bind(reason) } else { row.bind(name) }
        _ = try row.step()
    }

    /// Rewrites a visible sample's columns and index rows.
    func update(_ sample: Sample, in db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            UPDATE sample SET state = ?, is_hard = ?, hard_coefficient = ?, usage = ?, width = ?, height = ?, depth = ?,
                inference_loc = ?, labels = ?, hard_example = ?, created_at = ?, updated_at = ?, label_name = ?
            WHERE id = ? AND dataset_id = ? AND source = ? AND import_id IS NULL
            """)
        try statement.execute(arguments: StatementArguments([
            sample.state.rawValue, sample.isHard, sample.hardExample?.coefficient, sample.usage?.rawValue,
            sample.imageSize?.width, sample.imageSize?.height, sample.imageSize?.depth,
            sample.inferenceLocation, labelsJSON(sample), hardExampleJSON(sample),
            sample.createdAt.timeIntervalSinceReferenceDate, sample.updatedAt.timeIntervalSinceReferenceDate,
            LabelNames(sample.labels).single,
            sample.id, sample.datasetID, sample.source,
        ] as [(any DatabaseValueConvertible)?]))
        guard db.changesCount > 0 else { throw StoreError.sampleNotFound(sample.id) }
        try db.execute(sql: "DELETE FROM sample_reason WHERE sample_id = ?", arguments: [sample.id])
        try db.execute(sql: "DELETE FROM sample_label WHERE sample_id = ?", arguments: [sample.id])
        try insertIndexRows(sample, into: db)
    }

    private func insertIndexRows(_ sample: Sample, into db: Database) throws {
        let statements = try InsertStatements(db)
        try insertIndexRows(sample, reasons: statements.reason, labels: statements.label)
    }

    private func insertIndexRows(_ sample: Sample, reasons reasonStatement: Statement, labels labelStatement: Statement) throws {
        if let reasons = sample.hardExample?.reasons, !reasons.isEmpty {
            for reason in reasons { try reasonStatement.execute(arguments: [sample.id, sample.datasetID, reason]) }
        }
        for name in LabelNames(sample.labels).several {
            try labelStatement.execute(arguments: [sample.id, sample.datasetID, name])
        }
    }

    private func labelsJSON(_ sample: Sample) -> String {
        StoredJSON.encode(sample.labels)
    }

    private func hardExampleJSON(_ sample: Sample) -> String? {
        sample.hardExample.map(StoredJSON.encode)
    }

    /// The sample stored in `row`.
    func sample(from row: Row) throws -> Sample {
        let id: String = row["id"]
        do {
            let labelsText: String = row["labels"]
            let labels = try StoredJSON.decodeLabels(labelsText)
            let hardText: String? = row["hard_example"]
            let hardExample = try hardText.map { text throws(StoreError) in try StoredJSON.decodeHardExample(text) }
            let width: Int? = row["width"]
            let height: Int? = row["height"]
            let stateText: String = row["state"]
            guard let state = SampleState(rawValue: stateText) else {
                throw StoreError(.backend, "sample '\(id)': unknown state '\(stateText)' in the database")
            }
            let usage: String? = row["usage"]
            return Sample(
                id: id, datasetID: row["dataset_id"], source: row["source"], state: state, labels: labels,
                usage: usage.flatMap(Usage.init(rawValue:)),
                imageSize: width.flatMap { w in height.map { ImageSize(width: w, height: $0, depth: row["depth"]) } },
                hardExample: hardExample, inferenceLocation: row["inference_loc"],
                createdAt: Date(timeIntervalSinceReferenceDate: row["created_at"]),
                updatedAt: Date(timeIntervalSinceReferenceDate: row["updated_at"]))
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.backend, "sample '\(id)' has unreadable stored labels: \(error)")
        }
    }
}
