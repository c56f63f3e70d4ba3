import Foundation
import Synchronization

/// Results of expensive reads (counts, statistics) kept until the next write through the same store.
///
/// Every write transaction of the store bumps the generation once it has committed; an entry is served
/// only while the generation it was read under is still current, and for at most `lifetime` seconds so
/// that writes by another process (a CLI import while `winnow serve` runs) show within that time. A
/// reader takes the generation *before* it reads, so a result that raced with a write is never served.
final class GenerationCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        var value: Value
        var generation: UInt64
        var storedAt: Date
    }

    private struct State {
        var generation: UInt64 = 0
        var entries: [Key: Entry] = [:]
    }

    private let state = Mutex(State())
    let lifetime: TimeInterval
    let capacity: Int

    /// A cache whose entries live at most `lifetime` seconds, holding at most `capacity` of them.
    init(lifetime: TimeInterval = 2, capacity: Int = 512) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The current generation: take it before reading what you will `store`.
    var generation: UInt64 { state.withLock { $0.generation } }

    /// The value read under the current generation, if any and still fresh.
    func value(for key: Key) -> Value? {
        state.withLock { state in
            guard let entry = state.entries[key], entry.generation == state.generation,
                  Date().timeIntervalSince(entry.storedAt) < lifetime else { return nil }
            return entry.value
        }
    }

    /// Keeps `value`, read under `generation`; dropped at once if a write has happened since.
    func store(_ value: Value, for key: Key, generation: UInt64) {
        state.withLock { state in
            guard generation == state.generation else { return }
            if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[key] = Entry(value: value, generation: generation, storedAt: Date())
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
