"""Intake: batch files (a dialog, drag and drop, a watched folder), a pull from the
collection server or a shared folder, and the approval of held devices.

The watched folder is polled every `WATCH_POLL_MS` besides QFileSystemWatcher, since some
file systems send no change events; a file is imported once per (name, size, time).

Approving a device trusts every batch it ever signs, and a held batch may come from an
infiltrator's device: approval first shows the device's fingerprint in large type and asks
the organizer to compare it with the one on the volunteer's screen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QFileSystemWatcher, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ....core.batches_view import held_devices
from ....core.intake import ImportResult, ImportStatus
from ....sync import client as sync_client
from ...messages import core_text
from ...screens.base import say
from ...worker import Cancel, Progress
from ..common import ltr
from .base import OrgTab, fill, item, num, selected_key

if TYPE_CHECKING:
    from ..workspace import OrganizerScreen

BATCH_SUFFIX = ".tomar-batch"
WATCH_POLL_MS = 5000
T = TypeVar("T")


class IntakeTab(OrgTab):
    ui_name = "org_intake"

    def __init__(self, host: OrganizerScreen) -> None:
        super().__init__(host)
        self.import_button = self.w(QPushButton, "importButton")
        self.watch_button = self.w(QPushButton, "watchButton")
        self.pull_button = self.w(QPushButton, "pullButton")
        self.approve_button = self.w(QPushButton, "approveButton")
        self.pull_edit = self.w(QLineEdit, "pullEdit")
        self.watch_label = self.w(QLabel, "watchLabel")
        self.message = self.w(QLabel, "intakeMessage")
        self.bar = self.w(QProgressBar, "intakeBar")
        self.cancel = self.w(QPushButton, "intakeCancel")
        self.results = self.w(QTableWidget, "resultsTable")
        self.held = self.w(QTableWidget, "heldTable")
        self.import_button.clicked.connect(self.choose_batches)
        self.watch_button.clicked.connect(self.choose_watch)
        self.pull_button.clicked.connect(self.pull)
        self.approve_button.clicked.connect(self.approve)
        self.cancel.clicked.connect(host.cancel_jobs)
        self.watcher: QFileSystemWatcher | None = None
        self.watch_dir: Path | None = None
        self.seen: set[tuple[str, int, float]] = set()
        self.watch_timer = QTimer(self)
        self.watch_timer.setInterval(WATCH_POLL_MS)
        self.watch_timer.timeout.connect(self.scan_watched)
        self.confirm_box: ApproveDialog | None = None
        self.approve_button.setEnabled(False)  # until there is a held device

    # --- results ------------------------------------------------------------------

    def status_text(self, status: str) -> str:
        return {
            "imported": self.tr("Imported"),
            "already": self.tr("Already imported"),
            "held": self.tr("Held: device not enrolled"),
            "rejected": self.tr("Rejected"),
        }.get(status, status)

    def add_results(self, results: list[ImportResult], *, approved: bool = False) -> None:
        """One row per batch; batches of a device just approved are named in words (the
        core names them by digest, which tells an organizer nothing)."""
        languages = self.shell.languages
        for r in results:
            row = self.results.rowCount()
            self.results.insertRow(row)
            name = r.name
            if approved:
                name = (
                    self.tr("Held batch %1 of the approved device").replace("%1", num(r.number))
                    if r.number
                    else self.tr("Held batch of the approved device")
                )
            values = [
                name,
                self.status_text(r.status),
                ltr(r.device[:17]),
                num(r.number) if r.number else "",
                num(r.count) if r.count else "",
                core_text(languages, languages.current, r.message)
                if r.status == "rejected"
                else "",  # the rest is in Result
            ]
            for c, value in enumerate(values):
                self.results.setItem(row, c, item(value))
        self.results.resizeColumnsToContents()
        self.results.scrollToBottom()

    def _run(self, work: Callable[[Progress, Cancel], T], done: Callable[[T], None]) -> None:
        self.host.run(
            work,
            done=done,
            message=self.message,
            bar=self.bar,
            cancel=self.cancel,
            busy=[self.import_button, self.pull_button, self.approve_button],
        )

    # --- files ----------------------------------------------------------------------

    def choose_batches(self) -> None:
        self.shell.choose_file(
            self.tr("Batch file"),
            self.tr("Batches (*.tomar-batch);;All files (*)"),
            lambda path: self.import_paths([Path(path)]) if path else None,
        )

    def import_paths(self, paths: list[Path]) -> None:
        intake = self.intake
        if intake is None or not paths:
            return
        if self.shell.worker.busy:
            say(self.message, self.tr("Please wait for the current work to finish."))
            return
        say(self.message, self.tr("Importing…"))

        def work(progress: Progress, cancel: Cancel) -> list[ImportResult]:
            return intake.import_files(paths, progress, cancel)

        self._run(work, self._imported)

    def _imported(self, results: list[ImportResult]) -> None:
        self.add_results(list(results))
        self.say_counts(list(results))

    def _approved(self, results: list[ImportResult]) -> None:
        self.add_results(list(results), approved=True)
        self.say_counts(list(results))

    def say_counts(self, results: list[ImportResult]) -> None:
        """The status line names every outcome that happened, held batches too (a green
        "0 imported" would hide a batch waiting for approval)."""
        counts = {s: sum(1 for r in results if r.status == s) for s in ImportStatus}
        parts = [self.tr("%Ln imported", "", counts[ImportStatus.IMPORTED])]
        if counts[ImportStatus.ALREADY]:
            parts.append(self.tr("%Ln already imported", "", counts[ImportStatus.ALREADY]))
        if counts[ImportStatus.HELD]:
            held = counts[ImportStatus.HELD]
            parts.append(self.tr("%Ln held until you approve their device", "", held))
        parts.append(self.tr("%Ln rejected", "", counts[ImportStatus.REJECTED]))
        kind = "ok"
        if counts[ImportStatus.REJECTED]:
            kind = "error"
        elif counts[ImportStatus.HELD]:
            kind = "info"
        say(self.message, self.tr("%1.").replace("%1", self.tr(", ").join(parts)), kind=kind)
        self.host.refresh()

    # --- the watched folder -----------------------------------------------------------

    def choose_watch(self) -> None:
        self.shell.choose_folder(self.tr("Folder to watch"), self.watch)

    def watch(self, folder: str) -> None:
        if not folder or self.intake is None:
            return
        self.stop_watch()
        self.watch_dir = Path(folder)
        self.watcher = QFileSystemWatcher([folder], self)
        self.watcher.directoryChanged.connect(lambda _: self.scan_watched())
        self.watch_timer.start()  # also polls: file systems that send no change events
        say(self.watch_label, self.tr("Watching %1 for new batches.").replace("%1", folder))
        self.scan_watched()

    def stop_watch(self) -> None:
        self.watch_timer.stop()
        if self.watcher is not None:
            self.watcher.deleteLater()
        self.watcher = None
        self.watch_dir = None
        self.seen = set()
        say(self.watch_label, "")

    def scan_watched(self) -> None:
        folder = self.watch_dir
        if folder is None or self.intake is None or self.shell.worker.busy:
            return
        new = []
        try:
            for path in sorted(folder.glob(f"*{BATCH_SUFFIX}")):
                st = path.stat()
                key = (path.name, st.st_size, st.st_mtime)
                if key not in self.seen:
                    self.seen.add(key)
                    new.append(path)
        except OSError:
            return
        if new:
            self.import_paths(new)

    # --- pull -------------------------------------------------------------------------

    def pull(self) -> None:
        intake = self.intake
        source = self.pull_edit.text().strip() or (intake.campaign.sync_url if intake else None)
        if intake is None or not source:
            say(self.message, self.tr("Give a server address or a folder."), kind="error")
            return

        def work(progress: Progress, cancel: Cancel) -> sync_client.PullResult:
            return sync_client.pull(
                intake, source, progress=lambda _s, d, t: progress(d, t), cancel=cancel
            )

        def done(result: sync_client.PullResult) -> None:
            self.add_results(result.imports)
            if result.errors:
                languages = self.shell.languages
                lines = [core_text(languages, languages.current, e) for e in result.errors]
                say(self.message, "\n".join(lines), kind="error")
            elif result.cancelled:
                say(self.message, self.tr("Cancelled."))
            else:
                parts = [
                    self.tr("%Ln new batches", "", result.downloaded),
                    self.tr("%Ln receipts sent", "", result.receipts_sent),
                ]
                text = self.tr("%1.").replace("%1", self.tr(", ").join(parts))
                held = sum(1 for r in result.imports if r.status == ImportStatus.HELD)
                if held:  # said, not hidden behind a green line
                    waiting = self.tr("%Ln held until you approve their device", "", held)
                    text += " " + self.tr("%1.").replace("%1", waiting)
                say(self.message, text, kind="info" if held else "ok")
            self.host.refresh()

        say(self.message, self.tr("Pulling…"))
        self._run(work, done)

    # --- held devices -----------------------------------------------------------------

    def refresh(self) -> None:
        self.refresh_held()

    def refresh_held(self) -> None:
        if self.intake is None:
            return
        held = held_devices(self.intake.vault)
        fill(
            self.held,
            [[ltr(d.fingerprint), num(d.batches), num(d.records)] for d in held],
            keys=[d.fingerprint for d in held],
        )
        if held and self.held.currentRow() < 0:
            self.held.setCurrentCell(0, 0)  # (selectRow misses in right-to-left layouts)
        self.approve_button.setEnabled(bool(held))

    def approve(self) -> None:
        """Ask to compare fingerprints first; only a "yes" imports the device's batches."""
        fpr = selected_key(self.held)
        if self.intake is None or fpr is None:
            say(self.message, self.tr("Choose a device first."), kind="error")
            return
        self.confirm_box = ApproveDialog(self, fpr)
        self.confirm_box.accepted.connect(lambda: self._approve(fpr))
        self.confirm_box.open()

    def _approve(self, fpr: str) -> None:
        intake = self.intake
        if intake is None:
            return
        say(self.message, self.tr("Importing…"))

        def work(progress: Progress, cancel: Cancel) -> list[ImportResult]:
            return intake.approve_device(fpr, progress)

        self._run(work, self._approved)

    def clear(self) -> None:
        if self.confirm_box is not None:
            self.confirm_box.reject()
            self.confirm_box = None
        self.stop_watch()
        for table in (self.results, self.held):
            table.setRowCount(0)
        say(self.message, "")
        self.pull_edit.clear()


