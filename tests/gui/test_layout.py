"""Every volunteer screen at the screen sizes people bring, in English and Persian.

Netbooks (1024x600), laptops (1366x768), desktops (1920x1080) and an upright pen tablet
(800x1280): every visible control lies inside the window (or inside the visible width
of its scroll area), no two overlap, and nothing needs sideways scrolling.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tomar.core.intake import Intake
from tomar.gui import fonts
from tomar.gui.main_window import MainWindow
from tomar.gui.organizer.workspace import TAB_NAMES, OrganizerScreen
from tomar.gui.signature_pad import SignaturePad

from ..batchkit import export, new_device, new_organizer, sign
from .conftest import WindowFactory, prepared_home, unlock

SIZES = [(1024, 600), (1366, 768), (1920, 1080), (800, 1280)]
CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QSpinBox,
    QTextEdit,
    QPlainTextEdit,
    SignaturePad,
)
VOLUNTEER_SCREENS = ["home", "event", "kiosk", "paper", "records", "settings"]


def _scroll_parent(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(widget, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def _inside_a_control(widget: QWidget) -> bool:
    """Parts of a control (a spin box's line edit) are not controls of their own."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, CONTROLS):
            return True
        parent = parent.parentWidget()
    return False


def controls(window: MainWindow) -> list[tuple[QWidget, QRect]]:
    """Visible controls of the shown screen with their rectangles in window coordinates
    (in a scroll area, the part scrolled into view)."""
    screen = window.stack.currentWidget()
    assert screen is not None
    out: list[tuple[QWidget, QRect]] = []
    for widget in screen.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(window):
            continue
        if _inside_a_control(widget) or widget.width() <= 0:
            continue
        rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        area = _scroll_parent(widget)
        if area is not None:  # only the part scrolled into view can be touched
            view = area.viewport()
            rect = rect.intersected(QRect(view.mapTo(window, view.rect().topLeft()), view.size()))
            if rect.isEmpty():
                continue
        out.append((widget, rect))
    return out


def check_layout(window: MainWindow, where: str) -> None:
    for _ in range(3):  # a resize settles over a few turns of the event loop
        QApplication.processEvents()
    frame = window.rect()
    found = controls(window)
    assert found, where
    for widget, rect in found:
        name = f"{where}: {type(widget).__name__} {widget.objectName()!r}"
        area = _scroll_parent(widget)
        if area is not None:  # the whole control, not only the part in view
            view = area.viewport()
            left = view.mapTo(window, view.rect().topLeft()).x()
            x = widget.mapTo(window, widget.rect().topLeft()).x()
            assert x >= left - 1 and x + widget.width() <= left + view.width() + 1, (
                f"{name} is cut sideways: {x}+{widget.width()} in a view {left}+{view.width()}"
            )
        else:
            assert frame.contains(rect), f"{name} is outside the window: {rect} vs {frame}"
        if isinstance(widget, QPushButton) and widget.text():
            # A push button narrower than its text shows the text cut off.
            need = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", ""))
            assert widget.width() >= need, f"{name} cuts its text: {widget.width()} < {need}"
    for i, (a, ra) in enumerate(found):
        for b, rb in found[i + 1 :]:
            if a.isAncestorOf(b) or b.isAncestorOf(a):
                continue
            assert not ra.intersects(rb), (
                f"{where}: {a.objectName()!r} {ra} overlaps {b.objectName()!r} {rb}"
            )
    screen = window.stack.currentWidget()
    assert screen is not None
    for area in screen.findChildren(QAbstractScrollArea):
        if area.isVisibleTo(window) and area.horizontalScrollBar().isVisibleTo(window):
            pytest.fail(f"{where}: {area.objectName()!r} scrolls sideways")


def resize(qtbot: QtBot, window: MainWindow, size: tuple[int, int]) -> None:
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size, timeout=3000)


