"""The organizer's signers table as a read model: filter, search, pages, one signer.

The app's table keeps only the rowids that match (`signer_ids`, one query) and reads the
rows a view shows in pages (`signer_rows`), so 200,000 signers open and filter in a
fraction of a second. Everything returned holds signer data: it is for the screen of the
unlocked organizer vault only, never for logs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import overload

from .normalize import clean_text
from .vault import Vault


class SignerFilter(StrEnum):
    ALL = "all"
    UNIQUE = "unique"
    DUPLICATES = "duplicates"
    FLAGGED = "flagged"
    VOIDED = "voided"
    REVIEWED = "reviewed"  # a person decided (keep, merge, distinct): to look again or undo


class SignerStatus(StrEnum):
    """What a row's Status column says; TO_REVIEW is exactly what the FLAGGED filter and
    the dashboard's "To review" count, so the list and the count never disagree."""

    UNIQUE = "unique"
    TO_REVIEW = "to_review"
    DUPLICATE = "duplicate"
    VOIDED = "voided"


_WHERE = {
    SignerFilter.ALL: "1",
    # The expressions of the index signers_state (migration 10): rowids come in rowid order
    # from that small index instead of a walk over every signer's row.
    SignerFilter.UNIQUE: "(s.voided_by IS NOT NULL) = 0 AND (s.dup_of IS NOT NULL) = 0",
    SignerFilter.DUPLICATES: "(s.voided_by IS NOT NULL) = 0 AND (s.dup_of IS NOT NULL) = 1",
    SignerFilter.FLAGGED: "s.rowid IN (SELECT rowid FROM review_queue)",
    SignerFilter.VOIDED: "(s.voided_by IS NOT NULL) = 1",
    SignerFilter.REVIEWED: "s.review IS NOT NULL",
}
#: Filters read from a small table or index of their own (migration 11): the review queue
#: (its own rowids), and the signers a person decided on (a partial index; without its
#: name SQLite would rather walk every row in rowid order, 450 ms at 100,000).
_FROM = {
    SignerFilter.FLAGGED: "review_queue s WHERE 1",
    SignerFilter.REVIEWED: "signers s INDEXED BY signers_reviewed WHERE s.review IS NOT NULL",
}
_SEARCHED = ("s.name", "s.fields", "s.email", "s.phone", "s.event_name")


def _fields(raw: object) -> dict[str, str]:
    """Stored field JSON as a dict; anything else (damaged) as no fields."""
    try:
        value = json.loads(str(raw))
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    # One line each, whatever a device sent (values stored before intake cleaned them too).
    return {str(k): clean_text(str(v)) for k, v in value.items() if v is not None}


@dataclass(frozen=True)
class SignerRow:
    """One line of the signers table."""

    rowid: int
    record_id: str
    time: str
    name: str
    fields: dict[str, str]
    country: str
    event_name: str
    source: str
    dup_of: str | None
    voided_by: str | None
    review: str | None
    flagged: bool = False

    @property
    def status(self) -> SignerStatus:
        if self.voided_by is not None:
            return SignerStatus.VOIDED
        if self.dup_of is not None:
            return SignerStatus.DUPLICATE
        if self.flagged:
            return SignerStatus.TO_REVIEW
        return SignerStatus.UNIQUE

    @classmethod
    def missing(cls, rowid: int) -> SignerRow:
        """A row that vanished between the id query and the page read (shown empty)."""
        return cls(rowid, "", "", "", {}, "", "", "", None, None, None)


@dataclass(frozen=True)
class SignerDetail:
    """Everything the review panel shows about one signer."""

    record_id: str
    time: str
    event_name: str
    source: str
    fields: dict[str, str]
    strokes: bytes | None
    dup_of: str | None
    voided_by: str | None
    review: str | None
    device_key: str
    name_city: str | None
    translit: str | None
    display: str


@dataclass(frozen=True)
class Candidate:
    """A live original this signer might duplicate."""

    record_id: str
    name: str
    time: str


