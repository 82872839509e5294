"""Where bundled files live, found the same way in every kind of install.

The bundle root holds `ui/` (forms, style sheet) and `resources/` (fonts, compiled
translations, icons, demo campaign). It is, in this order:

1. `tomar/_bundled/` beside this module: an installed wheel (setup.py copies the files
   there) and the one-folder build (build_installer.spec uses the same layout);
2. the repository root: a checkout or an editable install (`src/tomar/..`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

BUNDLED = "_bundled"


@cache
def bundle_root() -> Path:
    """The folder that holds `ui/` and `resources/`."""
    here = Path(__file__).resolve().parent
    packaged = here / BUNDLED
    if (packaged / "resources").is_dir():
        return packaged
    return here.parents[1]


def resources_dir() -> Path:
    return bundle_root() / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def ui_dir() -> Path:
    """Folder of the Qt Designer forms (`*.ui`) and the style sheet."""
    return bundle_root() / "ui"
