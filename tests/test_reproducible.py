"""Builds people can check: the sdist and the wheel built twice, in two folders at two
times, are byte for byte the same, and SHA256SUMS signed with minisign verifies with
the real `minisign` and `sha256sum` tools. (`make reproduce` also builds the Linux
one-folder archive twice; it is too slow for every test run.)"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# What the sdist is built from (as in a fresh clone; no .venv, build or dist).
TREE = ("src", "ui", "resources", "packaging", "tests", "bench")
FILES = (
    "pyproject.toml",
    "setup.py",
    "MANIFEST.in",
    "README.md",
    "Makefile",
    "build_installer.spec",
)
EPOCH = "1790000000"

pytestmark = pytest.mark.slow


def _copy(dest: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in TREE:
        shutil.copytree(ROOT / name, dest / name, ignore=ignore)
    for name in FILES:
        shutil.copy2(ROOT / name, dest / name)
    return dest


def _build(tree: Path, out: Path) -> dict[str, str]:
    done = subprocess.run(
        ["bash", "packaging/dist.sh"],
        cwd=tree,
        env={**os.environ, "PYTHON": sys.executable, "DIST": str(out), "SOURCE_DATE_EPOCH": EPOCH},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.iterdir())}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], dict[str, str]]:
    if importlib_missing("build"):
        pytest.skip("the 'build' package is missing (pip install -e '.[build]')")
    base = tmp_path_factory.mktemp("repro")
    one = _copy(base / "one")
    time.sleep(2)  # another second on every clock-derived byte
    two = _copy(base / "elsewhere" / "two")
    os.utime(two / "setup.py", (1, 1))  # and other file times
    first = _build(one, base / "out1")
    second = _build(two, base / "out2")
    return base / "out1", first, second


def importlib_missing(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is None


def test_sdist_and_wheel_are_reproducible(
    builds: tuple[Path, dict[str, str], dict[str, str]],
) -> None:
    out, first, second = builds
    assert sorted(first) == ["tomar-0.1.0-py3-none-any.whl", "tomar-0.1.0.tar.gz"]
    assert first == second
    with zipfile.ZipFile(out / "tomar-0.1.0-py3-none-any.whl") as whl:
        names = whl.namelist()
        assert names == [*sorted(names[:-1]), names[-1]] and names[-1].endswith("RECORD")
        assert {i.date_time for i in whl.infolist()} == {time.gmtime(int(EPOCH))[:6]}
        assert "tomar/_bundled/resources/i18n/tomar_ar.qm" in names
        assert "tomar/_bundled/ui/kiosk.ui" in names
    with tarfile.open(out / "tomar-0.1.0.tar.gz") as sdist:
        members = sdist.getmembers()
        assert [m.name for m in members] == sorted(m.name for m in members)
        assert {(m.mtime, m.uid, m.gid, m.uname) for m in members} == {(int(EPOCH), 0, 0, "")}
        assert "tomar-0.1.0/resources/i18n/tomar_ar.qm" in sdist.getnames()


@pytest.mark.interop
@pytest.mark.needs_tool("minisign")
def test_signed_sums_verify_with_minisign(
    builds: tuple[Path, dict[str, str], dict[str, str]], tmp_path: Path
) -> None:
    out, first, _ = builds
    key, pub = tmp_path / "release.key", tmp_path / "release.pub"
    subprocess.run(
        ["minisign", "-G", "-W", "-s", str(key), "-p", str(pub)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    done = subprocess.run(
        ["bash", str(ROOT / "packaging" / "sign.sh"), str(out)],
        env={**os.environ, "MINISIGN_KEY": str(key)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    sums = (out / "SHA256SUMS").read_text()
    assert sums == "".join(f"{digest}  {name}\n" for name, digest in first.items())
    subprocess.run(
        ["minisign", "-V", "-m", str(out / "SHA256SUMS"), "-p", str(pub)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=out, check=True, capture_output=True)
    # A changed wheel no longer matches the signed sums.
    wheel = out / "tomar-0.1.0-py3-none-any.whl"
    wheel.write_bytes(wheel.read_bytes() + b"\0")
    bad = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=out, capture_output=True)
    assert bad.returncode != 0
