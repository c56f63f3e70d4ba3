public import WinnowCore

/// Where Winnow keeps data-collection tasks.
public protocol CollectionTaskStore: Sendable {
    func createTask(_ task: CollectionTask) async throws
    func task(id: String) async throws -> CollectionTask?
    /// Tasks, newest first, of one service or of all.
    func listTasks(serviceID: String?) async throws -> [CollectionTask]
    /// Tasks, newest first, that write into one dataset (read through an index, not every task record).
    func listTasks(datasetID: String) async throws -> [CollectionTask]
    /// Replaces a task only if its stored status is still `expected`; returns whether it did.
    func updateTask(_ task: CollectionTask, ifStatus expected: CollectionTaskStatus) async throws -> Bool
    /// Tasks not completed or failed (to resume after a crash), oldest first.
    func unfinishedTasks() async throws -> [CollectionTask]
}
