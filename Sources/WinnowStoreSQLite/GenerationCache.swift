import Foundation
import Synchronization

/// Results of expensive reads (counts, statistics) kept until the next write through the same store.
///
/// Every write transaction of the store bumps the generation once it has committed; an entry is served
/// only while the generation it was read under is still current. Writes by another process (a CLI import
/// while `winnow serve` runs) are seen through `stamp`, the database files' sizes and modification times
/// (a commit in WAL mode always changes the `-wal` file), and `lifetime` bounds an entry's age besides.
/// A reader takes the generation *before* it reads, so a result that raced with a write is never served.
final class GenerationCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        var value: Value
        var generation: UInt64
        var stamp: [Double]
        var storedAt: Date
    }

    /// A read in progress, which readers of the same key join instead of repeating it.
    private struct Flight {
        var number: UInt64
        var generation: UInt64
        var stamp: [Double]
        var task: Task<Value, any Error>
    }

    private struct State {
        var generation: UInt64 = 0
        var entries: [Key: Entry] = [:]
        var flights: [Key: Flight] = [:]
        var flightNumber: UInt64 = 0
    }

    private let state = Mutex(State())
    let lifetime: TimeInterval
    let capacity: Int
    let stamp: @Sendable () -> [Double]

    /// A cache whose entries live at most `lifetime` seconds and only while `stamp` returns what it
    /// returned when they were read, holding at most `capacity` of them.
    init(lifetime: TimeInterval = 60, capacity: Int = 512, stamp: @escaping @Sendable () -> [Double] = { [] }) {
        self.lifetime = lifetime
        self.capacity = capacity
        self.stamp = stamp
    }

    /// The sizes and modification times of `paths` (0 for a missing file): what changes when any process commits.
    static func fileStamp(_ paths: [String]) -> @Sendable () -> [Double] {
        {
            paths.flatMap { path -> [Double] in
                var status = stat()
                guard stat(path, &status) == 0 else { return [0, 0] }
                #if canImport(Darwin)
                let time = status.st_mtimespec
                #else
                let time = status.st_mtim
                #endif
                return [Double(status.st_size), Double(time.tv_sec) + Double(time.tv_nsec) / 1e9]
            }
        }
    }

    /// The current generation: take it before reading what you will `store`.
    var generation: UInt64 { state.withLock { $0.generation } }

    /// The value read under the current generation, if any and still fresh.
    func value(for key: Key) -> Value? {
        let current = stamp()
        return state.withLock { state in
            guard let entry = state.entries[key], entry.generation == state.generation, entry.stamp == current,
                  Date().timeIntervalSince(entry.storedAt) < lifetime else { return nil }
            return entry.value
        }
    }

    /// The cached value, or the one `read` returns, which is then kept. Readers that miss at once share
    /// one `read` (a page asking for ten counts while eight connections arrive runs each count once,
    /// not eight times); a write meanwhile makes later readers read again.
    func value(for key: Key, read: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let cached = value(for: key) { return cached }
        let current = stamp()
        let task = state.withLock { state -> Task<Value, any Error> in
            if let flight = state.flights[key], flight.generation == state.generation, flight.stamp == current { return flight.task }
            state.flightNumber &+= 1
            let (number, generation) = (state.flightNumber, state.generation)
            let task = Task<Value, any Error> {
                defer { self.land(key, number: number) }
                let value = try await read()
                self.store(value, for: key, generation: generation, stamp: current)
                return value
            }
            state.flights[key] = Flight(number: number, generation: generation, stamp: current, task: task)
            return task
        }
        return try await task.value
    }

    private func land(_ key: Key, number: UInt64) {
        state.withLock { state in
            if state.flights[key]?.number == number { state.flights[key] = nil }
        }
    }

    /// The stamp to pass to `store`: take it with the generation, before reading.
    func currentStamp() -> [Double] { stamp() }

    /// Keeps `value`, read under `generation`; dropped at once if a write has happened since.
    func store(_ value: Value, for key: Key, generation: UInt64, stamp: [Double]) {
        state.withLock { state in
            guard generation == state.generation else { return }
            if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[key] = Entry(value: value, generation: generation, stamp: stamp, storedAt: Date())
        }
    }

    /// Called after every write: everything cached so far is stale.
    func invalidate() {
        state.withLock { state in
            state.generation &+= 1
            state.entries.removeAll(keepingCapacity: true)
        }
    }
}
