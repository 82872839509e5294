"""What a screen may ask of the main window, as a Protocol (no import cycle).

Screens navigate, lock, pick files and change settings only through this, so each
screen module depends on the core and on this file, not on the window or on the other
screens. Tests replace `choose_file`/`choose_folder`/`open_document` to skip the file
dialogs and the system's viewer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from .i18n import Languages
from .idle import Clock
from .session import Session
from .settings import GuiSettings
from .worker import Worker

if TYPE_CHECKING:
    from .screens.base import Screen


@dataclass
class Options:
    """Timings and behaviour that tests and benchmarks shorten."""

    thank_you_ms: int = 4000
    kiosk_idle_s: float = 90.0
    kiosk_warn_s: float = 30.0
    fullscreen_kiosk: bool = True
    pin_attempts_free: int = 3


class Shell(Protocol):
    session: Session
    languages: Languages
    settings: GuiSettings
    options: Options
    worker: Worker
    clock: Clock

    def go(self, name: str) -> Screen: ...

    def after_unlock(self) -> None: ...

    def lock_now(self) -> None: ...

    def set_kiosk_mode(self, on: bool) -> None: ...

    def apply_settings(self, settings: GuiSettings) -> None: ...

    def choose_file(self, title: str, pattern: str, done: Callable[[str], None]) -> None: ...

    def choose_folder(self, title: str, done: Callable[[str], None]) -> None: ...

    def open_document(self, path: Path) -> None: ...
