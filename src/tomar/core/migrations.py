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
from .errors import E, VaultError

#: Between a ZIP and the district chosen for it in the key of a 'zip' tally.
ZIP_SEP = "|"


def _dims(who: str) -> str:
    """The (dimension, key) rows one signer is counted under in `signer_tally`.

    'zip' is the ZIP with the district the organizer chose ("94110|CA-11"): districts are
    resolved when read, against the table loaded then. 'consent': one row per extra
    consent agreed to.
    """
    return f"""
        SELECT 'all' AS d, '' AS k UNION ALL SELECT 'event_name', {who}.event_name
        UNION ALL SELECT 'device', {who}.device UNION ALL SELECT 'day', {who}.day
        UNION ALL SELECT 'country', {who}.country UNION ALL SELECT 'state', {who}.state
        UNION ALL SELECT 'display', {who}.display
        UNION ALL SELECT 'zip', {who}.zip || '{ZIP_SEP}' || coalesce({who}.district, '')
                  WHERE {who}.zip IS NOT NULL
        UNION ALL SELECT 'consent', value FROM json_each({who}.consents)
                  WHERE {who}.consents IS NOT NULL"""


def _tally(who: str, sign: str) -> str:
    """One signer's part in `signer_tally` (`who`: new or old), times `sign`."""
    return f"""
        INSERT INTO signer_tally(dim, key, received, uniq, duplicates, voided)
        SELECT d, k, {sign}, {sign} * ({who}.voided_by IS NULL AND {who}.dup_of IS NULL),
               {sign} * ({who}.voided_by IS NULL AND {who}.dup_of IS NOT NULL),
               {sign} * ({who}.voided_by IS NOT NULL)
        FROM ({_dims(who)}) WHERE 1
        ON CONFLICT(dim, key) DO UPDATE SET received = received + excluded.received,
            uniq = uniq + excluded.uniq, duplicates = duplicates + excluded.duplicates,
            voided = voided + excluded.voided;"""


def _prune_tally(who: str) -> str:
    """Drop the counts that fell to nothing under one signer's keys: a key can name a
    signer (a ZIP+4 here, a name and city in `match_groups`), and a removed or erased
    signer must leave nothing of theirs behind."""
    return f"""
        DELETE FROM signer_tally WHERE received <= 0
            AND (dim, key) IN (SELECT d, k FROM ({_dims(who)}));"""


def _prune_groups(who: str) -> str:
    """As `_prune_tally`, for `match_groups`."""
    return f"""
        DELETE FROM match_groups WHERE live <= 0
            AND key IN ('n' || {who}.name_city, 't' || {who}.translit);"""


def _live(who: str) -> str:
    """A signer counted in `match_groups`: a live original not marked distinct."""
    return (
        f"({who}.voided_by IS NULL AND {who}.dup_of IS NULL "
        f"AND coalesce({who}.review, '') != 'distinct')"
    )


def _join(who: str) -> str:
    return f"""
        INSERT INTO match_groups(key, live)
        SELECT k, 1 FROM (SELECT 'n' || {who}.name_city AS k
                          UNION ALL SELECT 't' || {who}.translit)
        WHERE k IS NOT NULL AND {_live(who)}
        ON CONFLICT(key) DO UPDATE SET live = live + 1;"""


def _leave(who: str) -> str:
    return f"""
        UPDATE match_groups SET live = live - 1
        WHERE {_live(who)} AND key IN ('n' || {who}.name_city, 't' || {who}.translit);"""


_FTS_COLUMNS = "name, fields, email, phone, event_name"


def _fts(who: str, delete: bool) -> str:
    values = ", ".join(f"{who}.{c}" for c in _FTS_COLUMNS.split(", "))
    if delete:
        return f"""
        INSERT INTO signers_fts(signers_fts, rowid, {_FTS_COLUMNS})
        VALUES ('delete', {who}.rowid, {values});"""
    return f"""
        INSERT INTO signers_fts(rowid, {_FTS_COLUMNS}) VALUES ({who}.rowid, {values});"""


