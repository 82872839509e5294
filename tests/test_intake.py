"""Intake: the plain path, the reports it keeps, and the command line over it."""

from __future__ import annotations

import json
from pathlib import Path

from tomar.core import vault

from . import batchkit as kit
from .conftest import PASS

pool = kit.pool
org = kit.org


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

    kit.run(org, pool, "A1", "B1", "A2", "A3", "A4")
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

    kit.run(org, pool, "A1", "B1")
    with org.intake() as intake:
        assert cache() == -CACHE_KIB
        signers = intake.unique_signers()
        next(iter(signers))
        assert cache() == -STREAM_CACHE_KIB
        assert len(list(signers)) > 0
        assert cache() == -CACHE_KIB


def test_the_same_batch_again_changes_nothing(org: kit.Org, pool: kit.Pool, tmp_path: Path) -> None:
    kit.run(org, pool, "A1", "B1")
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
        assert (three.status, three.gaps) == ("imported", [(1, 2)])
        assert "Waiting for batch 1-2 of this device" in three.message
        assert intake.gaps() == {fpr: [(1, 2)]} == intake.stats()["gaps"]
        one = intake.import_bytes(pool.batches["A1"], name="A1")
        assert (one.status, one.gaps) == ("imported", [(2, 2)])
        assert "Waiting for batch 2 of this device" in one.message
        assert intake.stats()["gaps"] == {fpr: [(2, 2)]}
        two = intake.import_bytes(pool.batches["A2"], name="A2")
        assert (two.status, two.gaps, two.message) == ("imported", [], "Imported 2 records.")
        assert intake.gaps() == {}
        assert kit.counts(intake)["received"] == 5


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


def test_import_approves_a_device_first_seen_in_the_files_named(
    pool: kit.Pool, tmp_path: Path
) -> None:
    """`tomar import FILES --approve-device FP`, as the README shows it, for a device the
    vault has never seen: the fingerprint is compared with the key each batch is signed by,
    the device is approved and its batches imported in the same run."""
    org = pool.fresh(tmp_path / "organizer")
    org.close()
    files = []
    for name in ("C1", "C2", "A1"):
        files.append(tmp_path / f"{name}.tomar-batch")
        files[-1].write_bytes(pool.batches[name])
    c_fpr = pool.fpr("C")

    done = kit.tomar(org.home, "import", *map(str, files), "--approve-device", c_fpr).ok()
    lines = dict(line.split(": ", 1) for line in done.lines)
    assert lines["C1.tomar-batch"].startswith(f"imported [device {c_fpr}, batch 1]")
    assert lines["C2.tomar-batch"].startswith(f"imported [device {c_fpr}, batch 2]")
    assert lines["A1.tomar-batch"].startswith("imported")
    stats = json.loads(kit.tomar(org.home, "stats", "--json").ok().out)
    assert (stats["held"], stats["batches"]) == (0, 3)
    assert {row["key"] for row in stats["by_device"]} == {pool.fpr("A"), c_fpr}


def test_import_with_a_wrong_fingerprint_approves_and_imports_nothing(
    pool: kit.Pool, tmp_path: Path
) -> None:
    org = pool.fresh(tmp_path / "organizer")
    org.close()
    files = []
    for name in ("C1", "A1"):
        files.append(tmp_path / f"{name}.tomar-batch")
        files[-1].write_bytes(pool.batches[name])
    # D's fingerprint: a genuine device, but not one that signed these batches.
    wrong = kit.tomar(org.home, "import", *map(str, files), "--approve-device", pool.fpr("D"))
    wrong.user_error("None of the batches named comes from the device with that fingerprint")
    assert pool.fpr("C") in wrong.err and pool.fpr("A") in wrong.err  # to compare with
    stats = json.loads(kit.tomar(org.home, "stats", "--json").ok().out)
    assert (stats["received"], stats["held"], stats["batches"]) == (0, 0, 0)
    # C was not approved: its batch is held when imported again without the flag.
    again = kit.tomar(org.home, "import", str(files[0])).ok()
    assert again.lines[0].startswith(f"C1.tomar-batch: held [device {pool.fpr('C')}")


def test_a_closed_campaign_approves_no_device(pool: kit.Pool, tmp_path: Path) -> None:
    org = pool.fresh(tmp_path / "organizer")
    org.close()
    c1 = tmp_path / "C1.tomar-batch"
    c1.write_bytes(pool.batches["C1"])
    kit.tomar(org.home, "campaign", "close", "--yes").ok()
    closed = kit.tomar(org.home, "import", str(c1), "--approve-device", pool.fpr("C"))
    closed.user_error("This campaign is closed")
    with vault.Vault.open(org.home, PASS) as v:
        statuses = v.conn.execute("SELECT status FROM devices").fetchall()
    assert sorted(s[0] for s in statuses) == ["enrolled", "enrolled"]  # A and B, not C
