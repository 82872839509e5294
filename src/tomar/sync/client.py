"""Sync for people: one call for a device, one for the organizer.

`sync_device` exports what is pending, sends every batch that has no receipt yet (again
if need be: the target stores each once), fetches receipts and applies them. `pull`
fetches new batches, imports them, and answers with receipts. Both take
`progress(stage, done, total)` and a `cancel` event so the app can run them on a worker
thread, and return a result in plain words instead of raising for per-batch trouble.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core import batch, canon, receipts
from ..core.batches_view import imported_batches, received_hashes
from ..core.device import META_CERTIFICATE, Device
from ..core.errors import E, Message, TomarError
from ..core.identity import now_iso
from ..core.intake import ImportResult, ImportStatus, Intake
from .auth import RequestSigner
from .errors import ServerRefused, SyncCancelled, SyncError
from .http import RetryPolicy
from .target import Target, is_url, open_target

Progress = Callable[[str, int, int], None]

META_TARGET = "sync_target"
META_LAST_SYNC = "sync_last_success"
META_LAST_PULL = "sync_last_pull"
META_PULL_REJECTED = "sync_pull_rejected"
MAX_REMEMBERED_REJECTS = 10_000


@dataclass
class SyncResult:
    """What a device sync did; `errors` are sentences for the volunteer."""

    target: str
    exported: int = 0  # records put into a new batch now
    uploaded: int = 0  # batches the target did not have
    already: int = 0  # batches the target already had
    receipts_applied: int = 0
    records_accepted: int = 0  # records the organizer confirmed (may now be purged)
    errors: list[Message] = field(default_factory=list)
    cancelled: bool = False
    last_success: str | None = None
    pending: int = 0  # batches still waiting for a receipt

    @property
    def ok(self) -> bool:
        return not self.errors and not self.cancelled


@dataclass
class PullResult:
    """What an organizer pull did."""

    source: str
    downloaded: int = 0
    imports: list[ImportResult] = field(default_factory=list)
    receipts_sent: int = 0
    errors: list[Message] = field(default_factory=list)
    cancelled: bool = False
    last_success: str | None = None

    @property
    def ok(self) -> bool:
        return not self.errors and not self.cancelled and all(r.ok for r in self.imports)


def _say(progress: Progress | None, stage: str, done: int, total: int) -> None:
    if progress is not None:
        progress(stage, done, total)


def _cancelled(cancel: threading.Event | None) -> bool:
    return cancel is not None and cancel.is_set()


# --- device ---------------------------------------------------------------------


def default_target(device: Device) -> str | None:
    """The remembered target, else the campaign's `sync_url`."""
    saved = device.vault.get_meta(META_TARGET)
    if saved:
        return saved.decode()
    return device.require_campaign().sync_url


def remember_target(device: Device, where: str) -> None:
    with device.vault.transaction() as conn:
        device.vault.set_meta(conn, META_TARGET, where.encode())


def last_sync(device: Device) -> str | None:
    raw = device.vault.get_meta(META_LAST_SYNC)
    return None if raw is None else raw.decode()


def _pending(device: Device) -> dict[str, int]:
    """Batches without a receipt: SHA-256 -> batch number."""
    wanted = set(device.pending_batches())
    return {sha: n for n, sha in device.batch_hashes().items() if n in wanted}


def sync_device(
    device: Device,
    where: str | Path | None = None,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    retry: RetryPolicy | None = None,
) -> SyncResult:
    """Export, send, collect receipts. Raises only if the target cannot be used at all."""
    campaign = device.require_campaign()
    target = str(where) if where is not None else default_target(device)
    if not target:
        raise SyncError(E.SYNC_WHERE_GIVE_SERVER_ADDRESS)
    result = SyncResult(target=target, last_success=last_sync(device))
    certificate = device.vault.get_meta(META_CERTIFICATE)
    if is_url(target) and certificate is None:
        raise SyncError(E.SYNC_DEVICE_NOT_ENROLLED_YET)
    signer = RequestSigner.from_seed(device.identity.raw_private(), campaign.id)
    tgt = open_target(target, campaign, signer, certificate=certificate, cancel=cancel, retry=retry)
    try:
        _export(device, tgt, result, progress, cancel)
        if not result.cancelled:
            # Receipts first: a confirmed batch need not travel again.
            stored = _receipts(device, tgt, result, progress)
            if stored is not None:  # None: the target did not answer; uploads would not either
                _upload(device, tgt, result, stored, progress, cancel)
    except SyncCancelled:
        result.cancelled = True
    finally:
        tgt.close()
    result.pending = len(device.pending_batches())
    if result.ok:
        result.last_success = now_iso()
        with device.vault.transaction() as conn:
            device.vault.set_meta(conn, META_LAST_SYNC, result.last_success.encode())
    return result


