"""The signers table: a windowed model over the vault, and the drawn signature.

The model keeps only the rowids matching the filter (`core.signers_view.signer_ids`, one
indexed query), and reads the rows a view actually shows in pages of `PAGE`, so 200,000
signers open and filter in a fraction of a second. Signer text is untrusted: it is only
ever shown as plain text (item views draw DisplayRole text as plain text).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from ...core import countries, strokes
from ...core.signers_view import SignerFilter, SignerRow, SignerStatus, signer_ids, signer_rows
from ...core.vault import Vault

PAGE = 256
MAX_PAGES = 64
Index = QModelIndex | QPersistentModelIndex


def local_digits(text: str, locale: QLocale | None = None) -> str:
    """`text` with its ASCII digits written as the interface language writes them
    (Persian and Arabic digits), as the volunteer's screens show numbers (QLocale)."""
    locale = locale or QLocale()
    digits = [locale.toString(d) for d in range(10)]
    if digits == [str(d) for d in range(10)]:
        return text
    return "".join(digits[ord(c) - 48] if "0" <= c <= "9" else c for c in text)


def when(stamp: str, *, length: int = 16) -> str:
    """A stored ISO time as the organizer's screens show every time: YYYY-MM-DD HH:MM
    (year first in every language, its digits the interface language's), isolated left
    to right so that right-to-left text keeps the date before the time."""
    text = stamp.replace("T", " ")[:length]
    return f"\u2066{local_digits(text)}\u2069" if text else text


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
        self.ids: Sequence[int] = []
        self.pages: OrderedDict[int, list[SignerRow]] = OrderedDict()
        self.headers = list(self.HEADERS)
        self.source_words: dict[str, str] = {}
        self.unknown_word = "?"  # a value this version has no word for
        self.lang = "en"  # for country names
        self.status_words: dict[SignerStatus, str] = {s: s.value for s in SignerStatus}

    # --- the query ----------------------------------------------------------------

    def load(
        self, vault: Vault | None, kind: SignerFilter = SignerFilter.ALL, search: str = ""
    ) -> None:
        """Select the rowids to show (fast: one query); rows are read when shown."""
        self.beginResetModel()
        self.vault = vault
        self.pages.clear()
        self.ids = [] if vault is None else signer_ids(vault, kind, search)
        self.endResetModel()

    def clear(self) -> None:
        self.load(None)

    def _page(self, number: int) -> list[SignerRow]:
        page = self.pages.get(number)
        if page is not None:
            self.pages.move_to_end(number)
            return page
        ids = self.ids[number * PAGE : (number + 1) * PAGE]
        page = [] if self.vault is None else signer_rows(self.vault, ids)
        self.pages[number] = page
        while len(self.pages) > MAX_PAGES:
            self.pages.popitem(last=False)
        return page

    def row(self, index: int) -> SignerRow:
        return self._page(index // PAGE)[index % PAGE]

    def record_id(self, index: int) -> str:
        return self.row(index).record_id

    # --- Qt -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return None
        row = self.row(index.row())
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#8a94a3") if row.voided_by is not None else None
        col = index.column()
        if col == 0:
            return when(row.time)
        if col == 1:
            return row.name
        if col == 2:
            return field_value(row.fields, self.kinds, "city")
        if col == 3:
            return countries.name(row.country, self.lang)
        if col == 4:
            return row.event_name
        if col == 5:
            return self.source_words.get(row.source, self.unknown_word) if row.source else ""
        return self.status_words[row.status] if row.record_id else ""


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
