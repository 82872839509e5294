"""Load Qt Designer forms at run time with QUiLoader.

Why run time rather than `pyside6-uic`: the forms stay the single source of layout (no
generated code to keep in sync or to exempt from ruff and mypy), and loading one takes a
millisecond or two. QUiLoader translates each form's strings with the form's class name
as context when it loads, so a form is reloaded when the interface language changes.

Every QLabel is switched to plain text on load: labels may show campaign texts or event
names, which are untrusted and must never be read as HTML.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .paths import ui_dir

T = TypeVar("T", bound=QObject)

_loader: QUiLoader | None = None


def load_form(name: str, parent: QWidget | None) -> QWidget:
    """Load `ui/<name>.ui` as a new widget (a QDialog for dialog forms)."""
    global _loader
    if _loader is None:
        _loader = QUiLoader()
    form = _loader.load(str(ui_dir() / f"{name}.ui"), parent)
    if form is None:  # pragma: no cover - a broken install
        raise RuntimeError(f"The form {name}.ui could not be loaded.")
    for label in form.findChildren(QLabel):
        plain_label(label)
    return form


def plain_label(label: QLabel) -> None:
    """Plain text always; wrapped labels laid out by QTextDocument.

    Qt's simple QLabel painter misplaces wrapped right-to-left lines (a Persian line that
    just fits is drawn a few pixels too far and clipped). A text-interaction flag makes
    QLabel use its QTextDocument path, which lays Persian out correctly; keyboard
    selection without focus means nobody can actually select or copy anything.
    """
    label.setTextFormat(Qt.TextFormat.PlainText)
    if label.wordWrap():
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        label.setFocusPolicy(Qt.FocusPolicy.NoFocus)


def load_ui(name: str, host: QWidget) -> QWidget:
    """Load `ui/<name>.ui` and fill `host` with it (no margins), returning the form."""
    form = load_form(name, host)
    layout = QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(form)
    return form


def child(root: QObject, cls: type[T], name: str) -> T:
    """The form's widget `name` of type `cls`; a missing one is a programming error."""
    found = root.findChild(cls, name)
    if found is None:
        raise LookupError(f"The form has no {cls.__name__} named {name!r}.")
    return found
