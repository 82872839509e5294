"""Delivery that counts, on the organizer's side: states, districts, extra consents."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from tomar.core import organizer, records
from tomar.core.campaign import read_package
from tomar.core.device import Device, init_vault
from tomar.core.errors import CampaignError, TomarError
from tomar.core.records import SignatureForm

from . import batchkit as kit
from .conftest import BACKUP_PASS, PASS, demo_signature
from .test_places import CENSUS_HEAD, STATE_FIELD, census_row

CONSENTS = """
[[consents]]
purpose = "contact"
[consents.text]
en = "You may contact me about this campaign."
fa = "می‌توانید دربارهٔ این کارزار با من تماس بگیرید."

[[consents]]
purpose = "newsletter"
text = { en = "Send me the campaign's news.", fa = "خبرهای کارزار را برایم بفرستید." }
"""
CENSUS = "\n".join(
    [
        CENSUS_HEAD,
        census_row("0611", "94103"),
        census_row("0611", "94107"),
        census_row("0615", "94107"),  # 94107 spans two districts
        census_row("3612", "10001"),
        census_row("1198", "20500"),
    ]
).encode()


def organizer_with(home: Path, spec: str) -> kit.Org:
    v = init_vault(home, PASS)
    ident = organizer.init(v, "Test Organizer", "x25519")
    organizer.backup(v, home.parent / f"{home.name}-backup.age", BACKUP_PASS)
    _, package = organizer.create_campaign(v, spec, without_shares=True)
    return kit.Org(home, v, ident, package)


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[tuple[kit.Org, Device]]:
    org = organizer_with(tmp_path / "organizer", kit.SPEC + CONSENTS)
    device = kit.new_device(tmp_path / "device", org.package)
    kit.enroll(device, org)
    yield org, device
    device.vault.close()
    org.close()


def save(device: Device, name: str, zip_code: str | None, *consents: str, **more: str) -> str:
    fields = {"full_name": name, "city": "Somewhere", **more}
    if zip_code is not None:
        fields["postal_code"] = zip_code
    form = SignatureForm(
        fields=fields,
        lang="en",
        consent=True,
        signature=demo_signature(),
        consents=frozenset(consents),
    )
    return device.save(form).record_id


def test_consents_are_optional_never_preselected_and_sealed(
    setup: tuple[kit.Org, Device],
) -> None:
    org, device = setup
    campaign = device.require_campaign()
    assert [c.purpose for c in campaign.consents] == ["contact", "newsletter"]
    rid = save(device, "Canary One", None, "contact")
    save(device, "Canary Two", None)
    sealed = kit.sealed_of(device)[rid]
    record = records.open_sealed(sealed, [org.ident.age])
    assert record["consents"] == [
        {"purpose": "contact", "given": True, "text_sha256": campaign.consents[0].sha256("en")},
        {"purpose": "newsletter", "given": False, "text_sha256": campaign.consents[1].sha256("en")},
    ]
    with pytest.raises(Exception) as err:
        save(device, "Canary Three", None, "sell_my_data")
    assert getattr(err.value, "problems", {}) == {"consents": "unknown_consent"}


def test_a_preselected_consent_is_refused_in_the_spec(tmp_path: Path) -> None:
    spec = kit.SPEC + CONSENTS.replace('purpose = "contact"', 'purpose = "contact"\ndefault = true')
    with pytest.raises(CampaignError, match="never preselected"):
        organizer_with(tmp_path / "o", spec)


def test_states_from_zip_districts_and_consent_counts(
    setup: tuple[kit.Org, Device], tmp_path: Path
) -> None:
    org, device = setup
    save(device, "Canary Mission", "94103", "contact")  # CA-11
    split = save(device, "Canary Split", "94107", "contact", "newsletter")  # CA-11 or CA-15
    save(device, "Canary Chelsea", "10001")  # NY-12
    save(device, "Canary House", "20500-0003", "newsletter")  # DC
    save(device, "Canary Toronto", "M5V 2T6", country="Canada")  # not a US ZIP
    save(device, "Canary Nowhere", None)
    exported = kit.export(device, tmp_path / "out")
    with org.intake() as intake:
        assert intake.import_file(exported.path).ok
        stats = intake.stats()
        assert [(b["key"], b["unique"]) for b in stats["by_state"]] == [
            ("CA", 2), ("DC", 1), ("NY", 1),
        ]  # fmt: skip
        assert stats["by_district"] == []  # no table yet
        assert [(b["key"], b["unique"]) for b in stats["by_consent"]] == [
            ("contact", 2), ("newsletter", 2),
        ]  # fmt: skip
        assert intake.load_districts(CENSUS) == 4
        districts = {b["key"]: b["unique"] for b in intake.stats()["by_district"]}
        assert districts == {"CA-11": 1, "split": 1, "NY-12": 1, "DC-AL": 1}
        with pytest.raises(TomarError, match="does not lie"):
            intake.choose_district(split, "NY-12")
        intake.choose_district(split, "CA-15")
        districts = {b["key"]: b["unique"] for b in intake.stats()["by_district"]}
        assert districts == {"CA-11": 1, "CA-15": 1, "NY-12": 1, "DC-AL": 1}
        by_id = {s["record_id"]: s for s in intake.unique_signers()}
        assert by_id[split]["district"] == "CA-15" and by_id[split]["state"] == "CA"

        out = tmp_path / "contacts.csv"
        assert intake.export_csv(out, consent="contact") == 2
        rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
        assert {r["full_name"] for r in rows} == {"Canary Mission", "Canary Split"}
        assert {r["contact"] for r in rows} == {"yes"}
        assert {r["district"] for r in rows} == {"CA-11", "CA-15"}
        with pytest.raises(TomarError, match="no extra consent"):
            intake.export_csv(out, consent="sell_my_data")
    audit = org.vault.conn.execute("SELECT detail FROM audit").fetchall()
    assert not any("Canary" in str(a[0]) for a in audit)


def test_the_chosen_state_wins_over_the_zip(tmp_path: Path) -> None:
    org = organizer_with(tmp_path / "organizer", kit.SPEC + STATE_FIELD)
    device = kit.new_device(tmp_path / "device", org.package)
    kit.enroll(device, org)
    assert read_package(org.package).consents == []
    save(device, "Canary Commuter", "10001", state="NJ")  # works in NY, lives in NJ
    exported = kit.export(device, tmp_path / "out")
    with org.intake() as intake:
        assert intake.import_file(exported.path).ok
        assert [b["key"] for b in intake.stats()["by_state"]] == ["NJ"]
    device.vault.close()
    org.close()
