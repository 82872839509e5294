"""Horizontal bar charts painted with QPainter (QtCharts is not in PySide6-Essentials)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#1f4e8c")
BAR_UNIQUE = QColor("#6b9bd6")
MAX_BARS = 12


class BarChart(QWidget):
    """Received (dark) and unique (light) per key; mirrors itself right-to-left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, int, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_rows(self, rows: list[tuple[str, int, int]]) -> None:
        self.rows = rows[-MAX_BARS:] if len(rows) > MAX_BARS else rows
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(320, 40 + 24 * max(3, len(self.rows)))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        w, h = self.width(), self.height()
        if not self.rows:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "–")
            return
        fm = p.fontMetrics()
        label_w = min(w * 0.4, max(fm.horizontalAdvance(r[0][:28]) for r in self.rows) + 8)
        count_w = fm.horizontalAdvance("0000000") + 8
        bar_w = max(10.0, w - label_w - count_w - 8)
        row_h = min(28.0, (h - 4) / len(self.rows))
        top = max(1, max(r[1] for r in self.rows))
        locale = QLocale()
        for i, (key, received, unique) in enumerate(self.rows):
            y = 2 + i * row_h
            lx = w - label_w if rtl else 0.0
            label_rect = QRectF(lx + (6 if rtl else 0), y, label_w - 6, row_h)
            # AlignAbsolute: the painter would flip left and right again in RTL widgets.
            align = (
                Qt.AlignmentFlag.AlignVCenter
                | Qt.AlignmentFlag.AlignAbsolute
                | (Qt.AlignmentFlag.AlignRight if not rtl else Qt.AlignmentFlag.AlignLeft)
            )
            text = fm.elidedText(key or "–", Qt.TextElideMode.ElideRight, int(label_w - 6))
            p.setPen(self.palette().color(self.foregroundRole()))
            p.drawText(label_rect, int(align), text)
            full = bar_w * received / top
            part = bar_w * unique / top
            bx = w - label_w - full if rtl else label_w
            ux = w - label_w - part if rtl else label_w
            p.fillRect(QRectF(bx, y + row_h * 0.15, full, row_h * 0.7), BAR)
            p.fillRect(QRectF(ux, y + row_h * 0.35, part, row_h * 0.3), BAR_UNIQUE)
            if rtl:  # the count sits just left of the bar's end
                count_rect = QRectF(w - label_w - full - count_w - 4, y, count_w, row_h)
                count_align = (
                    Qt.AlignmentFlag.AlignVCenter
                    | Qt.AlignmentFlag.AlignRight
                    | Qt.AlignmentFlag.AlignAbsolute
                )
            else:
                count_rect = QRectF(label_w + full + 4, y, count_w, row_h)
                count_align = (
                    Qt.AlignmentFlag.AlignVCenter
                    | Qt.AlignmentFlag.AlignLeft
                    | Qt.AlignmentFlag.AlignAbsolute
                )
            p.drawText(count_rect, int(count_align), locale.toString(received))
        p.end()
