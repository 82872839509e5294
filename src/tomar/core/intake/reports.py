"""What the organizer reads: counts, breakdowns, gaps in the chains, the unique signers."""

from __future__ import annotations

import base64
import functools
import json
from collections.abc import Iterable, Sequence
from typing import Any, Literal, TypedDict

from .. import countries
from ..identity import device_fingerprint
from ..vault import Vault

UNIQUE_COUNT_SQL = (
    "SELECT count(*) FROM signers INDEXED BY signers_unique_order "
    "WHERE voided_by IS NULL AND dup_of IS NULL"
)
UNIQUE_SIGNERS_SQL = (
    "SELECT record_id, time, event_name, source, paper_serial, paper_row, lang, display, "
    "fields, strokes, device FROM signers INDEXED BY signers_unique_order "
    "WHERE voided_by IS NULL AND dup_of IS NULL ORDER BY time, record_id"
)
_UNIQUE = "voided_by IS NULL AND dup_of IS NULL"

CountKey = Literal[
    "received", "unique", "duplicates", "flagged", "voided", "held", "held_batches", "batches"
]
BreakdownKey = Literal["by_event", "by_device", "by_day", "by_country"]
#: The counts of `Stats` in the order people read them, and its breakdowns.
COUNT_KEYS: tuple[CountKey, ...] = (
    "received", "unique", "duplicates", "flagged", "voided", "held", "held_batches", "batches",
)  # fmt: skip
BREAKDOWN_KEYS: tuple[BreakdownKey, ...] = ("by_event", "by_device", "by_day", "by_country")


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
    gaps: dict[str, list[int]]


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


def gaps(vault: Vault) -> dict[str, list[int]]:
    """Batch numbers missing before each device's latest, by device fingerprint."""
    out: dict[str, list[int]] = {}
    rows = vault.conn.execute(
        "SELECT device, group_concat(number) FROM intake_batches WHERE status = 'imported' "
        "GROUP BY device"
    )
    for device, numbers in rows:
        have = {int(n) for n in str(numbers).split(",")}
        missing = sorted(set(range(1, max(have) + 1)) - have)
        if missing:
            out[device_fingerprint(base64.b64decode(device))] = missing
    return out


def stats(vault: Vault) -> Stats:
    """Counts kept by the triggers of `signers` (migration 7): nothing is recounted, so
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
        gaps=gaps(vault),
    )


def _breakdown(vault: Vault, dim: str) -> list[Breakdown]:
    rows = vault.conn.execute(
        "SELECT key, received, uniq FROM signer_tally WHERE dim = ? AND received > 0 ORDER BY key",
        (dim,),
    )
    return [Breakdown(key=k or "", received=n, unique=u or 0) for k, n, u in rows]


#: Live originals not marked distinct (the signers `match_groups` counts).
LIVE = "s.voided_by IS NULL AND s.dup_of IS NULL AND coalesce(s.review, '') != 'distinct'"
#: Rowids of the signers to review: the members of the groups of two or more live originals
#: with the same name and city, or the same consonant skeleton (`match_groups`).
FLAGGED_ROWIDS_SQL = f"""
    SELECT s.rowid FROM match_groups g INDEXED BY match_groups_many
    JOIN signers s INDEXED BY signers_name_city ON s.name_city = substr(g.key, 2)
    WHERE g.live > 1 AND g.key >= 'n' AND g.key < 'o' AND {LIVE}
    UNION
    SELECT s.rowid FROM match_groups g INDEXED BY match_groups_many
    JOIN signers s INDEXED BY signers_translit ON s.translit = substr(g.key, 2)
    WHERE g.live > 1 AND g.key >= 't' AND g.key < 'u' AND {LIVE}
"""  # noqa: S608 (fixed text)


def flagged_count(vault: Vault) -> int:
    """Originals whose name and city match another original's: a person should look.

    Only the groups of two or more are read (a partial index), not every signer."""
    sql = f"SELECT count(*) FROM ({FLAGGED_ROWIDS_SQL})"  # noqa: S608 (fixed text)
    return int(vault.conn.execute(sql).fetchone()[0])


def unique_count(vault: Vault) -> int:
    """Counted from the index alone: reading the rows would fill the page cache."""
    return int(vault.conn.execute(UNIQUE_COUNT_SQL).fetchone()[0])


def unique_signers(vault: Vault, *, drawings: bool = True) -> Iterable[Signer]:
    """Unique signers in order, streamed: memory does not grow with their number.

    SQLite would rather use `signers_dup_of` and then sort every row in memory, so the
    partial index that already holds them in this order is named. Without `drawings`
    the strokes (most of a row's bytes) are not read.
    """
    sql = UNIQUE_SIGNERS_SQL if drawings else UNIQUE_SIGNERS_SQL.replace(" strokes,", " NULL,")
    with vault.streaming():
        yield from map(_signer, vault.conn.execute(sql))


@functools.lru_cache(maxsize=1024)
def _device(public_key: str) -> str:
    """A device's fingerprint (a hash), once per device rather than once per signer."""
    return device_fingerprint(base64.b64decode(public_key))


def _signer(row: Sequence[Any]) -> Signer:
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
    )
