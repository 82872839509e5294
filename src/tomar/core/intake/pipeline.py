"""The import pipeline: read-ahead, the pool of decrypting workers, grouped commits.

A batch is imported whole or not at all, in one transaction. While one batch is stored,
the pool opens the next (`Opener`); consecutive small batches share one commit
(`Importer.import_files`), and are imported one by one if any of them is refused.
"""

from __future__ import annotations

import base64
import multiprocessing
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from .. import batch
from ..campaign import Campaign
from ..errors import E, Message, TomarError
from ..vault import Vault
from .devices import Devices
from .opening import Context, Item, Opened, init_pool_worker, init_worker, open_chunk
from .reports import format_gaps, gaps
from .results import ImportResult, ImportStatus, Progress, RecordProblem
from .store import CHUNK, Store, check_chain

PARALLEL_MIN = 256
#: Consecutive batches up to this many bytes in all are committed together (about 6,000
#: hybrid-sealed records): a commit writes every page it changed, and index pages change
#: all over the file.
GROUP_BYTES = 24 * 1024 * 1024
#: Batches up to this size are read and opened ahead while the one before is stored
#: (the same bound as a checked batch keeping its records in memory).
AHEAD_MAX = batch.KEEP_BYTES


@dataclass
class Ahead:
    """The next batch of `Importer.import_files`, read, checked and handed to the pool early.

    Its records are opened while the batch before it is stored; the result is used only
    if that batch is then imported (every check against the vault still runs first).
    """

    path: Path
    data: bytes
    bf: batch.BatchFile
    items: list[Item]
    opening: list[Future[list[Opened]]]

    def drop(self) -> None:
        for future in self.opening:
            future.cancel()
        self.bf.close()


class _OneByOne(Exception):
    """A batch of a group was refused: the group is rolled back and imported one by one."""


class Opener:
    """Opens a batch's records: small batches here, large ones in a pool of processes."""

    def __init__(self, context: Context, campaign: Campaign, workers: int | None) -> None:
        self._context = context
        self._campaign = campaign
        self._workers = workers if workers is not None else max(1, multiprocessing.cpu_count())
        self._pool: ProcessPoolExecutor | None = None
        self.next_path: Path | None = None  # import_files: the batch after this one
        self.ahead: Ahead | None = None  # ... once read and handed to the pool

    def close(self) -> None:
        self.drop_ahead()
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def open(self, items: list[Item], batch_sha: str) -> Iterator[Opened]:
        """Opened records in order; large batches are opened by the pool while we store."""
        if len(items) < PARALLEL_MIN or self._workers < 2:
            init_worker(self._context)
            yield from open_chunk(items)
            return
        ahead = self.ahead
        if ahead is not None and ahead.bf.sha256 == batch_sha:
            self.ahead = None
            futures = ahead.opening
        else:
            futures = self._submit(items)
        self._read_ahead()  # the pool takes the next batch as soon as this one is done
        try:
            for future in futures:
                yield from future.result()
        finally:
            for future in futures:
                future.cancel()

    def items(self, bf: batch.BatchFile) -> list[Item]:
        """The batch's records as the pool takes them (made once if it was read ahead)."""
        if self.ahead is not None and self.ahead.bf is bf:
            return self.ahead.items
        device_b64 = base64.b64encode(bf.device).decode()
        return [(e.id, e.seq, device_b64, body) for e, body in bf.sealed()]

    def drop_ahead(self) -> None:
        if self.ahead is not None:
            self.ahead.drop()
            self.ahead = None

    def _submit(self, items: list[Item]) -> list[Future[list[Opened]]]:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self._workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=init_pool_worker,
                initargs=(self._context,),
            )
        pool = self._pool
        return [pool.submit(open_chunk, items[i : i + CHUNK]) for i in range(0, len(items), CHUNK)]

    def _read_ahead(self) -> None:
        """Read, check and submit the next batch of `import_files`, if it is worth it."""
        path, self.next_path = self.next_path, None
        if path is None or self.ahead is not None:
            return
        try:
            if path.stat().st_size > AHEAD_MAX:
                return
            data = path.read_bytes()
            bf = batch.read(data, self._campaign)
        except Exception:  # its own import reports the problem
            return
        items = self.items(bf)
        if len(items) < PARALLEL_MIN:
            bf.close()
            return
        self.ahead = Ahead(path, data, bf, items, self._submit(items))


