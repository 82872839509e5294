"""Dashboard: the counts and the bars by day, event, device, country, state, district."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout

from ....core import countries, places
from ....core.batches_view import device_labels
from ....core.intake.closing import deletion_due
from ....core.intake.reports import stats as read_stats
from ...screens.base import say
from ..charts import BarChart
from ..signers import when
from .base import OrgTab, num

if TYPE_CHECKING:
    from ..workspace import OrganizerScreen

COUNTS = ("received", "unique", "duplicates", "flagged", "voided", "held")
CHARTS = ("by_day", "by_event", "by_device", "by_country", "by_state", "by_district")


class DashboardTab(OrgTab):
    ui_name = "org_dashboard"

    def __init__(self, host: OrganizerScreen) -> None:
        super().__init__(host)
        self.count_labels = {key: self.w(QLabel, f"{key}Value") for key in COUNTS}
        self.deletion = self.w(QLabel, "deletionWarning")
        self.deletion.hide()
        self.charts: dict[str, BarChart] = {}
        for key in CHARTS:
            chart = BarChart()
            chart.setObjectName(f"chart_{key}")
            layout = self.w(QGroupBox, f"{key}Group").layout()
            assert isinstance(layout, QVBoxLayout)
            layout.addWidget(chart)
            self.charts[key] = chart

    def refresh(self) -> None:
        vault = self.reading
        if vault is None:
            return
        intake = self.intake
        if intake is not None:
            self._deletion_warning(deletion_due(vault, intake.campaign), date.today())
        stats: Mapping[str, Any] = read_stats(vault)  # read by the keys of the widgets
        for key, label in self.count_labels.items():
            label.setText(num(int(stats[key])))
        for key, chart in self.charts.items():
            rows = stats[key]
            if key == "by_device":
                labels = device_labels(vault)
                rows = [{**r, "key": labels.get(r["key"], r["key"][:11])} for r in rows]
            elif key == "by_country":
                lang = self.shell.languages.current
                rows = [{**r, "key": countries.name(r["key"], lang)} for r in rows]
            elif key == "by_state":
                lang = self.shell.languages.current
                rows = [{**r, "key": places.state_name(r["key"], lang)} for r in rows]
            elif key == "by_district":
                split = self.tr("ZIP in several districts")
                rows = [{**r, "key": split if r["key"] == places.SPLIT else r["key"]} for r in rows]
            chart.set_rows([(str(r["key"]), int(r["received"]), int(r["unique"])) for r in rows])

    def _deletion_warning(self, due: date | None, today: date) -> None:
        """The promised deletion date, from two weeks before it: signers were told."""
        if due is None or (due - today).days > 14:
            self.deletion.hide()
            return
        shown = when(due.isoformat())
        if due < today:
            words = self.tr(
                "Signers were promised that their personal data is destroyed by %1, which "
                "has passed. Close the campaign now (tomar campaign close)."
            )
        else:
            words = self.tr(
                "Signers were promised that their personal data is destroyed by %1. "
                "Deliver, then close the campaign (tomar campaign close)."
            )
        say(self.deletion, words.replace("%1", shown), kind="error")

    def clear(self) -> None:
        self.deletion.hide()
        for label in self.count_labels.values():
            label.setText("0")
        for chart in self.charts.values():
            chart.set_rows([])
