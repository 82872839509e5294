"""Properties of intake: damaged or rearranged batches never get in and never change the
vault; a model of the pool predicts every count; a killed importer leaves all or nothing."""

from __future__ import annotations

import base64
import contextlib
import io
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import warnings
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from tomar.core import age, batch, vault
from tomar.core.campaign import build_package, canonical_json, doc_from_spec, read_package
from tomar.core.device import Device
from tomar.core.errors import E, TomarError
from tomar.core.intake import ImportResult
from tomar.core.ziputil import ZipReader

from . import batchkit as kit
from .conftest import PASS

TARGETS = ("A2", "B1")  # the next batch of an enrolled device, and a first batch


pool = kit.pool


class Bench:
    """One organizer vault (A's first batch already in) that tests must leave unchanged.

    If a mutated batch does get in, `restore` puts the pristine copy back, so one example
    never leaks into the next.
    """

    def __init__(self, pool: kit.Pool, base: Path) -> None:
        self.pool = pool
        first = pool.fresh(base / "pristine")
        with first.intake() as intake:
            assert intake.import_bytes(pool.batches["A1"], name="A1").status == "imported"
        first.close()
        self.pristine = first.home
        self.home = base / "bench"
        self._open()
        self.before = kit.digest(self.org.vault)
        self.counts = kit.counts(self.intake)

    def _open(self) -> None:
        shutil.copytree(self.pristine, self.home)
        self.org = kit.Org(
            self.home, vault.Vault.open(self.home, PASS), self.pool.ident, self.pool.package
        )
        self.intake = self.org.intake()

    def restore(self) -> None:
        self.close()
        shutil.rmtree(self.home)
        self._open()

    def close(self) -> None:
        self.intake.close()
        self.org.close()

    def attempt(self, data: bytes) -> ImportResult:
        """Import; any exception but a TomarError escapes (and fails the test)."""
        return self.intake.import_bytes(data, name="mutant.tomar-batch")

    def unchanged(self) -> bool:
        return kit.digest(self.org.vault) == self.before and kit.counts(self.intake) == self.counts

    def must_reject(self, data: bytes) -> ImportResult:
        result = self.attempt(data)
        changed = not self.unchanged()
        if result.status != "rejected" or changed:
            self.restore()
        assert result.status == "rejected", result
        assert not result.ok and result.message.strip()
        assert not changed, "a rejected batch changed the vault"
        return result

    def reject_or_same_content(self, data: bytes, genuine: bytes) -> ImportResult:
        """For changes outside what the manifest signs: refused, or the very same batch."""
        result = self.attempt(data)
        if result.status == "rejected":
            assert result.message.strip()
            assert self.unchanged(), "a rejected batch changed the vault"
            return result
        try:
            assert result.status == "imported", result
            got, want = _as_imported(data), dict(kit.members(genuine))
            assert got.pop(batch.CERTIFICATE, None) in (None, want.pop(batch.CERTIFICATE, None))
            assert got == want
            assert result.count == len(kit.manifest_of(genuine)["records"])
        finally:
            self.restore()
        return result


def _as_imported(data: bytes) -> dict[str, bytes]:
    """The members as the importer's own ZIP reader sees them: it finds the end record
    where Python's zipfile gives up (a genuine batch followed by `PK\\x05\\x06`)."""
    reader = ZipReader(data, batch.LIMITS, what=E.WORD_BATCH)
    try:
        return {name: reader.read(name) for name in reader.names}
    finally:
        reader.close()


@pytest.fixture(scope="module")
def bench(pool: kit.Pool, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bench]:
    b = Bench(pool, tmp_path_factory.mktemp("bench"))
    yield b
    b.close()


def data_spans(data: bytes) -> list[tuple[int, int]]:
    """Byte ranges of member contents: each is covered by the signed manifest, or at the
    least (the certificate) by the CRC that the reader checks."""
    return list(kit.member_spans(data).values())


def same_members(data: bytes, genuine: bytes) -> bool:
    """Whether a changed file still reads back, leniently, as exactly the genuine members."""
    try:
        return kit.members(data) == kit.members(genuine)
    except (zipfile.BadZipFile, zlib.error, ValueError, EOFError, NotImplementedError):
        return False


SETTINGS: dict[str, Any] = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}