def _derived(where: str) -> list[str]:
    """What the signers `s` matching `where` add to the derived tables of migration 10.

    Run per chunk of inserted signers (`DERIVED_SINCE`) rather than by INSERT triggers:
    a trigger runs a sub-program per row, whose allocations SQLCipher's memory security
    makes costly (2.5 ms per signer measured, against 0.2 ms for three statements per
    chunk of 256). The tables only add up: the state a signer is counted in and later
    changes to it (UPDATE and DELETE triggers) may come in either order.
    """
    live = _live("s")
    state = "s.voided_by, s.dup_of"
    return [
        f"""INSERT INTO signer_tally(dim, key, received, uniq, duplicates, voided)
        SELECT d, k, count(*), sum(voided_by IS NULL AND dup_of IS NULL),
               sum(voided_by IS NULL AND dup_of IS NOT NULL), sum(voided_by IS NOT NULL)
        FROM (SELECT 'all' AS d, '' AS k, {state} FROM signers s WHERE {where}
              UNION ALL SELECT 'event_name', s.event_name, {state} FROM signers s
                        WHERE {where}
              UNION ALL SELECT 'device', s.device, {state} FROM signers s WHERE {where}
              UNION ALL SELECT 'day', s.day, {state} FROM signers s WHERE {where}
              UNION ALL SELECT 'country', s.country, {state} FROM signers s WHERE {where}
              UNION ALL SELECT 'state', s.state, {state} FROM signers s WHERE {where}
              UNION ALL SELECT 'display', s.display, {state} FROM signers s WHERE {where}
              UNION ALL SELECT 'zip', s.zip || '{ZIP_SEP}' || coalesce(s.district, ''),
                        {state} FROM signers s WHERE {where} AND s.zip IS NOT NULL
              UNION ALL SELECT 'consent', j.value, {state}
                        FROM signers s, json_each(s.consents) AS j
                        WHERE {where} AND s.consents IS NOT NULL)
        GROUP BY d, k
        ON CONFLICT(dim, key) DO UPDATE SET received = received + excluded.received,
            uniq = uniq + excluded.uniq, duplicates = duplicates + excluded.duplicates,
            voided = voided + excluded.voided""",
        f"""INSERT INTO match_groups(key, live)
        SELECT k, count(*) FROM (
            SELECT 'n' || s.name_city AS k FROM signers s WHERE {where} AND {live}
            UNION ALL SELECT 't' || s.translit FROM signers s WHERE {where} AND {live})
        WHERE k IS NOT NULL GROUP BY k
        ON CONFLICT(key) DO UPDATE SET live = live + excluded.live""",
        f"""INSERT INTO signers_fts(rowid, {_FTS_COLUMNS})
        SELECT s.rowid, {", ".join("s." + c for c in _FTS_COLUMNS.split(", "))}
        FROM signers s WHERE {where}""",
    ]


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
    # of signers (`DERIVED_SINCE`, see `_derived`):
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
    CREATE TRIGGER signers_tally_delete AFTER DELETE ON signers BEGIN {_tally("old", "-1")}
        {_prune_tally("old")}
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
    BEGIN {_tally("old", "-1")} {_tally("new", "1")} {_prune_tally("old")}
    END;
    CREATE TABLE match_groups (key TEXT PRIMARY KEY, live INTEGER NOT NULL) WITHOUT ROWID;
    CREATE INDEX match_groups_many ON match_groups(key) WHERE live > 1;
    CREATE TRIGGER signers_match_delete AFTER DELETE ON signers BEGIN {_leave("old")}
        {_prune_groups("old")}
    END;
    CREATE TRIGGER signers_match_update AFTER UPDATE OF voided_by, dup_of, review, name_city,
        translit ON signers
    WHEN {_live("old")} != {_live("new")} OR old.name_city IS NOT new.name_city
        OR old.translit IS NOT new.translit
    BEGIN {_leave("old")} {_join("new")} {_prune_groups("old")}
    END;
    CREATE INDEX signers_state ON signers(voided_by IS NOT NULL, dup_of IS NOT NULL);
    DROP INDEX signers_name_city;
    CREATE INDEX signers_name_city ON signers(name_city, voided_by, dup_of, review);
    DROP INDEX signers_translit;
    CREATE INDEX signers_translit ON signers(translit, voided_by, dup_of, review);
    CREATE VIRTUAL TABLE signers_fts USING fts5({_FTS_COLUMNS}, content='signers',
        content_rowid='rowid', tokenize='trigram');
    {";".join(_derived("1"))};
    CREATE TRIGGER signers_fts_delete AFTER DELETE ON signers BEGIN {_fts("old", True)}
    END;
    CREATE TRIGGER signers_fts_update AFTER UPDATE OF {_FTS_COLUMNS} ON signers
    BEGIN {_fts("old", True)} {_fts("new", False)}
    END;
    """,
]

LATEST = len(MIGRATIONS)
#: `_derived` for the signers inserted after rowid ?1 (intake, after each chunk).
DERIVED_SINCE: tuple[str, ...] = tuple(_derived("s.rowid > ?1"))


#: Tables derived from `signers` (migration 10): a rebuild copies the signers and fills
#: these again (`DERIVED_SINCE`), for the signers kept.
DERIVED = ("signer_tally", "match_groups", "signers_fts")


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
