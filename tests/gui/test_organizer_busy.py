"""The organizer can use the signers table and the dashboard while an import runs (issue
20): the tabs read through their own vault handle, so they show what is committed (and
nothing half-imported) while the worker is inside the next batch's transaction.
Functional only: how long the event loop stalls is measured by bench/gui_import.py, not
asserted here."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tomar.core.intake import pipeline
from tomar.core.intake.store import Store
from tomar.core.signers_view import SignerFilter
from tomar.gui.organizer.workspace import OrganizerScreen

from ..batchkit import enroll, export, new_device, new_organizer, sign
from .conftest import WindowFactory, unlock


class _HeldStore(Store):
    """Stops inside the second batch's transaction, its rows written but not committed,
    until the test lets it go."""

    def __init__(self, release: threading.Event, inside: threading.Event) -> None:
        super().__init__()
        self.release, self.inside, self.calls = release, inside, 0

    def batch(self, conn: Any, *args: Any, **kwargs: Any) -> None:
        super().batch(conn, *args, **kwargs)
        self.calls += 1
        if self.calls == 2:
            self.inside.set()
            assert self.release.wait(30), "the test never let the import go on"


def test_signers_and_dashboard_work_during_an_import(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = new_organizer(tmp_path / "home")
    d = new_device(tmp_path / "dev", org.package)
    enroll(d, org)
    sign(d, "Nina Park", email="nina@example.org")
    sign(d, "Omid Tehrani", city="Boston")
    first = export(d, tmp_path / "b1").path
    sign(d, "Leila Karimi", email="leila@example.org")
    second = export(d, tmp_path / "b2").path
    d.vault.close()
    org.close()
    monkeypatch.setattr(pipeline, "GROUP_BYTES", 0)  # one commit per batch

    window = make_window(tmp_path / "home")
    unlock(qtbot, window)
    screen = window.screens["org"]
    assert isinstance(screen, OrganizerScreen) and screen.intake is not None
    release, inside = threading.Event(), threading.Event()
    screen.intake.importer.store = _HeldStore(release, inside)
    try:
        screen.show_tab("intake")
        screen.intake_tab.import_paths([first, second])
        qtbot.waitUntil(inside.is_set, timeout=20_000)
        assert screen.shell.worker.busy  # the import is still running

        # The dashboard shows what the first batch committed, not the second's rows.
        screen.show_tab("dashboard")
        screen.dashboard_tab.refresh()
        received = screen.dashboard_tab.count_labels["received"]
        assert isinstance(received, QLabel) and received.text() == "2"

        # The signers table: every signer so far, a search, a filter, one signer's detail.
        tab = screen.signers_tab
        screen.show_tab("signers")
        tab.load_signers()
        assert tab.model.rowCount() == 2
        tab.search.setText("Tehrani")
        tab.load_signers()
        assert tab.model.rowCount() == 1 and tab.model.row(0).name == "Omid Tehrani"
        tab.search.setText("")
        tab.filter.setCurrentIndex(tab.filter.findData(SignerFilter.UNIQUE.value))
        assert tab.model.rowCount() == 2
        tab.select_row(0)
        assert "Nina Park" in tab.details.text()
        assert screen.shell.worker.busy
    finally:
        release.set()
    qtbot.waitUntil(lambda: not screen.jobs, timeout=20_000)
    results = screen.intake_tab.results
    assert [results.item(r, 1).text() for r in range(results.rowCount())] == [  # type: ignore[union-attr]
        "Imported",
        "Imported",
    ]
    tab.load_signers()
    assert tab.model.rowCount() == 3
    screen.dashboard_tab.refresh()
    assert screen.dashboard_tab.count_labels["received"].text() == "3"
