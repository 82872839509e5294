"""'I am the organizer: create a campaign' on the first-run campaign step.

Added to the volunteer's first-run form after it loads (the button sits under the demo
button), so the first-run screen itself does not depend on the organizer workspace.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QBoxLayout, QPushButton, QWidget


def add_organizer_entry(screen: QWidget, action: Callable[[], None]) -> QPushButton | None:
    demo = screen.findChild(QPushButton, "demoButton")
    parent = demo.parentWidget() if demo is not None else None
    layout = parent.layout() if parent is not None else None
    if demo is None or not isinstance(layout, QBoxLayout):
        return None
    entry = QPushButton(
        QCoreApplication.translate("OrganizerEntry", "I am the organizer: create a campaign")
    )
    entry.setObjectName("organizerButton")
    entry.clicked.connect(action)
    layout.insertWidget(layout.indexOf(demo) + 1, entry)
    return entry
