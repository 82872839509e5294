"""Where file dialogs start and what they offer: the last folder used, Documents, and
removable drives (USB sticks are how batches and campaign packages travel).

The last folder is kept in `tomar-gui.ini` (a folder path, never a file name a signer
could be named in); a folder that has gone (a stick pulled out) falls back to Documents.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QStorageInfo, QUrl

#: Mount points where desktops put removable drives.
REMOVABLE_ROOTS = ("/media/", "/run/media/", "/Volumes/", "/mnt/")


def documents() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def removable_drives() -> list[Path]:
    """Mounted volumes that look removable (USB sticks, SD cards), ready to use."""
    system = Path(os.environ.get("SYSTEMDRIVE", "C:") + "\\") if sys.platform == "win32" else None
    out: list[Path] = []
    for volume in QStorageInfo.mountedVolumes():
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
            continue
        root = volume.rootPath()
        if sys.platform == "win32":
            if system is not None and Path(root) != system:
                out.append(Path(root))
        elif root.startswith(REMOVABLE_ROOTS):
            out.append(Path(root))
    return out


def sidebar(last: str = "") -> list[QUrl]:
    """The places a file dialog offers, most useful first, each once."""
    paths: list[Path] = []
    if last and Path(last).is_dir():
        paths.append(Path(last))
    paths += removable_drives()
    paths += [documents(), Path.home()]
    seen: set[str] = set()
    urls: list[QUrl] = []
    for path in paths:
        key = str(path)
        if key not in seen and path.is_dir():
            seen.add(key)
            urls.append(QUrl.fromLocalFile(key))
    return urls


def start_folder(last: str) -> str:
    """The last folder used if it is still there, else a removable drive, else Documents."""
    if last and Path(last).is_dir():
        return last
    drives = removable_drives()
    return str(drives[0] if drives else documents())
