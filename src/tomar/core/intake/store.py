"""Storing a batch's records: claiming ids, inserting signers and voids, the chain.

The replay checks live in the schema (see `claim`); a batch is stored in one
transaction, so one refused record rolls back the whole batch.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import sqlcipher3

from .. import batch
from ..db import Connection
from ..errors import E, FormatError, TomarError
from ..identity import device_fingerprint, now_iso
from ..migrations import DERIVED_SINCE
from .audit import audit
from .dedupe import dedupe, group_of, regroup
from .opening import EMAIL, PHONE, SIGNER_COLUMNS, Contact, Opened, SignerRow, Void
from .results import Progress, RecordProblem, replayed

#: Signers written (and matched) per statement.
CHUNK = 256
SEQ_SQL = "INSERT INTO device_seqs(device, seq, record_id, batch) VALUES (?,?,?,?)"
SIGNER_SQL = (
    f"INSERT INTO signers({', '.join(SIGNER_COLUMNS)}) "  # noqa: S608 (fixed columns)
    f"VALUES ({', '.join('?' * len(SIGNER_COLUMNS))})"
)
_VOID_SQL = "INSERT INTO voids(record_id, device, target, time, batch) VALUES (?,?,?,?,?)"
#: Who holds each of a list of ids (a JSON array), signer or void.
_HOLDERS_SQL = (
    "SELECT record_id, device FROM signers WHERE record_id IN (SELECT value FROM json_each(?1)) "
    "UNION ALL "
    "SELECT record_id, device FROM voids WHERE record_id IN (SELECT value FROM json_each(?1))"
)


def device_bound(record_id: str, device_b64: str) -> str:
    """The id a record is stored under when another device sent its id first.

    A record's identity is its device and its id: ids are readable in any manifest, so a
    hostile device can copy another's. The suffix (64 bits of the SHA-256 of the device
    key) puts this device's record where no manifest id can be (those are 32 hex digits
    alone), so a copied id never displaces the genuine record.
    """
    digest = hashlib.sha256(base64.b64decode(device_b64)).hexdigest()[:16]
    return f"{record_id}-{digest}"


def check_chain(conn: Connection, bf: batch.BatchFile, device_b64: str) -> None:
    """A batch must fit between the batches of its device already imported."""

    def imported(number: int) -> tuple[str, str | None] | None:
        row = conn.execute(
            "SELECT manifest_sha256, prev FROM intake_batches "
            "WHERE device = ? AND number = ? AND status = 'imported'",
            (device_b64, number),
        ).fetchone()
        return None if row is None else (str(row[0]), row[1])

    same = imported(bf.number)
    if same is not None:
        raise FormatError(E.INTAKE_ANOTHER_BATCH_DEVICE_ALREADY, number=bf.number)
    before, after = imported(bf.number - 1), imported(bf.number + 1)
    if before is not None and bf.prev != before[0]:
        raise FormatError(E.INTAKE_BATCH_DOES_NOT_FOLLOW, batch=bf.number - 1)
    if after is not None and after[1] != bf.manifest_sha256:
        raise FormatError(E.INTAKE_NEXT_BATCH_DOES_NOT_FOLLOW, batch=bf.number + 1)


class Store:
    """Writes one batch's opened records, in order, into an open transaction."""

    def __init__(self) -> None:
        self._void_targets: set[str] = set()
        #: This batch's ids that another device had sent first, by that device's fingerprint.
        self.collided: Counter[str] = Counter()

    def batch(
        self,
        conn: Connection,
        bf: batch.BatchFile,
        device_b64: str,
        opened: Iterable[Opened],
        total: int,
        progress: Progress | None,
        cancel: threading.Event | None,
    ) -> None:
        """Store every record of a batch; the first problem raises (and rolls back).

        The transaction stays open while the pool opens records: one bad record rolls
        back everything, so a batch is still imported whole or not at all.
        """
        conn.execute(
            "INSERT INTO intake_batches(sha256, manifest_sha256, device, number, prev, "
            "record_count, received_at, status) VALUES (?,?,?,?,?,?,?, 'imported') "
            "ON CONFLICT(sha256) DO UPDATE SET status = 'imported', body = NULL, held_for = NULL, "
            "received_at = excluded.received_at",
            (bf.sha256, bf.manifest_sha256, device_b64, bf.number, bf.prev, total, now_iso()),
        )
        self.collided = Counter()
        self._void_targets = {
            str(t[0])
            for t in conn.execute("SELECT target FROM voids WHERE device = ?", (device_b64,))
        }
        pending: list[SignerRow] = []  # signers not yet written, nor compared
        for i, (rid, prepared, problem) in enumerate(opened, 1):
            if prepared is None:
                assert problem is not None  # opening gives a problem with every None
                raise RecordProblem(rid, problem)
            if cancel is not None and cancel.is_set():
                raise TomarError(E.INTAKE_IMPORT_CANCELLED_NOTHING_CHANGED)
            if isinstance(prepared, Void):
                self.signers(conn, pending, bf.sha256)  # a void sees what came first
                pending = []
                self.void(conn, prepared, bf.sha256)
            else:
                pending.append(prepared)
                if len(pending) >= CHUNK:
                    self.signers(conn, pending, bf.sha256)
                    pending = []
            if progress is not None and (i % 500 == 0 or i == total):
                progress(i, total)
        self.signers(conn, pending, bf.sha256)
        audit(conn, "import", f"{bf.device_fingerprint} batch {bf.number} ({total})")

    def void(self, conn: Connection, v: Void, batch_sha: str) -> None:
        (stored,) = claim(conn, [(v.id, v.device, v.seq)], batch_sha, self.collided)
        row = (stored, v.device, v.target, v.time, batch_sha)
        _insert_many(conn, "voids", _VOID_SQL, [row], batch_sha)
        self._void_targets.add(v.target)
        # The target is this device's record, under its id or (if another device sent
        # that id first) under its device-bound one.
        target = conn.execute(
            "SELECT record_id, voided_by FROM signers WHERE record_id IN (?, ?) AND device = ?",
            (v.target, device_bound(v.target, v.device), v.device),
        ).fetchone()
        if target is not None and target[1] is None:
            conn.execute(
                "UPDATE signers SET voided_by = ? WHERE record_id = ?", (stored, target[0])
            )
            regroup(conn, group_of(conn, target[0]))

    def signers(self, conn: Connection, prepared: Sequence[SignerRow], batch_sha: str) -> None:
        """Store signature records in order, a chunk per statement, then match them."""
        if not prepared:
            return
        stored = claim(conn, [p[:3] for p in prepared], batch_sha, self.collided)
        rows = []
        contacts: list[Contact] = []
        for rid, p in zip(stored, prepared, strict=True):
            void = None
            if p[0] in self._void_targets:  # a void that arrived before its target
                void = conn.execute(
                    "SELECT record_id FROM voids WHERE target = ? AND device = ?", p[:2]
                ).fetchone()
            rows.append((rid, *p[1:], batch_sha, None if void is None else void[0]))
            if void is None and (p[EMAIL] or p[PHONE]):
                contacts.append((rid, p[EMAIL], p[PHONE]))
        after = conn.execute("SELECT coalesce(max(rowid), 0) FROM signers").fetchone()[0]
        _insert_many(conn, "signers", SIGNER_SQL, rows, batch_sha)
        add_derived(conn, int(after))
        dedupe(conn, contacts)


