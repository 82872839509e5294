"""The organizer workspace: dashboard, intake, devices, signers and outputs.

Shown only with an unlocked organizer vault. `clear()` (lock, leaving) cancels jobs,
stops the folder watch, empties every model and table and drops the `Intake`, so no
signer data stays in a widget once the vault is locked.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QFileSystemWatcher,
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    Qt,
    QTimer,
)
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import countries
from ...core.errors import TomarError
from ...core.identity import device_fingerprint
from ...core.intake import ImportResult, Intake
from ...core.normalize import clean_text
from ...core.sheets.delivery import write_delivery
from ...core.sheets.report import write_report
from ...sync import client as sync_client
from ..i18n import native_name
from ..messages import core_text
from ..screens.base import confirm, say
from ..shell import Shell
from ..worker import Cancel, Progress
from .charts import BarChart
from .common import OrgScreen, button, ltr, plain
from .signers import FILTERS, SignatureView, SignersModel

BATCH_SUFFIX = ".tomar-batch"
MAX_REQUEST = 64 * 1024
WATCH_POLL_MS = 5000
TAB_NAMES = ("dashboard", "intake", "devices", "signers", "outputs")
CSV_NAME = "signers.csv"
#: The export that honours each signer's display choice, as the delivery sheets do.
PUBLIC_CSV_NAME = "signers-public.csv"
DELIVERY_NAME = "delivery-sheets.pdf"
REPORT_NAME = "campaign-report.pdf"


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, _item(value))
    table.resizeColumnsToContents()


class OrganizerScreen(OrgScreen):
    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.intake: Intake | None = None
        self.setAcceptDrops(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        head = QHBoxLayout()
        self.title = plain(wrap=True, name="campaignTitle")
        head.addWidget(self.title, 1)
        self.fpr = plain(name="fingerprintSmall")
        head.addWidget(self.fpr)
        lock = button(self.tr("Lock"), "lockButton", self.shell.lock_now)
        lock.setProperty("role", "lock")
        head.addWidget(lock)
        outer.addLayout(head)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("orgTabs")
        outer.addWidget(self.tabs, 1)
        self._dashboard()
        self._intake_tab()
        self._devices_tab()
        self._signers_tab()
        self._outputs_tab()
        self.tabs.currentChanged.connect(lambda _: self.refresh())
        self.watcher: QFileSystemWatcher | None = None
        self.watch_dir: Path | None = None
        self.seen: set[tuple[str, int, float]] = set()
        self.watch_timer = QTimer(self)
        self.watch_timer.setInterval(WATCH_POLL_MS)
        self.watch_timer.timeout.connect(self.scan_watched)

    def show_tab(self, name: str) -> None:
        self.tabs.setCurrentIndex(TAB_NAMES.index(name))

    # --- dashboard ----------------------------------------------------------------

    def _dashboard(self) -> None:
        page = QWidget()
        v = QVBoxLayout(page)
        counts = QHBoxLayout()
        self.count_labels: dict[str, QLabel] = {}
        titles = {
            "received": self.tr("Received"),
            "unique": self.tr("Unique signers"),
            "duplicates": self.tr("Duplicates"),
            "flagged": self.tr("To review"),
            "voided": self.tr("Voided"),
            "held": self.tr("Held"),
        }
        for key, title in titles.items():
            box = QFrame()
            box.setObjectName(f"{key}Box")
            box.setFrameShape(QFrame.Shape.StyledPanel)
            bl = QVBoxLayout(box)
            value = plain("0", name=f"{key}Value")
            value.setProperty("role", "count")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            bl.addWidget(value)
            t = plain(title, wrap=True)
            t.setAlignment(Qt.AlignmentFlag.AlignCenter)
            bl.addWidget(t)
            self.count_labels[key] = value
            counts.addWidget(box)
        v.addLayout(counts)
        grid = QGridLayout()
        self.charts: dict[str, BarChart] = {}
        chart_titles = {
            "by_day": self.tr("By day"),
            "by_event": self.tr("By event"),
            "by_device": self.tr("By device"),
            "by_country": self.tr("By country"),
        }
        for i, (key, title) in enumerate(chart_titles.items()):
            group = QGroupBox(title)
            gl = QVBoxLayout(group)
            chart = BarChart()
            chart.setObjectName(f"chart_{key}")
            gl.addWidget(chart)
            self.charts[key] = chart
            grid.addWidget(group, i // 2, i % 2)
        v.addLayout(grid, 1)
        v.addWidget(plain(self.tr("Dark bars: received. Light bars: unique signers."), wrap=True))
        self.tabs.addTab(page, self.tr("Dashboard"))

    def refresh_dashboard(self) -> None:
        if self.intake is None:
            return
        stats: Mapping[str, Any] = self.intake.stats()  # read by the keys of the widgets
        locale = QLocale()
        for key, label in self.count_labels.items():
            label.setText(locale.toString(int(stats[key])))
        for key, chart in self.charts.items():
            rows = stats[key]
            if key == "by_device":
                labels = self._device_labels()
                rows = [{**r, "key": labels.get(r["key"], r["key"][:11])} for r in rows]
            elif key == "by_country":
                lang = self.shell.languages.current
                rows = [{**r, "key": countries.name(r["key"], lang)} for r in rows]
            chart.set_rows([(str(r["key"]), int(r["received"]), int(r["unique"])) for r in rows])

    def _device_labels(self) -> dict[str, str]:
        if self.intake is None:
            return {}
        rows = self.intake.vault.conn.execute("SELECT fingerprint, label FROM devices")
        return {str(f): str(label) or str(f)[:11] for f, label in rows}

    # --- intake -------------------------------------------------------------------

    def _intake_tab(self) -> None:
        page = QWidget()
        v = QVBoxLayout(page)
        row = QHBoxLayout()
        self.import_button = button(
            self.tr("Import batch files…"), "importButton", self.choose_batches
        )
        self.watch_button = button(self.tr("Watch a folder…"), "watchButton", self.choose_watch)
        row.addWidget(self.import_button)
        row.addWidget(self.watch_button)
        row.addStretch(1)
        v.addLayout(row)
        v.addWidget(plain(self.tr("Or drop batch files (.tomar-batch) on this window."), wrap=True))
        self.watch_label = plain(wrap=True, name="watchLabel")
        self.watch_label.setVisible(False)
        v.addWidget(self.watch_label)
        pull = QHBoxLayout()
        self.pull_edit = QLineEdit()
        self.pull_edit.setObjectName("pullEdit")
        self.pull_edit.setPlaceholderText(self.tr("Collection server address or shared folder"))
        self.pull_button = button(self.tr("Pull"), "pullButton", self.pull)
        pull.addWidget(self.pull_edit, 1)
        pull.addWidget(self.pull_button)
        v.addLayout(pull)
        self.intake_bar, self.intake_cancel, self.intake_message = self._job_row(v, "intake")
        self.results = _table(
            [
                self.tr("File"),
                self.tr("Result"),
                self.tr("Device"),
                self.tr("Batch"),
                self.tr("Records"),
                self.tr("Details"),
            ],
            "resultsTable",
        )
        v.addWidget(self.results, 2)
        held = QGroupBox(self.tr("Held: devices that were not enrolled"))
        hv = QVBoxLayout(held)
        self.held = _table([self.tr("Device"), self.tr("Batches"), self.tr("Records")], "heldTable")
        hv.addWidget(self.held)
        self.approve_button = button(
            self.tr("Approve the selected device and import its batches"),
            "approveButton",
            self.approve,
        )
        hv.addWidget(self.approve_button)
        v.addWidget(held, 1)
        self.tabs.addTab(page, self.tr("Intake"))

    def status_text(self, status: str) -> str:
        return {
            "imported": self.tr("Imported"),
            "already": self.tr("Already imported"),
            "held": self.tr("Held: device not enrolled"),
            "rejected": self.tr("Rejected"),
        }.get(status, status)

    def add_results(self, results: list[ImportResult]) -> None:
        for r in results:
            row = self.results.rowCount()
            self.results.insertRow(row)
            locale = QLocale()
            values = [
                r.name,
                self.status_text(r.status),
                ltr(r.device[:17]),
                locale.toString(r.number) if r.number else "",
                locale.toString(r.count) if r.count else "",
                core_text(self.shell.languages, self.shell.languages.current, r.message)
                if r.status == "rejected"
                else "",  # the rest is in Result
            ]
            for c, value in enumerate(values):
                self.results.setItem(row, c, _item(value))
        self.results.resizeColumnsToContents()
        self.results.scrollToBottom()

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
            say(self.intake_message, self.tr("Please wait for the current work to finish."))
            return
        say(self.intake_message, self.tr("Importing…"))

        def work(progress: Progress, cancel: Cancel) -> list[ImportResult]:
            return intake.import_files(paths, progress, cancel)

        self.run(
            work,
            done=self._imported,
            message=self.intake_message,
            bar=self.intake_bar,
            cancel=self.intake_cancel,
            busy=[self.import_button, self.pull_button, self.approve_button],
        )

    def _imported(self, results: Any) -> None:
        self.add_results(list(results))
        counts = {s: sum(1 for r in results if r.status == s) for s in ("imported", "rejected")}
        say(
            self.intake_message,
            self.tr("%1 imported, %2 rejected.")
            .replace("%1", self._num(counts["imported"]))
            .replace("%2", self._num(counts["rejected"])),
            kind="error" if counts["rejected"] else "ok",
        )
        self.refresh()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData() is not None else []
        if self.intake is not None and any(u.toLocalFile().endswith(BATCH_SUFFIX) for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls()]
        paths = [p for p in paths if p.name.endswith(BATCH_SUFFIX)]
        if paths:
            event.acceptProposedAction()
            self.show_tab("intake")
            self.import_paths(sorted(paths))

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

    def pull(self) -> None:
        intake = self.intake
        source = self.pull_edit.text().strip() or (intake.campaign.sync_url if intake else None)
        if intake is None or not source:
            say(self.intake_message, self.tr("Give a server address or a folder."), kind="error")
            return

        def work(progress: Progress, cancel: Cancel) -> sync_client.PullResult:
            return sync_client.pull(
                intake, source, progress=lambda _s, d, t: progress(d, t), cancel=cancel
            )

        def done(result: Any) -> None:
            self.add_results(result.imports)
            if result.errors:
                lang = self.shell.languages.current
                lines = [core_text(self.shell.languages, lang, e) for e in result.errors]
                say(self.intake_message, "\n".join(lines), kind="error")
            elif result.cancelled:
                say(self.intake_message, self.tr("Cancelled."))
            else:
                say(
                    self.intake_message,
                    self.tr("%1 new batches, %2 receipts sent.")
                    .replace("%1", self._num(result.downloaded))
                    .replace("%2", self._num(result.receipts_sent)),
                    kind="ok",
                )
            self.refresh()

        say(self.intake_message, self.tr("Pulling…"))
        self.run(
            work,
            done=done,
            message=self.intake_message,
            bar=self.intake_bar,
            cancel=self.intake_cancel,
            busy=[self.import_button, self.pull_button, self.approve_button],
        )

    def refresh_held(self) -> None:
        if self.intake is None:
            return
        rows = self.intake.vault.conn.execute(
            "SELECT device, count(*), sum(record_count) FROM intake_batches "
            "WHERE status = 'held' GROUP BY device ORDER BY device"
        ).fetchall()
        _fill(
            self.held,
            [
                [ltr(device_fingerprint(base64.b64decode(d))), self._num(n), self._num(c or 0)]
                for d, n, c in rows
            ],
        )
        self.approve_button.setEnabled(bool(rows))

    def approve(self) -> None:
        intake = self.intake
        row = self.held.currentRow()
        if intake is None or row < 0:
            say(self.intake_message, self.tr("Choose a device first."), kind="error")
            return
        item = self.held.item(row, 0)
        fpr = item.text().strip("\u2066\u2069") if item is not None else ""

        def work(progress: Progress, cancel: Cancel) -> list[ImportResult]:
            return intake.approve_device(fpr, progress)

        self.run(
            work,
            done=self._imported,
            message=self.intake_message,
            bar=self.intake_bar,
            cancel=self.intake_cancel,
            busy=[self.import_button, self.pull_button, self.approve_button],
        )

    # --- devices ------------------------------------------------------------------

    def _devices_tab(self) -> None:
        page = QWidget()
        v = QVBoxLayout(page)
        row = QHBoxLayout()
        self.enroll_button = button(
            self.tr("Enroll a device from its request file…"), "enrollButton", self.choose_request
        )
        self.revoke_button = button(
            self.tr("Revoke the selected device"), "revokeButton", self.revoke
        )
        row.addWidget(self.enroll_button)
        row.addWidget(self.revoke_button)
        row.addStretch(1)
        v.addLayout(row)
        self.devices_message = plain(wrap=True, name="devicesMessage")
        self.devices_message.setVisible(False)
        v.addWidget(self.devices_message)
        self.devices = _table(
            [
                self.tr("Device"),
                self.tr("Label"),
                self.tr("Status"),
                self.tr("Last batch"),
                self.tr("Last received"),
                self.tr("Records"),
            ],
            "devicesTable",
        )
        v.addWidget(self.devices, 1)
        self.tabs.addTab(page, self.tr("Devices"))

    def refresh_devices(self) -> None:
        if self.intake is None:
            return
        conn = self.intake.vault.conn
        known = {
            str(k): (str(f), str(label), str(s))
            for k, f, label, s in conn.execute(
                "SELECT public_key, fingerprint, label, status FROM devices"
            )
        }
        batches = {
            str(d): (n, t, c, h)
            for d, n, t, c, h in conn.execute(
                "SELECT device, max(CASE WHEN status='imported' THEN number END), "
                "max(received_at), sum(CASE WHEN status='imported' THEN record_count ELSE 0 END), "
                "sum(status='held') FROM intake_batches GROUP BY device"
            )
        }
        words = {
            "enrolled": self.tr("Enrolled"),
            "approved": self.tr("Approved"),
            "revoked": self.tr("Revoked"),
        }
        rows = []
        for key in sorted(set(known) | set(batches)):
            fpr, label, status = known.get(key, (device_fingerprint(base64.b64decode(key)), "", ""))
            number, received, count, held = batches.get(key, (None, None, 0, 0))
            state = words.get(status, "") or (self.tr("Held") if held else self.tr("Unknown"))
            rows.append(
                [
                    ltr(fpr),
                    label,
                    state,
                    self._num(number) if number else "–",
                    ltr(str(received or "–")[:16].replace("T", " ")),
                    self._num(count or 0),
                ]
            )
        _fill(self.devices, rows)

    @staticmethod
    def _num(value: Any) -> str:
        return QLocale().toString(int(value))

    def choose_request(self) -> None:
        self.shell.choose_file(
            self.tr("Enrollment request"),
            self.tr("Enrollment requests (*.tomar-request *.json);;All files (*)"),
            self.enroll,
        )

    def enroll(self, path: str) -> None:
        if not path or self.intake is None:
            return
        source = Path(path)
        try:
            with source.open("rb") as fh:
                data = fh.read(MAX_REQUEST + 1)
            if len(data) > MAX_REQUEST:
                raise TomarError("That file is too large to be an enrollment request.")
            cert, fpr = self.intake.enroll(data)
            out = source.with_name(source.stem + ".tomar-cert")
            from ...core.atomic import atomic_write

            atomic_write(out, cert, mode=0o644, what="the certificate")
        except OSError:
            say(self.devices_message, self.tr("That file cannot be read."), kind="error")
            return
        except TomarError as exc:
            self.error(self.devices_message, exc)
            return
        say(
            self.devices_message,
            self.tr("Device %1 enrolled. Give it the certificate %2.")
            .replace("%1", fpr)
            .replace("%2", str(out)),
            kind="ok",
        )
        self.refresh()

    def revoke(self) -> None:
        row = self.devices.currentRow()
        if row < 0 or self.intake is None:
            say(self.devices_message, self.tr("Choose a device first."), kind="error")
            return
        item = self.devices.item(row, 0)
        fpr = item.text().strip("\u2066\u2069") if item is not None else ""
        confirm(
            self,
            self.tr("Revoke this device?"),
            self.tr("Its next batches will be rejected. What was imported stays."),
            self.tr("Revoke"),
            lambda: self._revoke(fpr),
        )

    def _revoke(self, fpr: str) -> None:
        if self.intake is None:
            return
        try:
            self.intake.revoke_device(fpr)
        except TomarError as exc:
            self.error(self.devices_message, exc)
            return
        say(self.devices_message, self.tr("Device %1 revoked.").replace("%1", fpr), kind="ok")
        self.refresh()

    # --- signers ------------------------------------------------------------------

    def _signers_tab(self) -> None:
        page = QWidget()
        v = QVBoxLayout(page)
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("searchEdit")
        self.search.setPlaceholderText(self.tr("Search name, email, phone, city, event"))
        self.search.setClearButtonEnabled(True)
        self.filter = QComboBox()
        self.filter.setObjectName("filterCombo")
        names = {
            "all": self.tr("All"),
            "unique": self.tr("Unique"),
            "duplicates": self.tr("Duplicates"),
            "flagged": self.tr("To review"),
            "voided": self.tr("Voided"),
        }
        for key in FILTERS:
            self.filter.addItem(names[key], key)
        row.addWidget(self.search, 1)
        row.addWidget(self.filter)
        self.shown_label = plain(name="shownLabel")
        row.addWidget(self.shown_label)
        v.addLayout(row)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(250)
        self.search_timer.timeout.connect(self.load_signers)
        self.search.textChanged.connect(lambda _: self.search_timer.start())
        self.filter.currentIndexChanged.connect(lambda _: self.load_signers())

        split = QSplitter()
        self.model = SignersModel({})
        self.model.lang = self.shell.languages.current
        self.model.headers = [
            self.tr("Time"),
            self.tr("Name"),
            self.tr("City"),
            self.tr("Country"),
            self.tr("Event"),
            self.tr("Source"),
            self.tr("Status"),
        ]
        self.model.source_words = {
            "kiosk": self.tr("kiosk"),
            "paper": self.tr("paper"),
            "cli": self.tr("command line"),
        }
        self.model.status_words = {
            "unique": self.tr("unique"),
            "duplicate": self.tr("duplicate"),
            "voided": self.tr("voided"),
        }
        self.table = QTableView()
        self.table.setObjectName("signersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((150, 160, 110, 120, 140, 90)):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        split.addWidget(self.table)
        side = QWidget()
        sv = QVBoxLayout(side)
        self.signature = SignatureView()
        sv.addWidget(self.signature)
        self.details = plain(wrap=True, name="signerDetails")
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        sv.addWidget(self.details, 1)
        sv.addWidget(plain(self.tr("Possible duplicate of:")))
        self.candidates = QComboBox()
        self.candidates.setObjectName("candidateCombo")
        sv.addWidget(self.candidates)
        buttons = QHBoxLayout()
        self.keep_button = button(self.tr("Keep"), "keepButton", lambda: self.review("keep"))
        self.merge_button = button(self.tr("Merge"), "mergeButton", lambda: self.review("merge"))
        self.distinct_button = button(
            self.tr("Not a duplicate"), "distinctButton", lambda: self.review("distinct")
        )
        for b in (self.keep_button, self.merge_button, self.distinct_button):
            buttons.addWidget(b)
        sv.addLayout(buttons)
        self.review_message = plain(wrap=True, name="reviewMessage")
        self.review_message.setVisible(False)
        sv.addWidget(self.review_message)
        split.addWidget(side)
        side.setMaximumWidth(340)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        v.addWidget(split, 1)
        self.tabs.addTab(page, self.tr("Signers"))
        self._set_review_enabled(False)

    def load_signers(self) -> None:
        if self.intake is None:
            return
        self.model.kinds = {f.name: f.kind for f in self.intake.campaign.fields}
        self.model.load(
            self.intake.vault, str(self.filter.currentData() or "all"), self.search.text()
        )
        self.shown_label.setText(
            self.tr("%1 shown").replace("%1", QLocale().toString(self.model.rowCount()))
        )
        self._show_signer(None)

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self._show_signer(self.model.record_id(rows[0].row()) if rows else None)

    def select_row(self, row: int) -> None:
        """Select a signer row (QTableView.selectRow misses in right-to-left layouts)."""
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def current_record(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record_id(rows[0].row()) if rows else None

    def _set_review_enabled(self, on: bool) -> None:
        for b in (self.keep_button, self.merge_button, self.distinct_button):
            b.setEnabled(on)
        self.merge_button.setEnabled(on and self.candidates.count() > 0)

    def _show_signer(self, record_id: str | None) -> None:
        self.candidates.clear()
        say(self.review_message, "")
        if record_id is None or self.intake is None:
            self.details.setText("")
            self.signature.set_strokes(None)
            self._set_review_enabled(False)
            return
        conn = self.intake.vault.conn
        row = conn.execute(
            "SELECT time, event_name, source, fields, strokes, dup_of, voided_by, review, "
            "device, name_city, translit, display FROM signers WHERE record_id = ?",
            (record_id,),
        ).fetchone()
        if row is None:
            return
        try:
            fields = json.loads(row[3])
        except ValueError:
            fields = {}
        lang = self.shell.languages.current
        lines = []
        for f in self.intake.campaign.fields:
            value = fields.get(f.name) if isinstance(fields, dict) else None
            value = clean_text(str(value)) if value else ""  # one line, whatever was sent
            if value:
                shown = ltr(value) if f.kind in ("phone", "email", "postal_code") else value
                lines.append(f"{f.label_for(lang)}: {shown}")
        lines.append(self.tr("Time: %1").replace("%1", ltr(str(row[0]).replace("T", " ")[:19])))
        lines.append(self.tr("Event: %1").replace("%1", clean_text(str(row[1])) or "–"))
        lines.append(
            self.tr("Source: %1").replace("%1", self.model.source_words.get(row[2], row[2]))
        )
        display = {
            "full": self.tr("full name"),
            "initials": self.tr("initials"),
            "hidden": self.tr("withheld"),
        }
        lines.append(
            self.tr("Name on sheets: %1").replace("%1", display.get(row[11], str(row[11])))
        )
        lines.append(
            self.tr("Device: %1").replace("%1", ltr(device_fingerprint(base64.b64decode(row[8]))))
        )
        if row[7]:
            lines.append(self.tr("Reviewed: %1").replace("%1", str(row[7])))
        self.details.setText("\n".join(lines))
        self.signature.set_strokes(bytes(row[4]) if row[4] is not None else None)
        # Candidates: the original of a duplicate, or originals with the same name+city.
        cands = conn.execute(
            "SELECT record_id, name, time FROM signers WHERE record_id IN ("
            "SELECT ? UNION SELECT record_id FROM signers WHERE name_city = ? "
            "UNION SELECT record_id FROM signers WHERE translit = ?) "
            "AND record_id != ? AND voided_by IS NULL AND dup_of IS NULL "
            "ORDER BY time LIMIT 20",
            (row[5], row[9], row[10], record_id),
        ).fetchall()
        for rid, name, time in cands:
            self.candidates.addItem(f"{clean_text(str(name))} · {str(time)[:10]}", rid)
        self._set_review_enabled(row[6] is None)

    def review(self, decision: str) -> None:
        record_id = self.current_record()
        if record_id is None or self.intake is None:
            return
        other = self.candidates.currentData() if decision == "merge" else None
        try:
            self.intake.mark_review(record_id, decision, other)
        except TomarError as exc:
            self.error(self.review_message, exc)
            return
        words = {
            "keep": self.tr("Kept."),
            "merge": self.tr("Merged: counted once."),
            "distinct": self.tr("Marked as not a duplicate."),
        }
        current = self.table.currentIndex().row()
        self.model.load(
            self.intake.vault, str(self.filter.currentData() or "all"), self.search.text()
        )
        if 0 <= current < self.model.rowCount():
            self.select_row(current)
        say(self.review_message, words[decision], kind="ok")

    # --- outputs ------------------------------------------------------------------

    def _outputs_tab(self) -> None:
        page = QWidget()
        v = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(plain(self.tr("Language of the sheets")))
        self.sheet_lang = QComboBox()
        self.sheet_lang.setObjectName("sheetLangCombo")
        row.addWidget(self.sheet_lang)
        row.addStretch(1)
        v.addLayout(row)
        grid = QGridLayout()
        self.output_buttons: list[QPushButton] = []
        actions = [
            ("csvButton", self.tr("Export CSV…"), "csv"),
            ("publicCsvButton", self.tr("Public CSV (as each signer chose)…"), "public_csv"),
            ("deliveryButton", self.tr("Delivery sheets (PDF)…"), "delivery"),
            ("reportButton", self.tr("Campaign report (PDF)…"), "report"),
            ("receiptsButton", self.tr("Receipts for devices…"), "receipts"),
        ]
        for i, (name, text, what) in enumerate(actions):
            b = button(text, name, self._output_action(what))
            b.setProperty("role", "action")
            self.output_buttons.append(b)
            grid.addWidget(b, i // 2, i % 2)
        v.addLayout(grid)
        v.addWidget(
            plain(
                self.tr(
                    "Delivery sheets and the CSV hold names: print, then delete the file. "
                    "Nothing is kept anywhere else."
                ),
                wrap=True,
            )
        )
        self.output_bar, self.output_cancel, self.output_message = self._job_row(v, "output")
        v.addStretch(1)
        self.tabs.addTab(page, self.tr("Outputs"))

    def _job_row(self, v: QVBoxLayout, name: str) -> tuple[QProgressBar, QPushButton, QLabel]:
        """A progress bar with its Cancel button, and a message line below: hidden until used."""
        row = QHBoxLayout()
        bar = QProgressBar()
        bar.setVisible(False)
        row.addWidget(bar, 1)
        cancel = button(self.tr("Cancel"), f"{name}Cancel", self.cancel_jobs)
        cancel.setVisible(False)
        row.addWidget(cancel)
        v.addLayout(row)
        message = plain(wrap=True, name=f"{name}Message")
        message.setVisible(False)
        v.addWidget(message)
        return bar, cancel, message

    def _output_action(self, what: str) -> Callable[[], None]:
        return lambda: self.choose_output(what)

    def choose_output(self, what: str) -> None:
        self.shell.choose_folder(self.tr("Where to save"), lambda d: self.write_output(what, d))

    def write_output(self, what: str, folder: str) -> None:
        intake = self.intake
        if not folder or intake is None:
            return
        vault = intake.vault
        lang = str(self.sheet_lang.currentData() or intake.campaign.languages[0])
        out_dir = Path(folder)

        def work(progress: Progress, cancel: Cancel) -> str:
            if what == "csv":
                progress(0, 0)
                intake.export_csv(out_dir / CSV_NAME)
                return str(out_dir / CSV_NAME)
            if what == "public_csv":
                progress(0, 0)
                intake.export_csv(out_dir / PUBLIC_CSV_NAME, public=True)
                return str(out_dir / PUBLIC_CSV_NAME)
            if what == "delivery":
                write_delivery(
                    vault, out_dir / DELIVERY_NAME, lang=lang, progress=progress, cancel=cancel
                )
                return str(out_dir / DELIVERY_NAME)
            if what == "report":
                write_report(
                    vault, out_dir / REPORT_NAME, lang=lang, progress=progress, cancel=cancel
                )
                return str(out_dir / REPORT_NAME)
            written = intake.write_receipts(out_dir)
            return str(len(written))

        def done(result: Any) -> None:
            if what == "receipts":
                text = self.tr("%1 receipts written.").replace("%1", self._num(result))
            else:
                text = self.tr("Saved: %1").replace("%1", str(result))
            say(self.output_message, text, kind="ok")

        say(self.output_message, self.tr("Working…"))
        self.run(
            work,
            done=done,
            message=self.output_message,
            bar=self.output_bar,
            cancel=self.output_cancel,
            busy=self.output_buttons,
        )

    # --- screen duties --------------------------------------------------------------

    def refresh(self) -> None:
        if self.intake is None or self.shell.worker.busy:
            return
        name = TAB_NAMES[self.tabs.currentIndex()]
        if name == "dashboard":
            self.refresh_dashboard()
        elif name == "intake":
            self.refresh_held()
        elif name == "devices":
            self.refresh_devices()
        elif name == "signers":
            self.load_signers()

    def enter(self) -> None:
        session = self.shell.session
        vault = session.device.vault
        if self.intake is None:
            self.intake = Intake(vault, workers=1)
        campaign = self.intake.campaign
        lang = self.shell.languages.current
        self.title.setText(
            campaign.text("title", lang if lang in campaign.languages else campaign.languages[0])
        )
        self.fpr.setText(ltr(campaign.organizer_fingerprint))
        self.sheet_lang.clear()
        for code in campaign.languages:
            self.sheet_lang.addItem(native_name(code), code)
        if lang in campaign.languages:
            self.sheet_lang.setCurrentIndex(campaign.languages.index(lang))
        self.refresh()

    def clear(self) -> None:
        self.cancel_jobs()
        self.stop_watch()
        self.search_timer.stop()
        self.model.clear()
        self.search.clear()
        self.details.setText("")
        self.signature.set_strokes(None)
        self.candidates.clear()
        for table in (self.results, self.held, self.devices):
            table.setRowCount(0)
        for label in self.count_labels.values():
            label.setText("0")
        for chart in self.charts.values():
            chart.set_rows([])
        for label in (
            self.intake_message,
            self.devices_message,
            self.review_message,
            self.output_message,
        ):
            say(label, "")
        self.pull_edit.clear()
        self.title.setText("")
        self.fpr.setText("")
        if self.intake is not None:
            self.intake.close()
        self.intake = None
