import Foundation
import WinnowCore
public import WinnowStore

/// The behaviour every ``CollectionTaskStore`` must show, as named checks run against a fresh store.
public enum CollectionTaskStoreConformance {
    public struct Check: Sendable, CustomStringConvertible {
        public let name: String
        public let run: @Sendable (any CollectionTaskStore) async throws -> Void
        public var description: String { name }
    }

    static func task(_ id: String, service: String, at offset: Double, status: CollectionTaskStatus = .queued, dataset: String = "d") -> CollectionTask {
        CollectionTask(id: id, kind: .filter, serviceID: service, serviceName: "svc-\(service)", datasetID: dataset, datasetName: "ds-\(dataset)",
                       status: status, scanned: 3, createdAt: ConformanceFixtures.epoch.addingTimeInterval(offset))
    }

    public static let checks: [Check] = [
        Check(name: "tasks are stored, listed newest first per service, and found unfinished") { store in
            try await store.createTask(task("t1", service: "a", at: 1))
            try await store.createTask(task("t2", service: "b", at: 2, status: .completed))
            try await store.createTask(task("t3", service: "a", at: 3))
            try checkEqual(try await store.task(id: "t1"), task("t1", service: "a", at: 1), "task(id:)")
            try checkEqual(try await store.listTasks(serviceID: "a").map(\.id), ["t3", "t1"], "tasks of a")
            try checkEqual(try await store.listTasks(serviceID: nil).map(\.id), ["t3", "t2", "t1"], "all tasks")
            try checkEqual(try await store.unfinishedTasks().map(\.id), ["t1", "t3"], "unfinished tasks")
            try await store.createTask(task("t4", service: "b", at: 4, dataset: "e"))
            try checkEqual(try await store.listTasks(datasetID: "d").map(\.id), ["t3", "t2", "t1"], "tasks into d")
            try checkEqual(try await store.listTasks(datasetID: "e").map(\.id), ["t4"], "tasks into e")
            try checkEqual(try await store.listTasks(datasetID: "none"), [], "tasks into an unknown dataset")
            try await checkThrows("duplicate task", matching: { ($0 as? StoreError)?.code == .duplicate }) {
                try await store.createTask(task("t1", service: "a", at: 1))
            }
        },
        Check(name: "a task update is a compare-and-set on its status") { store in
            var t = task("t", service: "a", at: 0)
            try await store.createTask(t)
            t.status = .running
            t.scanned = 10
            try checkEqual(try await store.updateTask(t, ifStatus: .queued), true, "queued → running")
            try checkEqual(try await store.updateTask(t, ifStatus: .queued), false, "stale expected status")
            try checkEqual(try await store.task(id: "t"), t, "stored task")
            try await checkThrows("unknown task", matching: { ($0 as? StoreError)?.code == .notFound }) {
                _ = try await store.updateTask(task("ghost", service: "a", at: 0), ifStatus: .queued)
            }
        },
    ]
}
