"""What differs on Windows and macOS, simulated here (docs/INSTALL.md, "Windows and macOS"):
files held open by another program, folders that cannot be fsynced, user names outside
ASCII, and the per-user data folder."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time
from pathlib import Path

import platformdirs
import platformdirs.macos
import platformdirs.windows
import pytest

from tomar.core import atomic, vault
from tomar.core.errors import E, StorageError


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """atomic.py behaving as on Windows; the waits it makes, recorded instead of slept."""
    waits: list[float] = []
    monkeypatch.setattr(atomic, "WINDOWS", True)
    monkeypatch.setattr(time, "sleep", waits.append)
    return waits


def _held_for(monkeypatch: pytest.MonkeyPatch, attempts: int) -> list[int]:
    """os.replace fails like Windows' sharing violation `attempts` times, then works."""
    real = os.replace
    calls: list[int] = []

    def fake(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        calls.append(1)
        if len(calls) <= attempts:
            raise PermissionError(errno.EACCES, "The process cannot access the file")
        real(src, dst)

    monkeypatch.setattr(os, "replace", fake)
    return calls


def test_a_file_held_for_a_moment_is_replaced(
    windows: list[float], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "sheets.pdf"
    target.write_bytes(b"old")
    calls = _held_for(monkeypatch, 3)
    atomic.atomic_write(target, b"new", what=E.WORD_THE_SHEETS)
    assert target.read_bytes() == b"new" and len(calls) == 4
    assert windows == list(atomic.REPLACE_WAITS[:3])
    assert [p.name for p in tmp_path.iterdir()] == ["sheets.pdf"]


def test_a_file_held_for_good_fails_cleanly(
    windows: list[float], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "sheets.pdf"
    target.write_bytes(b"old")
    _held_for(monkeypatch, 100)
    with pytest.raises(StorageError, match="the sheets was not saved"):
        atomic.atomic_write(target, b"new", what=E.WORD_THE_SHEETS)
    assert target.read_bytes() == b"old"  # untouched, and no temporary file left
    assert [p.name for p in tmp_path.iterdir()] == ["sheets.pdf"]
    assert sum(windows) < 3  # gives up after about two seconds


def test_elsewhere_a_refused_replace_fails_at_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(atomic, "WINDOWS", False)
    calls = _held_for(monkeypatch, 100)
    with pytest.raises(StorageError):
        atomic.atomic_write(tmp_path / "x", b"new")
    assert len(calls) == 1


def test_folders_that_cannot_be_opened_are_not_fsynced(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Windows refuses os.open on a folder; the write must still happen."""
    real = os.open

    def no_folders(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        if Path(path).is_dir():
            raise PermissionError(errno.EACCES, "Access is denied")
        return real(path, flags, *args)

    monkeypatch.setattr(os, "open", no_folders)
    atomic.atomic_write(tmp_path / "key", b"secret")
    assert (tmp_path / "key").read_bytes() == b"secret"


def test_self_test_under_folders_named_outside_ascii(tmp_path: Path) -> None:
    """A user named Zoë or مریم: the vault, batches, organizer import and PDF all live
    under such a folder (the self-test works in a temporary folder)."""
    home = tmp_path / "Users" / "Zoë مریم 李"
    home.mkdir(parents=True)
    done = subprocess.run(
        [sys.executable, "-m", "tomar", "--self-test"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "TMPDIR": str(home)},
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test passed" in done.stdout
    assert list(home.iterdir()) == []  # the temporary folder is gone again


def test_the_vault_lives_in_the_local_not_the_roaming_profile(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On Windows the vault must not roam to a domain server with the user's profile."""
    folders = {
        "CSIDL_LOCAL_APPDATA": r"C:\Users\Zoë\AppData\Local",
        "CSIDL_APPDATA": r"C:\Users\Zoë\AppData\Roaming",
    }
    monkeypatch.delenv("TOMAR_HOME", raising=False)
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", folders.__getitem__)
    monkeypatch.setattr(
        platformdirs,
        "user_data_dir",
        lambda *a, **k: platformdirs.windows.Windows(*a, **k).user_data_dir,
    )
    # (joined with "/" here, with "\\" on Windows)
    assert str(vault.default_home()).replace("/", "\\") == r"C:\Users\Zoë\AppData\Local\Tomar"
    monkeypatch.setattr(
        platformdirs,
        "user_data_dir",
        lambda *a, **k: platformdirs.macos.MacOS(*a, **k).user_data_dir,
    )
    assert vault.default_home() == Path.home() / "Library" / "Application Support" / "Tomar"


def test_on_macos_saves_get_past_the_drive_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """macOS's fsync leaves data in the drive's cache: files and folders get F_FULLFSYNC,
    and the vault asks SQLite for the same on every commit and checkpoint."""
    calls: list[int] = []

    class FakeFcntl:
        F_FULLFSYNC = 51

        @staticmethod
        def fcntl(fd: int, op: int) -> int:
            os.fstat(fd)  # a real, open descriptor
            calls.append(op)
            return 0

    monkeypatch.setattr(atomic, "fcntl", FakeFcntl)
    atomic.atomic_write(tmp_path / "receipt", b"data")
    assert calls == [51, 51]  # the file, then its folder
    v = vault.Vault.create(tmp_path / "home", "a passphrase")
    try:
        assert v.conn.execute("PRAGMA fullfsync").fetchone()[0] == 1
        assert v.conn.execute("PRAGMA checkpoint_fullfsync").fetchone()[0] == 1
    finally:
        v.close()
