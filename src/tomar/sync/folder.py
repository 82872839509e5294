"""A folder as sync target: a USB stick, or a folder Syncthing or Nextcloud keeps in sync.

    <dir>/batches/tomar-<device>-<n>.tomar-batch      written by devices (atomically)
    <dir>/receipts/tomar-<device>-<n>.tomar-receipt   written by the organizer (atomically)

The names are the ones `tomar export` and `tomar receipt` use, so the folder also works
with the plain commands. Sync tools copy whole files; since every file appears by an
atomic rename, they never pick up half of one. Their temp and conflict files are ignored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

from ..core import batch, canon, receipts
from ..core.atomic import atomic_write
from ..core.campaign import Campaign
from ..core.errors import E, TomarError
from .errors import SyncError
from .target import RemoteBatch


def stem(device: bytes, number: int) -> str:
    return batch.file_name(device, number)[: -len(batch.SUFFIX)]


class FolderTarget:
    """Both sides of a shared folder; nothing here needs a network."""

    def __init__(self, root: Path, campaign: Campaign | None = None) -> None:
        if not root.is_dir():
            raise SyncError(E.SYNC_NO_SUCH_FOLDER, folder=root)
        self.root = root
        self.campaign = campaign
        self.batches = root / "batches"
        self.receipts = root / "receipts"
        try:
            self.batches.mkdir(exist_ok=True)
            self.receipts.mkdir(exist_ok=True)
        except OSError as exc:
            raise SyncError(E.SYNC_FOLDER_NOT_WRITABLE, folder=root, detail=exc.strerror) from None

    def describe(self) -> str:
        return str(self.root)

    def close(self) -> None:
        pass

    # --- device side ------------------------------------------------------------

    def batch_path(self, device: bytes, number: int) -> Path:
        return self.batches / batch.file_name(device, number)

    def put_batch(self, device: bytes, number: int, sha: str, data: bytes) -> bool:
        """Write a batch unless the same bytes are there; True if written now."""
        path = self.batch_path(device, number)
        if _sha_of(path) == sha:
            return False
        if path.exists():  # another vault with this key made a different batch n: keep both
            path = path.with_name(f"{stem(device, number)}-{sha[:12]}{batch.SUFFIX}")
            if _sha_of(path) == sha:
                return False
        atomic_write(path, data, mode=0o644, what=E.WORD_THE_BATCH)
        return True

    def status_for(
        self, device: bytes, pending: Mapping[str, int]
    ) -> tuple[dict[str, bytes], set[str]]:
        """Receipts the organizer left for pending batches, and batches already here."""
        found: dict[str, bytes] = {}
        stored: set[str] = set()
        for sha, number in pending.items():
            if _sha_of(self.batch_path(device, number)) == sha:
                stored.add(sha)
            path = self.receipts / f"{stem(device, number)}{receipts.SUFFIX}"
            try:
                with path.open("rb") as fh:
                    found[sha] = fh.read(receipts.MAX_RECEIPT + 1)
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise SyncError(
                    E.SYNC_RECEIPT_UNREADABLE, file=path.name, detail=exc.strerror
                ) from None
        return found, stored

    # --- organizer side ---------------------------------------------------------

    def list_batches(self) -> list[RemoteBatch]:
        out = []
        for path in sorted(self.batches.glob(f"tomar-*{batch.SUFFIX}")):
            if path.is_file():
                out.append(RemoteBatch(sha256="", name=path.name, size=path.stat().st_size))
        return out

    def get_batch(self, item: RemoteBatch) -> bytes:
        path = self.batches / Path(item.name).name
        try:
            if path.stat().st_size > batch.LIMITS.max_file:
                raise SyncError(E.SYNC_TOO_LARGE_GENUINE_BATCH, file=path.name)
            return path.read_bytes()
        except OSError as exc:
            raise SyncError(E.SYNC_FILE_UNREADABLE, file=path.name, detail=exc.strerror) from None

    def receipt_shas(self) -> set[str]:
        """Batches that already have a genuine receipt here, where their device looks.

        Anyone who can write to the folder can plant a file there, so a receipt counts only
        if the organizer key signed it and it lies under its own name; otherwise a planted
        copy naming a batch would keep the organizer from ever writing its receipt.
        """
        out = set()
        for path in self.receipts.glob(f"tomar-*{receipts.SUFFIX}"):
            try:
                with path.open("rb") as fh:  # a planted file may be huge: read no more
                    data = fh.read(receipts.MAX_RECEIPT)
                if self.campaign is None:  # no key to check with: read only to skip
                    out.add(str(canon.loads(data)["receipt"]["batch_sha256"]))
                    continue
                receipt = receipts.read(data, self.campaign)
                name = f"{stem(_b64_key(receipt.device), receipt.batch)}{receipts.SUFFIX}"
                if path.name == name:
                    out.add(receipt.batch_sha256)
            except (OSError, ValueError, KeyError, TypeError, TomarError):
                continue
        return out

    def put_receipt(self, data: bytes, campaign: Campaign) -> None:
        try:
            receipt = receipts.read(data, campaign)
            device = _b64_key(receipt.device)
        except TomarError as exc:
            raise SyncError(E.SYNC_RECEIPT_NOT_WRITTEN, detail=exc.message) from None
        path = self.receipts / f"{stem(device, receipt.batch)}{receipts.SUFFIX}"
        atomic_write(path, data, mode=0o644, what=E.WORD_THE_RECEIPT)


def _b64_key(text: str) -> bytes:
    import base64

    try:
        key = base64.b64decode(text, validate=True)
    except ValueError:
        raise SyncError(E.SYNC_RECEIPT_NAMES_INVALID_DEVICE) from None
    if len(key) != 32:
        raise SyncError(E.SYNC_RECEIPT_NAMES_INVALID_DEVICE)
    return key


def _sha_of(path: Path) -> str | None:
    try:
        h = hashlib.sha256()
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SyncError(E.SYNC_FILE_UNREADABLE, file=path.name, detail=exc.strerror) from None
