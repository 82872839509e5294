"""Organizer intake: verify, decrypt, check every record, all or nothing, chains and gaps,
held devices, voids, replays, and deduplication across devices and scripts."""

from __future__ import annotations

import base64
import json
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tomar.core import age, enroll, records
from tomar.core.campaign import build_package, canonical_json, doc_from_spec, read_package
from tomar.core.errors import TomarError
from tomar.core.identity import OrganizerIdentity
from tomar.core.vault import Vault

from . import batchkit as kit
from .conftest import PASS


@pytest.fixture(scope="module")
def pool(tmp_path_factory: pytest.TempPathFactory) -> kit.Pool:
    return kit.shared_pool(tmp_path_factory)


@pytest.fixture
def org(pool: kit.Pool, tmp_path: Path) -> Iterator[kit.Org]:
    o = pool.fresh(tmp_path / "organizer")
    yield o
    o.close()


def run(org: kit.Org, pool: kit.Pool, *names: str) -> list[Any]:
    with org.intake() as intake:
        return [intake.import_bytes(pool.batches[n], name=n) for n in names]


def sealed_in(data: bytes) -> dict[str, bytes]:
    return {name[:-4]: body for name, body in kit.members(data) if name.endswith(".age")}


def signer_rows(org: kit.Org) -> set[tuple[str, str | None, str | None]]:
    rows = org.vault.conn.execute("SELECT record_id, dup_of, voided_by FROM signers")
    return {(r[0], r[1], r[2]) for r in rows}


# --- the plain path ---------------------------------------------------------------------------


def test_import_verifies_decrypts_and_counts(org: kit.Org, pool: kit.Pool) -> None:
    with org.intake() as intake:
        result = intake.import_bytes(pool.batches["A1"], name="a1.tomar-batch")
        assert (result.status, result.ok, result.count, result.number) == ("imported", True, 3, 1)
        assert result.device == pool.fpr("A")
        assert result.gaps == [] and result.message == "Imported 3 records."
        stats = intake.stats()
        names = {s["fields"]["full_name"] for s in intake.unique_signers()}
    assert (stats["received"], stats["unique"], stats["batches"]) == (3, 3, 1)
    assert names == {"Sara Example", "Ali Karimi", "Mohammad Rezaei"}
    assert stats["by_event"] == [{"key": "Rally", "received": 3, "unique": 3}]
    assert stats["by_device"] == [{"key": pool.fpr("A"), "received": 3, "unique": 3}]
    seqs = org.vault.conn.execute("SELECT seq FROM device_seqs ORDER BY seq").fetchall()
    assert [s[0] for s in seqs] == [1, 2, 3]
    row = org.vault.conn.execute("SELECT email, phone FROM signers WHERE name = 'Ali Karimi'")
    assert tuple(row.fetchone()) == (None, "+12025550143")


def test_unique_signers_stream_in_order_without_a_sort(org: kit.Org, pool: kit.Pool) -> None:
    """Delivery sheets read every signer: SQLite must walk an index, not sort them all."""
    from tomar.core.intake import UNIQUE_COUNT_SQL, UNIQUE_SIGNERS_SQL

    run(org, pool, "A1", "B1", "A2", "A3", "A4")
    plan = " ".join(
        str(r[-1]) for r in org.vault.conn.execute("EXPLAIN QUERY PLAN " + UNIQUE_SIGNERS_SQL)
    )
    assert "signers_unique_order" in plan and "TEMP B-TREE" not in plan
    count_plan = str(org.vault.conn.execute("EXPLAIN QUERY PLAN " + UNIQUE_COUNT_SQL).fetchall())
    assert "COVERING INDEX signers_unique_order" in count_plan
    with org.intake() as intake:
        listed = [(s["time"], s["record_id"]) for s in intake.unique_signers()]
        unique = kit.counts(intake)["unique"]
        assert intake.unique_count() == unique
    expected = org.vault.conn.execute(
        "SELECT time, record_id FROM signers NOT INDEXED "
        "WHERE voided_by IS NULL AND dup_of IS NULL ORDER BY time, record_id"
    ).fetchall()
    assert listed == [tuple(r) for r in expected] and len(listed) == unique > 1


def test_unique_signers_are_read_through_a_small_cache(org: kit.Org, pool: kit.Pool) -> None:
    """Reading every signer once must not fill the page cache; it is restored after."""
    from tomar.core.vault import CACHE_KIB, STREAM_CACHE_KIB

    def cache() -> int:
        return int(org.vault.conn.execute("PRAGMA cache_size").fetchone()[0])

    run(org, pool, "A1", "B1")
    with org.intake() as intake:
        assert cache() == -CACHE_KIB
        signers = intake.unique_signers()
        next(iter(signers))
        assert cache() == -STREAM_CACHE_KIB
        assert len(list(signers)) > 0
        assert cache() == -CACHE_KIB


def test_the_same_batch_again_changes_nothing(org: kit.Org, pool: kit.Pool, tmp_path: Path) -> None:
    run(org, pool, "A1", "B1")
    before = kit.digest(org.vault)
    path = tmp_path / "renamed-copy.tomar-batch"
    path.write_bytes(pool.batches["A1"])
    with org.intake() as intake:
        again = intake.import_bytes(pool.batches["A1"], name="again")
        from_file = intake.import_file(path)
    for r in (again, from_file):
        assert (r.status, r.ok, r.number) == ("already", True, 1)
        assert "nothing changed" in r.message
    assert kit.digest(org.vault) == before


