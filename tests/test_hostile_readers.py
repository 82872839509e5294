"""Issue 14, case 3: a reader of outside bytes raises only TomarError, and one bad file
never blocks the rest of a pull or a sync.

The hostile files here are what a stranger can make with only their own keys: JSON that
is valid but holds a lone surrogate (`"\\ud800"`), correctly signed by the stranger.
"""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tomar.core import age, batch, canon, keyfile, receipts, records, signed
from tomar.core.campaign import Campaign, read_package
from tomar.core.errors import E, FormatError, KeyFileError
from tomar.core.identity import DeviceIdentity, now_iso
from tomar.core.intake import Intake
from tomar.sync import client

from .batchkit import b64, members, paper_organizer, sha, signature_record
from .conftest import form
from .synckit import Org, close_all, device, organizer

LONE = "\ud800"


def surrogate_json(doc: Any) -> bytes:
    """Canonical JSON as a careless signer would encode it: lone surrogates and all."""
    text = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8", "surrogatepass")


def poisoned_batch(campaign: Campaign, identity: DeviceIdentity, number: int = 1) -> bytes:
    """A stranger's batch whose correctly signed manifest holds a lone surrogate."""
    manifest = surrogate_json(
        {
            "format": batch.FORMAT,
            "version": batch.VERSION,
            "campaign": campaign.id,
            "organizer": campaign.organizer_fpr.hex(),
            "device": b64(identity.public),
            "batch": number,
            "prev": None,
            "created_at": now_iso() + LONE,
            "records": [],
        }
    )
    signature = identity.minisign_key().sign(manifest, trusted_comment="tomar batch 1")
    buf = io.BytesIO()
    batch.write_batch(buf, iter([]), manifest, signature, None)
    return buf.getvalue()


def poisoned_receipt(campaign: Campaign, identity: DeviceIdentity, device: str) -> bytes:
    """A receipt-shaped file signed by a stranger, with a lone surrogate in a reason."""
    doc = {
        "format": "tomar-receipt",
        "version": 1,
        "campaign": campaign.id,
        "organizer": campaign.organizer_fpr.hex(),
        "device": device,
        "batch": 1,
        "batch_sha256": "0" * 64,
        "manifest_sha256": "0" * 64,
        "accepted": [],
        "rejected": [{"id": "x", "reason": LONE}],
        "issued_at": now_iso(),
    }
    sig = identity.minisign_key().sign(surrogate_json(doc), trusted_comment="tomar receipt")
    return json.dumps({"receipt": doc, "signature": sig}).encode()  # \ud800 as an escape


# --- the root: parsing and canonical JSON ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        b'"\\ud800"',
        b'{"a":"\\udfff"}',
        b'{"\\ud800":1}',
        b"NaN",
        b"-Infinity",
        b"1e999",
        b"[" * 100_000,
        b"9" * 5000,
    ],
)
def test_loads_refuses_what_cannot_be_signed_again(text: bytes) -> None:
    with pytest.raises(ValueError):
        canon.loads(text)


def test_loads_keeps_genuine_text() -> None:
    assert canon.loads(b'["\\ud83d\\ude00", "\\\\ud800", 1.5]') == ["\U0001f600", "\\ud800", 1.5]


def test_canonical_json_raises_format_error() -> None:
    for doc in ({"a": LONE}, {LONE: 1}, {"n": float("nan")}):
        with pytest.raises(FormatError):
            canon.canonical_json(doc)


# --- each reader ------------------------------------------------------------------------


def test_signed_manifest_with_lone_surrogate_is_refused() -> None:
    paper = paper_organizer()
    data = poisoned_batch(paper.campaign, DeviceIdentity.generate())
    with pytest.raises(FormatError):
        batch.read(data, paper.campaign)


def test_sealed_record_with_lone_surrogate_is_refused() -> None:
    paper = paper_organizer()
    campaign, identity = paper.campaign, DeviceIdentity.generate()
    record = signature_record(identity, campaign, 1, "Sara Example")
    record["fields"]["city"] = "Washington" + LONE
    body = surrogate_json(record)
    sig = identity.sign(records.RECORD_LABEL, body)
    envelope = json.dumps({"record": record, "sig": base64.b64encode(sig).decode()}).encode()
    sealed = age.encrypt(envelope, [campaign.recipient_key])
    with pytest.raises(FormatError):
        records.open_sealed(sealed, [paper.ident.age])


def test_receipt_with_lone_surrogate_is_refused() -> None:
    paper = paper_organizer()
    data = poisoned_receipt(paper.campaign, DeviceIdentity.generate(), "x")
    with pytest.raises(FormatError):
        receipts.read(data, paper.campaign)
    with pytest.raises(FormatError):  # any signed document: requests and certificates too
        doc, sig = signed.read_doc(data, "receipt", what=E.WORD_RECEIPT)
        signed.verify_doc(paper.campaign.signing_key, doc, sig, what=E.WORD_RECEIPT)


def test_campaign_package_with_lone_surrogate_is_refused() -> None:
    paper = paper_organizer()
    body = dict(members(paper.package))["campaign.json"]
    doc = json.loads(body)
    doc["title"]["en"] += LONE
    raw = surrogate_json(doc)
    sig = paper.ident.signing.sign(raw, trusted_comment="tomar campaign")
    from tomar.core.ziputil import write_zip

    package = write_zip([("campaign.json", raw), ("campaign.json.minisig", sig.encode())])
    with pytest.raises(FormatError):
        read_package(package)


