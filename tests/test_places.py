"""Where signers live: the state and postal code fields, checked on the device."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tomar.core import places, records, vault
from tomar.core.device import Device, init_vault
from tomar.core.errors import E, FormatError, ValidationError
from tomar.core.identity import OrganizerIdentity
from tomar.core.records import SignatureForm

from .conftest import PASS, demo_signature, make_organizer
from .placeskit import CENSUS_HEAD, census_row, us_spec


@pytest.fixture
def us_org(
    tmp_path: Path, spec_text: str
) -> Iterator[tuple[vault.Vault, OrganizerIdentity, bytes]]:
    v, ident, package = make_organizer(tmp_path / "organizer", us_spec(spec_text))
    yield v, ident, package
    v.close()


@pytest.fixture
def us_device(
    tmp_path: Path, us_org: tuple[vault.Vault, OrganizerIdentity, bytes]
) -> Iterator[Device]:
    v = init_vault(tmp_path / "device", PASS)
    d = Device(v)
    d.import_campaign(us_org[2])
    d.start_event("Rally", "Washington")
    yield d
    v.close()


def us_form(**fields: str) -> SignatureForm:
    values = {"full_name": "Sara Example", "city": "Washington", **fields}
    return SignatureForm(fields=values, lang="en", consent=True, signature=demo_signature())


def test_every_state_dc_and_territory_is_listed_with_persian_and_arabic_names() -> None:
    codes = {s.code for s in places.STATES}
    assert len(codes) == 56 and {"DC", "PR", "GU", "VI", "AS", "MP", "CA", "WY"} <= codes
    for s in places.STATES:
        assert places.state_name(s.code, "fa") != s.name  # a Persian name for each
        assert places.state_code(places.state_name(s.code, "fa")) == s.code
        assert places.state_name(s.code, "ar") != s.name  # and an Arabic one
        assert places.state_code(places.state_name(s.code, "ar")) == s.code
        assert places.state_code(s.name.upper()) == s.code
    assert places.state_code("washington d.c.") == "DC"
    assert places.state_code("Atlantis") is None


def test_state_and_zip_are_validated_and_normalized(us_device: Device) -> None:
    campaign = us_device.require_campaign()
    fields = records.validate(campaign, us_form(state="california", postal_code="۹۴۱۰۳ ۱۲۳۴"))
    assert fields["state"] == "CA" and fields["postal_code"] == "94103-1234"
    with pytest.raises(ValidationError) as err:
        records.validate(campaign, us_form(state="Atlantis", postal_code="9410"))
    assert err.value.problems == {
        "state": E.VALIDATION_BAD_STATE,
        "postal_code": E.VALIDATION_BAD_ZIP,
    }
    with pytest.raises(ValidationError) as err:
        records.validate(campaign, us_form(state="CA", postal_code="00000"))
    assert err.value.problems == {"postal_code": E.VALIDATION_UNKNOWN_ZIP}
    with pytest.raises(ValidationError) as err:
        records.validate(campaign, us_form(postal_code="94103"))
    assert err.value.problems == {"state": E.VALIDATION_REQUIRED}


def test_postal_codes_of_other_countries_are_checked_by_shape(us_device: Device) -> None:
    campaign = us_device.require_campaign()
    fields = records.validate(
        campaign, us_form(state="NY", country="Canada", postal_code="k1a 0b1")
    )
    assert fields["postal_code"] == "K1A 0B1"
    with pytest.raises(ValidationError) as err:
        records.validate(campaign, us_form(state="NY", country="Germany", postal_code="#?!"))
    assert err.value.problems == {"postal_code": E.VALIDATION_BAD_POSTAL_CODE}


def test_a_zip_in_another_state_is_flagged_never_refused(us_device: Device) -> None:
    campaign = us_device.require_campaign()
    form = us_form(state="NY", postal_code="94103")
    fields = records.validate(campaign, form)
    assert records.warnings(campaign, fields) == {"postal_code": E.VALIDATION_ZIP_STATE_MISMATCH}
    assert records.warnings(campaign, {**fields, "state": "CA"}) == {}
    saved = us_device.save(form)  # saved all the same
    assert saved.record_id


def test_census_relationship_file_is_read_by_its_column_names() -> None:
    data = "\n".join(
        [
            CENSUS_HEAD,
            census_row("0611", "94103"),
            census_row("0611", "94107"),
            census_row("0615", "94107"),  # a ZIP spanning two districts
            census_row("5600", "82001"),  # Wyoming at large
            census_row("1198", "20500"),  # DC's delegate
            census_row("06ZZ", "94103"),  # water: no district
            "1|0612|x|1|0|G5200|N||||||||||",  # no ZCTA
        ]
    ).encode()
    pairs = places.parse_district_table(data)
    assert pairs == [
        ("20500", "DC-AL"), ("82001", "WY-AL"), ("94103", "CA-11"),
        ("94107", "CA-11"), ("94107", "CA-15"),
    ]  # fmt: skip
    table: dict[str, list[str]] = {}
    for z, d in pairs:
        table.setdefault(z, []).append(d)
    assert places.resolve_district("94103-1234", None, table) == "CA-11"
    assert places.resolve_district("94107", None, table) == places.SPLIT
    assert places.resolve_district("94107", "CA-15", table) == "CA-15"
    assert places.resolve_district("10001", None, table) == ""
    with pytest.raises(FormatError):
        places.parse_district_table(b"zip,district\n94103,CA-11\n")


def test_deletion_date_keys_are_checked(tmp_path: Path, spec_text: str) -> None:
    from tomar.core import campaign as campaign_mod
    from tomar.core.errors import CampaignError

    # top-level keys must precede the first table: they go at the start
    ok = "delete_by = 2027-06-30\ndelete_after_days = 90\n" + spec_text
    v, _, package = make_organizer(tmp_path / "o", ok)
    v.close()
    c = campaign_mod.read_package(package)
    assert (c.delete_by, c.delete_after_days) == ("2027-06-30", 90)
    for bad in ('delete_by = "soon"\n', "delete_after_days = 0\n", "delete_after_days = true\n"):
        with pytest.raises(CampaignError, match="delete_"):
            make_organizer(tmp_path / f"bad{len(bad)}", bad + spec_text)
