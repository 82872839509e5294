"""Device side of signed batches: export, chain, cancel, full disk, rebuild, enrollment,
`tomar verify`, and the bounded readers of batches, campaign packages and receipts."""

from __future__ import annotations

import dataclasses
import errno
import io
import json
import os
import struct
import threading
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tomar.core import atomic, batch, campaign, enroll, receipts, ziputil
from tomar.core.device import Device
from tomar.core.errors import E, FormatError, StorageError, TomarError

from . import batchkit as kit

# --- module fixtures: organizers are the expensive part, build them once ------------------


@dataclass
class World:
    main: kit.Org
    other_campaign: kit.Paper  # another organizer, another campaign id
    other_key: kit.Paper  # another organizer key, the same campaign id as `main`


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    pool = kit.shared_pool(tmp_path_factory)
    main = pool.fresh(tmp_path_factory.mktemp("batch-org") / "organizer")
    yield World(main, kit.paper_organizer("another-campaign"), kit.paper_organizer())
    main.close()


@pytest.fixture
def org(world: World) -> kit.Org:
    return world.main


@pytest.fixture
def dev(tmp_path: Path, org: kit.Org) -> Iterator[Device]:
    d = kit.new_device(tmp_path / "device", org.package)
    yield d
    d.vault.close()


def zip_names(data: bytes) -> list[str]:
    return [name for name, _ in kit.members(data)]


# --- export -------------------------------------------------------------------------------


def test_export_writes_one_verified_batch_with_every_new_record(
    tmp_path: Path, dev: Device, org: kit.Org
) -> None:
    ids = [kit.sign(dev, f"Person {i}") for i in range(3)]
    void_id = dev.void(ids[1])
    out = tmp_path / "stick"
    done = kit.export(dev, out)

    assert sorted(os.listdir(out)) == [done.path.name]  # no temp file left beside it
    assert done.path.name == batch.file_name(dev.identity.public, 1)
    assert done.path.name.endswith(".tomar-batch")
    data = done.path.read_bytes()
    assert (done.number, done.count, done.sha256) == (1, 4, kit.sha(data))
    body = dict(kit.members(data))
    assert zip_names(data) == [
        *(f"{rid}.age" for rid in [*ids, void_id]),
        batch.MANIFEST,
        batch.SIGNATURE,
    ]
    manifest = json.loads(body[batch.MANIFEST])
    camp = org.campaign
    assert manifest["format"] == "tomar-batch" and manifest["version"] == 1
    assert manifest["campaign"] == camp.id
    assert manifest["organizer"] == camp.organizer_fpr.hex()
    assert manifest["device"] == dev.identity.public_b64
    assert (manifest["batch"], manifest["prev"]) == (1, None)
    sealed = kit.sealed_of(dev)
    assert manifest["records"] == [
        {"id": rid, "seq": seq, "sha256": kit.sha(sealed[rid])}
        for seq, rid in enumerate([*ids, void_id], 1)
    ]
    assert all(body[f"{rid}.age"] == sealed[rid] for rid in sealed)

    checked = batch.read(done.path, camp)
    try:
        assert checked.sha256 == done.sha256
        assert checked.number == 1 and checked.prev is None and checked.certificate is None
        assert checked.device_fingerprint == dev.identity.fingerprint
        assert [e.id for e in checked.entries] == [*ids, void_id]
    finally:
        checked.close()

    # Exported records stay on the device, marked, until a receipt covers them.
    rows = dev.vault.conn.execute("SELECT exported_batch, receipt FROM records").fetchall()
    assert rows == [(1, None)] * 4
    c = dev.counts()
    assert (c["pending_export"], c["awaiting_receipt"], c["purged"]) == (0, 4, 0)
    assert dev.pending_batches() == [1]


