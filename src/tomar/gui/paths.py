"""Where the app's bundled files live: `ui/` and `resources/` beside the package.

Like `tomar.resources`, this works from a checkout (the repository root) and from a
PyInstaller one-folder build (`sys._MEIPASS`).
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..resources import resources_dir


def ui_dir() -> Path:
    """Folder of the Qt Designer forms (`*.ui`) and the style sheet."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "ui"
    return resources_dir().parent / "ui"


def i18n_dir() -> Path:
    """Folder of the translations (`tomar_XX.ts` sources and compiled `tomar_XX.qm`)."""
    return resources_dir() / "i18n"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"
