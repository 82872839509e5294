"""Where the app's bundled files live; `tomar.resources` finds the bundle root the same
way in a checkout, an installed wheel and the one-folder build.
"""

from __future__ import annotations

from pathlib import Path

from ..resources import resources_dir, ui_dir

__all__ = ["fonts_dir", "i18n_dir", "ui_dir"]


def i18n_dir() -> Path:
    """Folder of the translations (`tomar_XX.ts` sources and compiled `tomar_XX.qm`)."""
    return resources_dir() / "i18n"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"
