"""The signature pad: relative points, resize without loss, undo and clear, pen pressure."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPointingDevice, QTabletEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tomar.core import strokes
from tomar.core.errors import E
from tomar.gui.signature_pad import SignaturePad

from .conftest import draw_signature


def make_pad(qtbot: QtBot, width: int = 600, height: int = 240) -> SignaturePad:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(width, height)
    pad.show()
    return pad


def test_mouse_strokes_are_relative_and_pass_the_ink_rule(qtbot: QtBot) -> None:
    pad = make_pad(qtbot)
    draw_signature(pad)
    sig = pad.signature()
    assert sig is not None
    assert sig.aspect == 600 / 240
    assert all(0 <= p.x <= 1 and 0 <= p.y <= 1 for s in sig.strokes for p in s)
    assert all(p.pressure == strokes.UNKNOWN_PRESSURE for s in sig.strokes for p in s)
    strokes.check_minimum_ink(sig)
    assert strokes.decode(strokes.encode(sig)).point_count == sig.point_count


def test_resize_and_rotation_keep_strokes(qtbot: QtBot) -> None:
    pad = make_pad(qtbot)
    draw_signature(pad)
    before = pad.signature()
    assert before is not None
    pad.resize(300, 500)  # a tablet turned to portrait
    QApplication.processEvents()
    pad.grab()  # paint at the new size
    assert pad.signature() == before
    box = pad.pad_box()
    assert abs(box.width() / box.height() - before.aspect) < 1e-6  # undistorted
    # New ink lands in the same virtual pad, in its coordinates.
    draw_signature(pad)
    after = pad.signature()
    assert after is not None
    assert after.aspect == before.aspect
    assert after.strokes[0] == before.strokes[0]
    assert all(0 <= p.x <= 1 and 0 <= p.y <= 1 for p in after.strokes[-1])


def test_undo_and_clear(qtbot: QtBot) -> None:
    pad = make_pad(qtbot)
    assert pad.signature() is None
    draw_signature(pad)
    draw_signature(pad, small=True)
    assert pad.stroke_count == 2
    pad.undo()
    assert pad.stroke_count == 1
    pad.clear()
    assert pad.is_empty and pad.signature() is None
    pad.undo()  # nothing left to undo: no error, nothing comes back
    assert pad.signature() is None


def test_a_dot_is_too_small(qtbot: QtBot) -> None:
    pad = make_pad(qtbot)
    draw_signature(pad, small=True)
    sig = pad.signature()
    assert sig is not None
    try:
        strokes.check_minimum_ink(sig)
    except Exception as exc:
        assert getattr(exc, "problems", {}) == {"signature": E.VALIDATION_SIGNATURE_TOO_SMALL}
    else:
        raise AssertionError("a tick passed the minimum-ink rule")


def test_pen_pressure_is_recorded(qtbot: QtBot) -> None:
    pad = make_pad(qtbot)
    device = QPointingDevice.primaryPointingDevice()

    def tablet(kind: QTabletEvent.Type, x: float, pressure: float) -> None:
        pos = QPointF(x, 120)
        event = QTabletEvent(
            kind,
            device,
            pos,
            pad.mapToGlobal(pos),
            pressure,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            Qt.KeyboardModifier.NoModifier,
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
        )
        QApplication.sendEvent(pad, event)

    tablet(QTabletEvent.Type.TabletPress, 60, 0.2)
    for i in range(1, 20):
        tablet(QTabletEvent.Type.TabletMove, 60 + i * 20, 0.2 + i * 0.03)
    tablet(QTabletEvent.Type.TabletRelease, 460, 0.0)
    sig = pad.signature()
    assert sig is not None
    pressures = [p.pressure for p in sig.strokes[0]]
    assert pressures[0] == 0.2
    assert max(pressures) > 0.7
    pad.grab()  # paints with pressure-dependent width
