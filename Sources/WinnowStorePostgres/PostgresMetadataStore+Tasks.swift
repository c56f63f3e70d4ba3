import Foundation
import PostgresNIO
public import WinnowCore
public import WinnowStore

extension PostgresMetadataStore: CollectionTaskStore {
    public func createTask(_ task: CollectionTask) async throws {
        let record = try PostgresRecords.encode(task)
        try await transaction("create task '\(task.id)'") { session in
            if try await session.count("""
                INSERT INTO collection_task (id, service_id, dataset_id, status, record, created_at)
                VALUES (\(task.id), \(task.serviceID), \(task.datasetID), \(task.status.rawValue), \(record), \(task.createdAt.timeIntervalSinceReferenceDate))
                ON CONFLICT (id) DO NOTHING RETURNING 1
                """) == 0 {
                throw StoreError(.duplicate, "task '\(task.id)' exists already")
            }
        }
    }

    public func task(id: String) async throws -> CollectionTask? {
        try await read("read task '\(id)'") { session in
            try await session.scalar(String.self, "SELECT record FROM collection_task WHERE id = \(id)")
        }.map { try PostgresRecords.decode(CollectionTask.self, $0, what: "collection task") }
    }

    public func listTasks(serviceID: String?) async throws -> [CollectionTask] {
        try await read("list tasks") { session in
            let rows = if let serviceID {
                try await session.rows("SELECT record FROM collection_task WHERE service_id = \(serviceID) ORDER BY created_at DESC, id DESC")
            } else {
                try await session.rows("SELECT record FROM collection_task ORDER BY created_at DESC, id DESC")
            }
            return try rows.map { try $0.decode(String.self) }
        }.map { try PostgresRecords.decode(CollectionTask.self, $0, what: "collection task") }
    }

    public func listTasks(datasetID: String) async throws -> [CollectionTask] {
        try await read("list tasks of dataset '\(datasetID)'") { session in
            try await session.rows("SELECT record FROM collection_task WHERE dataset_id = \(datasetID) ORDER BY created_at DESC, id DESC")
                .map { try $0.decode(String.self) }
        }.map { try PostgresRecords.decode(CollectionTask.self, $0, what: "collection task") }
    }

    public func updateTask(_ task: CollectionTask, ifStatus expected: CollectionTaskStatus) async throws -> Bool {
        let record = try PostgresRecords.encode(task)
        return try await transaction("update task '\(task.id)'") { session in
            if try await session.count("""
                UPDATE collection_task SET status = \(task.status.rawValue), record = \(record)
                WHERE id = \(task.id) AND status = \(expected.rawValue) RETURNING 1
                """) > 0 {
                return true
            }
            guard try await session.exists("SELECT 1 FROM collection_task WHERE id = \(task.id)") else {
                throw StoreError(.notFound, "task '\(task.id)' does not exist")
            }
            return false
        }
    }

    public func unfinishedTasks() async throws -> [CollectionTask] {
        try await read("list unfinished tasks") { session in
            try await session.rows("""
                SELECT record FROM collection_task WHERE status NOT IN ('completed', 'failed') ORDER BY created_at, id
                """).map { try $0.decode(String.self) }
        }.map { try PostgresRecords.decode(CollectionTask.self, $0, what: "collection task") }
    }
}
