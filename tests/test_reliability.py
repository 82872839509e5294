"""Crash safety and leaks: SIGKILL while signing, canary names on disk, no Qt in the core."""

from __future__ import annotations

import importlib.util
import os
import random
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest
import sqlcipher3

from tomar.core import batch, vault
from tomar.core.device import Device, init_vault
from tomar.core.identity import OrganizerIdentity
from tomar.core.intake import Intake
from tomar.core.records import SignatureForm

from .conftest import PASS, demo_signature, form, make_organizer

Org = tuple[vault.Vault, OrganizerIdentity, bytes]

SIGNER_LOOP = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    sys.path.insert(0, {tests!r})
    from tests.conftest import form
    from tomar.core.device import Device
    from tomar.core.vault import Vault
    v = Vault.open(Path({home!r}), {pw!r})
    d = Device(v)
    print("ready", flush=True)
    i = 0
    while True:
        i += 1
        saved = d.save(form(f"Loop Person {{i}}"))
        print(saved.record_id, flush=True)
    """
)


@pytest.mark.slow
def test_sigkill_while_signing_loses_no_acknowledged_record(tmp_path: Path, org: Org) -> None:
    home = tmp_path / "device"
    with init_vault(home, PASS) as v:
        d = Device(v)
        d.import_campaign(org[2])
        d.start_event("Crash rally")
    script = SIGNER_LOOP.format(tests=str(Path(__file__).parents[1]), home=str(home), pw=PASS)
    env = {**os.environ}
    acknowledged: list[str] = []
    rng = random.Random(20261125)
    kills = 0
    for _ in range(55):
        child = subprocess.Popen(
            [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )
        assert child.stdout is not None
        first = child.stdout.readline()
        assert first == b"ready\n", child.stderr.read() if child.stderr else b""
        time.sleep(rng.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
        kills += 1
        acknowledged += [line for line in out.decode().split() if len(line) == 32]
    assert kills >= 50
    assert len(acknowledged) > 100, "the loop should have saved many records"
    with vault.Vault.open(home, PASS) as v:
        stored = {r[0] for r in v.conn.execute("SELECT record_id FROM records")}
        assert v.integrity_problems() == []
        seqs = [r[0] for r in v.conn.execute("SELECT seq FROM records ORDER BY seq")]
    assert set(acknowledged) <= stored
    assert seqs == list(range(1, len(seqs) + 1)), "sequence numbers have no gaps or repeats"


CANARY_ASCII = "Zqxcanaryvwk Canarysson"
CANARY_FA = "کاناری‌زاده شگفت‌نام"
CANARY_CITY = "Qwpcanarycity"


def _encodings(text: str) -> list[bytes]:
    return [text.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]


def _leaks(folder: Path, needles: list[bytes], since: float) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        try:
            if not path.is_file() or path.stat().st_mtime < since - 1:
                continue
            if path.stat().st_size > 64 * 1024 * 1024:
                continue
            data = path.read_bytes()
        except OSError:
            continue
        found += [f"{path}: {n!r}" for n in needles if n in data]
    return found


NEEDLES = [
    n for text in (CANARY_ASCII, CANARY_FA, CANARY_CITY, "zqxcanary") for n in _encodings(text)
]


def _canary_session(tmp_path: Path, org: Org) -> tuple[Path, Path]:
    """Canary signers saved on a device, exported, and imported by the organizer, whose
    vault then holds their names in the clear (inside SQLCipher). Returns both homes."""
    home = tmp_path / "device"
    stick = tmp_path / "stick"
    stick.mkdir()
    with init_vault(home, PASS) as v:
        d = Device(v)
        d.import_campaign(org[2])
        d.start_event("Canary rally")
        with Intake(org[0], workers=1) as intake:
            d.accept_certificate(intake.enroll(d.enrollment_request("Canary tablet"))[0])
        d.save(form(CANARY_ASCII, email="zqxcanary@example.org"))
        d.save(
            SignatureForm(
                fields={"full_name": CANARY_FA, "city": CANARY_CITY},
                lang="fa",
                consent=True,
                signature=demo_signature(),
            )
        )
        d.void(d.last_signature_id() or "")
        for i in range(50):  # enough writes to checkpoint the WAL
            d.save(form(f"{CANARY_ASCII} {i}"))
        exported = batch.export(d, stick)
    with Intake(org[0], workers=1) as intake:
        assert intake.import_file(exported.path).status == "imported"
    names = org[0].conn.execute("SELECT count(*) FROM signers").fetchone()[0]
    assert names == 52, "the organizer's vault holds the canary names"
    return home, org[0].home


@pytest.mark.slow
def test_canary_names_never_reach_disk(tmp_path: Path, org: Org) -> None:
    since = time.time()
    home, organizer_home = _canary_session(tmp_path, org)
    # The command line too, with its temp folder pointed at one we can search.
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "TOMAR_PASSPHRASE": PASS, "TMPDIR": str(tmp)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tomar",
            "--home",
            str(home),
            "sign",
            "--consent",
            "--field",
            f"full_name={CANARY_FA}",
            "--field",
            f"city={CANARY_CITY}",
            "--paper",
            "S-1:1",
        ],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert not any(n in result.stdout + result.stderr for n in NEEDLES)
    assert _leaks(home, NEEDLES, 0) == []
    assert _leaks(organizer_home, NEEDLES, 0) == []
    assert _leaks(tmp_path / "stick", NEEDLES, 0) == []
    assert _leaks(tmp, NEEDLES, 0) == []
    assert _leaks(Path(tempfile.gettempdir()), NEEDLES, since) == []


def test_canary_search_finds_names_with_the_database_key_switched_off(
    tmp_path: Path, spec_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The canary test can fail: with SQLCipher's key switched off, the same session
    leaves the organizer's imported names on disk in plain text, and the search sees them."""

    def no_key_pragma(path: Path, key: bytes) -> object:
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
        for statement, _, _ in vault.PRAGMAS:
            conn.execute(f"PRAGMA {statement}")
        return conn

    monkeypatch.setattr(vault, "_connect", no_key_pragma)
    org = make_organizer(tmp_path / "organizer", spec_text)
    try:
        _, organizer_home = _canary_session(tmp_path, org)
        assert (organizer_home / "tomar.db").read_bytes().startswith(b"SQLite format 3")
        assert _leaks(organizer_home, NEEDLES, 0) != []
    finally:
        org[0].close()


def test_core_imports_no_qt() -> None:
    code = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        import tomar.core, tomar.cli
        for m in pkgutil.iter_modules(tomar.core.__path__):
            importlib.import_module("tomar.core." + m.name)
        qt = sorted(n for n in sys.modules if n.startswith(("PySide6", "shiboken6", "PyQt")))
        print(",".join(qt) or "none")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "none"


@pytest.mark.slow
def test_sigkill_tomar_sign_with_default_kdf(tmp_path: Path) -> None:
    """A few rounds of bench/crash.py (`make crash` runs 200): the command line with the
    shipped Argon2id, killed at random moments across the whole save."""
    spec = importlib.util.spec_from_file_location(
        "crash_bench", Path(__file__).resolve().parents[1] / "bench" / "crash.py"
    )
    assert spec is not None and spec.loader is not None
    crash = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(crash)
    figures = crash.run(12, seed=7, home=tmp_path, saves=1)
    assert (figures["lost"], figures["integrity"], figures["sequence_gaps"]) == (0, "ok", False)
    assert figures["stored"] >= figures["acknowledged"] >= 12  # one whole save per round
    assert figures["killed"] >= 3