def test_out_of_order_batches_are_accepted_and_gaps_reported(org: kit.Org, pool: kit.Pool) -> None:
    fpr = pool.fpr("A")
    with org.intake() as intake:
        three = intake.import_bytes(pool.batches["A3"], name="A3")
        assert (three.status, three.gaps) == ("imported", [1, 2])
        assert "Waiting for batch 1, 2 of this device" in three.message
        assert intake.gaps() == {fpr: [1, 2]} == intake.stats()["gaps"]
        one = intake.import_bytes(pool.batches["A1"], name="A1")
        assert (one.status, one.gaps) == ("imported", [2])
        assert intake.stats()["gaps"] == {fpr: [2]}
        two = intake.import_bytes(pool.batches["A2"], name="A2")
        assert (two.status, two.gaps, two.message) == ("imported", [], "Imported 2 records.")
        assert intake.gaps() == {}
        assert kit.counts(intake)["received"] == 5


# --- enrollment, held batches, approval, revocation ------------------------------------------


def test_unenrolled_device_is_held_until_approved(org: kit.Org, pool: kit.Pool) -> None:
    fpr = pool.fpr("C")
    with org.intake() as intake:
        first = intake.import_bytes(pool.batches["C1"], name="C1")
        assert (first.status, first.ok, first.device, first.count) == ("held", True, fpr, 3)
        assert "not enrolled" in first.message
        stats = kit.counts(intake)
        assert (stats["held"], stats["held_batches"], stats["received"]) == (3, 1, 0)
        before = kit.digest(org.vault)
        assert intake.import_bytes(pool.batches["C1"], name="C1 again").status == "held"
        assert kit.digest(org.vault) == before
        assert intake.import_bytes(pool.batches["C2"], name="C2").status == "held"
        assert kit.counts(intake)["held_batches"] == 2

        approved = intake.approve_device(fpr.replace(" ", ""))  # digits, however grouped
        assert [(r.status, r.number) for r in approved] == [("imported", 1), ("imported", 2)]
        stats = kit.counts(intake)
        assert (stats["held"], stats["held_batches"], stats["batches"]) == (0, 0, 2)
        assert stats["received"] == 4 and stats["voided"] == 1
        assert intake.import_bytes(pool.batches["C1"], name="C1 late").status == "already"
    status = org.vault.conn.execute(
        "SELECT status FROM devices WHERE fingerprint = ?", (fpr,)
    ).fetchone()
    assert status[0] == "approved"


def test_a_held_copy_is_settled_when_its_device_is_approved(org: kit.Org, pool: kit.Pool) -> None:
    genuine = pool.batches["C1"]
    copy = genuine + b"\n"  # e.g. a sync tool that appended a newline
    with org.intake() as intake:
        assert intake.import_bytes(genuine, name="C1").status == "held"
        assert intake.import_bytes(copy, name="copy of C1").status == "held"
        results = intake.approve_device(pool.fpr("C"))
        assert sorted(r.status for r in results) == ["already", "imported"]
        counts = kit.counts(intake)
    assert (counts["received"], counts["batches"]) == (3, 1)
    assert (counts["held"], counts["held_batches"]) == (0, 0)


def test_approving_an_unknown_device_is_refused(org: kit.Org) -> None:
    before = kit.digest(org.vault)
    with org.intake() as intake, pytest.raises(TomarError, match="No device"):
        intake.approve_device("12345 67890 12345 67890 12345 67890")
    assert kit.digest(org.vault) == before


def test_revoked_device_is_refused(org: kit.Org, pool: kit.Pool) -> None:
    with org.intake() as intake:
        assert intake.import_bytes(pool.batches["A1"], name="A1").status == "imported"
        intake.revoke_device(pool.fpr("A"))
        before = kit.digest(org.vault)
        later = intake.import_bytes(pool.batches["A2"], name="A2")
    assert (later.status, later.ok) == ("rejected", False)
    assert "revoked" in later.message
    assert kit.digest(org.vault) == before


def test_certificate_in_the_batch_enrolls_the_device(org: kit.Org, pool: kit.Pool) -> None:
    assert (
        org.vault.conn.execute(
            "SELECT count(*) FROM devices WHERE fingerprint = ?", (pool.fpr("D"),)
        ).fetchone()[0]
        == 0
    )
    (result,) = run(org, pool, "D1")
    assert result.status == "imported"
    row = org.vault.conn.execute(
        "SELECT status, label FROM devices WHERE fingerprint = ?", (pool.fpr("D"),)
    ).fetchone()
    assert tuple(row) == ("enrolled", "Tablet D")


def test_foreign_certificates_are_rejected(org: kit.Org, pool: kit.Pool) -> None:
    d_cert = dict(kit.members(pool.batches["D1"]))["enrollment.cert"]
    c = pool.identities["C"]
    c1 = sealed_in(pool.batches["C1"])
    first = next(r for r in pool.recs.values() if r.batch == "C1")
    # C's own record and manifest, but D's certificate.
    wrong_device = kit.forge_batch(c, pool.campaign, 1, None, [(first.id, 1, c1[first.id])], d_cert)
    impostor = OrganizerIdentity.generate("Impostor", "x25519")
    forged_cert = enroll.issue_certificate(impostor, pool.campaign, c.public, "Forged")
    wrong_signer = kit.forge_batch(
        c, pool.campaign, 1, None, [(first.id, 1, c1[first.id])], forged_cert
    )
    before = kit.digest(org.vault)
    with org.intake() as intake:
        one = intake.import_bytes(wrong_device, name="wrong device")
        two = intake.import_bytes(wrong_signer, name="wrong signer")
    assert (one.status, two.status) == ("rejected", "rejected")
    assert "another device's certificate" in one.message
    assert "not signed by the expected key" in two.message
    assert kit.digest(org.vault) == before