def unexpected(exc: BaseException) -> Message:
    """A plain reason for an error no check foresaw; its text may quote the input."""
    return Message(E.INTAKE_BATCH_UNEXPECTED, error=type(exc).__name__)


def group_at(paths: Sequence[Path], start: int) -> Sequence[Path]:
    """The batches from `start` on that together stay under GROUP_BYTES (at least one)."""
    total, end = 0, start
    while end < len(paths):
        try:
            total += paths[end].stat().st_size
        except OSError:
            total = GROUP_BYTES + 1  # its own import reports the problem
        if end > start and total > GROUP_BYTES:
            break
        end += 1
    return paths[start:end]


class Importer:
    """Imports batches: files in order and grouped, or one batch's bytes."""

    def __init__(self, vault: Vault, campaign: Campaign, devices: Devices, opener: Opener) -> None:
        self.vault = vault
        self.campaign = campaign
        self.devices = devices
        self.opener = opener
        self.store = Store()

    def import_files(
        self,
        paths: Sequence[Path],
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        done: Callable[[ImportResult], None] | None = None,
    ) -> list[ImportResult]:
        """Import batches in order; while one is stored, the pool opens the next.

        Consecutive small batches are committed together (`_import_group`). `done` hears
        of each result once it is committed. A cancel stops before the next batch.
        """
        results: list[ImportResult] = []
        try:
            i = 0
            while i < len(paths) and not (cancel is not None and cancel.is_set()):
                group = group_at(paths, i)
                after = paths[i + len(group)] if i + len(group) < len(paths) else None
                for result in self._import_group(group, after, progress, cancel):
                    results.append(result)
                    if done is not None:
                        done(result)
                i += len(group)
        finally:
            self.opener.next_path = None
            self.opener.drop_ahead()
        return results

    def _import_group(
        self,
        group: Sequence[Path],
        after: Path | None,
        progress: Progress | None,
        cancel: threading.Event | None,
    ) -> list[ImportResult]:
        """Import batches in one transaction; if any is refused, roll all of them back and
        import them one by one, so that each is still imported whole or not at all.

        Inside the group a cancel is heard between batches (what is done is committed).
        """
        if len(group) > 1:
            try:
                with self.vault.joined():
                    return self._import_each(group, after, progress, cancel, joined=True)
            except (_OneByOne, TomarError):
                self.opener.drop_ahead()
        return self._import_each(group, after, progress, cancel, joined=False)

    def _import_each(
        self,
        group: Sequence[Path],
        after: Path | None,
        progress: Progress | None,
        cancel: threading.Event | None,
        *,
        joined: bool,
    ) -> list[ImportResult]:
        """Import a group's batches in order; in a joined transaction, the first refusal
        raises `_OneByOne` and a cancel is heard only between batches."""
        results: list[ImportResult] = []
        for k, path in enumerate(group):
            if cancel is not None and cancel.is_set():
                break
            self.opener.next_path = group[k + 1] if k + 1 < len(group) else after
            results.append(self.import_file(path, progress, None if joined else cancel))
            if joined and results[-1].status == ImportStatus.REJECTED:
                raise _OneByOne
        return results

    def import_file(
        self, path: Path, progress: Progress | None = None, cancel: threading.Event | None = None
    ) -> ImportResult:
        ahead = self.opener.ahead
        if ahead is not None and ahead.path != path:
            self.opener.drop_ahead()
        elif ahead is not None:
            try:
                return self._import_read(ahead.bf, ahead.data, path.name, progress, cancel)
            finally:
                if self.opener.ahead is ahead:  # not imported after all: drop what was opened
                    self.opener.drop_ahead()
        try:
            if path.stat().st_size > batch.LIMITS.max_file:
                return ImportResult(
                    path.name, ImportStatus.REJECTED, Message(E.INTAKE_BATCH_TOO_LARGE)
                )
            data = path.read_bytes()
        except OSError as exc:
            return ImportResult(
                path.name,
                ImportStatus.REJECTED,
                Message(E.INTAKE_FILE_UNREADABLE, detail=exc.strerror),
            )
        return self.import_bytes(data, name=path.name, progress=progress, cancel=cancel)

    def import_bytes(
        self,
        data: bytes,
        *,
        name: str,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        release: bool = False,
    ) -> ImportResult:
        """Import one batch; the result says what happened. Only rejects change nothing.

        `release`: the organizer has reviewed this batch (see `Devices.admit`).
        """
        try:
            bf = batch.read(data, self.campaign)
        except TomarError as exc:
            return ImportResult(name, ImportStatus.REJECTED, exc.message)
        except Exception as exc:  # a hostile file must not stop the others
            return ImportResult(name, ImportStatus.REJECTED, unexpected(exc))
        return self._import_read(bf, data, name, progress, cancel, release=release)

    def _import_read(
        self,
        bf: batch.BatchFile,
        data: bytes,
        name: str,
        progress: Progress | None,
        cancel: threading.Event | None,
        *,
        release: bool = False,
    ) -> ImportResult:
        """Import a read batch. Whatever goes wrong with it (a record that trips an
        unexpected error in a worker or here included) rejects this batch alone: its
        transaction is rolled back, and the caller goes on with the next batch."""
        try:
            return self._import(bf, data, name, progress, cancel, release)
        except RecordProblem as exc:
            rejected = Message(E.INTAKE_RECORD_REJECTED, record=exc.record_id, reason=exc.reason)
            return self._result(bf, name, ImportStatus.REJECTED, rejected)
        except TomarError as exc:
            return self._result(bf, name, ImportStatus.REJECTED, exc.message)
        except sqlcipher3.IntegrityError:
            return self._result(
                bf, name, ImportStatus.REJECTED, Message(E.INTAKE_BATCH_REPEATS_RECORDS)
            )
        except Exception as exc:  # one hostile batch must not stop the others
            return self._result(bf, name, ImportStatus.REJECTED, unexpected(exc))
        finally:
            bf.close()

    def _result(
        self, bf: batch.BatchFile, name: str, status: ImportStatus, message: Message
    ) -> ImportResult:
        gap = self._gaps(bf)
        return ImportResult(
            name, status, message, bf.device_fingerprint, bf.number, len(bf.entries), gap
        )

    def _gaps(self, bf: batch.BatchFile) -> list[tuple[int, int]]:
        device_b64 = base64.b64encode(bf.device).decode()
        return gaps(self.vault, device_b64).get(bf.device_fingerprint, [])

    def _import(
        self,
        bf: batch.BatchFile,
        data: bytes,
        name: str,
        progress: Progress | None,
        cancel: threading.Event | None,
        release: bool,
    ) -> ImportResult:
        device_b64 = base64.b64encode(bf.device).decode()
        admission = self.devices.admit(bf, data, device_b64, release=release)
        if admission.status is not None:
            assert admission.message is not None  # every refusal or hold says why
            return self._result(bf, name, admission.status, admission.message)
        check_chain(self.vault.conn, bf, device_b64)
        items = self.opener.items(bf)
        total = len(items)
        with self.vault.transaction() as c:
            if admission.certified is not None:
                self.devices.record_certified(c, bf, device_b64, admission.certified)
            opened = self.opener.open(items, bf.sha256)
            self.store.batch(c, bf, device_b64, opened, total, progress, cancel)
        gap = self._gaps(bf)
        message = Message(E.INTAKE_IMPORTED, count=total)
        for other, n in sorted(self.store.collided.items()):
            collided = Message(E.INTAKE_IDS_COLLIDED, count=n, device=other)
            message = Message(E.WORD_TWO_SENTENCES, first=message, second=collided)
        if gap:
            waiting = Message(E.INTAKE_WAITING_FOR, batches=format_gaps(gap))
            message = Message(E.WORD_TWO_SENTENCES, first=message, second=waiting)
        return ImportResult(
            name, ImportStatus.IMPORTED, message, bf.device_fingerprint, bf.number, total, gap
        )
