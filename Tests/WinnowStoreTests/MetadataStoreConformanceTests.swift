import Foundation
import Testing
import WinnowStore
import WinnowStoreSQLite
import WinnowTesting

/// Runs the shared conformance suite against every metadata store that needs no server.
@Suite struct MetadataStoreConformanceTests {
    @Test("in-memory store", arguments: MetadataStoreConformance.checks)
    func memoryStore(_ check: MetadataStoreConformance.Check) async throws {
        try await check.run(MemoryMetadataStore())
    }

    @Test("SQLite store", arguments: MetadataStoreConformance.checks)
    func sqliteStore(_ check: MetadataStoreConformance.Check) async throws {
        let directory = try TemporaryDirectory()
        try await check.run(try SQLiteMetadataStore(path: directory.path("winnow.sqlite")))
    }
}

/// Runs the service-store conformance suite against the in-memory and SQLite stores.
@Suite struct ServiceStoreConformanceTests {
    @Test("in-memory service store", arguments: ServiceStoreConformance.checks)
    func memoryStore(_ check: ServiceStoreConformance.Check) async throws {
        try await check.run(MemoryServiceStore())
    }

    @Test("SQLite service store", arguments: ServiceStoreConformance.checks)
    func sqliteStore(_ check: ServiceStoreConformance.Check) async throws {
        let directory = try TemporaryDirectory()
        try await check.run(try SQLiteMetadataStore(path: directory.path("winnow.sqlite")))
    }
}

/// Runs the collection-task store conformance suite against the in-memory and SQLite stores.
@Suite struct CollectionTaskStoreConformanceTests {
    @Test("in-memory task store", arguments: CollectionTaskStoreConformance.checks)
    func memoryStore(_ check: CollectionTaskStoreConformance.Check) async throws {
        try await check.run(MemoryCollectionTaskStore())
    }

    @Test("SQLite task store", arguments: CollectionTaskStoreConformance.checks)
    func sqliteStore(_ check: CollectionTaskStoreConformance.Check) async throws {
        let directory = try TemporaryDirectory()
        try await check.run(try SQLiteMetadataStore(path: directory.path("winnow.sqlite")))
    }
}

/// Runs the work-unit store conformance suite against the in-memory and SQLite stores.
@Suite struct WorkUnitStoreConformanceTests {
    @Test("in-memory work-unit store", arguments: WorkUnitStoreConformance.checks)
    func memoryStore(_ check: WorkUnitStoreConformance.Check) async throws {
        try await check.run(MemoryWorkUnitStore())
    }

    @Test("SQLite work-unit store", arguments: WorkUnitStoreConformance.checks)
    func sqliteStore(_ check: WorkUnitStoreConformance.Check) async throws {
        let directory = try TemporaryDirectory()
        try await check.run(try SQLiteMetadataStore(path: directory.path("winnow.sqlite")))
    }
}
