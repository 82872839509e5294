"""The one way the app runs long work (unlock, vault creation, export) off the GUI thread.

A job is a plain function `fn(progress, cancel)`; it gets `progress(done, total)` to
call and a `Cancel` flag to poll, and knows nothing of Qt. Results, progress and errors
come back as signals of a `Job` that lives in the GUI thread, so Qt queues them onto the
GUI thread: no widget is ever touched from the worker. Cancelling sets the flag and the
job stops at its next check; threads are never killed.

Jobs are typed by what `fn` returns: `start(fn, done=...)` with `fn` returning `T` takes
a `done(result: T)` and gives a `Job[T]`, so mypy checks every callback against its job.
The one Worker runs jobs of any result type, one after the other.

Errors cross back as text: a TomarError's own message (written for volunteers, never
quoting signer data), or a generic sentence for anything unexpected, so no traceback or
third-party message (which may quote input) reaches the screen.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..core.errors import TomarError

Progress = Callable[[int, int], None]
T = TypeVar("T")
R = TypeVar("R", covariant=True)  # a Job[bool] is a Job[object]: it only hands R out


class Cancel(threading.Event):
    """A cancel flag; also callable (returns True once cancelled) for APIs that poll."""

    def __call__(self) -> bool:
        return self.is_set()


class Job(QObject, Generic[R]):
    """Signals of one job, delivered on the GUI thread; `done` carries the job's result."""

    progress = Signal(int, int)
    done = Signal(object)  # an R: Qt signals cannot be generic, `Worker.start` types the slot
    failed = Signal(object)  # the exception: TomarError, or a generic one
    finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.cancel_flag = Cancel()
        self.running = True

    def cancel(self) -> None:
        self.cancel_flag.set()


class _Runnable(QRunnable, Generic[T]):
    def __init__(self, job: Job[T], fn: Callable[[Progress, Cancel], T]) -> None:
        super().__init__()
        self.job = job
        self.fn = fn

    def run(self) -> None:
        job = self.job
        try:
            result = self.fn(lambda done, total: job.progress.emit(done, total), job.cancel_flag)
        except TomarError as exc:
            job.failed.emit(exc)
        except Exception:  # never let a third-party message reach the screen
            job.failed.emit(UnexpectedError())
        else:
            job.done.emit(result)
        finally:
            job.running = False
            job.finished.emit()


class UnexpectedError(Exception):
    """Stands in for an unexpected exception; the screen shows a generic sentence."""


class Worker:
    """A pool with one thread: vault work never runs twice at the same time."""

    def __init__(self) -> None:
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(1)
        self._jobs: set[Job[object]] = set()

    def start(
        self,
        fn: Callable[[Progress, Cancel], T],
        *,
        done: Callable[[T], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
        progress: Callable[[int, int], None] | None = None,
        finished: Callable[[], None] | None = None,
    ) -> Job[T]:
        """Run `fn` on the worker thread; the callbacks run on the GUI thread.

        They are connected BEFORE the job starts: a queued signal only reaches the slots
        connected when it is emitted, and a fast job may finish at once.
        """
        job: Job[T] = Job()
        self._jobs.add(job)
        if progress is not None:
            job.progress.connect(progress)
        if done is not None:
            job.done.connect(done)
        if failed is not None:
            job.failed.connect(failed)
        if finished is not None:
            job.finished.connect(finished)
        job.finished.connect(lambda: self._jobs.discard(job))
        self.pool.start(_Runnable(job, fn))
        return job

    @property
    def busy(self) -> bool:
        return any(job.running for job in self._jobs)

    def cancel_all(self, wait_ms: int = 30_000) -> None:
        """Ask every job to stop, and wait for them (they stop at their next check)."""
        for job in list(self._jobs):
            job.cancel()
        self.pool.waitForDone(wait_ms)
