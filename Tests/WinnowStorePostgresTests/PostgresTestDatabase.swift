import Foundation
import PostgresNIO
@testable import WinnowStorePostgres

/// The test server named by `WINNOW_TEST_POSTGRES_URL` (scripts/postgres-test-server prints one);
/// tests that need it skip with ``skipMessage`` when it is unset.
enum PostgresTestDatabase {
    static let url: String? = {
        guard let url = ProcessInfo.processInfo.environment["WINNOW_TEST_POSTGRES_URL"], !url.isEmpty else { return nil }
        return url
    }()

    static var available: Bool { url != nil }

    static let skipMessage = "skipped: WINNOW_TEST_POSTGRES_URL is unset (export WINNOW_TEST_POSTGRES_URL=\"$(scripts/postgres-test-server start)\")"

    /// The test URL with `schema=NAME` added.
    static func url(schema: String) -> String {
        guard let url else { preconditionFailure(skipMessage) }
        return url + (url.contains("?") ? "&" : "?") + "schema=\(schema)"
    }

    /// A schema name no other test uses.
    static func freshSchemaName() -> String {
        "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }

    /// Runs `body` with a migrated store in a fresh schema, then drops the schema and closes the pool.
    static func withFreshStore<T>(_ body: (PostgresMetadataStore) async throws -> T) async throws -> T {
        let schema = freshSchemaName()
        let store = try await PostgresMetadataStore.connect(url: url(schema: schema))
        do {
            let result = try await body(store)
            try await dropSchema(schema, using: store)
            await store.shutdown()
            return result
        } catch {
            try? await dropSchema(schema, using: store)
            await store.shutdown()
            throw error
        }
    }

    /// Drops a test schema and everything in it.
    static func dropSchema(_ schema: String, using store: PostgresMetadataStore) async throws {
        precondition(PostgresStoreConfiguration.isValidSchemaName(schema))
        try await store.client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE"))
    }
}
