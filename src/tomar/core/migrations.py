"""Schema migrations, keyed by SQLite's `user_version`.

Each step moves the schema from version i to i+1 and is never edited once released; the
tests build a database at every earlier version and migrate it to the latest.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import sqlcipher3

from .atomic import atomic_writer, storage_error
from .derived import (
    FLAGGED_ROWIDS,
    FTS_COLUMNS,
    derived,
    fts,
    join,
    leave,
    live,
    prune_groups,
    prune_tally,
    queue_since,
    requeue,
    tally,
)
from .errors import E, VaultError

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
        WHERE paper_serial IS NOT NULL AND kind = 'signature' AND voided_by IS NULL;
    CREATE TABLE dup_tags (
        tag INTEGER NOT NULL,
        record_seq INTEGER NOT NULL REFERENCES records(seq) ON DELETE CASCADE
    );
    CREATE INDEX dup_tags_tag ON dup_tags(tag);
    CREATE INDEX records_event ON records(event_id);
    """,
    # 2 -> 3: batches and receipts (device), devices and intake (organizer).
    """
    CREATE TABLE batches (
        number INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        record_count INTEGER NOT NULL,
        manifest BLOB NOT NULL,
        signature TEXT NOT NULL,
        certificate BLOB,
        receipt_at TEXT
    );
    ALTER TABLE records ADD COLUMN receipt TEXT;
    CREATE INDEX records_exported ON records(exported_batch);
    CREATE TABLE devices (
        public_key TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('enrolled', 'approved', 'revoked')),
        since TEXT NOT NULL
    );
    CREATE TABLE intake_batches (
        sha256 TEXT PRIMARY KEY,
        manifest_sha256 TEXT NOT NULL,
        device TEXT NOT NULL,
        number INTEGER NOT NULL,
        prev TEXT,
        record_count INTEGER NOT NULL,
        received_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('imported', 'held')),
        body BLOB,
        receipt_at TEXT
    );
    CREATE UNIQUE INDEX intake_batches_number ON intake_batches(device, number)
        WHERE status = 'imported';
    CREATE TABLE device_seqs (
        device TEXT NOT NULL,
        seq INTEGER NOT NULL,
        record_id TEXT NOT NULL UNIQUE,
        batch TEXT NOT NULL REFERENCES intake_batches(sha256),
        PRIMARY KEY (device, seq)
    ) WITHOUT ROWID;
    CREATE TABLE signers (
        record_id TEXT PRIMARY KEY,
        device TEXT NOT NULL,
        seq INTEGER NOT NULL,
        batch TEXT NOT NULL REFERENCES intake_batches(sha256),
        time TEXT NOT NULL,
        day TEXT NOT NULL,
        event_id TEXT,
        event_name TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL,
        paper_serial TEXT,
        paper_row INTEGER,
        lang TEXT NOT NULL,
        display TEXT NOT NULL,
        fields TEXT NOT NULL,
        strokes BLOB,
        name TEXT NOT NULL DEFAULT '',
        email TEXT,
        phone TEXT,
        name_city TEXT,
        translit TEXT,
        country TEXT NOT NULL DEFAULT '',
        voided_by TEXT,
        dup_of TEXT,
        review TEXT
    );
    CREATE INDEX signers_email ON signers(email) WHERE email IS NOT NULL;
    CREATE INDEX signers_phone ON signers(phone) WHERE phone IS NOT NULL;
    CREATE INDEX signers_name_city ON signers(name_city);
    CREATE INDEX signers_translit ON signers(translit);
    CREATE INDEX signers_dup_of ON signers(dup_of);
    CREATE TABLE voids (
        record_id TEXT PRIMARY KEY,
        device TEXT NOT NULL,
        target TEXT NOT NULL,
        time TEXT NOT NULL,
        batch TEXT NOT NULL REFERENCES intake_batches(sha256)
    );
    CREATE INDEX voids_target ON voids(target);
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        time TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL
    );
    """,
    # 3 -> 4: blank paper sheets printed by this device (serials for data entry checks).
    """
    CREATE TABLE paper_sheets (
        serial TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        lang TEXT NOT NULL,
        rows INTEGER NOT NULL CHECK (rows BETWEEN 1 AND 999)
    );
    CREATE TABLE paper_rows_purged (
        serial TEXT NOT NULL,
        row INTEGER NOT NULL,
        PRIMARY KEY (serial, row)
    ) WITHOUT ROWID;
    CREATE VIEW paper_rows_entered AS
        SELECT paper_serial AS serial, paper_row AS row FROM records
        WHERE paper_serial IS NOT NULL AND kind = 'signature' AND voided_by IS NULL
        UNION SELECT serial, row FROM paper_rows_purged;
    """,
    # 4 -> 5: unique signers in delivery order without a sort, so printing them reads
    # one row at a time instead of sorting every row (drawings included) in memory;
    # voided_by and dup_of (always NULL here) let SQLite count them from the index alone.
    # merged_with: the signer the organizer merged this one with by hand, so that
    # regrouping after a later import keeps the merge.
    """
    CREATE INDEX signers_unique_order ON signers(time, record_id, voided_by, dup_of)
        WHERE voided_by IS NULL AND dup_of IS NULL;
    ALTER TABLE signers ADD COLUMN merged_with TEXT;
    """,
    # 5 -> 6: device_seqs loses its index on record_id. Record ids are random, so that index
    # took a write to a random page for nearly every imported record (the import's database
    # work at 200,000 signers went from 134 to 110 us per record without it); signers and
    # voids already keep each id once (their primary keys), and intake checks an id
    # against the other of the two tables itself.
    """
    CREATE TABLE device_seqs_v6 (
        device TEXT NOT NULL,
        seq INTEGER NOT NULL,
        record_id TEXT NOT NULL,
        batch TEXT NOT NULL REFERENCES intake_batches(sha256),
        PRIMARY KEY (device, seq)
    ) WITHOUT ROWID;
    INSERT INTO device_seqs_v6 SELECT device, seq, record_id, batch FROM device_seqs;
    DROP TABLE device_seqs;
    ALTER TABLE device_seqs_v6 RENAME TO device_seqs;
    """,
    # 6 -> 7: hostile devices. held_for says why a batch is held: NULL for a device nobody
    # trusts yet (these count against the strangers' quota), 'review' for a trusted
    # device's batch numbered far past its last one. A record's identity becomes its
    # device and its id: intake stores a record whose id another device sent first under
    # a device-bound id (`<id>-<16 hex digits>`, which no manifest id can take), so the
    # ids stored so far (each received once, from one device) stay as they are;
    # device_seqs keeps every id as its device wrote it, for receipts.
    """
    ALTER TABLE intake_batches ADD COLUMN held_for TEXT CHECK (held_for IN ('review'));
    """,
    # 7 -> 8: where signers live and what else they agreed to (issue 18). state: a USPS
    # code, chosen or derived from the ZIP; zip: a US ZIP or ZIP+4 as checked; district:
    # the organizer's choice for a ZIP spanning districts; consents: the extra purposes
    # agreed to, as a JSON list. districts: the organizer's ZIP-to-district table.
    # removals: when a signer was removed at their request (nothing of who they were).
    """
    ALTER TABLE signers ADD COLUMN state TEXT NOT NULL DEFAULT '';
    ALTER TABLE signers ADD COLUMN zip TEXT;
    ALTER TABLE signers ADD COLUMN district TEXT;
    ALTER TABLE signers ADD COLUMN consents TEXT;
    CREATE TABLE districts (
        zip TEXT NOT NULL,
        district TEXT NOT NULL,
        PRIMARY KEY (zip, district)
    ) WITHOUT ROWID;
    CREATE TABLE removals (
        id INTEGER PRIMARY KEY,
        time TEXT NOT NULL
    );
    """,
    # 8 -> 9: the organizer's ZIP+4 table (issue 18): ranges of ZIP+4 add-ons, both ends
    # included, with their district, for ZIP codes that span districts.
    """
    CREATE TABLE district_ranges (
        zip5 TEXT NOT NULL,
        low INTEGER NOT NULL CHECK (low BETWEEN 0 AND 9999),
        high INTEGER NOT NULL CHECK (high BETWEEN low AND 9999),
        district TEXT NOT NULL,
        PRIMARY KEY (zip5, low, high, district)
    ) WITHOUT ROWID;
    """,
    # 9 -> 10: a million signers (issue 20). What the dashboard and the signers table read is
    # kept up to date instead of being recounted over every signer, in the same
    # transaction as the signers change (imports, voids, regrouping, merges, reviews,
    # rebuilds): by triggers on updates and deletes, and for inserts by intake per chunk
    # of signers (`DERIVED_SINCE`, see `derived.derived`):
    # - signer_tally: received, unique, duplicate and voided signers in all ('all', '') and
    #   by event, device, day, country, state, display choice, ZIP and chosen district,
    #   extra consent;
    # - match_groups: how many live originals not marked distinct share a name and city
    #   ('n' || name_city) or a consonant skeleton ('t' || translit); groups of two or more
    #   are the review queue, found through a partial index;
    # - signers_state: the filters' rowids in rowid order from a small index;
    # - signers_name_city, signers_translit: with the state, so the review queue and merge
    #   candidates are read from the index alone;
    # - signers_fts: substring search (FTS5 trigram) over the searched columns, inside the
    #   vault like every table (external content: the text is not stored twice).
    f"""
    CREATE TABLE signer_tally (
        dim TEXT NOT NULL,
        key TEXT NOT NULL,
        received INTEGER NOT NULL,
        uniq INTEGER NOT NULL,
        duplicates INTEGER NOT NULL,
        voided INTEGER NOT NULL,
        PRIMARY KEY (dim, key)
    ) WITHOUT ROWID;
    CREATE TRIGGER signers_tally_delete AFTER DELETE ON signers BEGIN {tally("old", "-1")}
        {prune_tally("old")}
    END;
    CREATE TRIGGER signers_tally_update AFTER UPDATE OF voided_by, dup_of, event_name, device,
        day, country, state, display, zip, district, consents ON signers
    WHEN (old.voided_by IS NULL) != (new.voided_by IS NULL)
        OR (old.dup_of IS NULL) != (new.dup_of IS NULL) OR old.event_name IS NOT new.event_name
        OR old.device IS NOT new.device OR old.day IS NOT new.day
        OR old.country IS NOT new.country OR old.state IS NOT new.state
        OR old.display IS NOT new.display
        OR old.zip IS NOT new.zip OR old.district IS NOT new.district
        OR old.consents IS NOT new.consents
    BEGIN {tally("old", "-1")} {tally("new", "1")} {prune_tally("old")}
    END;
    CREATE TABLE match_groups (key TEXT PRIMARY KEY, live INTEGER NOT NULL) WITHOUT ROWID;
    CREATE INDEX match_groups_many ON match_groups(key) WHERE live > 1;
    CREATE TRIGGER signers_match_delete AFTER DELETE ON signers BEGIN {leave("old")}
        {prune_groups("old")}
    END;
    CREATE TRIGGER signers_match_update AFTER UPDATE OF voided_by, dup_of, review, name_city,
        translit ON signers
    WHEN {live("old")} != {live("new")} OR old.name_city IS NOT new.name_city
        OR old.translit IS NOT new.translit
    BEGIN {leave("old")} {join("new")} {prune_groups("old")}
    END;
    CREATE INDEX signers_state ON signers(voided_by IS NOT NULL, dup_of IS NOT NULL);
    DROP INDEX signers_name_city;
    CREATE INDEX signers_name_city ON signers(name_city, voided_by, dup_of, review);
    DROP INDEX signers_translit;
    CREATE INDEX signers_translit ON signers(translit, voided_by, dup_of, review);
    CREATE VIRTUAL TABLE signers_fts USING fts5({FTS_COLUMNS}, content='signers',
        content_rowid='rowid', tokenize='trigram');
    {";".join(derived("1"))};
    CREATE TRIGGER signers_fts_delete AFTER DELETE ON signers BEGIN {fts("old", True)}
    END;
    CREATE TRIGGER signers_fts_update AFTER UPDATE OF {FTS_COLUMNS} ON signers
    BEGIN {fts("old", True)} {fts("new", False)}
    END;
    """,
    # 10 -> 11: the review queue kept (issue 20). Read from the groups of two or more, the
    # list of signers to review took 400 ms at 300,000 signers; review_queue holds their
    # rowids, kept by the match triggers (made again here, with `requeue`: a decision of
    # "keep" changes the list but not the groups) and by intake per chunk (`queue_since`).
    # signers_reviewed: the "Reviewed" filter from a small partial index.
    f"""
    CREATE TABLE review_queue (rowid INTEGER PRIMARY KEY);
    INSERT INTO review_queue {FLAGGED_ROWIDS};
    DROP TRIGGER signers_match_delete;
    CREATE TRIGGER signers_match_delete AFTER DELETE ON signers BEGIN {leave("old")}
        {prune_groups("old")} {requeue("old")}
    END;
    DROP TRIGGER signers_match_update;
    CREATE TRIGGER signers_match_update AFTER UPDATE OF voided_by, dup_of, review, name_city,
        translit ON signers
    WHEN {live("old")} != {live("new")} OR old.review IS NOT new.review
        OR old.name_city IS NOT new.name_city OR old.translit IS NOT new.translit
    BEGIN {leave("old")} {join("new")} {prune_groups("old")} {requeue("old", "new")}
    END;
    CREATE INDEX signers_reviewed ON signers(review) WHERE review IS NOT NULL;
    """,
]