def test_the_targets_are_genuine(bench: Bench, pool: kit.Pool) -> None:
    for name in TARGETS:
        assert kit.rezip(kit.members(pool.batches[name])) == pool.batches[name]
        result = bench.attempt(pool.batches[name])
        assert result.status == "imported", result
        bench.restore()
    assert bench.unchanged()


@settings(max_examples=150, **SETTINGS)
@given(target=st.sampled_from(TARGETS), data=st.data())
def test_any_flipped_byte(bench: Bench, pool: kit.Pool, target: str, data: st.DataObject) -> None:
    genuine = pool.batches[target]
    pos = data.draw(st.integers(0, len(genuine) - 1), label="position")
    mask = data.draw(st.integers(1, 255), label="xor")
    mutant = bytearray(genuine)
    mutant[pos] ^= mask
    if any(start <= pos < end for start, end in data_spans(genuine)) and not same_members(
        bytes(mutant), genuine
    ):
        bench.must_reject(bytes(mutant))
    else:
        # ZIP bookkeeping (times, versions, attributes) is not covered by any signature:
        # see test_altered_copies_do_not_break_the_chain for what that costs. Nor are the
        # padding bits after a deflate stream's last code, which inflate to the same bytes.
        bench.reject_or_same_content(bytes(mutant), genuine)


@settings(max_examples=60, **SETTINGS)
@given(target=st.sampled_from(TARGETS), data=st.data())
def test_any_truncation(bench: Bench, pool: kit.Pool, target: str, data: st.DataObject) -> None:
    genuine = pool.batches[target]
    keep = data.draw(st.integers(0, len(genuine) - 1), label="keep")
    bench.must_reject(genuine[:keep])


@settings(max_examples=15, **SETTINGS)
@given(
    target=st.sampled_from(TARGETS), extra=st.binary(min_size=1, max_size=64), front=st.booleans()
)
@example(target=TARGETS[0], extra=b"PK\x05\x06", front=False)  # zipfile fails, Tomar reads it
def test_appended_or_prepended_bytes(
    bench: Bench, pool: kit.Pool, target: str, extra: bytes, front: bool
) -> None:
    genuine = pool.batches[target]
    bench.reject_or_same_content(extra + genuine if front else genuine + extra, genuine)


@settings(max_examples=30, **SETTINGS)
@given(target=st.sampled_from(TARGETS), data=st.data())
def test_a_removed_member(bench: Bench, pool: kit.Pool, target: str, data: st.DataObject) -> None:
    genuine = pool.batches[target]
    items = kit.members(genuine)
    gone = data.draw(st.integers(0, len(items) - 1), label="removed")
    mutant = kit.rezip(items[:gone] + items[gone + 1 :])
    if items[gone][0] == batch.CERTIFICATE:
        # The certificate is outside the signed manifest: the device is known, so the batch
        # imports (with another file hash; see test_altered_copies_do_not_break_the_chain).
        bench.reject_or_same_content(mutant, genuine)
    else:
        bench.must_reject(mutant)


@settings(max_examples=30, **SETTINGS)
@given(target=st.sampled_from(TARGETS), data=st.data())
def test_a_duplicated_member(
    bench: Bench, pool: kit.Pool, target: str, data: st.DataObject
) -> None:
    items = kit.members(pool.batches[target])
    which = data.draw(st.integers(0, len(items) - 1), label="duplicated")
    where = data.draw(st.integers(0, len(items)), label="position")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name
        mutant = kit.rezip([*items[:where], items[which], *items[where:]])
    bench.must_reject(mutant)


@settings(max_examples=6, **SETTINGS)
@given(target=st.sampled_from(TARGETS), data=st.data())
def test_reordered_members(bench: Bench, pool: kit.Pool, target: str, data: st.DataObject) -> None:
    genuine = pool.batches[target]
    items = kit.members(genuine)
    order = data.draw(
        st.permutations(range(len(items))).filter(lambda p: list(p) != sorted(p)), label="order"
    )
    bench.reject_or_same_content(kit.rezip([items[i] for i in order]), genuine)


member_names = st.one_of(
    st.text("0123456789abcdef", min_size=32, max_size=32).map(lambda s: f"{s}.age"),
    st.sampled_from(["notes.txt", "manifest.json.bak", "x", "enrollment.cert"]),
    st.text("abcXYZ019._-", min_size=1, max_size=20),
)


