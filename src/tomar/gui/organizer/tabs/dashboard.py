"""Dashboard: the counts and the bars by day, event, device and country."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout

from ....core import countries
from ....core.batches_view import device_labels
from ....core.intake.reports import stats as read_stats
from ..charts import BarChart
from .base import OrgTab, num

if TYPE_CHECKING:
    from ..workspace import OrganizerScreen

COUNTS = ("received", "unique", "duplicates", "flagged", "voided", "held")
CHARTS = ("by_day", "by_event", "by_device", "by_country")


class DashboardTab(OrgTab):
    ui_name = "org_dashboard"

    def __init__(self, host: OrganizerScreen) -> None:
        super().__init__(host)
        self.count_labels = {key: self.w(QLabel, f"{key}Value") for key in COUNTS}
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
            chart.set_rows([(str(r["key"]), int(r["received"]), int(r["unique"])) for r in rows])

    def clear(self) -> None:
        for label in self.count_labels.values():
            label.setText("0")
        for chart in self.charts.values():
            chart.set_rows([])
