"""Unlock: the passphrase opens the vault (Argon2id, through the worker)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

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
        self.shell.after_unlock()

    def _failed(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        if isinstance(exc, WrongPassphrase):
            text = self.tr("That passphrase is not right. Please try again.")
        else:
            text = error_text(self.shell.languages, self.shell.languages.current, exc)
        say(self.message, text, kind="error")
        self.pass_edit.setFocus()
