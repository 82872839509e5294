"""Carry the top-level `ui/` and `resources/` into the wheel as `tomar/_bundled/`.

Why a setup.py: the repository keeps the forms, fonts, translations, icons and the demo
campaign at the top level (designers and translators work there), while a wheel can only
install files inside the package. `tomar.resources` looks for `tomar/_bundled/` first
(an installed wheel, and the one-folder build, which uses the same layout) and falls
back to the repository root (a checkout). Everything else is in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
BUNDLED = "_bundled"


def bundled_files() -> list[tuple[Path, str]]:
    """(source file, path inside `tomar/_bundled/`), sorted; the same list the spec uses."""
    out: list[tuple[Path, str]] = []

    def add(folder: str, keep: str = "*") -> None:
        base = ROOT / folder
        for path in sorted(base.rglob(keep)):
            if path.is_file() and path.suffix not in (".sh", ".ts", ".pyc"):
                out.append((path, path.relative_to(ROOT).as_posix()))

    add("ui")
    add("resources/fonts")
    add("resources/icons")
    add("resources/demo")
    add("resources/i18n", "*.qm")
    return out


class BuildWithBundled(build_py):  # type: ignore[misc]
    def run(self) -> None:
        super().run()
        files = bundled_files()
        if not any(rel.startswith("resources/i18n/") for _, rel in files):
            raise SystemExit("no compiled translations in resources/i18n: run 'make i18n'")
        target = Path(self.build_lib) / "tomar" / BUNDLED
        shutil.rmtree(target, ignore_errors=True)
        for src, rel in files:
            dest = target / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)


setup(cmdclass={"build_py": BuildWithBundled})
