"""Issue 17 on the volunteer's other screens: paper entry, settings, file dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from tomar.gui.screens.paper import PaperScreen

from .conftest import WindowFactory, click, prepared_home, type_text, unlock


def test_paper_save_button_stays_put_and_persian_sheet_is_right_to_left(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window(prepared_home(tmp_path / "home"))
    unlock(qtbot, window)
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: window.height() == 600)
    paper = window.go("paper")
    assert isinstance(paper, PaperScreen) and paper.signer_form is not None
    save = paper.w(QPushButton, "saveButton")
    before = save.mapTo(window, QPoint(0, 0))
    type_text(qtbot, paper.w(QLineEdit, "serialEdit"), "A-0012")
    type_text(qtbot, paper.signer_form.edits["full_name"], "Canary Paper")
    type_text(qtbot, paper.signer_form.edits["city"], "Arlington")
    paper.w(QCheckBox, "consentCheck").setChecked(True)
    click(qtbot, save)
    assert "saved" in paper.w(QLabel, "messageLabel").text()
    qtbot.wait(10)
    assert save.mapTo(window, QPoint(0, 0)) == before, "the saved message moved Save"
    combo = paper.w(QComboBox, "langCombo")
    combo.setCurrentIndex(combo.findData("fa"))
    assert paper.signer_form.layoutDirection() == Qt.LayoutDirection.RightToLeft
    label = paper.signer_form.labels["full_name"]
    edit = paper.signer_form.edits["full_name"]
    qtbot.waitUntil(
        lambda: label.mapTo(window, QPoint(0, 0)).x() > edit.mapTo(window, QPoint(0, 0)).x(),
        timeout=2000,
    )
