"""Outputs: the CSV, delivery sheets (whole, or one packet per office, or counts only),
the campaign report and receipts for devices, written only to the folder the organizer
chooses."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLabel, QProgressBar, QPushButton

from ....core.sheets import packets
from ....core.sheets.delivery import write_delivery
from ....core.sheets.report import write_report
from ...i18n import native_name
from ...screens.base import say
from ...worker import Cancel, Progress
from .base import OrgTab, num

if TYPE_CHECKING:
    from ..workspace import OrganizerScreen

CSV_NAME = "signers.csv"
#: The export that honours each signer's display choice, as the delivery sheets do.
PUBLIC_CSV_NAME = "signers-public.csv"
DELIVERY_NAME = "delivery-sheets.pdf"
REPORT_NAME = "campaign-report.pdf"
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


class OutputsTab(OrgTab):
    ui_name = "org_outputs"

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

    def choose_output(self, what: str) -> None:
        self.shell.choose_folder(self.tr("Where to save"), lambda d: self.write_output(what, d))

    def write_output(self, what: str, folder: str) -> None:
        intake = self.intake
        if not folder or intake is None:
            return
        vault = intake.vault
        lang = str(self.sheet_lang.currentData() or intake.campaign.languages[0])
        out_dir = Path(folder)

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
                packets.write_packets(
                    vault, out_dir, split, lang=lang, progress=progress, cancel=cancel
                )
                return str(out_dir / "summary.pdf")
            if what == "aggregate":
                progress(0, 0)
                packets.write_aggregate(vault, out_dir, lang=lang)
                return str(out_dir / "aggregate.pdf")
            written = intake.write_receipts(out_dir)
            return str(len(written))

        def done(result: str) -> None:
            if what == "receipts":
                text = self.tr("%1 receipts written.").replace("%1", num(int(result)))
            else:
                text = self.tr("Saved: %1").replace("%1", str(result))
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

    def clear(self) -> None:
        say(self.message, "")
