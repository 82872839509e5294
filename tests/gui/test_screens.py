"""Paper entry, records and export, settings and languages, through the real widgets."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
)
from pytestqt.qtbot import QtBot

from tomar.gui import settings as gui_settings
from tomar.gui.i18n import Languages
from tomar.gui.paths import i18n_dir
from tomar.gui.screens.paper import PaperScreen

from .conftest import WindowFactory, click, prepared_home, type_text, unlock


def test_paper_rows_are_sealed_and_marked(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window(prepared_home(tmp_path / "home"))
    unlock(qtbot, window)
    click(qtbot, window.screens["home"].w(QPushButton, "paperButton"))
    paper = window.screens["paper"]
    assert isinstance(paper, PaperScreen) and paper.signer_form is not None
    type_text(qtbot, paper.w(QLineEdit, "serialEdit"), "A-0012")
    paper.w(QSpinBox, "rowSpin").setValue(7)
    type_text(qtbot, paper.signer_form.edits["full_name"], "Canary Paper")
    type_text(qtbot, paper.signer_form.edits["city"], "Arlington")
    click(qtbot, paper.w(QPushButton, "saveButton"))
    assert "consent" not in paper.w(QLabel, "messageLabel").text().lower()
    assert paper.w(QLabel, "consentProblem").isVisible()  # consent was not ticked
    paper.w(QCheckBox, "consentCheck").setChecked(True)
    click(qtbot, paper.w(QPushButton, "saveButton"))
    assert paper.w(QLabel, "messageLabel").text() == "Row 7 of sheet A-0012 is saved and sealed."
    assert paper.signer_form.edits["full_name"].text() == ""
    assert paper.w(QSpinBox, "rowSpin").value() == 8
    row = window.session.device.vault.conn.execute(
        "SELECT source, paper_serial, paper_row FROM records WHERE kind = 'signature'"
    ).fetchall()
    assert [tuple(r) for r in row] == [("paper", "A-0012", 7)]

    # The same row twice is refused before anything is written.
    paper.w(QSpinBox, "rowSpin").setValue(7)
    type_text(qtbot, paper.signer_form.edits["full_name"], "Canary Twice")
    type_text(qtbot, paper.signer_form.edits["city"], "Arlington")
    paper.w(QCheckBox, "consentCheck").setChecked(True)
    click(qtbot, paper.w(QPushButton, "saveButton"))
    assert "already entered" in paper.w(QLabel, "messageLabel").text()
    assert window.session.device.counts()["paper"] == 1


def test_records_show_metadata_only_and_export(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    from ..conftest import form

    home = prepared_home(tmp_path / "home")
    window = make_window(home)
    unlock(qtbot, window)
    device = window.session.device
    for name in ("Canary One", "Canary Two"):
        device.save(form(name))
    click(qtbot, window.screens["home"].w(QPushButton, "recordsButton"))
    records = window.screens["records"]
    table = records.w(QTableView, "table")
    model = table.model()
    assert model.rowCount() == 2
    cells = [str(model.index(r, c).data()) for r in range(model.rowCount()) for c in range(5)]
    assert not any("Canary" in cell for cell in cells)
    assert "Rally" in cells

    out = tmp_path / "usb"
    out.mkdir()
    window.choose_folder = lambda title, done: done(str(out))  # type: ignore[method-assign]
    click(qtbot, records.w(QPushButton, "exportButton"))
    qtbot.waitUntil(lambda: records.w(QPushButton, "exportButton").isEnabled(), timeout=10_000)
    assert len(list(out.glob("*.tomar-batch"))) == 1
    assert "Batch 1 with 2 records" in records.w(QLabel, "statusLabel").text()
    assert device.counts()["pending_export"] == 0
    assert "No" not in [str(model.index(r, 4).data()) for r in range(model.rowCount())]

    # Nothing new: the core's own words, no crash.
    click(qtbot, records.w(QPushButton, "exportButton"))
    qtbot.waitUntil(lambda: records.w(QPushButton, "exportButton").isEnabled(), timeout=10_000)
    assert "Nothing new to export" in records.w(QLabel, "statusLabel").text()


def test_settings_switch_to_persian_mirrors_and_persists(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    home = prepared_home(tmp_path / "home")
    window = make_window(home)
    unlock(qtbot, window)
    click(qtbot, window.screens["home"].w(QPushButton, "settingsButton"))
    settings = window.screens["settings"]
    combo = settings.w(QComboBox, "languageCombo")
    combo.setCurrentIndex(combo.findData("fa"))
    settings.w(QCheckBox, "largeTextCheck").setChecked(True)
    click(qtbot, settings.w(QPushButton, "saveButton"))
    qtbot.waitUntil(lambda: window.screens.get("settings") is not settings, timeout=5000)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.current == "settings"
    window.go("home")
    assert window.screens["home"].w(QPushButton, "lockButton").text() == "قفل"
    saved = gui_settings.load(home)
    assert saved.language == "fa" and saved.large_text
    assert "Canary" not in (home / gui_settings.FILE_NAME).read_text("utf-8")


def test_persian_translation_is_complete_and_compiled() -> None:
    ts = i18n_dir() / "tomar_fa.ts"
    tree = ET.parse(ts)  # noqa: S314 - our own file
    messages = list(tree.getroot().iter("message"))
    assert len(messages) > 150
    for message in messages:
        translation = message.find("translation")
        assert translation is not None and translation.text, message.findtext("source")
        assert translation.get("type") is None, message.findtext("source")
    assert "fa" in Languages().available()
    langs = Languages()
    assert langs.text("fa", "Kiosk", "Thank you!") == "متشکریم!"
    assert langs.text("fa", "UnlockForm", "Unlock") == "باز کردن قفل"


@pytest.mark.skipif(
    shutil.which("pyside6-lrelease") is None and not Path(".venv/bin/pyside6-lrelease").exists(),
    reason="no lrelease",
)
def test_compiled_translation_matches_source(tmp_path: Path) -> None:
    tool = shutil.which("pyside6-lrelease") or ".venv/bin/pyside6-lrelease"
    out = tmp_path / "tomar_fa.qm"
    subprocess.run([tool, "-silent", str(i18n_dir() / "tomar_fa.ts"), "-qm", str(out)], check=True)
    assert out.read_bytes() == (i18n_dir() / "tomar_fa.qm").read_bytes(), "run `make i18n`"
