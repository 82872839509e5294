"""Where the collection server keeps verified batches, receipts and device certificates.

Two stores share one small interface (`BatchStore`): `FolderStore`, one folder on one
machine (the default), and `tomar.server.s3store.S3Store`, an S3 bucket that any number
of server instances share. `open_store` picks one from `--store`.

Folder layout (every name is derived from a hash or a key, never from a request):

    STORE/store.json                       the campaign id this store belongs to
    STORE/tmp/                             uploads in progress (emptied at start-up)
    STORE/batches/<sha256>.tomar-batch     verified batches, content-addressed
    STORE/batches/<sha256>.json            device key (hex), batch number, size, time
    STORE/devices/<device key hex>.cert    the organizer's certificate seen in an upload
    STORE/receipts/<device key hex>/<batch sha256>.tomar-receipt

An upload is streamed into `tmp/`, fsynced, verified, then renamed into `batches/`, so a
killed server or an interrupted upload never leaves a partial batch visible. The sidecar
is written before the rename, so a listed batch always has its metadata.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import secrets
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from ..core import batch, enroll, receipts
from ..core.atomic import atomic_write
from ..core.campaign import Campaign
from ..core.errors import E, ErrorCode, FormatError, Message, TomarError
from ..core.identity import now_iso

HEX64 = re.compile(r"^[0-9a-f]{64}$")
BATCH_SUFFIX = ".tomar-batch"
RECEIPT_SUFFIX = ".tomar-receipt"
CHUNK = 64 * 1024


class StoreError(TomarError):
    """The store cannot be used (wrong campaign, not writable, bucket unreachable)."""


class Rejected(TomarError):
    """An upload or receipt was refused; `status` is the HTTP status to answer with."""

    def __init__(self, status: int, code: ErrorCode | Message, /, **params: object) -> None:
        self.status = status
        super().__init__(code, **params)


@dataclass(frozen=True)
class StoredBatch:
    sha256: str
    device: str  # hex of the device's public key
    number: int
    size: int
    received_at: str

    def to_json(self) -> dict[str, Any]:
        return {
            "sha256": self.sha256,
            "device": self.device,
            "number": self.number,
            "size": self.size,
            "received_at": self.received_at,
        }


@dataclass(frozen=True)
class Verified:
    """What an upload proved about itself: its batch number and the organizer's certificate."""

    number: int
    certificate: bytes


@dataclass
class BatchBody:
    """A stored batch being sent: its size, its bytes in chunks, and how to let go of it."""

    size: int
    chunks: Iterator[bytes]
    close: Callable[[], None]


class BatchStore(Protocol):
    """What the server needs from a store. Thread-safe: handlers call it from threads.

    Every name it is given is 64 hex digits or a verified key; uploads are verified
    before anything becomes visible, and the same bytes stored twice are stored once.
    """

    campaign: Campaign

    def new_upload(self) -> tuple[Path, BinaryIO]:
        """A fresh private local file to stream an upload into."""

    def commit_upload(self, tmp: Path, sha: str, device: bytes) -> tuple[bool, StoredBatch]:
        """Verify the uploaded file and store it; (stored now?, entry)."""

    def list_batches(self) -> list[StoredBatch]: ...

    def open_batch(self, sha: str) -> BatchBody:
        """A stored batch for download; Rejected(404) if there is none."""

    def put_receipt(self, data: bytes) -> tuple[bool, str, str]:
        """Store a receipt signed by the organizer; (new?, device hex, batch sha256)."""

    def receipt_index(self) -> list[dict[str, str]]: ...

    def device_known(self, device: bytes) -> bool: ...

    def device_batches(self, device: bytes) -> list[str]: ...

    def device_receipts(self, device: bytes) -> list[str]: ...

    def receipt(self, device: bytes, sha: str) -> bytes: ...

    def describe(self) -> str:
        """Where the store is, for the start-up line (never a credential)."""

    def close(self) -> None: ...


