import Foundation
import PostgresNIO
public import WinnowCore
public import WinnowStore

extension PostgresMetadataStore {
    public func beginImport(datasetID: String) async throws -> String {
        let id = Identifier.make()
        try await transaction("begin an import into dataset '\(datasetID)'") { session in
            guard try await session.exists("SELECT 1 FROM dataset WHERE id = \(datasetID)") else {
                throw StoreError.datasetNotFound(datasetID)
            }
            try await session.execute("""
                INSERT INTO sample_import (id, dataset_id, started_at) VALUES (\(id), \(datasetID), \(Date().timeIntervalSinceReferenceDate))
                """)
        }
        return id
    }

    @discardableResult
    public func stageSamples(_ samples: [Sample], importID: String) async throws -> Int {
        try await transaction("stage samples for import '\(importID)'") { session in
            guard let datasetID = try await session.scalar(String.self, "SELECT dataset_id FROM sample_import WHERE id = \(importID) FOR SHARE") else {
                throw StoreError.importNotFound(importID)
            }
            if let stranger = samples.first(where: { $0.datasetID != datasetID }) {
                throw StoreError(.invalid, "sample '\(stranger.source)' belongs to dataset '\(stranger.datasetID)', not to the import's '\(datasetID)'")
            }
            return try await PostgresSampleRows.insert(samples, importID: importID, into: session).count
        }
    }

    public func commitImport(_ importID: String, policy: ImportConflictPolicy) async throws -> ImportOutcome {
        try await transaction("commit import '\(importID)'") { session in
            guard let datasetID = try await session.scalar(String.self, "SELECT dataset_id FROM sample_import WHERE id = \(importID) FOR UPDATE") else {
                throw StoreError.importNotFound(importID)
            }
            // Commits into one dataset take turns, so that two cannot both insert a source.
            try await session.execute("SELECT 1 FROM dataset WHERE id = \(datasetID) FOR UPDATE")
            var outcome = ImportOutcome()
            switch policy {
            case .skipExisting:
                outcome.skipped = try await Self.dropStagedDuplicates(importID: importID, datasetID: datasetID, session)
            case .replaceExisting:
                outcome.replaced = try await session.count("""
                    DELETE FROM sample WHERE dataset_id = \(datasetID) AND import_id IS NULL
                      AND source IN (SELECT source FROM sample WHERE import_id = \(importID)) RETURNING 1
                    """)
            case .replaceUnlabeled:
                outcome.replaced = try await session.count("""
                    DELETE FROM sample WHERE dataset_id = \(datasetID) AND import_id IS NULL AND state = 'unlabeled'
                      AND source IN (SELECT source FROM sample WHERE import_id = \(importID)) RETURNING 1
                    """)
                outcome.skipped = try await Self.dropStagedDuplicates(importID: importID, datasetID: datasetID, session)
            }
            let visible = try await session.count("UPDATE sample SET import_id = NULL WHERE import_id = \(importID) RETURNING 1")
            outcome.inserted = visible - outcome.replaced
            try await session.execute("DELETE FROM sample_import WHERE id = \(importID)")
            return outcome
        }
    }

    /// Deletes staged samples whose source is already visible in the dataset; returns how many.
    private static func dropStagedDuplicates(importID: String, datasetID: String, _ session: PostgresSession) async throws -> Int {
        try await session.count("""
            DELETE FROM sample WHERE import_id = \(importID)
              AND source IN (SELECT source FROM sample WHERE dataset_id = \(datasetID) AND import_id IS NULL) RETURNING 1
            """)
    }

    public func abortImport(_ importID: String) async throws {
        try await transaction("abort import '\(importID)'") { session in
            if try await session.count("DELETE FROM sample_import WHERE id = \(importID) RETURNING 1") == 0 {
                throw StoreError.importNotFound(importID)
            }
        }
    }

    public func pendingImports() async throws -> [PendingImport] {
        try await read("list pending imports") { session in
            try await session.rows("""
                SELECT i.id, i.dataset_id, (SELECT COUNT(*) FROM sample s WHERE s.import_id = i.id), i.started_at
                FROM sample_import i ORDER BY i.started_at, i.id
                """).map { row in
                let (id, datasetID, staged, started) = try row.decode((String, String, Int, Double).self)
                return PendingImport(id: id, datasetID: datasetID, stagedCount: staged, startedAt: Date(timeIntervalSinceReferenceDate: started))
            }
        }
    }
}
