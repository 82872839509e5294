"""Organizer workspaces for the GUI tests: a device's batch for a real organizer vault,
and the workspace opened on that vault through the real unlock screen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pytestqt.qtbot import QtBot

from tomar.core.intake import Intake
from tomar.gui.main_window import MainWindow
from tomar.gui.organizer.workspace import OrganizerScreen

from ..batchkit import Org, export, new_device, sign
from .conftest import WindowFactory, unlock


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
