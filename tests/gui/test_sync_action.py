"""The Sync action on the records screen, through a folder target (a USB stick)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from tomar import demo
from tomar.core import organizer
from tomar.core.device import Device, init_vault
from tomar.core.intake import Intake
from tomar.resources import resource_path
from tomar.sync import client

from ..conftest import PASS, form
from .conftest import WindowFactory, click, prepared_home, unlock


def _organizer_pulls(home: Path, stick: Path, device_fingerprint: str) -> None:
    """The demo organizer collects from the stick, approves the device, answers receipts."""
    backup = resource_path("demo", "demo-organizer.backup.age").read_bytes()
    with init_vault(home, PASS) as ov:
        organizer.restore_backup(ov, backup, "demo backup passphrase")
        Device(ov).import_campaign(demo.package())
        with Intake(ov, workers=1) as intake:
            first = client.pull(intake, str(stick))
            assert [r.status for r in first.imports] == ["held"]
            intake.approve_device(device_fingerprint)
            second = client.pull(intake, str(stick))
            assert second.receipts_sent == 1, client.describe(second)


def test_sync_through_a_folder_sends_batches_and_applies_receipts(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window(prepared_home(tmp_path / "home"))
    unlock(qtbot, window)
    device = window.session.device
    for name in ("Canary Sync One", "Canary Sync Two"):
        device.save(form(name))
    click(qtbot, window.screens["home"].w(QPushButton, "recordsButton"))
    records = window.screens["records"]
    assert "never" in records.w(QLabel, "syncLabel").text()

    stick = tmp_path / "stick"
    stick.mkdir()
    window.choose_folder = lambda title, done: done(str(stick))  # type: ignore[method-assign]
    sync = records.w(QPushButton, "syncButton")
    click(qtbot, sync)
    qtbot.waitUntil(sync.isEnabled, timeout=20_000)
    status = records.w(QLabel, "statusLabel").text()
    assert "New records sent: 2." in status, status
    assert "Canary" not in status
    assert len(list(stick.rglob("*.tomar-batch"))) == 1
    assert client.default_target(device) == str(stick)  # remembered after success
    assert "Batches waiting for a receipt: 1" in records.w(QLabel, "syncLabel").text()

    _organizer_pulls(tmp_path / "organizer", stick, device.identity.fingerprint)

    click(qtbot, sync)  # the remembered folder: no question this time
    qtbot.waitUntil(sync.isEnabled, timeout=20_000)
    assert "organizer confirmed: 2." in records.w(QLabel, "statusLabel").text()
    assert "Batches waiting for a receipt: 0" in records.w(QLabel, "syncLabel").text()
    assert "never" not in records.w(QLabel, "syncLabel").text()


def test_sync_without_a_target_asks_for_a_folder(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window(prepared_home(tmp_path / "home"))
    unlock(qtbot, window)
    device = window.session.device
    device.save(form("Canary Three"))
    click(qtbot, window.screens["home"].w(QPushButton, "recordsButton"))
    records = window.screens["records"]
    asked: list[str] = []
    window.choose_folder = lambda title, done: asked.append(title)  # type: ignore[method-assign]
    click(qtbot, records.w(QPushButton, "syncButton"))
    assert asked == ["Sync through folder"]
    assert device.counts()["pending_export"] == 1  # nothing happened without a target


def test_sync_problems_are_shown_in_the_interface_language(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    """A receipt that cannot be read on the stick is reported, in Persian, with its path."""
    from tomar.core import receipts
    from tomar.sync.folder import stem

    window = make_window(prepared_home(tmp_path / "home"), language="fa")
    unlock(qtbot, window)
    device = window.session.device
    device.save(form("Canary Sync Four"))
    stick = tmp_path / "stick"
    # Where the organizer's receipt for batch 1 would be, a folder is in the way.
    name = stem(device.identity.public, 1) + receipts.SUFFIX
    (stick / "receipts" / name).mkdir(parents=True)
    click(qtbot, window.screens["home"].w(QPushButton, "recordsButton"))
    records = window.screens["records"]
    window.choose_folder = lambda title, done: done(str(stick))  # type: ignore[method-assign]
    sync = records.w(QPushButton, "syncButton")
    click(qtbot, sync)
    qtbot.waitUntil(sync.isEnabled, timeout=20_000)
    status = records.w(QLabel, "statusLabel").text()
    problem = status.splitlines()[-1]
    assert str(stick) in problem, status
    words = problem.replace(str(stick), "")
    assert not any(w in words for w in ("Batch", "could not", "was not", "cannot")), status
    assert "Canary" not in status
