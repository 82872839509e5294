"""Devices: enroll, revoke, approve, and the batches held until a device is trusted.

A batch is stored only from a device the organizer trusts: enrolled (by request, or by
the certificate the batch carries) or approved. Batches of unknown devices are held.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

from .. import batch, enroll
from ..campaign import Campaign
from ..enroll import Certificate
from ..errors import FormatError, TomarError
from ..fingerprint import same as same_fingerprint
from ..identity import OrganizerIdentity, device_fingerprint, now_iso
from ..vault import Vault
from .audit import audit
from .results import ImportStatus

_TRUSTED = ("enrolled", "approved")


@dataclass(frozen=True)
class Admission:
    """Whether a batch goes on to be stored; if not, what to answer instead."""

    status: ImportStatus | None = None  # None: store it
    message: str = ""
    certified: Certificate | None = None  # enrolled by its certificate, with it


class Devices:
    def __init__(self, vault: Vault, campaign: Campaign, organizer: OrganizerIdentity) -> None:
        self.vault = vault
        self.campaign = campaign
        self.organizer = organizer

    def enroll(self, request: bytes) -> tuple[bytes, str]:
        """Check a device's request and return (certificate, device fingerprint)."""
        device, label = enroll.read_request(request, self.campaign)
        cert = enroll.issue_certificate(self.organizer, self.campaign, device, label)
        self._set(device, "enrolled", label)
        return cert, device_fingerprint(device)

    def revoke(self, fingerprint: str) -> None:
        self._set(self.find(fingerprint), "revoked")

    def approve(self, fingerprint: str) -> list[tuple[str, bytes]]:
        """Trust a device that was not enrolled; its held batches (sha256, body) in order."""
        device = self.find(fingerprint)
        self._set(device, "approved")
        held = self.vault.conn.execute(
            "SELECT sha256, body FROM intake_batches WHERE status = 'held' AND device = ? "
            "ORDER BY number",
            (base64.b64encode(device).decode(),),
        ).fetchall()
        return [(str(sha), bytes(body)) for sha, body in held]

    def drop_held(self, sha: str) -> None:
        with self.vault.transaction() as conn:
            conn.execute("DELETE FROM intake_batches WHERE sha256 = ?", (sha,))

    def find(self, fingerprint: str) -> bytes:
        for (key,) in self.vault.conn.execute(
            "SELECT DISTINCT device FROM intake_batches UNION SELECT public_key FROM devices"
        ):
            raw = base64.b64decode(key)
            if same_fingerprint(fingerprint, device_fingerprint(raw)):
                return raw
        raise TomarError("No device with that fingerprint has sent a batch or been enrolled.")

    def status(self, device: bytes) -> str | None:
        row = self.vault.conn.execute(
            "SELECT status FROM devices WHERE public_key = ?", (base64.b64encode(device).decode(),)
        ).fetchone()
        return None if row is None else str(row[0])

    def _set(self, device: bytes, status: str, label: str = "") -> None:
        key = base64.b64encode(device).decode()
        with self.vault.transaction() as conn:
            conn.execute(
                "INSERT INTO devices(public_key, fingerprint, label, status, since) "
                "VALUES (?,?,?,?,?) ON CONFLICT(public_key) DO UPDATE SET status = excluded.status",
                (key, device_fingerprint(device), label, status, now_iso()),
            )
            audit(conn, f"device {status}", device_fingerprint(device))

    # --- admission ------------------------------------------------------------------

    def admit(self, bf: batch.BatchFile, data: bytes, device_b64: str) -> Admission:
        """Already here, held, or to be stored? A batch to hold is held here."""
        conn = self.vault.conn
        row = conn.execute(
            "SELECT status FROM intake_batches WHERE sha256 = ?", (bf.sha256,)
        ).fetchone()
        status = self.status(bf.device)
        if row is not None:
            if row[0] == "held" and status not in _TRUSTED:
                return Admission(ImportStatus.HELD, "Already held: waiting for your approval.")
            if row[0] != "held":
                return Admission(ImportStatus.ALREADY, "Already imported; nothing changed.")
        if self._copy_imported(bf, device_b64, held=row is not None):
            return Admission(
                ImportStatus.ALREADY, "Already imported (this file is a copy); nothing changed."
            )
        if status == "revoked":
            raise TomarError("This batch comes from a revoked device; it was not imported.")
        if status is None and bf.certificate is not None:
            certified = enroll.read_certificate(bf.certificate, self.campaign)
            if certified.device != bf.device:
                raise FormatError("This batch carries another device's certificate.")
            return Admission(certified=certified)  # recorded only if the batch is imported
        if status is None:
            self._hold(bf, data, device_b64)
            return Admission(
                ImportStatus.HELD,
                f"Held: device {bf.device_fingerprint} is not enrolled. Check it, then approve it.",
            )
        return Admission()

    def _copy_imported(self, bf: batch.BatchFile, device_b64: str, *, held: bool) -> bool:
        """Is another file with the same manifest imported? A held copy of it is settled."""
        copy = self.vault.conn.execute(
            "SELECT 1 FROM intake_batches WHERE device = ? AND number = ? AND manifest_sha256 = ? "
            "AND status = 'imported'",
            (device_b64, bf.number, bf.manifest_sha256),
        ).fetchone()
        if copy is not None and held:
            with self.vault.transaction() as c:
                c.execute(
                    "DELETE FROM intake_batches WHERE sha256 = ? AND status = 'held'",
                    (bf.sha256,),
                )
        return copy is not None

    def _hold(self, bf: batch.BatchFile, data: bytes, device_b64: str) -> None:
        with self.vault.transaction() as c:
            c.execute(
                "INSERT INTO intake_batches(sha256, manifest_sha256, device, number, prev, "
                "record_count, received_at, status, body) VALUES (?,?,?,?,?,?,?, 'held', ?)",
                (
                    bf.sha256,
                    bf.manifest_sha256,
                    device_b64,
                    bf.number,
                    bf.prev,
                    len(bf.entries),
                    now_iso(),
                    data,
                ),
            )

    @staticmethod
    def record_certified(
        conn: Any, bf: batch.BatchFile, device_b64: str, certified: Certificate
    ) -> None:
        """A device enrolled by its batch's certificate, in the batch's transaction."""
        conn.execute(
            "INSERT OR IGNORE INTO devices(public_key, fingerprint, label, status, since) "
            "VALUES (?,?,?, 'enrolled', ?)",
            (device_b64, bf.device_fingerprint, certified.label, now_iso()),
        )