def test_batches_are_numbered_per_device_and_chained(
    tmp_path: Path, dev: Device, org: kit.Org
) -> None:
    out = tmp_path / "out"
    other = kit.new_device(tmp_path / "other", org.package)
    kit.sign(dev, "First One")
    kit.sign(dev, "First Two")
    kit.sign(other, "Elsewhere")
    one = kit.export(dev, out)
    other_one = kit.export(other, out)
    late = kit.sign(dev, "Late Comer")
    two = kit.export(dev, out)
    kit.sign(dev, "Later Still")
    three = kit.export(dev, out)

    assert [one.number, two.number, three.number, other_one.number] == [1, 2, 3, 1]
    assert len({one.path, two.path, three.path, other_one.path}) == 4
    m1, m2, m3 = (kit.manifest_of(e.path.read_bytes()) for e in (one, two, three))
    assert m1["prev"] is None
    assert m2["prev"] == kit.link(one.path.read_bytes())
    assert m3["prev"] == kit.link(two.path.read_bytes())
    assert [r["id"] for r in m2["records"]] == [late]  # only what was new
    assert [r["seq"] for r in m2["records"]] == [3]
    assert kit.manifest_of(other_one.path.read_bytes())["prev"] is None
    other.vault.close()


def test_nothing_to_export_raises_and_writes_nothing(tmp_path: Path, dev: Device) -> None:
    out = tmp_path / "out"
    out.mkdir()
    before = kit.digest(dev.vault)
    with pytest.raises(batch.NothingToExport):
        batch.export(dev, out)
    assert list(out.iterdir()) == []
    assert kit.digest(dev.vault) == before

    kit.sign(dev, "Only One")
    first = kit.export(dev, out)
    before = kit.digest(dev.vault)
    with pytest.raises(batch.NothingToExport, match="Nothing new"):
        batch.export(dev, out)
    assert [p.name for p in out.iterdir()] == [first.path.name]
    assert kit.digest(dev.vault) == before


def test_export_to_a_missing_folder_is_refused(tmp_path: Path, dev: Device) -> None:
    kit.sign(dev, "Someone")
    before = kit.digest(dev.vault)
    with pytest.raises(TomarError, match="does not exist"):
        batch.export(dev, tmp_path / "no-such-folder")
    assert kit.digest(dev.vault) == before
    assert not (tmp_path / "no-such-folder").exists()


@pytest.mark.parametrize("cancel_at", [1, 3])
def test_cancel_from_the_progress_callback_changes_nothing(
    tmp_path: Path, dev: Device, cancel_at: int
) -> None:
    out = tmp_path / "out"
    kit.sign(dev, "Earlier")
    earlier = kit.export(dev, out)
    for i in range(5):
        kit.sign(dev, f"Person {i}")
    folder_before = kit.files_in(out)
    vault_before = kit.digest(dev.vault)
    cancel = threading.Event()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done == cancel_at:
            cancel.set()

    with pytest.raises(batch.Cancelled, match="Nothing was written"):
        batch.export(dev, out, progress, cancel)
    assert seen == [(i, 5) for i in range(1, cancel_at + 1)]
    assert kit.files_in(out) == folder_before
    assert [p.name for p in out.iterdir()] == [earlier.path.name]
    assert kit.digest(dev.vault) == vault_before

    done = batch.export(dev, out)  # nothing was used up by the cancelled attempt
    assert (done.number, done.count) == (2, 5)
    assert kit.manifest_of(done.path.read_bytes())["prev"] == kit.link(earlier.path.read_bytes())


def test_cancel_after_the_last_record_is_consistent(tmp_path: Path, dev: Device) -> None:
    """Too late to cancel is fine, but then the batch must be complete and recorded."""
    out = tmp_path / "out"
    out.mkdir()
    for i in range(3):
        kit.sign(dev, f"Person {i}")
    before = kit.digest(dev.vault)
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        if done == total:
            cancel.set()

    try:
        done = batch.export(dev, out, progress, cancel)
    except batch.Cancelled:
        assert list(out.iterdir()) == []
        assert kit.digest(dev.vault) == before
    else:
        assert [p.name for p in out.iterdir()] == [done.path.name]
        assert dev.counts()["pending_export"] == 0
        assert batch.rebuild(dev, 1) == done.path.read_bytes()


class _FillingFile:
    """A file on a disk with `budget` bytes left: writes past it fail with ENOSPC."""

    def __init__(self, fh: Any, disk: _FullDisk) -> None:
        self._fh = fh
        self._disk = disk

    def write(self, data: bytes) -> int:
        if len(data) > self._disk.budget:
            raise OSError(errno.ENOSPC, "No space left on device")
        self._disk.budget -= len(data)
        return int(self._fh.write(data))

    def __enter__(self) -> _FillingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._fh.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fh, name)


