"""Intake merges duplicates and applies voids, the same in any order of import."""

from __future__ import annotations

import random
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from tomar.core import records
from tomar.core.errors import TomarError

from . import batchkit as kit

pool = kit.pool
org = kit.org


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
        outcomes.append(kit.signer_rows(o))
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
    kit.run(org, pool, "A1", "B1")
    with org.intake() as intake:
        assert intake.import_bytes(forged, name="B's void of A's record").status == "imported"
        assert kit.counts(intake)["voided"] == 0
    row = org.vault.conn.execute(
        "SELECT voided_by FROM signers WHERE record_id = ?", (target,)
    ).fetchone()
    assert row[0] is None


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
    kit.run(org, pool, "A1", "B1", "C1")
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
    kit.run(org, pool, "A1", "B1")
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
    kit.run(org, pool, "A1", "B1", "A2", "A3")
    assert _row(org, r["sara_b"].id)[0] == r["sara_a"].id
    with org.intake() as intake:
        unique_before = kit.counts(intake)["unique"]
    (result,) = kit.run(org, pool, "A4")  # A voids its Sara, the original of the pair
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
            stats: Mapping[str, Any] = intake.stats()
        counts = {k: stats[k] for k in (*kit.COUNTS, "batches", "gaps", "by_device")}
        seen.append((counts, kit.signer_rows(o)))
        o.close()
    assert all(s == seen[0] for s in seen[1:])
    assert {k: seen[0][0][k] for k in kit.expected(pool, names)} == kit.expected(pool, names)


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


def _review_state(org: kit.Org) -> dict[str, tuple[str | None, str | None, str | None]]:
    rows = org.vault.conn.execute("SELECT record_id, dup_of, review, merged_with FROM signers")
    return {r[0]: (r[1], r[2], r[3]) for r in rows}


def test_a_merge_and_other_decisions_can_be_undone(pool: kit.Pool, tmp_path: Path) -> None:
    """Undo puts back exactly what was before the decision: groups, marks, counts; each
    undo is audited; a member that came with the merged group undoes that merge too."""
    org = pool.fresh(tmp_path / "organizer")
    dev = kit.new_device(tmp_path / "device", pool.package)
    with org.intake() as intake:
        intake.enroll(dev.enrollment_request("Undo tablet"))
    first = kit.sign(dev, "Dana Smith", email="dana@example.org")
    second = kit.sign(dev, "Dana Smith", phone="+12025550143")  # flagged with the first
    third = kit.sign(dev, "D. Smith", phone="+12025550143")  # the second one's duplicate
    data = kit.export(dev, tmp_path / "out").path.read_bytes()
    with org.intake() as intake:
        intake.import_bytes(data, name="1")
        before_counts = kit.counts(intake)
        before = _review_state(org)
        assert before[third][0] == second
        assert (before_counts["unique"], before_counts["flagged"]) == (2, 2)

        intake.mark_review(second, "merge", first)
        merged = _review_state(org)
        assert merged[second][0] == first and merged[third][0] == first
        assert kit.counts(intake)["unique"] == 1
        assert intake.reopen_review(second) == "merged"  # the mark it undid
        assert _review_state(org) == before
        assert kit.counts(intake) == before_counts

        # Undo on a member that only came along: the merge that brought it is undone.
        intake.mark_review(second, "merge", first)
        assert intake.reopen_review(third) == "merged"
        assert _review_state(org) == before

        for decision, flagged in (("keep", 1), ("distinct", 0)):
            intake.mark_review(first, decision)
            assert kit.counts(intake)["flagged"] == flagged
            assert intake.reopen_review(first) == decision
            assert _review_state(org) == before
            assert kit.counts(intake) == before_counts

        # Nothing decided: refused, nothing changes, nothing audited.
        audits = org.vault.conn.execute("SELECT count(*) FROM audit").fetchone()[0]
        with pytest.raises(TomarError):
            intake.reopen_review(first)
        with pytest.raises(TomarError):
            intake.reopen_review("no-such-record")
    assert _review_state(org) == before
    actions = [
        r[0]
        for r in org.vault.conn.execute(
            "SELECT action FROM audit WHERE action LIKE 'review%' ORDER BY rowid"
        )
    ]
    assert actions == [
        "review merge",
        "review reopen",
        "review merge",
        "review reopen",
        "review keep",
        "review reopen",
        "review distinct",
        "review reopen",
    ]
    assert org.vault.conn.execute("SELECT count(*) FROM audit").fetchone()[0] == audits
    dev.vault.close()
    org.close()
