"""Register the bundled Vazirmatn so Persian is shaped the same on every machine.

Without it Qt falls back to whatever the system has, which may lack Persian glyphs or
join them badly. Vazirmatn covers Latin too, so the whole app uses one family.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from .paths import fonts_dir

FAMILY = "Vazirmatn"
BASE_POINTS = 11
LARGE_POINTS = 14


def register() -> str | None:
    """Add the bundled TTFs; return the family name, or None if none could be loaded."""
    family = None
    for path in sorted(fonts_dir().glob("Vazirmatn-*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            family = families[0]
    return family


_system_points: float | None = None


def apply(app: QApplication, family: str | None, *, large: bool) -> None:
    """Set the application font: the bundled family, normal or large text.

    The size follows the system's font size when that is larger than ours (a person who
    set large text for every program gets it here too); "large text" adds a quarter.
    """
    global _system_points
    if _system_points is None:  # the platform's size, before the app sets its own
        _system_points = app.font().pointSizeF()
    base = max(float(BASE_POINTS), _system_points)
    font = QFont(family or app.font().family())
    font.setPointSizeF(base * LARGE_POINTS / BASE_POINTS if large else base)
    app.setFont(font)
