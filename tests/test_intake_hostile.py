"""An enrolled but hostile device, and strangers, against the organizer's intake (issue 14).

Each test drives the real parts: batches signed with the devices' real keys, a real
SQLCipher vault, the importer as the app and the command line use it.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from tomar.core import age, records
from tomar.core.intake import ImportStatus, devices, store
from tomar.core.vault import Vault

from . import batchkit as kit
from .conftest import PASS

pool = kit.pool
org = kit.org


def _squatter(pool: kit.Pool, labels: list[str], number: int = 3) -> bytes:
    """Batch `number` of enrolled device B: B's own signed records under A's record ids."""
    b, camp = pool.identities["B"], pool.campaign
    items = []
    for seq, label in enumerate(labels, start=10):
        rec = kit.signature_record(b, camp, seq, f"Copy {label}")
        rec["id"] = pool.recs[label].id
        items.append((rec["id"], seq, kit.seal(b, camp, rec)))
    return kit.forge_batch(b, camp, number, kit.link(pool.batches["B2"]), items)


def _signers(org: kit.Org) -> dict[str, tuple[str, str | None]]:
    """name -> (device key, voided by) of every stored signer."""
    rows = org.vault.conn.execute("SELECT name, device, voided_by FROM signers")
    return {str(r[0]): (str(r[1]), r[2]) for r in rows}


A_LABELS = ["sara_a", "ali_a", "mo_a", "nina_a", "omid_a"]


@pytest.mark.parametrize("hostile_first", [True, False])
def test_copied_record_ids_never_displace_the_genuine_records(
    org: kit.Org, pool: kit.Pool, hostile_first: bool
) -> None:
    """Case 1: B copies every id of A's batches (readable in any manifest). Whichever
    comes first, A's genuine batches import whole, A's voids hit A's records only, and
    the message names the device whose ids they were first."""
    squat = _squatter(pool, A_LABELS)
    genuine = ["A1", "A2", "A3", "A4"]
    with org.intake() as intake:
        if hostile_first:
            first = intake.import_bytes(squat, name="squat")
            assert first.status == ImportStatus.IMPORTED, first.message
        results = [intake.import_bytes(pool.batches[n], name=n) for n in genuine]
        assert [r.status for r in results] == [ImportStatus.IMPORTED] * 4, results
        if hostile_first:
            assert f"had already come from device {pool.fpr('B')}" in results[0].message
        else:
            last = intake.import_bytes(squat, name="squat")
            assert last.status == ImportStatus.IMPORTED, last.message
            assert f"5 of their ids had already come from device {pool.fpr('A')}" in last.message
    a_key, b_key = (kit.b64(pool.identities[d].public) for d in "AB")
    signers = _signers(org)
    assert {n: d for n, (d, _) in signers.items()} == {
        "Sara Example": a_key,
        "Ali Karimi": a_key,
        "Mohammad Rezaei": a_key,
        "Nina Park": a_key,
        "Omid Tehrani": a_key,
        **{f"Copy {label}": b_key for label in A_LABELS},
    }
    # A voided Ali (A2) and Sara (A4): A's records, never B's copies under the same ids.
    voided = {n for n, (_, v) in signers.items() if v is not None}
    assert voided == {"Ali Karimi", "Sara Example"}
    # Receipts list each record as its device wrote it.
    a_ids = {
        str(r[0])
        for r in org.vault.conn.execute(
            "SELECT record_id FROM device_seqs WHERE device = ?", (a_key,)
        )
    }
    assert a_ids == {r.id for r in pool.recs.values() if r.device == "A"}


def test_a_device_replaying_its_own_record_is_named(org: kit.Org, pool: kit.Pool) -> None:
    """Within one device an id is still received once; the message names that device."""
    a, camp = pool.identities["A"], pool.campaign
    assert kit.run(org, pool, "A1")[0].status == ImportStatus.IMPORTED
    rec = kit.signature_record(a, camp, 40, "Again")
    rec["id"] = pool.recs["sara_a"].id
    again = kit.forge_batch(a, camp, 7, "0" * 64, [(rec["id"], 40, kit.seal(a, camp, rec))])
    before = kit.digest(org.vault)
    with org.intake() as intake:
        result = intake.import_bytes(again, name="again")
    assert result.status == ImportStatus.REJECTED
    assert f"already received from device {pool.fpr('A')}" in result.message
    assert kit.digest(org.vault) == before


def test_a_huge_batch_number_is_held_and_gaps_stay_small(org: kit.Org, pool: kit.Pool) -> None:
    """Case 2: batch 2**31-1 of an enrolled device is held for review, not committed;
    approved, it imports, and its gap is one range: stats and imports stay instant."""
    a, camp = pool.identities["A"], pool.campaign
    rec = kit.signature_record(a, camp, 50, "Far Away")
    top = 2**31 - 1
    far = kit.forge_batch(a, camp, top, "ab" * 32, [(rec["id"], 50, kit.seal(a, camp, rec))])
    with org.intake() as intake:
        held = intake.import_bytes(far, name="far")
        assert held.status == ImportStatus.HELD
        assert "Held for your review" in held.message and str(top) in held.message
        assert intake.import_bytes(far, name="far again").status == ImportStatus.HELD
        assert intake.stats()["batches"] == 0
        assert intake.import_bytes(pool.batches["A1"], name="A1").status == "imported"
        [released] = intake.approve_device(pool.fpr("A"))
        assert released.status == ImportStatus.IMPORTED, released.message
        assert released.gaps == [(2, top - 1)]
        assert intake.gaps() == {pool.fpr("A"): [(2, top - 1)]} == intake.stats()["gaps"]
        assert f"Waiting for batch 2-{top - 1} of this device" in released.message
        two = intake.import_bytes(pool.batches["A2"], name="A2")
        assert two.gaps == [(3, top - 1)]
    row = org.vault.conn.execute(
        "SELECT status FROM devices WHERE public_key = ?", (kit.b64(a.public),)
    )
    assert row.fetchone()[0] == "enrolled"  # releasing a batch does not change the device


def test_a_jump_just_past_the_bound_is_held_and_one_within_is_imported(
    org: kit.Org, pool: kit.Pool
) -> None:
    a, camp = pool.identities["A"], pool.campaign

    def one(number: int, seq: int) -> bytes:
        rec = kit.signature_record(a, camp, seq, f"Number {number}")
        return kit.forge_batch(
            a, camp, number, "cd" * 32, [(rec["id"], seq, kit.seal(a, camp, rec))]
        )

    with org.intake() as intake:
        assert intake.import_bytes(pool.batches["A1"], name="A1").status == "imported"
        within = intake.import_bytes(one(1 + devices.MAX_JUMP, 60), name="within")
        assert within.status == ImportStatus.IMPORTED, within.message
        past = intake.import_bytes(one(2 + 2 * devices.MAX_JUMP, 61), name="past")
        assert past.status == ImportStatus.HELD


def test_strangers_held_batches_stay_under_a_quota(
    org: kit.Org, pool: kit.Pool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Case 4: past the quota a stranger's newest batch is refused (audited); enrolled
    devices and batches with a valid certificate are never affected."""
    monkeypatch.setattr(devices, "HELD_MAX_COUNT", 1)
    with org.intake() as intake:
        assert intake.import_bytes(pool.batches["C1"], name="C1").status == ImportStatus.HELD
        refused = intake.import_bytes(pool.batches["C2"], name="C2")
        assert refused.status == ImportStatus.REJECTED
        assert "allowance" in refused.message
        assert intake.import_bytes(pool.batches["C1"], name="C1").status == ImportStatus.HELD
        assert intake.import_bytes(pool.batches["A1"], name="A1").status == "imported"
        assert intake.import_bytes(pool.batches["D1"], name="D1").status == "imported"
        stats = intake.stats()
    assert (stats["held_batches"], stats["held"]) == (1, 3)
    audit = [
        str(r[0])
        for r in org.vault.conn.execute(
            "SELECT detail FROM audit WHERE action = 'held batch refused'"
        )
    ]
    assert len(audit) == 1 and audit[0].startswith(f"{pool.fpr('C')} batch 2 ")


