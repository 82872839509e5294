"""First run, campaign import with the fingerprint check, unlock, event start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QStackedWidget
from pytestqt.qtbot import QtBot

from tomar.core import vault
from tomar.core.campaign import read_package
from tomar.core.device import Device
from tomar.core.identity import OrganizerIdentity
from tomar.gui import pin
from tomar.gui.screens.first_run import strength

from ..conftest import PASS
from .conftest import EVENT_PIN, WindowFactory, click, prepared_home, type_text, unlock


def _create_vault(qtbot: QtBot, window: object) -> None:
    from tomar.gui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    screen = window.screens["first_run"]
    type_text(qtbot, screen.w(QLineEdit, "passEdit"), PASS)
    type_text(qtbot, screen.w(QLineEdit, "repeatEdit"), PASS)
    click(qtbot, screen.w(QPushButton, "createButton"))
    pages = screen.w(QStackedWidget, "pages")
    qtbot.waitUntil(lambda: pages.currentIndex() == 1, timeout=10_000)


def test_first_run_creates_vault_and_imports_campaign(
    qtbot: QtBot,
    make_window: WindowFactory,
    tmp_path: Path,
    org: tuple[vault.Vault, OrganizerIdentity, bytes],
) -> None:
    home = tmp_path / "home"
    window = make_window(home)
    assert window.current == "first_run"
    screen = window.screens["first_run"]

    # Mismatched passphrases are refused in plain words.
    type_text(qtbot, screen.w(QLineEdit, "passEdit"), PASS)
    type_text(qtbot, screen.w(QLineEdit, "repeatEdit"), PASS + "x")
    click(qtbot, screen.w(QPushButton, "createButton"))
    assert "not the same" in screen.w(QLabel, "createMessage").text()
    assert not vault.exists(home)
    screen.clear()

    _create_vault(qtbot, window)
    assert vault.exists(home)
    assert screen.w(QLineEdit, "passEdit").text() == ""

    package_file = tmp_path / "campaign.tomar-campaign"
    package_file.write_bytes(org[2])
    window.choose_file = lambda title, pattern, done: done(str(package_file))  # type: ignore[method-assign]
    click(qtbot, screen.w(QPushButton, "importButton"))
    expected = read_package(org[2]).organizer_fingerprint
    assert screen.w(QLabel, "fingerprintLabel").text() == expected
    assert len(expected.split()) == 6
    # Nothing is stored before the volunteer confirms the fingerprint.
    assert window.session.device.campaign() is None
    click(qtbot, screen.w(QPushButton, "matchButton"))
    assert window.current == "home"
    assert window.session.device.campaign() is not None


def test_mismatch_imports_nothing_and_demo_is_marked(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    _create_vault(qtbot, window)
    screen = window.screens["first_run"]
    click(qtbot, screen.w(QPushButton, "demoButton"))
    assert screen.w(QLabel, "demoWarning").isVisible()
    click(qtbot, screen.w(QPushButton, "mismatchButton"))
    assert window.session.device.campaign() is None
    assert "Nothing was imported" in screen.w(QLabel, "campaignMessage").text()

    click(qtbot, screen.w(QPushButton, "demoButton"))
    click(qtbot, screen.w(QPushButton, "matchButton"))
    assert window.current == "home"
    home = window.screens["home"]
    assert home.w(QLabel, "demoBadge").isVisible()
    assert home.w(QLabel, "campaignTitle").text().startswith("DEMO")


def test_damaged_package_is_refused(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window()
    _create_vault(qtbot, window)
    bad = tmp_path / "bad.tomar-campaign"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    window.choose_file = lambda title, pattern, done: done(str(bad))  # type: ignore[method-assign]
    screen = window.screens["first_run"]
    click(qtbot, screen.w(QPushButton, "importButton"))
    assert screen.w(QStackedWidget, "pages").currentIndex() == 1
    assert screen.w(QLabel, "campaignMessage").text()


def test_wrong_passphrase_then_right(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window(prepared_home(tmp_path / "home"))
    assert window.current == "unlock"
    unlock(qtbot, window, "not the passphrase")
    message = window.screens["unlock"].w(QLabel, "messageLabel").text()
    assert message == "That passphrase is not right. Please try again."
    assert not window.session.is_open
    vault.THROTTLE.failures = 0  # skip the deliberate delay for the next try
    unlock(qtbot, window)
    assert window.current == "home"


def test_start_event_sets_pin_and_end_event(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window(prepared_home(tmp_path / "home", event=False))
    unlock(qtbot, window)
    home = window.screens["home"]
    assert not home.w(QPushButton, "kioskButton").isEnabled()
    click(qtbot, home.w(QPushButton, "startEventButton"))
    screen = window.screens["event"]
    type_text(qtbot, screen.w(QLineEdit, "nameEdit"), "<b>Rally</b> at the Capitol")
    type_text(qtbot, screen.w(QLineEdit, "placeEdit"), "Washington, DC")
    type_text(qtbot, screen.w(QLineEdit, "pinEdit"), "12")
    type_text(qtbot, screen.w(QLineEdit, "pinRepeatEdit"), "12")
    click(qtbot, screen.w(QPushButton, "startButton"))
    assert "4 to 12 digits" in screen.w(QLabel, "messageLabel").text()
    screen.w(QLineEdit, "pinEdit").setText(EVENT_PIN)
    screen.w(QLineEdit, "pinRepeatEdit").setText(EVENT_PIN)
    click(qtbot, screen.w(QPushButton, "startButton"))
    assert window.current == "home"
    device: Device = window.session.device
    event = device.current_event()
    assert event is not None
    assert pin.check_pin(device.vault, event["id"], EVENT_PIN)
    assert pin.check_pin(device.vault, event["id"], "۲۴۶۸")  # Persian digits count too
    assert not pin.check_pin(device.vault, event["id"], "1111")
    label = home.w(QLabel, "eventLabel")
    assert "<b>Rally</b>" in label.text()  # shown as plain text, never as HTML
    from PySide6.QtCore import Qt

    assert label.textFormat() == Qt.TextFormat.PlainText
    assert home.w(QPushButton, "kioskButton").isEnabled()


def test_passphrase_strength_hint() -> None:
    assert strength("short") == 0
    assert strength("abcdefgh") == 1
    assert strength("Abcdefgh1234") == 2
    assert strength("correct horse battery staple") == 3
