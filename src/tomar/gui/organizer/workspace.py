"""The organizer workspace: the campaign header, five tabs, and the screen's duties.

Each tab is its own module and form (`tabs/*.py`, `ui/org_*.ui`); this screen holds the
`Intake` they share, runs their jobs on the app's one worker, and takes batch files
dropped anywhere on the window. `clear()` (lock, leaving) cancels jobs, stops the folder
watch, empties every model and table and drops the `Intake`, so no signer data stays in
a widget once the vault is locked.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget

from ...core import countries
from ...core.intake import Intake
from ...core.vault import Vault
from ..shell import Shell
from .common import OrgScreen, ltr
from .tabs.base import OrgTab
from .tabs.dashboard import DashboardTab
from .tabs.devices import DevicesTab
from .tabs.intake import BATCH_SUFFIX, IntakeTab
from .tabs.outputs import CSV_NAME, DELIVERY_NAME, PUBLIC_CSV_NAME, REPORT_NAME, OutputsTab
from .tabs.signers import SignersTab

__all__ = ["CSV_NAME", "DELIVERY_NAME", "PUBLIC_CSV_NAME", "REPORT_NAME", "OrganizerScreen"]
TAB_NAMES = ("dashboard", "intake", "devices", "signers", "outputs")


class OrganizerScreen(OrgScreen):
    ui_name = "org_workspace"

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.intake: Intake | None = None
        #: What the tabs read through while a job writes through `intake` (Vault.reader).
        self.reader: Vault | None = None
        self.setAcceptDrops(True)
        self.title = self.w(QLabel, "campaignTitle")
        self.fpr = self.w(QLabel, "fingerprintSmall")
        self.w(QPushButton, "lockButton").clicked.connect(self.shell.lock_now)
        self.tabs = self.w(QTabWidget, "orgTabs")
        self.dashboard_tab = DashboardTab(self)
        self.intake_tab = IntakeTab(self)
        self.devices_tab = DevicesTab(self)
        self.signers_tab = SignersTab(self)
        self.outputs_tab = OutputsTab(self)
        titles = (
            self.tr("Dashboard"),
            self.tr("Intake"),
            self.tr("Devices"),
            self.tr("Signers"),
            self.tr("Outputs"),
        )
        for tab, title in zip(self.all_tabs, titles, strict=True):
            self.tabs.addTab(tab, title)
        self.tabs.currentChanged.connect(lambda _: self.refresh())

    @property
    def all_tabs(self) -> tuple[OrgTab, ...]:
        return (
            self.dashboard_tab,
            self.intake_tab,
            self.devices_tab,
            self.signers_tab,
            self.outputs_tab,
        )

    def show_tab(self, name: str) -> None:
        self.tabs.setCurrentIndex(TAB_NAMES.index(name))

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
            self.intake_tab.import_paths(sorted(paths))

    def refresh(self) -> None:
        """Read the vault again for the tab shown (only between jobs)."""
        if self.intake is None or self.shell.worker.busy:
            return
        self.all_tabs[self.tabs.currentIndex()].refresh()

    def job_finished(self) -> None:
        self.refresh()  # buttons enabled for the job's sake follow the vault again

    def enter(self) -> None:
        vault = self.shell.session.device.vault
        if self.intake is None:
            # Records are opened (decrypted, checked, cleaned) in worker processes, never
            # in this one: opened here they held the interpreter's lock in turn with the
            # event loop and froze the window for up to seconds (bench/gui_import.py), and
            # a library's first use (ZIP codes) held it for seconds at once.
            self.intake = Intake(vault, workers=max(2, os.cpu_count() or 2))
        if self.reader is None:
            self.reader = vault.reader()
        # The dashboard's country names come from data loaded on first use (a quarter of a
        # second on a quiet machine, seconds on a busy one, with the GIL held: nothing else
        # runs). Loaded here, as the screen opens, not when the first country shows up in
        # the middle of an import (bench/gui_import.py: a 5 s freeze at its end).
        countries.name("US", "en")
        campaign = self.intake.campaign
        lang = self.shell.languages.current
        self.title.setText(
            campaign.text("title", lang if lang in campaign.languages else campaign.languages[0])
        )
        self.fpr.setText(ltr(campaign.organizer_fingerprint))
        for tab in self.all_tabs:
            tab.enter()
        self.refresh()

    def clear(self) -> None:
        self.cancel_jobs()
        for tab in self.all_tabs:
            tab.clear()
        self.title.setText("")
        self.fpr.setText("")
        if self.intake is not None:
            self.intake.close()
        self.intake = None
        if self.reader is not None:
            self.reader.close()
        self.reader = None
