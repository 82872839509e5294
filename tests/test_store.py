"""One set of tests for both stores of the collection server: the folder store and the S3
store on a real SeaweedFS bucket. A second opening of the same place stands for a second
server instance (for the folder store, which serves one process, it is the same object)."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tomar.core import receipts, vault
from tomar.core.device import Device
from tomar.core.errors import E
from tomar.resources import resource_path
from tomar.server.store import BatchStore, FolderStore, Rejected, StoreError, open_store

from .conftest import PASS
from .seaweed import Seaweed
from .synckit import Org, close_all, device, make_batches, organizer


@dataclass
class Kit:
    org: Org
    other: Org  # another campaign
    alice: Device
    bob: Device
    alice_batches: list[bytes]
    bob_batches: list[bytes]
    twin_batch: bytes  # alice's key and batch number 1, other content


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Kit]:
    base = tmp_path_factory.mktemp("store-kit")
    org = organizer(base)
    spec = resource_path("demo", "demo-campaign.toml").read_text("utf-8")
    other = organizer(base / "other", spec.replace('id = "demo-', 'id = "other-', 1))
    alice, bob = device(base, org, "alice"), device(base, org, "bob")
    home = alice.vault.home
    alice.vault.close()
    shutil.copytree(home, base / "alice-twin")
    alice = Device(vault.Vault.open(home, PASS))
    twin = Device(vault.Vault.open(base / "alice-twin", PASS))
    try:
        alice_batches = make_batches(alice, base / "a", 3)
        (twin_batch,) = make_batches(twin, base / "t", 1)
        bob_batches = make_batches(bob, base / "b", 1)
        yield Kit(org, other, alice, bob, alice_batches, bob_batches, twin_batch)
    finally:
        close_all(alice, bob, twin)
        org.vault.close()
        other.vault.close()


@dataclass
class Place:
    kind: str
    spec: str

    def open(self, org: Org) -> BatchStore:
        return open_store(self.spec, org.campaign)


@pytest.fixture(params=["folder", "s3"])
def place(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Place:
    if request.param == "folder":
        return Place("folder", str(tmp_path / "store"))
    sw: Seaweed = request.getfixturevalue("seaweed")
    for key, value in sw.env().items():
        monkeypatch.setenv(key, value)
    return Place("s3", f"s3://{sw.new_bucket()}/campaigns/demo")


@pytest.fixture
def store(place: Place, kit: Kit) -> Iterator[BatchStore]:
    s = place.open(kit.org)
    yield s
    s.close()


def second(place: Place, store: BatchStore, kit: Kit) -> BatchStore:
    """Another server instance on the same place (the folder store has only one)."""
    return store if isinstance(store, FolderStore) else place.open(kit.org)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def upload(store: BatchStore, data: bytes, key: bytes) -> tuple[bool, Any]:
    tmp, fh = store.new_upload()
    with fh:
        fh.write(data)
    try:
        return store.commit_upload(tmp, sha(data), key)
    finally:
        assert not tmp.exists()  # the spool file never outlives the upload


def read_back(store: BatchStore, name: str) -> bytes:
    body = store.open_batch(name)
    try:
        data = b"".join(body.chunks)
    finally:
        body.close()
    assert len(data) == body.size
    return data


def test_upload_stored_once_listed_and_read_back_by_every_instance(
    place: Place, store: BatchStore, kit: Kit
) -> None:
    key = kit.alice.identity.public
    first = kit.alice_batches[0]
    stored, item = upload(store, first, key)
    assert stored and (item.device, item.number, item.size) == (key.hex(), 1, len(first))
    assert upload(store, first, key)[0] is False  # the same bytes again: already there
    other = second(place, store, kit)
    assert other.device_known(key) and not other.device_known(kit.bob.identity.public)
    assert upload(other, first, key)[0] is False
    listed = other.list_batches()
    assert [(b.sha256, b.device, b.number, b.size) for b in listed] == [
        (sha(first), key.hex(), 1, len(first))
    ]
    assert listed[0].received_at.endswith("Z")
    assert read_back(other, sha(first)) == first
    assert other.device_batches(key) == [sha(first)]
    assert other.device_batches(kit.bob.identity.public) == []
    with pytest.raises(Rejected) as missing:
        other.open_batch(sha(kit.alice_batches[1]))
    assert missing.value.status == 404


def test_refused_uploads_leave_nothing_visible(store: BatchStore, kit: Kit) -> None:
    alice, bob = kit.alice.identity.public, kit.bob.identity.public
    for data, key, status in [
        (b"PK\x03\x04 not a batch", alice, 400),
        (kit.alice_batches[0][:-100], alice, 400),  # cut short
        (kit.alice_batches[0], bob, 403),  # someone else's batch
    ]:
        with pytest.raises(Rejected) as refused:
            upload(store, data, key)
        assert refused.value.status == status
    assert store.list_batches() == []
    assert not store.device_known(alice) and not store.device_known(bob)


def test_same_device_and_number_with_other_content_is_refused_across_instances(
    place: Place, store: BatchStore, kit: Kit
) -> None:
    key = kit.alice.identity.public
    assert upload(store, kit.alice_batches[0], key)[0]
    other = second(place, store, kit)
    with pytest.raises(Rejected) as clash:
        upload(other, kit.twin_batch, key)
    assert clash.value.status == 409
    assert [b.sha256 for b in store.list_batches()] == [sha(kit.alice_batches[0])]


def test_one_batch_sent_to_two_instances_at_once_is_stored_once(
    place: Place, store: BatchStore, kit: Kit
) -> None:
    key = kit.alice.identity.public
    views = [store, second(place, store, kit)]
    data = kit.alice_batches[1]
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda i: upload(views[i % 2], data, key), range(8)))
    assert sum(stored for stored, _ in results) == 1  # exactly one wrote it
    assert {item.sha256 for _, item in results} == {sha(data)}
    for view in views:
        assert [b.sha256 for b in view.list_batches()] == [sha(data)]
        assert read_back(view, sha(data)) == data


def test_receipts_stored_replaced_and_seen_by_their_device_only(
    place: Place, store: BatchStore, kit: Kit
) -> None:
    alice, bob = kit.alice.identity.public, kit.bob.identity.public
    name = sha(kit.alice_batches[0])

    def receipt(accepted: list[str]) -> bytes:
        return receipts.make(
            kit.org.ident,
            kit.org.campaign,
            device=kit.alice.identity.public_b64,
            batch=1,
            batch_sha256=name,
            manifest_sha256="0" * 64,
            accepted=accepted,
            rejected={},
        )

    one, two = receipt([]), receipt(["r1"])
    assert store.put_receipt(one) == (True, alice.hex(), name)
    other = second(place, store, kit)
    assert other.put_receipt(two) == (False, alice.hex(), name)  # replaced
    assert store.receipt(alice, name) == two
    assert other.device_receipts(alice) == [name] and other.device_receipts(bob) == []
    assert store.receipt_index() == [{"device": alice.hex(), "batch_sha256": name}]
    with pytest.raises(Rejected) as none:
        store.receipt(bob, name)
    assert none.value.status == 404
    forged = receipts.make(
        type(kit.org.ident).generate("Forger", "x25519"),
        kit.org.campaign,
        device=kit.bob.identity.public_b64,
        batch=1,
        batch_sha256=name,
        manifest_sha256="0" * 64,
        accepted=[],
        rejected={},
    )
    for bad in (b"not json", forged):
        with pytest.raises(Rejected) as refused:
            store.put_receipt(bad)
        assert refused.value.status == 400
    assert other.device_receipts(bob) == []


def test_a_store_belongs_to_one_campaign(place: Place, store: BatchStore, kit: Kit) -> None:
    assert upload(store, kit.bob_batches[0], kit.bob.identity.public)[0]
    with pytest.raises(StoreError, match="another campaign"):
        place.open(kit.other)
    again = place.open(kit.org)  # a restart sees what was stored before
    try:
        assert [b.sha256 for b in again.list_batches()] == [sha(kit.bob_batches[0])]
    finally:
        again.close()


# --- the bucket store only ---------------------------------------------------------------


@pytest.fixture
def bucket(seaweed: Seaweed, monkeypatch: pytest.MonkeyPatch) -> Place:
    for key, value in seaweed.env().items():
        monkeypatch.setenv(key, value)
    return Place("s3", f"s3://{seaweed.new_bucket()}/c")


def test_upload_cut_after_its_claim_is_invisible_and_finished_by_a_retry_elsewhere(
    bucket: Place, kit: Kit, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tomar.server.s3store import S3Store, StoreUnavailable

    key, data = kit.alice.identity.public, kit.alice_batches[0]  # number 1, as the twin
    dying = bucket.open(kit.org)
    assert isinstance(dying, S3Store)
    real_put = dying.client.put_object

    def cut(**kwargs: Any) -> Any:  # the instance dies before the batch's own PUT
        if "/batches/" in kwargs["Key"]:
            raise StoreUnavailable(E.SERVER_COULD_NOT_STORE)
        return real_put(**kwargs)

    monkeypatch.setattr(dying.client, "put_object", cut)
    with pytest.raises(StoreUnavailable):
        upload(dying, data, key)
    survivor = bucket.open(kit.org)
    try:
        assert survivor.list_batches() == []  # the claim alone shows nothing
        assert upload(survivor, data, key)[0]  # the device's retry, on another instance
        assert [b.sha256 for b in survivor.list_batches()] == [sha(data)]
        with pytest.raises(Rejected) as clash:  # the claim still guards the number
            upload(survivor, kit.twin_batch, key)
        assert clash.value.status == 409
    finally:
        survivor.close()
        dying.close()


def test_bucket_urls_and_unreachable_buckets_are_refused_in_plain_words(
    bucket: Place, kit: Kit, monkeypatch: pytest.MonkeyPatch
) -> None:
    for url in ("s3://", "s3://Bad_Bucket/x", "s3://bucket/../x", "s3://bucket/a?b=c"):
        with pytest.raises(StoreError, match="s3://"):
            open_store(url, kit.org.campaign)
    with pytest.raises(StoreError, match="cannot be used"):
        open_store("s3://no-such-bucket-here/x", kit.org.campaign)
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")  # nothing listens there
    with pytest.raises(StoreError, match="cannot be used"):
        open_store(bucket.spec, kit.org.campaign)


def test_a_bucket_that_stops_answering_is_a_retryable_refusal_and_serve_says_why(
    bucket: Place, kit: Kit, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import subprocess
    import sys

    from tomar.server.s3store import StoreUnavailable, make_client

    store = bucket.open(kit.org)
    try:
        monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")
        store.client = make_client()  # type: ignore[attr-defined]
        with pytest.raises(StoreUnavailable):  # answered 507, which clients retry
            store.list_batches()
        with pytest.raises(StoreUnavailable):
            upload(store, kit.alice_batches[0], kit.alice.identity.public)
    finally:
        store.close()
    # `tomar serve` on a bucket it cannot use stops at once, in plain words, exit 1.
    campaign = str(kit.org.campaign_file)
    done = subprocess.run(
        [sys.executable, "-m", "tomar", "serve", "--store", bucket.spec, "--campaign", campaign],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "cannot be used" in done.stderr and "Traceback" not in done.stderr
    assert "AWS_SECRET" not in done.stderr and "tomar-test-secret" not in done.stderr


def test_spool_folders_of_dead_instances_are_swept_live_ones_kept(
    bucket: Place, kit: Kit, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import fcntl
    import os
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dead, live, new = (tmp_path / f"tomar-upload-{n}" for n in ("dead", "live", "new"))
    for folder in (dead, live):
        folder.mkdir()
        (folder / "upload-x").write_bytes(b"ciphertext of an upload")
        (folder / ".lock").touch()
    new.mkdir()  # being made by an instance starting right now: no lock file yet
    held = os.open(live / ".lock", os.O_WRONLY)
    try:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a live instance holds its lock
        store = bucket.open(kit.org)
        try:
            assert not dead.exists() and live.exists() and new.exists()
            assert store.spool.parent == tmp_path  # type: ignore[attr-defined]
        finally:
            store.close()
        assert not store.spool.exists()  # type: ignore[attr-defined]
    finally:
        os.close(held)