def test_a_rejected_batch_with_a_valid_certificate_changes_nothing(
    org: kit.Org, pool: kit.Pool
) -> None:
    d1 = dict(kit.members(pool.batches["D1"]))
    d = pool.identities["D"]
    bad = kit.signature_record(d, pool.campaign, 1, "Bad Field")
    bad["lang"] = "xx"
    forged = kit.forge_batch(
        d,
        pool.campaign,
        1,
        None,
        [(bad["id"], 1, kit.seal(d, pool.campaign, bad))],
        d1["enrollment.cert"],
    )
    before = kit.digest(org.vault)
    with org.intake() as intake:
        result = intake.import_bytes(forged, name="forged")
    assert result.status == "rejected"
    assert kit.digest(org.vault) == before


# --- voids --------------------------------------------------------------------------------------


def test_voids_apply_also_when_they_arrive_before_their_target(
    pool: kit.Pool, tmp_path: Path
) -> None:
    ali = pool.recs["ali_a"].id
    outcomes = []
    for order in (["A1", "A2"], ["A2", "A1"]):
        o = pool.fresh(tmp_path / "-".join(order))
        with o.intake() as intake:
            first = intake.import_bytes(pool.batches[order[0]], name=order[0])
            assert first.status == "imported"
            if order[0] == "A2":
                assert kit.counts(intake)["voided"] == 0  # nothing to void yet
                assert o.vault.conn.execute("SELECT target FROM voids").fetchone()[0] == ali
            assert intake.import_bytes(pool.batches[order[1]], name=order[1]).status == "imported"
            counts = kit.counts(intake)
        assert (counts["received"], counts["voided"], counts["unique"]) == (4, 1, 3)
        voided_by = o.vault.conn.execute(
            "SELECT voided_by FROM signers WHERE record_id = ?", (ali,)
        ).fetchone()[0]
        assert voided_by == pool.recs["void_ali_a"].id
        outcomes.append(signer_rows(o))
        o.close()
    assert outcomes[0] == outcomes[1]


def test_a_device_cannot_void_another_devices_signature(org: kit.Org, pool: kit.Pool) -> None:
    b = pool.identities["B"]
    target = pool.recs["sara_a"].id
    void = records.build_void_record(pool.campaign, device=b, seq=4, target=target, event=None)
    forged = kit.forge_batch(
        b,
        pool.campaign,
        2,
        kit.link(pool.batches["B1"]),
        [(void["id"], 4, kit.seal(b, pool.campaign, void))],
    )
    run(org, pool, "A1", "B1")
    with org.intake() as intake:
        assert intake.import_bytes(forged, name="B's void of A's record").status == "imported"
        assert kit.counts(intake)["voided"] == 0
    row = org.vault.conn.execute(
        "SELECT voided_by FROM signers WHERE record_id = ?", (target,)
    ).fetchone()
    assert row[0] is None


# --- one bad record rejects its batch, and only its batch --------------------------------------

RecordChange = Callable[[dict[str, Any]], None]


def _set(key: str, value: Any) -> RecordChange:
    def change(r: dict[str, Any]) -> None:
        r[key] = value

    return change


def _bad_record(pool: kit.Pool, variant: str) -> tuple[str, int, bytes]:
    """Record number 2 of a forged batch 1 of device A: (manifest id, manifest seq, bytes)."""
    a, b, camp = pool.identities["A"], pool.identities["B"], pool.campaign
    rec = kit.signature_record(a, camp, 2, "Forged Person")
    changes: dict[str, RecordChange] = {
        "other-campaign": _set("campaign", "another-campaign"),
        "other-organizer": _set("organizer", "00" * 32),
        "unknown-field": _set("fields", {"full_name": "X", "city": "Y", "shoe": "42"}),
        "long-field": _set("fields", {"full_name": "X", "city": "Y" * 501}),
        "fields-not-object": _set("fields", ["X"]),
        "bad-language": _set("lang", "de"),
        "bad-display": _set("display", "everything"),
        "bad-source": _set("source", "server"),
        "damaged-strokes": _set("strokes", base64.b64encode(b"\x00garbage").decode()),
        "unknown-type": _set("type", "petition"),
        "newer-version": _set("v", 2),
        "time-not-text": _set("time", 12345),
        "bad-void-target": lambda r: r.update(type="void", target="../../etc"),
        "event-not-object": _set("event", "boom"),
        "event-id-not-text": _set("event", {"id": ["x"], "name": "Rally"}),
        "paper-serial-not-text": _set("paper", {"serial": {"x": 1}, "row": 1}),
    }
    if variant in changes:
        changes[variant](rec)
        return rec["id"], 2, kit.seal(a, camp, rec)
    if variant == "bad-signature":
        envelope = {"record": rec, "sig": base64.b64encode(bytes(64)).decode()}
        return rec["id"], 2, age.encrypt(canonical_json(envelope), [camp.recipient_key])
    if variant == "claims-a-signed-by-b":
        return rec["id"], 2, records.seal(rec, b, camp.recipient_key)
    if variant == "signed-by-other-device":
        other = kit.signature_record(b, camp, 2, "Forged Person")
        return other["id"], 2, kit.seal(b, camp, other)
    if variant == "seq-differs":
        return rec["id"], 5, kit.seal(a, camp, rec)
    if variant == "id-differs":
        return "f" * 32, 2, kit.seal(a, camp, rec)
    if variant == "sealed-to-another-key":
        stranger = age.X25519Identity.generate().recipient()
        return rec["id"], 2, records.seal(rec, a, stranger)
    if variant == "not-json":
        return rec["id"], 2, age.encrypt(b"not json at all", [camp.recipient_key])
    raise AssertionError(variant)


