"""Devices: enroll, revoke, approve, and the batches held until a device is trusted.

A batch is stored only from a device the organizer trusts: enrolled (by request, or by
the certificate the batch carries) or approved. Batches of unknown devices are held,
within a quota (`HELD_MAX_COUNT`, `HELD_MAX_BYTES`), so that strangers cannot fill the
vault. A trusted device's batch whose number jumps more than `MAX_JUMP` past that
device's last imported batch is held for review too (outside the quota): committed, it
would open a gap nobody can fill and take a number the device may yet need.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import batch, enroll
from ..campaign import Campaign
from ..db import Connection
from ..enroll import Certificate
from ..errors import E, FormatError, Message, TomarError
from ..fingerprint import same as same_fingerprint
from ..identity import OrganizerIdentity, device_fingerprint, now_iso
from ..normalize import clean_text
from ..vault import Vault
from .audit import audit
from .results import ImportStatus

_TRUSTED = ("enrolled", "approved")
#: A batch numbered more than this past its device's last imported one (or, for a
#: device's first batch, past 0) waits for the organizer's review. A device exports a
#: batch per sync: a thousand batches is years of rallies.
MAX_JUMP = 1000
#: Held batches of devices nobody enrolled or approved: at most this many, and this
#: many bytes in all. Past either, a stranger's newest batch is refused (audited).
HELD_MAX_COUNT = 200
HELD_MAX_BYTES = 64 * 1024 * 1024
#: intake_batches.held_for: why a batch is held (NULL: its device is not trusted).
REVIEW = "review"


@dataclass(frozen=True)
class Admission:
    """Whether a batch goes on to be stored; if not, what to answer instead."""

    status: ImportStatus | None = None  # None: store it
    message: Message | None = None
    certified: Certificate | None = None  # enrolled by its certificate, with it


class Devices:
    def __init__(self, vault: Vault, campaign: Campaign, organizer: OrganizerIdentity) -> None:
        self.vault = vault
        self.campaign = campaign
        self.organizer = organizer

    def enroll(self, request: bytes) -> tuple[bytes, str]:
        """Check a device's request and return (certificate, device fingerprint)."""
        device, label = enroll.read_request(request, self.campaign)
        label = clean_text(label, max_len=enroll.MAX_LABEL)
        cert = enroll.issue_certificate(self.organizer, self.campaign, device, label)
        self._set(device, "enrolled", label)
        return cert, device_fingerprint(device)

    def revoke(self, fingerprint: str) -> None:
        self._set(self.find(fingerprint), "revoked")

    def approve(self, fingerprint: str, batches: Sequence[Path] = ()) -> list[tuple[str, bytes]]:
        """Trust a device that was not enrolled (an enrolled one stays enrolled), and
        release its held batches (sha256, body) in order, those held for review too.

        `batches`: files about to be imported, where a device never seen before may be
        found (see `find`).
        """
        device = self.find(fingerprint, batches)
        if self.status(device) in _TRUSTED:
            with self.vault.transaction() as conn:
                audit(conn, "device batches released", device_fingerprint(device))
        else:
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

    def find(self, fingerprint: str, batches: Sequence[Path] = ()) -> bytes:
        """The device with this fingerprint: one the vault knows, or else the key that one
        of `batches` is signed by (its manifest signature checked), so that a device can be
        approved with its first batches in one run."""
        for (key,) in self.vault.conn.execute(
            "SELECT DISTINCT device FROM intake_batches UNION SELECT public_key FROM devices"
        ):
            raw = base64.b64decode(key)
            if same_fingerprint(fingerprint, device_fingerprint(raw)):
                return raw
        signed_by: list[str] = []
        for device in filter(None, map(self._signed_by, batches)):
            if same_fingerprint(fingerprint, device_fingerprint(device)):
                return device
            if device_fingerprint(device) not in signed_by:
                signed_by.append(device_fingerprint(device))
        if not signed_by:
            raise TomarError(E.INTAKE_NO_SUCH_DEVICE)
        raise TomarError(E.INTAKE_BATCHES_FROM_OTHER_DEVICES, devices="; ".join(signed_by))

    def _signed_by(self, path: Path) -> bytes | None:
        """The device key a batch file is signed by; None if it is not a valid batch (its
        own import says why)."""
        try:
            bf = batch.read(path, self.campaign)
        except Exception:
            return None
        bf.close()
        return bf.device

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

    def admit(
        self, bf: batch.BatchFile, data: bytes, device_b64: str, *, release: bool = False
    ) -> Admission:
        """Already here, held, or to be stored? A batch to hold is held here.

        `release`: the organizer approved this batch's device or reviewed the batch.
        """
        conn = self.vault.conn
        row = conn.execute(
            "SELECT status, held_for FROM intake_batches WHERE sha256 = ?", (bf.sha256,)
        ).fetchone()
        status = self.status(bf.device)
        if row is not None:
            if row[0] == "held" and row[1] == REVIEW and not release:
                return Admission(ImportStatus.HELD, self._review_message(bf))
            if row[0] == "held" and status not in _TRUSTED and not release:
                return Admission(ImportStatus.HELD, Message(E.INTAKE_ALREADY_HELD))
            if row[0] != "held":
                return Admission(ImportStatus.ALREADY, Message(E.INTAKE_ALREADY_IMPORTED))
        if self._copy_imported(bf, device_b64, held=row is not None):
            return Admission(ImportStatus.ALREADY, Message(E.INTAKE_ALREADY_IMPORTED_COPY))
        if status == "revoked":
            raise TomarError(E.INTAKE_BATCH_COMES_REVOKED_DEVICE)
        certified = None
        if status is None and bf.certificate is not None:
            certified = enroll.read_certificate(bf.certificate, self.campaign)
            if certified.device != bf.device:
                raise FormatError(E.INTAKE_BATCH_CARRIES_ANOTHER_DEVICE)
        elif status is None:
            if row is not None:  # held, and released by the organizer's approval
                return Admission()
            return self._hold_stranger(bf, data, device_b64)
        if not release and self._jumps(bf, device_b64):
            if row is None:
                self._hold(bf, data, device_b64, REVIEW)
            return Admission(ImportStatus.HELD, self._review_message(bf))
        return Admission(certified=certified)  # a certificate is recorded only on import

    def _jumps(self, bf: batch.BatchFile, device_b64: str) -> bool:
        """Does this batch's number jump far past its device's last imported batch?"""
        row = self.vault.conn.execute(
            "SELECT max(number) FROM intake_batches WHERE device = ? AND status = 'imported'",
            (device_b64,),
        ).fetchone()
        return bool(bf.number - int(row[0] or 0) > MAX_JUMP)

    @staticmethod
    def _review_message(bf: batch.BatchFile) -> Message:
        return Message(
            E.INTAKE_HELD_FOR_REVIEW, batch=bf.number, device=bf.device_fingerprint, jump=MAX_JUMP
        )

    def _hold_stranger(self, bf: batch.BatchFile, data: bytes, device_b64: str) -> Admission:
        """Hold a batch of an unknown device, within the strangers' quota."""
        count, size = self.vault.conn.execute(
            "SELECT count(*), coalesce(sum(length(body)), 0) FROM intake_batches "
            "WHERE status = 'held' AND held_for IS NULL"
        ).fetchone()
        if count + 1 > HELD_MAX_COUNT or size + len(data) > HELD_MAX_BYTES:
            with self.vault.transaction() as conn:
                audit(
                    conn,
                    "held batch refused",
                    f"{bf.device_fingerprint} batch {bf.number} ({len(data)} bytes): "
                    f"{count} held batches, {size} bytes",
                )
            return Admission(
                ImportStatus.REJECTED,
                Message(
                    E.INTAKE_HELD_QUOTA_FULL, count=HELD_MAX_COUNT, mib=HELD_MAX_BYTES // 2**20
                ),
            )
        self._hold(bf, data, device_b64)
        return Admission(
            ImportStatus.HELD,
            Message(E.INTAKE_HELD_NOT_ENROLLED, device=bf.device_fingerprint),
        )

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

    def _hold(
        self, bf: batch.BatchFile, data: bytes, device_b64: str, why: str | None = None
    ) -> None:
        with self.vault.transaction() as c:
            c.execute(
                "INSERT INTO intake_batches(sha256, manifest_sha256, device, number, prev, "
                "record_count, received_at, status, body, held_for) "
                "VALUES (?,?,?,?,?,?,?, 'held', ?, ?)",
                (
                    bf.sha256,
                    bf.manifest_sha256,
                    device_b64,
                    bf.number,
                    bf.prev,
                    len(bf.entries),
                    now_iso(),
                    data,
                    why,
                ),
            )

    @staticmethod
    def record_certified(
        conn: Connection, bf: batch.BatchFile, device_b64: str, certified: Certificate
    ) -> None:
        """A device enrolled by its batch's certificate, in the batch's transaction."""
        conn.execute(
            "INSERT OR IGNORE INTO devices(public_key, fingerprint, label, status, since) "
            "VALUES (?,?,?, 'enrolled', ?)",
            (
                device_b64,
                bf.device_fingerprint,
                clean_text(certified.label, max_len=enroll.MAX_LABEL),
                now_iso(),
            ),
        )
