"""Locking: idle timer with a fake clock, the panic shortcut, the kiosk's form reset."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from tomar.core.errors import VaultError
from tomar.gui.screens.kiosk import KioskScreen

from .conftest import (
    FakeClock,
    WindowFactory,
    assert_no_trace,
    click,
    draw_signature,
    prepared_home,
    type_text,
    unlock,
    visible_texts,
)


def test_idle_lock_after_ten_minutes(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, clock: FakeClock
) -> None:
    window = make_window(prepared_home(tmp_path / "home"))
    unlock(qtbot, window)
    device = window.session.device
    assert window.lock_watcher.active
    clock.advance(9 * 60)
    window.lock_watcher.check()
    assert window.session.is_open
    # Input resets the timer.
    QTest.mouseMove(window.screens["home"], window.screens["home"].rect().center())
    QTest.keyClick(window.screens["home"], Qt.Key.Key_Shift)
    clock.advance(9 * 60)
    window.lock_watcher.check()
    assert window.session.is_open
    clock.advance(61)
    window.lock_watcher.check()
    assert not window.session.is_open
    assert window.current == "unlock"
    with pytest.raises(VaultError):
        _ = device.vault.conn  # the database handle is gone


def test_panic_shortcut_locks_the_kiosk_and_forgets_the_signer(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window(prepared_home(tmp_path / "home"))
    unlock(qtbot, window)
    click(qtbot, window.screens["home"].w(QPushButton, "kioskButton"))
    kiosk = window.screens["kiosk"]
    assert isinstance(kiosk, KioskScreen)
    assert not window.lock_watcher.active  # the kiosk has its own, shorter form timer
    assert kiosk.signer_form is not None
    type_text(qtbot, kiosk.signer_form.edits["full_name"], "Canary Panic")
    draw_signature(kiosk.pad)
    click(qtbot, kiosk.w(QPushButton, "volunteerButton"))  # a PIN dialog is open
    assert any(isinstance(w, QDialog) and w.isVisible() for w in QApplication.topLevelWidgets())

    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog))
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    QTest.keyClick(
        QApplication.focusWidget() or dialog,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not window.session.is_open
    assert window.current == "unlock"
    assert not any(isinstance(w, QDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    assert kiosk.pad.is_empty
    assert_no_trace(visible_texts(window), ["Canary Panic"])


def test_lock_button_on_home(qtbot: QtBot, make_window: WindowFactory, tmp_path: Path) -> None:
    window = make_window(prepared_home(tmp_path / "home"))
    unlock(qtbot, window)
    click(qtbot, window.screens["home"].w(QPushButton, "lockButton"))
    assert not window.session.is_open
    assert window.current == "unlock"
    # Every other screen refuses to show without the vault.
    window.go("records")
    assert window.current == "unlock"


def test_abandoned_form_counts_down_then_resets(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, clock: FakeClock
) -> None:
    window = make_window(prepared_home(tmp_path / "home"), kiosk_idle_s=90.0, kiosk_warn_s=30.0)
    unlock(qtbot, window)
    click(qtbot, window.screens["home"].w(QPushButton, "kioskButton"))
    kiosk = window.screens["kiosk"]
    assert isinstance(kiosk, KioskScreen) and kiosk.signer_form is not None
    type_text(qtbot, kiosk.signer_form.edits["full_name"], "Canary Idle")
    banner = kiosk.w(QLabel, "countdownBanner")
    clock.advance(50)
    kiosk.idle.check()
    assert not banner.isVisible()
    clock.advance(25)
    kiosk.idle.check()
    assert banner.isVisible()
    assert "15 seconds" in banner.text()
    clock.advance(16)
    kiosk.idle.check()
    assert kiosk.signer_form.edits["full_name"].text() == ""
    assert not banner.isVisible()
    assert window.session.is_open  # the form was reset; the vault stays open for the kiosk
    assert kiosk.idle.active  # and the timer runs again for the next signer
