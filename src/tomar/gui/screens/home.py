"""Home: the campaign, the current event, the counts, and every action."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy

from ...core.errors import TomarError
from .. import pin
from ..messages import error_text
from ..shell import Shell
from .base import Screen, confirm, say


class HomeScreen(Screen):
    ui_name = "home"
    scrolls = True

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        badge = self.w(QLabel, "demoBadge")
        badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.w(QLabel, "campaignTitle").setObjectName("campaignTitle")
        for name in ("todayValue", "eventValue", "totalValue", "pendingValue"):
            self.w(QLabel, name).setProperty("role", "count")
        actions = {
            "startEventButton": lambda: self.shell.go("event"),
            "endEventButton": self.end_event,
            "kioskButton": self.open_kiosk,
            "paperButton": lambda: self.shell.go("paper"),
            "recordsButton": lambda: self.shell.go("records"),
            "exportButton": self.export,
            "settingsButton": lambda: self.shell.go("settings"),
            "lockButton": self.shell.lock_now,
        }
        for name, action in actions.items():
            button = self.w(QPushButton, name)
            button.clicked.connect(action)
            button.setProperty("role", "action")
        self.w(QPushButton, "lockButton").setProperty("role", "lock")

    def enter(self) -> None:
        say(self.w(QLabel, "messageLabel"), "")
        device = self.shell.session.device
        campaign = device.require_campaign()
        lang = self.shell.languages.current
        title_lang = lang if lang in campaign.languages else campaign.languages[0]
        self.w(QLabel, "campaignTitle").setText(campaign.text("title", title_lang))
        self.w(QLabel, "demoBadge").setVisible(campaign.is_demo)
        event = device.current_event()
        if event is None:
            text = self.tr("No event is running. Start one to collect signatures.")
        elif event["place"]:
            text = (
                self.tr("Event: %1 — %2").replace("%1", event["name"]).replace("%2", event["place"])
            )
        else:
            text = self.tr("Event: %1").replace("%1", event["name"])
        self.w(QLabel, "eventLabel").setText(text)
        counts = device.counts()
        locale = QLocale()
        self.w(QLabel, "todayValue").setText(locale.toString(int(counts["today"])))
        self.w(QLabel, "totalValue").setText(locale.toString(int(counts["total"])))
        self.w(QLabel, "pendingValue").setText(locale.toString(int(counts["pending_export"])))
        current = counts["current_event"]
        self.w(QLabel, "eventValue").setText("–" if current is None else locale.toString(current))
        running = event is not None
        self.w(QPushButton, "startEventButton").setVisible(not running)
        self.w(QPushButton, "endEventButton").setVisible(running)
        self.w(QPushButton, "kioskButton").setEnabled(running)

    def open_kiosk(self) -> None:
        device = self.shell.session.device
        event = device.current_event()
        if event is None:
            return
        if not pin.has_pin(device.vault, event["id"]):
            self.shell.go("event")  # the event screen asks for the PIN first
            return
        self.shell.go("kiosk")

    def end_event(self) -> None:
        confirm(
            self,
            self.tr("End the event?"),
            self.tr("The kiosk closes and its PIN is forgotten. The signatures stay."),
            self.tr("End the event"),
            self._end_event,
        )

    def _end_event(self) -> None:
        if not self.shell.session.is_open:
            return
        device = self.shell.session.device
        try:
            device.end_event()
            pin.forget(device.vault)
        except TomarError as exc:
            text = error_text(self.shell.languages, self.shell.languages.current, exc)
            say(self.w(QLabel, "messageLabel"), text, kind="error")
            return
        self.enter()

    def export(self) -> None:
        screen = self.shell.go("records")
        start = getattr(screen, "start_export", None)
        if callable(start):
            start()
