"""The organizer's ZIP-to-district table and choices for ZIPs that span districts.

Only the organizer's machine holds the table (see `places.parse_district_table`); a
signer's district is worked out when it is read, so a table loaded later counts for
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
    """Replace the table with a Census relationship file's pairs; returns how many ZIPs."""
    pairs = places.parse_district_table(data)
    with vault.transaction() as conn:
        conn.execute("DELETE FROM districts")
        conn.executemany("INSERT INTO districts(zip, district) VALUES (?, ?)", pairs)
        zips = len({z for z, _ in pairs})
        audit(conn, "districts", f"table loaded: {zips} ZIP codes, {len(pairs)} pairs")
    return zips


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
