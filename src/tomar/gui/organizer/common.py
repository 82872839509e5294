"""Small pieces shared by the organizer screens."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QWidget

from ..messages import error_text
from ..screens.base import Screen, say
from ..shell import Shell
from ..worker import Cancel, Job, Progress

T = TypeVar("T")


def plain(text: str = "", *, wrap: bool = False, name: str = "") -> QLabel:
    """A label that never reads its text as HTML (campaign and signer texts are untrusted)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    if wrap:
        label.setWordWrap(True)
        # QLabel's QTextDocument path lays wrapped Persian out correctly (see uiload).
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if name:
        label.setObjectName(name)
    return label


def ltr(text: str) -> str:
    """Digit groups (fingerprints) kept left to right inside right-to-left text."""
    return f"\u2066{text}\u2069" if text else text


class OrgScreen(Screen):
    """An organizer screen: a Designer form like every screen, plus background jobs shown
    with a progress bar, a Cancel button and a message line."""

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.jobs: list[Job[object]] = []

    def error(self, label: QLabel, exc: BaseException) -> None:
        lang = self.shell.languages.current
        say(label, error_text(self.shell.languages, lang, exc), kind="error")

    def run(
        self,
        fn: Callable[[Progress, Cancel], T],
        *,
        done: Callable[[T], None],
        message: QLabel,
        bar: QProgressBar | None = None,
        busy: Sequence[QWidget] | None = None,
        cancel: QWidget | None = None,
    ) -> Job[T]:
        """Run `fn` on the worker with a progress bar; widgets in `busy` are disabled."""
        widgets = busy or []
        for w in widgets:
            w.setEnabled(False)
        if bar is not None:
            bar.setRange(0, 0)
            bar.setVisible(True)
        if cancel is not None:
            cancel.setVisible(True)

        def progress(value: int, total: int) -> None:
            if bar is not None:
                bar.setRange(0, max(total, 0))
                bar.setValue(min(value, total))

        def finished() -> None:
            for w in widgets:
                w.setEnabled(True)
            if bar is not None:
                bar.setVisible(False)
            if cancel is not None:
                cancel.setVisible(False)
            if job in self.jobs:
                self.jobs.remove(job)
            self.job_finished()

        def arrived(result: T) -> None:
            if self.shell.session.is_open:  # a job that ends after a lock shows nothing
                done(result)

        job = self.shell.worker.start(
            fn,
            done=arrived,
            failed=lambda exc: self.error(message, exc),
            progress=progress,
            finished=finished,
        )
        self.jobs.append(job)
        return job

    def job_finished(self) -> None:
        """A job ended and its widgets were enabled again: the screen may read the vault
        again now (during `done` the worker still counts as busy)."""

    def cancel_jobs(self) -> None:
        for job in list(self.jobs):
            job.cancel()
