"""The volunteer's device: campaign, events, and the save path for signatures.

`save()` is the heart of the app: validate, build, sign, seal, store, commit durably, and
only then return. Nothing but sealed bytes and non-identifying metadata reach the vault.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, TypedDict

from . import enroll, receipts, records
from .campaign import Campaign, read_package
from .db import Connection
from .errors import CampaignError, E, NoCampaign, NoEvent, RecordNotFound, ValidationError
from .fingerprint import same as same_fingerprint
from .identity import DeviceIdentity, now_iso
from .normalize import clean_text
from .records import SignatureForm
from .vault import Vault

META_DEVICE_KEY = "device_key"
META_DUP_KEY = "dup_key"
META_NEXT_SEQ = "next_seq"
META_CURRENT_EVENT = "current_event"
META_CERTIFICATE = "enrollment_cert"
META_PURGED = "purged_count"


def init_vault(home: Path, passphrase: str) -> Vault:
    """Create the vault and the device's own signing key."""
    vault = Vault.create(home, passphrase)
    with vault.transaction() as conn:
        vault.set_meta(conn, META_DEVICE_KEY, DeviceIdentity.generate().raw_private())
        vault.set_meta(conn, META_DUP_KEY, os.urandom(32))
        vault.set_meta(conn, META_NEXT_SEQ, b"1")
    return vault


class RecordKind(StrEnum):
    SIGNATURE = "signature"
    VOID = "void"


@dataclass(frozen=True)
class RecordLine:
    """One record as the device may show it: metadata only (it cannot read the rest)."""

    created_at: str
    event: str
    source: str
    kind: RecordKind
    voided: bool
    exported_batch: int | None


@dataclass(frozen=True)
class Saved:
    record_id: str
    seq: int
    maybe_duplicate: bool


class Counts(TypedDict):
    """Signatures on this device (home screen, kiosk, `tomar count`, `tomar status`)."""

    total: int
    today: int
    current_event: int | None  # None: no event is running
    paper: int
    voided: int
    pending_export: int
    awaiting_receipt: int
    purged: int
    by_event: dict[str, int]


class Info(TypedDict):
    """This device and its campaign, as `tomar status` shows them."""

    home: str
    device_fingerprint: str
    campaign: dict[str, Any] | None  # Campaign.summary()
    event: dict[str, str] | None


