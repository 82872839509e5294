"""Start the desktop app: `tomar-gui [--home DIR]` or `python -m tomar.gui`.

The home folder is found like the command line finds it: `--home`, then TOMAR_HOME,
then the platform's user data folder (`tomar.core.vault.default_home`).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from .. import __version__
from ..core.vault import default_home
from . import fonts
from . import settings as gui_settings
from .i18n import Languages
from .main_window import MainWindow
from .paths import ui_dir

START = time.perf_counter()


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="tomar-gui", description="Tomar desktop app")
    p.add_argument("--version", action="version", version=f"tomar {__version__}")
    p.add_argument("--home", help="vault folder (default: TOMAR_HOME or the user data folder)")
    p.add_argument(
        "--self-test",
        action="store_true",
        help="check that this copy of Tomar works (headless, offscreen), then exit",
    )
    return p.parse_args(list(argv))


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Unexpected errors print their type only: messages may quote what signers typed."""
    if os.environ.get("TOMAR_DEBUG"):
        sys.__excepthook__(kind, exc, tb)
        return
    print(f"tomar-gui: unexpected internal error ({kind.__name__})", file=sys.stderr)


def create_app(argv: Sequence[str]) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(list(argv))
    app.setApplicationName("Tomar")
    app.setApplicationVersion(__version__)
    return app


def build_window(app: QApplication, home: Path) -> MainWindow:
    """Fonts, translations, style sheet and the window, in that order."""
    family = fonts.register()
    settings = gui_settings.load(home)
    fonts.apply(app, family, large=settings.large_text)
    languages = Languages()
    languages.install(app, settings.language)
    style = ui_dir() / "style.qss"
    if style.exists():
        app.setStyleSheet(style.read_text("utf-8"))
    return MainWindow(home, languages, settings, font_family=family)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:  # before any window: the check starts Qt offscreen itself
        from ..selftest import run as self_test

        return self_test(gui=True)
    home = Path(args.home) if args.home else default_home()
    sys.excepthook = _excepthook
    app = create_app(sys.argv[:1])
    window = build_window(app, home)
    window.fit_to_screen()
    window.show()
    if os.environ.get("TOMAR_GUI_STARTUP_PROBE"):  # bench/gui.py: time to the first screen
        QTimer.singleShot(0, lambda: _probe(app))
    return app.exec()


def _probe(app: QApplication) -> None:
    print(f"shown {time.time():.6f} {time.perf_counter() - START:.6f}", flush=True)
    app.quit()
