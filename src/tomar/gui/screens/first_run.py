"""First run: create the vault, then choose the campaign and check its fingerprint.

The campaign package is verified and its organizer fingerprint shown BEFORE anything is
stored; it is imported only when the volunteer says the digits match the ones the
organizer gave out of band (in person, by phone). A demo package is marked DEMO loudly.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QStackedWidget

from ... import demo
from ...core.campaign import Campaign, read_package
from ...core.errors import TomarError
from ..messages import error_text
from ..session import MIN_PASSPHRASE
from ..shell import Shell
from ..worker import Cancel, Progress
from .base import Screen, hold, say

MAX_PACKAGE = 2 * 1024 * 1024
CREATE, CAMPAIGN, CONFIRM = range(3)


def strength(passphrase: str) -> int:
    """0 too short, 1 weak, 2 fair, 3 strong: a hint, not a guarantee."""
    if len(passphrase) < MIN_PASSPHRASE:
        return 0
    kinds = sum(
        any(test(c) for c in passphrase)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    words = len(passphrase.split())
    if len(passphrase) >= 20 or (words >= 4 and len(passphrase) >= 16):
        return 3
    if len(passphrase) >= 12 and kinds >= 2:
        return 2
    return 1


def strength_hint(passphrase: str) -> tuple[str, str]:
    """The line under a new passphrase, and its `say` kind ("info", "ok" or "error").

    Shared with the passphrase change (Settings); translated in this screen's context so
    the first-run translations serve both.
    """

    def tr(source: str) -> str:
        return QCoreApplication.translate("FirstRunScreen", source)

    if not passphrase:
        return tr("Use at least 8 characters. A few unrelated words are best."), "info"
    texts = [
        tr("Too short: use at least 8 characters. A few unrelated words are best."),
        tr("Weak: longer is better, for example four unrelated words."),
        tr("Fair. Longer would be better."),
        tr("Strong."),
    ]
    level = strength(passphrase)
    return texts[level], "ok" if level >= 2 else "error"


class FirstRunScreen(Screen):
    ui_name = "first_run"
    scrolls = True

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.pages = self.w(QStackedWidget, "pages")
        self.pass_edit = self.w(QLineEdit, "passEdit")
        self.repeat_edit = self.w(QLineEdit, "repeatEdit")
        self.create_button = self.w(QPushButton, "createButton")
        self.w(QLabel, "fingerprintLabel").setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.package: bytes | None = None
        self.candidate: Campaign | None = None
        self.pass_edit.textChanged.connect(self._strength)
        self.create_button.clicked.connect(self.create_vault)
        self.repeat_edit.returnPressed.connect(self.create_vault)
        self.w(QPushButton, "importButton").clicked.connect(self.choose_package)
        self.w(QPushButton, "demoButton").clicked.connect(self.use_demo)
        self.w(QPushButton, "matchButton").clicked.connect(self.accept_campaign)
        self.w(QPushButton, "mismatchButton").clicked.connect(self.reject_campaign)
        # A message about what was typed is stale as soon as either box changes.
        for edit in (self.pass_edit, self.repeat_edit):
            edit.textEdited.connect(lambda _: hold(self.w(QLabel, "createMessage")))
        self.add_language_bar()

    def enter(self) -> None:
        self.clear()
        page = CAMPAIGN if self.shell.session.is_open else CREATE
        self.pages.setCurrentIndex(page)
        if page == CREATE:
            self.pass_edit.setFocus()

    def clear(self) -> None:
        self.pass_edit.setText("")
        self.repeat_edit.setText("")
        self.package = None
        self.candidate = None
        self.create_button.setEnabled(True)
        for name in ("createMessage", "campaignMessage", "confirmMessage", "strengthLabel"):
            say(self.w(QLabel, name), "")
        self._strength()

    # --- step 1: the vault ---------------------------------------------------------

    def _strength(self) -> None:
        text, kind = strength_hint(self.pass_edit.text())
        say(self.w(QLabel, "strengthLabel"), text, kind=kind)

    def create_vault(self) -> None:
        message = self.w(QLabel, "createMessage")
        first, second = self.pass_edit.text(), self.repeat_edit.text()
        if len(first) < MIN_PASSPHRASE:
            # The strength line under the box already says "too short": say it once.
            hold(message)
            self._strength()
            self.pass_edit.setFocus()
            return
        if first != second:
            say(message, self.tr("The two passphrases are not the same."), kind="error")
            return
        self.pass_edit.setText("")
        self.repeat_edit.setText("")
        self.create_button.setEnabled(False)
        say(message, self.tr("Creating the vault…"))
        session = self.shell.session

        def work(progress: Progress, cancel: Cancel) -> None:
            session.create(first)

        self.shell.worker.start(work, done=lambda _: self._created(), failed=self._create_failed)

    def _created(self) -> None:
        if not self.shell.session.is_open:
            return
        say(self.w(QLabel, "createMessage"), "")
        self.shell.after_unlock()

    def _create_failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        text = error_text(self.shell.languages, self.shell.languages.current, exc)
        say(self.w(QLabel, "createMessage"), text, kind="error")

    # --- step 2: the campaign ------------------------------------------------------

    def choose_package(self) -> None:
        self.shell.choose_file(
            self.tr("Campaign package"),
            self.tr("Campaign packages (*.tomar-campaign);;All files (*)"),
            self.load_package_file,
        )

    def load_package_file(self, path: str) -> None:
        try:
            with Path(path).open("rb") as fh:
                data = fh.read(MAX_PACKAGE + 1)
        except OSError:
            say(
                self.w(QLabel, "campaignMessage"),
                self.tr("That file cannot be read."),
                kind="error",
            )
            return
        if len(data) > MAX_PACKAGE:
            say(self.w(QLabel, "campaignMessage"), self.tr("That file is too large."), kind="error")
            return
        self.show_package(data)

    def use_demo(self) -> None:
        self.show_package(demo.package())

    def show_package(self, data: bytes) -> None:
        """Verify the package and show its fingerprint; nothing is stored yet."""
        try:
            campaign = read_package(data)
        except TomarError as exc:
            text = error_text(self.shell.languages, self.shell.languages.current, exc)
            say(self.w(QLabel, "campaignMessage"), text, kind="error")
            return
        self.package, self.candidate = data, campaign
        lang = self.shell.languages.current
        title = campaign.text(
            "title", lang if lang in campaign.languages else campaign.languages[0]
        )
        say(self.w(QLabel, "packageTitle"), title)
        self.w(QLabel, "demoWarning").setVisible(campaign.is_demo)
        say(self.w(QLabel, "fingerprintLabel"), campaign.organizer_fingerprint)
        say(self.w(QLabel, "confirmMessage"), "")
        self.pages.setCurrentIndex(CONFIRM)

    def accept_campaign(self) -> None:
        if self.package is None or self.candidate is None:
            return
        try:
            self.shell.session.device.import_campaign(
                self.package, expect_fingerprint=self.candidate.organizer_fingerprint
            )
        except TomarError as exc:
            text = error_text(self.shell.languages, self.shell.languages.current, exc)
            say(self.w(QLabel, "confirmMessage"), text, kind="error")
            return
        self.clear()
        self.shell.go("home")

    def reject_campaign(self) -> None:
        self.package = self.candidate = None
        self.pages.setCurrentIndex(CAMPAIGN)
        say(
            self.w(QLabel, "campaignMessage"),
            self.tr("Nothing was imported. Ask the organizer for the right package."),
            kind="error",
        )
