"""The whole journey: three devices at two rallies, duplicates, a void, batches imported in
shuffled order, receipts, purge, and the counts the organizer delivers."""

from __future__ import annotations

import json
import random
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tomar.core import batch
from tomar.core.device import Device

from . import batchkit as kit
from .conftest import PASS

pool = kit.pool


def test_three_devices_two_rallies(pool: kit.Pool, tmp_path: Path) -> None:
    org = pool.fresh(tmp_path / "organizer")
    out = tmp_path / "sync-folder"
    a = kit.new_device(tmp_path / "a", org.package, "Rally DC", "Washington")
    b = kit.new_device(tmp_path / "b", org.package, "Rally DC", "Washington")
    c = kit.new_device(tmp_path / "c", org.package, "Rally DC", "Washington")
    kit.enroll(a, org, "Tablet A")
    kit.enroll(b, org, "Tablet B")  # C is never enrolled: its batches wait for approval

    # Rally 1.
    kit.sign(a, "Sara Example", email="sara@example.org")
    kit.sign(a, "Ali Karimi", phone="(202) 555-0143")
    kit.sign(a, "Mohammad Rezaei")
    nina = kit.sign(a, "Nina Park")
    kit.sign(b, "Sara Example", email="SARA@Example.org")  # the same Sara, on another device
    kit.sign(b, "Kian Bright")
    kit.sign(b, "Leila Moradi", phone="+1 415 555 0100")
    kit.sign(c, "Ali Karimi", phone="202.555.0143")  # the same Ali
    kit.sign(c, "محمد رضایی", lang="fa")  # likely Mohammad Rezaei: flagged, not merged
    files = [kit.export(d, out).path for d in (a, b, c)]

    # Rally 2.
    for d in (a, b, c):
        d.start_event("Rally LA", "Los Angeles")
    kit.sign(a, "Omid Tehrani")
    a.void(nina)  # Nina asked to be removed
    kit.sign(b, "Leila Moradi", phone="(415) 555-0100")  # signed again
    kit.sign(b, "Zed Quinn", email="zed@example.org")
    kit.sign(c, "Yara Brook")
    kit.sign(c, "Zed Quinn", email="ZED@example.org")
    files += [kit.export(d, out).path for d in (a, b, c)]
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in files)

    random.Random(1979).shuffle(files)
    with org.intake() as intake:
        results = [intake.import_file(p) for p in files]
        held = [r for r in results if r.status == "held"]
        assert {r.status for r in results} == {"imported", "held"}
        assert {r.device for r in held} == {c.identity.fingerprint} and len(held) == 2
        approved = intake.approve_device(c.identity.fingerprint)
        assert sorted(r.number for r in approved) == [1, 2]
        assert {r.status for r in approved} == {"imported"}
        stats: Mapping[str, Any] = intake.stats()
        csv_rows = intake.export_csv(tmp_path / "signers.csv")

    assert {k: stats[k] for k in (*kit.COUNTS, "batches", "gaps")} == {
        "received": 14,
        "unique": 9,  # Sara, Ali, Mohammad (x2 spellings), Kian, Leila, Omid, Zed, Yara
        "duplicates": 4,  # Sara, Ali, Leila and Zed each signed twice
        "flagged": 2,  # the two spellings of Mohammad Rezaei
        "voided": 1,  # Nina
        "held": 0,
        "held_batches": 0,
        "batches": 6,
        "gaps": {},
    }
    assert csv_rows == 9
    assert stats["by_event"] == [
        {"key": "Rally DC", "received": 9, "unique": 6},
        {"key": "Rally LA", "received": 5, "unique": 3},
    ]
    by_device = {row["key"]: (row["received"], row["unique"]) for row in stats["by_device"]}
    assert by_device == {
        a.identity.fingerprint: (5, 4),  # Nina is voided
        b.identity.fingerprint: (5, 3),  # its Sara is A's duplicate, its second Leila its own
        c.identity.fingerprint: (4, 2),  # Persian Mohammad and Yara are new
    }

    # Receipts go back; each device forgets exactly what was receipted.
    receipts_dir = tmp_path / "receipts"
    receipts_dir.mkdir()
    with org.intake() as intake:
        written = intake.write_receipts(receipts_dir)
        assert intake.write_receipts(receipts_dir) == []  # each batch once
    assert len(written) == 6
    purged = {}
    for name, d in (("a", a), ("b", b), ("c", c)):
        prefix = batch.file_name(d.identity.public, 1)[: -len("00001.tomar-batch")]
        mine = sorted(p for p in written if p.name.startswith(prefix))
        assert [d.import_receipt(p.read_bytes())["batch"] for p in mine] == [1, 2]
        assert d.pending_batches() == []
        purged[name] = d.purge(PASS)
        counts = d.counts()
        assert (counts["total"], counts["pending_export"], counts["purged"]) == (
            0,
            0,
            purged[name],
        )
    assert purged == {"a": 6, "b": 5, "c": 4}

    # Life goes on after the purge: the next batch continues the chain.
    kit.sign(a, "Late Signer")
    late = kit.export(a, out)
    assert kit.manifest_of(late.path.read_bytes())["records"][0]["seq"] == 7
    with org.intake() as intake:
        assert intake.import_file(late.path).status == "imported"
        final = kit.counts(intake)
        assert intake.gaps() == {}
    assert (final["received"], final["unique"], final["batches"]) == (15, 10, 7)
    for d in (a, b, c):
        d.vault.close()
    org.close()


