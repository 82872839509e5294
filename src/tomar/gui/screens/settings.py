"""Settings (interface language, idle lock, large text) and About (version, fingerprints)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPushButton, QSpinBox

from ... import __version__
from .. import i18n
from ..settings import MAX_IDLE_MINUTES, MIN_IDLE_MINUTES
from ..shell import Shell
from .base import Screen, ltr, say


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
        self.w(QLabel, "versionLabel").setText(ltr(__version__))
        self.w(QLabel, "deviceLabel").setText(ltr(device.identity.fingerprint))
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
            self.w(QLabel, "organizerLabel").setText(ltr(campaign.organizer_fingerprint))
        self.w(QLabel, "homeLabel").setText(ltr(str(self.shell.session.home)))
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
