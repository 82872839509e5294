"""Inactivity timers: the app-wide lock and the kiosk's form reset.

An event filter on QApplication notes every input event (keys, mouse, touch, pen,
wheel); a QTimer ticks once a second and compares a clock against the last input. The
clock is injectable, so tests advance a fake clock and call `check()` instead of waiting
ten minutes.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

Clock = Callable[[], float]

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
        QEvent.Type.InputMethod,
    }
)


class IdleWatcher(QObject):
    """Emits `countdown(seconds_left)` in the last `warn_s` seconds, then `expired`.

    Outside the warning window each tick emits `countdown(-1)`, so a visible countdown
    hides again as soon as someone touches the screen.
    """

    countdown = Signal(int)
    expired = Signal()

    def __init__(
        self,
        timeout_s: float,
        *,
        warn_s: float = 0.0,
        clock: Clock = time.monotonic,
        tick_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.timeout_s = timeout_s
        self.warn_s = warn_s
        self._clock = clock
        self._last = clock()
        self._active = False
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.check)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._active and event.type() in INPUT_EVENTS:
            self._last = self._clock()
        return False

    @property
    def active(self) -> bool:
        return self._active

    def start(self) -> None:
        """(Re)start counting from now."""
        self._last = self._clock()
        self._active = True
        self._timer.start()

    def stop(self) -> None:
        self._active = False
        self._timer.stop()

    def poke(self) -> None:
        """Count as activity (for actions that are not input events)."""
        self._last = self._clock()

    def remaining(self) -> float:
        return self.timeout_s - (self._clock() - self._last)

    def check(self) -> None:
        """Compare the clock with the last input; emit countdown or expired."""
        if not self._active:
            return
        left = self.remaining()
        if left <= 0:
            self.stop()
            self.expired.emit()
        elif left <= self.warn_s:
            self.countdown.emit(math.ceil(left))
        elif self.warn_s > 0:
            self.countdown.emit(-1)

    def uninstall(self) -> None:
        self.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