_PROBLEMS = {
    "bad-signature": "device signature is not valid",
    "claims-a-signed-by-b": "device signature is not valid",
    "signed-by-other-device": "signed by another device than the batch",
    "other-campaign": "another campaign or organizer key",
    "other-organizer": "another campaign or organizer key",
    "seq-differs": "differs from the manifest",
    "id-differs": "differs from the manifest",
    "sealed-to-another-key": "",
    "not-json": "A record is damaged",
    "unknown-field": "fields do not match the campaign",
    "long-field": "fields do not match the campaign",
    "fields-not-object": "fields do not match the campaign",
    "bad-language": "language the campaign does not have",
    "bad-display": "invalid display choice or source",
    "bad-source": "invalid display choice or source",
    "damaged-strokes": "drawn signature is damaged",
    "unknown-type": "unknown type",
    "newer-version": "unknown version",
    "time-not-text": "unknown version",
    "bad-void-target": "damaged void record",
    "event-not-object": "its event is damaged",
    "event-id-not-text": "its event is damaged",
    "paper-serial-not-text": "its paper sheet reference is damaged",
}


@pytest.fixture(scope="module")
def judge(pool: kit.Pool, tmp_path_factory: pytest.TempPathFactory) -> Iterator[kit.Org]:
    """An organizer that already holds B's first batch: rejections must not touch it."""
    o = pool.fresh(tmp_path_factory.mktemp("judge") / "organizer")
    run(o, pool, "B1")
    yield o
    o.close()


def _forged_a1(pool: kit.Pool, variant: str) -> tuple[str, bytes]:
    a1 = sealed_in(pool.batches["A1"])
    sara, mo = pool.recs["sara_a"].id, pool.recs["mo_a"].id
    rid, seq, body = _bad_record(pool, variant)
    items = [(sara, 1, a1[sara]), (rid, seq, body), (mo, 3, a1[mo])]
    return rid, kit.forge_batch(pool.identities["A"], pool.campaign, 1, None, items)


@pytest.mark.parametrize("variant", _PROBLEMS)
def test_one_bad_record_rejects_its_batch_and_nothing_else(
    judge: kit.Org, pool: kit.Pool, variant: str
) -> None:
    rid, forged = _forged_a1(pool, variant)
    before = kit.digest(judge.vault)
    with judge.intake() as intake:
        result = intake.import_bytes(forged, name="forged.tomar-batch")
        assert (result.status, result.ok, result.device, result.number) == (
            "rejected",
            False,
            pool.fpr("A"),
            1,
        )
        assert f"Record {rid}: " in result.message
        assert _PROBLEMS[variant] in result.message
        assert result.message.endswith("The whole batch was rejected.")
        assert kit.digest(judge.vault) == before
        assert kit.counts(intake)["received"] == 3  # B's batch is untouched


def test_the_genuine_batch_still_imports_after_a_forged_one_was_rejected(
    org: kit.Org, pool: kit.Pool
) -> None:
    _, forged = _forged_a1(pool, "bad-signature")
    with org.intake() as intake:
        assert intake.import_bytes(forged, name="forged").status == "rejected"
        genuine = intake.import_bytes(pool.batches["A1"], name="A1")
        assert (genuine.status, genuine.count) == ("imported", 3)


# --- replays --------------------------------------------------------------------------------------


def _new_record(pool: kit.Pool, seq: int, name: str = "New Person") -> tuple[str, int, bytes]:
    a = pool.identities["A"]
    rec = kit.signature_record(a, pool.campaign, seq, name)
    return rec["id"], seq, kit.seal(a, pool.campaign, rec)


def test_replays_are_rejected(org: kit.Org, pool: kit.Pool) -> None:
    a, camp = pool.identities["A"], pool.campaign
    a1 = pool.batches["A1"]
    sara = pool.recs["sara_a"].id
    run(org, pool, "A1")
    before = kit.digest(org.vault)

    # The same record (same device and seq) in a new batch.
    same_record = kit.forge_batch(
        a, camp, 2, kit.link(a1), [(sara, 1, sealed_in(a1)[sara]), _new_record(pool, 4)]
    )
    # The same record id under a new sequence number.
    rec = kit.signature_record(a, camp, 10, "Same Id")
    rec["id"] = sara
    same_id = kit.forge_batch(a, camp, 2, kit.link(a1), [(sara, 10, kit.seal(a, camp, rec))])
    # A sequence number that was already used, with a new record id.
    same_seq = kit.forge_batch(a, camp, 2, kit.link(a1), [_new_record(pool, 2)])
    # Another batch under a number that was already used.
    same_number = kit.forge_batch(a, camp, 1, None, [_new_record(pool, 20), _new_record(pool, 21)])
    # A batch that does not follow the one before it.
    broken_chain = kit.forge_batch(a, camp, 2, "ab" * 32, [_new_record(pool, 30)])

    with org.intake() as intake:
        results = {
            name: intake.import_bytes(data, name=name)
            for name, data in [
                ("same record", same_record),
                ("same id", same_id),
                ("same seq", same_seq),
                ("same number", same_number),
                ("broken chain", broken_chain),
            ]
        }
    assert {r.status for r in results.values()} == {"rejected"}
    assert f"Record {sara}: it was already received" in results["same record"].message
    assert f"Record {sara}: it was already received" in results["same id"].message
    assert "already received" in results["same seq"].message
    assert "Another batch 1 of this device was already imported" in results["same number"].message
    assert "does not follow batch 1" in results["broken chain"].message
    assert kit.digest(org.vault) == before