@settings(max_examples=40, **SETTINGS)
@given(
    target=st.sampled_from(TARGETS),
    name=member_names,
    body=st.binary(max_size=300),
    data=st.data(),
)
def test_an_added_member(
    bench: Bench, pool: kit.Pool, target: str, name: str, body: bytes, data: st.DataObject
) -> None:
    items = kit.members(pool.batches[target])
    where = data.draw(st.integers(0, len(items)), label="position")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        mutant = kit.rezip([*items[:where], (name, body), *items[where:]])
    bench.must_reject(mutant)


def _resigned(pool: kit.Pool, device: str, base: str, extra: list[tuple[str, int, bytes]]) -> bytes:
    """`base` re-signed by its device with `extra` records added (a stolen device key)."""
    manifest = kit.manifest_of(pool.batches[base])
    body = dict(kit.members(pool.batches[base]))
    own = [(e["id"], e["seq"], body[f"{e['id']}.age"]) for e in manifest["records"]]
    return kit.forge_batch(
        pool.identities[device], pool.campaign, manifest["batch"], manifest["prev"], own + extra
    )


@settings(max_examples=40, **SETTINGS)
@given(data=st.data())
def test_a_record_moved_between_batches_or_devices(
    bench: Bench, pool: kit.Pool, data: st.DataObject
) -> None:
    source = data.draw(st.sampled_from(["A1", "B1", "A2"]), label="from")
    target = data.draw(st.sampled_from([t for t in TARGETS if t != source]), label="to")
    records_of = {e["id"]: e["seq"] for e in kit.manifest_of(pool.batches[source])["records"]}
    rid = data.draw(st.sampled_from(sorted(records_of)), label="record")
    moved = (f"{rid}.age", dict(kit.members(pool.batches[source]))[f"{rid}.age"])
    how = data.draw(st.sampled_from(["added", "swapped", "re-signed"]), label="how")
    items = kit.members(pool.batches[target])
    if how == "added":
        mutant = kit.rezip([moved, *items])
    elif how == "swapped":  # the moved bytes under the name of one of the target's records
        own = [i for i, (name, _) in enumerate(items) if name.endswith(".age")]
        victim = data.draw(st.sampled_from(own), label="victim")
        items[victim] = (items[victim][0], moved[1])
        mutant = kit.rezip(items)
    else:
        # Even the target device's own key cannot launder it: another device's record, or a
        # record of A that the organizer already holds (A1), is refused.
        taken = {e["seq"] for e in kit.manifest_of(pool.batches[target])["records"]}
        seq = records_of[rid] if records_of[rid] not in taken else records_of[rid] + 100
        mutant = _resigned(pool, target[0], target, [(rid, seq, moved[1])])
    result = bench.must_reject(mutant)
    if how == "re-signed":
        assert f"Record {rid}" in result.message


@pytest.mark.parametrize(
    "alteration", ["zip-time", "member-order", "appended", "prepended", "no-certificate"]
)
def test_altered_copies_do_not_break_the_chain(
    pool: kit.Pool, tmp_path: Path, alteration: str
) -> None:
    genuine = pool.batches["A2"]
    items = kit.members(genuine)
    altered = {
        "zip-time": lambda: genuine[:10] + bytes([genuine[10] ^ 1]) + genuine[11:],
        "member-order": lambda: kit.rezip([items[1], items[0], *items[2:]]),
        "appended": lambda: genuine + b"\n",
        "prepended": lambda: b"\n" + genuine,
        "no-certificate": lambda: kit.rezip([m for m in items if m[0] != batch.CERTIFICATE]),
    }[alteration]()
    assert altered != genuine
    org = pool.fresh(tmp_path / "organizer")
    with org.intake() as intake:
        first = intake.import_bytes(pool.batches["A1"], name="A1")
        assert first.status == "imported", first.message
        intake.import_bytes(altered, name="altered copy of A2")  # from a hostile sync folder
        genuine_result = intake.import_bytes(genuine, name="A2")
        later = intake.import_bytes(pool.batches["A3"], name="A3")
        assert genuine_result.status in ("imported", "already"), genuine_result.message
        assert later.status == "imported", later.message
        receipts_dir = tmp_path / "receipts"
        receipts_dir.mkdir()
        (receipt,) = [p for p in intake.write_receipts(receipts_dir) if "-00002." in p.name]
    org.close()
    # Device A (a copy of it) accepts the organizer's receipt for its batch 2.
    shutil.copytree(pool.base / "device-A", tmp_path / "device-A")
    with vault.Vault.open(tmp_path / "device-A", PASS) as v:
        assert Device(v).import_receipt(receipt.read_bytes())["accepted"] == 2


