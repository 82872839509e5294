"""Ending a campaign, and removing one signer at their request.

Closing writes a signed closing record (the counts by event, day, state, district and
extra consent; the batch chain; the delivery packets' digests), then destroys every
signer's personal data: their rows are deleted, held batches (sealed signers waiting
for approval) are dropped, and the vault is rebuilt under a fresh key (`Vault.rebuild`,
as the device's purge does), so the old file and key read nothing even if copied.

Crash safety: the record is stored in vault meta first, in one transaction with the
deletion; a crash before the rebuild leaves a closed vault whose deleted pages are still
in the old file, and running `close` again finds the record and rebuilds again (the
rebuild itself switches atomically, by replacing the key file).
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from .. import keyfile, signed
from ..atomic import atomic_write
from ..campaign import Campaign
from ..db import Connection
from ..errors import E, TomarError
from ..identity import OrganizerIdentity, device_fingerprint, now_iso
from ..migrations import DERIVED
from ..vault import Vault, key_path
from .audit import audit
from .dedupe import group_of, regroup
from .reports import stats

KIND = "closing"
META_CLOSING = "campaign_closing"
META_PACKETS = "delivery_packets"
_RECORD_ID = re.compile(r"^[0-9a-f]{32}$")


class CampaignClosed(TomarError):
    """The campaign was closed: nothing more can be imported or changed."""


@dataclass(frozen=True)
class Closed:
    record: bytes  # the signed closing record (JSON with its minisign signature)
    unique: int
    again: bool  # the record was already there: only the rebuild was run again


def closing_record(vault: Vault) -> dict[str, Any] | None:
    """The closing record's document if the campaign was closed, else None."""
    data = vault.get_meta(META_CLOSING)
    if data is None:
        return None
    doc, _ = signed.read_doc(data, KIND, what=E.WORD_CLOSING_RECORD)
    return doc


def require_open(vault: Vault) -> None:
    if vault.get_meta(META_CLOSING) is not None:
        raise CampaignClosed(E.INTAKE_CAMPAIGN_CLOSED_SIGNERS_PERSONAL)


def deletion_due(vault: Vault, campaign: Campaign) -> date | None:
    """When signers' personal data is to be destroyed: the spec's `delete_by`, else
    `delete_after_days` after the first delivery packets were written (None until then,
    or if the campaign promised no date, or once it is closed)."""
    if vault.get_meta(META_CLOSING) is not None:
        return None
    if campaign.delete_by is not None:
        return date.fromisoformat(campaign.delete_by)
    days = campaign.delete_after_days
    packets = vault.get_meta(META_PACKETS)
    if days is None or not packets:
        return None
    first = str(json.loads(packets)[0]["time"])[:10]
    return date.fromisoformat(first) + timedelta(days=days)


def _document(vault: Vault, campaign: Campaign) -> dict[str, Any]:
    s = stats(vault)
    batches = [
        {
            "device": device_fingerprint(base64.b64decode(device)),
            "number": int(number),
            "sha256": sha,
            "manifest_sha256": manifest,
            "prev": prev,
            "records": int(count),
        }
        for device, number, sha, manifest, prev, count in vault.conn.execute(
            "SELECT device, number, sha256, manifest_sha256, prev, record_count "
            "FROM intake_batches WHERE status = 'imported' ORDER BY device, number"
        )
    ]
    packets = vault.get_meta(META_PACKETS)
    return {
        "format": f"tomar-{KIND}",
        "version": 1,
        "campaign": campaign.id,
        "organizer": campaign.organizer_fpr.hex(),
        "closed_at": now_iso(),
        "counts": {
            key: s[key]
            for key in ("received", "unique", "duplicates", "voided", "removed", "batches")
        },
        "by_event": s["by_event"],
        "by_day": s["by_day"],
        "by_state": s["by_state"],
        "by_district": s["by_district"],
        "by_consent": s["by_consent"],
        "batches": batches,
        "delivery_packets": json.loads(packets) if packets else [],
    }


def close(
    vault: Vault,
    organizer: OrganizerIdentity,
    campaign: Campaign,
    passphrase: str,
    out: Path | None = None,
) -> Closed:
    """Sign the closing record, destroy signers' personal data, rebuild under a new key."""
    prove(vault, passphrase)
    record = vault.get_meta(META_CLOSING)
    again = record is not None
    if record is None:
        doc = _document(vault, campaign)
        record = signed.seal_doc(organizer.signing, KIND, doc)
        with vault.transaction() as conn:
            vault.set_meta(conn, META_CLOSING, record)
            _erase(conn)
            audit(conn, "close", f"campaign closed; {doc['counts']['unique']} unique signers")
    vault.rebuild(passphrase, {})
    if out is not None:
        atomic_write(out, record, mode=0o644, what=E.WORD_THE_CLOSING_RECORD)
    unique = int(json.loads(record)[KIND]["counts"]["unique"])
    return Closed(record, unique, again)


def prove(vault: Vault, passphrase: str) -> None:
    """The passphrase is checked before anything is deleted: the rebuild needs it, and a
    wrong one found only then would leave the deletion done but the old file unswept."""
    keyfile.unwrap(key_path(vault.home), passphrase)


def record_bytes(vault: Vault) -> bytes | None:
    """The signed closing record as stored (JSON with its minisign signature), if closed."""
    return vault.get_meta(META_CLOSING)


def _erase(conn: Connection) -> None:
    """Every row that holds or can give back a signer's personal data."""
    _delete_signers(conn)
    # Held batches are sealed signers the organizer key can open: dropped too.
    conn.execute("DELETE FROM intake_batches WHERE status = 'held'")
    conn.execute("UPDATE intake_batches SET body = NULL")


def _delete_signers(conn: Any) -> None:
    """Every signer, and what is derived from them (migration 10), in a few statements.

    The triggers that keep the derived tables would run per row (measured: see
    docs/ARCHITECTURE.md); they are dropped and made again in the same transaction.
    """
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'signers'"
    ).fetchall()
    for name, _ in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute("DELETE FROM signers")
    for table in DERIVED:
        if table == "signers_fts":
            conn.execute("INSERT INTO signers_fts(signers_fts) VALUES ('delete-all')")
        else:
            conn.execute(f"DELETE FROM {table}")  # noqa: S608 (a fixed name)
    for _, sql in triggers:
        conn.execute(sql)


def remove_signer(vault: Vault, passphrase: str, record_id: str) -> None:
    """Remove one signer at their request: from the vault (rebuilt under a new key) and
    so from every output made after; counted as "removed on request"; the audit line
    names nobody. The record id stays claimed, so a replayed batch cannot bring it back.
    """
    require_open(vault)
    if not _RECORD_ID.match(record_id):
        raise TomarError(E.INTAKE_RECORD_ID_32_HEXADECIMAL)
    prove(vault, passphrase)
    with vault.transaction() as conn:
        if (
            conn.execute("SELECT 1 FROM signers WHERE record_id = ?", (record_id,)).fetchone()
            is None
        ):
            raise TomarError(E.INTAKE_NO_SIGNER_WITH_ID)
        others = group_of(conn, record_id) - {record_id}
        # Signers merged by hand with this one forget the merge (it pointed at them).
        conn.execute("UPDATE signers SET merged_with = NULL WHERE merged_with = ?", (record_id,))
        conn.execute("DELETE FROM signers WHERE record_id = ?", (record_id,))
        if others:
            regroup(conn, others)
        conn.execute("INSERT INTO removals(time) VALUES (?)", (now_iso(),))
        audit(conn, "remove", "one signer removed on request")
    vault.rebuild(passphrase, {})