@pytest.mark.parametrize(
    "value", ["1e999", "NaN", '"\\ud800"', "[" * 2000 + "]" * 2000, "true", "9" * 5000]
)
def test_key_file_with_odd_numbers_is_damaged(tmp_path: Path, value: str) -> None:
    good = {
        "format": "tomar-key",
        "version": 1,
        "kdf": "argon2id",
        "memory_kib": 65536,
        "iterations": 1,
        "lanes": 1,
        "salt": b64(bytes(16)),
        "nonce": b64(bytes(12)),
        "wrapped_key": b64(bytes(48)),
    }
    text = json.dumps(good).replace("65536", value)
    path = tmp_path / "tomar.key"
    path.write_text(text[: keyfile.MAX_KEYFILE_BYTES])
    with pytest.raises(KeyFileError):
        keyfile.read(path)


# --- one bad file never blocks the rest ---------------------------------------------------


@pytest.fixture
def org(tmp_path: Path) -> Iterator[Org]:
    o = organizer(tmp_path)
    yield o
    o.vault.close()


def test_pull_with_poisoned_batch_and_receipt_first_imports_every_honest_batch(
    tmp_path: Path, org: Org
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    honest = [device(tmp_path, org, name) for name in ("tablet-1", "tablet-2")]
    try:
        for i, d in enumerate(honest):
            d.save(form(f"Honest {i}", email=f"honest{i}@example.org"))
            assert client.sync_device(d, stick).ok
        # A stranger plants files that sort before every honest one.
        stranger = DeviceIdentity.generate()
        bad = poisoned_batch(org.campaign, stranger)
        (stick / "batches" / f"tomar-00000000-00001{batch.SUFFIX}").write_bytes(bad)
        (stick / "receipts" / f"tomar-00000000-00001{receipts.SUFFIX}").write_bytes(b"[" * 200_000)
        (stick / "receipts" / f"tomar-00000000-00002{receipts.SUFFIX}").write_bytes(
            poisoned_receipt(org.campaign, stranger, b64(stranger.public))
        )
        # A planted "receipt" naming an honest batch must not stop its real receipt.
        honest_sha = sha(next((stick / "batches").glob("tomar-[!0]*")).read_bytes())
        (stick / "receipts" / f"tomar-00000000-00003{receipts.SUFFIX}").write_bytes(
            json.dumps({"receipt": {"batch_sha256": honest_sha}}).encode()
        )
        with Intake(org.vault) as intake:
            pulled = client.pull(intake, stick)
            by_name = {r.name: r for r in pulled.imports}
            first = by_name[f"tomar-00000000-00001{batch.SUFFIX}"]
            assert first.status == "rejected" and "damaged" in first.message
            assert sorted(r.status for r in pulled.imports) == ["imported", "imported", "rejected"]
            assert pulled.receipts_sent == 2
            stats = intake.stats()
            assert (stats["received"], stats["batches"], stats["held"]) == (2, 2, 0)
            # Nothing of the bad batch is kept, and it is not fetched again.
            rows = org.vault.conn.execute("SELECT sha256, status FROM intake_batches").fetchall()
            assert sha(bad) not in {r[0] for r in rows}
            assert {r[1] for r in rows} == {"imported"}
            assert client.pull(intake, stick).downloaded == 0
        # And the honest devices get their receipts despite the planted ones.
        for d in honest:
            back = client.sync_device(d, stick)
            assert back.ok and back.receipts_applied == 1
    finally:
        close_all(*honest)


def test_sync_with_a_planted_receipt_still_sends_new_batches(tmp_path: Path, org: Org) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    d = device(tmp_path, org, "tablet")
    try:
        d.save(form("First Signer", email="first@example.org"))
        assert client.sync_device(d, stick).ok
        stranger = DeviceIdentity.generate()
        stem = batch.file_name(d.identity.public, 1)[: -len(batch.SUFFIX)]
        (stick / "receipts" / f"{stem}{receipts.SUFFIX}").write_bytes(
            poisoned_receipt(org.campaign, stranger, d.identity.public_b64)
        )
        d.save(form("Second Signer", email="second@example.org"))
        result = client.sync_device(d, stick)
        assert result.exported == 1 and result.receipts_applied == 0
        assert len(result.errors) == 1 and "receipt for batch 1" in result.errors[0]
        assert (stick / "batches" / batch.file_name(d.identity.public, 2)).is_file()
        # The organizer's genuine receipt replaces the planted one; then all is well.
        with Intake(org.vault) as intake:
            assert client.pull(intake, stick).receipts_sent == 2
        done = client.sync_device(d, stick)
        assert done.ok and done.receipts_applied == 2 and done.pending == 0
    finally:
        close_all(d)


def test_pull_refuses_a_file_that_breaks_the_importer(
    tmp_path: Path, org: Org, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last line behind the readers: a reader bug refuses one file, not the pull."""
    stick = tmp_path / "stick"
    stick.mkdir()
    d = device(tmp_path, org, "tablet")
    try:
        d.save(form("Honest", email="honest@example.org"))
        assert client.sync_device(d, stick).ok
        (stick / "batches" / f"tomar-00000000-00001{batch.SUFFIX}").write_bytes(b"trigger")
        real = batch.read

        def buggy(source: bytes | Path, campaign: Campaign) -> batch.BatchFile:
            if source == b"trigger":
                raise UnicodeEncodeError("utf-8", LONE, 0, 1, "a reader bug")
            return real(source, campaign)

        monkeypatch.setattr(batch, "read", buggy)
        with Intake(org.vault) as intake:
            pulled = client.pull(intake, stick)
        assert sorted(r.status for r in pulled.imports) == ["imported", "rejected"]
        bad = next(r for r in pulled.imports if r.status == "rejected")
        assert "UnicodeEncodeError" in bad.message and LONE not in bad.message
    finally:
        close_all(d)
