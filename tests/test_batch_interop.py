"""Batches and receipts checked and opened with stock tools only: unzip (Python's zipfile),
`minisign -V`, `sha256sum`, `age -d` — what an organizer has if Tomar disappears."""

from __future__ import annotations

import base64
import json
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tomar.core import age, batch, organizer
from tomar.core.campaign import canonical_json
from tomar.core.identity import DeviceIdentity, device_minisign_public, verify_device_signature
from tomar.core.records import RECORD_LABEL

from . import batchkit as kit
from .tools import run

pytestmark = [
    pytest.mark.interop,
    pytest.mark.needs_tool("age", "minisign", "sha256sum"),
]


@dataclass
class Setup:
    base: Path
    org: kit.Org
    device_public: bytes
    path: Path
    ids: list[str]
    names: list[str]
    receipt: Path


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    base = tmp_path_factory.mktemp("interop")
    org = kit.shared_pool(tmp_path_factory).fresh(base / "organizer")  # an X25519 campaign
    assert org.ident.recipient_kind == "x25519"
    dev = kit.new_device(base / "device", org.package)
    kit.enroll(dev, org)
    names = ["Sara Example", "علی رضایی", "Zed Quinn"]
    ids = [kit.sign(dev, n, lang="fa" if i == 1 else "en") for i, n in enumerate(names)]
    ids.append(dev.void(ids[2]))
    exported = kit.export(dev, base / "out")
    organizer.write_identity(org.vault, base / "organizer-identity.txt")
    rdir = base / "receipts"
    rdir.mkdir()
    with org.intake() as intake:
        assert intake.import_file(exported.path).status == "imported"
        (receipt,) = intake.write_receipts(rdir)
    yield Setup(base, org, dev.identity.public, exported.path, ids, names, receipt)
    dev.vault.close()
    org.close()


def _unzip(path: Path, into: Path) -> Path:
    into.mkdir()
    with zipfile.ZipFile(path) as zf:
        zf.extractall(into)
    return into


def _minisign(pubkey: str, message: Path, signature: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        ["minisign", "-V", "-P", pubkey, "-m", str(message), "-x", str(signature)],
        capture_output=True,
        timeout=30,
        check=False,
    )


def _sha256sum(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        ["sha256sum", *args], cwd=folder, capture_output=True, timeout=30, check=False
    )


def test_manifest_verifies_with_minisign(setup: Setup, tmp_path: Path) -> None:
    folder = _unzip(setup.path, tmp_path / "batch")
    manifest_path, signature_path = folder / batch.MANIFEST, folder / batch.SIGNATURE
    manifest = json.loads(manifest_path.read_bytes())
    device = base64.b64decode(manifest["device"])
    assert device == setup.device_public
    pubkey = device_minisign_public(device).to_base64()

    ok = _minisign(pubkey, manifest_path, signature_path)
    assert ok.returncode == 0, ok.stderr
    assert b"Signature and comment signature verified" in ok.stdout
    assert b"Trusted comment: tomar batch 1" in ok.stdout

    # A changed manifest, or another device's key, fails with the stock tool too.
    tampered = tmp_path / "tampered.json"
    tampered.write_bytes(manifest_path.read_bytes().replace(b'"batch":1', b'"batch":2'))
    assert _minisign(pubkey, tampered, signature_path).returncode != 0
    stranger = device_minisign_public(DeviceIdentity.generate().public).to_base64()
    assert _minisign(stranger, manifest_path, signature_path).returncode != 0


def test_record_hashes_match_sha256sum(setup: Setup, tmp_path: Path) -> None:
    folder = _unzip(setup.path, tmp_path / "batch")
    manifest = json.loads((folder / batch.MANIFEST).read_bytes())
    assert [r["id"] for r in manifest["records"]] == setup.ids
    listed = {f"{r['id']}.age": r["sha256"] for r in manifest["records"]}
    done = _sha256sum(folder, *sorted(listed))
    assert done.returncode == 0, done.stderr
    computed = {}
    for line in done.stdout.decode().splitlines():
        digest, name = line.split(maxsplit=1)
        computed[name.lstrip("*")] = digest
    assert computed == listed
    # `sha256sum -c` agrees, the way an organizer would check by hand, and catches a change.
    (folder / "SHA256SUMS").write_text("".join(f"{h}  {n}\n" for n, h in listed.items()))
    assert _sha256sum(folder, "-c", "SHA256SUMS").returncode == 0
    first = folder / sorted(listed)[0]
    first.write_bytes(first.read_bytes() + b"x")
    assert _sha256sum(folder, "-c", "SHA256SUMS").returncode != 0


def test_each_record_decrypts_with_stock_age(setup: Setup, tmp_path: Path) -> None:
    identity = setup.base / "organizer-identity.txt"
    folder = _unzip(setup.path, tmp_path / "batch")
    manifest = json.loads((folder / batch.MANIFEST).read_bytes())
    opened = []
    for entry in manifest["records"]:
        plain = run(["age", "-d", "-i", str(identity), str(folder / f"{entry['id']}.age")])
        envelope = json.loads(plain)
        record = envelope["record"]
        assert (record["id"], record["seq"]) == (entry["id"], entry["seq"])
        assert record["device"] == manifest["device"]
        assert record["campaign"] == manifest["campaign"]
        assert record["organizer"] == manifest["organizer"]
        # The inner signature, made by the device key that signed the manifest.
        assert verify_device_signature(
            setup.device_public,
            RECORD_LABEL,
            canonical_json(record),
            base64.b64decode(envelope["sig"]),
        )
        opened.append(record)
    names = [r["fields"]["full_name"] for r in opened if r["type"] == "signature"]
    assert names == setup.names
    assert opened[-1]["type"] == "void" and opened[-1]["target"] == opened[2]["id"]
    # Another identity cannot open them.
    stranger = tmp_path / "stranger.txt"
    stranger.write_text(age.X25519Identity.generate().to_string() + "\n")
    refused = subprocess.run(
        ["age", "-d", "-i", str(stranger), str(folder / f"{opened[0]['id']}.age")],
        capture_output=True,
        check=False,
        timeout=30,
    )
    assert refused.returncode != 0


def test_receipt_verifies_with_minisign(setup: Setup, tmp_path: Path) -> None:
    outer = json.loads(setup.receipt.read_bytes())
    assert sorted(outer["receipt"]["accepted"]) == sorted(setup.ids)
    message, signature = tmp_path / "receipt.json", tmp_path / "receipt.json.minisig"
    message.write_bytes(canonical_json(outer["receipt"]))
    signature.write_text(outer["signature"])
    key = setup.org.campaign.signing_key.to_base64()
    ok = _minisign(key, message, signature)
    assert ok.returncode == 0, ok.stderr
    assert b"Trusted comment: tomar receipt" in ok.stdout
    outer["receipt"]["accepted"] = outer["receipt"]["accepted"][1:]
    message.write_bytes(canonical_json(outer["receipt"]))
    assert _minisign(key, message, signature).returncode != 0