def _device(org: kit.Org, home: Path, *, enrolled: bool) -> Device:
    d = kit.new_device(home, org.package)
    if enrolled:
        kit.enroll(d, org)
    return d


def test_the_command_line_journey(pool: kit.Pool, tmp_path: Path) -> None:
    org = pool.fresh(tmp_path / "organizer")
    one = _device(org, tmp_path / "one", enrolled=True)
    two = _device(org, tmp_path / "two", enrolled=False)
    kit.sign(one, "Sara Example", email="sara@example.org")
    kit.sign(one, "Ali Karimi")
    kit.sign(two, "Sara Example", email="Sara@Example.org")
    for v in (one.vault, two.vault, org.vault):
        v.close()
    stick = tmp_path / "stick"
    stick.mkdir()

    exported = kit.tomar(one.vault.home, "export", "--out", str(stick)).ok()
    assert exported.lines[0] == "Batch 1 with 2 records written."
    path_one = Path(exported.lines[1])
    path_two = Path(kit.tomar(two.vault.home, "export", "--out", str(stick)).ok().lines[1])

    verified = kit.tomar(org.home, "verify", str(path_one), str(path_two)).ok()
    assert "carries an enrollment certificate" in verified.lines[0]
    assert "carries" not in verified.lines[1]

    imported = kit.tomar(org.home, "import", str(path_one), str(path_two)).ok()
    assert ": imported [device " in imported.lines[0]
    assert ": held [device " in imported.lines[1]
    fpr = two.identity.fingerprint
    kit.tomar(org.home, "import", "--approve-device", fpr).ok()
    stats = json.loads(kit.tomar(org.home, "stats", "--json").ok().out)
    assert (stats["received"], stats["unique"], stats["duplicates"]) == (3, 2, 1)

    receipts_dir = tmp_path / "receipts"
    receipts_dir.mkdir()
    assert kit.tomar(org.home, "receipt", "--out", str(receipts_dir)).ok().lines[-1] == (
        "2 receipts written."
    )
    assert kit.tomar(org.home, "receipt", "--out", str(receipts_dir)).ok().lines == [
        "0 receipts written."
    ]
    receipt_one = receipts_dir / f"{path_one.name[: -len(batch.SUFFIX)]}.tomar-receipt"
    receipt_two = receipts_dir / f"{path_two.name[: -len(batch.SUFFIX)]}.tomar-receipt"
    assert sorted(receipts_dir.iterdir()) == sorted([receipt_one, receipt_two])

    tampered = tmp_path / "tampered.tomar-receipt"
    doc = json.loads(receipt_one.read_bytes())
    doc["receipt"]["accepted"] = doc["receipt"]["accepted"][:1]
    tampered.write_text(json.dumps(doc))
    kit.tomar(one.vault.home, "receipt-import", str(tampered)).user_error(
        "not signed by the expected key"
    )
    kit.tomar(one.vault.home, "receipt-import", str(receipt_two)).user_error("another device")

    applied = kit.tomar(one.vault.home, "receipt-import", str(receipt_one)).ok()
    assert applied.lines == ["Receipt for batch 1: 2 records accepted, 0 rejected."]
    purge = kit.tomar(one.vault.home, "purge").ok()
    assert "Purged 2 records" in purge.out
    counts = json.loads(kit.tomar(one.vault.home, "count", "--json").ok().out)
    assert (counts["total"], counts["awaiting_receipt"], counts["purged"]) == (0, 0, 2)
