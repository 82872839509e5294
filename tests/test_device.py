"""The save path: validate, sign, seal, store durably; nothing readable stays on the device."""

from __future__ import annotations

from pathlib import Path

import pytest

from tomar.core import age, organizer, records, strokes, vault
from tomar.core.campaign import canonical_json
from tomar.core.device import Device, init_vault
from tomar.core.errors import AgeNoMatch, E, FormatError, NoEvent, RecordNotFound, ValidationError
from tomar.core.identity import OrganizerIdentity
from tomar.core.records import SignatureForm

from .conftest import PASS, demo_signature, form


def sealed_rows(d: Device) -> list[tuple[str, bytes]]:
    rows = d.vault.conn.execute("SELECT record_id, sealed FROM records ORDER BY seq").fetchall()
    return [(r[0], bytes(r[1])) for r in rows]


def test_saved_record_is_sealed_signed_and_complete(
    device: Device, org: tuple[vault.Vault, OrganizerIdentity, bytes]
) -> None:
    saved = device.save(form("  Sara   Example ", email="Sara@Example.ORG", phone="(202) 555-0143"))
    ((rid, sealed),) = sealed_rows(device)
    assert rid == saved.record_id
    assert sealed.startswith(b"age-encryption.org/v1\n")
    record = records.open_sealed(sealed, [org[1].age])
    campaign = device.require_campaign()
    assert record["id"] == saved.record_id
    assert record["campaign"] == campaign.id
    assert record["organizer"] == campaign.organizer_fpr.hex()
    assert record["device"] == device.identity.public_b64
    assert record["seq"] == saved.seq == 1
    assert record["event"]["name"] == "Rally"
    assert record["fields"] == {
        "full_name": "Sara Example",
        "email": "sara@example.org",
        "phone": "+12025550143",
        "city": "Washington",
    }
    assert record["consent"]["text_sha256"] == campaign.consent_sha256("en")
    decoded = strokes.decode(__import__("base64").b64decode(record["strokes"]))
    assert strokes.ink_length(decoded) == pytest.approx(strokes.ink_length(demo_signature()), 1e-3)


def test_device_cannot_read_its_own_records(device: Device) -> None:
    device.save(form())
    ((_, sealed),) = sealed_rows(device)
    with pytest.raises(AgeNoMatch):
        age.decrypt(sealed, [age.X25519Identity.generate()])


def test_tampered_record_fails_the_device_signature(
    device: Device, org: tuple[vault.Vault, OrganizerIdentity, bytes]
) -> None:
    device.save(form())
    ((_, sealed),) = sealed_rows(device)
    record = records.open_sealed(sealed, [org[1].age])
    record["fields"]["full_name"] = "Someone Else"
    forged = age.encrypt(
        canonical_json({"record": record, "sig": "A" * 88}),
        [age.parse_recipient(device.require_campaign().recipient)],
    )
    with pytest.raises(FormatError, match="signature"):
        records.open_sealed(forged, [org[1].age])


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"fields": {"city": "X"}}, {"full_name": E.VALIDATION_REQUIRED}),
        ({"consent": False}, {"consent": E.VALIDATION_CONSENT_REQUIRED}),
        ({"signature": None}, {"signature": E.VALIDATION_SIGNATURE_REQUIRED}),
        (
            {"fields": {"full_name": "A", "city": "B", "email": "not-an-email"}},
            {"email": E.VALIDATION_EMAIL_INVALID},
        ),
        (
            {"fields": {"full_name": "A", "city": "B", "phone": "12"}},
            {"phone": E.VALIDATION_PHONE_INVALID},
        ),
        (
            {"fields": {"full_name": "A", "city": "B", "shoe": "42"}},
            {"shoe": E.VALIDATION_UNKNOWN_FIELD},
        ),
        ({"lang": "de"}, {"lang": E.VALIDATION_BAD_LANGUAGE}),
    ],
)
def test_invalid_forms_are_refused_and_nothing_is_stored(
    device: Device, change: dict[str, object], problem: dict[str, str]
) -> None:
    f = form()
    for key, value in change.items():
        setattr(f, key, value)
    with pytest.raises(ValidationError) as info:
        device.save(f)
    assert info.value.problems == problem
    assert sealed_rows(device) == []


def test_a_dot_is_not_a_signature(device: Device) -> None:
    dot = strokes.Signature(aspect=3.0, strokes=((strokes.Point(0.5, 0.5, 0, 0.5),),))
    f = form()
    f.signature = dot
    with pytest.raises(ValidationError) as info:
        device.save(f)
    assert info.value.problems == {"signature": E.VALIDATION_SIGNATURE_TOO_SMALL}


def test_error_messages_never_quote_signer_input(device: Device) -> None:
    with pytest.raises(ValidationError) as info:
        device.save(form("CanaryName", email="CanaryMail"))
    assert "Canary" not in str(info.value)


