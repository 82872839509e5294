"""Signed batches: how sealed records travel from a device to the organizer.

A batch (`*.tomar-batch`) is a ZIP of the sealed records (`<record id>.age`, stored as
is), `manifest.json` (campaign, organizer fingerprint, device key, batch number, SHA-256
of the previous batch's manifest, and each record's id, sequence number and SHA-256), its minisign
signature by the device key, and the organizer's enrollment certificate if the device
has one. Anyone can check it with `unzip`, `minisign -V` and `sha256sum`; only the
organizer can decrypt the records (`age -d`).
"""

from __future__ import annotations

import base64
import hashlib
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, NamedTuple

from .. import canon, minisign
from ..campaign import Campaign
from ..canon import canonical_json
from ..errors import E, ErrorCode, FormatError, Message, MinisignError, TomarError
from ..identity import device_fingerprint, device_minisign_public, now_iso
from ..records import MAX_SEALED
from ..ziputil import Limits, ZipReader

FORMAT = "tomar-batch"
VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.minisig"
CERTIFICATE = "enrollment.cert"
SUFFIX = ".tomar-batch"
MAX_RECORDS = 250_000
LIMITS = Limits(
    max_file=2 * 1024 * 1024 * 1024,
    max_members=MAX_RECORDS + 3,
    max_member=64 * 1024 * 1024,
    max_total=2 * 1024 * 1024 * 1024,
    max_ratio=50,
)
#: A batch whose records add up to no more is held in memory once checked (the importer
#: hands them all to its pool anyway); a larger one is read from its file again.
KEEP_BYTES = 64 * 1024 * 1024
_EPOCH = (1980, 1, 1, 0, 0, 0)
_RECORD_ID = re.compile(r"^[0-9a-f]{32}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")

Progress = Callable[[int, int], None]


class Cancelled(TomarError):
    """The user cancelled; nothing was written."""


class NothingToExport(TomarError):
    """No record is waiting; `restored` names earlier batches written again (see export)."""

    def __init__(self, message: ErrorCode | Message, restored: tuple[int, ...] = ()) -> None:
        super().__init__(message)
        self.restored = restored


class RecordEntry(NamedTuple):
    """One record as the manifest lists it (a tuple: a batch lists thousands)."""

    id: str
    seq: int
    sha256: str


@dataclass
class BatchFile:
    """A batch whose manifest signature and record hashes have been verified."""

    sha256: str
    manifest: dict[str, Any]
    device: bytes
    entries: list[RecordEntry]
    certificate: bytes | None
    _reader: ZipReader
    #: The records as checked, if they fit in KEEP_BYTES: not read (nor changed) twice.
    _kept: list[bytes] | None = None

    @property
    def number(self) -> int:
        return int(self.manifest["batch"])

    @property
    def manifest_sha256(self) -> str:
        """The batch's identity: signed content only, unlike the file's own hash.

        A copy re-zipped, reordered or stripped of its certificate keeps this identity, so
        it can never pass for a different batch with the same number.
        """
        return hashlib.sha256(canonical_json(self.manifest)).hexdigest()

    @property
    def prev(self) -> str | None:
        value = self.manifest["prev"]
        return None if value is None else str(value)

    @property
    def device_fingerprint(self) -> str:
        return device_fingerprint(self.device)

    def sealed(self) -> Iterator[tuple[RecordEntry, bytes]]:
        """Each record with the very bytes whose hash was checked.

        A large batch is read again from its file, so its hashes are checked again: the
        file may have changed since (a synced folder, say).
        """
        if self._kept is not None:
            yield from zip(self.entries, self._kept, strict=True)
            return
        for entry in self.entries:
            yield entry, _checked(self._reader, entry)

    def close(self) -> None:
        self._kept = None
        self._reader.close()


def file_name(device_public: bytes, number: int) -> str:
    short = hashlib.sha256(device_public).hexdigest()[:8]
    return f"tomar-{short}-{number:05d}{SUFFIX}"