def test_a_record_id_is_received_once_across_signatures_and_voids(
    org: kit.Org, pool: kit.Pool
) -> None:
    """No index on device_seqs.record_id keeps ids unique any more: signers and voids
    each do, and intake checks an id against the other table."""
    a, camp = pool.identities["A"], pool.campaign
    a1 = pool.batches["A1"]
    sara = pool.recs["sara_a"].id
    run(org, pool, "A1")
    before = kit.digest(org.vault)
    # A void whose own id is a stored signature's id.
    void = records.build_void_record(camp, device=a, seq=10, target=sara, event=None)
    void["id"] = sara
    void_as_signer = kit.forge_batch(
        a, camp, 2, kit.link(a1), [(sara, 10, kit.seal(a, camp, void))]
    )
    with org.intake() as intake:
        result = intake.import_bytes(void_as_signer, name="void with a signer's id")
    assert result.status == "rejected"
    assert f"Record {sara}: it was already received" in result.message
    assert kit.digest(org.vault) == before

    # A signature whose id is a stored void's id.
    void = records.build_void_record(camp, device=a, seq=11, target=sara, event=None)
    voids = kit.forge_batch(a, camp, 2, kit.link(a1), [(void["id"], 11, kit.seal(a, camp, void))])
    with org.intake() as intake:
        assert intake.import_bytes(voids, name="a void").status == "imported"
    before = kit.digest(org.vault)
    rec = kit.signature_record(a, camp, 12, "Same Id As A Void")
    rec["id"] = void["id"]
    signer_as_void = kit.forge_batch(
        a, camp, 3, kit.link(voids), [(void["id"], 12, kit.seal(a, camp, rec))]
    )
    with org.intake() as intake:
        result = intake.import_bytes(signer_as_void, name="signer with a void's id")
    assert result.status == "rejected"
    assert f"Record {void['id']}: it was already received" in result.message
    assert kit.digest(org.vault) == before


def test_an_earlier_batch_must_lead_to_the_later_one(org: kit.Org, pool: kit.Pool) -> None:
    run(org, pool, "A2")
    before = kit.digest(org.vault)
    other_one = kit.forge_batch(
        pool.identities["A"], pool.campaign, 1, None, [_new_record(pool, 40)]
    )
    with org.intake() as intake:
        result = intake.import_bytes(other_one, name="other batch 1")
    assert result.status == "rejected"
    assert "Batch 2 of this device does not follow this one" in result.message
    assert kit.digest(org.vault) == before


def test_batches_for_another_campaign_or_organizer_are_rejected(
    org: kit.Org, pool: kit.Pool
) -> None:
    a = pool.identities["A"]
    same_key_other_id = read_package(
        build_package(doc_from_spec(kit.spec_with_id("another-campaign"), pool.ident), pool.ident)
    )
    impostor = OrganizerIdentity.generate("Impostor", "x25519")
    same_id_other_key = read_package(build_package(doc_from_spec(kit.SPEC, impostor), impostor))
    assert same_id_other_key.id == pool.campaign.id
    results = []
    before = kit.digest(org.vault)
    with org.intake() as intake:
        for camp in (same_key_other_id, same_id_other_key):
            rec = kit.signature_record(a, camp, 1, "Elsewhere")
            data = kit.forge_batch(a, camp, 1, None, [(rec["id"], 1, kit.seal(a, camp, rec))])
            results.append(intake.import_bytes(data, name=camp.id))
    assert [r.status for r in results] == ["rejected", "rejected"]
    assert "belongs to another campaign" in results[0].message
    assert "sealed for another organizer key" in results[1].message
    assert kit.digest(org.vault) == before


# --- deduplication ------------------------------------------------------------------------------


def _row(org: kit.Org, rid: str) -> tuple[Any, ...]:
    return tuple(
        org.vault.conn.execute(
            "SELECT dup_of, voided_by, email, phone FROM signers WHERE record_id = ?", (rid,)
        ).fetchone()
    )


def test_exact_matches_on_email_and_phone_are_one_signer(org: kit.Org, pool: kit.Pool) -> None:
    with org.intake() as intake:
        intake.enroll(pool.requests["C"])
    run(org, pool, "A1", "B1", "C1")
    r = pool.recs
    # Email in another case, phone typed four ways (one in Persian digits), three devices.
    assert _row(org, r["sara_b"].id) == (r["sara_a"].id, None, "sara@example.org", None)
    for name in ("ali_b", "ali_c", "ali_c2"):
        assert _row(org, r[name].id) == (r["ali_a"].id, None, None, "+12025550143")
    assert _row(org, r["ali_a"].id)[0] is None
    with org.intake() as intake:
        stats = kit.counts(intake)
        by_device = {row["key"]: row for row in intake.stats()["by_device"]}
    assert stats == {
        **stats,
        "received": 9,
        "unique": 5,  # sara, ali, the two spellings of Mohammad, yara
        "duplicates": 4,
        "voided": 0,
    }
    assert by_device[pool.fpr("A")] == {"key": pool.fpr("A"), "received": 3, "unique": 3}
    assert by_device[pool.fpr("B")]["unique"] == 1  # only the Persian spelling is new


