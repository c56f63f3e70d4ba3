import Foundation
import GRDB
public import WinnowCore
public import WinnowStore

extension SQLiteMetadataStore: CollectionTaskStore {
    private static func record(_ task: CollectionTask) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(task), as: UTF8.self)
    }

    private static func task(from text: String) throws -> CollectionTask {
        do {
            return try JSONDecoder().decode(CollectionTask.self, from: Data(text.utf8))
        } catch {
            throw StoreError(.backend, "corrupt stored collection task: \(error)")
        }
    }

    public func createTask(_ task: CollectionTask) async throws {
        let record = try Self.record(task)
        try await write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM collection_task WHERE id = ?", arguments: [task.id]) != nil {
                throw StoreError(.duplicate, "task '\(task.id)' exists already")
            }
            try db.execute(sql: "INSERT INTO collection_task (id, service_id, dataset_id, status, record, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [task.id, task.serviceID, task.datasetID, task.status.rawValue, record, task.createdAt.timeIntervalSinceReferenceDate])
        }
    }

    public func task(id: String) async throws -> CollectionTask? {
        try await read { db in try String.fetchOne(db, sql: "SELECT record FROM collection_task WHERE id = ?", arguments: [id]) }
            .map(Self.task(from:))
    }

    public func listTasks(serviceID: String?) async throws -> [CollectionTask] {
        try await read { db in
            if let serviceID {
                return try String.fetchAll(db, sql: "SELECT record FROM collection_task WHERE service_id = ? ORDER BY created_at DESC, id DESC", arguments: [serviceID])
            }
            return try String.fetchAll(db, sql: "SELECT record FROM collection_task ORDER BY created_at DESC, id DESC")
        }.map(Self.task(from:))
    }

    public func listTasks(datasetID: String) async throws -> [CollectionTask] {
        try await read { db in
            try String.fetchAll(db, sql: "SELECT record FROM collection_task WHERE dataset_id = ? ORDER BY created_at DESC, id DESC", arguments: [datasetID])
        }.map(Self.task(from:))
    }

    public func updateTask(_ task: CollectionTask, ifStatus expected: CollectionTaskStatus) async throws -> Bool {
        let record = try Self.record(task)
        return try await write { db in
            try db.execute(sql: "UPDATE collection_task SET status = ?, record = ? WHERE id = ? AND status = ?",
                           arguments: [task.status.rawValue, record, task.id, expected.rawValue])
            if db.changesCount > 0 { return true }
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM collection_task WHERE id = ?", arguments: [task.id]) != nil else {
                throw StoreError(.notFound, "task '\(task.id)' does not exist")
            }
            return false
        }
    }

    public func unfinishedTasks() async throws -> [CollectionTask] {
        try await read { db in
            try String.fetchAll(db, sql: "SELECT record FROM collection_task WHERE status NOT IN ('completed', 'failed') ORDER BY created_at, id")
        }.map(Self.task(from:))
    }
}
