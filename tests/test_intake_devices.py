"""Intake and devices: enrollment, held batches, approval, revocation, certificates."""

from __future__ import annotations

import pytest

from tomar.core import enroll
from tomar.core.errors import TomarError
from tomar.core.identity import OrganizerIdentity

from . import batchkit as kit

pool = kit.pool
org = kit.org


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
    (result,) = kit.run(org, pool, "D1")
    assert result.status == "imported"
    row = org.vault.conn.execute(
        "SELECT status, label FROM devices WHERE fingerprint = ?", (pool.fpr("D"),)
    ).fetchone()
    assert tuple(row) == ("enrolled", "Tablet D")


def test_foreign_certificates_are_rejected(org: kit.Org, pool: kit.Pool) -> None:
    d_cert = dict(kit.members(pool.batches["D1"]))["enrollment.cert"]
    c = pool.identities["C"]
    c1 = kit.sealed_in(pool.batches["C1"])
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