def test_likely_matches_across_scripts_are_flagged_not_merged(org: kit.Org, pool: kit.Pool) -> None:
    run(org, pool, "A1", "B1")
    mo_a, mo_b = pool.recs["mo_a"].id, pool.recs["mo_b"].id
    assert _row(org, mo_a)[0] is None and _row(org, mo_b)[0] is None
    with org.intake() as intake:
        stats = kit.counts(intake)
        signers = {s["record_id"]: s for s in intake.unique_signers()}
    assert stats["flagged"] == 2
    assert (stats["unique"], stats["duplicates"]) == (4, 2)
    assert signers[mo_b]["fields"]["full_name"] == "محمد رضایی"
    assert signers[mo_a]["fields"]["full_name"] == "Mohammad Rezaei"
    # Marking one of them as a distinct person clears the flag for the pair.
    org.vault.conn.execute("UPDATE signers SET review = 'distinct' WHERE record_id = ?", (mo_b,))
    with org.intake() as intake:
        assert intake.flagged_count() == 0


def test_voiding_the_original_promotes_the_duplicate(org: kit.Org, pool: kit.Pool) -> None:
    r = pool.recs
    run(org, pool, "A1", "B1", "A2", "A3")
    assert _row(org, r["sara_b"].id)[0] == r["sara_a"].id
    with org.intake() as intake:
        unique_before = kit.counts(intake)["unique"]
    (result,) = run(org, pool, "A4")  # A voids its Sara, the original of the pair
    assert result.status == "imported"
    assert _row(org, r["sara_a"].id)[:2] == (None, r["void_sara_a"].id)
    assert _row(org, r["sara_b"].id)[:2] == (None, None)
    with org.intake() as intake:
        counts = kit.counts(intake)
        originals = {s["record_id"] for s in intake.unique_signers()}
    assert counts["unique"] == unique_before
    assert r["sara_b"].id in originals and r["sara_a"].id not in originals
    assert counts == {**counts, **kit.expected(pool, ["A1", "B1", "A2", "A3", "A4"])}


def test_a_voided_bridge_splits_its_group(pool: kit.Pool, tmp_path: Path) -> None:
    org = pool.fresh(tmp_path / "organizer")
    dev = kit.new_device(tmp_path / "device", pool.package)
    with org.intake() as intake:
        intake.enroll(dev.enrollment_request("Bridge tablet"))
    kit.sign(dev, "Xena One", email="xena@example.org")
    bridge = kit.sign(dev, "Xena One", email="xena@example.org", phone="+1 415 555 0100")
    kit.sign(dev, "Xena One", phone="(415) 555-0100")
    first = kit.export(dev, tmp_path / "out").path.read_bytes()
    dev.void(bridge)
    second = kit.export(dev, tmp_path / "out").path.read_bytes()
    with org.intake() as intake:
        intake.import_bytes(first, name="1")
        assert (kit.counts(intake)["unique"], kit.counts(intake)["duplicates"]) == (1, 2)
        intake.import_bytes(second, name="2")
        counts = kit.counts(intake)
    # Without the bridge nothing ties the email to the phone: two signers, flagged by name.
    assert (counts["unique"], counts["duplicates"], counts["voided"]) == (2, 0, 1)
    assert counts["flagged"] == 2
    dev.vault.close()
    org.close()


def test_the_result_does_not_depend_on_import_order(pool: kit.Pool, tmp_path: Path) -> None:
    names = list(pool.batches)
    rng = random.Random(8128)
    orders = [names, names[::-1], *(rng.sample(names, len(names)) for _ in range(4))]
    seen = []
    for i, order in enumerate(orders):
        o = pool.fresh(tmp_path / f"order-{i}")
        with o.intake() as intake:
            intake.enroll(pool.requests["C"])
            statuses = [intake.import_bytes(pool.batches[n], name=n).status for n in order]
            assert statuses == ["imported"] * len(order), order
            stats = intake.stats()
        counts = {k: stats[k] for k in (*kit.COUNTS, "batches", "gaps", "by_device")}
        seen.append((counts, signer_rows(o)))
        o.close()
    assert all(s == seen[0] for s in seen[1:])
    assert {k: seen[0][0][k] for k in kit.expected(pool, names)} == kit.expected(pool, names)


# --- the command line -----------------------------------------------------------------------------


