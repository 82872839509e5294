"""Issue 16, item 5, in the app: Settings changes the passphrase under a fresh key."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from tomar.core import keyfile, vault
from tomar.core.device import Device
from tomar.core.errors import VaultError, WrongPassphrase
from tomar.gui.screens.settings import SettingsScreen

from ..conftest import PASS, form
from .conftest import WindowFactory, click, prepared_home, type_text, unlock

NEW = "four unrelated words here"


def test_change_passphrase_in_settings_rebuilds_under_a_new_key(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    home = prepared_home(tmp_path / "home")
    old_key_file = (home / vault.KEY_NAME).read_bytes()
    old_key = keyfile.unwrap(home / vault.KEY_NAME, PASS)
    window = make_window(home)
    unlock(qtbot, window)
    window.session.device.save(form("Canary Before"))
    settings = window.go("settings")
    assert isinstance(settings, SettingsScreen)
    click(qtbot, settings.w(QPushButton, "passphraseButton"))
    dialog = settings.passphrase_dialog
    assert dialog is not None and dialog.isVisible()
    current = dialog.findChild(QLineEdit, "currentEdit")
    new = dialog.findChild(QLineEdit, "newEdit")
    repeat = dialog.findChild(QLineEdit, "repeatEdit")
    message = dialog.findChild(QLabel, "passphraseMessage")
    strength = dialog.findChild(QLabel, "strengthLabel")
    change = dialog.findChild(QPushButton, "changeButton")
    assert isinstance(current, QLineEdit) and isinstance(new, QLineEdit)
    assert isinstance(repeat, QLineEdit) and isinstance(message, QLabel)
    assert isinstance(strength, QLabel) and isinstance(change, QPushButton)

    # Too short: the first-run strength line says so; mismatch: said plainly.
    type_text(qtbot, current, PASS)
    type_text(qtbot, new, "short")
    assert "Too short" in strength.text()
    click(qtbot, change)
    assert keyfile.unwrap(home / vault.KEY_NAME, PASS) == old_key
    new.setText(NEW)
    assert "Strong" in strength.text()
    repeat.setText(NEW + "x")
    click(qtbot, change)
    assert "not the same" in message.text()

    # A wrong current passphrase: said, and nothing changed.
    current.setText("not the passphrase")
    repeat.setText(NEW)
    click(qtbot, change)
    qtbot.waitUntil(change.isEnabled, timeout=10_000)
    assert "current passphrase is not correct" in message.text()
    assert keyfile.unwrap(home / vault.KEY_NAME, PASS) == old_key
    vault.THROTTLE.succeeded()  # no back-off for the next try in this test

    current.setText(PASS)
    click(qtbot, change)
    qtbot.waitUntil(lambda: settings.passphrase_dialog is None, timeout=20_000)
    assert "Passphrase changed" in settings.w(QLabel, "messageLabel").text()

    # The open session keeps working on the rebuilt vault.
    device = window.session.device
    device.save(form("Canary After"))
    assert device.counts()["total"] == 2
    window.lock_now()

    # The attacker's try: the old key file and old passphrase open nothing.
    with pytest.raises(WrongPassphrase):
        vault.Vault.open(home, PASS)
    new_db = vault.db_path(home)
    with pytest.raises(VaultError, match="does not match its key file"):
        vault._connect(new_db, old_key)
    saved_new = (home / vault.KEY_NAME).read_bytes()
    (home / vault.KEY_NAME).write_bytes(old_key_file)
    with pytest.raises(VaultError):
        vault.Vault.open(home, PASS).close()
    (home / vault.KEY_NAME).write_bytes(saved_new)

    # The new passphrase opens the vault with its records, in the app too.
    with vault.Vault.open(home, NEW) as v:
        assert Device(v).counts()["total"] == 2
        assert v.integrity_problems() == []
    unlock(qtbot, window, NEW)
    assert window.session.is_open
    assert window.session.device.counts()["total"] == 2


def test_locking_during_the_change_leaves_one_working_vault(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    """Ctrl+Shift+L or the idle lock while the vault is being copied: the lock waits for
    the rebuild (it cannot be stopped halfway), then the unlock screen takes the new
    passphrase; the late "done" of the job finds the app locked and changes nothing."""
    home = prepared_home(tmp_path / "home")
    window = make_window(home)
    unlock(qtbot, window)
    window.session.device.save(form("Canary Locked"))
    settings = window.go("settings")
    assert isinstance(settings, SettingsScreen)
    click(qtbot, settings.w(QPushButton, "passphraseButton"))
    dialog = settings.passphrase_dialog
    assert dialog is not None
    for name, text in (("currentEdit", PASS), ("newEdit", NEW), ("repeatEdit", NEW)):
        edit = dialog.findChild(QLineEdit, name)
        assert isinstance(edit, QLineEdit)
        edit.setText(text)
    change = dialog.findChild(QPushButton, "changeButton")
    assert isinstance(change, QPushButton)
    click(qtbot, change)
    window.lock_now()
    qtbot.wait(50)  # let the job's queued signals arrive
    assert not window.session.is_open and window.current == "unlock"
    assert settings.passphrase_dialog is None
    unlock(qtbot, window, NEW)
    assert window.session.is_open
    assert window.session.device.counts()["total"] == 1
