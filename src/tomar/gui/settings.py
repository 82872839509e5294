"""Volunteer preferences that are not secret, in `tomar-gui.ini` in the home folder.

They are needed before the vault is unlocked (the unlock screen speaks the chosen
language), so they cannot live in the vault. Nothing about signers is ever stored here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

FILE_NAME = "tomar-gui.ini"
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 120


@dataclass
class GuiSettings:
    language: str = "en"
    idle_lock_minutes: int = 10
    large_text: bool = False
    last_folder: str = ""  # where file dialogs start (a folder, never a file)


def _qsettings(home: Path) -> QSettings:
    return QSettings(str(home / FILE_NAME), QSettings.Format.IniFormat)


def load(home: Path) -> GuiSettings:
    """Read the settings; anything missing or odd falls back to the default."""
    default = GuiSettings()
    if not (home / FILE_NAME).exists():
        return default
    qs = _qsettings(home)
    language = str(qs.value("language", default.language))
    try:
        minutes = int(str(qs.value("idle_lock_minutes", default.idle_lock_minutes)))
    except ValueError:
        minutes = default.idle_lock_minutes
    minutes = max(MIN_IDLE_MINUTES, min(MAX_IDLE_MINUTES, minutes))
    large = str(qs.value("large_text", "false")).lower() in ("true", "1")
    last_folder = str(qs.value("last_folder", ""))
    return GuiSettings(
        language=language, idle_lock_minutes=minutes, large_text=large, last_folder=last_folder
    )


def save(home: Path, settings: GuiSettings) -> None:
    home.mkdir(parents=True, exist_ok=True, mode=0o700)
    qs = _qsettings(home)
    qs.setValue("language", settings.language)
    qs.setValue("idle_lock_minutes", settings.idle_lock_minutes)
    qs.setValue("large_text", "true" if settings.large_text else "false")
    qs.setValue("last_folder", settings.last_folder)
    qs.sync()
