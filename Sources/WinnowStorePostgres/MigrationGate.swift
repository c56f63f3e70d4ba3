/// Runs the migrations once per store; concurrent callers wait for the same run; a failed run is
/// forgotten so that the next call tries again.
actor MigrationGate {
    private var done = false
    private var running: Task<[String], any Error>?

    func run(_ work: @escaping @Sendable () async throws -> [String]) async throws -> [String] {
        if done { return [] }
        if let running {
            _ = try await running.value
            return []
        }
        let task = Task { try await work() }
        running = task
        do {
            let applied = try await task.value
            done = true
            return applied
        } catch {
            running = nil
            throw error
        }
    }
}