class Device:
    """Operations on an open vault. Cheap to create; holds no plaintext."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        raw = vault.get_meta(META_DEVICE_KEY)
        if raw is None:
            raise CampaignError(E.DEVICE_NO_DEVICE_KEY)
        self.identity = DeviceIdentity.from_raw(raw)
        self._campaign: Campaign | None = None
        self._dup_key = vault.get_meta(META_DUP_KEY) or b""

    # --- campaign -----------------------------------------------------------

    def campaign(self) -> Campaign | None:
        if self._campaign is None:
            row = self.vault.conn.execute("SELECT package FROM campaign LIMIT 1").fetchone()
            if row is not None:
                self._campaign = read_package(bytes(row[0]))
        return self._campaign

    def require_campaign(self) -> Campaign:
        campaign = self.campaign()
        if campaign is None:
            raise NoCampaign(E.DEVICE_NO_CAMPAIGN_YET)
        return campaign

    def import_campaign(self, package: bytes, expect_fingerprint: str | None = None) -> Campaign:
        """Verify and store a package; a different organizer for the same vault is refused."""
        new = read_package(package)
        if expect_fingerprint is not None and not same_fingerprint(
            expect_fingerprint, new.organizer_fingerprint
        ):
            raise CampaignError(E.DEVICE_UNEXPECTED_ORGANIZER)
        old = self.campaign()
        if old is not None:
            if old.organizer_fpr != new.organizer_fpr:
                raise CampaignError(E.DEVICE_CAMPAIGN_PACKAGE_SIGNED_SOMEONE)
            if old.id != new.id:
                raise CampaignError(E.DEVICE_ALREADY_HOLDS_ANOTHER_CAMPAIGN)
            if new.revision < old.revision or (
                new.revision == old.revision and new.revision > 0 and new.doc != old.doc
            ):
                raise CampaignError(
                    E.DEVICE_CAMPAIGN_PACKAGE_OLDER_REVISION,
                    revision=new.revision,
                    revision2=old.revision,
                )
        with self.vault.transaction() as conn:
            conn.execute(
                "INSERT INTO campaign(id, package, organizer_fpr, imported_at) VALUES (?,?,?,?) "
                "ON CONFLICT(id) DO UPDATE SET package = excluded.package, "
                "imported_at = excluded.imported_at",
                (new.id, package, new.organizer_fpr, now_iso()),
            )
        self._campaign = new
        return new

    # --- events -------------------------------------------------------------

    def start_event(self, name: str, place: str = "") -> str:
        campaign = self.require_campaign()
        # Cleaned as signers' fields are: the name travels in every record (and intake
        # cleans it again, whatever a device sends).
        name, place = clean_text(name, max_len=200), clean_text(place, max_len=200)
        if not name:
            raise NoEvent(E.DEVICE_GIVE_EVENT_NAME)
        event_id = uuid.uuid4().hex
        with self.vault.transaction() as conn:
            conn.execute("UPDATE events SET ended_at = ? WHERE ended_at IS NULL", (now_iso(),))
            conn.execute(
                "INSERT INTO events(id, campaign_id, name, place, started_at) VALUES (?,?,?,?,?)",
                (event_id, campaign.id, name[:200], place[:200], now_iso()),
            )
            self.vault.set_meta(conn, META_CURRENT_EVENT, event_id.encode())
        return event_id

    def end_event(self) -> None:
        with self.vault.transaction() as conn:
            conn.execute("UPDATE events SET ended_at = ? WHERE ended_at IS NULL", (now_iso(),))
            conn.execute("DELETE FROM meta WHERE key = ?", (META_CURRENT_EVENT,))

    def current_event(self) -> dict[str, str] | None:
        row = self.vault.conn.execute(
            "SELECT e.id, e.name, e.place FROM meta m "
            "JOIN events e ON e.id = CAST(m.value AS TEXT) WHERE m.key = ? AND e.ended_at IS NULL",
            (META_CURRENT_EVENT,),
        ).fetchone()
        return None if row is None else {"id": row[0], "name": row[1], "place": row[2]}

    # --- saving -------------------------------------------------------------

    def check(self, form: SignatureForm) -> dict[str, str]:
        return records.validate(self.require_campaign(), form)

    def maybe_duplicate(self, fields: dict[str, str]) -> bool:
        tags = records.duplicate_tags(self.require_campaign(), fields, self._dup_key)
        if not tags:
            return False
        marks = ",".join("?" * len(tags))
        row = self.vault.conn.execute(
            f"SELECT 1 FROM dup_tags d JOIN records r ON r.seq = d.record_seq "  # noqa: S608
            f"WHERE d.tag IN ({marks}) AND r.voided_by IS NULL LIMIT 1",
            tags,
        ).fetchone()
        return row is not None

    def save(self, form: SignatureForm) -> Saved:
        """Validate, sign, seal and durably store one signature. Returns after the commit."""
        campaign = self.require_campaign()
        fields = records.validate(campaign, form)
        event = self.current_event()
        if event is None and form.source != "paper":
            raise NoEvent(E.DEVICE_START_EVENT_SIGNATURES_COLLECTED)
        if form.paper is not None:
            self._check_paper(*form.paper)
        duplicate = self.maybe_duplicate(fields)
        tags = records.duplicate_tags(campaign, fields, self._dup_key)
        with self.vault.transaction() as conn:
            seq = self._next_seq(conn)
            record = records.build_signature_record(
                campaign, form, fields, device=self.identity, seq=seq, event=event
            )
            sealed = records.seal(record, self.identity, campaign.recipient_key)
            conn.execute(
                "INSERT INTO records(seq, record_id, campaign_id, event_id, kind, source, "
                "created_at, sealed, paper_serial, paper_row) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    seq,
                    record["id"],
                    campaign.id,
                    None if event is None else event["id"],
                    "signature",
                    form.source,
                    record["time"],
                    sealed,
                    None if form.paper is None else form.paper[0],
                    None if form.paper is None else form.paper[1],
                ),
            )
            conn.executemany(
                "INSERT INTO dup_tags(tag, record_seq) VALUES (?, ?)", [(t, seq) for t in tags]
            )
        return Saved(record["id"], seq, duplicate)

    def _check_paper(self, serial: str, row: int) -> None:
        """A typed-in row must be new and, if this device printed sheets, on one of them."""
        if self.paper_row_taken(serial, row):
            raise ValidationError({"paper": E.VALIDATION_PAPER_ROW_TAKEN})
        conn = self.vault.conn
        if conn.execute("SELECT 1 FROM paper_sheets LIMIT 1").fetchone() is None:
            return  # no sheets printed here: they came from the organizer or another device
        sheet = conn.execute("SELECT rows FROM paper_sheets WHERE serial = ?", (serial,)).fetchone()
        if sheet is None or not 1 <= row <= int(sheet[0]):
            raise ValidationError({"paper": E.VALIDATION_PAPER_UNKNOWN_SHEET})

    def paper_row_taken(self, serial: str, row: int) -> bool:
        found = self.vault.conn.execute(
            "SELECT 1 FROM paper_rows_entered WHERE serial = ? AND row = ?",
            (serial, row),
        ).fetchone()
        return found is not None

    def void(self, record_id: str, source: str = "cli") -> str:
        """Add a signed void record for one of this device's signatures (never a delete)."""
        campaign = self.require_campaign()
        row = self.vault.conn.execute(
            "SELECT voided_by FROM records WHERE record_id = ? AND kind = 'signature'",
            (record_id,),
        ).fetchone()
        if row is None:
            raise RecordNotFound(E.DEVICE_NO_SUCH_SIGNATURE)
        if row[0] is not None:
            raise RecordNotFound(E.DEVICE_SIGNATURE_ALREADY_VOIDED)
        event = self.current_event()
        with self.vault.transaction() as conn:
            seq = self._next_seq(conn)
            record = records.build_void_record(
                campaign, device=self.identity, seq=seq, target=record_id, event=event
            )
            sealed = records.seal(record, self.identity, campaign.recipient_key)
            conn.execute(
                "INSERT INTO records(seq, record_id, campaign_id, event_id, kind, source, "
                "created_at, sealed) VALUES (?,?,?,?,?,?,?,?)",
                (
                    seq,
                    record["id"],
                    campaign.id,
                    None if event is None else event["id"],
                    "void",
                    source if source in records.SOURCES else "cli",
                    record["time"],
                    sealed,
                ),
            )
            conn.execute(
                "UPDATE records SET voided_by = ? WHERE record_id = ?", (record["id"], record_id)
            )
        return str(record["id"])

    def last_signature_id(self) -> str | None:
        row = self.vault.conn.execute(
            "SELECT record_id FROM records WHERE kind = 'signature' AND voided_by IS NULL "
            "ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        return None if row is None else str(row[0])

    def _next_seq(self, conn: Connection) -> int:
        raw = conn.execute("SELECT value FROM meta WHERE key = ?", (META_NEXT_SEQ,)).fetchone()
        seq = int(bytes(raw[0])) if raw else 1
        self.vault.set_meta(conn, META_NEXT_SEQ, str(seq + 1).encode())
        return seq

    # --- counts -------------------------------------------------------------

    def counts(self) -> Counts:
        conn = self.vault.conn
        today = datetime.now(UTC).strftime("%Y-%m-%d")

        def one(sql: str, *args: object) -> int:
            return int(conn.execute(sql, args).fetchone()[0])

        valid = "kind = 'signature' AND voided_by IS NULL"
        event = self.current_event()
        by_event = {
            str(name): int(n)
            for name, n in conn.execute(
                f"SELECT e.name, count(r.seq) FROM events e LEFT JOIN records r "  # noqa: S608
                f"ON r.event_id = e.id AND r.{valid.replace(' AND ', ' AND r.')} "
                "GROUP BY e.id ORDER BY e.started_at"
            )
        }
        return {
            "total": one(f"SELECT count(*) FROM records WHERE {valid}"),  # noqa: S608
            "today": one(
                f"SELECT count(*) FROM records WHERE {valid} AND substr(created_at,1,10) = ?",  # noqa: S608
                today,
            ),
            "current_event": None
            if event is None
            else one(
                f"SELECT count(*) FROM records WHERE {valid} AND event_id = ?",  # noqa: S608
                event["id"],
            ),
            "paper": one(f"SELECT count(*) FROM records WHERE {valid} AND source = 'paper'"),  # noqa: S608
            "voided": one("SELECT count(*) FROM records WHERE voided_by IS NOT NULL"),
            "pending_export": one("SELECT count(*) FROM records WHERE exported_batch IS NULL"),
            "awaiting_receipt": one(
                "SELECT count(*) FROM records WHERE exported_batch IS NOT NULL AND receipt IS NULL"
            ),
            "purged": int(self.vault.get_meta(META_PURGED) or b"0"),
            "by_event": by_event,
        }

    # --- enrollment, receipts, purge ----------------------------------------------

    def enrollment_request(self, label: str = "") -> bytes:
        return enroll.make_request(self.identity, self.require_campaign(), label)

    def accept_certificate(self, data: bytes) -> enroll.Certificate:
        cert = enroll.read_certificate(data, self.require_campaign())
        if cert.device != self.identity.public:
            raise enroll.EnrollmentError(E.DEVICE_CERTIFICATE_ANOTHER_DEVICE)
        with self.vault.transaction() as conn:
            self.vault.set_meta(conn, META_CERTIFICATE, data)
        return cert

    def is_enrolled(self) -> bool:
        return self.vault.get_meta(META_CERTIFICATE) is not None

    def import_receipt(self, data: bytes) -> dict[str, int]:
        """Mark the records a genuine receipt accepts; the same receipt twice changes nothing."""
        receipt = receipts.read(data, self.require_campaign())
        if receipt.device != self.identity.public_b64:
            raise CampaignError(E.DEVICE_RECEIPT_ANOTHER_DEVICE)
        row = self.vault.conn.execute(
            "SELECT manifest FROM batches WHERE number = ?", (receipt.batch,)
        ).fetchone()
        if row is None or hashlib.sha256(bytes(row[0])).hexdigest() != receipt.manifest_sha256:
            raise CampaignError(E.DEVICE_RECEIPT_FOR_UNKNOWN_BATCH, batch=receipt.batch)
        with self.vault.transaction() as conn:
            accepted = 0
            for rid in receipt.accepted:
                accepted += conn.execute(
                    "UPDATE records SET receipt = 'accepted' "
                    "WHERE record_id = ? AND exported_batch = ?",
                    (rid, receipt.batch),
                ).rowcount
            for rid, reason in receipt.rejected.items():
                conn.execute(
                    "UPDATE records SET receipt = ? WHERE record_id = ? AND exported_batch = ?",
                    (f"rejected: {reason}", rid, receipt.batch),
                )
            conn.execute(
                "UPDATE batches SET receipt_at = ? WHERE number = ? AND receipt_at IS NULL",
                (now_iso(), receipt.batch),
            )
        return {"batch": receipt.batch, "accepted": accepted, "rejected": len(receipt.rejected)}

    def purge(self, passphrase: str) -> int:
        """Remove records covered by receipts, for good: the vault is rebuilt under a new key."""
        conn = self.vault.conn
        n = int(
            conn.execute("SELECT count(*) FROM records WHERE receipt = 'accepted'").fetchone()[0]
        )
        if n == 0:
            return 0
        purged = int(self.vault.get_meta(META_PURGED) or b"0") + n
        with self.vault.transaction() as c:  # paper rows stay "entered" after their purge
            c.execute(
                "INSERT OR IGNORE INTO paper_rows_purged(serial, row) SELECT paper_serial, "
                "paper_row FROM records WHERE receipt = 'accepted' AND kind = 'signature' "
                "AND paper_serial IS NOT NULL AND voided_by IS NULL"
            )
        keep = "receipt IS NOT 'accepted'"
        self.vault.rebuild(
            passphrase,
            {
                "records": keep,
                "dup_tags": "record_seq IN (SELECT seq FROM main.records "
                "WHERE receipt IS NOT 'accepted')",
            },
        )
        with self.vault.transaction() as c:
            self.vault.set_meta(c, META_PURGED, str(purged).encode())
        return n

    def pending_batches(self) -> list[int]:
        """Batches exported but not yet covered by a receipt (to send again)."""
        rows = self.vault.conn.execute(
            "SELECT number FROM batches WHERE receipt_at IS NULL ORDER BY number"
        )
        return [int(r[0]) for r in rows]

    def batch_hashes(self) -> dict[int, str]:
        """Every exported batch's number -> SHA-256 of its file."""
        rows = self.vault.conn.execute("SELECT number, sha256 FROM batches")
        return {int(n): str(sha) for n, sha in rows}

    def record_lines(self, limit: int) -> list[RecordLine]:
        """The newest `limit` records, newest first, without their sealed bytes."""
        rows = self.vault.conn.execute(
            "SELECT r.created_at, e.name, r.source, r.kind, r.voided_by IS NOT NULL, "
            "r.exported_batch FROM records r LEFT JOIN events e ON e.id = r.event_id "
            "ORDER BY r.seq DESC LIMIT ?",
            (limit,),
        ).fetchall()
        return [
            RecordLine(
                created_at=str(created),
                event=str(event or ""),
                source=str(source),
                kind=RecordKind(str(kind)),
                voided=bool(voided),
                exported_batch=None if batch_no is None else int(batch_no),
            )
            for created, event, source, kind, voided, batch_no in rows
        ]

    def info(self) -> Info:
        campaign = self.campaign()
        return {
            "home": str(self.vault.home),
            "device_fingerprint": self.identity.fingerprint,
            "campaign": None if campaign is None else campaign.summary(),
            "event": self.current_event(),
        }
