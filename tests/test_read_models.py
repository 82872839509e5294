"""The core's read models that the faces show: devices, held batches, the signers table,
and the device's own record list; on real vaults filled by real imports."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tomar.core import batches_view, signers_view
from tomar.core.batches_view import DeviceState
from tomar.core.device import RecordKind
from tomar.core.signers_view import SignerFilter, SignerStatus

from .batchkit import enroll, export, new_device, new_organizer, sign


def test_devices_held_batches_and_hashes(tmp_path: Path) -> None:
    org = new_organizer(tmp_path / "org")
    a = new_device(tmp_path / "a", org.package)
    b = new_device(tmp_path / "b", org.package)
    enroll(a, org, label="Tablet A")
    for name in ("Sara Example", "Omid Tehrani"):
        sign(a, name)
    sign(b, "Dina Shams")
    files = {n: export(d, tmp_path / f"out-{n}").path for n, d in (("a", a), ("b", b))}
    with org.intake() as intake:
        assert intake.import_file(files["a"]).status == "imported"
        assert intake.import_file(files["b"]).status == "held"
        rows = {r.fingerprint: r for r in batches_view.device_rows(org.vault)}
        assert rows[a.identity.fingerprint].state is DeviceState.ENROLLED
        assert rows[a.identity.fingerprint].label == "Tablet A"
        assert (rows[a.identity.fingerprint].last_batch, rows[a.identity.fingerprint].records) == (
            1,
            2,
        )
        assert rows[b.identity.fingerprint].state is DeviceState.HELD
        assert rows[b.identity.fingerprint].records == 0  # held records are not counted
        held = batches_view.held_devices(org.vault)
        assert [(h.fingerprint, h.batches, h.records) for h in held] == [
            (b.identity.fingerprint, 1, 1)
        ]
        assert batches_view.device_labels(org.vault) == {a.identity.fingerprint: "Tablet A"}
        assert batches_view.received_hashes(org.vault) == {
            hashlib.sha256(p.read_bytes()).hexdigest() for p in files.values()
        }
        imported = batches_view.imported_batches(org.vault)
        assert [i.receipt_at for i in imported] == [None]
        (tmp_path / "receipts").mkdir()
        intake.write_receipts(tmp_path / "receipts")
        assert batches_view.imported_batches(org.vault)[0].receipt_at is not None
        intake.revoke_device(a.identity.fingerprint)
        states = {r.fingerprint: r.state for r in batches_view.device_rows(org.vault)}
        assert states[a.identity.fingerprint] is DeviceState.REVOKED
    for d in (a, b):
        d.vault.close()
    org.close()


def test_signers_filter_search_pages_and_detail(tmp_path: Path) -> None:
    org = new_organizer(tmp_path / "org")
    d = new_device(tmp_path / "d", org.package)
    enroll(d, org)
    first = sign(d, "Sara Example", email="sara@example.org")
    sign(d, "Sara E.", email="SARA@example.org")  # same email: a duplicate
    omid = sign(d, "Omid Tehrani", city="Boston")
    other = sign(d, "Omid Tehrani", city="Boston")  # same name and city: to review
    gone = sign(d, "Name 100% under_score")
    d.void(gone)
    with org.intake() as intake:
        assert intake.import_file(export(d, tmp_path / "out").path).status == "imported"
    vault = org.vault

    def names(kind: SignerFilter, search: str = "") -> list[str]:
        rows = signers_view.signer_rows(vault, signers_view.signer_ids(vault, kind, search))
        return [r.name for r in rows]

    assert len(names(SignerFilter.ALL)) == 5
    assert names(SignerFilter.UNIQUE) == ["Sara Example", "Omid Tehrani", "Omid Tehrani"]
    assert names(SignerFilter.DUPLICATES) == ["Sara E."]
    assert names(SignerFilter.FLAGGED) == ["Omid Tehrani", "Omid Tehrani"]
    assert names(SignerFilter.VOIDED) == ["Name 100% under_score"]
    # Search text is literal: % and _ match only themselves; email and event match too.
    assert names(SignerFilter.ALL, "100%") == ["Name 100% under_score"]
    assert names(SignerFilter.ALL, "O_i") == []  # "Omid" if _ were a wildcard
    assert names(SignerFilter.ALL, "%") == ["Name 100% under_score"]
    assert names(SignerFilter.ALL, "SARA@") == ["Sara Example", "Sara E."]
    assert len(names(SignerFilter.ALL, "  rally ")) == 5

    ids = signers_view.signer_ids(vault)
    rows = signers_view.signer_rows(vault, [ids[1], 999_999, ids[0]])
    assert [r.record_id for r in rows] == [rows[0].record_id, "", first]
    assert rows[0].status is SignerStatus.DUPLICATE and rows[0].dup_of == first
    assert rows[1] == signers_view.SignerRow.missing(999_999)
    assert rows[2].fields["city"] == "Washington" and rows[2].status is SignerStatus.UNIQUE

    detail = signers_view.signer_detail(vault, other)
    assert detail is not None and detail.fields["full_name"] == "Omid Tehrani"
    assert detail.strokes and detail.event_name == "Rally" and detail.voided_by is None
    assert [c.record_id for c in signers_view.merge_candidates(vault, detail)] == [omid]
    assert signers_view.signer_detail(vault, "no-such-record") is None
    d.vault.close()
    org.close()


def test_device_record_lines_and_batch_hashes(tmp_path: Path) -> None:
    org = new_organizer(tmp_path / "org")
    d = new_device(tmp_path / "d", org.package)
    kept = sign(d, "Sara Example")
    gone = sign(d, "Omid Tehrani")
    d.void(gone)
    exported = export(d, tmp_path / "out")
    sign(d, "Dina Shams")
    lines = d.record_lines(10)
    assert [(line.kind, line.voided, line.exported_batch) for line in lines] == [
        (RecordKind.SIGNATURE, False, None),
        (RecordKind.VOID, False, 1),
        (RecordKind.SIGNATURE, True, 1),
        (RecordKind.SIGNATURE, False, 1),
    ]
    assert {line.event for line in lines} == {"Rally"}
    assert len(d.record_lines(2)) == 2
    assert d.batch_hashes() == {1: hashlib.sha256(exported.path.read_bytes()).hexdigest()}
    assert kept not in repr(lines)  # metadata only: no record ids, nothing sealed
    d.vault.close()
    org.close()