# --- a model of the pool predicts every count ----------------------------------------------


def _invalid_batches(pool: kit.Pool) -> dict[str, bytes]:
    """Batches that must be refused whatever was imported before them."""
    a, b, c = (pool.identities[k] for k in "ABC")
    camp = pool.campaign
    flipped = bytearray(pool.batches["A2"])
    start, end = data_spans(pool.batches["A2"])[0]
    flipped[(start + end) // 2] ^= 0x10
    bad = kit.signature_record(b, camp, 5, "Bad Signature")
    envelope = canonical_json({"record": bad, "sig": base64.b64encode(bytes(64)).decode()})
    bad_b2 = kit.forge_batch(
        b,
        camp,
        2,
        kit.link(pool.batches["B1"]),
        [(bad["id"], 5, age.encrypt(envelope, [camp.recipient_key]))],
    )
    other = read_package(
        build_package(doc_from_spec(kit.spec_with_id("elsewhere"), pool.ident), pool.ident)
    )
    rec = kit.signature_record(a, other, 9, "Elsewhere")
    other_campaign = kit.forge_batch(a, other, 5, None, [(rec["id"], 9, kit.seal(a, other, rec))])
    # C's batch 3 with a manifest signed by A's key: the signature does not match C.
    rec = kit.signature_record(c, camp, 9, "Not Signed By C")
    body = kit.seal(c, camp, rec)
    entries = [batch.RecordEntry(rec["id"], 9, kit.sha(body))]
    manifest = batch.build_manifest(camp, c.public, 3, kit.link(pool.batches["C2"]), entries)
    wrong_sig = a.minisign_key().sign(manifest, trusted_comment="tomar batch 3")
    buf = io.BytesIO()
    batch.write_batch(buf, iter([(rec["id"], body)]), manifest, wrong_sig, None)
    return {
        "A2-flipped": bytes(flipped),
        "B2-bad-record": bad_b2,
        "A-other-campaign": other_campaign,
        "C3-wrong-signer": buf.getvalue(),
    }


INVALID = ("A2-flipped", "B2-bad-record", "A-other-campaign", "C3-wrong-signer")


class IntakeMachine(RuleBasedStateMachine):
    pool: ClassVar[kit.Pool]
    invalid: ClassVar[dict[str, bytes]]

    def __init__(self) -> None:
        super().__init__()
        self.org = self.pool.fresh()
        self.intake = self.org.intake()
        self.imported: set[str] = set()
        self.held: set[str] = set()
        self.approved = False

    def teardown(self) -> None:
        self.intake.close()
        self.org.close()
        shutil.rmtree(self.org.home)

    @rule(name=st.sampled_from(kit.BATCH_NAMES))
    def import_genuine(self, name: str) -> None:
        before = kit.digest(self.org.vault)
        result = self.intake.import_bytes(self.pool.batches[name], name=name)
        if name in self.imported:
            expected = "already"
        elif name.startswith("C") and not self.approved:
            expected = "held"
        else:
            expected = "imported"
        assert result.status == expected, (name, result)
        if expected == "imported":
            self.imported.add(name)
        elif expected == "already" or name in self.held:
            assert kit.digest(self.org.vault) == before
        if expected == "held":
            self.held.add(name)

    @rule(name=st.sampled_from(INVALID))
    def import_invalid(self, name: str) -> None:
        before = kit.digest(self.org.vault)
        result = self.intake.import_bytes(self.invalid[name], name=name)
        assert result.status == "rejected" and result.message, (name, result)
        assert kit.digest(self.org.vault) == before

    @precondition(lambda self: bool(self.held) and not self.approved)
    @rule()
    def approve_c(self) -> None:
        results = self.intake.approve_device(self.pool.fpr("C"))
        assert [(r.status, r.number) for r in results] == [
            ("imported", int(n[1:])) for n in sorted(self.held)
        ]
        self.imported |= self.held
        self.held.clear()
        self.approved = True

    @invariant()
    def counts_follow_the_model(self) -> None:
        stats: Mapping[str, Any] = self.intake.stats()
        model = kit.expected(self.pool, self.imported)
        assert {k: stats[k] for k in model} == model
        per_batch: dict[str, int] = {}
        for r in self.pool.recs.values():
            per_batch[r.batch] = per_batch.get(r.batch, 0) + 1
        assert stats["held"] == sum(per_batch[n] for n in self.held)
        assert stats["held_batches"] == len(self.held)
        assert stats["batches"] == len(self.imported)
        gaps: dict[str, list[tuple[int, int]]] = {}
        for device in "ABCD":
            numbers = {int(n[1:]) for n in self.imported if n[0] == device}
            missing = sorted(set(range(1, max(numbers, default=0) + 1)) - numbers)
            if missing:  # as ranges of consecutive numbers
                ranges: list[tuple[int, int]] = []
                for n in missing:
                    if ranges and ranges[-1][1] == n - 1:
                        ranges[-1] = (ranges[-1][0], n)
                    else:
                        ranges.append((n, n))
                gaps[self.pool.fpr(device)] = ranges
        assert stats["gaps"] == gaps


def test_stateful_imports_follow_the_model(pool: kit.Pool) -> None:
    IntakeMachine.pool = pool
    IntakeMachine.invalid = _invalid_batches(pool)
    run_state_machine_as_test(
        IntakeMachine,
        settings=settings(
            max_examples=12,
            stateful_step_count=16,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )


# --- SIGKILL while importing ---------------------------------------------------------------------


def _big_batch(pool: kit.Pool, n: int) -> bytes:
    a, camp = pool.identities["A"], pool.campaign
    sealed = []
    for seq in range(1, n + 1):
        rec = kit.signature_record(a, camp, seq, f"Person {seq}", email=f"p{seq}@example.org")
        sealed.append((rec["id"], seq, kit.seal(a, camp, rec)))
    return kit.forge_batch(a, camp, 1, None, sealed)


def _import_process(home: Path, path: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "TOMAR_PASSPHRASE": PASS}
    env.pop("TOMAR_HOME", None)
    return subprocess.Popen(
        [sys.executable, "-m", "tomar", "--home", str(home), "import", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,  # its own process group: the decryption workers die with it
    )


def _state(home: Path) -> tuple[int, int, int]:
    with vault.Vault.open(home, PASS) as v:
        assert v.integrity_problems() == []
        conn = v.conn
        return (
            int(conn.execute("SELECT count(*) FROM signers").fetchone()[0]),
            int(conn.execute("SELECT count(*) FROM device_seqs").fetchone()[0]),
            int(conn.execute("SELECT count(*) FROM intake_batches").fetchone()[0]),
        )


@pytest.mark.slow
def test_sigkill_during_import_leaves_all_or_nothing(pool: kit.Pool, tmp_path: Path) -> None:
    n = 400  # above intake.PARALLEL_MIN, so worker processes decrypt
    path = tmp_path / "big.tomar-batch"
    path.write_bytes(_big_batch(pool, n))
    pristine = pool.fresh(tmp_path / "pristine")
    pristine.close()

    shutil.copytree(pristine.home, tmp_path / "full")
    started = time.monotonic()
    full = _import_process(tmp_path / "full", path)
    out, err = full.communicate(timeout=120)
    duration = time.monotonic() - started
    assert full.returncode == 0, err
    assert b"imported" in out
    assert _state(tmp_path / "full") == (n, n, 1)

    rng = random.Random(4242)
    outcomes = []
    for i in range(8):
        home = tmp_path / f"kill-{i}"
        shutil.copytree(pristine.home, home)
        child = _import_process(home, path)
        time.sleep(rng.uniform(0.3, 0.9) * duration)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGKILL)
        child.communicate(timeout=60)
        state = _state(home)
        assert state in ((0, 0, 0), (n, n, 1)), state
        outcomes.append(state[0])
    print("kill outcomes (records in after each kill):", outcomes)
    assert 0 in outcomes, "no kill landed before the commit; the test proved nothing"

    # A killed import can simply be run again.
    home = tmp_path / f"kill-{outcomes.index(0)}"
    again = _import_process(home, path)
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    assert _state(home) == (n, n, 1)


def test_hostile_batches_raise_nothing_but_tomar_errors(bench: Bench) -> None:
    for junk in (b"", b"PK\x05\x06" + b"\x00" * 18, b"\x00" * 1000, b"PK" * 500):
        with pytest.raises(TomarError):
            batch.read(junk, bench.pool.campaign)
        bench.must_reject(junk)
