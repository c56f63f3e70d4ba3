import Foundation
public import Logging
import PostgresNIO
public import WinnowCore
public import WinnowStore

/// The scale-out metadata store: PostgreSQL through a PostgresNIO connection pool.
///
/// Same tables and semantics as ``SQLiteMetadataStore``; several processes may share one database.
///
/// ## Lifecycle
/// ```swift
/// let store = try await PostgresMetadataStore.connect(url: "postgres://winnow:secret@db:5432/winnow")
/// defer { Task { await store.shutdown() } }   // or await it before exiting
/// ```
/// ``connect(url:logger:)`` parses the URL, connects once and applies missing migrations (a clear
/// error when the server cannot be reached), then hands out pooled connections. The store owns a task
/// that runs the pool (`PostgresClient.run()`); ``shutdown()`` cancels it and waits for the pool to
/// close its connections. ``init(url:logger:)`` does the same without connecting: migrations then run
/// before the first operation.
public final class PostgresMetadataStore: MetadataStore, Sendable {
    /// Where the store connects.
    public let configuration: PostgresStoreConfiguration
    let client: PostgresClient
    let logger: Logger
    private let runner: Task<Void, Never>
    private let migrations = MigrationGate()

    /// Creates a store and starts its pool without connecting; migrations run before the first operation.
    ///
    /// - Throws: ``StoreError`` `.invalid` when the URL is malformed.
    public convenience init(url: String, logger: Logger = PostgresMetadataStore.quietLogger) throws(StoreError) {
        try self.init(configuration: PostgresStoreConfiguration(url: url), logger: logger)
    }

    /// Creates a store and starts its pool without connecting; migrations run before the first operation.
    public init(configuration: PostgresStoreConfiguration, logger: Logger = PostgresMetadataStore.quietLogger) {
        self.configuration = configuration
        self.logger = logger
        let client = PostgresClient(configuration: configuration.clientConfiguration, backgroundLogger: logger)
        self.client = client
        runner = Task { await client.run() }
    }

    /// Connects to the database at `url`, applies missing migrations and returns the ready store.
    ///
    /// - Throws: ``StoreError`` `.invalid` for a malformed URL, `.backend` naming the server when it
    ///   cannot be reached, refuses the login or the migrations fail.
    public static func connect(url: String, logger: Logger = PostgresMetadataStore.quietLogger) async throws -> PostgresMetadataStore {
        let store = try PostgresMetadataStore(url: url, logger: logger)
        do {
            try await store.migrate()
        } catch {
            await store.shutdown()
            throw error
        }
        return store
    }

    /// Closes the pool's connections and stops its task. The store must not be used afterwards.
    public func shutdown() async {
        runner.cancel()
        await runner.value
    }

    deinit { runner.cancel() }

    /// A logger that drops everything: the default, so that a CLI prints only its own output.
    public static let quietLogger = Logger(label: "winnow.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    // MARK: Migrations

    /// Applies missing migrations (once per store; a failure is retried by the next call) and returns
    /// the names this call applied.
    @discardableResult
    public func migrate() async throws -> [String] {
        try await migrations.run { [configuration, logger] in
            let connection: PostgresConnection
            do {
                connection = try await PostgresConnection.connect(
                    configuration: try configuration.connectionConfiguration(), id: 0, logger: logger)
            } catch {
                let reason = PostgresErrors.storeError(error, doing: "connect").message
                throw StoreError(.backend, "cannot connect to PostgreSQL at \(configuration.endpointDescription): \(reason)")
            }
            do {
                let applied = try await PostgresSchema.migrate(PostgresSession(connection: connection, logger: logger), schema: configuration.schema)
                try? await connection.close()
                return applied
            } catch {
                try? await connection.close()
                throw PostgresErrors.storeError(error, doing: "migrate \(configuration.endpointDescription)")
            }
        }
    }

    // MARK: Running statements

    /// Runs `body` in a transaction on a pooled connection (rolled back when it throws), mapping
    /// database errors to ``StoreError``.
    func transaction<T: Sendable>(_ what: String, _ body: (PostgresSession) async throws -> T) async throws -> T {
        try await migrate()
        do {
            return try await client.withConnection { connection in
                let session = PostgresSession(connection: connection, logger: logger)
                try await session.execute("BEGIN")
                do {
                    let value = try await body(session)
                    try await session.execute("COMMIT")
                    return value
                } catch {
                    try? await session.execute("ROLLBACK")
                    throw error
                }
            }
        } catch {
            throw PostgresErrors.storeError(error, doing: what)
        }
    }

    /// Runs `body` on a pooled connection outside a transaction (single-statement reads).
    func read<T: Sendable>(_ what: String, _ body: (PostgresSession) async throws -> T) async throws -> T {
        try await migrate()
        do {
            return try await client.withConnection { connection in
                try await body(PostgresSession(connection: connection, logger: logger))
            }
        } catch {
            throw PostgresErrors.storeError(error, doing: what)
        }
    }

    // MARK: Datasets

    public func createDataset(_ dataset: Dataset) async throws -> Dataset {
        try await transaction("create dataset '\(dataset.name)'") { session in
            if try await session.exists("SELECT 1 FROM dataset WHERE name = \(dataset.name) OR id = \(dataset.id)") {
                throw StoreError(.duplicate, "a dataset named '\(dataset.name)' exists already")
            }
            try await session.execute("""
                INSERT INTO dataset (id, name, labeling_type, description, created_at, updated_at)
                VALUES (\(dataset.id), \(dataset.name), \(dataset.labelingType.rawValue), \(dataset.description),
                        \(dataset.createdAt.timeIntervalSinceReferenceDate), \(dataset.updatedAt.timeIntervalSinceReferenceDate))
                """)
            return dataset
        }
    }

    public func dataset(id: String) async throws -> Dataset? {
        try await read("read dataset '\(id)'") { session in
            try await session.rows("SELECT \(unescaped: Self.datasetColumns) FROM dataset WHERE id = \(id)").first.map(Self.dataset(from:))
        }
    }

    public func dataset(named name: String) async throws -> Dataset? {
        try await read("read dataset '\(name)'") { session in
            try await session.rows("SELECT \(unescaped: Self.datasetColumns) FROM dataset WHERE name = \(name)").first.map(Self.dataset(from:))
        }
    }

    public func listDatasets() async throws -> [Dataset] {
        try await read("list datasets") { session in
            try await session.rows("SELECT \(unescaped: Self.datasetColumns) FROM dataset ORDER BY name").map(Self.dataset(from:))
        }
    }

    public func deleteDataset(id: String) async throws {
        try await transaction("delete dataset '\(id)'") { session in
            if try await session.count("DELETE FROM dataset WHERE id = \(id) RETURNING 1") == 0 {
                throw StoreError.datasetNotFound(id)
            }
        }
    }

    private static let datasetColumns = "id, name, labeling_type, description, created_at, updated_at"

    private static func dataset(from row: PostgresRow) throws -> Dataset {
        let (id, name, type, description, created, updated) = try row.decode((String, String, String, String, Double, Double).self)
        return Dataset(
            id: id, name: name, labelingType: LabelingType(rawValue: type) ?? .imageClassification, description: description,
            createdAt: Date(timeIntervalSinceReferenceDate: created), updatedAt: Date(timeIntervalSinceReferenceDate: updated))
    }
}
