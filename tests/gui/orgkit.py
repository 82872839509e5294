"""Organizer workspaces for the GUI tests: a device's batch for a real organizer vault,
and the workspace opened on that vault through the real unlock screen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tomar.core.intake import Intake
from tomar.gui.main_window import MainWindow
from tomar.gui.organizer.create import CreateCampaignScreen
from tomar.gui.organizer.workspace import OrganizerScreen

from ..batchkit import Org, export, new_device, sign
from ..conftest import PASS
from .conftest import WindowFactory, click, type_text, unlock


@dataclass(frozen=True)
class Batch:
    """One exported batch file and the fingerprint of the device that signed it."""

    path: Path
    fingerprint: str


def device_batch(org: Org, tmp_path: Path, signers: Sequence[tuple[str, str]]) -> Batch:
    """A new device (never enrolled) signs `signers` (name, city) and exports one batch;
    its vault is closed, so only the file is left."""
    d = new_device(tmp_path / "dev", org.package)
    for name, city in signers:
        sign(d, name, city=city)
    made = Batch(export(d, tmp_path / "b").path, d.identity.fingerprint)
    d.vault.close()
    return made


def import_and_approve(org: Org, made: Batch) -> None:
    """The batch imported (held: its device was never enrolled), then its device approved."""
    with Intake(org.vault, workers=1) as intake:
        intake.import_file(made.path)
        intake.approve_device(made.fingerprint)


def open_workspace(
    qtbot: QtBot,
    make_window: WindowFactory,
    home: Path,
    *,
    language: str = "en",
    tab: str | None = None,
) -> tuple[MainWindow, OrganizerScreen]:
    """A window on the organizer vault at `home`, unlocked, on the workspace (at `tab`)."""
    window = make_window(home, language=language)
    unlock(qtbot, window)
    screen = window.screens["org"]
    assert isinstance(screen, OrganizerScreen)
    if tab is not None:
        screen.show_tab(tab)
    return window, screen


BACKUP_PASS = "backup passphrase 1"
TEXTS = {
    "en": ("Free them all", "The US Congress", "We ask for their release.", "I agree."),
    "fa": ("آزادشان کنید", "کنگرهٔ آمریکا", "ما آزادی آنان را می‌خواهیم.", "موافقم."),
}


def create_wizard(
    qtbot: QtBot, window: object, tmp_path: Path
) -> tuple[CreateCampaignScreen, Path]:
    """The first-run screen through to the campaign wizard (a new organizer vault)."""
    assert isinstance(window, MainWindow)
    first = window.screens["first_run"]
    type_text(qtbot, first.w(QLineEdit, "passEdit"), PASS)
    type_text(qtbot, first.w(QLineEdit, "repeatEdit"), PASS)
    click(qtbot, first.w(QPushButton, "createButton"))
    pages = first.w(QStackedWidget, "pages")
    qtbot.waitUntil(lambda: pages.currentIndex() == 1, timeout=10_000)
    click(qtbot, first.w(QPushButton, "organizerButton"))
    assert window.current == "org_create"
    screen = window.screens["org_create"]
    assert isinstance(screen, CreateCampaignScreen)
    return screen, tmp_path


def shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """Every text a person can read under `root`: labels, buttons, group titles, tabs,
    placeholders, combo items and table headers, each with its widget's name."""
    texts = [(w.objectName(), w.text()) for w in root.findChildren(QLabel)]
    texts += [(w.objectName(), w.text()) for w in root.findChildren(QAbstractButton)]
    texts += [(w.objectName(), w.title()) for w in root.findChildren(QGroupBox)]
    texts += [(w.objectName(), w.placeholderText()) for w in root.findChildren(QLineEdit)]
    for combo in root.findChildren(QComboBox):
        texts += [(combo.objectName(), combo.itemText(i)) for i in range(combo.count())]
    for tabs in root.findChildren(QTabWidget):
        texts += [(tabs.objectName(), tabs.tabText(i)) for i in range(tabs.count())]
    for view in root.findChildren(QTableView):
        model = view.model()
        texts += [
            (view.objectName(), str(model.headerData(c, Qt.Orientation.Horizontal)))
            for c in range(model.columnCount())
        ]
    return texts
