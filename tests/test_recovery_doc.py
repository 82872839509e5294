"""docs/RECOVERY.md, run as written: every `sh` block, in order, in one shell, against a
real campaign package, batch, receipt, key backup and printed shares made here. Only the
standard tools the page names (unzip, sha256sum, minisign, age, openssl, the official
TypeScript age) and stock Python with shamir-mnemonic are used."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tomar.core import batch, recovery, vault
from tomar.core.device import Device, init_vault
from tomar.core.identity import OrganizerIdentity
from tomar.core.intake import Intake

from .conftest import BACKUP_PASS, PASS, form
from .tools import NODE_AGE

Org = tuple[vault.Vault, OrganizerIdentity, bytes]
DOC = Path(__file__).resolve().parents[1] / "docs" / "RECOVERY.md"

pytestmark = [
    pytest.mark.interop,
    pytest.mark.needs_tool("age", "minisign", "node-age", "openssl", "unzip", "sha256sum"),
]


def _blocks() -> list[str]:
    return re.findall(r"^```sh\n(.*?)^```$", DOC.read_text("utf-8"), flags=re.M | re.S)


def _prepare(tmp_path: Path, org: Org) -> Path:
    work = tmp_path / "recovery"
    work.mkdir()
    (work / "campaign.tomar-campaign").write_bytes(org[2])
    (work / "organizer-backup.age").write_bytes((tmp_path / "organizer-backup.age").read_bytes())
    with init_vault(tmp_path / "device", PASS) as v:
        d = Device(v)
        d.import_campaign(org[2])
        d.start_event("Recovery rally")
        with Intake(org[0], workers=1) as intake:
            d.accept_certificate(intake.enroll(d.enrollment_request("Tablet"))[0])
        for name in ("Sara Example", "Ali Rezaei", "مریم احمدی"):
            d.save(form(name))

        exported = batch.export(d, tmp_path)
    (work / "batch.tomar-batch").write_bytes(exported.path.read_bytes())
    receipts = tmp_path / "receipts"
    receipts.mkdir()
    with Intake(org[0], workers=1) as intake:
        assert intake.import_file(exported.path).status == "imported"
        (receipt,) = intake.write_receipts(receipts)
    (work / "receipt.tomar-receipt").write_bytes(Path(receipt).read_bytes())
    shares = recovery.split(org[1], 2, 3)
    (work / "shares.txt").write_text(f"{shares[2]}\n{shares[0]}\n")
    return work


def _run(work: Path, org: Org, script: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "FINGERPRINT": org[1].fingerprint,
        "BACKUP_PASSPHRASE": BACKUP_PASS,
        "AGE_MJS": str(NODE_AGE),
        # python3 with shamir-mnemonic: the one running the tests.
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    return subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_recovery_doc_runs_as_written(tmp_path: Path, org: Org) -> None:
    blocks = _blocks()
    assert len(blocks) == 6
    work = _prepare(tmp_path, org)
    done = _run(work, org, "\n".join(blocks))
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert f"organizer fingerprint {org[1].fingerprint} matches" in out
    assert "Signature and comment signature verified" in out
    assert "batch 1 with 3 records; previous None" in out
    assert "3 records opened, every device signature valid" in out
    assert "receipt for batch 1 : 3 accepted" in out
    assert "the shares rebuild the backed-up key" in out
    names = {p.read_text("utf-8") for p in (work / "plain").iterdir()}
    assert any("مریم احمدی" in text for text in names)


def test_recovery_doc_catches_forgeries(tmp_path: Path, org: Org) -> None:
    """The same commands stop on a wrong fingerprint, a changed record, a forged record
    signature: the page is a check, not a ritual."""
    blocks = _blocks()
    work = _prepare(tmp_path, org)
    wrong = _run(
        work, org, "export FINGERPRINT='00000 00000 00000 00000 00000 00000'\n" + blocks[0]
    )
    assert wrong.returncode != 0 and "does not match: STOP" in wrong.stderr
    assert _run(work, org, blocks[0]).returncode == 0
    # A record changed inside the batch: sha256sum -c fails.
    changed = _run(
        work,
        org,
        blocks[1].replace(
            "sha256sum --quiet", 'echo x >> "$(ls batch/*.age | head -1)"; sha256sum --quiet'
        ),
    )
    assert changed.returncode != 0
    # A record whose device signature is forged: OpenSSL refuses it.
    assert _run(work, org, "\n".join(blocks[1:3])).returncode == 0
    forge = "\n".join(
        [
            blocks[3].split("python3 - <<'EOF'")[0],
            "python3 - <<'EOF2'\nimport glob, json\n"
            "p = sorted(glob.glob('plain/*.json'))[0]\n"
            "d = json.load(open(p, encoding='utf-8'))\n"
            "d['record']['fields']['city'] = 'Elsewhere'\n"
            "json.dump(d, open(p, 'w', encoding='utf-8'), ensure_ascii=False)\nEOF2\n",
            "python3 - <<'EOF'"
            + blocks[3].split("python3 - <<'EOF'")[1].replace("mkdir -p plain", ""),
        ]
    )
    forged = _run(work, org, forge)
    assert forged.returncode != 0, forged.stdout
