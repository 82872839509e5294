"""The base of every screen: load its form, and the two duties of a screen.

`enter()` runs each time the screen is shown (refresh from the vault); `clear()` runs
on lock and when the screen is left for good, and must forget everything a person typed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import ClassVar, TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..i18n import native_name
from ..shell import Shell
from ..uiload import child, load_ui

T = TypeVar("T", bound=QObject)


class Screen(QWidget):
    ui_name: ClassVar[str]
    #: Whether the whole form scrolls up and down when the window is too short for it (a
    #: netbook's 600 px): its controls keep their sizes instead of being squeezed into
    #: each other. Never sideways: forms are laid out to fit 800 px.
    scrolls: ClassVar[bool] = False

    def __init__(self, shell: Shell) -> None:
        super().__init__()
        self.shell = shell
        if self.scrolls:
            area = QScrollArea(self)
            area.setObjectName("screenScroll")
            area.setWidgetResizable(True)
            area.setFrameShape(QFrame.Shape.NoFrame)
            area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            inner = QWidget(area)
            self.form = load_ui(self.ui_name, inner)
            area.setWidget(inner)
            layout = QVBoxLayout(self)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(area)
        else:
            self.form = load_ui(self.ui_name, self)

    def w(self, cls: type[T], name: str) -> T:
        """The form's widget `name`."""
        return child(self.form, cls, name)

    def enter(self) -> None:
        """Refresh what the screen shows; called every time it is shown."""

    def clear(self) -> None:
        """Forget everything typed on this screen (lock, leaving)."""

    def add_language_bar(self) -> QWidget:
        """Buttons to switch the interface language, on the screens before the vault
        opens (first run, unlock), so that a volunteer who reads only Persian never has
        to start in English. Each language is named in its own script."""
        bar = QWidget(self.form)
        bar.setObjectName("interfaceLanguages")
        row = QHBoxLayout(bar)
        row.setContentsMargins(12, 8, 12, 0)
        row.addStretch(1)
        for code in self.shell.languages.available():
            button = QPushButton(native_name(code), bar)
            button.setObjectName(f"ui_lang_{code}")
            button.setCheckable(True)
            button.setChecked(code == self.shell.languages.current)
            button.setProperty("role", "interfaceLanguage")
            button.setAccessibleName(native_name(code))
            button.clicked.connect(lambda _=False, c=code: self._switch_language(c))
            row.addWidget(button)
        layout = self.form.layout()
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(0, bar)
        return bar

    def _switch_language(self, code: str) -> None:
        if code != self.shell.languages.current:
            self.shell.apply_settings(dataclasses.replace(self.shell.settings, language=code))


def say(label: QLabel, text: str, *, kind: str = "info") -> None:
    """Show a short message in `label` (plain text); an empty text hides it.

    `kind` ("info", "error", "ok") becomes the label's `kind` property, which the style
    sheet colours.
    """
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setProperty("kind", kind)
    label.style().unpolish(label)
    label.style().polish(label)
    label.setVisible(bool(text))


LRI, PDI = "\u2066", "\u2069"


def ltr(text: str) -> str:
    """`text` isolated left to right (digit groups, paths, versions inside right-to-left
    text): it reads in its own order, while the label stays on its side of the form."""
    return f"{LRI}{text}{PDI}" if text else text


def set_code(label: QLabel, text: str) -> None:
    """Show a code (digit groups, a path, a version) left to right, on the reading side of
    its form: QLabel aligns plain text by the text's own direction, so a left-to-right
    value would sit at the far left of a right-to-left form, away from its title."""
    label.setText(ltr(text))
    side = (
        Qt.AlignmentFlag.AlignRight
        if label.layoutDirection() == Qt.LayoutDirection.RightToLeft
        else Qt.AlignmentFlag.AlignLeft
    )
    label.setAlignment(Qt.AlignmentFlag.AlignAbsolute | side | Qt.AlignmentFlag.AlignVCenter)


def hold(label: QLabel) -> None:
    """Empty a shown message but keep its space, so nothing below it moves.

    Used when a person fixes what a message was about: the message goes, the controls
    under their finger stay where they were. `release` gives the space back at a moment
    the person expects the screen to change (the next Sign, Save or a reset).
    """
    if label.isVisible() or label.text():
        label.setMinimumHeight(max(label.height(), label.minimumHeight()))
        label.setText("")
        label.setVisible(True)


def reserve(label: QLabel, lines: int = 2) -> None:
    """Keep room for a message of `lines` lines whether it is shown or not, so that a
    "saved" or an error message never moves the buttons around it."""
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    label.setSizePolicy(policy)
    label.setMinimumHeight(label.fontMetrics().lineSpacing() * lines + 4)


def release(label: QLabel) -> None:
    """Give back the space a held (or shown) message took; the label is hidden."""
    label.setMinimumHeight(0)
    label.setText("")
    label.setVisible(False)


def confirm(
    parent: QWidget, title: str, text: str, yes: str, on_yes: Callable[[], None]
) -> QMessageBox:
    """A non-blocking yes/no question; `on_yes()` runs only if the person says yes.

    `open()` instead of `exec()` keeps the event loop (and so the idle lock) running,
    and lets locking close the box.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Tomar")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(title)
    box.setInformativeText(text)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)

    def finished(_: int) -> None:
        if box.clickedButton() is yes_button:
            on_yes()
        box.deleteLater()

    box.finished.connect(finished)
    box.open()
    return box
