import PostgresNIO
import Testing
import WinnowCore
import WinnowStore
@testable import WinnowStorePostgres

/// Migrations against a real server: applied once, recorded, safe when two processes start at once.
@Suite(.enabled(if: PostgresTestDatabase.available, "\(PostgresTestDatabase.skipMessage)"))
struct PostgresMigrationTests {
    /// The names recorded in `winnow_migration`, in order.
    private func recorded(_ store: PostgresMetadataStore) async throws -> [String] {
        var names: [String] = []
        for try await name in try await store.client.query("SELECT name FROM winnow_migration ORDER BY name").decode(String.self) {
            names.append(name)
        }
        return names
    }

    @Test func migrationsApplyOnceAndAreRecorded() async throws {
        let schema = PostgresTestDatabase.freshSchemaName()
        let url = PostgresTestDatabase.url(schema: schema)
        let first = try PostgresMetadataStore(url: url)
        let applied = try await first.migrate()
        #expect(applied == PostgresSchema.migrations.map(\.name))
        #expect(try await first.migrate() == [], "a second call on the same store applies nothing")
        let dataset = try await first.createDataset(Dataset(name: "kept", labelingType: .imageClassification))
        await first.shutdown()

        // A second process on the migrated schema: nothing to apply, the data is still there.
        let second = try PostgresMetadataStore(url: url)
        #expect(try await second.migrate() == [])
        #expect(try await recorded(second) == PostgresSchema.migrations.map(\.name).sorted())
        #expect(try await second.dataset(named: "kept") == dataset)
        try await PostgresTestDatabase.dropSchema(schema, using: second)
        await second.shutdown()
    }

    @Test func concurrentStartsMigrateOnce() async throws {
        let schema = PostgresTestDatabase.freshSchemaName()
        let url = PostgresTestDatabase.url(schema: schema)
        let stores = try (0..<4).map { _ in try PostgresMetadataStore(url: url) }
        let applied = try await withThrowingTaskGroup(of: [String].self) { group in
            for store in stores { group.addTask { try await store.migrate() } }
            return try await group.reduce(into: [[String]]()) { $0.append($1) }
        }
        // Exactly one start applied everything; the others waited on the lock and found it done.
        #expect(applied.filter { !$0.isEmpty } == [PostgresSchema.migrations.map(\.name)])
        #expect(try await recorded(stores[0]) == PostgresSchema.migrations.map(\.name).sorted())
        try await PostgresTestDatabase.dropSchema(schema, using: stores[0])
        for store in stores { await store.shutdown() }
    }

    @Test func aDatabaseFromANewerWinnowIsRefused() async throws {
        try await PostgresTestDatabase.withFreshStore { store in
            try await store.client.query("INSERT INTO winnow_migration (name) VALUES ('v99-from-the-future')")
            let later = try PostgresMetadataStore(url: PostgresTestDatabase.url(schema: store.configuration.schema ?? ""))
            let error = await #expect(throws: StoreError.self) { try await later.migrate() }
            #expect(error?.message.contains("v99-from-the-future") == true)
            await later.shutdown()
        }
    }
}
