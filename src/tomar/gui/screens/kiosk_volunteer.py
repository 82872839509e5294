"""The kiosk's volunteer side: the event PIN, the volunteer panel, voiding the last entry.

In the volunteer's language (the interface's), not the signer's. A PIN typed while wrong
PINs are being slowed down is kept (masked) and checked when the wait ends. The texts
keep the translation context they had in `KioskScreen` ("KioskScreen").
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QLocale, QTimer
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QStackedWidget, QWidget

from ...core.errors import TomarError
from .. import pin
from ..messages import error_text
from ..uiload import child, load_form
from .base import Screen, confirm, say

CONTEXT = "KioskScreen"


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, text, "", n)


class KioskVolunteer(Screen):
    """The PIN dialog and the volunteer panel; `KioskScreen` is the rest of the kiosk."""

    pages: QStackedWidget
    volunteer_page: QWidget
    pin_failures: int
    pin_blocked_until: float
    pin_dialog: QDialog | None

    def reset_form(self, *, keep_language: bool = False) -> None:
        raise NotImplementedError

    def ask_pin(self) -> None:
        """The PIN dialog (volunteer's language); the panel opens only on the right PIN."""
        dialog = load_form("pin_dialog", self)
        assert isinstance(dialog, QDialog)
        self.pin_dialog = dialog
        edit = child(dialog, QLineEdit, "pinEdit")
        message = child(dialog, QLabel, "pinMessage")
        say(message, "")

        ok_button = child(dialog, QPushButton, "okButton")
        # A PIN typed while wrong PINs are being slowed down is kept (masked) and
        # checked the moment the wait ends, never silently thrown away.
        waiter = QTimer(dialog)
        waiter.setInterval(250)

        def check() -> None:
            wait = self.pin_blocked_until - self.shell.clock()
            if wait > 0:
                seconds = math.ceil(wait)
                if not edit.text():
                    text = _tr("Too many wrong PINs. Wait %Ln seconds.", seconds)
                else:
                    text = _tr(
                        "Too many wrong PINs. The PIN you typed will be checked in %Ln seconds.",
                        seconds,
                    )
                say(message, text, kind="error")
                if edit.text() and not waiter.isActive():
                    edit.setReadOnly(True)
                    ok_button.setEnabled(False)
                    waiter.start()
                return
            waiter.stop()
            edit.setReadOnly(False)
            ok_button.setEnabled(True)
            device = self.shell.session.device
            event = device.current_event()
            code = edit.text()
            edit.setText("")
            if not code:
                say(message, "")
                return
            if event is not None and pin.check_pin(device.vault, event["id"], code):
                self.pin_failures = 0
                dialog.accept()
                self.open_volunteer_panel()
                return
            self.pin_failures += 1
            extra = self.pin_failures - self.shell.options.pin_attempts_free
            if extra >= 0:
                self.pin_blocked_until = self.shell.clock() + min(5 * 2**extra, 300)
            say(message, _tr("That PIN is not right."), kind="error")
            edit.setFocus()

        waiter.timeout.connect(check)
        ok_button.clicked.connect(check)
        child(dialog, QPushButton, "cancelButton").clicked.connect(dialog.reject)
        edit.returnPressed.connect(check)
        dialog.finished.connect(lambda _: self._pin_closed(dialog))
        dialog.open()
        edit.setFocus()

    def _pin_closed(self, dialog: QDialog) -> None:
        if self.pin_dialog is dialog:
            self.pin_dialog = None
        dialog.deleteLater()

    def open_volunteer_panel(self) -> None:
        self.reset_form()  # a half-filled form is not kept for later
        self.pages.setCurrentWidget(self.volunteer_page)
        self.refresh_volunteer()

    def refresh_volunteer(self) -> None:
        device = self.shell.session.device
        counts = device.counts()
        event = device.current_event()
        locale = QLocale()
        self.w(QLabel, "volunteerEvent").setText("" if event is None else event["name"])
        self.w(QLabel, "volunteerCounts").setText(
            _tr("At this event: %1 · Today: %2 · In total: %3")
            .replace("%1", locale.toString(int(counts["current_event"] or 0)))
            .replace("%2", locale.toString(int(counts["today"])))
            .replace("%3", locale.toString(int(counts["total"])))
        )
        self.w(QPushButton, "voidButton").setEnabled(device.last_signature_id() is not None)

    def void_last(self) -> None:
        confirm(
            self,
            _tr("Void the last entry?"),
            _tr(
                "Use this when the last signer asks to withdraw, or for a test entry. "
                "The entry is marked void for the organizer; it cannot be undone."
            ),
            _tr("Void it"),
            self._void_last,
        )

    def _void_last(self) -> None:
        if not self.shell.session.is_open:
            return
        device = self.shell.session.device
        message = self.w(QLabel, "volunteerMessage")
        last = device.last_signature_id()
        if last is None:
            return
        try:
            device.void(last)
        except TomarError as exc:
            say(
                message,
                error_text(self.shell.languages, self.shell.languages.current, exc),
                kind="error",
            )
            return
        say(message, _tr("The last entry was voided."), kind="ok")
        self.refresh_volunteer()
