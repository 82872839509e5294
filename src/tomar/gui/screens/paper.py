"""Paper: blank sheets to hand out, and data entry of one row, sealed like a kiosk
signature.

Blank sheets (`core.sheets.blank.write_blank`, the CLI's `tomar sheets blank`) are
written through the worker, to a folder the volunteer picks or, to print, to a private
temporary folder opened in the system's PDF viewer (Qt's PySide6-Essentials has no PDF
renderer for QPrinter). A blank sheet holds only the campaign's public texts and serials,
never a signer's data, so the temporary copy is harmless.

The volunteer types what is written on the sheet (sheet serial, row number, fields,
whether the consent box was ticked, the display choice). The record is marked
`source="paper"` with `paper=(serial, row)` and has no drawn signature. Problems are
shown in the interface language: the volunteer is the one typing.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.campaign import Campaign
from ...core.errors import E, ValidationError
from ...core.records import SignatureForm
from ...core.sheets import blank
from .. import i18n
from ..messages import error_text, problem_text
from ..shell import Shell
from ..signer_form import SignerForm
from ..worker import Cancel, Job, Progress
from .base import Screen, reserve, say

_SERIAL = re.compile(r"^[A-Za-z0-9-]{1,40}$")
DISPLAY_BUTTONS = {"full": "displayFull", "initials": "displayInitials", "hidden": "displayHidden"}


class PaperScreen(Screen):
    ui_name = "paper"
    scrolls = True

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
        # Messages have room of their own: a "saved" line never pushes Save up.
        reserve(self.w(QLabel, "messageLabel"))
        reserve(self.w(QLabel, "serialProblem"), 1)
        reserve(self.w(QLabel, "consentProblem"), 1)
        reserve(self.w(QLabel, "blankMessage"), 1)
        # On a short screen the whole screen scrolls; the fields keep room for a few rows
        # instead of shrinking to one.
        self.w(QScrollArea, "formScroll").setMinimumHeight(260)
        self.blank_pages = self.w(QSpinBox, "blankPages")
        self.blank_pages.setMaximum(blank.MAX_SHEETS)
        self.blank_lang = self.w(QComboBox, "blankLangCombo")
        self.blank_job: Job[Path] | None = None
        self.w(QPushButton, "blankSaveButton").clicked.connect(self.save_blank)
        self.w(QPushButton, "blankPrintButton").clicked.connect(self.print_blank)

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
            for combo in (self.lang_combo, self.blank_lang):
                combo.clear()
                for code in campaign.languages:
                    combo.addItem(i18n.native_name(code), code)
                current = combo.findData(self.shell.languages.current)
                combo.setCurrentIndex(max(current, 0))
        self.clear()
        self.serial.setFocus()

    # --- blank sheets ---------------------------------------------------------------

    def save_blank(self) -> None:
        if self.blank_job is None:
            self.shell.choose_folder(self.tr("Where to save the blank sheets"), self._blank_to)

    def print_blank(self) -> None:
        if self.blank_job is None:
            folder = tempfile.mkdtemp(prefix="tomar-blank-")
            self._blank_to(folder, open_after=True)

    def _blank_to(self, folder: str, *, open_after: bool = False) -> None:
        if not self.shell.session.is_open or self.blank_job is not None:
            return
        vault = self.shell.session.device.vault
        lang = self.blank_lang.currentData()
        lang = lang if isinstance(lang, str) else None
        pages = self.blank_pages.value()
        out = _free_name(Path(folder), f"blank-sheets-{lang or 'sheet'}", ".pdf")

        def work(progress: Progress, cancel: Cancel) -> Path:
            blank.write_blank(vault, out, sheets=pages, lang=lang, progress=progress, cancel=cancel)
            return out

        for name in ("blankSaveButton", "blankPrintButton"):
            self.w(QPushButton, name).setEnabled(False)
        say(self.w(QLabel, "blankMessage"), self.tr("Writing the blank sheets…"))
        self.blank_job = self.shell.worker.start(
            work,
            done=lambda path: self._blank_done(path, open_after),
            failed=self._blank_failed,
            finished=self._blank_finished,
        )

    def _blank_done(self, path: Path, open_after: bool) -> None:
        message = self.w(QLabel, "blankMessage")
        if open_after:
            self.shell.open_document(path)
            say(message, self.tr("The sheets are open in your PDF viewer: print them from there."))
        else:
            say(message, self.tr("Blank sheets saved: %1").replace("%1", str(path)), kind="ok")

    def _blank_failed(self, exc: BaseException) -> None:
        text = error_text(self.shell.languages, self.shell.languages.current, exc)
        say(self.w(QLabel, "blankMessage"), text, kind="error")

    def _blank_finished(self) -> None:
        self.blank_job = None
        for name in ("blankSaveButton", "blankPrintButton"):
            self.w(QPushButton, name).setEnabled(True)

    # --- typing in a row -----------------------------------------------------------

    def _labels(self) -> None:
        if self.signer_form is not None:
            lang = self._sheet_lang()
            self.signer_form.set_language(lang, "*", self.tr("Required"))
            # The sheet's language decides the row's direction: a Persian sheet is typed
            # into a right-to-left grid (labels on the right, the star after the word).
            self.signer_form.setLayoutDirection(i18n.direction(lang))

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
                problem_text(self.shell.languages, ui_lang, E.VALIDATION_PAPER_INVALID),
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


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    """`stem.pdf`, or `stem-2.pdf`... : an earlier print is never overwritten."""
    candidate = folder / f"{stem}{suffix}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{n}{suffix}"
        n += 1
    return candidate
