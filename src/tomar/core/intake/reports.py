"""What the organizer reads: counts, breakdowns, gaps in the chains, the unique signers."""

from __future__ import annotations

import base64
import functools
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Literal, TypedDict

from .. import countries
from ..derived import ZIP_SEP
from ..identity import device_fingerprint
from ..vault import Vault
from .districts import Resolver

UNIQUE_COUNT_SQL = (
    "SELECT count(*) FROM signers INDEXED BY signers_unique_order "
    "WHERE voided_by IS NULL AND dup_of IS NULL"
)
UNIQUE_SIGNERS_SQL = (
    "SELECT record_id, time, event_name, source, paper_serial, paper_row, lang, display, "
    "fields, strokes, device, state, zip, district, consents "
    "FROM signers INDEXED BY signers_unique_order "
    "WHERE voided_by IS NULL AND dup_of IS NULL ORDER BY time, record_id"
)
_UNIQUE = "voided_by IS NULL AND dup_of IS NULL"
#: Where each unique signer lives, in delivery order: the light pass that splits them by
#: office (no names, fields or drawings are turned into Python objects).
UNIQUE_PLACES_SQL = (
    "SELECT rowid, state, zip, district FROM signers INDEXED BY signers_unique_order "
    "WHERE voided_by IS NULL AND dup_of IS NULL ORDER BY time, record_id"
)
_SIGNERS_AT_SQL = (
    "SELECT record_id, time, event_name, source, paper_serial, paper_row, lang, display, "
    "fields, strokes, device, state, zip, district, consents, rowid "
    "FROM signers WHERE rowid IN (SELECT value FROM json_each(?))"
)
#: Rows read per statement by `signers_at`.
AT_CHUNK = 256

CountKey = Literal[
    "received", "unique", "duplicates", "flagged", "voided", "held", "held_batches", "batches"
]
BreakdownKey = Literal[
    "by_event", "by_device", "by_day", "by_country", "by_state", "by_district", "by_consent"
]
#: The counts of `Stats` in the order people read them, and its breakdowns.
COUNT_KEYS: tuple[CountKey, ...] = (
    "received", "unique", "duplicates", "flagged", "voided", "held", "held_batches", "batches",
)  # fmt: skip
BREAKDOWN_KEYS: tuple[BreakdownKey, ...] = (
    "by_event", "by_device", "by_day", "by_country", "by_state", "by_district", "by_consent",
)  # fmt: skip


#: Batch numbers missing from a device's chain: (first, last), both included.
Gap = tuple[int, int]


class Breakdown(TypedDict):
    """Signers received and unique under one key (an event, device, day or country)."""

    key: str
    received: int
    unique: int


class Stats(TypedDict):
    """The campaign's counts, as the dashboard, the report and `intake --stats` show them."""

    received: int
    unique: int
    duplicates: int
    flagged: int
    voided: int
    held: int
    held_batches: int
    batches: int
    by_event: list[Breakdown]
    by_device: list[Breakdown]
    by_day: list[Breakdown]
    by_country: list[Breakdown]
    by_state: list[Breakdown]
    #: districts as "CA-12"; "split" for ZIPs spanning districts not yet decided
    by_district: list[Breakdown]
    by_consent: list[Breakdown]
    removed: int
    gaps: dict[str, list[Gap]]


class Signer(TypedDict):
    """A unique signer as the delivery sheets, the CSV and the app read it."""

    record_id: str
    time: str
    event: str
    source: str
    paper_serial: str | None
    paper_row: int | None
    lang: str
    display: str
    fields: dict[str, str]
    strokes: bytes | None
    device: str
    state: str
    zip: str | None
    #: as `places.resolve_district`: a district, "split", or "" (no ZIP or no table)
    district: str
    consents: list[str]


#: Each imported batch with the number before it in its device's chain (0 before the
#: first): one row per batch received, whatever the numbers are.
_GAPS_SQL = """
    SELECT device, prev + 1, number - 1 FROM (
        SELECT device, number,
               lag(number, 1, 0) OVER (PARTITION BY device ORDER BY number) AS prev
        FROM intake_batches WHERE status = 'imported' {where}
    ) WHERE number - prev > 1 ORDER BY device, number
"""


