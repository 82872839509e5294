"""What every organizer tab shares: its form, its host workspace, and its three duties."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeVar

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ....core.intake import Intake
from ....core.vault import Vault
from ...uiload import child, load_ui

if TYPE_CHECKING:
    from ..workspace import OrganizerScreen

T = TypeVar("T", bound=QObject)
KEY = Qt.ItemDataRole.UserRole  # the value a row stands for, kept apart from what is shown


class OrgTab(QWidget):
    ui_name: ClassVar[str]
    #: A tab taller than a short screen (600 px) scrolls up and down instead of pressing
    #: its buttons into each other.
    scrolls: ClassVar[bool] = False
    #: Of a scrolling tab, the rows of widgets that stay in view below the scrolling part
    #: (a job's progress and its result: else they appear out of sight, under the fold).
    footer: ClassVar[tuple[tuple[str, ...], ...]] = ()

    def __init__(self, host: OrganizerScreen) -> None:
        super().__init__()
        self.host = host
        self.shell = host.shell
        self.area: QScrollArea | None = None
        if not self.scrolls:
            self.form = load_ui(self.ui_name, self)
            return
        inner = QWidget()
        self.form = load_ui(self.ui_name, inner)
        self.area = area = QScrollArea()
        area.setObjectName(f"{self.ui_name}Scroll")
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(area)
        for names in self.footer:
            row = QHBoxLayout()
            for i, name in enumerate(names):  # the first takes the width left
                row.addWidget(child(self.form, QWidget, name), 1 if i == 0 else 0)
            layout.addLayout(row)

    def w(self, cls: type[T], name: str) -> T:
        return child(self, cls, name)

    @property
    def intake(self) -> Intake | None:
        return self.host.intake

    @property
    def reading(self) -> Vault | None:
        """Where the tab reads: the second handle, so it stays usable during an import."""
        if self.host.intake is None:
            return None
        return self.host.reader or self.host.intake.vault

    def enter(self) -> None:
        """The vault was opened (or the language changed): set what depends on the campaign."""

    def refresh(self) -> None:
        """Read again what the tab shows (only while no job runs)."""

    def clear(self) -> None:
        """Forget everything shown: lock, leaving."""


def num(value: int) -> str:
    return QLocale().toString(int(value))


def item(text: str, key: str | None = None) -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if key is not None:
        cell.setData(KEY, key)
    return cell


def fill(table: QTableWidget, rows: list[list[str]], keys: list[str] | None = None) -> None:
    """Show `rows`; `keys[r]` is kept in the first cell of row r (read by `selected_key`)."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, item(value, keys[r] if keys is not None and c == 0 else None))
    table.resizeColumnsToContents()


def selected_key(table: QTableWidget) -> str | None:
    row = table.currentRow()
    cell = table.item(row, 0) if row >= 0 else None
    key = cell.data(KEY) if cell is not None else None
    return str(key) if key else None
