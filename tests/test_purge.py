"""Receipts and purge: only a genuine receipt lets a device forget records, and a purge
leaves nothing readable behind, even for someone who holds the old passphrase."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from tomar.core import batch, keyfile, organizer, receipts, vault
from tomar.core.campaign import Campaign, build_package, doc_from_spec, read_package
from tomar.core.device import Device, init_vault
from tomar.core.errors import (
    CampaignError,
    E,
    FormatError,
    StorageError,
    TomarError,
    ValidationError,
)
from tomar.core.identity import OrganizerIdentity
from tomar.core.intake import Intake
from tomar.core.records import SignatureForm
from tomar.core.sheets import blank
from tomar.resources import resource_path

from . import batchkit as kit
from .conftest import BACKUP_PASS, PASS

PAGE, RESERVE = 4096, 80  # SQLCipher 4 defaults: 16-byte IV + 64-byte HMAC per page


pool = kit.pool


@dataclass
class Scene:
    org: kit.Org
    dev: Device
    out: Path
    ids: dict[str, str]
    one: batch.Exported
    two: batch.Exported
    receipt_one: bytes
    receipt_two: bytes


@pytest.fixture
def scene(pool: kit.Pool, tmp_path: Path) -> Iterator[Scene]:
    """Batch 1 (three signatures and a void) is receipted; batch 2 is exported and
    imported but its receipt has not reached the device; one record is not exported."""
    org = pool.fresh(tmp_path / "organizer")
    dev = kit.new_device(tmp_path / "device", org.package)
    kit.enroll(dev, org)
    out = tmp_path / "stick"
    ids = {
        f"r{i}": kit.sign(dev, f"Signer Number{i}", email=f"s{i}@example.org") for i in (1, 2, 3)
    }
    ids["void"] = dev.void(ids["r2"])
    one = kit.export(dev, out)
    ids["r5"] = kit.sign(dev, "Signer Five")
    two = kit.export(dev, out)
    ids["r6"] = kit.sign(dev, "Signer Six")
    rdir = tmp_path / "receipts"
    rdir.mkdir()
    with org.intake() as intake:
        assert intake.import_file(one.path).status == "imported"
        assert intake.import_file(two.path).status == "imported"
        paths = intake.write_receipts(rdir)
    assert len(paths) == 2
    by_batch = {json.loads(p.read_bytes())["receipt"]["batch"]: p.read_bytes() for p in paths}
    dev.import_receipt(by_batch[1])
    yield Scene(org, dev, out, ids, one, two, by_batch[1], by_batch[2])
    dev.vault.close()
    org.close()


# --- the attacker's view of the files after a purge ----------------------------------------


def _decrypt(page: bytes, key: bytes, first: bool) -> bytes:
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return dec.update(page[16 if first else 0 : PAGE - RESERVE]) + dec.finalize()


def readable_bytes(path: Path, key: bytes) -> bytes:
    """Every page of a SQLCipher file (or its WAL) decrypted with `key`, free pages too."""
    data = path.read_bytes()
    out = [data]  # and the raw bytes, in case anything was ever written in the clear
    if path.name.endswith("-wal"):
        off = 32
        while off + 24 + PAGE <= len(data):
            pgno = int.from_bytes(data[off : off + 4], "big")
            out.append(_decrypt(data[off + 24 : off + 24 + PAGE], key, pgno == 1))
            off += 24 + PAGE
    elif path.name.endswith(".db"):
        for i in range(len(data) // PAGE):
            out.append(_decrypt(data[i * PAGE : (i + 1) * PAGE], key, i == 0))
    return b"\x00".join(out)


def windows(sealed: bytes) -> list[bytes]:
    """Distinctive 48-byte pieces of a record's ciphertext, from all over it."""
    step = max(1, (len(sealed) - 48) // 6)
    return [sealed[i : i + 48] for i in range(64, len(sealed) - 48, step)]


def found(pieces: list[bytes], haystack: bytes) -> bool:
    return any(p in haystack for p in pieces)


def test_after_purge_the_old_passphrase_and_files_reveal_no_purged_record(
    scene: Scene, tmp_path: Path
) -> None:
    dev, home = scene.dev, scene.dev.vault.home
    sealed = kit.sealed_of(dev)
    purged = {k: sealed[scene.ids[k]] for k in ("r1", "r2", "r3", "void")}
    kept = {k: sealed[scene.ids[k]] for k in ("r5", "r6")}
    old_db = vault.db_path(home)
    old_key = keyfile.unwrap(vault.key_path(home), PASS)
    dev.vault.close()
    # The scanner finds records in the files as they are before the purge.
    before = b"".join(readable_bytes(p, old_key) for p in kit.walk(home))
    assert all(found(windows(s), before) for s in [*purged.values(), *kept.values()])

    result = kit.tomar(home, "purge").ok()
    assert "Purged 4 records covered by receipts; the vault now has a new key." in result.out

    image = tmp_path / "image-after-purge"  # what a thief copies, with the old passphrase
    shutil.copytree(home, image)
    assert not any(p.name.startswith(old_db.name) for p in image.iterdir())
    new_db = vault.db_path(image)
    assert new_db.name != old_db.name and new_db.exists()
    new_key = keyfile.unwrap(vault.key_path(image), PASS)
    assert new_key != old_key
    everything = {
        path: readable_bytes(path, new_key) + readable_bytes(path, old_key)
        for path in kit.walk(image)
    }
    for label, body in purged.items():
        leaks = [str(p) for p, data in everything.items() if found(windows(body), data)]
        assert leaks == [], f"purged record {label} is still readable in {leaks}"
    # ...while the records that stay are found the same way (the scan can see).
    assert all(found(windows(body), b"".join(everything.values())) for body in kept.values())

    with vault.Vault.open(image, PASS) as v:
        rows = v.conn.execute("SELECT record_id FROM records ORDER BY seq").fetchall()
        assert [r[0] for r in rows] == [scene.ids["r5"], scene.ids["r6"]]
        assert v.integrity_problems() == []
        assert Device(v).counts()["purged"] == 4


def test_unreceipted_records_survive_and_the_device_carries_on(
    scene: Scene, tmp_path: Path
) -> None:
    dev = scene.dev
    assert dev.purge(PASS) == 4
    assert sorted(kit.sealed_of(dev)) == sorted(scene.ids[k] for k in ("r5", "r6"))
    counts = dev.counts()
    assert (counts["purged"], counts["pending_export"], counts["awaiting_receipt"]) == (4, 1, 1)
    assert dev.pending_batches() == [2]
    assert batch.rebuild(dev, 2) == scene.two.path.read_bytes()  # can still be sent again
    with pytest.raises(TomarError, match="purged"):
        batch.rebuild(dev, 1)

    r7 = kit.sign(dev, "Signer Seven")
    seqs = dev.vault.conn.execute("SELECT seq FROM records ORDER BY seq").fetchall()
    assert [s[0] for s in seqs] == [5, 6, 7]  # never reused
    three = kit.export(dev, scene.out)
    manifest = kit.manifest_of(three.path.read_bytes())
    assert (manifest["batch"], manifest["prev"]) == (3, kit.link(scene.two.path.read_bytes()))
    assert [r["id"] for r in manifest["records"]] == [scene.ids["r6"], r7]
    assert [r["seq"] for r in manifest["records"]] == [6, 7]
    with scene.org.intake() as intake:
        result = intake.import_file(three.path)
        assert (result.status, result.gaps) == ("imported", [])
        counts_org = kit.counts(intake)
    assert (counts_org["received"], counts_org["voided"], counts_org["unique"]) == (6, 1, 5)

    # The receipt for batch 2 arrives late: it still applies, and the next purge takes it.
    assert dev.import_receipt(scene.receipt_two)["accepted"] == 1
    assert dev.purge(PASS) == 1
    assert sorted(kit.sealed_of(dev)) == sorted([scene.ids["r6"], r7])
    assert dev.counts()["purged"] == 5


def test_purge_keeps_records_a_receipt_rejects(scene: Scene) -> None:
    dev = scene.dev
    r6 = kit.export(dev, scene.out)  # batch 3 holds r6 only
    data = receipts.make(
        scene.org.ident,
        scene.org.campaign,
        device=dev.identity.public_b64,
        batch=3,
        batch_sha256=r6.sha256,
        manifest_sha256=kit.link(r6.path.read_bytes()),
        accepted=[],
        rejected={scene.ids["r6"]: "unreadable"},
    )
    assert dev.import_receipt(data) == {"batch": 3, "accepted": 0, "rejected": 1}
    assert dev.purge(PASS) == 4
    left = dict(dev.vault.conn.execute("SELECT record_id, receipt FROM records").fetchall())
    assert left == {scene.ids["r5"]: None, scene.ids["r6"]: "rejected: unreadable"}


def test_nothing_to_purge_changes_nothing(scene: Scene) -> None:
    dev = scene.dev
    assert dev.purge(PASS) == 4
    home = dev.vault.home
    key_before = vault.key_path(home).read_bytes()
    db_before = vault.db_path(home)
    digest_before = kit.digest(dev.vault)
    assert dev.purge(PASS) == 0
    assert vault.key_path(home).read_bytes() == key_before
    assert vault.db_path(home) == db_before
    assert kit.digest(dev.vault) == digest_before
    dev.vault.close()
    assert "Nothing to purge" in kit.tomar(home, "purge").ok().out


def _crash(*_args: object, **_kw: object) -> None:
    raise StorageError(E.ATOMIC_DISK_FULL_NOT_SAVED, what=E.WORD_THE_KEY_FILE)


def test_a_crash_during_purge_leaves_the_old_vault_usable(
    scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    dev, home = scene.dev, scene.dev.vault.home
    key_before = vault.key_path(home).read_bytes()
    db_before = vault.db_path(home)
    records_before = kit.sealed_of(dev)
    monkeypatch.setattr(keyfile, "write", _crash)
    with pytest.raises(StorageError):
        dev.purge(PASS)
    monkeypatch.undo()

    # In this process: still open, same records, still signing and exporting.
    assert kit.sealed_of(dev) == records_before
    late = kit.sign(dev, "After The Crash")
    assert kit.export(dev, scene.out).count == 2
    dev.vault.close()
    assert vault.key_path(home).read_bytes() == key_before
    assert vault.db_path(home) == db_before

    # From disk: the half-built database is swept away, everything else is there.
    with vault.Vault.open(home, PASS) as v:
        assert v.integrity_problems() == []
        assert sorted(p.name for p in home.glob("tomar*.db")) == [db_before.name]
        again = Device(v)
        assert set(kit.sealed_of(again)) == {*records_before, late}
        assert again.purge(PASS) == 4


def test_a_failed_purge_does_not_count_records_as_purged(
    scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    dev = scene.dev
    monkeypatch.setattr(keyfile, "write", _crash)
    with pytest.raises(StorageError):
        dev.purge(PASS)
    monkeypatch.undo()
    assert dev.counts()["purged"] == 0
    assert dev.purge(PASS) == 4
    assert dev.counts()["purged"] == 4


# --- receipts --------------------------------------------------------------------------------


def _tamper(data: bytes, change: dict[str, object]) -> bytes:
    outer = json.loads(data)
    outer["receipt"].update(change)
    return json.dumps(outer).encode()


def _receipt(ident: OrganizerIdentity, camp: Campaign, doc: dict[str, Any], **change: Any) -> bytes:
    args = {**doc, "rejected": {}, **change}
    return receipts.make(
        ident,
        camp,
        device=str(args["device"]),
        batch=int(args["batch"]),
        batch_sha256=str(args["batch_sha256"]),
        manifest_sha256=str(args["manifest_sha256"]),
        accepted=list(args["accepted"]),
        rejected=dict(args["rejected"]),
    )


def test_only_genuine_receipts_for_this_device_are_accepted(scene: Scene, tmp_path: Path) -> None:
    dev, camp, ident = scene.dev, scene.org.campaign, scene.org.ident
    impostor = OrganizerIdentity.generate("Impostor", "x25519")
    doc = json.loads(scene.receipt_two)["receipt"]
    second = read_package(build_package(doc_from_spec(kit.spec_with_id("second"), ident), ident))
    other = kit.new_device(tmp_path / "other", scene.org.package)
    signed_by = "not signed by the expected key"
    bad: dict[str, tuple[bytes, type[TomarError], str]] = {
        "another organizer": (_receipt(impostor, camp, doc), FormatError, signed_by),
        "tampered list": (
            _tamper(scene.receipt_two, {"accepted": [*doc["accepted"], scene.ids["r6"]]}),
            FormatError,
            signed_by,
        ),
        "tampered batch": (_tamper(scene.receipt_two, {"batch": 3}), FormatError, signed_by),
        "another campaign": (_receipt(ident, second, doc), FormatError, "another campaign"),
        "another device": (
            _receipt(ident, camp, doc, device=other.identity.public_b64),
            CampaignError,
            "another device",
        ),
        "another batch file": (
            _receipt(ident, camp, doc, manifest_sha256="0" * 64),
            CampaignError,
            "did not export",
        ),
        "garbage": (b"\x00not a receipt", FormatError, "not a Tomar receipt"),
    }
    before = kit.digest(dev.vault)
    for label, (data, error, words) in bad.items():
        with pytest.raises(error, match=words):
            dev.import_receipt(data)
        assert kit.digest(dev.vault) == before, label
    assert dev.purge(PASS) == 4  # only batch 1's genuine receipt counts
    assert dev.import_receipt(scene.receipt_two) == {"batch": 2, "accepted": 1, "rejected": 0}
    other.vault.close()


def test_the_same_receipt_twice_changes_nothing(scene: Scene) -> None:
    before = kit.digest(scene.dev.vault)
    assert scene.dev.import_receipt(scene.receipt_one)["accepted"] == 4
    assert kit.digest(scene.dev.vault) == before


def test_entered_paper_rows_stay_entered_after_purge(tmp_path: Path) -> None:
    """A purged paper row is still 'entered': it cannot be typed in twice, its sheet is done."""
    spec = resource_path("demo", "demo-campaign.toml").read_text("utf-8")
    ov = init_vault(tmp_path / "org", PASS)
    organizer.init(ov, "Org", "x25519")
    organizer.backup(ov, tmp_path / "b.age", BACKUP_PASS)
    _, package = organizer.create_campaign(ov, spec, without_shares=True)
    dv = init_vault(tmp_path / "dev", PASS)
    dev = Device(dv)
    dev.import_campaign(package)
    with dv.transaction() as conn:
        conn.execute(
            "INSERT INTO paper_sheets(serial, created_at, lang, rows) "
            "VALUES ('S-0001', 't', 'en', 5)"
        )
    paper = SignatureForm(
        fields={"full_name": "Paper Person", "city": "Austin"},
        lang="en",
        consent=True,
        source="paper",
        paper=("S-0001", 2),
    )
    dev.save(paper)
    out = tmp_path / "out"
    out.mkdir()
    batch.export(dev, out)
    with Intake(ov, workers=1) as intake:
        (result,) = [intake.import_file(p) for p in out.iterdir()]
        assert result.status == "held"
        (approved,) = intake.approve_device(dev.identity.fingerprint)
        assert approved.status == "imported"
        (receipt,) = intake.write_receipts(tmp_path)
    dev.import_receipt(receipt.read_bytes())
    assert dev.purge(PASS) == 1
    dev = Device(dv)
    assert dev.vault.conn.execute("SELECT count(*) FROM records").fetchone()[0] == 0
    assert [s.serial for s in blank.unentered(dv)] == []
    with pytest.raises(ValidationError) as taken:
        dev.save(paper)
    assert taken.value.problems == {"paper": E.VALIDATION_PAPER_ROW_TAKEN}
    dv.close()
    ov.close()
