"""The installer (issue 8): build the one-folder app with PyInstaller, run its self-test.

The build uses this interpreter's PyInstaller (the `build` extra, which `make test`
installs) and writes only to a temporary folder. `make installer` does the same build in
a fresh virtual environment and packs it (packaging/build.sh).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tomar import __version__, selftest

ROOT = Path(__file__).resolve().parents[1]
CORE_CHECKS = ["resources", "vault", "signature", "organizer", "batch", "intake", "pdf"]
MAX_FOLDER_MIB = 200


@pytest.fixture(scope="module")
def app_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not sys.platform.startswith("linux"):
        pytest.skip("the installer test builds the Linux folder")
    if importlib.util.find_spec("PyInstaller") is None:
        if os.environ.get("CI"):
            pytest.fail("PyInstaller is missing: `make test` installs the 'build' extra")
        pytest.skip("PyInstaller is not installed (pip install -e '.[build]')")
    work = tmp_path_factory.mktemp("installer")
    start = time.monotonic()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(ROOT / "build_installer.spec"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert proc.returncode == 0, proc.stderr[-6000:]
    print(f"installer built in {time.monotonic() - start:.0f} s")
    return work / "dist" / "tomar"


def _run(program: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TOMAR_", "PYTHON"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [str(program), *args], env=env, capture_output=True, text=True, timeout=300
    )


def _checks(stdout: str) -> list[str]:
    return [
        line.split(":", 1)[0].removeprefix("ok ")
        for line in stdout.splitlines()
        if line.startswith("ok ")
    ]


@pytest.mark.slow
def test_desktop_app_self_test(app_dir: Path, tmp_path: Path) -> None:
    proc = _run(app_dir / "tomar-gui", "--self-test", home=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "frozen build" in proc.stdout
    assert _checks(proc.stdout) == [*CORE_CHECKS, "qt"]
    assert "self-test passed: 8 checks" in proc.stdout
    assert "Persian" in proc.stdout and "main window shown" in proc.stdout
    assert not [p for p in tmp_path.rglob("*") if "tomar" in p.name.lower()]  # no real vault


@pytest.mark.slow
def test_command_line_self_test_and_version(app_dir: Path, tmp_path: Path) -> None:
    proc = _run(app_dir / "tomar", "--self-test", home=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert _checks(proc.stdout) == CORE_CHECKS
    assert "self-test passed: 7 checks" in proc.stdout
    version = _run(app_dir / "tomar", "--version", home=tmp_path)
    assert version.returncode == 0
    assert version.stdout.strip() == f"tomar {__version__}"


@pytest.mark.slow
def test_bundle_layout_and_size(app_dir: Path) -> None:
    internal = app_dir / "_internal" / "tomar" / "_bundled"  # the wheel's layout
    for rel in (
        "ui/style.qss",
        "resources/fonts/Vazirmatn-Regular.ttf",
        "resources/fonts/NotoSans-Regular.ttf",
        "resources/fonts/NotoSansArmenian-Bold.ttf",
        "resources/fonts/NotoSansGeorgian-Regular.ttf",
        "resources/fonts/NotoSansHebrew-Bold.ttf",
        "resources/fonts/OFL-Noto.txt",
        "resources/i18n/tomar_fa.qm",
        "resources/demo/demo.tomar-campaign",
        "resources/demo/demo-organizer.backup.age",
        "resources/icons/tomar-256.png",
    ):
        assert (internal / rel).is_file(), rel
    assert {p.name for p in (ROOT / "ui").glob("*.ui")} <= {
        p.name for p in (internal / "ui").glob("*.ui")
    }
    assert not (internal / "resources" / "demo" / "regenerate.sh").exists()
    assert not list((internal / "resources" / "i18n").glob("*.ts"))
    names = {p.name for p in app_dir.rglob("*")}
    for unwanted in ("libQt6Quick.so.6", "libQt6Qml.so.6", "libQt6WebEngineCore.so.6", "qml"):
        assert unwanted not in names
    assert "libqoffscreen.so" in names and "libqxcb.so" in names
    size = sum(p.stat().st_size for p in app_dir.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"installer folder: {size / 2**20:.0f} MiB")
    assert size < MAX_FOLDER_MIB * 2**20


def test_self_test_from_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert selftest.run() == 0
    out = capsys.readouterr().out
    assert _checks(out) == CORE_CHECKS
    assert "from a checkout" in out


def test_self_test_failure_is_one_plain_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path
    monkeypatch.setattr(selftest, "resources_dir", lambda: empty)
    monkeypatch.setattr(selftest, "resource_path", lambda *parts: empty.joinpath(*parts))
    assert selftest.run() == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines()[-1].startswith("FAILED resources: missing bundled files")
    assert "Traceback" not in captured.out + captured.err
    assert "self-test failed" in captured.err