def test_import_command_reports_each_batch_and_approves(pool: kit.Pool, tmp_path: Path) -> None:
    org = pool.fresh(tmp_path / "organizer")
    org.close()
    files = {}
    for name in ("A1", "C1", "C2"):
        files[name] = tmp_path / f"{name}.tomar-batch"
        files[name].write_bytes(pool.batches[name])
    broken = bytearray(pool.batches["A2"])
    broken[len(broken) // 3] ^= 0xFF
    files["bad"] = tmp_path / "bad.tomar-batch"
    files["bad"].write_bytes(bytes(broken))

    first = kit.tomar(org.home, "import", *(str(p) for p in files.values()))
    first.user_error("Some batches were rejected")
    lines = dict(line.split(": ", 1) for line in first.lines)
    a_fpr, c_fpr = pool.fpr("A"), pool.fpr("C")
    assert lines["A1.tomar-batch"] == (f"imported [device {a_fpr}, batch 1]: Imported 3 records.")
    assert lines["C1.tomar-batch"].startswith(f"held [device {c_fpr}, batch 1]: Held")
    assert lines["C2.tomar-batch"].startswith(f"held [device {c_fpr}, batch 2]")
    assert lines["bad.tomar-batch"].startswith("rejected")

    approved = kit.tomar(org.home, "import", "--approve-device", c_fpr).ok()
    assert len(approved.lines) == 2
    assert all(": imported [device " in line for line in approved.lines)
    stats = json.loads(kit.tomar(org.home, "stats", "--json").ok().out)
    assert (stats["received"], stats["held"], stats["voided"], stats["batches"]) == (7, 0, 1, 3)
    again = kit.tomar(org.home, "import", str(files["A1"])).ok()
    assert "already" in again.out


def _reference_groups(org: kit.Org) -> dict[str, str | None]:
    """dup_of as it must be: connected components of live signers by email and phone,
    the earliest signer (time, then record id) being the original of its group."""
    rows = org.vault.conn.execute(
        "SELECT record_id, time, email, phone FROM signers WHERE voided_by IS NULL"
    ).fetchall()
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for rid, _, email, phone in rows:
        for key in (f"e:{email}" if email else None, f"p:{phone}" if phone else None):
            if key is not None:
                parent[find(rid)] = find(key)
    original: dict[str, tuple[str, str]] = {}
    for rid, time, _, _ in rows:
        root = find(rid)
        original[root] = min(original.get(root, (time, rid)), (time, rid))
    return {
        rid: (None if original[find(rid)][1] == rid else original[find(rid)][1]) for rid, *_ in rows
    }


def test_large_batches_group_duplicates_across_chunks_and_voids(
    pool: kit.Pool, tmp_path: Path
) -> None:
    """Batches larger than the importer's chunk, with duplicates inside a chunk, across
    chunks and across batches, and voids in the middle: groups as if added one by one."""
    from tomar.core.intake import CHUNK

    devices = {d: kit.new_device(tmp_path / d, pool.package) for d in ("P", "Q")}
    batches: dict[str, bytes] = {}
    n = {"P": CHUNK + 60, "Q": 2 * CHUNK + 30}
    for d, dev in devices.items():
        ids = []
        for i in range(n[d]):
            email = f"person{(i * 7 + (3 if d == 'Q' else 0)) % 150}@example.org"
            phone = f"+1 202 555 {1000 + i % 90:04d}" if i % 3 == 0 else None
            ids.append(kit.sign(dev, f"Signer {d}{i}", email=email, phone=phone))
            if d == "Q" and i in (CHUNK - 1, CHUNK + 40):
                dev.void(ids[i - 5])  # voids in the middle of the batch
        batches[d] = kit.export(dev, tmp_path / f"out-{d}").path.read_bytes()
    results: list[dict[str, str | None]] = []
    for order in (("P", "Q"), ("Q", "P")):
        org = pool.fresh(tmp_path / ("org-" + "".join(order)))
        with org.intake() as intake:
            for d in order:
                intake.enroll(devices[d].enrollment_request(d))
            for d in order:
                result = intake.import_bytes(batches[d], name=d)
                assert result.status == "imported", result.message
        got = dict(
            org.vault.conn.execute(
                "SELECT record_id, dup_of FROM signers WHERE voided_by IS NULL"
            ).fetchall()
        )
        assert got == _reference_groups(org)
        assert 0 < sum(v is not None for v in got.values()) < len(got)
        results.append(got)
        org.close()
    assert results[0] == results[1]
    for dev in devices.values():
        dev.vault.close()


def test_a_manual_merge_survives_later_imports(pool: kit.Pool, tmp_path: Path) -> None:
    """Regrouping after a later import must not split what the organizer merged by hand."""
    org = pool.fresh(tmp_path / "organizer")
    dev = kit.new_device(tmp_path / "device", pool.package)
    with org.intake() as intake:
        intake.enroll(dev.enrollment_request("Merge tablet"))
    first_dana = kit.sign(dev, "Dana Smith", email="dana@example.org")
    second_dana = kit.sign(dev, "Dana Smith")  # no email or phone: only flagged
    first = kit.export(dev, tmp_path / "out").path.read_bytes()
    kit.sign(dev, "Dana S.", email="dana@example.org")  # joins the first Dana's group
    second = kit.export(dev, tmp_path / "out").path.read_bytes()
    with org.intake() as intake:
        intake.import_bytes(first, name="1")
        assert (kit.counts(intake)["unique"], kit.counts(intake)["flagged"]) == (2, 2)
        intake.mark_review(second_dana, "merge", first_dana)
        assert kit.counts(intake)["unique"] == 1
        assert intake.import_bytes(second, name="2").status == "imported"
        counts = kit.counts(intake)
    assert (counts["unique"], counts["duplicates"], counts["flagged"]) == (1, 2, 0)
    dup_of = org.vault.conn.execute(
        "SELECT dup_of FROM signers WHERE record_id = ?", (second_dana,)
    ).fetchone()[0]
    assert dup_of == first_dana
    dev.vault.close()
    org.close()


def test_import_files_opens_the_next_batch_while_storing_this_one(
    pool: kit.Pool, tmp_path: Path
) -> None:
    """Batches read and decrypted ahead give the same vault as one by one; a batch read
    ahead and then not imported (a copy of one already imported) changes nothing."""
    import shutil

    from tomar.core.intake import PARALLEL_MIN, Intake

    dev = kit.new_device(tmp_path / "device", pool.package)
    files = []
    for b in range(3):
        for i in range(PARALLEL_MIN + 20):
            n = b * (PARALLEL_MIN + 20) + i
            kit.sign(dev, f"Ahead {n}", email=f"ahead{n % 400}@example.org")
        files.append(kit.export(dev, tmp_path / "out").path)
    copy = tmp_path / "copy-of-1.tomar-batch"
    shutil.copy(files[0], copy)
    order = [files[0], files[1], copy, files[2]]

    ahead_seen: list[Path | None] = []
    one_by_one = pool.fresh(tmp_path / "one-by-one")
    at_once = pool.fresh(tmp_path / "at-once")
    for org in (one_by_one, at_once):
        with org.intake() as intake:
            intake.enroll(dev.enrollment_request("Ahead tablet"))
    with one_by_one.intake() as intake:
        singles = [intake.import_file(p).status for p in order]
    with Intake(at_once.vault, workers=2) as intake:  # the pool opens batches ahead

        def progress(stored: int, total: int) -> None:
            """Called as each batch's last record is stored: what is open ahead by then."""
            if stored == total:
                ahead = intake._ahead
                ahead_seen.append(None if ahead is None else ahead.path)

        results = intake.import_files(order, progress)
        assert intake._ahead is None  # nothing opened ahead is left over
    assert [r.status for r in results] == singles == ["imported", "imported", "already", "imported"]
    assert ahead_seen[:2] == [files[1], copy]  # read ahead while the one before was stored

    def state(org: kit.Org) -> set[tuple[Any, ...]]:
        rows = org.vault.conn.execute(
            "SELECT record_id, seq, email, dup_of, voided_by, fields FROM signers"
        )
        return {tuple(r) for r in rows}

    assert state(at_once) == state(one_by_one)
    assert len(state(at_once)) == 3 * (PARALLEL_MIN + 20)
    for org in (one_by_one, at_once):
        org.close()
    dev.vault.close()


# --- several small batches, one commit ---------------------------------------------------------


def _stick(pool: kit.Pool, folder: Path, names: list[str]) -> list[Path]:
    """The pool's batches as files. "forged" is a batch 2 of device A that follows A1 and
    passes every check before its last record, which is damaged: its import has begun
    writing when it is refused."""
    a, camp = pool.identities["A"], pool.campaign
    good = kit.signature_record(a, camp, 40, "Before The Damage")
    damaged = kit.signature_record(a, camp, 41, "Damaged Drawing")
    damaged["strokes"] = base64.b64encode(b"\x00garbage").decode()
    forged = kit.forge_batch(
        a,
        camp,
        2,
        kit.link(pool.batches["A1"]),
        [(r["id"], r["seq"], kit.seal(a, camp, r)) for r in (good, damaged)],
    )
    folder.mkdir()
    paths = []
    for name in names:
        path = folder / f"{name}.tomar-batch"
        path.write_bytes(forged if name == "forged" else pool.batches[name])
        paths.append(path)
    return paths


def _spy(intake: Any, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often a group transaction was opened and how often one batch was imported."""
    seen = {"groups": 0, "imports": 0}
    joined, import_file = intake.vault.joined, intake.import_file

    def counting_joined() -> Any:
        seen["groups"] += 1
        return joined()

    def counting_import(*args: Any, **kwargs: Any) -> Any:
        seen["imports"] += 1
        return import_file(*args, **kwargs)

    monkeypatch.setattr(intake.vault, "joined", counting_joined)
    monkeypatch.setattr(intake, "import_file", counting_import)
    return seen


@pytest.mark.parametrize("forged", [False, True])
def test_small_batches_are_committed_together_and_a_refused_one_alone(
    pool: kit.Pool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forged: bool
) -> None:
    """import_files commits consecutive small batches in one transaction. If one of them
    is refused, the group is rolled back and imported one by one: every batch is still
    imported whole or not at all, and the vault is the same as importing each alone."""
    names = ["A1", "forged", "B1", "A2", "A3"] if forged else ["A1", "B1", "A2", "A3"]
    paths = _stick(pool, tmp_path / "stick", names)
    grouped, alone = pool.fresh(tmp_path / "grouped"), pool.fresh(tmp_path / "alone")
    with grouped.intake() as intake:
        seen = _spy(intake, monkeypatch)
        results = intake.import_files(paths)
        grouped_counts = kit.counts(intake)
    with alone.intake() as intake:
        singles = [intake.import_file(p) for p in paths]
        alone_counts = kit.counts(intake)
    assert [r.status for r in results] == [r.status for r in singles]
    expected = ["imported"] * len(names)
    if forged:
        expected[1] = "rejected"
        assert "drawn signature is damaged" in results[1].message
    assert [r.status for r in results] == expected
    assert seen["groups"] == 1  # all of them fit in one group
    # Refused: the group stops there and all of its batches are imported one by one.
    assert seen["imports"] == (names.index("forged") + 1 + len(names) if forged else len(names))
    assert signer_rows(grouped) == signer_rows(alone)
    assert grouped_counts == alone_counts
    for org in (grouped, alone):
        org.close()


def test_a_cancel_inside_a_group_keeps_what_was_imported(pool: kit.Pool, tmp_path: Path) -> None:
    import threading

    paths = _stick(pool, tmp_path / "stick", ["A1", "A2", "B1"])
    org = pool.fresh(tmp_path / "organizer")
    cancel = threading.Event()

    def progress(stored: int, total: int) -> None:
        if stored == total:  # the first batch is stored: stop before the next one
            cancel.set()

    with org.intake() as intake:
        results = intake.import_files(paths, progress, cancel)
        assert [r.status for r in results] == ["imported"]
        assert kit.counts(intake)["batches"] == 1
    org.close()
    with Vault.open(org.home, PASS) as v:  # committed: it is there after a reopen
        assert v.conn.execute("SELECT count(*) FROM intake_batches").fetchone()[0] == 1
