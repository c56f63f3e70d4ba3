import Foundation
import Synchronization
import Testing
@testable import WinnowStoreSQLite

/// The cache behind SQLite counts and statistics: readers that miss together share one read, and a
/// write makes the next reader read again.
@Suite struct GenerationCacheTests {
    @Test func readersThatMissTogetherShareOneRead() async throws {
        let cache = GenerationCache<String, Int>()
        let reads = Atomic<Int>(0)
        let read: @Sendable () async throws -> Int = {
            let number = reads.add(1, ordering: .relaxed).newValue
            try await Task.sleep(for: .milliseconds(100))
            return number * 10
        }
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { try await cache.value(for: "k", read: read) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(values == Array(repeating: 10, count: 8))
        #expect(reads.load(ordering: .relaxed) == 1)
        #expect(try await cache.value(for: "k", read: read) == 10, "served from the cache")

        cache.invalidate()
        #expect(try await cache.value(for: "k", read: read) == 20, "read again after a write")
        #expect(reads.load(ordering: .relaxed) == 2)
    }

    @Test func aFailedReadIsNotKeptAndTheNextReaderTriesAgain() async throws {
        let cache = GenerationCache<String, Int>()
        struct Broken: Error {}
        await #expect(throws: Broken.self) { _ = try await cache.value(for: "k") { throw Broken() } }
        #expect(try await cache.value(for: "k") { 7 } == 7)
    }
}
