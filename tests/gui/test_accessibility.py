"""Screen readers, keyboards and eyes: accessible names, keyboard-only signing,
visible focus, contrast (WCAG AA)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tomar.core.device import Device, init_vault
from tomar.gui import pin
from tomar.gui.paths import ui_dir
from tomar.gui.screens.kiosk import KioskScreen
from tomar.gui.signature_pad import GUIDE, HINT, SignaturePad
from tomar.resources import resource_path

from ..conftest import PASS, make_organizer
from .conftest import EVENT_PIN, WindowFactory, prepared_home, unlock

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QSpinBox,
    QTextEdit,
    QPlainTextEdit,
    SignaturePad,
)
SCREENS = ["home", "event", "kiosk", "paper", "records", "settings"]


def accessible_name(widget: QWidget) -> str:
    """What a screen reader says for the widget (its own name, text, or buddy label)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    return "" if iface is None else iface.text(QAccessible.Text.Name).strip()


def unnamed(root: QWidget) -> list[str]:
    out = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, CONTROLS) and widget.isVisibleTo(root):
            parent = widget.parentWidget()
            if isinstance(parent, (QSpinBox, QComboBox)):  # a part of a control
                continue
            if not accessible_name(widget):
                out.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return out


@pytest.mark.parametrize("language", ["en", "fa"])
def test_every_control_has_an_accessible_name(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, language: str
) -> None:
    window = make_window(prepared_home(tmp_path / "home"), language=language)
    missing = [f"unlock: {w}" for w in unnamed(window.screens["unlock"])]
    unlock(qtbot, window)
    for name in SCREENS:
        screen = window.go(name)
        missing += [f"{name}: {w}" for w in unnamed(screen)]
    first = make_window(tmp_path / "new", language=language)
    pages = first.screens["first_run"].pages  # type: ignore[attr-defined]
    for page in range(pages.count()):
        pages.setCurrentIndex(page)
        missing += [f"first run {page}: {w}" for w in unnamed(first.screens["first_run"])]
    assert not missing, "\n".join(missing)


def test_kiosk_by_keyboard_alone_when_the_drawing_is_optional(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    spec = resource_path("demo", "demo-campaign.toml").read_text("utf-8")
    spec = spec.replace('signature = "required"', 'signature = "optional"')
    org, _, package = make_organizer(tmp_path / "organizer", spec)
    org.close()
    home = tmp_path / "home"
    with init_vault(home, PASS) as vault:
        device = Device(vault)
        device.import_campaign(package)
        event = device.start_event("Rally", "Washington")
        pin.set_pin(vault, event, EVENT_PIN)
    window = make_window(home)
    unlock(qtbot, window)
    window.go("kiosk")
    kiosk = window.screens["kiosk"]
    assert isinstance(kiosk, KioskScreen) and kiosk.signer_form is not None
    before = window.session.device.counts()["total"]

    def focused() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    def tab_to(target: QWidget) -> None:
        seen = []
        for _ in range(30):
            if focused() is target:
                return
            seen.append(focused().objectName() or type(focused()).__name__)
            QTest.keyClick(focused(), Qt.Key.Key_Tab)
        pytest.fail(f"Tab never reached {target.objectName()!r}: {seen}")

    assert focused() is kiosk.signer_form.edits["full_name"]  # ready to type
    QTest.keyClicks(focused(), "Canary Keyboard")
    tab_to(kiosk.signer_form.edits["city"])
    QTest.keyClicks(focused(), "Springfield")
    tab_to(kiosk.consent)
    QTest.keyClick(focused(), Qt.Key.Key_Space)
    radios = [kiosk.w(QRadioButton, n) for n in ("displayHidden", "displayInitials")]
    tab_to(radios[0])
    QTest.keyClick(focused(), Qt.Key.Key_Down)  # arrows move within the choice
    QTest.keyClick(focused(), Qt.Key.Key_Space)
    assert radios[1].isChecked()
    tab_to(kiosk.sign_button)
    assert kiosk.sign_button.hasFocus()
    QTest.keyClick(focused(), Qt.Key.Key_Space)
    assert window.session.device.counts()["total"] == before + 1
    assert kiosk.pages.currentWidget() is kiosk.thanks_page


def _luminance(hex_colour: str) -> float:
    value = hex_colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


PAGE = "#f4f6f9"
COLOURS = {"white": "#ffffff", "black": "#000000"}


def test_text_contrast_meets_wcag_aa() -> None:
    """Every text colour in the style sheet on its background (or the page's): 4.5:1;
    focus rings 3:1 on the page and on white. Disabled controls are exempt (WCAG)."""
    qss = (ui_dir() / "style.qss").read_text("utf-8")
    qss = re.sub(r"/\*.*?\*/", "", qss, flags=re.S)
    low: list[str] = []
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", qss):
        if ":disabled" in selector:
            continue
        props: dict[str, str] = {}
        for part in body.split(";"):
            if ":" in part:
                key, value = part.split(":", 1)
                props[key.strip()] = value.strip()
        colour = props.get("color", "")
        colour = COLOURS.get(colour, colour)
        background = props.get("background", "")
        background = COLOURS.get(background, background)
        if colour.startswith("#"):
            behind = background if background.startswith("#") else PAGE
            if contrast(colour, behind) < 4.5:
                low.append(f"{selector.strip()}: {colour} on {behind}")
        if ":focus" in selector:
            ring = re.search(r"#[0-9a-fA-F]{6}", props.get("border", ""))
            assert ring is not None, selector
            for behind in (PAGE, "#ffffff"):
                if contrast(ring.group(0), behind) < 3:
                    low.append(f"{selector.strip()}: focus ring {ring.group(0)} on {behind}")
    assert not low, "\n".join(low)
    assert contrast(HINT.name(), "#ffffff") >= 4.5  # "sign here" on the pad
    assert contrast(GUIDE.name(), "#ffffff") >= 3  # the baseline to sign on


def test_focus_is_visible_on_every_kind_of_control() -> None:
    qss = (ui_dir() / "style.qss").read_text("utf-8")
    for kind in ("QPushButton", "QToolButton", "QCheckBox", "QRadioButton", "QLineEdit"):
        assert re.search(rf"{kind}:focus[^{{]*\{{[^}}]*border", qss), kind
