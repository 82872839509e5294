"""The signers table: a windowed model over the vault, and the drawn signature.

The model keeps only the rowids matching the filter (one indexed query), and reads the
rows a view actually shows in pages of `PAGE`, so 200,000 signers open and filter in a
fraction of a second. Signer text is untrusted: it is only ever shown as plain text
(item views draw DisplayRole text as plain text).
"""

from __future__ import annotations

import json
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from ...core import countries, strokes
from ...core.vault import Vault

PAGE = 256
MAX_PAGES = 64
FILTERS = ("all", "unique", "duplicates", "flagged", "voided")
LIVE = "voided_by IS NULL"
_FLAGGED = (
    "s.voided_by IS NULL AND s.dup_of IS NULL AND coalesce(s.review, '') != 'distinct' AND ("
    "EXISTS (SELECT 1 FROM signers t WHERE t.name_city = s.name_city "
    "AND t.record_id != s.record_id AND t.voided_by IS NULL AND t.dup_of IS NULL "
    "AND coalesce(t.review, '') != 'distinct') OR "
    "EXISTS (SELECT 1 FROM signers t WHERE t.translit = s.translit "
    "AND t.record_id != s.record_id AND t.voided_by IS NULL AND t.dup_of IS NULL "
    "AND coalesce(t.review, '') != 'distinct'))"
)
WHERE = {
    "all": "1",
    "unique": "s.voided_by IS NULL AND s.dup_of IS NULL",
    "duplicates": "s.voided_by IS NULL AND s.dup_of IS NOT NULL",
    "flagged": _FLAGGED,
    "voided": "s.voided_by IS NOT NULL",
}
Index = QModelIndex | QPersistentModelIndex


def field_value(fields: dict[str, str], kinds: dict[str, str], kind: str) -> str:
    for name, k in kinds.items():
        if k == kind and fields.get(name):
            return str(fields[name])
    return ""


class SignersModel(QAbstractTableModel):
    HEADERS = ("Time", "Name", "City", "Country", "Event", "Source", "Status")

    def __init__(self, kinds: dict[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault: Vault | None = None
        self.kinds = kinds
        self.ids: list[int] = []
        self.pages: OrderedDict[int, list[tuple[Any, ...]]] = OrderedDict()
        self.headers = list(self.HEADERS)
        self.source_words: dict[str, str] = {}
        self.lang = "en"  # for country names
        self.status_words = {
            "unique": "unique",
            "duplicate": "duplicate",
            "voided": "voided",
        }

    # --- the query ----------------------------------------------------------------

    def load(self, vault: Vault | None, kind: str = "all", search: str = "") -> None:
        """Select the rowids to show (fast: one query); rows are read when shown."""
        self.beginResetModel()
        self.vault = vault
        self.pages.clear()
        self.ids = []
        if vault is not None:
            sql = f"SELECT s.rowid FROM signers s WHERE {WHERE[kind]}"  # noqa: S608
            args: list[str] = []
            needle = search.strip()
            if needle:
                like = (
                    "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
                )
                sql += (
                    " AND (s.name LIKE ? ESCAPE '\\' OR s.fields LIKE ? ESCAPE '\\' "
                    "OR s.email LIKE ? ESCAPE '\\' OR s.phone LIKE ? ESCAPE '\\' "
                    "OR s.event_name LIKE ? ESCAPE '\\')"
                )
                args = [like] * 5
            sql += " ORDER BY s.rowid"
            self.ids = [r[0] for r in vault.conn.execute(sql, args)]
        self.endResetModel()

    def clear(self) -> None:
        self.load(None)

    def _page(self, number: int) -> list[tuple[Any, ...]]:
        page = self.pages.get(number)
        if page is not None:
            self.pages.move_to_end(number)
            return page
        ids = self.ids[number * PAGE : (number + 1) * PAGE]
        rows: dict[int, tuple[Any, ...]] = {}
        if self.vault is not None and ids:
            marks = ",".join("?" * len(ids))
            for row in self.vault.conn.execute(
                "SELECT rowid, record_id, time, name, fields, country, event_name, source, "  # noqa: S608
                f"dup_of, voided_by, review FROM signers WHERE rowid IN ({marks})",
                ids,
            ):
                rows[row[0]] = row
        page = [rows.get(i, (i, "", "", "", "{}", "", "", "", None, None, None)) for i in ids]
        self.pages[number] = page
        while len(self.pages) > MAX_PAGES:
            self.pages.popitem(last=False)
        return page

    def row(self, index: int) -> tuple[Any, ...]:
        return self._page(index // PAGE)[index % PAGE]

    def record_id(self, index: int) -> str:
        return str(self.row(index)[1])

    # --- Qt -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def status(self, row: tuple[Any, ...]) -> str:
        if row[9] is not None:
            return self.status_words["voided"]
        if row[8] is not None:
            return self.status_words["duplicate"]
        return self.status_words["unique"]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return None
        row = self.row(index.row())
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#8a94a3") if row[9] is not None else None
        col = index.column()
        if col == 0:
            return str(row[2]).replace("T", " ")[:16]
        if col == 1:
            return str(row[3])
        if col == 2:
            try:
                fields = json.loads(row[4])
            except ValueError:
                fields = {}
            return field_value(fields if isinstance(fields, dict) else {}, self.kinds, "city")
        if col == 3:
            return countries.name(str(row[5]), self.lang)
        if col == 4:
            return str(row[6])
        if col == 5:
            return self.source_words.get(str(row[7]), str(row[7]))
        return self.status(row)


class SignatureView(QWidget):
    """The drawn signature of the selected signer, with the geometry of the PDF."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.signature: strokes.Signature | None = None
        self.setMinimumSize(240, 120)
        self.setObjectName("signatureView")

    def set_strokes(self, data: bytes | None) -> None:
        self.signature = None
        if data:
            try:
                self.signature = strokes.decode(data)
            except Exception:  # a damaged drawing shows as none
                self.signature = None
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        p.setPen(QPen(QColor("#c9d1dc")))
        p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        if self.signature is None:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "–")
            p.end()
            return
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor("#10223d"), 2.0))
        margin = 8
        paths = strokes.scaled_paths(
            self.signature, self.width() - 2 * margin, self.height() - 2 * margin
        )
        for stroke in paths:
            if not stroke:
                continue
            path = QPainterPath()
            path.moveTo(stroke[0][0] + margin, stroke[0][1] + margin)
            for x, y, _ in stroke[1:]:
                path.lineTo(x + margin, y + margin)
            p.drawPath(path)
        p.end()
