import Testing
import WinnowStore
import WinnowStorePostgres
import WinnowTesting

/// The shared conformance suites, unchanged, against PostgreSQL: each check in a fresh schema.
@Suite(.enabled(if: PostgresTestDatabase.available, "\(PostgresTestDatabase.skipMessage)"))
struct PostgresConformanceTests {
    @Test("PostgreSQL metadata store", arguments: MetadataStoreConformance.checks)
    func metadataStore(_ check: MetadataStoreConformance.Check) async throws {
        try await PostgresTestDatabase.withFreshStore { try await check.run($0) }
    }

    @Test("PostgreSQL service store", arguments: ServiceStoreConformance.checks)
    func serviceStore(_ check: ServiceStoreConformance.Check) async throws {
        try await PostgresTestDatabase.withFreshStore { try await check.run($0) }
    }

    @Test("PostgreSQL task store", arguments: CollectionTaskStoreConformance.checks)
    func taskStore(_ check: CollectionTaskStoreConformance.Check) async throws {
        try await PostgresTestDatabase.withFreshStore { try await check.run($0) }
    }

    @Test("PostgreSQL work-unit store", arguments: WorkUnitStoreConformance.checks)
    func workUnitStore(_ check: WorkUnitStoreConformance.Check) async throws {
        try await PostgresTestDatabase.withFreshStore { try await check.run($0) }
    }
}
