"""PySide6 6.12 drops a reference to None on every void call under CPython 3.11.

`tomar.gui` guards against it at import; without the guard this test aborts the
interpreter ("deallocating None") instead of failing.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tomar.gui import none_guard


def test_many_void_calls_do_not_kill_the_interpreter(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    start = sys.getrefcount(None)
    for i in range(50_000):  # ten times None's normal reference count
        label.setText("x" if i % 2 else "y")
    assert sys.getrefcount(None) > 0
    if none_guard.needed():
        assert start > 1 << 59  # the guard is in place
