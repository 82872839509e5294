"""Create a campaign: texts, fields and keys; a backup that cannot be skipped; export.

Step 1 builds a TOML spec from the form and checks it with `campaign.doc_from_spec`
(the CLI's path), then makes the organizer keys. Step 2 needs BOTH a passphrase-protected
key file (`organizer.backup`) and printed k-of-n recovery shares before step 3 can
sign and export the package, whose fingerprint the organizer reads to volunteers. The
rule is the core's (`organizer.key_safety`, which `create_campaign` enforces for the
command line too); the wizard only shows it. The three steps are pages of one form,
`ui/org_create.ui`; only the rows of fields the campaign may ask for are added in code
(from `spec.FIELD_CHOICES`).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from ...core import organizer
from ...core.atomic import atomic_write
from ...core.campaign import OFFERED_LANGUAGES, doc_from_spec
from ...core.errors import E, TomarError
from ...core.identity import OrganizerIdentity
from ...core.sheets.shares import write_shares
from ..i18n import direction, native_name
from ..screens.base import say
from ..shell import Shell
from ..worker import Cancel, Progress
from . import spec as specs
from .common import OrgScreen, plain
from .preview import KioskPreview

DETAILS, BACKUP, EXPORT = range(3)
BACKUP_NAME = "tomar-organizer-key-backup.age"
SHARES_NAME = "tomar-recovery-shares.pdf"
PACKAGE_SUFFIX = ".tomar-campaign"
MAX_NAME = 60
#: Names Windows keeps for devices, whatever the extension.
RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{i}" for p in ("com", "lpt") for i in range(10)}


def safe_file_name(title: str, fallback: str) -> str:
    """The campaign title as a file name volunteers recognise: letters and digits of any
    script, other runs as one "-", no leading dot, short, never a reserved device name;
    `fallback` (the campaign id) when nothing is left."""
    name = unicodedata.normalize("NFC", title)
    name = "".join(ch if ch.isalnum() else "-" for ch in name)
    name = re.sub(r"-+", "-", name).strip("-")[:MAX_NAME].strip("-")
    if not name or name.lower() in RESERVED:
        return fallback
    return name


class CreateCampaignScreen(OrgScreen, KioskPreview):
    ui_name = "org_create"

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.spec_text = ""
        self.step_label = self.w(QLabel, "stepLabel")
        self.w(QPushButton, "lockButton").clicked.connect(self.shell.lock_now)
        self.pages = self.w(QStackedWidget, "pages")
        self._details_page()
        self._backup_page()
        self._export_page()

    # --- step 1 -----------------------------------------------------------------------

    def _details_page(self) -> None:
        self.org_name = self.w(QLineEdit, "organizerEdit")
        self.kind = self.w(QComboBox, "recipientCombo")
        self.kind.addItem(
            self.tr("Strongest protection (recommended)"),
            "hybrid",
        )
        self.kind.addItem(self.tr("Classic, for older versions of the age tool"), "x25519")
        self.kind.setToolTip(
            self.tr(
                "How the signatures are locked so that only your key opens them. The "
                "recommended choice stays safe even against the quantum computers of the "
                "future; choose the classic one only if your campaign must be opened with an "
                "old version of the age tool."
            )
        )
        self.lang_checks = self._language_checks()
        self.end_date = self.w(QDateEdit, "endDateEdit")
        self.end_date.setDate(QDate.currentDate().addYears(1))
        # Year first, read left to right in every language: "06-12-2027" is a US June 12.
        # (Qt reverses a date format's sections in a right-to-left widget: set it again.)
        self.end_date.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.end_date.setDisplayFormat("yyyy-MM-dd")
        self.signature_check = self.w(QCheckBox, "signatureCheck")
        self.texts = self.w(QTabWidget, "textsTabs")
        self.edits: dict[str, dict[str, QLineEdit | QPlainTextEdit]] = {}
        for i, lang in enumerate(OFFERED_LANGUAGES):
            if i >= self.texts.count():  # the form has English and Persian; more in code
                self.texts.addTab(self._text_tab(lang), "")
            self.texts.setTabText(i, native_name(lang))
            self.w(QWidget, f"textsTab_{lang}").setLayoutDirection(direction(lang))
            edits: dict[str, QLineEdit | QPlainTextEdit] = {
                "title": self.w(QLineEdit, f"title_{lang}"),
                "addressee": self.w(QLineEdit, f"addressee_{lang}"),
                "text": self.w(QPlainTextEdit, f"text_{lang}"),
                "consent": self.w(QPlainTextEdit, f"consent_{lang}"),
            }
            for edit in edits.values():
                edit.textChanged.connect(self.update_preview)
            self.edits[lang] = edits
        self._field_rows()
        self.details_message = self.w(QLabel, "detailsMessage")
        self.keys_button = self.w(QPushButton, "keysButton")
        self.keys_button.clicked.connect(self.make_keys)
        self.preview_lang = self.w(QComboBox, "previewLang")
        for lang in OFFERED_LANGUAGES:
            self.preview_lang.addItem(native_name(lang), lang)
        self.preview_lang.currentIndexChanged.connect(self.update_preview)
        self.preview = self.w(QWidget, "kioskPreview")
        self.preview_title = self.w(QLabel, "previewTitle")
        self.preview_addressee = self.w(QLabel, "previewAddressee")
        self.preview_text = self.w(QLabel, "previewText")
        self.preview_consent = self.w(QLabel, "previewConsent")
        self._preview_parts()

    def _language_checks(self) -> dict[str, QCheckBox]:
        """ "Also in ..." for each language after English (the core's list); Persian is
        ticked, as the first campaign's signers expect it."""
        box = self.w(QWidget, "languagesBox")
        layout = box.layout()
        assert layout is not None
        checks = {}
        for lang in OFFERED_LANGUAGES[1:]:
            check = QCheckBox(self.tr("Also in %1").replace("%1", native_name(lang)), box)
            check.setObjectName(f"langCheck_{lang}")
            check.setChecked(lang == "fa")
            layout.addWidget(check)
            checks[lang] = check
        return checks

    def _text_tab(self, lang: str) -> QWidget:
        """A texts tab like the form's own (same names, the form's words) for a language
        the form does not carry."""
        tab = QWidget()
        tab.setObjectName(f"textsTab_{lang}")
        form = QFormLayout(tab)
        for key, label, cls in (
            ("title", "Title", QLineEdit),
            ("addressee", "Addressed to", QLineEdit),
            ("text", "Petition text", QPlainTextEdit),
            ("consent", "Consent text", QPlainTextEdit),
        ):
            edit = cls(tab)
            edit.setObjectName(f"{key}_{lang}")
            if isinstance(edit, QPlainTextEdit):
                edit.setMinimumHeight(90)
            words = QCoreApplication.translate("OrgCreateForm", label)
            form.addRow(plain(words, name=f"{key}Label_{lang}"), edit)
        return tab

    def _field_rows(self) -> None:
        """One row per field the campaign may ask for (`spec.FIELD_CHOICES`)."""
        grid = self.w(QGridLayout, "fieldsGrid")
        self.field_checks: dict[str, tuple[QCheckBox, QCheckBox]] = {}
        defaults = {"full_name": (True, True), "email": (True, False), "city": (True, True)}
        lang = self.shell.languages.current
        for row, (name, _kind, labels) in enumerate(specs.FIELD_CHOICES, 1):
            label = labels.get(lang, labels["en"])
            ask, req = QCheckBox(), QCheckBox()
            ask.setObjectName(f"ask_{name}")
            req.setObjectName(f"required_{name}")
            on, must = defaults.get(name, (False, False))
            ask.setChecked(on)
            req.setChecked(must)
            if name == "full_name":  # every campaign needs a name
                ask.setEnabled(False)
                req.setEnabled(False)
            ask.toggled.connect(lambda _: self.update_preview())
            req.toggled.connect(lambda _: self.update_preview())
            grid.addWidget(plain(label), row, 0)
            grid.addWidget(ask, row, 1)
            grid.addWidget(req, row, 2)
            self.field_checks[name] = (ask, req)

    def campaign_form(self) -> specs.CampaignForm:
        langs = ["en", *(lang for lang, check in self.lang_checks.items() if check.isChecked())]

        def texts(key: str) -> dict[str, str]:
            return {lang: self._value(self.edits[lang][key]).strip() for lang in langs}

        fields = [
            specs.FieldChoice(name, kind, self.field_checks[name][1].isChecked(), dict(labels))
            for name, kind, labels in specs.FIELD_CHOICES
            if self.field_checks[name][0].isChecked()
        ]
        return specs.CampaignForm(
            languages=langs,
            title=texts("title"),
            addressee=texts("addressee"),
            text=texts("text"),
            consent=texts("consent"),
            fields=fields,
            signature_required=self.signature_check.isChecked(),
            end_date=self.end_date.date().toString("yyyy-MM-dd"),
        )

    def make_keys(self) -> None:
        spec_text = specs.to_toml(self.campaign_form())
        name = self.org_name.text().strip()
        kind = str(self.kind.currentData())
        if not name:
            say(self.details_message, self.tr("Please give the organizer a name."), kind="error")
            return
        try:  # one validation path with the CLI; a throwaway key, nothing stored
            doc_from_spec(spec_text, OrganizerIdentity.generate(name, "x25519"))
        except TomarError as exc:
            self.error(self.details_message, exc)
            return
        say(self.details_message, self.tr("Making the keys…"))
        self.spec_text = spec_text
        vault = self.shell.session.device.vault

        def work(progress: Progress, cancel: Cancel) -> None:
            if organizer.load(vault) is None:
                organizer.init(vault, name, kind)

        self.run(
            work,
            done=lambda _: self.show_step(BACKUP),
            message=self.details_message,
            busy=[self.keys_button],
        )

    # --- step 2 -----------------------------------------------------------------------

    def _backup_page(self) -> None:
        self.key_fpr = self.w(QLabel, "fingerprintLabel")
        self.backup_pass = self.w(QLineEdit, "backupPassEdit")
        self.backup_repeat = self.w(QLineEdit, "backupRepeatEdit")
        self.backup_button = self.w(QPushButton, "backupButton")
        self.backup_button.clicked.connect(self.backup)
        self.backup_state = self.w(QLabel, "backupState")
        self.threshold = self.w(QSpinBox, "thresholdSpin")
        self.share_count = self.w(QSpinBox, "sharesSpin")
        self.shares_button = self.w(QPushButton, "sharesButton")
        self.shares_button.clicked.connect(self.print_shares)
        self.shares_state = self.w(QLabel, "sharesState")
        self.backup_bar = self.w(QProgressBar, "backupBar")
        self.backup_message = self.w(QLabel, "backupMessage")
        self.continue_button = self.w(QPushButton, "continueButton")
        self.continue_button.clicked.connect(self.to_export)

    def backup(self) -> None:
        passphrase, repeat = self.backup_pass.text(), self.backup_repeat.text()
        if passphrase != repeat:
            say(self.backup_message, self.tr("The two passphrases are not the same."), kind="error")
            return
        if len(passphrase) < 8:
            say(
                self.backup_message,
                self.tr("The backup passphrase must have at least 8 characters."),
                kind="error",
            )
            return
        self.shell.choose_folder(
            self.tr("Where to save the key backup"), lambda d: self._backup(d, passphrase)
        )

    def _backup(self, folder: str, passphrase: str) -> None:
        if not folder or not self.shell.session.is_open:
            return
        vault = self.shell.session.device.vault
        out = Path(folder) / BACKUP_NAME

        def work(progress: Progress, cancel: Cancel) -> Path:
            organizer.backup(vault, out, passphrase)
            return out

        def done(path: Path) -> None:
            self.backup_pass.setText("")
            self.backup_repeat.setText("")
            say(self.backup_message, "")
            self.refresh_backup()

        self.run(
            work,
            done=done,
            message=self.backup_message,
            bar=self.backup_bar,
            busy=[self.backup_button],
        )

    def print_shares(self) -> None:
        k, n = self.threshold.value(), self.share_count.value()
        if k > n:
            say(self.backup_message, self.tr("K cannot be larger than N."), kind="error")
            return
        self.shell.choose_folder(
            self.tr("Where to save the recovery shares"), lambda d: self._shares(d, k, n)
        )

    def _shares(self, folder: str, k: int, n: int) -> None:
        if not folder or not self.shell.session.is_open:
            return
        vault = self.shell.session.device.vault
        out = Path(folder) / SHARES_NAME

        def work(progress: Progress, cancel: Cancel) -> None:
            write_shares(vault, out, threshold=k, shares=n, progress=progress, cancel=cancel)

        self.run(
            work,
            done=lambda _: self.refresh_backup(),
            message=self.backup_message,
            bar=self.backup_bar,
            busy=[self.shares_button],
        )

    def refresh_backup(self) -> None:
        if not self.shell.session.is_open:
            return
        vault = self.shell.session.device.vault
        ident = organizer.load(vault)
        self.key_fpr.setText(ident.fingerprint if ident is not None else "")
        safety = organizer.key_safety(vault)  # the rule export asks too
        say(self.backup_state, self.tr("✓ Saved.") if safety.backed_up else "", kind="ok")
        shares = ""
        if safety.shares:  # "k/n": the PDF is written; printing it is the organizer's
            k, _, n = safety.shares.partition("/")
            shares = self.tr(
                "✓ Saved for printing: %Ln sheets, any %1 of them restore the key.",
                "",
                int(n) if n.isdigit() else 0,
            ).replace("%1", QLocale().toString(int(k)) if k.isdigit() else k)
        say(self.shares_state, shares, kind="ok")
        self.continue_button.setEnabled(safety.ready)

    def to_export(self) -> None:
        self.show_step(EXPORT)

    def show_fingerprint(self) -> None:
        """Step 3 asks to read the fingerprint: it is shown there from the start (it is the
        organizer key's, the same before and after the package is written)."""
        if not self.shell.session.is_open:
            return
        ident = organizer.load(self.shell.session.device.vault)
        self.export_fpr.setText(ident.fingerprint if ident is not None else "")

    # --- step 3 -----------------------------------------------------------------------

    def _export_page(self) -> None:
        self.export_button = self.w(QPushButton, "exportButton")
        self.export_button.clicked.connect(self.export)
        self.export_fpr = self.w(QLabel, "exportFingerprint")
        self.export_message = self.w(QLabel, "exportMessage")
        self.open_button = self.w(QPushButton, "openWorkspaceButton")
        self.open_button.clicked.connect(self.open_workspace)

    def export(self) -> None:
        if not self.spec_text:
            self.show_step(DETAILS)
            return
        self.shell.choose_folder(self.tr("Where to save the campaign package"), self._export)

    def _export(self, folder: str) -> None:
        if not folder or not self.shell.session.is_open:
            return
        vault = self.shell.session.device.vault
        spec_text = self.spec_text

        def work(progress: Progress, cancel: Cancel) -> tuple[str, str]:
            campaign, package = organizer.create_campaign(vault, spec_text)
            title = campaign.text("title", "en" if "en" in campaign.languages else "")
            out = Path(folder) / (safe_file_name(title, campaign.id) + PACKAGE_SUFFIX)
            atomic_write(out, package, mode=0o644, what=E.WORD_THE_FILE)
            return campaign.organizer_fingerprint, str(out)

        def done(result: tuple[str, str]) -> None:
            fpr, path = result
            self.export_fpr.setText(fpr)
            say(self.export_message, self.tr("Saved: %1").replace("%1", path), kind="ok")
            self.export_button.setEnabled(False)
            self.open_button.setEnabled(True)

        self.run(work, done=done, message=self.export_message, busy=[self.export_button])

    def open_workspace(self) -> None:
        self.clear()
        self.shell.go("org")

    # --- screen duties ------------------------------------------------------------------

    def show_step(self, step: int) -> None:
        self.pages.setCurrentIndex(step)
        self.step_label.setText(self.tr("Step %1 of 3").replace("%1", QLocale().toString(step + 1)))
        if step == BACKUP:
            self.refresh_backup()
        elif step == EXPORT:
            self.show_fingerprint()

    def enter(self) -> None:
        vault = self.shell.session.device.vault
        if self.pages.currentIndex() == EXPORT and self.open_button.isEnabled():
            return
        if organizer.load(vault) is not None and self.spec_text:
            self.show_step(BACKUP)
        else:
            if organizer.load(vault) is not None and not self.org_name.text():
                ident = organizer.load(vault)
                self.org_name.setText(ident.name if ident else "")
            self.show_step(DETAILS)
        self.update_preview()

    def clear(self) -> None:
        self.cancel_jobs()
        self.backup_pass.setText("")
        self.backup_repeat.setText("")
        self.spec_text = ""
        for edits in self.edits.values():
            for edit in edits.values():
                edit.clear()
        self.org_name.clear()
        self.export_fpr.setText("")
        self.key_fpr.setText("")
        self.export_button.setEnabled(True)
        self.open_button.setEnabled(False)
        for label in (self.details_message, self.backup_message, self.export_message):
            say(label, "")
        self.pages.setCurrentIndex(DETAILS)