class ApproveDialog(QDialog):
    """The device's fingerprint in large type, to compare with the volunteer's screen;
    Cancel is the default button, so Enter approves nothing."""

    def __init__(self, parent: QWidget, fingerprint: str) -> None:
        super().__init__(parent)
        self.setObjectName("approveDialog")
        self.setWindowTitle("Tomar")
        self.setModal(True)
        layout = QVBoxLayout(self)
        question = QLabel(self.tr("Approve this device?"))
        question.setObjectName("approveQuestion")
        question.setStyleSheet("font-weight: bold; font-size: 14pt;")
        layout.addWidget(question)
        explain = QLabel(
            self.tr(
                "Ask the volunteer to open Settings on their device and read you its device "
                "fingerprint. Approve only if every group below is the same. Once approved, "
                "every batch this device sends is imported."
            )
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.fingerprint = QLabel(ltr(fingerprint))
        self.fingerprint.setObjectName("approveFingerprint")
        self.fingerprint.setTextFormat(Qt.TextFormat.PlainText)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fingerprint.setStyleSheet(
            "font-family: monospace; font-size: 22pt; font-weight: bold; padding: 12px;"
        )
        self.fingerprint.setAccessibleName(self.tr("Device fingerprint"))
        layout.addWidget(self.fingerprint)
        buttons = QDialogButtonBox()
        self.yes = buttons.addButton(
            self.tr("They are the same: approve"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.yes.setObjectName("approveYes")
        self.no = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.no.setObjectName("approveNo")
        self.yes.setAutoDefault(False)
        self.no.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