def _export(
    device: Device,
    tgt: Target,
    result: SyncResult,
    progress: Progress | None,
    cancel: threading.Event | None,
) -> None:
    from .folder import FolderTarget

    def step(done: int, total: int) -> None:
        _say(progress, "export", done, total)

    # A folder gets the batch directly; for a server it is built, then sent from the vault.
    folder = tgt.batches if isinstance(tgt, FolderTarget) else None
    scratch = None
    if folder is None:
        scratch = Path(tempfile.mkdtemp(prefix=".sync-", dir=device.vault.home))
    try:
        # The upload step sends every pending batch the target lacks (and counts it).
        done = batch.export(device, folder or scratch or Path("."), step, cancel, restore=False)
        result.exported = done.count
    except batch.NothingToExport:
        pass
    except batch.Cancelled:
        result.cancelled = True
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


def _receipts(
    device: Device, tgt: Target, result: SyncResult, progress: Progress | None
) -> set[str] | None:
    """Apply the receipts waiting at the target; return the batches it already holds."""
    pending = _pending(device)
    if not pending:
        return set()
    try:
        found, stored = tgt.status_for(device.identity.public, pending)
    except SyncCancelled:
        raise
    except TomarError as exc:
        result.errors.append(
            Message(E.SYNC_RECEIPTS_NOT_ASKED, target=tgt.describe(), detail=exc.message)
        )
        return None
    for i, (sha, data) in enumerate(sorted(found.items(), key=lambda kv: pending[kv[0]])):
        _say(progress, "receipts", i, len(found))
        try:
            done = device.import_receipt(data)
        except TomarError as exc:
            result.errors.append(
                Message(E.SYNC_RECEIPT_NOT_APPLIED, batch=pending[sha], detail=exc.message)
            )
            continue
        result.receipts_applied += 1
        result.records_accepted += int(done["accepted"])
    _say(progress, "receipts", len(found), len(found))
    return stored


def _upload(
    device: Device,
    tgt: Target,
    result: SyncResult,
    stored: set[str],
    progress: Progress | None,
    cancel: threading.Event | None,
) -> None:
    pending = _pending(device)
    order = sorted(pending.items(), key=lambda kv: kv[1])
    public = device.identity.public
    for i, (sha, number) in enumerate(order):
        if _cancelled(cancel):
            result.cancelled = True
            return
        _say(progress, "upload", i, len(order))
        if sha in stored:
            result.already += 1
            continue
        try:
            data = batch.rebuild(device, number)
            if tgt.put_batch(public, number, sha, data):
                result.uploaded += 1
            else:
                result.already += 1
        except ServerRefused as exc:
            result.errors.append(Message(E.SYNC_BATCH_REFUSED, number=number, detail=exc.message))
        except SyncCancelled:
            raise
        except TomarError as exc:
            result.errors.append(Message(E.SYNC_BATCH_NOT_SENT, number=number, detail=exc.message))
            if isinstance(exc, SyncError):  # unreachable: the rest would fail the same way
                return
    _say(progress, "upload", len(order), len(order))


# --- organizer ------------------------------------------------------------------


def _rejected(intake: Intake) -> set[str]:
    raw = intake.vault.get_meta(META_PULL_REJECTED)
    try:
        value = canon.loads(raw) if raw else []
    except ValueError:
        value = []
    return {str(x) for x in value} if isinstance(value, list) else set()


