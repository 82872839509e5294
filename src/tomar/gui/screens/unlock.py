"""Unlock: the passphrase opens the vault (Argon2id, through the worker)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QPushButton

from ...core.errors import WrongPassphrase
from ..messages import error_text
from ..shell import Shell
from ..worker import Cancel, Progress
from .base import Screen, ltr, say


class UnlockScreen(Screen):
    ui_name = "unlock"
    scrolls = True

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.pass_edit = self.w(QLineEdit, "passEdit")
        self.button = self.w(QPushButton, "unlockButton")
        self.message = self.w(QLabel, "messageLabel")
        self.upgrade_notice: QMessageBox | None = None
        self.button.clicked.connect(self.unlock)
        self.pass_edit.returnPressed.connect(self.unlock)
        self.add_language_bar()

    def enter(self) -> None:
        self.clear()
        say(self.w(QLabel, "homeLabel"), ltr(str(self.shell.session.home)))
        self.pass_edit.setFocus()

    def clear(self) -> None:
        self.pass_edit.setText("")
        self.button.setEnabled(True)
        say(self.message, "")

    def unlock(self) -> None:
        passphrase = self.pass_edit.text()
        if not passphrase or not self.button.isEnabled():
            return
        self.pass_edit.setText("")
        self.button.setEnabled(False)
        say(self.message, self.tr("Unlocking…"))
        session = self.shell.session

        def work(progress: Progress, cancel: Cancel) -> None:
            session.unlock(passphrase)

        self.shell.worker.start(work, done=lambda _: self._opened(), failed=self._failed)

    def _opened(self) -> None:
        self.button.setEnabled(True)
        say(self.message, "")
        session = self.shell.session
        copy = session.device.vault.pre_upgrade_copy if session.is_open else None
        self.upgrade_notice = None
        self.shell.after_unlock()
        if copy is not None:
            self._tell_upgrade(copy)

    def _tell_upgrade(self, copy: Path) -> None:
        """A new version migrated the vault: say so, and where the copy from before is
        (non-blocking, so the idle lock runs and locking closes it)."""
        box = QMessageBox(self.window())
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle("Tomar")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("Your vault was upgraded for this version of Tomar."))
        box.setInformativeText(
            self.tr(
                "A copy from before the upgrade is kept beside it: %1. The earlier version "
                "of Tomar opens it with the same passphrase. The copy is deleted the next "
                "time the vault gets a new key, for example when you change the passphrase."
            ).replace("%1", ltr(str(copy)))
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.finished.connect(box.deleteLater)
        self.upgrade_notice = box
        box.open()

    def _failed(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        if isinstance(exc, WrongPassphrase):
            text = self.tr("That passphrase is not right. Please try again.")
        else:
            text = error_text(self.shell.languages, self.shell.languages.current, exc)
        say(self.message, text, kind="error")
        self.pass_edit.setFocus()