LATEST = len(MIGRATIONS)
#: `derived` for the signers inserted after rowid ?1 (intake, after each chunk).
DERIVED_SINCE: tuple[str, ...] = (*derived("s.rowid > ?1"), queue_since("s.rowid > ?1"))


#: Tables derived from `signers` (migration 10): a rebuild copies the signers and fills
#: these again (`DERIVED_SINCE`), for the signers kept.
DERIVED = ("signer_tally", "match_groups", "signers_fts", "review_queue")


def is_derived(table: str) -> bool:
    return any(table == d or table.startswith(d + "_") for d in DERIVED)


def statements(script: str) -> list[str]:
    """A script's statements; a trigger's body holds semicolons of its own."""
    out, pending = [], ""
    for part in script.split(";"):
        pending += part + ";"
        if sqlcipher3.complete_statement(pending):
            out.append(pending)
            pending = ""
    if pending.strip(" \n;"):
        out.append(pending)
    return out


def migrate(conn: Any, target: int = LATEST) -> None:
    """Apply the missing migrations, each in its own transaction."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > LATEST:
        raise VaultError(E.VAULT_MADE_NEWER_VERSION_UPDATE)
    for i in range(version, target):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in statements(MIGRATIONS[i]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {i + 1}")
            conn.execute("COMMIT")
        except BaseException:
            # After an I/O error SQLite has already rolled back: keep the first error.
            with contextlib.suppress(sqlcipher3.Error):
                conn.execute("ROLLBACK")
            raise


def copy_before_migrating(db: Path, conn: Any, version: int) -> Path:
    """A copy of the database (same key) before an upgrade changes it: if the new version
    misbehaves, the old one can still open the copy. Kept until a rebuild or a wipe."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = db.with_name(f"{db.name}.v{version}.bak")
    try:
        with db.open("rb") as src, atomic_writer(copy, what=E.WORD_THE_VAULT_COPY) as out:
            for chunk in iter(lambda: src.read(1 << 20), b""):
                out.write(chunk)
    except OSError as exc:
        raise storage_error(exc, E.WORD_THE_VAULT_COPY) from None
    return copy