def test_persian_form_normalized(device: Device) -> None:
    f = SignatureForm(
        fields={"full_name": "علي  رضايي", "city": "لس آنجلس", "phone": "+۹۸ ۹۱۲ ۳۴۵ ۶۷۸۹"},
        lang="fa",
        consent=True,
        signature=demo_signature(),
    )
    saved = device.save(f)
    assert saved.seq == 1
    # Arabic yeh/kaf typed on an Arabic keyboard count as the same signer.
    assert device.maybe_duplicate({"full_name": "علی رضایی", "city": "لس آنجلس"})


def test_duplicate_hint(device: Device) -> None:
    assert not device.save(form(email="a@example.org")).maybe_duplicate
    assert device.save(form("Other Person", email="A@example.org")).maybe_duplicate
    assert not device.save(form("Third Person", email="c@example.org")).maybe_duplicate


def test_sequence_numbers_and_counts(device: Device) -> None:
    ids = [device.save(form(f"Person {i}")).record_id for i in range(3)]
    assert [r[0] for r in sealed_rows(device)] == ids
    void_id = device.void(ids[1])
    counts = device.counts()
    assert counts["total"] == 2
    assert counts["voided"] == 1
    assert counts["pending_export"] == 4
    assert counts["current_event"] == 2
    seqs = [r[0] for r in device.vault.conn.execute("SELECT seq FROM records ORDER BY seq")]
    assert seqs == [1, 2, 3, 4]
    kind = device.vault.conn.execute(
        "SELECT kind FROM records WHERE record_id = ?", (void_id,)
    ).fetchone()[0]
    assert kind == "void"
    with pytest.raises(RecordNotFound):
        device.void(ids[1])
    with pytest.raises(RecordNotFound):
        device.void("nope")


def test_void_is_a_signed_sealed_record(
    device: Device, org: tuple[vault.Vault, OrganizerIdentity, bytes]
) -> None:
    rid = device.save(form()).record_id
    device.void(rid)
    sealed = sealed_rows(device)[-1][1]
    record = records.open_sealed(sealed, [org[1].age])
    assert record["type"] == "void"
    assert record["target"] == rid


def test_paper_rows(device: Device) -> None:
    f = form()
    f.signature, f.source, f.paper = None, "paper", ("SHEET-0001", 3)
    device.save(f)
    assert device.counts()["paper"] == 1
    f.paper = ("bad serial!", 3)
    with pytest.raises(ValidationError):
        device.save(f)


def test_no_event_no_kiosk_signature(
    tmp_path: Path, org: tuple[vault.Vault, OrganizerIdentity, bytes]
) -> None:
    with init_vault(tmp_path / "d", PASS) as v:
        d = Device(v)
        d.import_campaign(org[2])
        with pytest.raises(NoEvent):
            d.save(form())
        d.start_event("Rally")
        d.end_event()
        assert d.current_event() is None


def test_hybrid_campaign_seals_to_post_quantum_recipient(tmp_path: Path, spec_text: str) -> None:
    v = init_vault(tmp_path / "o", PASS)
    ident = organizer.init(v, "PQ Organizer")  # hybrid is the default
    assert ident.recipient.startswith("age1pq1")
    organizer.backup(v, tmp_path / "b.age", "backup passphrase")
    _, package = organizer.create_campaign(v, spec_text, without_shares=True)
    with init_vault(tmp_path / "d", PASS) as dv:
        d = Device(dv)
        d.import_campaign(package)
        d.start_event("Rally")
        d.save(form())
        sealed = sealed_rows(d)[0][1]
    assert b"mlkem768x25519" in sealed.split(b"\n---", 1)[0]
    assert records.open_sealed(sealed, [ident.age])["seq"] == 1
    v.close()


def test_paper_rows_are_checked_against_printed_sheets(device: Device) -> None:
    f = form()
    f.signature, f.source, f.paper = None, "paper", ("ANY-SHEET", 3)
    device.save(f)  # no sheets printed on this device: any serial is accepted
    with pytest.raises(ValidationError) as taken:
        device.save(f)
    assert taken.value.problems == {"paper": E.VALIDATION_PAPER_ROW_TAKEN}
    with device.vault.transaction() as conn:
        conn.execute(
            "INSERT INTO paper_sheets(serial, created_at, lang, rows) "
            "VALUES ('P-0001', 't', 'en', 10)"
        )
    for paper in (("OTHER-1", 1), ("P-0001", 11)):
        f.paper = paper
        with pytest.raises(ValidationError) as unknown:
            device.save(f)
        assert unknown.value.problems == {"paper": E.VALIDATION_PAPER_UNKNOWN_SHEET}
    f.paper = ("P-0001", 10)
    device.save(f)
    assert device.counts()["paper"] == 2


def test_event_names_are_cleaned_as_signers_fields_are(device: Device) -> None:
    """An event name travels in every record: no line breaks, bidi or control characters."""
    device.start_event("Rally\nDevice: 11111\u202e\x1b", "  Washington\tDC ")
    assert device.current_event() == {
        "id": device.current_event()["id"],  # type: ignore[index]
        "name": "Rally Device: 11111",
        "place": "Washington DC",
    }
    with pytest.raises(NoEvent):
        device.start_event("\u3164\u202e\n")
