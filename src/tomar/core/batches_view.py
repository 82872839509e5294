"""What the organizer has received, by device and by batch: read models for the faces.

The devices table, the held devices waiting for approval, device labels for charts, and
the batch hashes sync needs to skip what is already here. No signer data: public keys,
fingerprints, labels the organizer gave, counts and times.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from enum import StrEnum

from .identity import device_fingerprint
from .vault import Vault


class DeviceState(StrEnum):
    """A device as the organizer sees it: its enrollment, or else what its batches did."""

    ENROLLED = "enrolled"
    APPROVED = "approved"
    REVOKED = "revoked"
    HELD = "held"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class DeviceRow:
    public_key: str
    fingerprint: str
    label: str
    state: DeviceState
    last_batch: int | None
    last_received: str | None
    records: int


@dataclass(frozen=True)
class HeldDevice:
    """A device that is not enrolled, with the batches held until it is approved."""

    public_key: str
    fingerprint: str
    batches: int
    records: int


@dataclass(frozen=True)
class ImportedBatch:
    sha256: str
    receipt_at: str | None


def _fingerprint(public_key: str) -> str:
    return device_fingerprint(base64.b64decode(public_key))


def device_rows(vault: Vault) -> list[DeviceRow]:
    """Every device known by enrollment or by a batch, by public key."""
    conn = vault.conn
    known = {
        str(k): (str(f), str(label or ""), str(s or ""))
        for k, f, label, s in conn.execute(
            "SELECT public_key, fingerprint, label, status FROM devices"
        )
    }
    batches = {
        str(d): (n, t, c, h)
        for d, n, t, c, h in conn.execute(
            "SELECT device, max(CASE WHEN status='imported' THEN number END), "
            "max(received_at), sum(CASE WHEN status='imported' THEN record_count ELSE 0 END), "
            "sum(status='held') FROM intake_batches GROUP BY device"
        )
    }
    states = {s.value: s for s in (DeviceState.ENROLLED, DeviceState.APPROVED, DeviceState.REVOKED)}
    rows = []
    for key in sorted(set(known) | set(batches)):
        fpr, label, status = known.get(key) or (_fingerprint(key), "", "")
        number, received, count, held = batches.get(key, (None, None, 0, 0))
        state = states.get(status) or (DeviceState.HELD if held else DeviceState.UNKNOWN)
        rows.append(
            DeviceRow(
                public_key=key,
                fingerprint=fpr,
                label=label,
                state=state,
                last_batch=None if number is None else int(number),
                last_received=None if received is None else str(received),
                records=int(count or 0),
            )
        )
    return rows


def device_labels(vault: Vault) -> dict[str, str]:
    """Fingerprint -> the label the organizer gave (or the fingerprint's first groups)."""
    rows = vault.conn.execute("SELECT fingerprint, label FROM devices")
    return {str(f): str(label or "") or str(f)[:11] for f, label in rows}


def held_devices(vault: Vault) -> list[HeldDevice]:
    rows = vault.conn.execute(
        "SELECT device, count(*), sum(record_count) FROM intake_batches "
        "WHERE status = 'held' GROUP BY device ORDER BY device"
    ).fetchall()
    return [HeldDevice(str(d), _fingerprint(str(d)), int(n), int(c or 0)) for d, n, c in rows]


def received_hashes(vault: Vault) -> set[str]:
    """SHA-256 of every batch file intake has seen (imported, held or rejected)."""
    return {str(r[0]) for r in vault.conn.execute("SELECT sha256 FROM intake_batches")}


def imported_batches(vault: Vault) -> list[ImportedBatch]:
    """Imported batches and when their receipt was last written (None: never)."""
    rows = vault.conn.execute(
        "SELECT sha256, receipt_at FROM intake_batches WHERE status = 'imported'"
    ).fetchall()
    return [ImportedBatch(str(s), None if at is None else str(at)) for s, at in rows]
