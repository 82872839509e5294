"""Issue 17 on the volunteer's other screens: paper entry, settings, file dialogs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
)
from pytestqt.qtbot import QtBot

from tomar.core.sheets import blank
from tomar.gui import settings as gui_settings
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


def test_file_dialogs_start_in_the_last_folder_and_offer_documents(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = tmp_path / "user"
    (user / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(user))
    window = make_window(tmp_path / "new")
    stick = tmp_path / "stick"
    stick.mkdir()
    package = stick / "campaign.tomar-campaign"
    package.write_bytes(b"not a package")
    picked: list[str] = []
    window.choose_file("Campaign package", "All files (*)", picked.append)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog))
    urls = [u.toLocalFile() for u in dialog.sidebarUrls()]
    assert str(user / "Documents") in urls
    assert Path(dialog.directory().absolutePath()) == user / "Documents"  # nothing used yet
    dialog.selectFile(str(package))
    dialog.accept()
    assert picked == [str(package)]
    assert gui_settings.load(window.session.home).last_folder == str(stick)
    window.choose_folder("Export to folder", picked.append)
    dialog = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()
    )
    assert Path(dialog.directory().absolutePath()) == stick  # it remembered
    assert str(stick) in [u.toLocalFile() for u in dialog.sidebarUrls()]
    dialog.reject()


def test_persian_settings_keep_values_beside_their_titles(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window(prepared_home(tmp_path / "home"), language="fa")
    unlock(qtbot, window)
    settings = window.go("settings")
    for title, value in (("versionTitle", "versionLabel"), ("deviceTitle", "deviceLabel")):
        label = settings.w(QLabel, value)
        assert label.layoutDirection() == Qt.LayoutDirection.RightToLeft
        # What is drawn: the ink sits at the right end of the label, beside its title
        # (QLabel aligns plain text by the text's own direction unless told otherwise).
        image = label.grab().toImage()
        ink = [
            x
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).lightness() < 128
        ]
        assert ink and max(ink) > image.width() * 0.9, (min(ink), max(ink), image.width())
        assert label.text().startswith("\u2066")  # the digits still read left to right
        assert (
            settings.w(QLabel, title).mapTo(window, QPoint(0, 0)).x()
            > label.mapTo(window, QPoint(0, 0)).x()
        )


def test_blank_sheets_saved_and_opened_to_print(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window(prepared_home(tmp_path / "home"))
    unlock(qtbot, window)
    paper = window.go("paper")
    out = tmp_path / "stick"
    out.mkdir()
    window.choose_folder = lambda title, done: done(str(out))  # type: ignore[method-assign]
    opened: list[Path] = []
    window.open_document = opened.append  # type: ignore[method-assign,assignment]
    paper.w(QSpinBox, "blankPages").setValue(2)
    combo = paper.w(QComboBox, "blankLangCombo")
    combo.setCurrentIndex(combo.findData("fa"))
    click(qtbot, paper.w(QPushButton, "blankSaveButton"))
    message = paper.w(QLabel, "blankMessage")
    qtbot.waitUntil(lambda: "saved" in message.text(), timeout=30_000)
    pdf = out / "blank-sheets-fa.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert len(blank.unentered(window.session.device.vault)) == 2  # serials recorded
    qtbot.waitUntil(paper.w(QPushButton, "blankPrintButton").isEnabled)
    click(qtbot, paper.w(QPushButton, "blankPrintButton"))
    qtbot.waitUntil(lambda: bool(opened), timeout=30_000)
    assert opened[0].read_bytes().startswith(b"%PDF") and opened[0].parent != out
    qtbot.waitUntil(paper.w(QPushButton, "blankSaveButton").isEnabled)
    click(qtbot, paper.w(QPushButton, "blankSaveButton"))  # a second copy, a new name
    qtbot.waitUntil(lambda: (out / "blank-sheets-fa-2.pdf").exists(), timeout=30_000)
