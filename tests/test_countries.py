"""Countries in the statistics: one key per country, however it was written or derived."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tomar.core import countries
from tomar.core.country_names import CLDR_SOURCE
from tomar.core.country_names import NAMES as CLDR_NAMES
from tomar.core.records import SignatureForm

from . import batchkit as kit
from .conftest import demo_signature


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("USA", "US"),
        ("united states", "US"),
        ("U.S.A.", "US"),
        (" America ", "US"),
        ("us", "US"),
        ("آمریکا", "US"),
        ("ايالات متحده", "US"),  # Arabic yeh
        ("ایالات متحدهٔ آمریکا", "US"),
        ("Iran", "IR"),
        ("ایران", "IR"),
        ("UK", "GB"),
        ("England", "GB"),
        ("انگلیس", "GB"),
        ("Deutschland", "DE"),
        ("آلمان", "DE"),
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("Holland", "NL"),
        ("Sverige", "SE"),
        ("کانادا", "CA"),
        ("Canada", "CA"),
    ],
)
def test_typed_names_become_one_code(typed: str, code: str) -> None:
    assert countries.code_for(typed) == code
    assert countries.key_for(typed) == code


def test_unknown_text_is_kept_as_its_matching_key() -> None:
    assert countries.code_for("Atlantis") is None
    assert countries.key_for("  ATLANTIS ") == "atlantis"
    assert countries.key_for("x" * 100) == "x" * 60


def test_names_for_readers() -> None:
    assert countries.name("US", "en") == "United States"
    assert countries.name("US", "fa") == "ایالات متحده"
    assert countries.name("IR", "fa") == "ایران"
    assert countries.name("ZW", "fa") == "زیمبابوه"  # no hand-written name: the CLDR one
    assert countries.name("atlantis", "fa") == "atlantis"
    assert countries.name("", "en") == ""
    # Keys stored before countries became codes are shown, and counted, as their code.
    assert countries.canonical("united states") == "US"
    assert countries.name("united states", "fa") == "ایالات متحده"


def test_every_persian_name_reads_back_as_its_code() -> None:
    for code, name in countries.FA_NAMES.items():
        assert countries.code_for(name) == code, name
        assert countries.is_code(code)


@given(st.text(max_size=40))
def test_any_text_gives_a_key_and_a_name(text: str) -> None:
    key = countries.key_for(text)
    assert key == countries.canonical(key)  # stored keys are already canonical
    assert isinstance(countries.name(key, "fa"), str)


def test_typed_and_phone_countries_are_counted_together(tmp_path: Path) -> None:
    org = kit.new_organizer(tmp_path / "org")
    dev = kit.new_device(tmp_path / "dev", org.package)
    kit.enroll(dev, org)
    people = [
        {"country": "USA"},
        {"country": "United States"},
        {"country": "آمریکا"},
        {"phone": "+1 202 555 0143"},  # no country typed: the phone's region
        {"country": "Deutschland", "phone": "+1 202 555 0188"},  # typed wins
        {"country": "Atlantis"},
        {},
    ]
    for i, extra in enumerate(people):
        fields = {"full_name": f"Person {i}", "city": "Washington", **extra}
        dev.save(SignatureForm(fields=fields, lang="en", consent=True, signature=demo_signature()))
    path = kit.export(dev, tmp_path / "out").path
    with org.intake() as intake:
        assert intake.import_file(path).status == "imported"
        by_country = {r["key"]: r["received"] for r in intake.stats()["by_country"]}
        assert by_country == {"": 1, "DE": 1, "US": 4, "atlantis": 1}
        # A vault written before typed countries became codes holds matching keys.
        with org.vault.transaction() as conn:
            conn.execute(
                "UPDATE signers SET country = 'united states' WHERE country = 'US' "
                "AND name = 'Person 0'"
            )
        assert {r["key"]: r["received"] for r in intake.stats()["by_country"]} == by_country
    dev.vault.close()
    org.close()
    lines = kit.tomar(org.home, "stats").ok().lines
    assert "  Country US (United States): 4 unique of 4" in lines
    assert "  Country atlantis: 1 unique of 1" in lines


def test_arabic_and_persian_names_from_the_cldr() -> None:
    """Issue 19: the Arabic interface names countries in Arabic, Persian in Persian."""
    assert countries.name("DE", "ar") == "ألمانيا"
    assert countries.name("DE", "fa") == "آلمان"
    assert countries.name("IR", "ar") == "إيران"
    assert countries.name("US", "ar") == "الولايات المتحدة"
    assert countries.name("DE", "en") == "Germany"
    # ... and a signer who types a country in Arabic is counted under its code.
    assert countries.key_for("ألمانيا") == "DE"
    assert countries.key_for("المانيا") == "DE"  # without the hamza, as often typed
    readable = [c for c in CLDR_NAMES["ar"] if countries.code_for(CLDR_NAMES["ar"][c]) == c]
    assert len(readable) > 0.95 * len(CLDR_NAMES["ar"])


def test_the_generated_table_is_what_the_cldr_says() -> None:
    """country_names.py is Babel's CLDR data, regenerated by scripts/country_names.py."""
    babel = pytest.importorskip("babel")
    from babel import Locale

    assert f"Babel {babel.__version__}" == CLDR_SOURCE
    for lang, names in CLDR_NAMES.items():
        cldr = Locale.parse(lang).territories
        assert names == {code: str(cldr[code]) for code in names}
        assert len(names) > 240
