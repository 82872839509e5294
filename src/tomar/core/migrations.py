"""Schema migrations, keyed by SQLite's `user_version`.

Each step moves the schema from version i to i+1 and is never edited once released; the
tests build a database at every earlier version and migrate it to the latest.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 0 -> 1: the first schema.
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
    CREATE TABLE campaign (
        id TEXT PRIMARY KEY,
        package BLOB NOT NULL,
        organizer_fpr BLOB NOT NULL,
        imported_at TEXT NOT NULL
    );
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        campaign_id TEXT NOT NULL REFERENCES campaign(id),
        name TEXT NOT NULL,
        place TEXT NOT NULL DEFAULT '',
        started_at TEXT NOT NULL,
        ended_at TEXT
    );
    CREATE TABLE records (
        seq INTEGER PRIMARY KEY,
        record_id TEXT NOT NULL UNIQUE,
        campaign_id TEXT NOT NULL REFERENCES campaign(id),
        event_id TEXT REFERENCES events(id),
        kind TEXT NOT NULL CHECK (kind IN ('signature', 'void')),
        source TEXT NOT NULL CHECK (source IN ('kiosk', 'paper', 'cli')),
        created_at TEXT NOT NULL,
        sealed BLOB NOT NULL,
        voided_by TEXT,
        exported_batch INTEGER
    );
    CREATE TABLE organizer (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        recipient_kind TEXT NOT NULL,
        age_identity TEXT NOT NULL,
        signing_key BLOB NOT NULL,
        created_at TEXT NOT NULL,
        backed_up_at TEXT
    );
    """,
    # 1 -> 2: paper rows and "already signed here" tags.
    """
    ALTER TABLE records ADD COLUMN paper_serial TEXT;
    ALTER TABLE records ADD COLUMN paper_row INTEGER;
    CREATE UNIQUE INDEX records_paper ON records(paper_serial, paper_row)
        WHERE paper_serial IS NOT NULL AND kind = 'signature';
    CREATE TABLE dup_tags (
        tag INTEGER NOT NULL,
        record_seq INTEGER NOT NULL REFERENCES records(seq) ON DELETE CASCADE
    );
    CREATE INDEX dup_tags_tag ON dup_tags(tag);
    CREATE INDEX records_event ON records(event_id);
    """,
]

LATEST = len(MIGRATIONS)
