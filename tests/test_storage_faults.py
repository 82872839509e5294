"""Storage faults get distinct, plain messages and change nothing: a read-only or full
disk (real tmpfs mounts; the tests run as root, who ignores file permissions, so a
read-only mount is the only honest read-only folder), and I/O errors, full disks and
refusals injected into the real `tomar` process by `strace -e inject=` at open, write,
fsync and rename. No command lets an OSError or SQLite error reach a person.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tomar.core import batch, vault
from tomar.core.device import Device, init_vault
from tomar.core.identity import OrganizerIdentity

from .batchkit import Cli, tomar
from .conftest import PASS
from .tools import unavailable

Org = tuple[vault.Vault, OrganizerIdentity, bytes]

READ_ONLY = "read-only"
FULL = "disk is full"
IO = "input/output error"
DAMAGED = "does not match its key file, or it is damaged"
RAW = ("Traceback", "internal error", "Errno", "OSError", "sqlite", "database disk image")


def _plain(result: Cli, words: str) -> None:
    text = result.out + result.err
    assert result.code == 1, text
    assert words in text, text
    assert not any(raw in text for raw in RAW), text


def _device(home: Path, package: bytes, records: int = 3) -> None:
    with init_vault(home, PASS) as v:
        d = Device(v)
        d.import_campaign(package)
        d.start_event("Fault rally")
    for i in range(records):
        _sign(home, i + 1).ok()


def _sign(home: Path, row: int, prefix: list[str] | None = None) -> Cli:
    args = ["sign", "--consent", "--field", "full_name=Fault Person", "--field", "city=DC"]
    args += ["--paper", f"F-1:{row}"]
    if prefix is None:
        return tomar(home, *args)
    env = {**os.environ, "TOMAR_PASSPHRASE": PASS}
    done = subprocess.run(
        [*prefix, sys.executable, "-m", "tomar", "--home", str(home), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    return Cli(done.returncode, done.stdout, done.stderr)


def _count(home: Path) -> int:
    with vault.Vault.open(home, PASS) as v:
        assert v.integrity_problems() == []
        return int(v.conn.execute("SELECT count(*) FROM records").fetchone()[0])


def _strace(spec: str, *paths: Path, trace: str | None = None) -> list[str]:
    """Inject `spec` (e.g. 'pwrite64:error=EIO') into calls on `paths` (all if none)."""
    argv = ["strace", "-f", "-qq", "-o", os.devnull]
    for path in paths:
        argv += ["-P", str(path)]
    if trace:
        argv += ["-e", f"trace={trace}"]
    return [*argv, "-e", f"inject={spec}"]


def _cli(prefix: list[str], home: Path, *args: str) -> Cli:
    env = {**os.environ, "TOMAR_PASSPHRASE": PASS}
    done = subprocess.run(
        [*prefix, sys.executable, "-m", "tomar", "--home", str(home), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    return Cli(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def mount(tmp_path: Path) -> Iterator[Path]:
    """A small tmpfs of our own (root only)."""
    where = tmp_path / "mnt"
    where.mkdir()
    if os.geteuid() != 0:
        unavailable("mounting a tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tomar-test", str(where)],
        capture_output=True,
        timeout=30,
        check=False,
    )
    if done.returncode != 0:
        unavailable(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace')}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], timeout=30, check=False)


def _read_only(where: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(where)], timeout=30, check=True)


def _fill(where: Path) -> None:
    with (where / "ballast").open("wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
        except OSError:
            pass


# --- real mounts ---------------------------------------------------------------------------


def test_read_only_disk(tmp_path: Path, org: Org, mount: Path) -> None:
    home = mount / "home"
    _device(home, org[2])
    elsewhere = tmp_path / "home"
    _device(elsewhere, org[2])
    _read_only(mount)
    _plain(tomar(home, "status"), READ_ONLY)
    _plain(_sign(home, 9), READ_ONLY)
    _plain(tomar(home, "export", "--out", str(tmp_path)), READ_ONLY)
    _plain(tomar(mount / "new", "init"), READ_ONLY)
    # A writable home exporting to a read-only stick: told so, and nothing changed.
    _plain(tomar(elsewhere, "export", "--out", str(mount)), READ_ONLY)
    assert tomar(elsewhere, "status").ok().out.endswith("not yet exported: 3\n")


def test_full_disk(tmp_path: Path, org: Org, mount: Path) -> None:
    home = mount / "home"
    _device(home, org[2])
    _fill(mount)
    before = (home / "tomar.db").read_bytes()
    _plain(tomar(home, "status"), FULL)
    _plain(_sign(home, 9), FULL)
    _plain(tomar(mount / "new", "init"), FULL)
    assert not (mount / "new" / "tomar.key").exists()
    elsewhere = tmp_path / "home"
    _device(elsewhere, org[2])
    _plain(tomar(elsewhere, "export", "--out", str(mount)), FULL)
    assert not [p for p in mount.iterdir() if p.name.startswith((".", "tomar-"))]
    (mount / "ballast").unlink()
    assert (home / "tomar.db").read_bytes() == before
    assert _count(home) == 3
    assert tomar(elsewhere, "export", "--out", str(mount)).ok()


def test_wrong_key_is_still_called_damaged(tmp_path: Path, org: Org) -> None:
    home, other = tmp_path / "home", tmp_path / "other"
    _device(home, org[2], records=1)
    init_vault(other, PASS).close()
    (home / "tomar.key").write_bytes((other / "tomar.key").read_bytes())
    _plain(tomar(home, "status"), DAMAGED)


# --- injected faults -----------------------------------------------------------------------


@pytest.mark.needs_tool("strace")
@pytest.mark.parametrize(
    ("spec", "words"),
    [
        ("openat:error=EIO", IO),
        ("pread64:error=EIO", IO),
    ],
)
def test_open_faults(tmp_path: Path, org: Org, spec: str, words: str) -> None:
    home = tmp_path / "home"
    _device(home, org[2], records=1)
    _plain(_cli(_strace(spec, home / "tomar.db"), home, "status"), words)
    assert _count(home) == 1


@pytest.mark.needs_tool("strace")
@pytest.mark.parametrize(
    ("spec", "words"),
    [
        ("pwrite64:error=ENOSPC", FULL),
        ("pwrite64:error=EIO", IO),
        ("fsync:error=EIO", IO),
        ("pwrite64:error=EROFS", IO),
    ],
)
def test_sign_faults_save_nothing(tmp_path: Path, org: Org, spec: str, words: str) -> None:
    home = tmp_path / "home"
    _device(home, org[2], records=2)
    db = home / "tomar.db"
    result = _sign(home, 7, _strace(spec, db, Path(f"{db}-wal")))
    _plain(result, words)
    assert "nothing was saved" in result.err
    assert _count(home) == 2
    _sign(home, 7).ok()  # the same row saves once the disk is well again
    assert _count(home) == 3


@pytest.mark.needs_tool("strace")
@pytest.mark.parametrize(
    ("spec", "words"),
    [
        ("fsync:error=EIO", IO),
        ("pwrite64:error=ENOSPC", FULL),
    ],
)
def test_init_faults_leave_no_vault(tmp_path: Path, spec: str, words: str) -> None:
    home = tmp_path / "home"
    _plain(
        _cli(_strace(spec, home / "tomar.db", Path(f"{home}/tomar.db-wal")), home, "init"), words
    )
    assert not vault.exists(home)
    tomar(home, "init").ok()


@pytest.mark.needs_tool("strace")
@pytest.mark.parametrize(
    ("spec", "words", "written"),
    [
        ("rename,renameat,renameat2:error=EIO:when=1", IO, False),  # the staged file
        ("rename,renameat,renameat2:error=EROFS:when=1", READ_ONLY, False),
        ("rename,renameat,renameat2:error=EIO:when=2", IO, True),  # after the commit
        ("write:error=ENOSPC:when=1", FULL, False),
    ],
)
def test_export_faults(tmp_path: Path, org: Org, spec: str, words: str, written: bool) -> None:
    home, out = tmp_path / "home", tmp_path / "stick"
    out.mkdir()
    _device(home, org[2])
    trace = spec.split(":", 1)[0]
    _plain(_cli(_strace(spec, trace=trace), home, "export", "--out", str(out)), words)
    assert list(out.iterdir()) == []
    status = tomar(home, "status").ok().out
    assert status.endswith("not yet exported: 0\n" if written else "not yet exported: 3\n")
    # Either way the next export leaves the folder complete.
    tomar(home, "export", "--out", str(out)).ok()
    with vault.Vault.open(home, PASS) as v:
        public = Device(v).identity.public
    assert [p.name for p in out.iterdir()] == [batch.file_name(public, 1)]
