"""GUI fixtures: a real MainWindow on a temporary home, a fake clock, input helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tomar import demo
from tomar.core.device import Device, init_vault
from tomar.gui import fonts, pin
from tomar.gui.i18n import Languages
from tomar.gui.main_window import MainWindow
from tomar.gui.paths import ui_dir
from tomar.gui.screens.kiosk import KioskScreen
from tomar.gui.settings import GuiSettings
from tomar.gui.shell import Options
from tomar.gui.signature_pad import SignaturePad

from ..conftest import PASS

EVENT_PIN = "2468"


class FakeClock:
    """A monotonic clock that moves only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="session")
def _fonts() -> str | None:
    return fonts.register()


WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def make_window(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, _fonts: str | None
) -> Iterator[WindowFactory]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setStyleSheet((ui_dir() / "style.qss").read_text("utf-8"))
    made: list[MainWindow] = []

    def make(home: Path | None = None, language: str = "en", **options: object) -> MainWindow:
        languages = Languages()
        languages.install(app, language)
        opts = Options(thank_you_ms=10, fullscreen_kiosk=False)
        for key, value in options.items():
            setattr(opts, key, value)
        window = MainWindow(
            home or tmp_path / "home",
            languages,
            GuiSettings(language=language),
            options=opts,
            clock=clock,
            font_family=_fonts,
        )
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.lock_now()
        window.lock_watcher.uninstall()
        window.panic.uninstall()
    Languages().install(app, "en")


def prepared_home(home: Path, *, event: bool = True, with_pin: bool = True) -> Path:
    """A vault with the demo campaign, a running event and its PIN (closed again)."""
    with init_vault(home, PASS) as vault:
        device = Device(vault)
        device.import_campaign(demo.package())
        if event:
            event_id = device.start_event("Rally", "Washington")
            if with_pin:
                pin.set_pin(vault, event_id, EVENT_PIN)
    return home


def open_kiosk(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> tuple[MainWindow, KioskScreen]:
    """A window on a prepared home, unlocked, on the kiosk."""
    window = make_window(prepared_home(tmp_path / "home"))
    unlock(qtbot, window)
    click(qtbot, window.screens["home"].w(QPushButton, "kioskButton"))
    assert window.current == "kiosk"
    kiosk = window.screens["kiosk"]
    assert isinstance(kiosk, KioskScreen)
    return window, kiosk


def unlock(qtbot: QtBot, window: MainWindow, passphrase: str = PASS) -> None:
    """Type the passphrase and wait for the worker to open (or refuse) the vault."""
    screen = window.screens["unlock"]
    screen.w(QLineEdit, "passEdit").setText(passphrase)
    button = screen.w(QPushButton, "unlockButton")
    click(qtbot, button)
    qtbot.waitUntil(button.isEnabled, timeout=10_000)


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled(), button.objectName()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def type_text(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Type like a keyboard; non-ASCII (Persian) arrives as an input method commit."""
    edit.setFocus()
    if text.isascii():
        QTest.keyClicks(edit, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def draw_signature(pad: SignaturePad, *, small: bool = False) -> None:
    """A zig-zag across most of the pad (or a tiny tick), with real mouse events."""
    w, h = pad.width(), pad.height()
    start = QPoint(int(w * 0.1), int(h * 0.5))
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    steps = 2 if small else 30
    for i in range(1, steps):
        x = w * (0.1 + (0.005 if small else 0.8) * i / steps)
        y = h * (0.5 + (0.0 if small else 0.25 * (-1) ** i))
        QTest.mouseMove(pad, QPointF(x, y).toPoint())
    end = QPointF(w * (0.1 + (0.005 if small else 0.8)), h * 0.5).toPoint()
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def visible_texts(root: QWidget) -> list[str]:
    """Every text a widget could show: line edits, text edits, labels (and placeholders)."""
    out: list[str] = []
    for edit in root.findChildren(QLineEdit):
        out.append(edit.text())
    for text_edit in root.findChildren(QTextEdit):
        out.append(text_edit.toPlainText())
    for plain in root.findChildren(QPlainTextEdit):
        out.append(plain.toPlainText())
    for label in root.findChildren(QLabel):
        out.append(label.text())
    return out


def assert_no_trace(texts: list[str], secrets: list[str]) -> None:
    for secret in secrets:
        for text in texts:
            assert secret not in text, f"a widget still shows {secret!r}"
