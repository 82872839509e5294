"""Records: what the device holds, as metadata only, the export of a batch, and sync.

The list shows only non-identifying metadata (`Device.record_lines`: time, event, source,
kind, void and export status); it never decrypts anything (it cannot: records are sealed to
the organizer). Export runs `tomar.core.batch.export` through the worker, with progress
and a cooperative Cancel (the core stops at the next record and writes nothing). Sync
runs `tomar.sync.client.sync_device` the same way, to the campaign's server or a folder.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
)

from ...core import batch
from ...core.device import RecordKind
from ...sync import client
from ..messages import core_text, error_text
from ..shell import Shell
from ..worker import Cancel, Job, Progress
from .base import Screen, say

LIMIT = 2000


class RecordsScreen(Screen):
    ui_name = "records"
    scrolls = True

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.model = QStandardItemModel(0, 5, self)
        self.table = self.w(QTableView, "table")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.progress = self.w(QProgressBar, "progressBar")
        self.export_button = self.w(QPushButton, "exportButton")
        self.cancel_button = self.w(QPushButton, "cancelButton")
        self.back_button = self.w(QPushButton, "backButton")
        self.sync_button = self.w(QPushButton, "syncButton")
        self.sync_button.clicked.connect(self.start_sync)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.back_button.clicked.connect(lambda: self.shell.go("home"))
        self.job: Job[object] | None = None

    def enter(self) -> None:
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Event"),
                self.tr("Source"),
                self.tr("Status"),
                self.tr("Exported"),
            ]
        )
        self.refresh()
        self._busy(False)
        say(self.w(QLabel, "statusLabel"), "")
        self._show_sync_state()

    def refresh(self) -> None:
        device = self.shell.session.device
        lines = device.record_lines(LIMIT)
        sources = {
            "kiosk": self.tr("Kiosk"),
            "paper": self.tr("Paper"),
            "cli": self.tr("Command line"),
        }
        locale = QLocale()
        self.model.removeRows(0, self.model.rowCount())
        for line in lines:
            if line.kind is RecordKind.VOID:
                status = self.tr("Void note")
            else:
                status = self.tr("Voided") if line.voided else self.tr("Valid")
            exported = (
                self.tr("No")
                if line.exported_batch is None
                else self.tr("Batch %1").replace("%1", locale.toString(line.exported_batch))
            )
            cells = [
                _local_time(line.created_at, locale),
                line.event,
                sources.get(line.source, line.source),
                status,
                exported,
            ]
            self.model.appendRow([QStandardItem(text) for text in cells])
        counts = device.counts()
        say(
            self.w(QLabel, "summaryLabel"),
            self.tr("%Ln valid signatures.", "", int(counts["total"]))
            + " "
            + self.tr("%Ln waiting for export.", "", int(counts["pending_export"])),
        )

    def clear(self) -> None:
        self.model.removeRows(0, self.model.rowCount())

    # --- export ---------------------------------------------------------------------

    def _busy(self, busy: bool) -> None:
        self.export_button.setEnabled(not busy)
        self.sync_button.setEnabled(not busy)
        self.back_button.setEnabled(not busy)
        self.cancel_button.setVisible(busy)
        self.progress.setVisible(busy)

    def start_export(self) -> None:
        if self.job is not None:
            return
        self.shell.choose_folder(self.tr("Export to folder"), self.export_to)

    def export_to(self, folder: str) -> None:
        if not self.shell.session.is_open or self.job is not None:
            return
        device = self.shell.session.device
        out_dir = Path(folder)

        def work(progress: Progress, cancel: Cancel) -> batch.Exported:
            return batch.export(device, out_dir, progress=progress, cancel=cancel)

        self._busy(True)
        self.progress.setRange(0, 0)
        say(self.w(QLabel, "statusLabel"), self.tr("Exporting…"))
        self.job = self.shell.worker.start(
            work,
            progress=self._progress,
            done=self._exported,
            failed=self._failed,
            finished=self._finished,
        )

    def cancel_export(self) -> None:
        if self.job is not None:
            self.job.cancel()
            say(self.w(QLabel, "statusLabel"), self.tr("Cancelling…"))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _exported(self, result: batch.Exported) -> None:
        text = (
            self.tr("Batch %1 with %Ln records written to %2", "", result.count)
            .replace("%1", QLocale().toString(result.number))
            .replace("%2", str(result.path))
        )
        say(self.w(QLabel, "statusLabel"), text, kind="ok")

    def _failed(self, exc: BaseException) -> None:
        say(
            self.w(QLabel, "statusLabel"),
            error_text(self.shell.languages, self.shell.languages.current, exc),
            kind="error",
        )

    def _finished(self) -> None:
        self.job = None
        self._busy(False)
        if self.shell.session.is_open and self.isVisible():
            self.refresh()
            self._show_sync_state()

    # --- sync -----------------------------------------------------------------------

    def _show_sync_state(self) -> None:
        """Last successful sync and what still waits for the organizer's receipt."""
        device = self.shell.session.device
        last = client.last_sync(device)
        pending = len(device.pending_batches())
        when = self.tr("never") if last is None else _local_time(last, QLocale())
        say(
            self.w(QLabel, "syncLabel"),
            self.tr("Last successful sync: %1. Batches waiting for a receipt: %2.")
            .replace("%1", when)
            .replace("%2", QLocale().toString(pending)),
        )

    def start_sync(self) -> None:
        if self.job is not None:
            return
        target = client.default_target(self.shell.session.device)
        if target:
            self.sync_to(target, remember=False)
        else:
            self.shell.choose_folder(
                self.tr("Sync through folder"), lambda f: self.sync_to(f, remember=True)
            )

    def sync_to(self, target: str, *, remember: bool) -> None:
        if not self.shell.session.is_open or self.job is not None:
            return
        device = self.shell.session.device

        def work(progress: Progress, cancel: Cancel) -> client.SyncResult:
            result = client.sync_device(
                device, target, progress=lambda _s, d, t: progress(d, t), cancel=cancel
            )
            if remember and result.ok:
                client.remember_target(device, target)
            return result

        self._busy(True)
        self.progress.setRange(0, 0)
        say(self.w(QLabel, "statusLabel"), self.tr("Syncing…"))
        self.job = self.shell.worker.start(
            work,
            progress=self._progress,
            done=self._synced,
            failed=self._failed,
            finished=self._finished,
        )

    def _synced(self, result: client.SyncResult) -> None:
        locale = QLocale()
        if result.cancelled:
            say(self.w(QLabel, "statusLabel"), self.tr("Sync cancelled. Nothing was lost."))
            return
        text = (
            self.tr("New records sent: %1. Records the organizer confirmed: %2.")
            .replace("%1", locale.toString(result.exported))
            .replace("%2", locale.toString(result.records_accepted))
        )
        if result.errors:
            # The sync layer's sentences are written for volunteers; shown as plain text.
            lines = [
                core_text(self.shell.languages, self.shell.languages.current, e)
                for e in result.errors
            ]
            say(self.w(QLabel, "statusLabel"), "\n".join([text, *lines]), kind="error")
        else:
            say(self.w(QLabel, "statusLabel"), text, kind="ok")


def _local_time(iso: str, locale: QLocale) -> str:
    """A stored UTC time in the local time zone, in the interface's short format."""
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return iso
    stamp = QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )
    return locale.toString(stamp, QLocale.FormatType.ShortFormat)
