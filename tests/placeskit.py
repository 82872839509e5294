"""Campaigns with where signers live: the state field, the Census district file, extra
consents, and an organizer with an enrolled device for them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tomar.core.device import Device
from tomar.core.records import SignatureForm

from . import batchkit as kit
from .conftest import demo_signature

STATE_FIELD = """
[[fields]]
name = "state"
kind = "state"
required = true
label = { en = "State", fa = "ایالت" }
"""


def us_spec(spec_text: str) -> str:
    return spec_text + STATE_FIELD


CENSUS_HEAD = (
    "OID_CD118_20|GEOID_CD118_20|NAMELSAD_CD118_20|AREALAND_CD118_20|AREAWATER_CD118_20|"
    "MTFCC_CD118_20|FUNCSTAT_CD118_20|OID_ZCTA5_20|GEOID_ZCTA5_20|NAMELSAD_ZCTA5_20|"
    "AREALAND_ZCTA5_20|AREAWATER_ZCTA5_20|MTFCC_ZCTA5_20|CLASSFP_ZCTA5_20|"
    "FUNCSTAT_ZCTA5_20|AREALAND_PART|AREAWATER_PART"
)


def census_row(geoid: str, zcta: str) -> str:
    return f"1|{geoid}|Congressional District|1|0|G5200|N|2|{zcta}|ZCTA5 {zcta}|1|0|G6350|B5|S|1|0"


CONSENTS = """
[[consents]]
purpose = "contact"
[consents.text]
en = "You may contact me about this campaign."
fa = "می‌توانید دربارهٔ این کارزار با من تماس بگیرید."
ar = "يمكنكم التواصل معي بشأن هذه الحملة."

[[consents]]
purpose = "newsletter"
[consents.text]
en = "Send me the campaign's news."
fa = "خبرهای کارزار را برایم بفرستید."
ar = "أرسلوا لي أخبار الحملة."
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


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[tuple[kit.Org, Device]]:
    """An organizer whose campaign asks two extra consents, and a device it enrolled."""
    org = kit.new_organizer(tmp_path / "organizer", spec=kit.SPEC + CONSENTS)
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


CANARIES = ["Canary Closing", "کناری بسته", "Canary Removal"]


def traces(home: Path, secrets: list[str]) -> list[str]:
    """Every secret found in any file of the home, as UTF-8 or UTF-16 (either order)."""
    found = []
    for path in sorted(p for p in home.rglob("*") if p.is_file()):
        data = path.read_bytes()
        for s in secrets:
            for enc in ("utf-8", "utf-16-le", "utf-16-be"):
                if s.encode(enc) in data:
                    found.append(f"{path.name}: {s} ({enc})")
    return found
