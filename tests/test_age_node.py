"""Interoperability with the official TypeScript age (npm `age-encryption`, pinned in
tests/interop/package.json), the one independent tool here that reads Tomar's default
post-quantum recipient (Debian's age 1.1 reads X25519 only).

Both directions, both recipient types, and the scrypt key backup; plus the real path:
a device seals a signature to a hybrid organizer, and the organizer's backup, opened
with this tool alone, opens the record.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tomar.core import age
from tomar.core.device import Device, init_vault
from tomar.core.errors import AgeNoMatch
from tomar.core.organizer import BACKUP_WORK_FACTOR

from .conftest import BACKUP_PASS, PASS, form, make_organizer
from .tools import node_age

pytestmark = [pytest.mark.interop, pytest.mark.needs_tool("node-age")]

PLAINTEXT = "Tomar نام امضاکننده\n".encode() + bytes(range(256)) * 300  # > 64 KiB: two chunks


def _tomar_identity(kind: str) -> age.X25519Identity | age.HybridIdentity:
    return age.HybridIdentity.generate() if kind == "hybrid" else age.X25519Identity.generate()


@pytest.mark.parametrize("kind", ["hybrid", "x25519"])
def test_tomar_seals_node_opens(tmp_path: Path, kind: str) -> None:
    ident = _tomar_identity(kind)
    key_file = tmp_path / "key.txt"
    key_file.write_text(f"# made by Tomar\n{ident.to_string()}\n")
    sealed = age.encrypt(PLAINTEXT, [ident.recipient()])
    assert node_age(["decrypt", "-i", str(key_file)], stdin=sealed) == PLAINTEXT
    # The tool derives the same public key from Tomar's secret key.
    public = node_age(["recipient", str(key_file)]).decode().strip()
    assert public == ident.recipient().to_string()


@pytest.mark.parametrize("kind", ["hybrid", "x25519"])
def test_node_seals_to_tomar_recipient(kind: str) -> None:
    ident = _tomar_identity(kind)
    sealed = node_age(["encrypt", "-r", ident.recipient().to_string()], stdin=PLAINTEXT)
    stanza = b"mlkem768x25519" if kind == "hybrid" else b"X25519"
    assert b"\n-> " + stanza + b" " in sealed
    assert age.decrypt(sealed, [ident]) == PLAINTEXT
    with pytest.raises(AgeNoMatch):
        age.decrypt(sealed, [_tomar_identity(kind)])


@pytest.mark.parametrize("kind", ["--pq", "x25519"])
def test_node_identity_opens_in_tomar(tmp_path: Path, kind: str) -> None:
    key_file = tmp_path / "key.txt"
    key_file.write_bytes(node_age(["keygen", kind]))
    public = node_age(["recipient", str(key_file)]).decode().strip()
    identities = age.parse_identity_file(key_file.read_text())
    assert identities[0].recipient().to_string() == public
    sealed = age.encrypt(PLAINTEXT, [age.parse_recipient(public)])
    assert node_age(["decrypt", "-i", str(key_file)], stdin=sealed) == PLAINTEXT


def test_scrypt_both_ways() -> None:
    env = {"AGE_PASSPHRASE": "tomar pass"}
    sealed = age.encrypt(PLAINTEXT, [age.ScryptRecipient(b"tomar pass", 10)])
    assert node_age(["decrypt", "-p"], stdin=sealed, env=env) == PLAINTEXT
    theirs = node_age(["encrypt", "-p"], stdin=PLAINTEXT, env=env)
    assert b"\n-> scrypt " in theirs
    assert age.decrypt(theirs, [age.ScryptIdentity(b"tomar pass")]) == PLAINTEXT
    with pytest.raises(AgeNoMatch):
        age.decrypt(theirs, [age.ScryptIdentity(b"wrong pass")])


def test_hybrid_backup_opens_records_with_node_only(tmp_path: Path, spec_text: str) -> None:
    """The default key type end to end: backup (scrypt, work factor as shipped) opened by
    the tool, its identity opening a device's sealed record."""
    v, ident, package = make_organizer(tmp_path / "org", spec_text, kind="hybrid")
    assert ident.recipient.startswith("age1pq1")
    backup = (tmp_path / "org-backup.age").read_bytes()
    assert f" {BACKUP_WORK_FACTOR}\n".encode() in backup.split(b"\n---", 1)[0]
    identity = node_age(["decrypt", "-p"], stdin=backup, env={"AGE_PASSPHRASE": BACKUP_PASS})
    key_file = tmp_path / "recovered.txt"
    key_file.write_bytes(identity)
    assert node_age(["recipient", str(key_file)]).decode().strip() == ident.recipient

    dv = init_vault(tmp_path / "device", PASS)
    device = Device(dv)
    device.import_campaign(package)
    device.start_event("Rally", "Washington")
    saved = device.save(form("Recovered Signer"))
    sealed = bytes(
        dv.conn.execute(
            "SELECT sealed FROM records WHERE record_id = ?", (saved.record_id,)
        ).fetchone()[0]
    )
    assert b"\n-> mlkem768x25519 " in sealed
    envelope = json.loads(node_age(["decrypt", "-i", str(key_file)], stdin=sealed))
    assert envelope["record"]["id"] == saved.record_id
    assert envelope["record"]["fields"]["full_name"] == "Recovered Signer"
    dv.close()
    v.close()