@pytest.mark.parametrize("language", ["en", "fa"])
def test_volunteer_screens_fit_every_size(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, language: str
) -> None:
    window = make_window(prepared_home(tmp_path / "home"), language=language)
    for size in SIZES:
        resize(qtbot, window, size)
        check_layout(window, f"unlock {size} {language}")
    unlock(qtbot, window)
    for size in SIZES:
        resize(qtbot, window, size)
        for name in VOLUNTEER_SCREENS:
            window.go(name)
            check_layout(window, f"{name} {size} {language}")


@pytest.mark.parametrize("language", ["en", "fa"])
def test_first_run_fits_every_size(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, language: str
) -> None:
    window = make_window(tmp_path / "new", language=language)
    assert window.current == "first_run"
    pages = window.screens["first_run"].pages  # type: ignore[attr-defined]
    for size in SIZES:
        resize(qtbot, window, size)
        for page in range(pages.count()):
            pages.setCurrentIndex(page)
            check_layout(window, f"first run page {page} {size} {language}")


def test_large_text_fits_without_clipping(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    """The volunteer's "large text" (and a large system font) on a netbook and a tablet."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = make_window(prepared_home(tmp_path / "home"), language="fa")
    fonts.apply(app, window.font_family, large=True)
    try:
        unlock(qtbot, window)
        for size in [(1024, 600), (800, 1280)]:
            resize(qtbot, window, size)
            for name in VOLUNTEER_SCREENS:
                window.go(name)
                check_layout(window, f"{name} {size} large text")
    finally:
        fonts.apply(app, window.font_family, large=False)


def test_window_fits_the_screen_it_opens_on(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window(prepared_home(tmp_path / "home"))
    screen = window.screen()
    area = screen.availableGeometry()
    window.fit_to_screen()
    QApplication.processEvents()
    assert window.width() <= area.width() and window.height() <= area.height()
    assert area.contains(window.geometry().topLeft())
    assert window.minimumWidth() <= 800 and window.minimumHeight() <= 600


@pytest.mark.parametrize("language", ["en", "fa"])
def test_kiosk_sign_in_view_on_a_laptop(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, language: str
) -> None:
    """At 1366x768 the signer sees the consent, the display choice and Sign without
    scrolling the signing column (it was 51 px below the fold)."""
    window = make_window(prepared_home(tmp_path / "home"), language=language)
    unlock(qtbot, window)
    resize(qtbot, window, (1366, 768))
    window.go("kiosk")
    kiosk = window.screens["kiosk"]
    for _ in range(3):
        QApplication.processEvents()
    area = kiosk.w(QScrollArea, "signScroll")
    assert area.isVisible() and area.verticalScrollBar().value() == 0
    view = area.viewport()
    seen = QRect(view.mapTo(window, view.rect().topLeft()), view.size())
    parts: list[QWidget] = [kiosk.w(QPushButton, "signButton"), kiosk.consent]  # type: ignore[attr-defined]
    parts += [kiosk.w(QRadioButton, n) for n in ("displayHidden", "displayInitials", "displayFull")]
    for part in parts:
        rect = QRect(part.mapTo(window, part.rect().topLeft()), part.size())
        assert seen.contains(rect), f"{part.objectName()} {rect} is outside the view {seen}"


@pytest.mark.parametrize("language", ["en", "fa"])
def test_organizer_tabs_fit_every_size(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, language: str
) -> None:
    """The organizer's workspace, each tab with rows in its tables, at every size."""
    org = new_organizer(tmp_path / "home")
    d = new_device(tmp_path / "dev", org.package)
    sign(d, "Omid Tehrani", city="Boston")
    sign(d, "Omid Tehrani", city="Boston")
    batch_file = export(d, tmp_path / "b").path
    d.vault.close()
    with Intake(org.vault, workers=1) as intake:
        intake.import_file(batch_file)  # held: the held list has a row
    org.close()
    window = make_window(tmp_path / "home", language=language)
    unlock(qtbot, window)
    screen = window.screens["org"]
    assert isinstance(screen, OrganizerScreen)
    for size in SIZES:
        resize(qtbot, window, size)
        for name in TAB_NAMES:
            screen.show_tab(name)
            check_layout(window, f"organizer {name} {size} {language}")
