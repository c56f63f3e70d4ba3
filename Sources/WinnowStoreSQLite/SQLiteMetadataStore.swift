import Foundation
import GRDB
public import WinnowCore
public import WinnowStore

/// The embedded default metadata store: one SQLite file in WAL mode, through GRDB.
///
/// Readers never block the writer; writes are serialised. The schema is migrated on open.
public final class SQLiteMetadataStore: MetadataStore {
    let database: DatabasePool
    /// Sample counts by filter, until the next write (listing pages ask for the total every time).
    let counts: GenerationCache<SampleQuery, Int>
    /// Dataset statistics by dataset id, until the next write.
    let statisticsCache: GenerationCache<String, DatasetStatistics>

    /// Opens (creating if needed) the database at `path` and migrates it.
    ///
    /// - Throws: ``StoreError`` `.backend` naming the file when it cannot be opened or migrated
    ///   (not a database, newer schema, permissions).
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            // A new file gets 8 KiB pages (set before GRDB turns on WAL; a no-op for existing files):
            // shallower trees for the ten indexes an import fills, 5–10 % less CPU per imported row.
            try db.execute(sql: "PRAGMA page_size = 8192")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        // Another process's commit changes the database or its write-ahead log: cached counts then go stale.
        let stamp = GenerationCache<String, Int>.fileStamp([path, path + "-wal"])
        counts = GenerationCache(stamp: stamp)
        statisticsCache = GenerationCache(stamp: stamp)
        do {
            database = try DatabasePool(path: path, configuration: configuration)
            try SQLiteSchema.migrator.migrate(database)
        } catch {
            throw StoreError(.backend, "cannot open the SQLite database \(path): \(error)")
        }
    }

    /// Runs a write transaction, mapping database errors to ``StoreError``.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        // After the transaction (committed or not), cached counts and statistics are stale.
        defer {
            counts.invalidate()
            statisticsCache.invalidate()
        }
        do {
            return try await database.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.backend, "SQLite: \(error)")
        }
    }

    /// Runs `body` in an immediate write transaction with foreign-key enforcement off, for bulk inserts
    /// whose references `body` checks itself (each foreign-key check is a b-tree lookup: a sixth of an
    /// import's CPU). Enforcement is back on before the writer serves anything else, even on error.
    func writeUnchecked<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        defer {
            counts.invalidate()
            statisticsCache.invalidate()
        }
        do {
            return try await database.writeWithoutTransaction { db in
                // A no-op inside a transaction, so it must come before BEGIN.
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StoreError(.backend, "SQLite: the transaction ended without a result") }
                return result
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.backend, "SQLite: \(error)")
        }
    }

    /// Runs a read, mapping database errors to ``StoreError``.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await database.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.backend, "SQLite: \(error)")
        }
    }

    // MARK: Datasets

    public func createDataset(_ dataset: Dataset) async throws -> Dataset {
        try await write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM dataset WHERE name = ? OR id = ?", arguments: [dataset.name, dataset.id]) != nil {
                throw StoreError(.duplicate, "a dataset named '\(dataset.name)' exists already")
            }
            try db.execute(
                sql: "INSERT INTO dataset (id, name, labeling_type, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [dataset.id, dataset.name, dataset.labelingType.rawValue, dataset.description,
                            dataset.createdAt.timeIntervalSinceReferenceDate, dataset.updatedAt.timeIntervalSinceReferenceDate])
            return dataset
        }
    }

    public func dataset(id: String) async throws -> Dataset? {
        try await read { db in try Row.fetchOne(db, sql: "SELECT * FROM dataset WHERE id = ?", arguments: [id]).map(Self.dataset(from:)) }
    }

    public func dataset(named name: String) async throws -> Dataset? {
        try await read { db in try Row.fetchOne(db, sql: "SELECT * FROM dataset WHERE name = ?", arguments: [name]).map(Self.dataset(from:)) }
    }

    public func listDatasets() async throws -> [Dataset] {
        try await read { db in try Row.fetchAll(db, sql: "SELECT * FROM dataset ORDER BY name").map(Self.dataset(from:)) }
    }

    public func deleteDataset(id: String) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM dataset WHERE id = ?", arguments: [id])
            if db.changesCount == 0 { throw StoreError.datasetNotFound(id) }
        }
    }

    static func dataset(from row: Row) -> Dataset {
        Dataset(
            id: row["id"], name: row["name"],
            labelingType: LabelingType(rawValue: row["labeling_type"]) ?? .imageClassification,
            description: row["description"],
            createdAt: Date(timeIntervalSinceReferenceDate: row["created_at"]),
            updatedAt: Date(timeIntervalSinceReferenceDate: row["updated_at"]))
    }
}
