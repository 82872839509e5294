"""Atomic, private file writes: a reader sees the old file or the new one, never half of one.

Temp files live in the destination folder (so the rename is atomic and nothing lands in
/tmp), are created 0600, fsynced, renamed over the target, and the folder is fsynced.

Windows differs in two ways (docs/INSTALL.md, "Windows and macOS"): a folder cannot be
opened to fsync it (NTFS journals the rename itself; `fsync_dir` does nothing there), and
a file another program holds open without sharing delete (a virus scanner or search
indexer reading the new file, a PDF viewer showing the old one) cannot be replaced for
a moment: `replace` tries again for about two seconds before it gives up.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import sys
import time
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import BinaryIO

from .errors import E, StorageError, Words

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

WINDOWS = sys.platform == "win32"


def fsync(fd: int) -> None:
    """`os.fsync`, and on macOS F_FULLFSYNC, without which the drive may keep the data in
    its cache past a power cut."""
    full = getattr(fcntl, "F_FULLFSYNC", None) if fcntl is not None else None
    if full is not None:
        try:
            fcntl.fcntl(fd, full)
            return
        except OSError:  # pragma: no cover - file systems without it (some network ones)
            pass
    os.fsync(fd)


#: Waits between attempts to replace a file Windows reports as in use (about 2 s in all).
REPLACE_WAITS = (0.05, 0.1, 0.2, 0.4, 0.6, 0.8)


def replace(src: Path, dst: Path) -> None:
    """`os.replace`, patient on Windows with files another program holds for a moment."""
    for wait in (*REPLACE_WAITS, None) if WINDOWS else (None,):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if wait is None:
                raise
            time.sleep(wait)


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - not possible on Windows; best effort
        return
    try:
        fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


class Fault(Enum):
    """What went wrong with a disk, in the terms a volunteer can act on."""

    READ_ONLY = "read-only"
    FULL = "full"
    IO = "I/O error"
    OTHER = "other"


def fault_of(exc: OSError) -> Fault:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return Fault.FULL
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return Fault.READ_ONLY
    if exc.errno == errno.EIO:
        return Fault.IO
    return Fault.OTHER


def folder_fault(folder: Path) -> Fault | None:
    """Read-only or full, as the file system says (used when SQLite only says 'cannot')."""
    try:
        st = os.statvfs(folder)
    except (OSError, AttributeError):  # AttributeError: no statvfs on Windows
        return None
    if st.f_flag & os.ST_RDONLY or not os.access(folder, os.W_OK):
        return Fault.READ_ONLY
    if st.f_bavail == 0:
        return Fault.FULL
    return None


def storage_error(exc: OSError, what: Words) -> StorageError:
    """Translate an OSError into words a volunteer can act on: one plain sentence per
    fault, none saying that data is lost, since it is not."""
    fault = fault_of(exc)
    if fault is Fault.FULL:
        return StorageError(E.ATOMIC_DISK_FULL_NOT_SAVED, what=what)
    if fault is Fault.READ_ONLY:
        return StorageError(E.ATOMIC_READ_ONLY_NOT_SAVED, what=what)
    if fault is Fault.IO:
        return StorageError(E.ATOMIC_IO_ERROR_NOT_SAVED, what=what)
    said = exc.strerror or f"error {exc.errno}"
    return StorageError(E.ATOMIC_DISK_ERROR_NOT_SAVED, what=what, detail=said)


@contextlib.contextmanager
def atomic_writer(
    path: Path | str, *, mode: int = 0o600, what: Words = E.WORD_THE_FILE
) -> Iterator[BinaryIO]:
    """Yield a file to write; on normal exit it is fsynced and renamed over `path`.

    On any exception the temp file is removed and the target is untouched.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    tmp = folder / f".{target.name}.{secrets.token_hex(6)}.tmp"
    try:
        fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    except OSError as exc:
        raise storage_error(exc, what) from None
    try:
        with os.fdopen(fd, "w+b") as fh:
            yield fh
            fh.flush()
            fsync(fh.fileno())
        replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise storage_error(exc, what) from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(folder)


def atomic_write(
    path: Path | str, data: bytes, *, mode: int = 0o600, what: Words = E.WORD_THE_FILE
) -> None:
    """Write `data` to `path` atomically with permissions `mode`."""
    with atomic_writer(path, mode=mode, what=what) as fh:
        fh.write(data)


def destroy_file(path: Path) -> None:
    """Overwrite a small secret file with random bytes, fsync, then unlink it.

    On flash storage the overwrite is not a guarantee; the real protection is that the file
    is the only copy of the wrapped key, so removing it makes the database unreadable.
    """
    try:
        size = path.stat().st_size
        fd = os.open(path, os.O_WRONLY)
        try:
            os.write(fd, secrets.token_bytes(max(size, 1)))
            fsync(fd)
        finally:
            os.close(fd)
    except FileNotFoundError:
        return
    except OSError:
        pass
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    fsync_dir(path.parent)
