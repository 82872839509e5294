"""Paper data entry: one row of a paper sheet, sealed like a kiosk signature.

The volunteer types what is written on the sheet (sheet serial, row number, fields,
whether the consent box was ticked, the display choice). The record is marked
`source="paper"` with `paper=(serial, row)` and has no drawn signature. Problems are
shown in the interface language: the volunteer is the one typing.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.campaign import Campaign
from ...core.errors import ValidationError
from ...core.records import SignatureForm
from .. import i18n
from ..messages import error_text, problem_text
from ..shell import Shell
from ..signer_form import SignerForm
from .base import Screen, say

_SERIAL = re.compile(r"^[A-Za-z0-9-]{1,40}$")
DISPLAY_BUTTONS = {"full": "displayFull", "initials": "displayInitials", "hidden": "displayHidden"}


class PaperScreen(Screen):
    ui_name = "paper"

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.serial = self.w(QLineEdit, "serialEdit")
        self.serial.setMaxLength(40)
        self.row = self.w(QSpinBox, "rowSpin")
        self.lang_combo = self.w(QComboBox, "langCombo")
        self.consent = self.w(QCheckBox, "consentCheck")
        self.signer_form: SignerForm | None = None
        self.campaign: Campaign | None = None
        self.w(QPushButton, "saveButton").clicked.connect(self.save)
        self.w(QPushButton, "backButton").clicked.connect(lambda: self.shell.go("home"))
        self.lang_combo.currentIndexChanged.connect(lambda _: self._labels())

    def enter(self) -> None:
        campaign = self.shell.session.device.require_campaign()
        if self.campaign is None or self.campaign.doc != campaign.doc:
            self.campaign = campaign
            if self.signer_form is not None:
                self.signer_form.deleteLater()
            host = self.w(QWidget, "formHost")
            layout = host.layout() or QVBoxLayout(host)
            self.signer_form = SignerForm(campaign, host)
            self.signer_form.edited.connect(self._show_warnings)
            layout.addWidget(self.signer_form)
            self.signer_form.show()
            self.lang_combo.clear()
            for code in campaign.languages:
                self.lang_combo.addItem(i18n.native_name(code), code)
            current = self.lang_combo.findData(self.shell.languages.current)
            self.lang_combo.setCurrentIndex(max(current, 0))
        self.clear()
        self.serial.setFocus()

    def _labels(self) -> None:
        if self.signer_form is not None:
            self.signer_form.set_language(self._sheet_lang(), "*")

    def _sheet_lang(self) -> str:
        data = self.lang_combo.currentData()
        if isinstance(data, str):
            return data
        return self.campaign.languages[0] if self.campaign else "en"

    def clear(self) -> None:
        self.serial.setText("")
        self.row.setValue(1)
        self._clear_row()
        say(self.w(QLabel, "messageLabel"), "")

    def _show_warnings(self, _name: str = "") -> None:
        """A ZIP in another state than the chosen one is flagged, never refused."""
        if self.signer_form is None:
            return
        lang = self.shell.languages.current
        self.signer_form.show_warnings(
            {
                k: problem_text(self.shell.languages, lang, v)
                for k, v in self.signer_form.warnings().items()
            }
        )

    def _clear_row(self) -> None:
        if self.signer_form is not None:
            self.signer_form.clear()
        self.consent.setChecked(False)
        self.w(QRadioButton, "displayFull").setChecked(True)
        say(self.w(QLabel, "serialProblem"), "")
        say(self.w(QLabel, "consentProblem"), "")
        self._labels()

    def _display(self) -> str:
        for key, name in DISPLAY_BUTTONS.items():
            if self.w(QRadioButton, name).isChecked():
                return key
        return "full"

    def save(self) -> None:
        if self.signer_form is None:
            return
        message = self.w(QLabel, "messageLabel")
        serial, row = self.serial.text().strip(), self.row.value()
        ui_lang = self.shell.languages.current
        if not _SERIAL.match(serial):
            say(
                self.w(QLabel, "serialProblem"),
                problem_text(self.shell.languages, ui_lang, "paper_invalid"),
                kind="error",
            )
            return
        say(self.w(QLabel, "serialProblem"), "")
        if self.shell.session.device.paper_row_taken(serial, row):
            say(
                message,
                self.tr("Row %1 of sheet %2 was already entered.")
                .replace("%1", str(row))
                .replace("%2", serial),
                kind="error",
            )
            return
        form = SignatureForm(
            fields=self.signer_form.values(),
            lang=self._sheet_lang(),
            consent=self.consent.isChecked(),
            display=self._display(),
            signature=None,
            source="paper",
            consents=self.signer_form.consents(),
            paper=(serial, row),
        )
        try:
            self.shell.session.device.save(form)
        except ValidationError as exc:
            words = {
                k: problem_text(self.shell.languages, ui_lang, v) for k, v in exc.problems.items()
            }
            self.signer_form.show_problems(words)
            say(self.w(QLabel, "consentProblem"), words.get("consent", ""), kind="error")
            say(self.w(QLabel, "serialProblem"), words.get("paper", ""), kind="error")
            say(message, self.tr("Not saved. Please check the marked fields."), kind="error")
            return
        except Exception as exc:
            say(message, error_text(self.shell.languages, ui_lang, exc), kind="error")
            return
        del form
        self._clear_row()
        say(
            message,
            self.tr("Row %1 of sheet %2 is saved and sealed.")
            .replace("%1", str(row))
            .replace("%2", serial),
            kind="ok",
        )
        if row < self.row.maximum():
            self.row.setValue(row + 1)
        first = self.signer_form.first_edit()
        if first is not None:
            first.setFocus()
