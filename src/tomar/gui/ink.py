"""Drawing signature strokes with a pen-like line: thinner when fast, thicker when slow.

The geometry comes from `strokes.scaled_paths`, the same function the PDF sheets use, so
a signature looks the same on screen and on paper. Width follows the idea of the
signature_pad library: a filtered velocity sets the width between a minimum and a
maximum, and real pen pressure (tablets) scales it further. Curves pass through the
midpoints between samples (quadratic Béziers), which smooths mouse jitter.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from ..core import strokes

#: Widths as fractions of the drawing's height (pad height = 1).
MAX_WIDTH = 0.014
MIN_WIDTH = 0.004
VELOCITY_FILTER = 0.7


def _widths(stroke: Sequence[strokes.Point], aspect: float) -> list[float]:
    """One width per point (pad heights), from speed in pad heights per second."""
    out: list[float] = []
    velocity = 0.0
    prev: strokes.Point | None = None
    for point in stroke:
        if prev is not None:
            dt = max(point.t - prev.t, 1)
            dist = math.hypot((point.x - prev.x) * aspect, point.y - prev.y)
            velocity = VELOCITY_FILTER * (dist * 1000 / dt) + (1 - VELOCITY_FILTER) * velocity
        width = max(MAX_WIDTH / (velocity / 2 + 1), MIN_WIDTH)
        if point.pressure != strokes.UNKNOWN_PRESSURE:
            width *= 0.4 + 1.2 * point.pressure
        out.append(width)
        prev = point
    return out


def paint(
    painter: QPainter,
    sig: strokes.Signature,
    box: QRectF,
    color: QColor,
    *,
    only: int | None = None,
) -> None:
    """Paint `sig` (or only its stroke number `only`) fitted and centred in `box`."""
    if not sig.strokes:
        return
    paths = strokes.scaled_paths(sig, box.width(), box.height())
    scale = min(box.width() / sig.aspect, box.height())  # pixels per pad height
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(box.topLeft())
    indexes = range(len(paths)) if only is None else [only]
    for i in indexes:
        _paint_stroke(painter, paths[i], _widths(sig.strokes[i], sig.aspect), scale, color)
    painter.restore()


def _paint_stroke(
    painter: QPainter,
    points: Sequence[tuple[float, float, float]],
    widths: Sequence[float],
    scale: float,
    color: QColor,
) -> None:
    pen = QPen(color)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pts = [QPointF(x, y) for x, y, _ in points]
    if len(pts) == 1:
        radius = max(widths[0] * scale / 2, 0.75)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(pts[0], radius, radius)
        return
    painter.setBrush(Qt.BrushStyle.NoBrush)
    start = pts[0]
    for i in range(1, len(pts)):
        end = pts[i] if i == len(pts) - 1 else (pts[i] + pts[i + 1]) / 2
        path = QPainterPath(start)
        if i == len(pts) - 1:
            path.lineTo(end)
        else:
            path.quadTo(pts[i], end)
        pen.setWidthF(max(widths[i] * scale, 0.75))
        painter.setPen(pen)
        painter.drawPath(path)
        start = end