def pull(
    intake: Intake,
    source: str | Path,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    retry: RetryPolicy | None = None,
    again: bool = False,
) -> PullResult:
    """Fetch new batches, import them, answer with receipts.

    Batches that were rejected are remembered and not fetched again unless `again`.
    """
    campaign = intake.campaign
    result = PullResult(source=str(source))
    signer = RequestSigner.from_seed(intake.organizer.signing.raw_private_bytes(), campaign.id)
    tgt = open_target(source, campaign, signer, cancel=cancel, retry=retry)
    rejected = set() if again else _rejected(intake)
    try:
        known = received_hashes(intake.vault)
        skip = known | rejected
        offered = [b for b in tgt.list_batches() if b.sha256 not in skip]
        for i, item in enumerate(offered):
            if _cancelled(cancel):
                result.cancelled = True
                break
            _say(progress, "download", i, len(offered))
            try:
                data = tgt.get_batch(item)
            except SyncCancelled:
                raise
            except TomarError as exc:
                result.errors.append(
                    Message(E.SYNC_NOT_FETCHED, file=item.name, detail=exc.message)
                )
                if isinstance(exc, SyncError) and not isinstance(exc, ServerRefused):
                    break
                continue
            sha = hashlib.sha256(data).hexdigest()
            if sha in known or sha in rejected:
                continue
            result.downloaded += 1

            def step(done: int, total: int) -> None:
                _say(progress, "import", done, total)

            outcome = _import_one(intake, data, item.name, step, cancel)
            result.imports.append(outcome)
            known.add(sha)
            if outcome.status == "rejected" and not _cancelled(cancel):
                rejected.add(sha)
        _say(progress, "download", len(offered), len(offered))
        if not again:
            with intake.vault.transaction() as c:
                kept = sorted(rejected)[-MAX_REMEMBERED_REJECTS:]
                intake.vault.set_meta(c, META_PULL_REJECTED, json.dumps(kept).encode())
        if not result.cancelled:
            _answer(intake, tgt, result, progress)
    except SyncCancelled:
        result.cancelled = True
    except TomarError as exc:
        result.errors.append(exc.message)
    finally:
        tgt.close()
    if result.ok:
        result.last_success = now_iso()
        with intake.vault.transaction() as c:
            intake.vault.set_meta(c, META_LAST_PULL, result.last_success.encode())
    return result


def _import_one(
    intake: Intake,
    data: bytes,
    name: str,
    step: Callable[[int, int], None],
    cancel: threading.Event | None,
) -> ImportResult:
    """One batch's outcome; a file that breaks the importer is refused, never the pull.

    Every reader raises only TomarError (the fuzz targets in fuzz/ hold it to that), which
    intake reports as a refusal. This boundary is the last line for a reader bug that
    escapes anyway: a transaction rolls back on any exception, so the vault is unchanged,
    the file is remembered as refused (`pull --again` retries it) and the honest batches
    behind it are still imported. The message names the kind of error only: never text
    that could quote the file.
    """
    try:
        return intake.import_bytes(data, name=name, progress=step, cancel=cancel)
    except Exception as exc:
        return ImportResult(
            name,
            ImportStatus.REJECTED,
            Message(E.DEVICE_IMPORT_INTERNAL_ERROR, error=type(exc).__name__),
        )


def _answer(intake: Intake, tgt: Target, result: PullResult, progress: Progress | None) -> None:
    """Receipts for every imported batch the target has no receipt for yet."""
    rows = imported_batches(intake.vault)
    present = tgt.receipt_shas()
    missing = {b.sha256 for b in rows if b.sha256 not in present}
    if not missing:
        return
    # write_receipts skips batches that already got one; a failed post earlier needs again.
    again = any(b.receipt_at is not None for b in rows if b.sha256 in missing)
    home = intake.vault.home
    with tempfile.TemporaryDirectory(prefix=".receipts-", dir=home) as tmp:
        paths = intake.write_receipts(Path(tmp), again=again)
        todo = []
        for path in paths:
            data = path.read_bytes()
            if receipts.read(data, intake.campaign).batch_sha256 in missing:
                todo.append(data)
        for i, data in enumerate(todo):
            _say(progress, "receipts", i, len(todo))
            try:
                tgt.put_receipt(data, intake.campaign)
            except ServerRefused as exc:
                result.errors.append(Message(E.SYNC_RECEIPT_REFUSED, detail=exc.message))
                continue
            result.receipts_sent += 1
        _say(progress, "receipts", len(todo), len(todo))


def describe(result: SyncResult | PullResult) -> dict[str, Any]:
    """A plain dict for JSON output and the app."""
    out = dict(vars(result))
    out["ok"] = result.ok
    if isinstance(result, PullResult):
        out["imports"] = [dict(vars(r)) for r in result.imports]
    return out
