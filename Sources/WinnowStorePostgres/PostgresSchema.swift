import Logging
import PostgresNIO
import WinnowStore

/// One named, append-only schema change: statements run in order inside the migration transaction.
struct PostgresMigration: Sendable {
    let name: String
    let statements: [String]
}

/// The PostgreSQL schema as named migrations, recorded in `winnow_migration`.
///
/// The same tables as the SQLite store (Sources/WinnowStoreSQLite/SQLiteSchema.swift) with
/// PostgreSQL types. Identifiers and names are `COLLATE "C"` so that ordering and keyset pagination
/// compare code points, as the in-memory reference does, whatever the database's locale.
/// Never edit a registered migration: add one.
enum PostgresSchema {
    static let migrations: [PostgresMigration] = [
        PostgresMigration(name: "v1-datasets-samples", statements: [
            """
            CREATE TABLE dataset (
                id TEXT COLLATE "C" PRIMARY KEY,
                name TEXT COLLATE "C" NOT NULL UNIQUE,
                labeling_type TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                created_at DOUBLE PRECISION NOT NULL,
                updated_at DOUBLE PRECISION NOT NULL
            )
            """,
            """
            CREATE TABLE sample_import (
                id TEXT COLLATE "C" PRIMARY KEY,
                dataset_id TEXT COLLATE "C" NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
                started_at DOUBLE PRECISION NOT NULL
            )
            """,
            """
            CREATE TABLE sample (
                id TEXT COLLATE "C" PRIMARY KEY,
                dataset_id TEXT COLLATE "C" NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
                import_id TEXT COLLATE "C" REFERENCES sample_import(id) ON DELETE CASCADE,
                source TEXT COLLATE "C" NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('unlabeled', 'labeled', 'to_be_confirmed')),
                is_hard BOOLEAN NOT NULL DEFAULT FALSE,
                hard_coefficient DOUBLE PRECISION CHECK (hard_coefficient IS NULL OR (hard_coefficient >= 0 AND hard_coefficient <= 1)),
                usage TEXT,
                width BIGINT,
                height BIGINT,
                depth BIGINT,
                inference_loc TEXT,
                labels TEXT NOT NULL,
                hard_example TEXT,
                created_at DOUBLE PRECISION NOT NULL,
                updated_at DOUBLE PRECISION NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX sample_visible_source ON sample(dataset_id, source) WHERE import_id IS NULL",
            "CREATE UNIQUE INDEX sample_staged_source ON sample(import_id, source) WHERE import_id IS NOT NULL",
            "CREATE INDEX sample_by_state ON sample(dataset_id, state, id)",
            "CREATE INDEX sample_by_hard ON sample(dataset_id, is_hard, hard_coefficient)",
            "CREATE INDEX sample_by_coefficient ON sample(dataset_id, hard_coefficient)",
            """
            CREATE TABLE sample_reason (
                sample_id TEXT COLLATE "C" NOT NULL REFERENCES sample(id) ON DELETE CASCADE,
                dataset_id TEXT COLLATE "C" NOT NULL,
                reason BIGINT NOT NULL CHECK (reason BETWEEN 0 AND 30),
                PRIMARY KEY (sample_id, reason)
            )
            """,
            "CREATE INDEX sample_reason_by_dataset ON sample_reason(dataset_id, reason)",
            """
            CREATE TABLE sample_label (
                sample_id TEXT COLLATE "C" NOT NULL REFERENCES sample(id) ON DELETE CASCADE,
                dataset_id TEXT COLLATE "C" NOT NULL,
                name TEXT COLLATE "C" NOT NULL,
                PRIMARY KEY (sample_id, name)
            )
            """,
            "CREATE INDEX sample_label_by_dataset ON sample_label(dataset_id, name)",
        ]),
        PostgresMigration(name: "v2-models-services", statements: [
            """
            CREATE TABLE model (
                name TEXT COLLATE "C" PRIMARY KEY,
                spec TEXT NOT NULL,
                registered_at DOUBLE PRECISION NOT NULL
            )
            """,
            """
            CREATE TABLE service (
                id TEXT COLLATE "C" PRIMARY KEY,
                name TEXT COLLATE "C" NOT NULL UNIQUE,
                model_name TEXT COLLATE "C" NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('deploying', 'running', 'finished', 'failed', 'stopped')),
                record TEXT NOT NULL,
                updated_at DOUBLE PRECISION NOT NULL
            )
            """,
            "CREATE INDEX service_by_model ON service(model_name)",
            """
            CREATE TABLE service_item (
                service_id TEXT COLLATE "C" NOT NULL REFERENCES service(id) ON DELETE CASCADE,
                sequence BIGINT NOT NULL,
                source TEXT NOT NULL,
                outcome BIGINT,
                detail TEXT,
                PRIMARY KEY (service_id, sequence)
            )
            """,
            "CREATE INDEX service_item_pending ON service_item(service_id, sequence) WHERE outcome IS NULL",
        ]),
        PostgresMigration(name: "v3-collection-tasks", statements: [
            """
            CREATE TABLE collection_task (
                id TEXT COLLATE "C" PRIMARY KEY,
                service_id TEXT COLLATE "C" NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'importing', 'completed', 'failed')),
                record TEXT NOT NULL,
                created_at DOUBLE PRECISION NOT NULL
            )
            """,
            "CREATE INDEX collection_task_by_service ON collection_task(service_id, created_at)",
            "CREATE INDEX collection_task_unfinished ON collection_task(created_at) WHERE status NOT IN ('completed', 'failed')",
        ]),
        PostgresMigration(name: "v4-work-units", statements: [
            """
            CREATE TABLE work_unit (
                job_id TEXT COLLATE "C" NOT NULL,
                sequence BIGINT NOT NULL,
                payload TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('pending', 'leased', 'completed')),
                attempts BIGINT NOT NULL DEFAULT 0,
                worker TEXT,
                lease_token TEXT,
                lease_expires_at DOUBLE PRECISION,
                result TEXT,
                PRIMARY KEY (job_id, sequence)
            )
            """,
            "CREATE INDEX work_unit_claimable ON work_unit(job_id, sequence) WHERE state <> 'completed'",
        ]),
        // The console's dataset page asks for the tasks writing into one dataset.
        PostgresMigration(name: "v5-collection-task-dataset", statements: [
            "ALTER TABLE collection_task ADD COLUMN dataset_id TEXT COLLATE \"C\"",
            "UPDATE collection_task SET dataset_id = record::jsonb->>'datasetID'",
            "CREATE INDEX collection_task_by_dataset ON collection_task(dataset_id, created_at)",
        ]),
    ]

    /// Applies the migrations `connection`'s database lacks, in one transaction, and returns their names.
    ///
    /// A transaction-scoped advisory lock keyed on the schema serialises processes that start at once:
    /// the second waits, then finds everything applied. A database migrated by a newer Winnow (names
    /// this build does not know) is refused rather than used.
    static func migrate(_ session: PostgresSession, schema: String?) async throws -> [String] {
        let lockScope = schema ?? "public"
        try await session.execute("BEGIN")
        do {
            try await session.execute("SELECT pg_advisory_xact_lock(hashtext('winnow.migrate'), hashtext(\(lockScope)))")
            if let schema {
                // An identifier cannot be a bind parameter; the name was checked against [a-z_][a-z0-9_]*.
                precondition(PostgresStoreConfiguration.isValidSchemaName(schema))
                try await session.execute(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \"\(schema)\""))
            }
            try await session.execute("""
                CREATE TABLE IF NOT EXISTS winnow_migration (
                    name TEXT COLLATE "C" PRIMARY KEY,
                    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
                )
                """)
            var applied = Set<String>()
            for row in try await session.rows("SELECT name FROM winnow_migration") {
                applied.insert(try row.decode(String.self))
            }
            let known = Set(migrations.map(\.name))
            let unknown = applied.subtracting(known).sorted()
            if !unknown.isEmpty {
                throw StoreError(.backend, "the database was migrated by a newer Winnow (unknown migrations: \(unknown.joined(separator: ", ")))")
            }
            var names: [String] = []
            for migration in migrations where !applied.contains(migration.name) {
                for statement in migration.statements {
                    try await session.execute(PostgresQuery(unsafeSQL: statement))
                }
                try await session.execute("INSERT INTO winnow_migration (name) VALUES (\(migration.name))")
                names.append(migration.name)
            }
            try await session.execute("COMMIT")
            return names
        } catch {
            try? await session.execute("ROLLBACK")
            throw error
        }
    }
}