class _FullDisk:
    """Stands in for the `os` module inside tomar.core.atomic."""

    def __init__(self, budget: int, fsync_errno: int | None = None) -> None:
        self.budget = budget
        self.fsync_errno = fsync_errno

    def fdopen(self, fd: int, mode: str) -> _FillingFile:
        return _FillingFile(os.fdopen(fd, mode), self)

    def fsync(self, fd: int) -> None:
        if self.fsync_errno is not None:
            raise OSError(self.fsync_errno, os.strerror(self.fsync_errno))
        os.fsync(fd)

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)


@pytest.mark.parametrize(
    ("budget", "fsync_errno", "words"),
    [
        (0, None, "disk is full"),
        (3000, None, "disk is full"),
        (10**9, errno.EIO, "disk reported an input/output error"),
    ],
    ids=["full-at-once", "full-midway", "fsync-io-error"],
)
def test_full_disk_gives_a_storage_error_and_changes_nothing(
    tmp_path: Path,
    dev: Device,
    monkeypatch: pytest.MonkeyPatch,
    budget: int,
    fsync_errno: int | None,
    words: str,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for i in range(4):
        kit.sign(dev, f"Person {i}")
    before = kit.digest(dev.vault)
    disk = _FullDisk(budget, fsync_errno)
    monkeypatch.setattr(atomic, "os", disk)
    with pytest.raises(StorageError, match=words):
        batch.export(dev, out)
    monkeypatch.undo()
    if budget:
        assert disk.budget < budget, "the export must have started writing"
    assert list(out.iterdir()) == []
    assert kit.digest(dev.vault) == before
    assert batch.export(dev, out).count == 4  # and it works once there is room again


def test_rename_failure_changes_nothing(tmp_path: Path, dev: Device) -> None:
    out = tmp_path / "out"
    out.mkdir()
    kit.sign(dev, "Someone")
    blocker = out / batch.file_name(dev.identity.public, 1)
    blocker.mkdir()  # the batch cannot be renamed over a folder
    before = kit.digest(dev.vault)
    with pytest.raises(StorageError):
        batch.export(dev, out)
    assert [p.name for p in out.iterdir()] == [blocker.name] and blocker.is_dir()
    assert list(blocker.iterdir()) == []
    assert kit.digest(dev.vault) == before


class _FailingCommit:
    """A vault connection whose COMMIT fails the way a full disk makes it fail."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def execute(self, sql: str, *args: Any) -> Any:
        if sql == "COMMIT":
            raise sqlcipher3.OperationalError("database or disk is full")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def test_commit_failure_leaves_no_batch_file(
    tmp_path: Path, dev: Device, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    kit.sign(dev, "Someone")
    before = kit.digest(dev.vault)
    monkeypatch.setattr(dev.vault, "_conn", _FailingCommit(dev.vault.conn))
    with pytest.raises(StorageError, match="nothing was saved"):
        batch.export(dev, out)
    monkeypatch.undo()
    assert kit.digest(dev.vault) == before
    assert list(out.iterdir()) == []


def test_rebuild_returns_the_exported_bytes(tmp_path: Path, dev: Device, org: kit.Org) -> None:
    out = tmp_path / "out"
    exported = []
    for round_ in range(2):
        for i in range(3):
            kit.sign(dev, f"Round {round_} Person {i}")
        exported.append(kit.export(dev, out))
    dev.void(dev.last_signature_id() or "")
    kit.enroll(dev, org)  # the third batch carries the certificate
    exported.append(kit.export(dev, out))
    assert batch.CERTIFICATE in zip_names(exported[2].path.read_bytes())
    for e in exported:
        assert batch.rebuild(dev, e.number) == e.path.read_bytes()
    with pytest.raises(TomarError, match="no batch 4"):
        batch.rebuild(dev, 4)


# --- enrollment ---------------------------------------------------------------------------


def test_enrollment_round_trip_and_certificate_in_later_batches(
    tmp_path: Path, dev: Device, org: kit.Org
) -> None:
    out = tmp_path / "out"
    kit.sign(dev, "Before Enrollment")
    before = kit.export(dev, out)
    assert not dev.is_enrolled()

    request = dev.enrollment_request("Tablet 3")
    with org.intake() as intake:
        cert, fpr = intake.enroll(request)
    assert fpr == dev.identity.fingerprint
    row = org.vault.conn.execute(
        "SELECT label, status, fingerprint FROM devices WHERE public_key = ?",
        (dev.identity.public_b64,),
    ).fetchone()
    assert tuple(row) == ("Tablet 3", "enrolled", fpr)
    accepted = dev.accept_certificate(cert)
    assert accepted.device == dev.identity.public and accepted.label == "Tablet 3"
    assert dev.is_enrolled()

    kit.sign(dev, "After Enrollment")
    after = kit.export(dev, out)
    assert batch.CERTIFICATE not in zip_names(before.path.read_bytes())
    assert dict(kit.members(after.path.read_bytes()))[batch.CERTIFICATE] == cert
    checked = batch.read(after.path.read_bytes(), org.campaign)
    assert checked.certificate == cert
    checked.close()


def test_certificate_for_another_device_is_refused(
    tmp_path: Path, dev: Device, org: kit.Org
) -> None:
    other = kit.new_device(tmp_path / "other", org.package)
    with org.intake() as intake:
        cert, _ = intake.enroll(other.enrollment_request("Other"))
    before = kit.digest(dev.vault)
    with pytest.raises(enroll.EnrollmentError, match="another device"):
        dev.accept_certificate(cert)
    assert not dev.is_enrolled()
    assert kit.digest(dev.vault) == before
    other.vault.close()


def test_certificate_for_another_campaign_or_organizer_is_refused(
    dev: Device, org: kit.Org, world: World
) -> None:
    # Signed by the right organizer key, but for another of its campaigns.
    doc = campaign.doc_from_spec(kit.spec_with_id("second-campaign"), org.ident)
    second = campaign.read_package(campaign.build_package(doc, org.ident))
    cross = enroll.issue_certificate(org.ident, second, dev.identity.public, "x")
    # Signed by another organizer for a campaign with the same id.
    impostor = world.other_key
    forged = enroll.issue_certificate(impostor.ident, impostor.campaign, dev.identity.public, "x")
    before = kit.digest(dev.vault)
    with pytest.raises(enroll.EnrollmentError, match="another campaign"):
        dev.accept_certificate(cross)
    with pytest.raises(FormatError, match="not signed by the expected key"):
        dev.accept_certificate(forged)
    assert not dev.is_enrolled()
    assert kit.digest(dev.vault) == before


def test_organizer_refuses_requests_for_another_campaign_or_tampered(
    tmp_path: Path, world: World
) -> None:
    stranger = kit.new_device(tmp_path / "stranger", world.other_campaign.package)
    request = stranger.enrollment_request("Stranger")
    main = world.main
    before = kit.digest(main.vault)
    with main.intake() as intake:
        with pytest.raises(enroll.EnrollmentError, match="another campaign"):
            intake.enroll(request)
        tampered = request.replace(b"Stranger", b"Friendly")
        with pytest.raises(FormatError, match="not signed by the expected key"):
            intake.enroll(tampered)
        with pytest.raises(FormatError):
            intake.enroll(b"{" * 10)
    assert kit.digest(main.vault) == before
    stranger.vault.close()


# --- tomar verify ---------------------------------------------------------------------------


def test_verify_command_checks_without_a_vault(
    tmp_path: Path, dev: Device, org: kit.Org, world: World
) -> None:
    out = tmp_path / "out"
    kit.sign(dev, "One")
    kit.export(dev, out)
    for i in range(3):
        kit.sign(dev, f"Two {i}")
    good = kit.export(dev, out).path
    data = good.read_bytes()
    body = dict(kit.members(data))
    first_record = zip_names(data)[0]

    def variant(name: str, member: str, change: bytes | None = None) -> Path:
        items = [(n, change if n == member and change is not None else b) for n, b in body.items()]
        path = tmp_path / name
        path.write_bytes(kit.rezip(items))
        return path

    flipped = bytearray(body[first_record])
    flipped[200] ^= 1
    record_changed = variant("record.tomar-batch", first_record, bytes(flipped))
    manifest_changed = variant(
        "manifest.tomar-batch",
        batch.MANIFEST,
        body[batch.MANIFEST].replace(b'"batch":2', b'"batch":7'),
    )
    package = tmp_path / "campaign.tomar-campaign"
    package.write_bytes(org.package)
    other_campaign = tmp_path / "other.tomar-campaign"
    other_campaign.write_bytes(world.other_campaign.package)
    other_key = tmp_path / "impostor.tomar-campaign"
    other_key.write_bytes(world.other_key.package)
    nowhere = tmp_path / "no-vault-here"

    ok = kit.tomar(nowhere, "verify", "--campaign", str(package), str(good)).ok()
    camp = org.campaign
    (line,) = ok.lines
    assert line.startswith(f"{good}: valid.")
    assert f"Device {dev.identity.fingerprint}, batch 2, 3 records" in line
    assert f"campaign {camp.id}" in line
    assert f"organizer {camp.organizer_fingerprint}" in line
    assert not nowhere.exists(), "verify needs no vault and must not create one"

    bad = kit.tomar(
        nowhere,
        "verify",
        "--campaign",
        str(package),
        str(good),
        str(record_changed),
        str(manifest_changed),
        str(tmp_path / "missing.tomar-batch"),
    ).user_error("not valid")
    results = dict(line.split(": ", 1) for line in bad.lines)
    assert results[str(good)].startswith("valid.")
    assert "NOT VALID" in results[str(record_changed)]
    assert f"Record {first_record[:-4]}" in results[str(record_changed)]
    assert "signature is not valid" in results[str(manifest_changed)]
    assert "cannot be read" in results[str(tmp_path / "missing.tomar-batch")]

    wrong_campaign = kit.tomar(nowhere, "verify", "--campaign", str(other_campaign), str(good))
    assert "another campaign" in wrong_campaign.user_error("not valid").out
    wrong_key = kit.tomar(nowhere, "verify", "--campaign", str(other_key), str(good))
    assert "another organizer key" in wrong_key.user_error("not valid").out

    # On the device itself the vault's campaign is used.
    dev.vault.close()
    from_vault = kit.tomar(dev.vault.home, "verify", str(good)).ok()
    assert f"batch 2, 3 records, campaign {camp.id}" in from_vault.out


# --- bounded readers: batches, campaign packages, receipts ----------------------------------


def raw_zip(items: list[tuple[str, bytes]], *, compress: bool = False) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names
        with zipfile.ZipFile(buf, "w") as zf:
            for name, body in items:
                info = zipfile.ZipInfo("placeholder", date_time=(1980, 1, 1, 0, 0, 0))
                info.filename = name  # exactly as given: no normalization of "/abs"
                info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
                zf.writestr(info, body)
    return buf.getvalue()


@pytest.fixture(scope="module")
def genuine(tmp_path_factory: pytest.TempPathFactory, world: World) -> Iterator[bytes]:
    home = tmp_path_factory.mktemp("genuine")
    d = kit.new_device(home / "device", world.main.package)
    kit.sign(d, "Genuine Signer")
    kit.sign(d, "Another Signer")
    yield kit.export(d, home / "out").path.read_bytes()
    d.vault.close()


def readers(org: kit.Org) -> dict[str, Any]:
    def read_batch(data: bytes) -> None:
        batch.read(data, org.campaign).close()

    return {
        "batch": read_batch,
        "package": campaign.read_package,
        "receipt": lambda data: receipts.read(data, org.campaign),
        "request": lambda data: enroll.read_request(data, org.campaign),
        "certificate": lambda data: enroll.read_certificate(data, org.campaign),
    }


@pytest.mark.parametrize("bad_name", ["../x", "/abs", "a/b.age", ".hidden", "x\\..\\y", "-x"])
@pytest.mark.parametrize("kind", ["batch", "package"])
def test_member_names_are_checked(genuine: bytes, org: kit.Org, kind: str, bad_name: str) -> None:
    if kind == "batch":
        items = [*kit.members(genuine), (bad_name, b"planted")]
    else:
        items = [*kit.members(org.package)[:1], (bad_name, b"planted")]
    with pytest.raises(FormatError, match="unexpected file"):
        readers(org)[kind](raw_zip(items))


@pytest.mark.parametrize("kind", ["batch", "package"])
def test_duplicate_members_are_refused(genuine: bytes, org: kit.Org, kind: str) -> None:
    source = genuine if kind == "batch" else org.package
    items = kit.members(source)
    doubled = [*items, items[0]] if kind == "batch" else [items[0], items[0]]
    with pytest.raises(FormatError, match="unexpected file"):
        readers(org)[kind](raw_zip(doubled))


def test_zip_bombs_are_refused_before_inflating(genuine: bytes, org: kit.Org) -> None:
    bomb = b"\x00" * (8 * 1024 * 1024)
    items = [(n, bomb if n == batch.MANIFEST else b) for n, b in kit.members(genuine)]
    with pytest.raises(FormatError, match="suspiciously compressed"):
        batch.read(raw_zip(items, compress=True), org.campaign)
    small_bomb = b"{" + b" " * (900 * 1024) + b"}"
    package = [("campaign.json", small_bomb), ("campaign.json.minisig", b"x")]
    with pytest.raises(FormatError, match="suspiciously compressed"):
        campaign.read_package(raw_zip(package, compress=True))


def test_size_and_count_limits(
    genuine: bytes, org: kit.Org, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(FormatError, match="too many files"):
        campaign.read_package(raw_zip([*kit.members(org.package), ("extra", b"")]))
    with pytest.raises(FormatError, match="too large"):
        campaign.read_package(b"PK" + b"\x00" * (2 * 1024 * 1024))
    with pytest.raises(FormatError, match="file that is too large"):
        campaign.read_package(raw_zip([("campaign.json", b"x" * (1024 * 1024 + 1))]))

    items = kit.members(genuine)
    exact = ziputil.Limits(
        max_file=len(genuine),
        max_members=len(items),
        max_member=max(len(body) for _, body in items),
        max_total=sum(len(body) for _, body in items),
        max_ratio=batch.LIMITS.max_ratio,
    )
    monkeypatch.setattr(batch, "LIMITS", exact)
    batch.read(genuine, org.campaign).close()  # exactly at every limit: accepted
    for field_name, words in [
        ("max_file", "too large to be genuine"),
        ("max_members", "too many files"),
        ("max_member", "file that is too large"),
        ("max_total", "too large to be genuine"),
    ]:
        tighter = dataclasses.replace(exact, **{field_name: getattr(exact, field_name) - 1})
        monkeypatch.setattr(batch, "LIMITS", tighter)
        with pytest.raises(FormatError, match=words):
            batch.read(genuine, org.campaign)

    # The importer refuses an oversized file before reading it.
    monkeypatch.setattr(batch, "LIMITS", dataclasses.replace(exact, max_file=1000))
    path = tmp_path / "big.tomar-batch"
    path.write_bytes(genuine)
    before = kit.digest(org.vault)
    with org.intake() as intake:
        result = intake.import_file(path)
    assert (result.status, result.message) == ("rejected", "This batch is too large to be genuine.")
    assert kit.digest(org.vault) == before


def _patch_central_sizes(data: bytes, name: str, size: int) -> bytes:
    """Make the central directory claim another uncompressed size for one member."""
    out = bytearray(data)
    pos = out.find(b"PK\x01\x02")
    while pos != -1:
        name_len = struct.unpack_from("<H", out, pos + 28)[0]
        if out[pos + 46 : pos + 46 + name_len] == name.encode():
            struct.pack_into("<I", out, pos + 24, size)
            return bytes(out)
        pos = out.find(b"PK\x01\x02", pos + 1)
    raise AssertionError(f"{name} not found")


@pytest.mark.parametrize("claimed", [1, 100, 10**6])
def test_members_lying_about_their_size_are_damaged(
    genuine: bytes, org: kit.Org, claimed: int
) -> None:
    first = zip_names(genuine)[0]
    with pytest.raises(FormatError):
        batch.read(_patch_central_sizes(genuine, first, claimed), org.campaign)


def test_encrypted_or_unknown_compression_members_are_refused(genuine: bytes, org: kit.Org) -> None:
    def patch_central(offset: int, value: int) -> bytes:
        out = bytearray(genuine)
        pos = out.find(b"PK\x01\x02")
        struct.pack_into("<H", out, pos + offset, value)
        return bytes(out)

    with pytest.raises(FormatError, match="encrypted ZIP"):
        batch.read(patch_central(8, 0x1), org.campaign)
    with pytest.raises(FormatError, match="compression"):
        batch.read(patch_central(10, zipfile.ZIP_BZIP2), org.campaign)
    # zipfile raises NotImplementedError for these; a flipped byte can produce each one.
    for offset, value in [(6, 148), (8, 1 << 5), (8, 1 << 6)]:  # version 14.8; flag bits
        with pytest.raises(FormatError, match="damaged or incomplete"):
            batch.read(patch_central(offset, value), org.campaign)


@pytest.mark.parametrize("kept", [True, False])
def test_records_are_the_bytes_that_were_checked(
    genuine: bytes, org: kit.Org, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kept: bool
) -> None:
    """A file changed after verification (a synced folder, say) changes nothing imported:
    small batches keep what they checked; large ones are checked again as they are read."""
    if not kept:
        monkeypatch.setattr(batch, "KEEP_BYTES", 0)
    path = tmp_path / "b.tomar-batch"
    path.write_bytes(genuine)
    want = {n[:-4]: body for n, body in kit.members(genuine) if n.endswith(".age")}
    first = next(iter(want))
    body = bytearray(want[first])
    body[100] ^= 0xFF
    _keep_crc(body, 200, zlib.crc32(want[first]))  # the ZIP's own check passes
    bf = batch.read(path, org.campaign)
    try:
        with path.open("r+b") as fh:  # the same file, with the first record changed
            fh.seek(kit.member_spans(genuine)[first + ".age"][0])
            fh.write(body)
        if kept:
            assert {e.id: body for e, body in bf.sealed()} == want
        else:
            with pytest.raises(FormatError, match=f"Record {first} in this batch was changed"):
                list(bf.sealed())
    finally:
        bf.close()


def _keep_crc(data: bytearray, at: int, crc: int) -> None:
    """Set the 4 bytes at `at` so that crc32(data) == crc (CRC-32 is affine over GF(2))."""
    base = zlib.crc32(data)
    columns = []
    for bit in range(32):
        probe = bytearray(data)
        probe[at + bit // 8] ^= 1 << (bit % 8)
        columns.append(zlib.crc32(probe) ^ base)
    # Solve sum(x_i * columns[i]) == base ^ crc by Gaussian elimination.
    rows = [(columns[i], 1 << i) for i in range(32)]
    pivots: dict[int, tuple[int, int]] = {}
    for value, mask in rows:
        for bit, (pv, pm) in pivots.items():
            if value >> bit & 1:
                value, mask = value ^ pv, mask ^ pm
        if value:
            top = value.bit_length() - 1
            for bit, (pv, pm) in list(pivots.items()):
                if pv >> top & 1:
                    pivots[bit] = (pv ^ value, pm ^ mask)
            pivots[top] = (value, mask)
    want, choose = base ^ crc, 0
    for bit, (_, pm) in pivots.items():
        if want >> bit & 1:
            choose ^= pm
    for bit in range(32):
        if choose >> bit & 1:
            data[at + bit // 8] ^= 1 << (bit % 8)
    assert zlib.crc32(data) == crc


def test_a_deflate_stream_cut_short_is_damaged(
    genuine: bytes, org: kit.Org, tmp_path: Path
) -> None:
    """Clearing the final-block bit leaves the same inflated bytes and CRC (zipfile reads
    them back whole), yet the file is not the one the device wrote: refused, from memory
    and from disk. Found by test_any_flipped_byte."""
    mutant = bytearray(genuine)
    start = kit.member_spans(genuine)[batch.MANIFEST][0]
    with zipfile.ZipFile(io.BytesIO(genuine)) as zf:
        assert zf.getinfo(batch.MANIFEST).compress_type == zipfile.ZIP_DEFLATED
    assert mutant[start] & 1, "the manifest is one final deflate block"
    mutant[start] ^= 1
    with zipfile.ZipFile(io.BytesIO(bytes(mutant))) as zf:
        assert zf.read(batch.MANIFEST) == dict(kit.members(genuine))[batch.MANIFEST]
    path = tmp_path / "cut.tomar-batch"
    path.write_bytes(bytes(mutant))
    for source in (bytes(mutant), path):
        with pytest.raises(FormatError, match="damaged or incomplete"):
            batch.read(source, org.campaign)


def test_bytes_after_a_deflate_stream_are_damaged() -> None:
    limits = ziputil.Limits(max_file=4096, max_members=2, max_member=1024, max_total=1024)
    plain = ziputil.write_zip([("m.json", b"{}" * 50)])
    assert ziputil.read_zip(plain, limits, what=E.WORD_BATCH) == {"m.json": b"{}" * 50}
    # One byte slipped in after the stream, with every size and offset made to match.
    out = bytearray(plain)
    size = struct.unpack_from("<I", out, 18)[0]
    end = 30 + len("m.json") + size
    out[end:end] = b"\x00"
    struct.pack_into("<I", out, 18, size + 1)
    central = out.find(b"PK\x01\x02")
    struct.pack_into("<I", out, central + 20, size + 1)
    eocd = out.find(b"PK\x05\x06")
    struct.pack_into("<I", out, eocd + 16, central)
    with zipfile.ZipFile(io.BytesIO(bytes(out))) as zf:
        assert zf.read("m.json") == b"{}" * 50  # zipfile itself does not mind
    with pytest.raises(FormatError, match="damaged or incomplete"):
        ziputil.read_zip(bytes(out), limits, what=E.WORD_BATCH)


def test_receipt_and_request_readers_are_bounded(org: kit.Org) -> None:
    camp = org.campaign
    with pytest.raises(FormatError, match="too large"):
        receipts.read(b" " * (receipts.MAX_RECEIPT + 1), camp)
    with pytest.raises(FormatError, match="too large"):
        enroll.read_request(b" " * (64 * 1024 + 1), camp)
    with pytest.raises(FormatError, match="too large"):
        enroll.read_certificate(b" " * (64 * 1024 + 1), camp)
    for junk in (b"", b"not json", b"[]", b'{"receipt": 1, "signature": "x"}', b"\xff\xfe"):
        with pytest.raises(FormatError):
            receipts.read(junk, camp)
    extra = json.dumps(
        {"receipt": {"format": "tomar-receipt", "version": 1}, "signature": "s", "x": 1}
    )
    with pytest.raises(FormatError, match="damaged"):
        receipts.read(extra.encode(), camp)
    newer = json.dumps({"receipt": {"format": "tomar-receipt", "version": 2}, "signature": "s"})
    with pytest.raises(FormatError, match="newer version"):
        receipts.read(newer.encode(), camp)


@pytest.mark.parametrize("kind", ["batch", "package", "receipt", "request", "certificate"])
def test_deeply_nested_json_is_a_format_error(org: kit.Org, kind: str) -> None:
    deep = b"[" * 50_000
    data = {
        "batch": ziputil.write_zip(
            [(batch.MANIFEST, deep), (batch.SIGNATURE, b"x")], compress=False
        ),
        "package": ziputil.write_zip(
            [("campaign.json", deep), ("campaign.json.minisig", b"x")], compress=False
        ),
    }.get(kind, deep)
    with pytest.raises(FormatError):
        readers(org)[kind](data)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    kind=st.sampled_from(["batch", "package", "receipt", "request", "certificate"]),
    names=st.lists(st.text(alphabet="abc./\\-_0123456789", min_size=1, max_size=12), max_size=4),
    bodies=st.lists(st.binary(max_size=200), max_size=4),
    raw=st.binary(max_size=300),
    as_zip=st.booleans(),
)
def test_hostile_input_raises_only_tomar_errors(
    org: kit.Org,
    kind: str,
    names: list[str],
    bodies: list[bytes],
    raw: bytes,
    as_zip: bool,
) -> None:
    data = raw_zip(list(zip(names, bodies, strict=False))) + raw if as_zip else raw
    with pytest.raises(TomarError):
        readers(org)[kind](data)
