import GRDB

/// The SQLite schema as named, append-only migrations. Never edit a registered migration: add one.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-datasets-samples") { db in
            try db.execute(sql: """
                CREATE TABLE dataset (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL UNIQUE,
                    labeling_type TEXT NOT NULL,
                    description TEXT NOT NULL DEFAULT '',
                    created_at DOUBLE NOT NULL,
                    updated_at DOUBLE NOT NULL
                );
                CREATE TABLE sample_import (
                    id TEXT PRIMARY KEY NOT NULL,
                    dataset_id TEXT NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
                    started_at DOUBLE NOT NULL
                );
                CREATE TABLE sample (
                    id TEXT PRIMARY KEY NOT NULL,
                    dataset_id TEXT NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
                    import_id TEXT REFERENCES sample_import(id) ON DELETE CASCADE,
                    source TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('unlabeled', 'labeled', 'to_be_confirmed')),
                    is_hard INTEGER NOT NULL DEFAULT 0 CHECK (is_hard IN (0, 1)),
                    hard_coefficient DOUBLE CHECK (hard_coefficient IS NULL OR (hard_coefficient >= 0 AND hard_coefficient <= 1)),
                    usage TEXT,
                    width INTEGER,
                    height INTEGER,
                    depth INTEGER,
                    inference_loc TEXT,
                    labels TEXT NOT NULL,
                    hard_example TEXT,
                    created_at DOUBLE NOT NULL,
                    updated_at DOUBLE NOT NULL
                );
                CREATE UNIQUE INDEX sample_visible_source ON sample(dataset_id, source) WHERE import_id IS NULL;
                CREATE UNIQUE INDEX sample_staged_source ON sample(import_id, source) WHERE import_id IS NOT NULL;
                CREATE INDEX sample_by_state ON sample(dataset_id, state, id);
                CREATE INDEX sample_by_hard ON sample(dataset_id, is_hard, hard_coefficient);
                CREATE INDEX sample_by_coefficient ON sample(dataset_id, hard_coefficient);
                CREATE TABLE sample_reason (
                    sample_id TEXT NOT NULL REFERENCES sample(id) ON DELETE CASCADE,
                    dataset_id TEXT NOT NULL,
                    reason INTEGER NOT NULL CHECK (reason BETWEEN 0 AND 30),
                    PRIMARY KEY (sample_id, reason)
                ) WITHOUT ROWID;
                CREATE INDEX sample_reason_by_dataset ON sample_reason(dataset_id, reason);
                CREATE TABLE sample_label (
                    sample_id TEXT NOT NULL REFERENCES sample(id) ON DELETE CASCADE,
                    dataset_id TEXT NOT NULL,
                    name TEXT NOT NULL,
                    PRIMARY KEY (sample_id, name)
                ) WITHOUT ROWID;
                CREATE INDEX sample_label_by_dataset ON sample_label(dataset_id, name);
                """)
        }
        migrator.registerMigration("v2-models-services") { db in
            try db.execute(sql: """
                CREATE TABLE model (
                    name TEXT PRIMARY KEY NOT NULL,
                    spec TEXT NOT NULL,
                    registered_at DOUBLE NOT NULL
                );
                CREATE TABLE service (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL UNIQUE,
                    model_name TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('deploying', 'running', 'finished', 'failed', 'stopped')),
                    record TEXT NOT NULL,
                    updated_at DOUBLE NOT NULL
                );
                CREATE TABLE service_item (
                    service_id TEXT NOT NULL REFERENCES service(id) ON DELETE CASCADE,
                    sequence INTEGER NOT NULL,
                    source TEXT NOT NULL,
                    outcome INTEGER,
                    detail TEXT,
                    PRIMARY KEY (service_id, sequence)
                ) WITHOUT ROWID;
                CREATE INDEX service_item_pending ON service_item(service_id, sequence) WHERE outcome IS NULL;
                """)
        }
        migrator.registerMigration("v3-collection-tasks") { db in
            try db.execute(sql: """
                CREATE TABLE collection_task (
                    id TEXT PRIMARY KEY NOT NULL,
                    service_id TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'importing', 'completed', 'failed')),
                    record TEXT NOT NULL,
                    created_at DOUBLE NOT NULL
                );
                CREATE INDEX collection_task_by_service ON collection_task(service_id, created_at);
                CREATE INDEX collection_task_unfinished ON collection_task(created_at) WHERE status NOT IN ('completed', 'failed');
                """)
        }
        migrator.registerMigration("v4-work-units") { db in
            try db.execute(sql: """
                CREATE TABLE work_unit (
                    job_id TEXT NOT NULL,
                    sequence INTEGER NOT NULL,
                    payload TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('pending', 'leased', 'completed')),
                    attempts INTEGER NOT NULL DEFAULT 0,
                    worker TEXT,
                    lease_token TEXT,
                    lease_expires_at DOUBLE,
                    result TEXT,
                    PRIMARY KEY (job_id, sequence)
                ) WITHOUT ROWID;
                CREATE INDEX work_unit_claimable ON work_unit(job_id, sequence) WHERE state <> 'completed';
                """)
        }
        // Listing a large dataset's samples (100,000 and more) a page at a time: partial indexes over the
        // visible samples in each listing order, ending in import_id so that counts and the page's row ids
        // come from the index alone (SQLite 3.40 does not treat a partial index as covering otherwise).
        // They replace the v1 indexes of the same columns, which also held staged rows and forced a
        // table lookup per row to test import_id.
        migrator.registerMigration("v5-sample-listing-indexes") { db in
            try db.execute(sql: """
                DROP INDEX sample_by_state;
                DROP INDEX sample_by_hard;
                DROP INDEX sample_by_coefficient;
                CREATE INDEX sample_listing_by_id ON sample(dataset_id, id, import_id) WHERE import_id IS NULL;
                CREATE INDEX sample_listing_by_state ON sample(dataset_id, state, id, is_hard, import_id) WHERE import_id IS NULL;
                CREATE INDEX sample_listing_by_coefficient ON sample(dataset_id, hard_coefficient, id, import_id) WHERE import_id IS NULL;
                CREATE INDEX sample_listing_by_state_coefficient
                    ON sample(dataset_id, state, hard_coefficient, id, import_id) WHERE import_id IS NULL;
                CREATE INDEX sample_listing_by_hard ON sample(dataset_id, is_hard, hard_coefficient, id, import_id) WHERE import_id IS NULL;
                """)
        }
        // Most samples carry one label name (a classification, or boxes of one class). That name moves
        // into the sample row, indexed with the visible samples at commit; `sample_label` keeps the rows
        // of samples with two or more names. An import then fills two b-trees fewer per sample (a fifth
        // of its CPU). Existing single-name samples move over here.
        migrator.registerMigration("v6-sample-label-name") { db in
            try db.execute(sql: """
                ALTER TABLE sample ADD COLUMN label_name TEXT;
                UPDATE sample SET label_name = (SELECT l.name FROM sample_label l WHERE l.sample_id = sample.id)
                WHERE (SELECT COUNT(*) FROM sample_label l WHERE l.sample_id = sample.id) = 1;
                DELETE FROM sample_label WHERE sample_id IN (SELECT id FROM sample WHERE label_name IS NOT NULL);
                CREATE INDEX sample_listing_by_label ON sample(dataset_id, label_name, id, import_id)
                    WHERE import_id IS NULL AND label_name IS NOT NULL;
                """)
        }
        // The console's dataset page asks for the tasks writing into one dataset; their records (a
        // mining summary each) were all read and decoded to find them.
        migrator.registerMigration("v7-collection-task-dataset") { db in
            try db.execute(sql: """
                ALTER TABLE collection_task ADD COLUMN dataset_id TEXT;
                UPDATE collection_task SET dataset_id = json_extract(record, '$.datasetID');
                CREATE INDEX collection_task_by_dataset ON collection_task(dataset_id, created_at);
                """)
        }
        return migrator
    }
}