def gaps(vault: Vault, device: str | None = None) -> dict[str, list[Gap]]:
    """Batch numbers missing before each device's latest, as ranges, by fingerprint.

    Time and memory follow the number of batches received, never their numbers: a device
    that sends batch 2**31-1 costs one range, not two billion numbers.
    """
    where, params = ("AND device = ?", (device,)) if device is not None else ("", ())
    out: dict[str, list[Gap]] = {}
    for key, first, last in vault.conn.execute(_GAPS_SQL.format(where=where), params):
        out.setdefault(device_fingerprint(base64.b64decode(key)), []).append(
            (int(first), int(last))
        )
    return out


def format_gaps(ranges: Sequence[Gap], digits: Callable[[int], str] = str) -> str:
    """Ranges as people read them: "2, 4-9"."""
    return ", ".join(digits(a) if a == b else f"{digits(a)}-{digits(b)}" for a, b in ranges)


def stats(vault: Vault) -> Stats:
    """Counts kept by the triggers of `signers` (migration 10): nothing is recounted, so
    the dashboard costs the same at a million signers as at a hundred."""
    conn = vault.conn

    def one(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0] or 0)

    total = conn.execute(
        "SELECT received, uniq, duplicates, voided FROM signer_tally WHERE dim = 'all'"
    ).fetchone() or (0, 0, 0, 0)
    by_device = [
        Breakdown(
            key=device_fingerprint(base64.b64decode(row["key"])),
            received=row["received"],
            unique=row["unique"],
        )
        for row in _breakdown(vault, "device")
    ]
    # Keys stored before typed countries became codes are merged into their code.
    by_country: dict[str, Breakdown] = {}
    for row in _breakdown(vault, "country"):
        key = countries.canonical(row["key"])
        into = by_country.setdefault(key, Breakdown(key=key, received=0, unique=0))
        into["received"] += row["received"]
        into["unique"] += row["unique"]
    return Stats(
        received=int(total[0]),
        unique=int(total[1]),
        duplicates=int(total[2]),
        flagged=flagged_count(vault),
        voided=int(total[3]),
        held=one("SELECT sum(record_count) FROM intake_batches WHERE status = 'held'"),
        held_batches=one("SELECT count(*) FROM intake_batches WHERE status = 'held'"),
        batches=one("SELECT count(*) FROM intake_batches WHERE status = 'imported'"),
        by_event=_breakdown(vault, "event_name"),
        by_device=by_device,
        by_day=_breakdown(vault, "day"),
        by_country=sorted(by_country.values(), key=lambda r: str(r["key"])),
        by_state=[b for b in _breakdown(vault, "state") if b["key"]],
        by_district=by_district(vault),
        by_consent=by_consent(vault),
        removed=one("SELECT count(*) FROM removals"),
        gaps=gaps(vault),
    )


def _breakdown(vault: Vault, dim: str) -> list[Breakdown]:
    rows = vault.conn.execute(
        "SELECT key, received, uniq FROM signer_tally WHERE dim = ? AND received > 0 ORDER BY key",
        (dim,),
    )
    return [Breakdown(key=k or "", received=n, unique=u or 0) for k, n, u in rows]


def by_district(vault: Vault) -> list[Breakdown]:
    """Signers by district, resolved now, so a table loaded later counts for everyone.

    Read from the counts kept by ZIP and chosen district (`signer_tally`, dim 'zip'):
    one row per ZIP signers gave, never one per signer."""
    resolve = Resolver(vault)
    if not resolve:
        return []
    out: dict[str, Breakdown] = {}
    for row in _breakdown(vault, "zip"):
        zip_code, _, choice = row["key"].partition(ZIP_SEP)
        key = resolve(zip_code, choice or None)
        if key:
            into = out.setdefault(key, Breakdown(key=key, received=0, unique=0))
            into["received"] += row["received"]
            into["unique"] += row["unique"]
    return sorted(out.values(), key=lambda b: str(b["key"]))


def by_consent(vault: Vault) -> list[Breakdown]:
    """Signers who agreed to each extra consent's purpose (kept counts, dim 'consent')."""
    return _breakdown(vault, "consent")


