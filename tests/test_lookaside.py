"""The widened lookaside: in force for every vault, memory security still on, and far
fewer mlock/munlock system calls per stored row (the reason it exists)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tomar.core import lookaside

# Opens a vault in a fresh process and reports what SQLite itself says: the largest single
# allocation so far (the lookaside buffer is one allocation per connection) and whether
# every safety pragma is still in force. Then stores ROWS rows, one statement each.
SCRIPT = """
import ctypes, json, os, sys
from pathlib import Path
import sqlcipher3
from tomar.core import lookaside, vault
home = Path(sys.argv[1])
v = vault.Vault.create(home, "pass")
lib = ctypes.CDLL(sqlcipher3._sqlite3.__file__)
cur, high = ctypes.c_int64(), ctypes.c_int64()
lib.sqlite3_status64(5, ctypes.byref(cur), ctypes.byref(high), 0)  # SQLITE_STATUS_MALLOC_SIZE
v.check_safety()
print(json.dumps({"applied": lookaside.applied, "largest": high.value}), flush=True)
if len(sys.argv) > 2:
    with v.transaction() as conn:
        conn.execute("CREATE TABLE t (id TEXT PRIMARY KEY, a TEXT, b TEXT, c BLOB)")
        conn.execute("CREATE INDEX t_a ON t(a)")
        conn.execute("CREATE INDEX t_b ON t(b)")
    for k in range(0, int(sys.argv[2]), 500):
        with v.transaction() as conn:
            for i in range(k, k + 500):
                conn.execute("INSERT INTO t VALUES (?,?,?,?)",
                             (f"id{i:08x}", f"a{i}", f"b{i}", bytes(900)))
v.close()
"""


def _run(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "home"), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=True,
    )
    result: dict[str, object] = json.loads(out.stdout.splitlines()[0])
    return result


def test_every_connection_gets_the_wide_lookaside(tmp_path: Path) -> None:
    report = _run(tmp_path)
    assert report["applied"] is True
    assert int(str(report["largest"])) >= lookaside.SLOT_BYTES * lookaside.SLOTS


def test_can_be_turned_off_and_then_sqlite_default_is_kept(tmp_path: Path) -> None:
    report = _run(tmp_path, env={lookaside.ENV: "0"})
    assert report["applied"] is False
    assert int(str(report["largest"])) < lookaside.SLOT_BYTES * lookaside.SLOTS


def _mlocks(tmp_path: Path, rows: int, env: dict[str, str]) -> int:
    """mlock system calls of a fresh process that stores `rows` rows, counted by strace."""
    name = f"{env.get(lookaside.ENV, 'on')}-{rows}"
    home, trace = tmp_path / f"home-{name}", tmp_path / f"trace-{name}"
    subprocess.run(
        ["strace", "-f", "-e", "trace=mlock", "-o", str(trace), sys.executable, "-c", SCRIPT,
         str(home), str(rows)],
        capture_output=True,
        env={**os.environ, **env},
        check=True,
    )  # fmt: skip
    return len(re.findall(r"\bmlock\(", trace.read_text()))


def _mlocks_per_row(tmp_path: Path, rows: int, env: dict[str, str]) -> float:
    """Per stored row: the difference between storing `rows` rows and storing none."""
    return (_mlocks(tmp_path, rows, env) - _mlocks(tmp_path, 0, env)) / rows


@pytest.mark.needs_tool("strace")
def test_memory_security_costs_few_system_calls_per_row(tmp_path: Path) -> None:
    """With the wide lookaside, cursors and row records no longer each cost an mlock and
    an munlock; without it (SQLite's default) they do. Large allocations (the page
    cache) are still locked either way: memory security stays on."""
    rows = 3000
    wide = _mlocks_per_row(tmp_path, rows, {})
    default = _mlocks_per_row(tmp_path, rows, {lookaside.ENV: "0"})
    print(f"mlock calls per row: {wide:.2f} wide, {default:.2f} default")
    assert wide < 1.0, wide
    assert default > 3.0, default
    assert wide > 0  # page cache and large buffers are still locked


# As on Windows: the extension exports only its init function, so ctypes finds no SQLite
# symbols. Everything must work with SQLite's default lookaside: a device saves and
# exports 40 signers, the organizer imports the batch and reads every one back.
WITHOUT_SYMBOLS = """
import ctypes, json, sys
from pathlib import Path

class OnlyInit(ctypes.CDLL):
    def __getattr__(self, name):
        if name != "PyInit__sqlite3":
            raise AttributeError(name)
        return super().__getattr__(name)

ctypes.CDLL = OnlyInit
sys.path.insert(0, sys.argv[2])
from tomar.core import lookaside
from tests import batchkit as kit

base = Path(sys.argv[1])
org = kit.new_organizer(base / "org")
device = kit.new_device(base / "device", org.package)
kit.enroll(device, org)
names = [f"Signer {i}" for i in range(40)]
for n in names:
    kit.sign(device, n, email=f"s{names.index(n)}@example.org")
done = kit.export(device, base / "out")
with org.intake() as intake:
    result = intake.import_file(done.path)
    got = sorted(s["fields"]["full_name"] for s in intake.unique_signers())
    counted = kit.counts(intake)
print(json.dumps({"status": lookaside.status.value, "line": lookaside.describe(),
                  "result": str(result.status), "names": got == sorted(names),
                  "counts": counted}))
"""


def test_without_sqlite_symbols_a_batch_imports_correctly(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, "-c", WITHOUT_SYMBOLS, str(tmp_path), str(root)],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=300,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    report = json.loads(out.stdout.splitlines()[-1])
    assert report["status"] == "unavailable"
    assert "not available" in report["line"]
    assert report["result"] == "imported"
    assert report["names"] is True
    assert report["counts"]["unique"] == 40 and report["counts"]["received"] == 40


def test_self_test_says_whether_the_lookaside_is_in_force() -> None:
    lookaside.widen()
    assert lookaside.status in (lookaside.Status.WIDE, lookaside.Status.OFF)
    assert lookaside.describe().startswith("SQLite lookaside: ")