#: Shorter search text has no trigram in the full-text index: it is looked up row by row.
FTS_MIN = 3
#: The state filters, unsearched, and their counts in `signer_tally`.
_COUNTED = {
    SignerFilter.UNIQUE: "uniq",
    SignerFilter.DUPLICATES: "duplicates",
    SignerFilter.VOIDED: "voided",
}


class FilteredIds(Sequence[int]):
    """The rowids of one state filter, in rowid order, read by SQL a slice at a time.

    A million unique signers would be a list of a million ints (about 36 MB, and most of
    a second to build) for a table that shows a few hundred rows at a time. The length is
    the kept count; a slice is one query on the small `signers_state` index, from the
    nearer end (so the last page costs what the first does). Rows committed after the
    count may shift the slices: the screen reloads after each import.
    """

    def __init__(self, vault: Vault, kind: SignerFilter, count: int) -> None:
        self._vault = vault
        self._from = _FROM.get(kind, f"signers s WHERE {_WHERE[kind]}")
        self._count = count

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[int]: ...
    def __getitem__(self, index: int | slice) -> int | Sequence[int]:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._count)
            if step != 1:
                return [self[i] for i in range(start, stop, step)]
            return self._slice(start, stop)
        i = index + self._count if index < 0 else index
        got = self._slice(i, i + 1) if 0 <= i < self._count else []
        if not got:
            raise IndexError(index)
        return got[0]

    def _slice(self, start: int, stop: int) -> list[int]:
        if stop <= start:
            return []
        back = start > self._count - stop  # nearer the end: counted from there
        sql = (
            f"SELECT s.rowid FROM {self._from} "  # noqa: S608 (fixed text)
            f"ORDER BY s.rowid {'DESC' if back else ''} LIMIT ? OFFSET ?"
        )
        offset = self._count - stop if back else start
        ids = [int(r[0]) for r in self._vault.conn.execute(sql, (stop - start, offset))]
        return ids[::-1] if back else ids

    def __iter__(self) -> Iterator[int]:
        """Every rowid, a thousand at a time (keyset: each query starts where the last
        ended)."""
        last = -(2**63)
        sql = (
            f"SELECT s.rowid FROM {self._from} "  # noqa: S608 (fixed text)
            "AND s.rowid > ? ORDER BY s.rowid LIMIT 1000"
        )
        while True:
            ids = [int(r[0]) for r in self._vault.conn.execute(sql, (last,))]
            yield from ids
            if len(ids) < 1000:
                return
            last = ids[-1]


def signer_ids(
    vault: Vault, kind: SignerFilter = SignerFilter.ALL, search: str = ""
) -> Sequence[int]:
    """Rowids of the signers matching the filter and the search text, in rowid order.

    Every signer, unsearched, is a `range` when no rowid is missing (signers are seldom
    deleted one by one), and the unique, duplicate, voided or to-review ones a `FilteredIds`, so the
    table opens at once whatever their number. Search text of three characters or more
    is looked up in the full-text index (`signers_fts`).
    """
    kind = SignerFilter(kind)
    needle = search.strip()
    conn = vault.conn
    if kind in _COUNTED and not needle:
        row = conn.execute(
            f"SELECT {_COUNTED[kind]} FROM signer_tally WHERE dim = 'all'"  # noqa: S608
        ).fetchone()
        return FilteredIds(vault, kind, 0 if row is None else int(row[0]))
    if kind in _FROM and not needle:
        count = conn.execute(f"SELECT count(*) FROM {_FROM[kind]}").fetchone()[0]  # noqa: S608
        return FilteredIds(vault, kind, int(count))
    if kind is SignerFilter.ALL and not needle:
        # Apart: together, min() and max() walk a whole index (38 ms at a million).
        low = conn.execute("SELECT min(rowid) FROM signers").fetchone()[0]
        high = conn.execute("SELECT max(rowid) FROM signers").fetchone()[0]
        row = conn.execute("SELECT received FROM signer_tally WHERE dim = 'all'").fetchone()
        if low is None:
            return []
        if row is not None and int(row[0]) == high - low + 1:
            return range(int(low), int(high) + 1)
    sql = f"SELECT s.rowid FROM signers s WHERE {_WHERE[kind]}"  # noqa: S608
    args: list[str] = []
    if len(needle) >= FTS_MIN:
        sql += " AND s.rowid IN (SELECT rowid FROM signers_fts WHERE signers_fts MATCH ?)"
        args = ['"' + needle.replace('"', '""') + '"']
    elif needle:
        like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        sql += " AND (" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in _SEARCHED) + ")"
        args = [like] * len(_SEARCHED)
    sql += " ORDER BY s.rowid"
    return [int(r[0]) for r in conn.execute(sql, args)]


