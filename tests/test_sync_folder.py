"""Sync through a folder (USB stick, Syncthing, Nextcloud): the same round trip as the
server, idempotent, with progress, cancel and plain errors; and the commands on it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tomar.core import batch, receipts
from tomar.core.device import Device
from tomar.core.intake import ImportStatus, Intake
from tomar.sync import SyncError, client

from .conftest import PASS, form
from .synckit import Org, close_all, device, organizer


@pytest.fixture
def org(tmp_path: Path) -> Iterator[Org]:
    o = organizer(tmp_path)
    yield o
    o.vault.close()


def test_folder_round_trip_with_purge(tmp_path: Path, org: Org) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    enrolled = device(tmp_path, org, "enrolled")
    loose = device(tmp_path, org, "loose", enrolled=False)  # folders need no enrollment
    try:
        for d, name in ((enrolled, "Enrolled"), (loose, "Loose")):
            for i in range(2):
                d.save(form(f"{name} {i}", email=f"{name.lower()}{i}@example.org"))
        seen: list[tuple[str, int, int]] = []
        first = client.sync_device(enrolled, stick, progress=lambda *a: seen.append(a))
        assert first.ok and (first.exported, first.uploaded, first.pending) == (2, 0, 1)
        assert first.already == 1  # export wrote it into the folder itself
        assert ("export", 2, 2) in seen
        assert client.sync_device(loose, stick).ok
        files = sorted(p.name for p in (stick / "batches").iterdir())
        assert len(files) == 2 and all(f.endswith(batch.SUFFIX) for f in files)
        # Sending again rewrites nothing.
        before = {p: p.stat().st_mtime_ns for p in (stick / "batches").iterdir()}
        again = client.sync_device(enrolled, stick)
        assert (again.uploaded, again.already) == (0, 1)
        assert before == {p: p.stat().st_mtime_ns for p in (stick / "batches").iterdir()}

        with Intake(org.vault) as intake:
            pulled = client.pull(intake, stick)
            statuses = sorted(r.status for r in pulled.imports)
            assert statuses == ["held", "imported"]  # the unenrolled device waits for approval
            assert pulled.receipts_sent == 1
            assert client.pull(intake, stick).downloaded == 0
            intake.approve_device(loose.identity.fingerprint)
            assert client.pull(intake, stick).receipts_sent == 1
        names = sorted(p.name for p in (stick / "receipts").iterdir())
        assert len(names) == 2 and all(n.endswith(receipts.SUFFIX) for n in names)

        for d in (enrolled, loose):
            back = client.sync_device(d, stick)
            assert back.ok and back.receipts_applied == 1 and back.records_accepted == 2
            assert back.pending == 0
            assert d.purge(PASS) == 2
    finally:
        close_all(enrolled, loose)


def test_lost_batch_file_is_written_again_and_damaged_one_replaced(
    tmp_path: Path, org: Org
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    d = device(tmp_path, org, "dev")
    try:
        d.save(form("Lost Person", email="lost@example.org"))
        assert client.sync_device(d, stick).ok
        (path,) = (stick / "batches").iterdir()
        good = path.read_bytes()
        path.unlink()  # the stick was wiped, or Syncthing lost it
        result = client.sync_device(d, stick)
        assert result.uploaded == 1 and path.read_bytes() == good
        path.write_bytes(b"damaged")
        result = client.sync_device(d, stick)
        assert result.uploaded == 1
        # A different file under the batch's name is kept; the real batch goes beside it.
        assert sorted(p.read_bytes() for p in (stick / "batches").iterdir()) == sorted(
            [b"damaged", good]
        )
        with Intake(org.vault) as intake:
            pulled = client.pull(intake, stick)
            assert [r.status for r in pulled.imports].count(ImportStatus.IMPORTED) == 1
            assert [r.status for r in pulled.imports].count(ImportStatus.REJECTED) == 1
            assert not pulled.ok
            # The rejected file is remembered, not fetched and reported again.
            assert client.pull(intake, stick).imports == []
            assert len(client.pull(intake, stick, again=True).imports) == 1
    finally:
        d.vault.close()


def test_cancel_and_missing_folder(tmp_path: Path, org: Org) -> None:
    d = device(tmp_path, org, "dev")
    try:
        d.save(form("Cancel Person", email="cancel@example.org"))
        with pytest.raises(SyncError, match="does not exist"):
            client.sync_device(d, tmp_path / "no-stick")
        with pytest.raises(SyncError, match="Where to"):
            client.sync_device(d)
        stop = threading.Event()
        stop.set()
        (tmp_path / "stick").mkdir()
        result = client.sync_device(d, tmp_path / "stick", cancel=stop)
        assert result.cancelled and not result.ok and result.last_success is None
        assert not list((tmp_path / "stick" / "batches").iterdir())
        assert d.counts()["pending_export"] == 1  # nothing half-done
        client.remember_target(d, str(tmp_path / "stick"))
        assert client.sync_device(d).uploaded == 0  # exported straight into the folder
        assert client.default_target(d) == str(tmp_path / "stick")
    finally:
        d.vault.close()


def test_commands_on_a_folder(tmp_path: Path, org: Org) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    d: Device = device(tmp_path, org, "cli-dev")
    d.save(form("Cli Folder", email="cli-folder@example.org"))
    home, org_home = d.vault.home, org.vault.home
    d.vault.close()
    org.vault.close()
    env = {**os.environ, "TOMAR_PASSPHRASE": PASS}

    def tomar(h: Path, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "tomar", "--home", str(h), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )

    out = tomar(home, "sync", "--to", str(stick))
    assert out.returncode == 0, out.stderr
    assert "1 new records exported" in out.stdout
    out = tomar(org_home, "pull", "--from", str(stick), "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["receipts_sent"] == 1
    out = tomar(home, "sync", "--to", str(stick))
    assert "1 receipts applied" in out.stdout and "tomar purge" in out.stdout
    bad = tomar(home, "sync", "--to", str(tmp_path / "missing"))
    assert bad.returncode == 1 and "does not exist" in bad.stderr
    assert "Traceback" not in bad.stderr
    from tomar.core import vault

    org.vault = vault.Vault.open(org_home, PASS)  # the fixture closes it