def fsync_dir(folder: Path) -> None:
    """Make a rename durable: the directory entry must reach the disk too."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def check_hex(name: str) -> str:
    """Only 64 lowercase hex digits ever become part of a path."""
    if not (isinstance(name, str) and HEX64.fullmatch(name)):
        raise Rejected(400, E.SERVER_BAD_NAME)
    return name


def verify_upload(tmp: Path, campaign: Campaign, device: bytes) -> Verified:
    """The checks every store makes before an upload may become visible.

    `device` is the key that signed the request: a device may upload only its own
    batches, and only with a certificate by the organizer inside.
    """
    try:
        bf = batch.read(tmp, campaign)
    except FormatError as exc:
        raise Rejected(400, E.SERVER_NOT_A_VALID_BATCH, detail=exc.message) from None
    try:
        if bf.device != device:
            raise Rejected(403, E.SERVER_DEVICE_MAY_UPLOAD_OWN)
        if bf.certificate is None:
            raise Rejected(
                403,
                E.SERVER_BATCH_WITHOUT_CERTIFICATE,
            )
        try:
            cert = enroll.read_certificate(bf.certificate, campaign)
        except TomarError:
            raise Rejected(403, E.SERVER_BATCH_CERTIFICATE_NOT_ORGANIZERS) from None
        if cert.device != bf.device:
            raise Rejected(403, E.INTAKE_BATCH_CARRIES_ANOTHER_DEVICE)
        return Verified(bf.number, bf.certificate)
    finally:
        bf.close()


def verify_receipt(data: bytes, campaign: Campaign) -> tuple[str, str]:
    """(device hex, batch sha256) of a receipt signed by the organizer, else Rejected."""
    try:
        receipt = receipts.read(data, campaign)
    except TomarError as exc:
        raise Rejected(400, E.SERVER_NOT_A_VALID_RECEIPT, detail=exc.message) from None
    try:
        device = base64.b64decode(receipt.device, validate=True)
    except ValueError:
        raise Rejected(400, E.SERVER_RECEIPT_NAMES_INVALID_DEVICE) from None
    if len(device) != 32:
        raise Rejected(400, E.SERVER_RECEIPT_NAMES_INVALID_DEVICE)
    return device.hex(), check_hex(receipt.batch_sha256)


def conflict(number: int) -> Rejected:
    return Rejected(409, E.SERVER_ALREADY_HOLDS_ANOTHER_BATCH, number=number)


def no_batch() -> Rejected:
    return Rejected(404, E.SERVER_NO_SUCH_BATCH)


def no_receipt() -> Rejected:
    return Rejected(404, E.SERVER_NO_RECEIPT_YET)


def open_store(spec: str, campaign: Campaign) -> BatchStore:
    """`s3://BUCKET/PREFIX` is a bucket (credentials from the environment); else a folder."""
    if spec.startswith("s3://"):
        try:  # boto3 is imported only for a bucket; the desktop app does without it
            from .s3store import S3Store
        except ImportError:
            raise StoreError(E.SERVER_BUCKET_STORE_NEEDS_BOTO3) from None
        return S3Store.from_url(spec, campaign)
    return FolderStore(Path(spec), campaign)


class FolderStore:
    """One folder on one machine; one server process at a time."""

    def __init__(self, root: Path, campaign: Campaign) -> None:
        self.root = root
        self.campaign = campaign
        self.tmp = root / "tmp"
        self.batches = root / "batches"
        self.devices = root / "devices"
        self.receipts = root / "receipts"
        self._lock = threading.Lock()
        self._index: dict[str, StoredBatch] = {}
        self._by_number: dict[tuple[str, int], str] = {}
        self._pending: set[str] = set()
        self._open()

    def describe(self) -> str:
        return str(self.root)

    def close(self) -> None:
        """Nothing to let go of: every write is already durable."""

    # --- start-up -----------------------------------------------------------------

    def _open(self) -> None:
        try:
            self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
            for sub in (self.tmp, self.batches, self.devices, self.receipts):
                sub.mkdir(exist_ok=True, mode=0o700)
        except OSError as exc:
            raise StoreError(
                E.SERVER_STORE_FOLDER_UNUSABLE, root=self.root, detail=exc.strerror
            ) from None
        marker = self.root / "store.json"
        if marker.exists():
            try:
                owner = json.loads(marker.read_text("utf-8")).get("campaign")
            except (OSError, ValueError, AttributeError):
                raise StoreError(E.SERVER_MARKER_DAMAGED, marker=marker) from None
            if owner != self.campaign.id:
                raise StoreError(E.SERVER_STORE_FOLDER_BELONGS_ANOTHER, root=self.root)
        else:
            atomic_write(
                marker,
                json.dumps({"campaign": self.campaign.id}).encode(),
                mode=0o600,
                what=E.WORD_THE_STORE_MARKER,
            )
        for stray in self.tmp.iterdir():  # uploads cut short by a crash or a kill
            with contextlib.suppress(OSError):
                stray.unlink()
        for path in self.batches.glob(f"*{BATCH_SUFFIX}"):
            sha = path.name[: -len(BATCH_SUFFIX)]
            if HEX64.match(sha):
                self._load(sha, path)

    def _load(self, sha: str, path: Path) -> None:
        meta = self.batches / f"{sha}.json"
        try:
            doc = json.loads(meta.read_text("utf-8"))
            item = StoredBatch(
                sha, str(doc["device"]), int(doc["number"]), int(doc["size"]), str(doc["time"])
            )
        except (OSError, ValueError, KeyError, TypeError):
            try:  # metadata lost: read it back from the verified batch itself
                bf = batch.read(path, self.campaign)
            except TomarError:
                return
            item = StoredBatch(sha, bf.device.hex(), bf.number, path.stat().st_size, now_iso())
            bf.close()
        self._index[sha] = item
        self._by_number[(item.device, item.number)] = sha

    # --- uploads ------------------------------------------------------------------

    def new_upload(self) -> tuple[Path, BinaryIO]:
        """A fresh temp file in the store (same file system, so the rename is atomic)."""
        path = self.tmp / f"upload-{secrets.token_hex(12)}"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        return path, os.fdopen(fd, "wb")

    def has_batch(self, sha: str) -> bool:
        with self._lock:
            return sha in self._index

    def commit_upload(self, tmp: Path, sha: str, device: bytes) -> tuple[bool, StoredBatch]:
        """Verify the uploaded file and move it into place; (stored now?, entry)."""
        try:
            proof = verify_upload(tmp, self.campaign, device)
            number, certificate = proof.number, proof.certificate
            dev = device.hex()
            with self._lock:  # reserve; the slow fsyncs below run outside the lock
                if sha in self._index or sha in self._pending:
                    return False, self._index.get(sha) or StoredBatch(sha, dev, number, 0, "")
                if self._by_number.get((dev, number)) is not None:
                    raise conflict(number)
                self._pending.add(sha)
                self._by_number[(dev, number)] = sha
            try:
                item = StoredBatch(sha, dev, number, tmp.stat().st_size, now_iso())
                meta = {
                    "device": dev,
                    "number": number,
                    "size": item.size,
                    "time": item.received_at,
                }
                atomic_write(
                    self.batches / f"{sha}.json",
                    json.dumps(meta).encode(),
                    mode=0o600,
                    what=E.WORD_THE_BATCH_METADATA,
                )
                self.remember_device(device, certificate)
                os.replace(tmp, self.batches / f"{sha}{BATCH_SUFFIX}")
                fsync_dir(self.batches)
            except BaseException:
                with self._lock:
                    self._pending.discard(sha)
                    self._by_number.pop((dev, number), None)
                raise
            with self._lock:
                self._pending.discard(sha)
                self._index[sha] = item
            return True, item
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()

    # --- organizer ----------------------------------------------------------------

    def list_batches(self) -> list[StoredBatch]:
        with self._lock:
            return sorted(self._index.values(), key=lambda b: (b.device, b.number, b.sha256))

    def batch_path(self, sha: str) -> Path:
        check_hex(sha)
        with self._lock:
            if sha not in self._index:
                raise no_batch()
        return self.batches / f"{sha}{BATCH_SUFFIX}"

    def open_batch(self, sha: str) -> BatchBody:
        path = self.batch_path(sha)
        fh = path.open("rb")
        size = os.fstat(fh.fileno()).st_size
        return BatchBody(size, iter(lambda: fh.read(CHUNK), b""), fh.close)

    def put_receipt(self, data: bytes) -> tuple[bool, str, str]:
        dev, sha = verify_receipt(data, self.campaign)
        folder = self.receipts / dev
        with self._lock:
            folder.mkdir(exist_ok=True, mode=0o700)
            path = folder / f"{sha}{RECEIPT_SUFFIX}"
            new = not path.exists()
            atomic_write(path, data, mode=0o600, what=E.WORD_THE_RECEIPT)
        return new, dev, sha

    def receipt_index(self) -> list[dict[str, str]]:
        out = []
        for folder in sorted(self.receipts.iterdir()):
            if folder.is_dir() and HEX64.match(folder.name):
                for path in sorted(folder.glob(f"*{RECEIPT_SUFFIX}")):
                    sha = path.name[: -len(RECEIPT_SUFFIX)]
                    if HEX64.match(sha):
                        out.append({"device": folder.name, "batch_sha256": sha})
        return out

    # --- devices ------------------------------------------------------------------

    def device_known(self, device: bytes) -> bool:
        return (self.devices / f"{device.hex()}.cert").exists()

    def remember_device(self, device: bytes, certificate: bytes) -> None:
        path = self.devices / f"{device.hex()}.cert"
        if not path.exists():
            atomic_write(path, certificate, mode=0o600, what=E.WORD_THE_CERTIFICATE)

    def device_batches(self, device: bytes) -> list[str]:
        """SHA-256 of this device's batches held here, so it never sends them twice."""
        dev = device.hex()
        with self._lock:
            return sorted(sha for sha, item in self._index.items() if item.device == dev)

    def device_receipts(self, device: bytes) -> list[str]:
        folder = self.receipts / device.hex()
        if not folder.is_dir():
            return []
        names = (p.name[: -len(RECEIPT_SUFFIX)] for p in folder.glob(f"*{RECEIPT_SUFFIX}"))
        return sorted(n for n in names if HEX64.match(n))

    def receipt(self, device: bytes, sha: str) -> bytes:
        path = self.receipts / device.hex() / f"{check_hex(sha)}{RECEIPT_SUFFIX}"
        try:
            return path.read_bytes()
        except FileNotFoundError:
            raise no_receipt() from None


# The folder store under its old name (tests and callers from before the S3 store).
Store = FolderStore
