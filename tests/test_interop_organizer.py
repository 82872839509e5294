"""Recovery with standard tools: backup, identity and packages work without Tomar."""

from __future__ import annotations

import io
import json
import subprocess
import zipfile
from pathlib import Path

import pytest

from tomar.core import minisign, organizer, vault
from tomar.core.device import Device
from tomar.core.identity import OrganizerIdentity

from .conftest import BACKUP_PASS, form
from .tools import run, run_on_tty

pytestmark = [
    pytest.mark.interop,
    pytest.mark.needs_tool("age", "minisign"),
]
Org = tuple[vault.Vault, OrganizerIdentity, bytes]


def test_backup_opens_with_stock_age_and_then_opens_records(
    tmp_path: Path, org: Org, device: Device
) -> None:
    backup = tmp_path / "organizer-backup.age"  # the conftest organizer wrote one beside its home
    backup.write_bytes((org[0].home.parent / f"{org[0].home.name}-backup.age").read_bytes())
    recovered = tmp_path / "identity.txt"
    run_on_tty(["age", "-d", "-o", str(recovered), str(backup)], [BACKUP_PASS.encode()])
    ident = OrganizerIdentity.from_identity_file(recovered.read_text())
    assert ident.fingerprint == org[1].fingerprint

    saved = device.save(form("Recovered Signer"))
    sealed = bytes(
        device.vault.conn.execute(
            "SELECT sealed FROM records WHERE record_id = ?", (saved.record_id,)
        ).fetchone()[0]
    )
    (tmp_path / "record.age").write_bytes(sealed)
    plain = run(["age", "-d", "-i", str(recovered), str(tmp_path / "record.age")])
    envelope = json.loads(plain)
    assert envelope["record"]["id"] == saved.record_id
    assert envelope["record"]["fields"]["full_name"] == "Recovered Signer"


def test_identity_file_opens_records_with_stock_age(
    tmp_path: Path, org: Org, device: Device
) -> None:
    organizer.write_identity(org[0], tmp_path / "id.txt")
    assert (tmp_path / "id.txt").stat().st_mode & 0o077 == 0
    device.save(form())
    sealed = bytes(device.vault.conn.execute("SELECT sealed FROM records").fetchone()[0])
    (tmp_path / "r.age").write_bytes(sealed)
    plain = run(["age", "-d", "-i", str(tmp_path / "id.txt"), str(tmp_path / "r.age")])
    assert json.loads(plain)["record"]["type"] == "signature"


def test_campaign_package_verifies_with_minisign(tmp_path: Path, org: Org) -> None:
    with zipfile.ZipFile(io.BytesIO(org[2])) as zf:
        zf.extractall(tmp_path)
    pub = minisign.PublicKey.from_base64(
        json.loads((tmp_path / "campaign.json").read_text())["organizer"]["signing_key"]
    )
    (tmp_path / "organizer.pub").write_text(pub.to_file_text())
    verify = [
        "minisign",
        "-V",
        "-p",
        str(tmp_path / "organizer.pub"),
        "-m",
        str(tmp_path / "campaign.json"),
        "-x",
        str(tmp_path / "campaign.json.minisig"),
    ]
    out = run(verify)
    assert b"Signature and comment signature verified" in out
    (tmp_path / "campaign.json").write_bytes(
        (tmp_path / "campaign.json").read_bytes().replace(b"Congress", b"Kongress")
    )
    bad = subprocess.run(
        verify,
        capture_output=True,
        check=False,
    )
    assert bad.returncode != 0
