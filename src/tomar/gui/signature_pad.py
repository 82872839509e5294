"""The signature pad: mouse, touch and pen input, stored relative to the pad.

Points are kept as `strokes.Point` with x and y from 0 to 1 of a *virtual pad*: the
widget's shape when the first stroke began (its aspect ratio is stored with the
signature). If the widget is later resized or rotated, the virtual pad is fitted and
centred inside it, undistorted, and new points are mapped back into it, so nothing is
lost or stretched. Painting uses `strokes.scaled_paths`, the geometry of the PDF sheets.

Privacy: `clear()` drops every stroke and the undo history (the undo history *is* the
stroke list), so nothing of a signer survives a reset.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QInputDevice,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..core import strokes
from . import ink

#: Keeps the encoded drawing well under strokes.MAX_BYTES (7 bytes per point, format 2).
POINT_LIMIT = 6000
#: Samples closer than this (pixels) to the previous one add nothing but bytes.
MIN_STEP_PX = 1.0
INK = QColor("#0b2a66")
#: The "sign here" words (text: 4.5:1 on white, WCAG AA) and the baseline and frame
#: (graphics: 3:1 on white).
HINT = QColor("#5b6678")
GUIDE = QColor("#7d8a9c")


class SignaturePad(QWidget):
    """A drawing surface that yields a `strokes.Signature` (or None when empty)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 200)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName("Signature pad")
        self._strokes: list[list[strokes.Point]] = []
        self._current: list[strokes.Point] | None = None
        self._current_source = ""
        self._aspect: float | None = None
        self._elapsed = QElapsedTimer()
        self._cache: QPixmap | None = None
        self._hint = ""

    # --- public API ---------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(560, 240)

    def set_hint(self, text: str) -> None:
        """The words shown on an empty pad ("Sign here"), in the signer's language."""
        self._hint = text
        self.update()

    @property
    def is_empty(self) -> bool:
        return not self._strokes and not self._current

    @property
    def stroke_count(self) -> int:
        return len(self._strokes)

    def signature(self) -> strokes.Signature | None:
        """The finished strokes as a Signature, or None if nothing was drawn."""
        if not self._strokes or self._aspect is None:
            return None
        return strokes.Signature(aspect=self._aspect, strokes=tuple(map(tuple, self._strokes)))

    def set_signature(self, sig: strokes.Signature | None) -> None:
        """Show a stored signature (tests, benchmarks); None clears the pad."""
        self.clear()
        if sig is not None and sig.strokes:
            self._aspect = sig.aspect
            self._strokes = [list(s) for s in sig.strokes]
        self._changed()

    def clear(self) -> None:
        """Drop every stroke and the undo history."""
        self._strokes = []
        self._current = None
        self._aspect = None
        self._changed()

    def undo(self) -> None:
        """Remove the last stroke."""
        if self._strokes:
            self._strokes.pop()
        if not self._strokes:
            self._aspect = None
        self._changed()

    # --- geometry -----------------------------------------------------------------

    def _widget_aspect(self) -> float:
        w, h = max(self.width(), 1), max(self.height(), 1)
        return min(max(w / h, strokes.MIN_ASPECT), strokes.MAX_ASPECT)

    def pad_box(self) -> QRectF:
        """The virtual pad inside the widget: the capture shape, fitted and centred."""
        aspect = self._aspect or self._widget_aspect()
        w, h = float(max(self.width(), 1)), float(max(self.height(), 1))
        scale = min(w / aspect, h)
        return QRectF((w - aspect * scale) / 2, (h - scale) / 2, aspect * scale, scale)

    def _to_pad(self, pos: QPointF) -> tuple[float, float]:
        box = self.pad_box()
        x = (pos.x() - box.left()) / box.width()
        y = (pos.y() - box.top()) / box.height()
        return min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0)

    # --- capture ------------------------------------------------------------------

    def _total_points(self) -> int:
        return sum(len(s) for s in self._strokes) + len(self._current or ())

    def _begin(self, pos: QPointF, pressure: float, source: str) -> None:
        if self._current is not None or len(self._strokes) >= strokes.MAX_STROKES:
            return
        if self._aspect is None:
            self._aspect = self._widget_aspect()
            self._elapsed.start()
        self._current = []
        self._current_source = source
        self._add(pos, pressure, force=True)

    def _add(self, pos: QPointF, pressure: float, *, force: bool = False) -> None:
        if self._current is None or self._total_points() >= POINT_LIMIT:
            return
        x, y = self._to_pad(pos)
        if self._current and not force:
            last = self._current[-1]
            box = self.pad_box()
            if math.hypot((x - last.x) * box.width(), (y - last.y) * box.height()) < MIN_STEP_PX:
                return
        t = min(self._elapsed.elapsed(), strokes.MAX_T_MS)
        if self._current:
            t = max(t, self._current[-1].t)
        elif self._strokes:
            t = max(t, self._strokes[-1][-1].t)
        p = min(max(pressure, 0.0), 1.0)
        self._current.append(strokes.Point(x, y, int(t), p))
        self.update()

    def _end(self) -> None:
        if self._current is None:
            return
        if self._current:
            self._strokes.append(self._current)
            self._paint_into_cache(len(self._strokes) - 1)
        self._current = None
        self._current_source = ""
        self.changed.emit()
        self.update()

    # --- input events -------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._current is None:
            self._begin(event.position(), strokes.UNKNOWN_PRESSURE, "mouse")
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._current_source == "mouse":
            self._add(event.position(), strokes.UNKNOWN_PRESSURE)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._current_source == "mouse":
            self._add(event.position(), strokes.UNKNOWN_PRESSURE)
            self._end()
        event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position(), event.pressure(), "pen")
        elif kind == QEvent.Type.TabletMove and self._current_source == "pen":
            self._add(event.position(), event.pressure())
        elif kind == QEvent.Type.TabletRelease and self._current_source == "pen":
            self._end()
        event.accept()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if isinstance(event, QTouchEvent) and kind in (
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TouchEnd,
            QEvent.Type.TouchCancel,
        ):
            self._touch(event)
            return True
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        points = event.points()
        if not points:
            return
        point = points[0]
        device = event.device()
        has_pressure = device is not None and bool(
            device.capabilities() & QInputDevice.Capability.Pressure
        )
        pressure = point.pressure() if has_pressure else strokes.UNKNOWN_PRESSURE
        kind = event.type()
        if kind == QEvent.Type.TouchBegin:
            self._begin(point.position(), pressure, "touch")
        elif self._current_source == "touch":
            self._add(point.position(), pressure)
            if kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
                self._end()
        event.accept()

    # --- painting -----------------------------------------------------------------

    def _changed(self) -> None:
        self._cache = None
        self.update()
        self.changed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._cache = None
        super().resizeEvent(event)

    def _paint_into_cache(self, index: int) -> None:
        if self._cache is None or self._aspect is None:
            return
        painter = QPainter(self._cache)
        sig = strokes.Signature(aspect=self._aspect, strokes=(tuple(self._strokes[index]),))
        ink.paint(painter, sig, self.pad_box(), INK)
        painter.end()

    def _background(self) -> QPixmap:
        """Paper, guide line and every finished stroke, redrawn only when they change."""
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(QColor("white"))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = self.pad_box()
        guide = QPen(GUIDE)
        guide.setWidthF(1.5)
        painter.setPen(guide)
        base_y = box.top() + box.height() * 0.75
        margin = box.width() * 0.06
        painter.drawLine(
            QPointF(box.left() + margin, base_y), QPointF(box.right() - margin, base_y)
        )
        cross_x = (
            box.right() - margin - 18
            if self.layoutDirection() == Qt.LayoutDirection.RightToLeft
            else box.left() + margin
        )
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        painter.setFont(font)
        painter.drawText(QPointF(cross_x, base_y - 8), "×")
        if self._strokes and self._aspect is not None:
            sig = strokes.Signature(aspect=self._aspect, strokes=tuple(map(tuple, self._strokes)))
            ink.paint(painter, sig, box, INK)
        painter.end()
        return pixmap

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._cache is None or self._cache.size() != self.size() * self.devicePixelRatioF():
            self._cache = self._background()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._cache)
        if self._current and self._aspect is not None:
            sig = strokes.Signature(aspect=self._aspect, strokes=(tuple(self._current),))
            ink.paint(painter, sig, self.pad_box(), INK)
        if self.is_empty and self._hint:
            painter.setPen(HINT)
            box = self.pad_box()
            painter.drawText(
                QRectF(box.left(), box.top(), box.width(), box.height() * 0.7),
                Qt.AlignmentFlag.AlignCenter,
                self._hint,
            )
        frame = QPen(QColor("#5b6b82"))
        frame.setWidthF(2)
        painter.setPen(frame)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 8, 8)
        painter.end()
