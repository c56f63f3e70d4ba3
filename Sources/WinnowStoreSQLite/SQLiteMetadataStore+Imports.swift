import Foundation
import GRDB
public import WinnowCore
public import WinnowStore

extension SQLiteMetadataStore {
    public func beginImport(datasetID: String) async throws -> String {
        let id = Identifier.make()
        try await write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM dataset WHERE id = ?", arguments: [datasetID]) != nil else {
                throw StoreError.datasetNotFound(datasetID)
            }
            try db.execute(sql: "INSERT INTO sample_import (id, dataset_id, started_at) VALUES (?, ?, ?)",
                           arguments: [id, datasetID, Date().timeIntervalSinceReferenceDate])
        }
        return id
    }

    @discardableResult
    public func stageSamples(_ samples: [Sample], importID: String) async throws -> Int {
        // Without foreign-key checks: the import (and so its dataset) is looked up below in the same
        // transaction, every sample is checked to belong to that dataset, and reason and label rows are
        // only written for a sample row this transaction has just inserted.
        try await writeUnchecked { db in
            guard let datasetID = try String.fetchOne(db, sql: "SELECT dataset_id FROM sample_import WHERE id = ?", arguments: [importID]) else {
                throw StoreError.importNotFound(importID)
            }
            if let stranger = samples.first(where: { $0.datasetID != datasetID }) {
                throw StoreError(.invalid, "sample '\(stranger.source)' belongs to dataset '\(stranger.datasetID)', not to the import's '\(datasetID)'")
            }
            let coding = SampleRowCoding()
            let statements = try SampleRowCoding.InsertStatements(db)
            var staged = 0
            for sample in samples where try coding.insert(sample, importID: importID, using: statements, into: db) { staged += 1 }
            return staged
        }
    }

    public func commitImport(_ importID: String, policy: ImportConflictPolicy) async throws -> ImportOutcome {
        try await write { db in
            guard let datasetID = try String.fetchOne(db, sql: "SELECT dataset_id FROM sample_import WHERE id = ?", arguments: [importID]) else {
                throw StoreError.importNotFound(importID)
            }
            var outcome = ImportOutcome()
            switch policy {
            case .skipExisting:
                try db.execute(sql: """
                    DELETE FROM sample WHERE import_id = ?1
                      AND source IN (SELECT source FROM sample WHERE dataset_id = ?2 AND import_id IS NULL)
                    """, arguments: [importID, datasetID])
                outcome.skipped = db.changesCount
            case .replaceExisting:
                try db.execute(sql: """
                    DELETE FROM sample WHERE dataset_id = ?2 AND import_id IS NULL
                      AND source IN (SELECT source FROM sample WHERE import_id = ?1)
                    """, arguments: [importID, datasetID])
                outcome.replaced = db.changesCount
            case .replaceUnlabeled:
                try db.execute(sql: """
                    DELETE FROM sample WHERE dataset_id = ?2 AND import_id IS NULL AND state = 'unlabeled'
                      AND source IN (SELECT source FROM sample WHERE import_id = ?1)
                    """, arguments: [importID, datasetID])
                outcome.replaced = db.changesCount
                try db.execute(sql: """
                    DELETE FROM sample WHERE import_id = ?1
                      AND source IN (SELECT source FROM sample WHERE dataset_id = ?2 AND import_id IS NULL)
                    """, arguments: [importID, datasetID])
                outcome.skipped = db.changesCount
            }
            try db.execute(sql: "UPDATE sample SET import_id = NULL WHERE import_id = ?", arguments: [importID])
            outcome.inserted = db.changesCount - outcome.replaced
            try db.execute(sql: "DELETE FROM sample_import WHERE id = ?", arguments: [importID])
            return outcome
        }
    }

    public func abortImport(_ importID: String) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM sample_import WHERE id = ?", arguments: [importID])
            if db.changesCount == 0 { throw StoreError.importNotFound(importID) }
        }
    }

    public func pendingImports() async throws -> [PendingImport] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT i.id, i.dataset_id, i.started_at, (SELECT COUNT(*) FROM sample s WHERE s.import_id = i.id) AS staged
                FROM sample_import i ORDER BY i.started_at
                """).map {
                PendingImport(id: $0["id"], datasetID: $0["dataset_id"], stagedCount: $0["staged"],
                              startedAt: Date(timeIntervalSinceReferenceDate: $0["started_at"]))
            }
        }
    }
}
