"""`tomar export` killed at any moment: the next export to the folder writes every batch
the folder lacks (and that no receipt covers), and removes this export's leftovers.

Kills land at exact system calls (strace injects SIGKILL at the n-th rename or fsync:
before the batch is committed, between the commit and the rename, after it) and at
random times across the export.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tomar.core import batch, keyfile, vault
from tomar.core.device import Device, init_vault
from tomar.core.errors import WrongPassphrase
from tomar.core.identity import OrganizerIdentity

from .batchkit import tomar
from .conftest import PASS, form

Org = tuple[vault.Vault, OrganizerIdentity, bytes]


def _device(home: Path, package: bytes, records: int) -> None:
    with init_vault(home, PASS) as v:
        d = Device(v)
        d.import_campaign(package)
        d.start_event("Export rally")
        for i in range(records):
            d.save(form(f"Export Person {i}"))


def _add(home: Path, records: int, start: int) -> None:
    with vault.Vault.open(home, PASS) as v:
        d = Device(v)
        for i in range(records):
            d.save(form(f"Export Person {start + i}"))


def _env() -> dict[str, str]:
    return {**os.environ, "TOMAR_PASSPHRASE": PASS}


def _export_argv(home: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "tomar", "--home", str(home), "export", "--out", str(out)]


def _check_folder(home: Path, out: Path) -> int:
    """The invariant after a clean export: no leftovers, every batch of the vault in the
    folder with its recorded bytes, every record in a batch. Returns the batch count."""
    hidden = [p.name for p in out.iterdir() if p.name.startswith(".")]
    assert hidden == [], hidden
    with vault.Vault.open(home, PASS) as v:
        assert v.integrity_problems() == []
        pending = v.conn.execute(
            "SELECT count(*) FROM records WHERE exported_batch IS NULL"
        ).fetchone()[0]
        assert pending == 0
        public = Device(v).identity.public
        rows = v.conn.execute("SELECT number, sha256 FROM batches ORDER BY number").fetchall()
    for number, sha in rows:
        path = out / batch.file_name(public, int(number))
        assert path.is_file(), f"batch {number} is missing from the folder"
        assert hashlib.sha256(path.read_bytes()).hexdigest() == sha
    assert [int(r[0]) for r in rows] == list(range(1, len(rows) + 1))
    return len(rows)


@pytest.mark.needs_tool("strace")
@pytest.mark.parametrize("call", ["rename,renameat,renameat2", "fsync,fdatasync"])
def test_export_killed_at_each_system_call_is_repaired(tmp_path: Path, org: Org, call: str) -> None:
    home, out = tmp_path / "device", tmp_path / "stick"
    out.mkdir()
    _device(home, org[2], 30)
    killed = 0
    for when in range(1, 9):
        _add(home, 3, 1000 * when)
        done = subprocess.run(
            [
                "strace",
                "-f",
                "-qq",
                "-o",
                os.devnull,
                "-e",
                f"trace={call}",
                "-e",
                f"inject={call}:signal=SIGKILL:when={when}",
                *_export_argv(home, out),
            ],
            env=_env(),
            capture_output=True,
            timeout=120,
            check=False,
        )
        if done.returncode != 0:
            killed += 1
            assert b"Traceback" not in done.stderr
        tomar(home, "export", "--out", str(out)).ok()  # a new batch, or nothing new
        _check_folder(home, out)
    assert killed >= 2, "strace should have killed the export at least twice"


def test_export_killed_between_commit_and_rename_is_written_again(tmp_path: Path, org: Org) -> None:
    """The failure the issue showed: the vault counts the batch, the stick has only the
    hidden staged file. A receipted batch is not written again (its records may be gone)."""
    home, out, other = tmp_path / "device", tmp_path / "stick", tmp_path / "other"
    out.mkdir()
    other.mkdir()
    _device(home, org[2], 5)
    tomar(home, "export", "--out", str(out)).ok()
    staged = next(out.iterdir())
    staged.rename(out / f".{staged.name}.staged")  # what a kill after the commit leaves
    (out / f".{staged.name}.staged.0123456789ab.tmp").write_bytes(b"x" * 1000)
    unrelated = out / ".tomar-ffffffff-00001.tomar-batch.staged"  # another device's
    unrelated.write_bytes(b"keep")
    result = tomar(home, "export", "--out", str(out)).ok()
    assert "batch(es) 1 had not reached this folder" in result.out.lower()
    assert unrelated.read_bytes() == b"keep"
    unrelated.unlink()
    _check_folder(home, out)

    with vault.Vault.open(home, PASS) as v, v.transaction() as conn:
        conn.execute("UPDATE batches SET receipt_at = '2026-01-01T00:00:00Z'")
    _add(home, 2, 50)
    tomar(home, "export", "--out", str(other)).ok()
    names = sorted(p.name for p in other.iterdir())
    assert len(names) == 1 and names[0].endswith("00002.tomar-batch"), names


@pytest.mark.slow
def test_export_killed_at_random_times(tmp_path: Path, org: Org) -> None:
    home, out = tmp_path / "device", tmp_path / "stick"
    out.mkdir()
    _device(home, org[2], 200)
    rng = random.Random(16)
    # How long one whole export takes here (a fast machine finishes before any fixed
    # delay): kill times are drawn across that span.
    _add(home, 40, 5_000)
    started = time.monotonic()
    subprocess.run(_export_argv(home, out), env=_env(), capture_output=True, check=True)
    span = time.monotonic() - started
    _check_folder(home, out)
    kills = 0
    for round_ in range(12):
        _add(home, 40, 10_000 * (round_ + 1))
        child = subprocess.Popen(
            _export_argv(home, out),
            env=_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        time.sleep(rng.uniform(0.1, 0.9) * span)
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            kills += 1
        child.communicate(timeout=60)
        tomar(home, "export", "--out", str(out)).ok()
        _check_folder(home, out)
    assert kills >= 3


def _opens(home: Path, passphrase: str) -> bool:
    try:
        keyfile.unwrap(home / vault.KEY_NAME, passphrase)
    except WrongPassphrase:
        return False
    return True


@pytest.mark.needs_tool("strace")
@pytest.mark.parametrize(
    "call", ["rename,renameat,renameat2", "fsync,fdatasync", "unlink,unlinkat"]
)
def test_passwd_killed_at_each_system_call(tmp_path: Path, org: Org, call: str) -> None:
    """`tomar passwd` rebuilds the vault under a new key: killed anywhere, the vault opens
    afterwards with the old passphrase or the new one, with every record, and clean."""
    home = tmp_path / "device"
    _device(home, org[2], 12)
    new = "the new passphrase 7"
    outcomes = set()
    for when in range(1, 12):
        current = PASS if _opens(home, PASS) else new
        env = {**_env(), "TOMAR_PASSPHRASE": current, "TOMAR_NEW_PASSPHRASE": new}
        if current == new:
            env["TOMAR_NEW_PASSPHRASE"] = PASS
        done = subprocess.run(
            [
                "strace",
                "-f",
                "-qq",
                "-o",
                os.devnull,
                "-e",
                f"trace={call}",
                "-e",
                f"inject={call}:signal=SIGKILL:when={when}",
                sys.executable,
                "-m",
                "tomar",
                "--home",
                str(home),
                "passwd",
            ],
            env=env,
            capture_output=True,
            timeout=120,
            check=False,
        )
        outcomes.add(done.returncode == 0)
        opened = [p for p in (PASS, new) if _opens(home, p)]
        assert len(opened) == 1
        with vault.Vault.open(home, opened[0]) as v:
            assert v.integrity_problems() == []
            assert v.conn.execute("SELECT count(*) FROM records").fetchone()[0] == 12
        assert sorted(p.name for p in home.glob("tomar*.db")) == [vault.db_path(home).name]
    assert False in outcomes, "strace should have killed some runs"
