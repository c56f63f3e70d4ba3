import Foundation
import GRDB
import Testing
import WinnowCore
import WinnowStore
@testable import WinnowStoreSQLite

/// Databases written by earlier versions answer as before once migrated.
@Suite struct SQLiteMigrationTests {
    /// v6 moves single-name labels from `sample_label` into the sample row.
    @Test func aVersion5DatabaseKeepsItsLabelFiltersAfterMigrating() async throws {
        // Given a file at schema v5 with a one-name, a repeated-name and a two-name sample
        let directory = try TemporaryDirectory()
        let path = directory.path("v5.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try SQLiteSchema.migrator.migrate(queue, upTo: "v5-sample-listing-indexes")
            try await queue.write { db in
                try db.execute(sql: "INSERT INTO dataset (id, name, labeling_type, created_at, updated_at) VALUES ('ds', 'old', 'object_detection', 0, 0)")
                for (id, names) in [("s1", ["person"]), ("s2", ["person"]), ("s3", ["car", "person"])] {
                    try db.execute(sql: """
                        INSERT INTO sample (id, dataset_id, source, state, labels, created_at, updated_at)
                        VALUES (?, 'ds', ?, 'labeled', '[]', 0, 0)
                        """, arguments: [id, "/\(id).jpg"])
                    for name in names {
                        try db.execute(sql: "INSERT INTO sample_label (sample_id, dataset_id, name) VALUES (?, 'ds', ?)", arguments: [id, name])
                    }
                }
            }
        }
        // When the store opens it
        let store = try SQLiteMetadataStore(path: path)
        // Then label filters answer as before, and only the two-name sample keeps sample_label rows
        let person = try await store.listSamples(SampleQuery(datasetID: "ds", label: "person")).map(\.id)
        #expect(person == ["s1", "s2", "s3"])
        #expect(try await store.countSamples(SampleQuery(datasetID: "ds", label: "car")) == 1)
        let queue = try DatabaseQueue(path: path)
        let rows = try await queue.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT sample_id FROM sample_label") }
        #expect(rows == ["s3"])
        let single = try await queue.read { db in try String.fetchAll(db, sql: "SELECT label_name FROM sample WHERE label_name IS NOT NULL ORDER BY id") }
        #expect(single == ["person", "person"])
    }

    /// v7 gives each task its dataset's id from its record, for the dataset's task list.
    @Test func aVersion6DatabaseListsTasksByDatasetAfterMigrating() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("v6.sqlite")
        let task = CollectionTask(id: "t1", kind: .filter, serviceID: "s", serviceName: "svc", datasetID: "ds", datasetName: "hard")
        do {
            let queue = try DatabaseQueue(path: path)
            try SQLiteSchema.migrator.migrate(queue, upTo: "v6-sample-label-name")
            let record = String(decoding: try JSONEncoder().encode(task), as: UTF8.self)
            try await queue.write { db in
                try db.execute(sql: "INSERT INTO collection_task (id, service_id, status, record, created_at) VALUES ('t1', 's', 'queued', ?, 0)",
                               arguments: [record])
            }
        }
        let store = try SQLiteMetadataStore(path: path)
        #expect(try await store.listTasks(datasetID: "ds").map(\.id) == ["t1"])
        #expect(try await store.listTasks(datasetID: "other").isEmpty)
    }
}
