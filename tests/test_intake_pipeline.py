"""Intake's pipeline: reading ahead while storing, and small batches in one commit."""

from __future__ import annotations

import base64
import os
from pathlib import Path
from typing import Any

import pytest

from tomar.core.vault import Vault

from . import batchkit as kit
from .conftest import PASS

pool = kit.pool
org = kit.org


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
                ahead = intake.importer.opener.ahead
                ahead_seen.append(None if ahead is None else ahead.path)

        results = intake.import_files(order, progress)
        assert intake.importer.opener.ahead is None  # nothing opened ahead is left over
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
    joined, import_file = intake.vault.joined, intake.importer.import_file

    def counting_joined() -> Any:
        seen["groups"] += 1
        return joined()

    def counting_import(*args: Any, **kwargs: Any) -> Any:
        seen["imports"] += 1
        return import_file(*args, **kwargs)

    monkeypatch.setattr(intake.vault, "joined", counting_joined)
    monkeypatch.setattr(intake.importer, "import_file", counting_import)
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
    assert kit.signer_rows(grouped) == kit.signer_rows(alone)
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


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_the_decrypting_processes_give_way_to_the_app(pool: kit.Pool, tmp_path: Path) -> None:
    """The pool's processes run nicer than the app's, so its window keeps a core."""
    from tomar.core import workers
    from tomar.core.intake import PARALLEL_MIN, Intake

    from .prockit import pool_nice

    dev = kit.new_device(tmp_path / "device", pool.package)
    files = []
    for b in range(2):
        for i in range(PARALLEL_MIN + 5):
            kit.sign(dev, f"Nice {b} {i}")
        files.append(kit.export(dev, tmp_path / "out").path)
    org = pool.fresh(tmp_path / "org")
    seen: list[list[int]] = []
    mine = os.nice(0)
    with org.intake() as intake:
        intake.enroll(dev.enrollment_request("Nice tablet"))
    with Intake(org.vault, workers=2) as intake:
        results = intake.import_files(files, done=lambda _: seen.append(pool_nice()))
    assert [r.status for r in results] == ["imported", "imported"]
    assert seen[0] and all(n == mine + workers.NICER_BY for n in seen[0]), (seen, mine)
    assert os.nice(0) == mine  # the app's own process is as it was
    org.close()
