"""Closing the campaign and removing one signer at their request, from the Outputs tab.

Both destroy data for good, so both ask for a deliberate act (the campaign's title typed
out; a chosen row and a second "yes"), with Cancel as the default button, and both need
the vault passphrase, which the rebuild under a fresh key asks for. The dialogs only
collect the decision; the Outputs tab runs the core's `Intake.close_campaign` and
`Intake.remove_signer` on the one worker. Nothing typed or found outlives a dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QWidget,
)

from ....core.intake import Intake
from ....core.normalize import clean_text
from ....core.signers_view import signer_ids, signer_rows
from ...screens.base import hold, say
from ...uiload import child, load_ui
from ..signers import field_value, when
from .base import fill, num, selected_key

#: Matches listed at most: enough to pick a person, never a way to page through everyone.
MAX_MATCHES = 50


def _same_title(typed: str, title: str) -> bool:
    """Typed as shown, give or take spaces and letter case."""
    a, b = " ".join(clean_text(typed).split()), " ".join(clean_text(title).split())
    return bool(a) and a.casefold() == b.casefold()


def _forget(dialog: QDialog) -> None:
    for edit in dialog.findChildren(QLineEdit):
        edit.setText("")
    for table in dialog.findChildren(QTableWidget):
        table.setRowCount(0)


class CloseDialog(QDialog):
    """What closing destroys and what it keeps; the title typed out and the passphrase."""

    def __init__(self, parent: QWidget, title: str) -> None:
        super().__init__(parent)
        self.setObjectName("closeDialog")
        self.setWindowTitle("Tomar")
        self.setModal(True)
        self.setMinimumWidth(560)
        self.form = load_ui("org_close_dialog", self)
        self.title = title
        self._secret = ""
        child(self.form, QLabel, "closeCampaignTitle").setText(title)
        self.name = child(self.form, QLineEdit, "closeNameEdit")
        self.passphrase = child(self.form, QLineEdit, "closePassEdit")
        self.message = child(self.form, QLabel, "closeMessage")
        self.yes = child(self.form, QPushButton, "closeConfirm")
        self.no = child(self.form, QPushButton, "closeCancel")
        say(self.message, "")
        self.no.setDefault(True)
        self.no.clicked.connect(self.reject)
        self.yes.clicked.connect(self.accept)
        self.name.textChanged.connect(lambda _: self._ready())
        self.passphrase.textChanged.connect(lambda _: self._ready())
        self.finished.connect(lambda _: _forget(self))
        self.name.setFocus()

    def _ready(self) -> None:
        typed = self.name.text()
        same = _same_title(typed, self.title)
        self.yes.setEnabled(same and bool(self.passphrase.text()))
        if typed and not same:
            say(self.message, self.tr("The title typed is not the campaign's title."))
        else:
            hold(self.message)

    def accept(self) -> None:
        self._secret = self.passphrase.text()  # the box is emptied as the dialog ends
        super().accept()

    def take_secret(self) -> str:
        """The passphrase given on accepting, handed over once."""
        secret, self._secret = self._secret, ""
        return secret


class RemoveDialog(QDialog):
    """Find a signer as `tomar signer find` does, pick one, confirm, give the passphrase."""

    def __init__(self, parent: QWidget, intake: Intake, lang: str) -> None:
        super().__init__(parent)
        self.setObjectName("removeDialog")
        self.setWindowTitle("Tomar")
        self.setModal(True)
        self.setMinimumSize(720, 520)
        self.form = load_ui("org_remove_dialog", self)
        self.intake = intake
        self.lang = lang
        self.kinds = {f.name: f.kind for f in intake.campaign.fields}
        self.search = child(self.form, QLineEdit, "removeSearchEdit")
        self.results = child(self.form, QTableWidget, "removeResults")
        self.passphrase = child(self.form, QLineEdit, "removePassEdit")
        self.message = child(self.form, QLabel, "removeMessage")
        self.yes = child(self.form, QPushButton, "removeConfirm")
        self.no = child(self.form, QPushButton, "removeCancel")
        self.confirm_box: QMessageBox | None = None
        self.chosen: str | None = None
        self._secret = ""
        headers = [self.tr("Time"), self.tr("Name"), self.tr("City"), self.tr("Event")]
        self.results.setColumnCount(len(headers))
        self.results.setHorizontalHeaderLabels(headers)
        self.results.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        say(self.message, "")
        self.no.setDefault(True)
        self.no.clicked.connect(self.reject)
        self.yes.clicked.connect(self.ask)
        child(self.form, QPushButton, "removeFindButton").clicked.connect(self.look_up)
        self.search.returnPressed.connect(self.look_up)
        self.results.itemSelectionChanged.connect(self._ready)
        self.passphrase.textChanged.connect(lambda _: self._ready())
        self.finished.connect(lambda _: self._ended())
        self.search.setFocus()

    def _ended(self) -> None:
        """Locked or cancelled: the question goes too, and nothing found stays shown."""
        if self.confirm_box is not None:
            self.confirm_box.reject()
        _forget(self)

    def look_up(self) -> None:
        """Signers whose name, contact or event contains the text (the CLI's search)."""
        needle = self.search.text().strip()
        if not needle:
            fill(self.results, [])
            say(self.message, self.tr("Type a name, an email or a phone number."))
            self._ready()
            return
        vault = self.intake.vault
        ids = signer_ids(vault, search=needle)
        rows = signer_rows(vault, ids[:MAX_MATCHES])
        fill(
            self.results,
            [
                [when(r.time), r.name, field_value(r.fields, self.kinds, "city"), r.event_name]
                for r in rows
            ],
            [r.record_id for r in rows],
        )
        self.results.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        if not ids:
            text = self.tr("No signer found.")
        elif len(ids) > MAX_MATCHES:
            text = (
                self.tr("%1 signers found; the first %2 are shown. Type more to narrow it.")
                .replace("%1", num(len(ids)))
                .replace("%2", num(MAX_MATCHES))
            )
        else:
            text = self.tr("Signers found: %1. Choose the one to remove.").replace(
                "%1", num(len(ids))
            )
        say(self.message, text)
        self._ready()

    def _ready(self) -> None:
        picked = selected_key(self.results) if self.results.selectedItems() else None
        self.yes.setEnabled(picked is not None and bool(self.passphrase.text()))

    def ask(self) -> None:
        """The second "yes": what removal does, Cancel by default."""
        picked = selected_key(self.results)
        if picked is None or self.confirm_box is not None:
            return
        box = QMessageBox(self)
        box.setObjectName("removeConfirmBox")
        box.setWindowTitle("Tomar")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr(
                "Remove the chosen signer for good? Their name, contact details and "
                "signature leave the vault and every output made from now on. This cannot "
                "be undone."
            )
        )
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        remove.setObjectName("removeYes")
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        cancel.setObjectName("removeNo")
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        self.confirm_box = box

        def answered() -> None:
            self.confirm_box = None
            if box.clickedButton() is remove:
                self.chosen = picked
                self.accept()
            box.deleteLater()

        box.finished.connect(lambda _: answered())
        box.open()

    def accept(self) -> None:
        self._secret = self.passphrase.text()  # the box is emptied as the dialog ends
        super().accept()

    def take_secret(self) -> str:
        """The passphrase given on accepting, handed over once."""
        secret, self._secret = self._secret, ""
        return secret
