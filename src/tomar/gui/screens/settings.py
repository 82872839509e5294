"""Settings (interface language, idle lock, large text, passphrase) and About (version,
fingerprints).

Changing the passphrase rebuilds the vault under a fresh random key (`Vault.rebuild`),
on the worker. The app stays unlocked: the rebuild swaps the database handle and key
inside the same `Vault` object, which the session's `Device` holds.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
)

from ... import __version__
from ...core.errors import WrongPassphrase
from .. import i18n
from ..messages import error_text
from ..session import MIN_PASSPHRASE
from ..settings import MAX_IDLE_MINUTES, MIN_IDLE_MINUTES
from ..shell import Shell
from ..uiload import child, load_form
from ..worker import Cancel, Progress
from .base import Screen, hold, say, set_code
from .first_run import strength_hint


class SettingsScreen(Screen):
    ui_name = "settings"
    scrolls = True

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.language = self.w(QComboBox, "languageCombo")
        self.idle = self.w(QSpinBox, "idleSpin")
        self.idle.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.large = self.w(QCheckBox, "largeTextCheck")
        # Digit groups and paths read left to right in every language (`ltr`), but sit
        # on the reading side, next to their titles (a right-to-left form in Persian).
        self.w(QPushButton, "saveButton").clicked.connect(self.save)
        self.w(QPushButton, "backButton").clicked.connect(lambda: self.shell.go("home"))
        self.w(QPushButton, "passphraseButton").clicked.connect(self.ask_passphrase)
        self.passphrase_dialog: QDialog | None = None

    def enter(self) -> None:
        settings = self.shell.settings
        self.language.clear()
        for code in self.shell.languages.available():
            self.language.addItem(i18n.native_name(code), code)
        index = self.language.findData(settings.language)
        self.language.setCurrentIndex(max(index, 0))
        self.idle.setValue(settings.idle_lock_minutes)
        self.large.setChecked(settings.large_text)
        device = self.shell.session.device
        campaign = device.campaign()
        set_code(self.w(QLabel, "versionLabel"), __version__)
        set_code(self.w(QLabel, "deviceLabel"), device.identity.fingerprint)
        if campaign is None:
            self.w(QLabel, "campaignLabel").setText("–")
            self.w(QLabel, "organizerLabel").setText("–")
        else:
            lang = self.shell.languages.current
            title = campaign.text(
                "title", lang if lang in campaign.languages else campaign.languages[0]
            )
            if campaign.is_demo:
                title = self.tr("%1 (DEMO: never collect real signatures)").replace("%1", title)
            self.w(QLabel, "campaignLabel").setText(title)
            set_code(self.w(QLabel, "organizerLabel"), campaign.organizer_fingerprint)
        set_code(self.w(QLabel, "homeLabel"), str(self.shell.session.home))
        say(self.w(QLabel, "messageLabel"), "")

    def save(self) -> None:
        code = self.language.currentData()
        new = replace(
            self.shell.settings,
            language=code if isinstance(code, str) else i18n.SOURCE_LANGUAGE,
            idle_lock_minutes=self.idle.value(),
            large_text=self.large.isChecked(),
        )
        self.shell.apply_settings(new)
        say(self.w(QLabel, "messageLabel"), self.tr("Saved."), kind="ok")

    def clear(self) -> None:
        if self.passphrase_dialog is not None:
            self.passphrase_dialog.reject()

    # --- passphrase -----------------------------------------------------------------

    def ask_passphrase(self) -> None:
        """The dialog: current passphrase, new one twice; the rebuild runs on the worker."""
        if self.passphrase_dialog is not None or not self.shell.session.is_open:
            return
        dialog = load_form("passphrase_dialog", self)
        assert isinstance(dialog, QDialog)
        self.passphrase_dialog = dialog
        current = child(dialog, QLineEdit, "currentEdit")
        new = child(dialog, QLineEdit, "newEdit")
        repeat = child(dialog, QLineEdit, "repeatEdit")
        strength = child(dialog, QLabel, "strengthLabel")
        message = child(dialog, QLabel, "passphraseMessage")
        change = child(dialog, QPushButton, "changeButton")
        cancel = child(dialog, QPushButton, "cancelButton")
        say(message, "")

        def show_strength() -> None:
            text, kind = strength_hint(new.text())
            say(strength, text, kind=kind)

        def busy(on: bool) -> None:
            for widget in (current, new, repeat, change, cancel):
                widget.setEnabled(not on)

        def submit() -> None:
            old, first, second = current.text(), new.text(), repeat.text()
            if not old:
                say(message, self.tr("Type the current passphrase."), kind="error")
                current.setFocus()
                return
            if len(first) < MIN_PASSPHRASE:
                hold(message)  # the line under the box already says "too short"
                show_strength()
                new.setFocus()
                return
            if first != second:
                say(message, self.tr("The two new passphrases are not the same."), kind="error")
                repeat.setFocus()
                return
            current.setText("")
            busy(True)
            say(message, self.tr("Changing the passphrase: the vault is being copied…"))
            session = self.shell.session

            def work(progress: Progress, cancel: Cancel) -> None:
                session.change_passphrase(old, first)

            def failed(exc: BaseException) -> None:
                if self.passphrase_dialog is not dialog:
                    return
                busy(False)
                if isinstance(exc, WrongPassphrase):
                    text = self.tr("The current passphrase is not correct. Nothing was changed.")
                else:
                    text = error_text(self.shell.languages, self.shell.languages.current, exc)
                say(message, text, kind="error")
                current.setFocus()

            self.shell.worker.start(
                work, done=lambda _: self._passphrase_changed(dialog), failed=failed
            )

        new.textChanged.connect(show_strength)
        # A message about what was typed is stale as soon as a box changes.
        for edit in (current, new, repeat):
            edit.textEdited.connect(lambda _: hold(message))
        change.clicked.connect(submit)
        repeat.returnPressed.connect(submit)
        cancel.clicked.connect(dialog.reject)
        dialog.finished.connect(lambda _: self._passphrase_closed(dialog))
        show_strength()
        dialog.open()
        current.setFocus()

    def _passphrase_changed(self, dialog: QDialog) -> None:
        if not self.shell.session.is_open:  # locked meanwhile: the unlock screen shows
            return
        if self.passphrase_dialog is dialog:
            dialog.accept()
        say(
            self.w(QLabel, "messageLabel"),
            self.tr(
                "Passphrase changed. The vault was copied under a new key: use the new "
                "passphrase from now on."
            ),
            kind="ok",
        )

    def _passphrase_closed(self, dialog: QDialog) -> None:
        """Nothing typed outlives the dialog."""
        for edit in dialog.findChildren(QLineEdit):
            edit.setText("")
        if self.passphrase_dialog is dialog:
            self.passphrase_dialog = None
        dialog.deleteLater()
