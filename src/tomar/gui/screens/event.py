"""Start an event (name, place, volunteer PIN), or set the PIN of a running one.

The PIN guards leaving the kiosk; it is stored as an scrypt hash through `tomar.gui.pin`.
An event started from the command line has no PIN yet, so this screen then asks only
for the PIN.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from ...core.errors import TomarError
from .. import pin
from ..messages import error_text
from ..shell import Shell
from .base import Screen, say


class EventScreen(Screen):
    ui_name = "event"
    scrolls = True

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.name_edit = self.w(QLineEdit, "nameEdit")
        self.place_edit = self.w(QLineEdit, "placeEdit")
        self.pin_edit = self.w(QLineEdit, "pinEdit")
        self.repeat_edit = self.w(QLineEdit, "pinRepeatEdit")
        self.name_edit.setMaxLength(200)
        self.place_edit.setMaxLength(200)
        self.pin_edit.setMaxLength(pin.MAX_LEN)
        self.repeat_edit.setMaxLength(pin.MAX_LEN)
        self.w(QPushButton, "startButton").clicked.connect(self.submit)
        self.w(QPushButton, "cancelButton").clicked.connect(lambda: self.shell.go("home"))
        self.repeat_edit.returnPressed.connect(self.submit)
        self.existing: dict[str, str] | None = None

    def enter(self) -> None:
        self.clear()
        self.existing = self.shell.session.device.current_event()
        pin_only = self.existing is not None
        for name in ("nameLabel", "placeLabel"):
            self.w(QLabel, name).setVisible(not pin_only)
        self.name_edit.setVisible(not pin_only)
        self.place_edit.setVisible(not pin_only)
        title = self.w(QLabel, "titleLabel")
        intro = self.w(QLabel, "introLabel")
        if self.existing is not None:
            title.setText(self.tr("Set the volunteer PIN"))
            intro.setText(
                self.tr("The event “%1” has no volunteer PIN yet.").replace(
                    "%1", self.existing["name"]
                )
            )
            self.w(QPushButton, "startButton").setText(self.tr("Set the PIN"))
            self.pin_edit.setFocus()
        else:
            title.setText(self.tr("Start an event"))
            intro.setText(
                self.tr("An event is one rally or stand. Signatures are counted per event.")
            )
            self.w(QPushButton, "startButton").setText(self.tr("Start the event"))
            self.name_edit.setFocus()

    def clear(self) -> None:
        for edit in (self.name_edit, self.place_edit, self.pin_edit, self.repeat_edit):
            edit.setText("")
        say(self.w(QLabel, "messageLabel"), "")

    def submit(self) -> None:
        message = self.w(QLabel, "messageLabel")
        code, again = self.pin_edit.text(), self.repeat_edit.text()
        if self.existing is None and not self.name_edit.text().strip():
            say(message, self.tr("Please give the event a name."), kind="error")
            return
        if not pin.is_valid(code):
            say(message, self.tr("The PIN must be 4 to 12 digits."), kind="error")
            return
        if pin.clean(code) != pin.clean(again):
            say(message, self.tr("The two PINs are not the same."), kind="error")
            return
        device = self.shell.session.device
        try:
            if self.existing is None:
                event_id = device.start_event(self.name_edit.text(), self.place_edit.text())
            else:
                event_id = self.existing["id"]
            pin.set_pin(device.vault, event_id, code)
        except TomarError as exc:
            text = error_text(self.shell.languages, self.shell.languages.current, exc)
            say(message, text, kind="error")
            return
        self.clear()
        self.shell.go("home")