def add_derived(conn: Any, after: int) -> None:
    """Count the signers inserted after rowid `after` in the kept statistics, the review
    groups and the search index (migration 10), in the same transaction."""
    for sql in DERIVED_SINCE:
        conn.execute(sql, (after,))


def claim(
    conn: Connection, keys: Sequence[tuple[str, str, int]], batch_sha: str, collided: Counter[str]
) -> list[str]:
    """The replay check, and the id each record is stored under (in order).

    Each (device, seq) is received once (the constraint on device_seqs), and each record
    id once per device: an id another device sent first is stored under its device-bound
    form (`device_bound`) and counted in `collided`; an id this device sent before is a
    replay, and rejects the whole batch (the transaction rolls back). device_seqs keeps
    the id as the device wrote it, for its receipts. Many rows per statement.
    """
    ids = [rid for rid, _, _ in keys]
    stored = ids
    holders = dict(conn.execute(_HOLDERS_SQL, (json.dumps(ids),)).fetchall())
    if holders:
        stored = list(ids)
        for i, (rid, device, _) in enumerate(keys):
            holder = holders.get(rid)
            if holder == device:
                raise replayed(rid, device_fingerprint(base64.b64decode(device)))
            if holder is not None:
                stored[i] = device_bound(rid, device)
                collided[device_fingerprint(base64.b64decode(holder))] += 1
        bound = [s for s, rid in zip(stored, ids, strict=True) if s != rid]
        again = dict(conn.execute(_HOLDERS_SQL, (json.dumps(bound),)).fetchall())
        for (rid, device, _), s in zip(keys, stored, strict=True):
            if s in again:  # only this device's records have this form
                raise replayed(rid, device_fingerprint(base64.b64decode(device)))
    rows = [(device, seq, rid, batch_sha) for rid, device, seq in keys]
    try:
        conn.executemany(SEQ_SQL, rows)
    except sqlcipher3.IntegrityError:
        for device, seq, rid, _ in rows:
            if conn.execute(
                "SELECT 1 FROM device_seqs WHERE device = ? AND seq = ? AND batch != ?",
                (device, seq, batch_sha),
            ).fetchone():
                raise replayed(rid, device_fingerprint(base64.b64decode(device))) from None
        raise
    return stored


def _insert_many(conn: Connection, table: str, sql: str, rows: list[Any], batch_sha: str) -> None:
    """Insert rows whose first column is the record id; name a replayed one."""
    try:
        conn.executemany(sql, rows)
    except sqlcipher3.IntegrityError:
        for row in rows:
            if conn.execute(
                f"SELECT 1 FROM {table} WHERE record_id = ? AND batch != ?",  # noqa: S608
                (row[0], batch_sha),
            ).fetchone():
                raise replayed(row[0]) from None
        raise