def test_strangers_quota_counts_bytes(
    org: kit.Org, pool: kit.Pool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(devices, "HELD_MAX_BYTES", len(pool.batches["C1"]) + 10)
    with org.intake() as intake:
        assert intake.import_bytes(pool.batches["C1"], name="C1").status == ImportStatus.HELD
        assert intake.import_bytes(pool.batches["C2"], name="C2").status == "rejected"
        # Approving C imports its held batch; a later batch of C is no stranger's.
        assert [r.status for r in intake.approve_device(pool.fpr("C"))] == ["imported"]
        assert intake.import_bytes(pool.batches["C2"], name="C2").status == "imported"


# --- case 6: one hostile record rejects only its own batch ---------------------------------


def _surrogate_record(pool: kit.Pool) -> tuple[str, int, bytes]:
    """Record 2 of a batch 1 of A whose sealed JSON holds a lone surrogate in a field:
    valid JSON (an escape), which Python cannot encode again to check its signature."""
    a, camp = pool.identities["A"], pool.campaign
    rec = kit.signature_record(a, camp, 2, "Forged Person")
    rec["fields"]["city"] = "\ud800"
    envelope = {"record": rec, "sig": base64.b64encode(bytes(64)).decode()}
    plain = json.dumps(envelope, ensure_ascii=True, sort_keys=True).encode()
    return rec["id"], 2, age.encrypt(plain, [camp.recipient_key])


def _with(pool: kit.Pool, bad: tuple[str, int, bytes]) -> bytes:
    a1 = kit.sealed_in(pool.batches["A1"])
    sara, mo = pool.recs["sara_a"].id, pool.recs["mo_a"].id
    items = [(sara, 1, a1[sara]), bad, (mo, 3, a1[mo])]
    return kit.forge_batch(pool.identities["A"], pool.campaign, 1, None, items)


def _import_pair(org: kit.Org, pool: kit.Pool, hostile: bytes, tmp_path: Path) -> list[Any]:
    """The hostile batch first and B's genuine batch in one import of files (one group)."""
    (tmp_path / "in").mkdir()
    first, second = tmp_path / "in" / "1.tomar-batch", tmp_path / "in" / "2.tomar-batch"
    first.write_bytes(hostile)
    second.write_bytes(pool.batches["B1"])
    with org.intake() as intake:
        return intake.import_files([first, second])


def test_a_lone_surrogate_rejects_its_own_batch_only(
    org: kit.Org, pool: kit.Pool, tmp_path: Path
) -> None:
    hostile, genuine = _import_pair(org, pool, _with(pool, _surrogate_record(pool)), tmp_path)
    assert hostile.status == ImportStatus.REJECTED
    assert "whole batch was rejected" in hostile.message
    assert genuine.status == ImportStatus.IMPORTED, genuine.message
    names = set(_signers(org))
    assert names == {"Sara Example", "Ali Karimi", "محمد رضایی"}


def test_an_unexpected_error_in_a_worker_rejects_that_batch_only(
    org: kit.Org, pool: kit.Pool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever a record trips while it is opened (here a ValueError from the opening
    itself), only its batch is rejected, with a plain reason that quotes nothing."""
    a, camp = pool.identities["A"], pool.campaign
    rec = kit.signature_record(a, camp, 2, "Trips The Check")
    poisoned = kit.seal(a, camp, rec)
    real = records.open_sealed

    def opening(sealed: bytes, identities: Any) -> dict[str, Any]:
        if sealed == poisoned:
            raise ValueError("secret signer text")
        return real(sealed, identities)

    monkeypatch.setattr(records, "open_sealed", opening)
    hostile, genuine = _import_pair(org, pool, _with(pool, (rec["id"], 2, poisoned)), tmp_path)
    assert hostile.status == ImportStatus.REJECTED
    assert "unexpected ValueError" in hostile.message
    assert "secret" not in hostile.message
    assert genuine.status == ImportStatus.IMPORTED


def test_an_unexpected_error_while_storing_rejects_that_batch_only(
    org: kit.Org, pool: kit.Pool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The importer's side: an error no check foresaw while storing a batch rolls that
    batch back, and the next one is imported."""
    sara = pool.recs["sara_a"].id
    real = store.dedupe  # type: ignore[attr-defined]

    def dedupe(conn: Any, contacts: Any) -> None:
        if any(c[0] == sara for c in contacts):
            raise KeyError("secret signer text")
        real(conn, contacts)

    monkeypatch.setattr(store, "dedupe", dedupe)
    hostile, genuine = _import_pair(org, pool, pool.batches["A1"], tmp_path)
    assert hostile.status == ImportStatus.REJECTED
    assert "unexpected KeyError" in hostile.message and "secret" not in hostile.message
    assert genuine.status == ImportStatus.IMPORTED
    assert set(_signers(org)) == {"Sara Example", "Ali Karimi", "محمد رضایی"}
    devices_seen = {str(r[0]) for r in org.vault.conn.execute("SELECT device FROM intake_batches")}
    assert devices_seen == {kit.b64(pool.identities["B"].public)}


# --- case 7: a device's field values are cleaned as the kiosk cleans them -------------------


def test_intake_cleans_what_a_hostile_device_typed(org: kit.Org, pool: kit.Pool) -> None:
    """Line breaks, bidi controls, control characters and invisible fillers never reach
    the organizer's vault; a look-alike of a genuine signer is flagged for review."""
    a, camp = pool.identities["A"], pool.campaign
    typed = {
        "Sara Example\nName on sheets: withheld\nDevice: 11111": "Sara Example Name on "
        "sheets: withheld Device: 11111",
        "\u202eelpmaxe araS": "elpmaxe araS",
        "Nul\x00 Esc\x1b Bel\x07": "Nul Esc Bel",
        "Om\u3164id\u200b Tehrani": "Om id Tehrani",
        "S\u0430ra Example": "S\u0430ra Example",  # stored as typed, matched as "Sara"
    }
    items = []
    for seq, name in enumerate(typed, start=20):
        rec = kit.signature_record(a, camp, seq, name)
        rec["event"] = {"id": "e1", "name": "Rally\r\nDevice: 11111\x1b[2J", "place": "DC"}
        items.append((rec["id"], seq, kit.seal(a, camp, rec)))
    hostile = kit.forge_batch(a, camp, 9, "ef" * 32, items)
    with org.intake() as intake:
        assert intake.import_bytes(pool.batches["B1"], name="B1").status == "imported"
        assert intake.import_bytes(hostile, name="hostile").status == ImportStatus.IMPORTED
        flagged_before = intake.flagged_count()
        stats = intake.stats()
    rows = org.vault.conn.execute(
        "SELECT name, fields, event_name FROM signers WHERE device = ?", (kit.b64(a.public),)
    ).fetchall()
    assert sorted(r[0] for r in rows) == sorted(typed.values())
    for name, fields, event in rows:
        assert json.loads(fields)["full_name"] == name
        assert event == "Rally Device: 11111[2J"
    assert "Rally Device: 11111[2J" in {b["key"] for b in stats["by_event"]}
    # "Sаra Example" (Cyrillic а) and B's "Sara Example", both of Washington: flagged.
    assert flagged_before == 2
    sara = org.vault.conn.execute(
        "SELECT name_city FROM signers WHERE name IN ('Sara Example', ?)", ("S\u0430ra Example",)
    ).fetchall()
    assert len({r[0] for r in sara}) == 1 and len(sara) == 2


def test_stats_show_every_value_on_one_line(org: kit.Org, pool: kit.Pool) -> None:
    """`tomar stats` prints one line per event, even for a vault whose values were stored
    before intake cleaned them (written here straight into the table)."""
    assert kit.run(org, pool, "A1")[0].status == "imported"
    with org.vault.transaction() as conn:
        conn.execute("UPDATE signers SET event_name = ?", ("Rally\nDevice 11111: fake",))
    org.vault.close()
    out = kit.tomar(org.home, "stats").ok().lines
    org.vault = Vault.open(org.home, PASS)
    assert not any(line.startswith("Device 11111") for line in out)
    assert any("Event Rally Device 11111: fake: " in line for line in out)


def test_a_record_with_a_damaged_time_rejects_its_batch(org: kit.Org, pool: kit.Pool) -> None:
    a, camp = pool.identities["A"], pool.campaign
    rec = kit.signature_record(a, camp, 30, "Timely Person")
    rec["time"] = "2026-01-01T00:00:00Z\nDevice: 11111"
    bad = kit.forge_batch(a, camp, 9, "ef" * 32, [(rec["id"], 30, kit.seal(a, camp, rec))])
    with org.intake() as intake:
        result = intake.import_bytes(bad, name="bad")
    assert result.status == ImportStatus.REJECTED and "its time is damaged" in result.message