def _info(name: str, compress: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    return info


def write_batch(
    fh: IO[bytes],
    records: Iterator[tuple[str, bytes]],
    manifest: bytes,
    signature: str,
    certificate: bytes | None,
) -> None:
    """Deterministic: the same records, manifest and signature give the same bytes."""
    with zipfile.ZipFile(fh, "w") as zf:
        for record_id, sealed in records:
            zf.writestr(_info(f"{record_id}.age", False), sealed)
        zf.writestr(_info(MANIFEST, True), manifest)
        zf.writestr(_info(SIGNATURE, False), signature.encode())
        if certificate is not None:
            zf.writestr(_info(CERTIFICATE, False), certificate)


def build_manifest(
    campaign: Campaign,
    device_public: bytes,
    number: int,
    prev: str | None,
    entries: list[RecordEntry],
) -> bytes:
    return canonical_json(
        {
            "format": FORMAT,
            "version": VERSION,
            "campaign": campaign.id,
            "organizer": campaign.organizer_fpr.hex(),
            "device": base64.b64encode(device_public).decode(),
            "batch": number,
            "prev": prev,
            "created_at": now_iso(),
            "records": [{"id": e.id, "seq": e.seq, "sha256": e.sha256} for e in entries],
        }
    )


_ENTRY_KEYS = frozenset(("id", "seq", "sha256"))


def _manifest_entries(doc: dict[str, Any]) -> list[RecordEntry]:
    raw = doc.get("records")
    if not isinstance(raw, list) or len(raw) > MAX_RECORDS:
        raise FormatError(E.BATCH_LISTS_TOO_MANY_RECORDS)
    entries = []
    for item in raw:
        if not isinstance(item, dict) or item.keys() != _ENTRY_KEYS:
            raise FormatError(E.BATCH_LIST_RECORDS_DAMAGED)
        rid, seq, sha = item["id"], item["seq"], item["sha256"]
        if not (isinstance(rid, str) and _RECORD_ID.fullmatch(rid)):
            raise FormatError(E.BATCH_NAMES_RECORD_INVALID_ID)
        if not (isinstance(seq, int) and not isinstance(seq, bool) and 1 <= seq < 2**53):
            raise FormatError(E.BATCH_RECORD_BATCH_INVALID_SEQUENCE, record=rid)
        if not (isinstance(sha, str) and _HEX64.fullmatch(sha)):
            raise FormatError(E.BATCH_RECORD_BATCH_INVALID_HASH, record=rid)
        entries.append(RecordEntry(rid, seq, sha))
    if len({e.id for e in entries}) != len(entries):
        raise FormatError(E.BATCH_LISTS_SAME_RECORD_TWICE)
    if len({e.seq for e in entries}) != len(entries):
        raise FormatError(E.BATCH_USES_SAME_SEQUENCE_NUMBER)
    return entries


def read(source: bytes | Path, campaign: Campaign) -> BatchFile:
    """Verify a batch without decrypting: structure, device signature, hashes, campaign."""
    if isinstance(source, Path):
        try:
            sha = _sha256_file(source)
        except OSError as exc:
            raise FormatError(E.BATCH_FILE_UNREADABLE, detail=exc.strerror) from None
    else:
        sha = hashlib.sha256(source).hexdigest()
    reader = ZipReader(source, LIMITS, what=E.WORD_BATCH)
    try:
        return _verify(reader, sha, campaign)
    except BaseException:
        reader.close()
        raise


def _verify(reader: ZipReader, sha: str, campaign: Campaign) -> BatchFile:
    names = set(reader.names)
    if MANIFEST not in names or SIGNATURE not in names:
        raise FormatError(E.BATCH_INCOMPLETE_MANIFEST_SIGNATURE_MISSING)
    body = reader.read(MANIFEST)
    try:
        doc = canon.loads(body)
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise FormatError(E.BATCH_NOT_A_BATCH)
        if doc.get("version") != VERSION:
            raise FormatError(E.BATCH_NEEDS_NEWER_VERSION)
        device = base64.b64decode(doc["device"], validate=True)
        number, prev = doc["batch"], doc["prev"]
    except (ValueError, KeyError, TypeError, RecursionError):
        raise FormatError(E.BATCH_MANIFEST_DAMAGED) from None
    if len(device) != 32:
        raise FormatError(E.BATCH_MANIFEST_DAMAGED)
    try:
        minisign.verify(device_minisign_public(device), body, reader.read(SIGNATURE).decode())
    except (MinisignError, UnicodeDecodeError):
        raise FormatError(E.BATCH_BAD_SIGNATURE) from None
    if canonical_json(doc) != body:
        raise FormatError(E.BATCH_MANIFEST_NOT_CANONICAL)
    if doc.get("campaign") != campaign.id:
        raise FormatError(E.BATCH_BELONGS_ANOTHER_CAMPAIGN)
    if doc.get("organizer") != campaign.organizer_fpr.hex():
        raise FormatError(E.BATCH_SEALED_ANOTHER_ORGANIZER_KEY)
    if not (isinstance(number, int) and not isinstance(number, bool) and 1 <= number < 2**31):
        raise FormatError(E.BATCH_INVALID_BATCH_NUMBER)
    if not (prev is None if number == 1 else isinstance(prev, str) and _HEX64.fullmatch(prev)):
        raise FormatError(E.BATCH_LINK_PREVIOUS_BATCH_DAMAGED)
    entries = _manifest_entries(doc)
    expected = {f"{e.id}.age" for e in entries} | {MANIFEST, SIGNATURE}
    extra = names - expected - {CERTIFICATE}
    if extra:
        raise FormatError(E.BATCH_UNLISTED_FILES)
    if expected - names:
        raise FormatError(E.BATCH_MISSING_RECORDS_MANIFEST_LISTS)
    kept: list[bytes] | None = []
    size = 0
    for entry in entries:
        data = _checked(reader, entry)
        size += len(data)
        if kept is not None:
            kept.append(data)
            if size > KEEP_BYTES:
                kept = None
    cert = reader.read(CERTIFICATE) if CERTIFICATE in names else None
    return BatchFile(sha, doc, device, entries, cert, reader, kept)


def _checked(reader: ZipReader, entry: RecordEntry) -> bytes:
    data = reader.read(f"{entry.id}.age")
    if len(data) > MAX_SEALED or hashlib.sha256(data).hexdigest() != entry.sha256:
        raise FormatError(E.BATCH_RECORD_BATCH_CHANGED_DAMAGED, record=entry.id)
    return data


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# The device side uses the format above (end of module: it imports from here).
from .export import Exported as Exported  # noqa: E402
from .export import export as export  # noqa: E402
from .export import rebuild as rebuild  # noqa: E402
