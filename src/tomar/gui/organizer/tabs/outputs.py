"""Outputs: the CSV, delivery sheets (whole, or one packet per office, or counts only),
the campaign report and receipts for devices, written only to the folder the organizer
chooses; and the end of the campaign's data: removing a signer at their request, closing
the campaign (dialogs in `closing.py`), saving the signed closing record."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QProgressBar, QPushButton

from ....core import vault as core_vault
from ....core.atomic import atomic_write
from ....core.errors import E, WrongPassphrase
from ....core.intake import closing
from ....core.sheets import packets
from ....core.sheets.delivery import undrawable_rows, write_delivery
from ....core.sheets.report import write_report
from ....core.sheets.rows import Undrawable
from ...i18n import native_name
from ...screens.base import say
from ...worker import Cancel, Progress
from ..common import ltr
from .base import OrgTab, num
from .closing import CloseDialog, RemoveDialog

if TYPE_CHECKING:
    from ..workspace import OrganizerScreen

T = TypeVar("T")
CSV_NAME = "signers.csv"
#: The export that honours each signer's display choice, as the delivery sheets do.
PUBLIC_CSV_NAME = "signers-public.csv"
DELIVERY_NAME = "delivery-sheets.pdf"
REPORT_NAME = "campaign-report.pdf"
CLOSING_NAME = "closing-record.json"
#: Rows no font can draw, listed by number at most (the count is always given).
MAX_ROWS_LISTED = 20
ACTIONS = {
    "csvButton": "csv",
    "publicCsvButton": "public_csv",
    "deliveryButton": "delivery",
    "reportButton": "report",
    "receiptsButton": "receipts",
    "packetsStateButton": "packets_state",
    "packetsDistrictButton": "packets_district",
    "aggregateButton": "aggregate",
}


def _rows_shown(rows: Sequence[Undrawable]) -> str:
    shown = ", ".join(num(r.row) for r in rows[:MAX_ROWS_LISTED])
    return shown + "…" if len(rows) > MAX_ROWS_LISTED else shown


class OutputsTab(OrgTab):
    ui_name = "org_outputs"
    scrolls = True
    footer = (("outputBar", "outputCancel"), ("outputMessage",))

    def __init__(self, host: OrganizerScreen) -> None:
        super().__init__(host)
        self.sheet_lang = self.w(QComboBox, "sheetLangCombo")
        self.message = self.w(QLabel, "outputMessage")
        self.bar = self.w(QProgressBar, "outputBar")
        self.cancel = self.w(QPushButton, "outputCancel")
        self.cancel.clicked.connect(host.cancel_jobs)
        self.buttons: list[QPushButton] = []
        for name, what in ACTIONS.items():
            b = self.w(QPushButton, name)
            b.clicked.connect(lambda _=False, what=what: self.choose_output(what))
            self.buttons.append(b)
        grid = self.form.findChild(QGridLayout, "outputButtons")
        assert grid is not None
        self.grid = grid
        # The buttons in reading order, with their places in two columns.
        places = [(cast(tuple[int, int, int, int], grid.getItemPosition(grid.indexOf(b))), b)
                  for b in self.buttons]  # fmt: skip
        self.grid_places = sorted(((p[0], p[1]), b) for p, b in places)
        self.columns = 2
        self.state = self.w(QLabel, "campaignState")
        self.remove_button = self.w(QPushButton, "removeSignerButton")
        self.close_button = self.w(QPushButton, "closeCampaignButton")
        self.record_button = self.w(QPushButton, "closingRecordButton")
        self.remove_button.clicked.connect(self.ask_remove)
        self.close_button.clicked.connect(self.ask_close)
        self.record_button.clicked.connect(self.choose_record_folder)
        self.campaign_buttons = [self.remove_button, self.close_button, self.record_button]
        self.record_button.setVisible(False)  # until the campaign is closed
        self.dialog: CloseDialog | RemoveDialog | None = None

    def enter(self) -> None:
        if self.intake is None:
            return
        campaign = self.intake.campaign
        lang = self.shell.languages.current
        self.sheet_lang.clear()
        for code in campaign.languages:
            self.sheet_lang.addItem(native_name(code), code)
        if lang in campaign.languages:
            self.sheet_lang.setCurrentIndex(campaign.languages.index(lang))

    def refresh(self) -> None:
        intake = self.intake
        if intake is None:
            return
        record = intake.closing_record()
        closed = record is not None
        self.remove_button.setEnabled(not closed)
        self.close_button.setEnabled(not closed)
        self.record_button.setVisible(closed)
        if record is not None:
            text = self.tr(
                "This campaign was closed on %1: names and signatures were destroyed; the "
                "counts and the signed closing record remain."
            ).replace("%1", str(record.get("closed_at", ""))[:10])
        else:
            text = self.tr(
                "Closing destroys every signer's personal data and keeps the counts and "
                "proofs. A signer who asks to be removed can be removed before that."
            )
        say(self.state, text)

    def choose_output(self, what: str) -> None:
        self.shell.choose_folder(self.tr("Where to save"), lambda d: self.write_output(what, d))

    def write_output(self, what: str, folder: str) -> None:
        intake = self.intake
        if not folder or intake is None:
            return
        vault = intake.vault
        lang = str(self.sheet_lang.currentData() or intake.campaign.languages[0])
        out_dir = Path(folder)

        undrawable: list[Undrawable] = []
        packets_to_fix: list[packets.Packet] = []

        def work(progress: Progress, cancel: Cancel) -> str:
            if what == "csv":
                progress(0, 0)
                intake.export_csv(out_dir / CSV_NAME)
                return str(out_dir / CSV_NAME)
            if what == "public_csv":
                progress(0, 0)
                intake.export_csv(out_dir / PUBLIC_CSV_NAME, public=True)
                return str(out_dir / PUBLIC_CSV_NAME)
            if what == "delivery":
                progress(0, 0)
                undrawable[:] = undrawable_rows(vault, lang=lang)
                write_delivery(
                    vault, out_dir / DELIVERY_NAME, lang=lang, progress=progress, cancel=cancel
                )
                return str(out_dir / DELIVERY_NAME)
            if what == "report":
                write_report(
                    vault, out_dir / REPORT_NAME, lang=lang, progress=progress, cancel=cancel
                )
                return str(out_dir / REPORT_NAME)
            if what in ("packets_state", "packets_district"):
                split = packets.Split(what.removeprefix("packets_"))
                made = packets.write_packets(
                    vault, out_dir, split, lang=lang, progress=progress, cancel=cancel
                )
                packets_to_fix[:] = [p for p in made.packets if p.undrawable]
                return str(out_dir / "summary.pdf")
            if what == "aggregate":
                progress(0, 0)
                packets.write_aggregate(vault, out_dir, lang=lang)
                return str(out_dir / "aggregate.pdf")
            written = intake.write_receipts(out_dir)
            return str(len(written))

        def done(result: str) -> None:
            if what == "receipts":
                text = self.tr("%Ln receipts written.", "", int(result))
            else:
                # Left to right inside Persian: else "/home/x.pdf" shows as "home/x.pdf/".
                text = self.tr("Saved: %1").replace("%1", ltr(str(result)))
            problems = [self.undrawable_text(undrawable)] if undrawable else []
            problems += [self.packet_undrawable_text(p) for p in packets_to_fix[:MAX_ROWS_LISTED]]
            if problems:
                say(self.message, "\n".join([text, *problems]), kind="error")
                return
            say(self.message, text, kind="ok")

        say(self.message, self.tr("Working…"))
        self.host.run(
            work,
            done=done,
            message=self.message,
            bar=self.bar,
            cancel=self.cancel,
            busy=self.buttons,
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_buttons()

    def fit_buttons(self) -> None:
        """Two columns of buttons when two fit side by side, else one (a portrait screen,
        or long words in Persian and Arabic): the scroll area does not scroll sideways."""
        assert self.area is not None
        inner = self.area.widget()
        assert inner is not None
        room = self.area.viewport().width() - (inner.width() - self.grid.geometry().width())
        widest = max(button.sizeHint().width() for _, button in self.grid_places)
        columns = 2 if 2 * widest + self.grid.horizontalSpacing() <= room else 1
        if columns == self.columns:
            return
        self.columns = columns
        for i, ((row, column), button) in enumerate(self.grid_places):
            self.grid.removeWidget(button)
            self.grid.addWidget(button, *((row, column) if columns == 2 else (i, 0)))

    def undrawable_text(self, rows: Sequence[Undrawable]) -> str:
        """Row numbers only: never the letters or the names themselves."""
        return self.tr(
            "Before printing: %Ln rows have letters that no font on this computer can "
            "draw, and would print as empty boxes. Rows: %1. Install a font for that "
            "script (for example Noto Sans CJK) and save the sheets again.",
            "",
            len(rows),
        ).replace("%1", _rows_shown(rows))

    def packet_undrawable_text(self, packet: packets.Packet) -> str:
        rows = packet.undrawable
        return (
            self.tr(
                "Before printing: in %1, %Ln rows have letters that no font on this "
                "computer can draw, and would print as empty boxes. Rows: %2. Install a font "
                "for that script (for example Noto Sans CJK) and save the packets again.",
                "",
                len(rows),
            )
            .replace("%1", f"\u2068{packet.file}\u2069")  # the file's name, isolated
            .replace("%2", _rows_shown(rows))
        )

    # --- the end of the campaign's data ----------------------------------------------

    def _open(self, dialog: CloseDialog | RemoveDialog) -> None:
        self.dialog = dialog

        def gone() -> None:
            if self.dialog is dialog:
                self.dialog = None
            dialog.deleteLater()

        dialog.finished.connect(lambda _: gone())
        dialog.open()

    def ask_close(self) -> None:
        intake = self.intake
        if intake is None or self.dialog is not None or self.shell.worker.busy:
            return
        campaign = intake.campaign
        lang = self.shell.languages.current
        title = campaign.text(
            "title", lang if lang in campaign.languages else campaign.languages[0]
        )
        dialog = CloseDialog(self, title)
        dialog.accepted.connect(lambda: self.close_campaign(dialog.take_secret()))
        self._open(dialog)

    def close_campaign(self, secret: str) -> None:
        intake = self.intake
        if intake is None:
            return

        def done(closed: closing.Closed) -> None:
            text = self.tr(
                "The campaign is closed with %Ln unique signers. Names and signatures were "
                "destroyed; the vault has a new key. Save the closing record and keep it.",
                "",
                closed.unique,
            )
            say(self.message, text, kind="ok")

        say(self.message, self.tr("Closing the campaign: the vault is being copied…"))
        self._rebuild(lambda: intake.close_campaign(secret), done)

    def ask_remove(self) -> None:
        intake = self.intake
        if intake is None or self.dialog is not None or self.shell.worker.busy:
            return
        dialog = RemoveDialog(self, intake, self.shell.languages.current)

        def accepted() -> None:
            if dialog.chosen is not None:
                self.remove_signer(dialog.chosen, dialog.take_secret())

        dialog.accepted.connect(accepted)
        self._open(dialog)

    def remove_signer(self, record_id: str, secret: str) -> None:
        intake = self.intake
        if intake is None:
            return

        def done(_: None) -> None:
            text = self.tr(
                "The signer was removed on request; the vault has a new key. Sheets printed "
                "before still hold them."
            )
            say(self.message, text, kind="ok")

        say(self.message, self.tr("Removing the signer: the vault is being copied…"))
        self._rebuild(lambda: intake.remove_signer(secret, record_id), done)

    def _rebuild(self, change: Callable[[], T], done: Callable[[T], None]) -> None:
        """Closing and removal: one step on the worker that rebuilds the vault under a new
        key, so it cannot be stopped halfway (no Cancel); every output button waits."""

        def work(progress: Progress, cancel: Cancel) -> T:
            progress(0, 0)
            return _with_passphrase(change)

        self.host.run(
            work,
            done=done,
            message=self.message,
            bar=self.bar,
            busy=[*self.buttons, *self.campaign_buttons],
        )

    def choose_record_folder(self) -> None:
        self.shell.choose_folder(self.tr("Where to save"), self.save_record)

    def save_record(self, folder: str) -> None:
        intake = self.intake
        if not folder or intake is None:
            return
        out = Path(folder) / CLOSING_NAME

        def work(progress: Progress, cancel: Cancel) -> str:
            record = closing.record_bytes(intake.vault)
            if record is None:  # the button shows only once closed
                return ""
            atomic_write(out, record, mode=0o644, what=E.WORD_THE_CLOSING_RECORD)
            return str(out)

        self.host.run(
            work,
            done=lambda path: say(
                self.message, self.tr("Saved: %1").replace("%1", ltr(path)), kind="ok"
            ),
            message=self.message,
            bar=self.bar,
            busy=[*self.buttons, *self.campaign_buttons],
        )

    def clear(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        say(self.message, "")
        say(self.state, "")


def _with_passphrase(fn: Callable[[], T]) -> T:
    """A wrong passphrase slows the next attempt, as at unlock."""
    core_vault.THROTTLE.before_attempt()
    try:
        result = fn()
    except WrongPassphrase:
        core_vault.THROTTLE.failed()
        raise
    core_vault.THROTTLE.succeeded()
    return result