def flagged_count(vault: Vault) -> int:
    """Originals whose name and city match another original's: a person should look.

    The review queue is kept by the vault (`derived.requeue`, migration 11)."""
    return int(vault.conn.execute("SELECT count(*) FROM review_queue").fetchone()[0])


def unique_count(vault: Vault) -> int:
    """Counted from the index alone: reading the rows would fill the page cache."""
    return int(vault.conn.execute(UNIQUE_COUNT_SQL).fetchone()[0])


def hiding_count(vault: Vault, consent: str | None = None) -> int:
    """Unique signers who asked to be shown by initials or not at all (of those who
    agreed to `consent`, if given): counted before the CSV is streamed. All of them from
    the kept counts by display choice; of one consent's, by reading every signer."""
    if consent is None:
        row = vault.conn.execute(
            "SELECT sum(uniq) FROM signer_tally WHERE dim = 'display' AND key != 'full'"
        ).fetchone()
        return int(row[0] or 0)
    sql = (
        f"SELECT count(*) FROM signers WHERE {_UNIQUE} "  # noqa: S608 (fixed text)
        "AND display != 'full' AND EXISTS (SELECT 1 FROM json_each(consents) WHERE value = ?)"
    )
    return int(vault.conn.execute(sql, (consent,)).fetchone()[0])


def unique_signers(vault: Vault, *, drawings: bool = True) -> Iterable[Signer]:
    """Unique signers in order, streamed: memory does not grow with their number.

    SQLite would rather use `signers_dup_of` and then sort every row in memory, so the
    partial index that already holds them in this order is named. Without `drawings`
    the strokes (most of a row's bytes) are not read.
    """
    resolve = Resolver(vault)
    sql = UNIQUE_SIGNERS_SQL if drawings else UNIQUE_SIGNERS_SQL.replace(" strokes,", " NULL,")
    with vault.streaming():
        for row in vault.conn.execute(sql):
            yield _signer(row, resolve)


def unique_places(vault: Vault, resolve: Resolver | None = None) -> Iterator[tuple[int, str, str]]:
    """(rowid, state, district) of every unique signer, in delivery order, streamed.

    Delivery packets are split by office from this one pass, then each packet reads
    only its own rows (`signers_at`), so a split costs about what one delivery costs.
    """
    resolve = Resolver(vault) if resolve is None else resolve
    with vault.streaming():
        for rowid, state, zip_code, choice in vault.conn.execute(UNIQUE_PLACES_SQL):
            yield int(rowid), state or "", resolve(zip_code, choice) if resolve else ""


def signers_at(
    vault: Vault, rowids: Sequence[int], resolve: Resolver | None = None
) -> Iterator[Signer]:
    """The signers of `rowids` in that order, AT_CHUNK rows per statement (a signer
    removed meanwhile is skipped)."""
    resolve = Resolver(vault) if resolve is None else resolve
    with vault.streaming():
        for i in range(0, len(rowids), AT_CHUNK):
            part = [int(r) for r in rowids[i : i + AT_CHUNK]]
            rows = vault.conn.execute(_SIGNERS_AT_SQL, (json.dumps(part),))
            found = {int(row[-1]): row for row in rows}
            for rowid in part:
                row = found.get(rowid)
                if row is not None:
                    yield _signer(row, resolve)


@functools.lru_cache(maxsize=1024)
def _device(public_key: str) -> str:
    """A device's fingerprint (a hash), once per device rather than once per signer."""
    return device_fingerprint(base64.b64decode(public_key))


def _signer(row: Sequence[Any], resolve: Resolver) -> Signer:
    return Signer(
        record_id=row[0],
        time=row[1],
        event=row[2],
        source=row[3],
        paper_serial=row[4],
        paper_row=row[5],
        lang=row[6],
        display=row[7],
        fields=json.loads(row[8]),
        strokes=row[9],
        device=_device(row[10]),
        state=row[11] or "",
        zip=row[12],
        district=resolve(row[12], row[13]) if resolve else "",
        consents=json.loads(row[14]) if row[14] else [],
    )
