public import WinnowCore

/// Collection tasks held in memory.
public actor MemoryCollectionTaskStore: CollectionTaskStore {
    private var tasks: [String: CollectionTask] = [:]

    public init() {}

    public func createTask(_ task: CollectionTask) throws {
        guard tasks[task.id] == nil else { throw StoreError(.duplicate, "task '\(task.id)' exists already") }
        tasks[task.id] = task
    }

    public func task(id: String) -> CollectionTask? { tasks[id] }

    public func listTasks(serviceID: String?) -> [CollectionTask] {
        tasks.values.filter { serviceID == nil || $0.serviceID == serviceID }
            .sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
    }

    public func listTasks(datasetID: String) -> [CollectionTask] {
        listTasks(serviceID: nil).filter { $0.datasetID == datasetID }
    }

    public func updateTask(_ task: CollectionTask, ifStatus expected: CollectionTaskStatus) throws -> Bool {
        guard let stored = tasks[task.id] else { throw StoreError(.notFound, "task '\(task.id)' does not exist") }
        guard stored.status == expected else { return false }
        tasks[task.id] = task
        return true
    }

    public func unfinishedTasks() -> [CollectionTask] {
        tasks.values.filter { $0.status != .completed && $0.status != .failed }.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }
}
