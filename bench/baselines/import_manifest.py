"""Baseline: import a manifest into SQLite the way a Python user would script it.

json.loads per line, one INSERT per sample with its labels as JSON, one transaction, WAL mode.
"""
import json
import sqlite3
import sys
import uuid


def main(path, database):
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute(
        "CREATE TABLE IF NOT EXISTS sample (id TEXT PRIMARY KEY, source TEXT NOT NULL UNIQUE, state TEXT, labels TEXT)")
    with connection, open(path, "rb") as handle:
        rows = []
        for raw in handle:
            if not raw.strip():
                continue
            record = json.loads(raw)
            labels = [a.get("name") for a in record.get("annotation", [])]
            rows.append((uuid.uuid4().hex, record["source"], "labeled" if labels else "unlabeled", json.dumps(labels)))
            if len(rows) >= 2000:
                connection.executemany("INSERT OR REPLACE INTO sample VALUES (?, ?, ?, ?)", rows)
                rows.clear()
        connection.executemany("INSERT OR REPLACE INTO sample VALUES (?, ?, ?, ?)", rows)
    print(connection.execute("SELECT COUNT(*) FROM sample").fetchone()[0], "samples")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
