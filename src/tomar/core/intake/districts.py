"""The organizer's ZIP-to-district tables and choices for ZIPs that span districts.

Only the organizer's machine holds them: the Census ZIP (ZCTA) table
(`places.parse_district_table`) and, for ZIPs that span districts, a ZIP+4 range table
(`places.parse_zip4_table`); each load replaces the table of its kind. A signer's
district is worked out when it is read (`Resolver`), so a table loaded later counts for
every signer already imported.
"""

from __future__ import annotations

import re

from .. import places
from ..errors import E, TomarError
from ..vault import Vault
from .audit import audit

_RECORD_ID = re.compile(r"^[0-9a-f]{32}$")


def load(vault: Vault, data: bytes) -> int:
    """Replace the table of the file's kind (Census pairs or ZIP+4 ranges); returns how
    many ZIP codes it covers."""
    if places.is_zip4_table(data):
        return _load_ranges(vault, places.parse_zip4_table(data))
    pairs = places.parse_district_table(data)
    with vault.transaction() as conn:
        conn.execute("DELETE FROM districts")
        conn.executemany("INSERT INTO districts(zip, district) VALUES (?, ?)", pairs)
        zips = len({z for z, _ in pairs})
        audit(conn, "districts", f"table loaded: {zips} ZIP codes, {len(pairs)} pairs")
    return zips


def _load_ranges(vault: Vault, rows: list[tuple[str, int, int, str]]) -> int:
    with vault.transaction() as conn:
        conn.execute("DELETE FROM district_ranges")
        conn.executemany(
            "INSERT INTO district_ranges(zip5, low, high, district) VALUES (?, ?, ?, ?)", rows
        )
        zips = len({r[0] for r in rows})
        audit(conn, "districts", f"ZIP+4 table loaded: {zips} ZIP codes, {len(rows)} ranges")
    return zips


def ranges(vault: Vault) -> dict[str, places.Ranges]:
    """ZIP+4 ranges of the ZIP codes signers gave with ZIP+4 (a national table is large:
    only what can be used is read)."""
    conn = vault.conn
    if conn.execute("SELECT 1 FROM district_ranges LIMIT 1").fetchone() is None:
        return {}
    out: dict[str, places.Ranges] = {}
    for zip5, low, high, district in conn.execute(
        "SELECT zip5, low, high, district FROM district_ranges WHERE zip5 IN "
        "(SELECT DISTINCT substr(zip, 1, 5) FROM signers WHERE length(zip) = 10) "
        "ORDER BY zip5, low, high"
    ):
        out.setdefault(str(zip5), []).append((int(low), int(high), str(district)))
    return out


class Resolver:
    """A signer's district from the tables as loaded now (`places.resolve_district`),
    remembered per ZIP and choice: a million signers live in far fewer ZIP codes."""

    MAX_REMEMBERED = 100_000

    def __init__(self, vault: Vault) -> None:
        self.zips = table(vault)
        self.ranges = ranges(vault)
        self._known: dict[tuple[str | None, str | None], str] = {}

    def __bool__(self) -> bool:
        return bool(self.zips or self.ranges)

    def __call__(self, zip_code: str | None, choice: str | None) -> str:
        key = (zip_code, choice)
        found = self._known.get(key)
        if found is None:
            found = places.resolve_district(zip_code, choice, self.zips, self.ranges)
            if len(self._known) < self.MAX_REMEMBERED:
                self._known[key] = found
        return found


def table(vault: Vault) -> dict[str, list[str]]:
    """ZIP (five or nine digits) to its districts."""
    out: dict[str, list[str]] = {}
    for zip_code, district in vault.conn.execute(
        "SELECT zip, district FROM districts ORDER BY zip, district"
    ):
        out.setdefault(str(zip_code), []).append(str(district))
    return out


def choose(vault: Vault, record_id: str, district: str) -> None:
    """The organizer's district for a signer whose ZIP spans districts ("" forgets it)."""
    if not _RECORD_ID.match(record_id):
        raise TomarError(E.INTAKE_RECORD_ID_32_HEXADECIMAL)
    if district and not places.is_district(district):
        raise TomarError(E.INTAKE_DISTRICT_WRITTEN_LIKE_CA)
    with vault.transaction() as conn:
        row = conn.execute("SELECT zip FROM signers WHERE record_id = ?", (record_id,)).fetchone()
        if row is None:
            raise TomarError(E.INTAKE_NO_SIGNER_WITH_ID)
        found = table(vault).get(places.zip5(row[0]) or "", [])
        if district and found and district not in found:
            raise TomarError(E.INTAKE_ZIP_NOT_IN_DISTRICT)
        conn.execute(
            "UPDATE signers SET district = ? WHERE record_id = ?", (district or None, record_id)
        )
        audit(conn, "district", f"{record_id} {district or 'cleared'}")