def signer_rows(vault: Vault, ids: Sequence[int]) -> list[SignerRow]:
    """The rows of `ids`, in that order (a vanished row comes back empty)."""
    found: dict[int, SignerRow] = {}
    if ids:
        marks = ",".join("?" * len(ids))
        for r in vault.conn.execute(
            "SELECT s.rowid, s.record_id, s.time, s.name, s.fields, s.country, "  # noqa: S608
            "s.event_name, s.source, s.dup_of, s.voided_by, s.review, "
            f"{_WHERE[SignerFilter.FLAGGED]} "
            f"FROM signers s WHERE s.rowid IN ({marks})",
            list(ids),
        ):
            found[int(r[0])] = SignerRow(
                rowid=int(r[0]),
                record_id=str(r[1]),
                time=str(r[2] or ""),
                name=clean_text(str(r[3] or "")),
                fields=_fields(r[4]),
                country=str(r[5] or ""),
                event_name=clean_text(str(r[6] or "")),
                source=str(r[7] or ""),
                dup_of=None if r[8] is None else str(r[8]),
                voided_by=None if r[9] is None else str(r[9]),
                review=None if r[10] is None else str(r[10]),
                flagged=bool(r[11]),
            )
    return [found.get(i) or SignerRow.missing(i) for i in ids]


def signer_detail(vault: Vault, record_id: str) -> SignerDetail | None:
    r = vault.conn.execute(
        "SELECT time, event_name, source, fields, strokes, dup_of, voided_by, review, "
        "device, name_city, translit, display FROM signers WHERE record_id = ?",
        (record_id,),
    ).fetchone()
    if r is None:
        return None
    return SignerDetail(
        record_id=record_id,
        time=str(r[0] or ""),
        event_name=clean_text(str(r[1] or "")),
        source=str(r[2] or ""),
        fields=_fields(r[3]),
        strokes=None if r[4] is None else bytes(r[4]),
        dup_of=None if r[5] is None else str(r[5]),
        voided_by=None if r[6] is None else str(r[6]),
        review=None if r[7] is None else str(r[7]),
        device_key=str(r[8]),
        name_city=None if r[9] is None else str(r[9]),
        translit=None if r[10] is None else str(r[10]),
        display=str(r[11] or ""),
    )


def merge_candidates(vault: Vault, signer: SignerDetail, limit: int = 20) -> list[Candidate]:
    """The original of a duplicate, or live originals with the same name and city (or
    the same consonant skeleton), oldest first.

    The unary + keeps SQLite from walking every original (signers_dup_of) instead of the
    few candidates."""
    rows = vault.conn.execute(
        "SELECT record_id, name, time FROM signers WHERE record_id IN ("
        "SELECT ? UNION SELECT record_id FROM signers WHERE name_city = ? "
        "UNION SELECT record_id FROM signers WHERE translit = ?) "
        "AND record_id != ? AND +voided_by IS NULL AND +dup_of IS NULL "
        "ORDER BY time LIMIT ?",
        (signer.dup_of, signer.name_city, signer.translit, signer.record_id, limit),
    ).fetchall()
    return [
        Candidate(str(rid), clean_text(str(name or "")), str(time or ""))
        for rid, name, time in rows
    ]
