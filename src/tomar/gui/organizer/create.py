"""Create a campaign: texts, fields and keys; a backup that cannot be skipped; export.

Step 1 builds a TOML spec from the form and checks it with `campaign.doc_from_spec`
(the CLI's path), then makes the organizer keys. Step 2 needs BOTH a passphrase-protected
key file (`organizer.backup`) and printed k-of-n recovery shares before step 3 can
sign and export the package, whose fingerprint the organizer reads to volunteers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import organizer
from ...core.campaign import doc_from_spec
from ...core.errors import TomarError
from ...core.identity import OrganizerIdentity
from ...core.sheets.shares import write_shares
from ..i18n import direction, native_name
from ..screens.base import say
from ..shell import Shell
from ..worker import Cancel, Progress
from . import spec as specs
from .common import OrgScreen, button, plain

DETAILS, BACKUP, EXPORT = range(3)
LANGS = ("en", "fa")
BACKUP_NAME = "tomar-organizer-key-backup.age"
SHARES_NAME = "tomar-recovery-shares.pdf"
META_SHARES = "gui_org_shares_printed"


class CreateCampaignScreen(OrgScreen):
    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.spec_text = ""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        title = plain(self.tr("Create a campaign"), name="titleLabel")
        self.step_label = plain(name="stepLabel")
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(self.step_label)
        head.addWidget(button(self.tr("Lock"), "lockButton", self.shell.lock_now))
        outer.addLayout(head)
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        outer.addWidget(self.pages, 1)
        self._details_page()
        self._backup_page()
        self._export_page()

    # --- step 1 -----------------------------------------------------------------------

    def _details_page(self) -> None:
        page = QWidget()
        layout = QHBoxLayout(page)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        form = QVBoxLayout(inner)
        scroll.setWidget(inner)
        layout.addWidget(scroll, 3)

        top = QFormLayout()
        self.org_name = QLineEdit()
        self.org_name.setObjectName("organizerEdit")
        top.addRow(self.tr("Organizer (shown to volunteers)"), self.org_name)
        self.kind = QComboBox()
        self.kind.setObjectName("recipientCombo")
        self.kind.addItem(self.tr("Hybrid post-quantum (recommended)"), "hybrid")
        self.kind.addItem(self.tr("X25519 (classic, works with older age tools)"), "x25519")
        top.addRow(self.tr("Encryption"), self.kind)
        self.fa_check = QCheckBox(self.tr("Also in Persian (فارسی)"))
        self.fa_check.setObjectName("persianCheck")
        self.fa_check.setChecked(True)
        top.addRow(self.tr("Languages"), self.fa_check)
        self.end_date = QDateEdit(QDate.currentDate().addYears(1))
        self.end_date.setObjectName("endDateEdit")
        self.end_date.setCalendarPopup(True)
        self.end_date.setDisplayFormat("yyyy-MM-dd")
        self.end_date.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        top.addRow(self.tr("End date"), self.end_date)
        self.signature_check = QCheckBox(self.tr("A drawn signature is required"))
        self.signature_check.setObjectName("signatureCheck")
        self.signature_check.setChecked(True)
        top.addRow("", self.signature_check)
        form.addLayout(top)

        self.texts = QTabWidget()
        self.texts.setObjectName("textsTabs")
        self.edits: dict[str, dict[str, QLineEdit | QPlainTextEdit]] = {}
        for lang in LANGS:
            tab = QWidget()
            tab.setLayoutDirection(direction(lang))
            grid = QFormLayout(tab)
            edits: dict[str, QLineEdit | QPlainTextEdit] = {
                "title": QLineEdit(),
                "addressee": QLineEdit(),
                "text": QPlainTextEdit(),
                "consent": QPlainTextEdit(),
            }
            for key, edit in edits.items():
                edit.setObjectName(f"{key}_{lang}")
                if isinstance(edit, QPlainTextEdit):
                    edit.setMinimumHeight(90)
                    edit.textChanged.connect(self.update_preview)
                else:
                    edit.textChanged.connect(self.update_preview)
            grid.addRow(self.tr("Title"), edits["title"])
            grid.addRow(self.tr("Addressed to"), edits["addressee"])
            grid.addRow(self.tr("Petition text"), edits["text"])
            grid.addRow(self.tr("Consent text"), edits["consent"])
            self.edits[lang] = edits
            self.texts.addTab(tab, native_name(lang))
        form.addWidget(self.texts)

        box = QGroupBox(self.tr("Form fields"))
        fgrid = QGridLayout(box)
        fgrid.addWidget(plain(self.tr("Field")), 0, 0)
        fgrid.addWidget(plain(self.tr("Ask")), 0, 1)
        fgrid.addWidget(plain(self.tr("Required")), 0, 2)
        self.field_checks: dict[str, tuple[QCheckBox, QCheckBox]] = {}
        defaults = {"full_name": (True, True), "email": (True, False), "city": (True, True)}
        for row, (name, _kind, en, fa) in enumerate(specs.FIELD_CHOICES, 1):
            label = fa if self.shell.languages.current == "fa" else en  # Persian only in fa
            ask, req = QCheckBox(), QCheckBox()
            ask.setObjectName(f"ask_{name}")
            req.setObjectName(f"required_{name}")
            on, must = defaults.get(name, (False, False))
            ask.setChecked(on)
            req.setChecked(must)
            if name == "full_name":  # every campaign needs a name
                ask.setEnabled(False)
                req.setEnabled(False)
            fgrid.addWidget(plain(label), row, 0)
            fgrid.addWidget(ask, row, 1)
            fgrid.addWidget(req, row, 2)
            self.field_checks[name] = (ask, req)
        form.addWidget(box)
        self.details_message = plain(wrap=True, name="detailsMessage")
        self.details_message.setVisible(False)
        form.addWidget(self.details_message)
        self.keys_button = button(
            self.tr("Check and create the organizer keys"), "keysButton", self.make_keys
        )
        self.keys_button.setDefault(True)
        form.addWidget(self.keys_button)

        side = QVBoxLayout()
        head = QHBoxLayout()
        head.addWidget(plain(self.tr("Kiosk preview")), 1)
        self.preview_lang = QComboBox()
        self.preview_lang.setObjectName("previewLang")
        for lang in LANGS:
            self.preview_lang.addItem(native_name(lang), lang)
        self.preview_lang.currentIndexChanged.connect(self.update_preview)
        head.addWidget(self.preview_lang)
        side.addLayout(head)
        self.preview = QWidget()
        self.preview.setObjectName("kioskPreview")
        self.preview.setStyleSheet(
            "QWidget#kioskPreview { background: white; }"
            " QLabel#previewTitle { font-size: 16pt; font-weight: bold; color: #1f4e8c; }"
        )
        pv = QVBoxLayout(self.preview)
        self.preview_title = plain(wrap=True, name="previewTitle")
        self.preview_addressee = plain(wrap=True, name="previewAddressee")
        self.preview_text = plain(wrap=True, name="previewText")
        self.preview_consent = plain(wrap=True, name="previewConsent")
        for w in (
            self.preview_title,
            self.preview_addressee,
            self.preview_text,
            self.preview_consent,
        ):
            pv.addWidget(w)
        pv.addStretch(1)
        pscroll = QScrollArea()
        pscroll.setWidgetResizable(True)
        pscroll.setWidget(self.preview)
        side.addWidget(pscroll, 1)
        layout.addLayout(side, 2)
        self.pages.addWidget(page)

    def update_preview(self) -> None:
        lang = str(self.preview_lang.currentData() or "en")
        edits = self.edits[lang]
        self.preview.setLayoutDirection(direction(lang))
        self.preview_title.setText(self._value(edits["title"]))
        self.preview_addressee.setText(self._value(edits["addressee"]))
        self.preview_text.setText(self._value(edits["text"]))
        self.preview_consent.setText("☐ " + self._value(edits["consent"]))

    @staticmethod
    def _value(edit: QLineEdit | QPlainTextEdit) -> str:
        return edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()

    def campaign_form(self) -> specs.CampaignForm:
        langs = ["en", "fa"] if self.fa_check.isChecked() else ["en"]

        def texts(key: str) -> dict[str, str]:
            return {lang: self._value(self.edits[lang][key]).strip() for lang in langs}

        fields = [
            specs.FieldChoice(
                name, kind, self.field_checks[name][1].isChecked(), {"en": en, "fa": fa}
            )
            for name, kind, en, fa in specs.FIELD_CHOICES
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
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(
            plain(
                self.tr(
                    "Back up the organizer key now. If it is lost, every signature of the "
                    "campaign is lost with it. Both backups are needed before the campaign "
                    "can be exported."
                ),
                wrap=True,
                name="backupIntro",
            )
        )
        v.addWidget(plain(self.tr("Organizer key fingerprint")))
        self.key_fpr = plain(name="fingerprintLabel")
        self.key_fpr.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        v.addWidget(self.key_fpr)

        box1 = QGroupBox(self.tr("1. Key file protected by a passphrase"))
        f1 = QFormLayout(box1)
        self.backup_pass = QLineEdit()
        self.backup_pass.setObjectName("backupPassEdit")
        self.backup_pass.setEchoMode(QLineEdit.EchoMode.Password)
        self.backup_repeat = QLineEdit()
        self.backup_repeat.setObjectName("backupRepeatEdit")
        self.backup_repeat.setEchoMode(QLineEdit.EchoMode.Password)
        f1.addRow(self.tr("Backup passphrase"), self.backup_pass)
        f1.addRow(self.tr("Repeat it"), self.backup_repeat)
        self.backup_button = button(self.tr("Save the key backup…"), "backupButton", self.backup)
        self.backup_state = plain(wrap=True, name="backupState")
        f1.addRow(self.backup_button, self.backup_state)
        v.addWidget(box1)

        box2 = QGroupBox(self.tr("2. Printed recovery shares (any K of N restore the key)"))
        f2 = QHBoxLayout(box2)
        self.threshold = QSpinBox()
        self.threshold.setObjectName("thresholdSpin")
        self.threshold.setRange(2, 16)
        self.threshold.setValue(3)
        self.threshold.setMaximumWidth(90)
        self.share_count = QSpinBox()
        self.share_count.setObjectName("sharesSpin")
        self.share_count.setRange(2, 16)
        self.share_count.setValue(5)
        self.share_count.setMaximumWidth(90)
        f2.addWidget(plain(self.tr("K")))
        f2.addWidget(self.threshold)
        f2.addWidget(plain(self.tr("of N")))
        f2.addWidget(self.share_count)
        self.shares_button = button(
            self.tr("Print the recovery shares…"), "sharesButton", self.print_shares
        )
        f2.addWidget(self.shares_button)
        self.shares_state = plain(wrap=True, name="sharesState")
        f2.addWidget(self.shares_state, 1)
        v.addWidget(box2)
        self.backup_bar = QProgressBar()
        self.backup_bar.setVisible(False)
        v.addWidget(self.backup_bar)
        self.backup_message = plain(wrap=True, name="backupMessage")
        self.backup_message.setVisible(False)
        v.addWidget(self.backup_message)
        v.addStretch(1)
        self.continue_button = button(self.tr("Continue"), "continueButton", self.to_export)
        v.addWidget(self.continue_button)
        self.pages.addWidget(page)

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

        def done(path: Any) -> None:
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
            with vault.transaction() as conn:
                vault.set_meta(conn, META_SHARES, f"{k}/{n}".encode())

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
        key_done = organizer.is_backed_up(vault)
        shares = vault.get_meta(META_SHARES)
        say(self.backup_state, self.tr("✓ Saved.") if key_done else "", kind="ok")
        say(
            self.shares_state,
            self.tr("✓ Printed (%1).").replace("%1", shares.decode()) if shares else "",
            kind="ok",
        )
        self.continue_button.setEnabled(key_done and shares is not None)

    def to_export(self) -> None:
        self.show_step(EXPORT)

    # --- step 3 -----------------------------------------------------------------------

    def _export_page(self) -> None:
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(
            plain(
                self.tr(
                    "Export the signed campaign package and give it to the volunteers. Read "
                    "them this fingerprint in person or by phone: their app asks them to "
                    "compare it."
                ),
                wrap=True,
            )
        )
        self.export_button = button(
            self.tr("Export the campaign package…"), "exportButton", self.export
        )
        v.addWidget(self.export_button)
        self.export_fpr = plain(name="exportFingerprint")
        self.export_fpr.setStyleSheet("font-size: 22pt; font-weight: bold; color: #1f4e8c;")
        self.export_fpr.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        v.addWidget(self.export_fpr)
        self.export_message = plain(wrap=True, name="exportMessage")
        self.export_message.setVisible(False)
        v.addWidget(self.export_message)
        v.addStretch(1)
        self.open_button = button(
            self.tr("Open the organizer workspace"), "openWorkspaceButton", self.open_workspace
        )
        self.open_button.setEnabled(False)
        v.addWidget(self.open_button)
        self.pages.addWidget(page)

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
            out = Path(folder) / f"{campaign.id}.tomar-campaign"
            out.write_bytes(package)
            return campaign.organizer_fingerprint, str(out)

        def done(result: Any) -> None:
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
