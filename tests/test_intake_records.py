"""Intake refuses what it must: bad records, replays, broken chains, other campaigns."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tomar.core import records
from tomar.core.campaign import build_package, doc_from_spec, read_package
from tomar.core.identity import OrganizerIdentity

from . import batchkit as kit
from . import forgekit

pool = kit.pool
org = kit.org


# --- one bad record rejects its batch, and only its batch --------------------------------------


@pytest.fixture(scope="module")
def judge(pool: kit.Pool, tmp_path_factory: pytest.TempPathFactory) -> Iterator[kit.Org]:
    """An organizer that already holds B's first batch: rejections must not touch it."""
    o = pool.fresh(tmp_path_factory.mktemp("judge") / "organizer")
    kit.run(o, pool, "B1")
    yield o
    o.close()


@pytest.mark.parametrize("variant", forgekit.PROBLEMS)
def test_one_bad_record_rejects_its_batch_and_nothing_else(
    judge: kit.Org, pool: kit.Pool, variant: str
) -> None:
    rid, forged = forgekit.forged_a1(pool, variant)
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
        assert forgekit.PROBLEMS[variant] in result.message
        assert result.message.endswith("The whole batch was rejected.")
        assert kit.digest(judge.vault) == before
        assert kit.counts(intake)["received"] == 3  # B's batch is untouched


def test_the_genuine_batch_still_imports_after_a_forged_one_was_rejected(
    org: kit.Org, pool: kit.Pool
) -> None:
    _, forged = forgekit.forged_a1(pool, "bad-signature")
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
    kit.run(org, pool, "A1")
    before = kit.digest(org.vault)

    # The same record (same device and seq) in a new batch.
    same_record = kit.forge_batch(
        a, camp, 2, kit.link(a1), [(sara, 1, kit.sealed_in(a1)[sara]), _new_record(pool, 4)]
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
    kit.run(org, pool, "A1")
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
    kit.run(org, pool, "A2")
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
