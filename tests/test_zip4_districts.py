"""ZIP+4 districts: a ZIP that spans districts gets its district from the signer's ZIP+4
once the organizer loads a ZIP+4 range table (docs/CAMPAIGN.md, "Congressional
districts"), in the counts and in the packets per district."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tomar.core import places
from tomar.core.device import Device
from tomar.core.errors import FormatError
from tomar.core.sheets import packets

from . import batchkit as kit
from .conftest import PASS
from .placeskit import CENSUS, save

#: A ZIP+4 table as the docs describe it: one row per range of +4 add-ons, both ends
#: included. 94107 spans CA-11 and CA-15 in the Census file; 10001 lies in NY-12 alone.
ZIP4_CSV = b"""\xef\xbb\xbfZIP,PLUS4_LOW,PLUS4_HIGH,STATE,CD
94107,0001,0999,CA,11
94107,1000,1999,CA,15
94107,2000,2099,CA,11
94107,2050,2060,CA,15
10001,0000,9999,NY,10
94107,10,20,CA,11
,0001,0002,CA,11
94107,0001,0002,ZZ,11
"""
#: The same ranges with a DISTRICT column, pipe-delimited, columns in another order.
ZIP4_PIPES = b"""district|plus4_high|zip|plus4_low
CA-11|0999|94107|0001
CA-15|1999|94107|1000
0611|2099|94107|2000
"""


def test_zip4_tables_are_read_by_their_column_names() -> None:
    assert places.is_zip4_table(ZIP4_CSV) and places.is_zip4_table(ZIP4_PIPES)
    assert not places.is_zip4_table(CENSUS)
    rows = places.parse_zip4_table(ZIP4_CSV)
    assert rows == [
        ("10001", 0, 9999, "NY-10"),
        ("94107", 1, 999, "CA-11"),
        ("94107", 1000, 1999, "CA-15"),
        ("94107", 2000, 2099, "CA-11"),
        ("94107", 2050, 2060, "CA-15"),
    ]  # rows without a ZIP, with a short add-on or an unknown state are left out
    assert places.parse_zip4_table(ZIP4_PIPES) == rows[1:4]
    for bad in (b"ZIP,PLUS4_LOW,PLUS4_HIGH\n94107,0001,0999\n", b"ZIP,PLUS4_LOW,PLUS4_HIGH,CD\n"):
        with pytest.raises(FormatError, match="PLUS4_LOW"):
            places.parse_zip4_table(bad)
    with pytest.raises(FormatError, match="no ZIP"):
        places.parse_zip4_table(b"ZIP,PLUS4_LOW,PLUS4_HIGH,DISTRICT\n94107,0001,0999,XX-1\n")
    with pytest.raises(FormatError, match="not a text file"):
        places.parse_zip4_table(b"ZIP,PLUS4_LOW,PLUS4_HIGH,DISTRICT\n\xff\xfe\n")


def test_hostile_zip4_rows_change_nothing() -> None:
    """A table from elsewhere: reversed or out-of-range add-ons, letters in a ZIP, digits
    of another script and a file over the limit give no range, never a database error."""
    head = b"ZIP,PLUS4_LOW,PLUS4_HIGH,DISTRICT\n"
    good = b"94107,0001,0999,CA-11\n"
    for row in (
        b"94107,0999,0001,CA-11\n",  # low above high
        b"94107,-001,0999,CA-11\n",
        b"94107,0001,99999,CA-11\n",
        b"9410X,0001,0999,CA-11\n",
        "94107,\u0661\u0662\u0663\u0664,0999,CA-11\n".encode(),  # Arabic-Indic digits
        b"94107,0001,0999,ZZ-99\n",
    ):
        assert places.parse_zip4_table(head + row + good) == [("94107", 1, 999, "CA-11")], row
    with pytest.raises(FormatError, match="too large"):
        places.parse_zip4_table(head + good * (places.MAX_DISTRICT_FILE // len(good) + 1))


def test_ranges_decide_only_for_zips_that_span_districts() -> None:
    table = {"94107": ["CA-11", "CA-15"], "10001": ["NY-12"]}
    ranges: dict[str, places.Ranges] = {}
    for z, low, high, d in places.parse_zip4_table(ZIP4_CSV):
        ranges.setdefault(z, []).append((low, high, d))
    resolve = places.resolve_district
    assert resolve("94107-0500", None, table, ranges) == "CA-11"
    assert resolve("94107-1999", None, table, ranges) == "CA-15"
    assert resolve("94107-2055", None, table, ranges) == places.SPLIT  # ranges disagree
    assert resolve("94107-5000", None, table, ranges) == places.SPLIT  # in no range
    assert resolve("94107", None, table, ranges) == places.SPLIT  # no ZIP+4
    assert resolve("94107-0500", "CA-15", table, ranges) == "CA-15"  # the organizer's choice
    assert resolve("10001-0100", None, table, ranges) == "NY-12"  # one district: the Census
    assert resolve("94107-0500", None, table) == places.SPLIT  # no ZIP+4 table
    assert resolve("94107-0500", None, {}, ranges) == "CA-11"  # a ZIP+4 table alone


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[tuple[kit.Org, Device]]:
    org = kit.new_organizer(tmp_path / "organizer", spec=kit.SPEC)
    device = kit.new_device(tmp_path / "device", org.package)
    kit.enroll(device, org)
    yield org, device
    device.vault.close()
    org.close()


def test_zip4_table_through_the_command_line_counts_and_packets(
    setup: tuple[kit.Org, Device], tmp_path: Path
) -> None:
    org, device = setup
    save(device, "Canary Eleven", "94107-0500")
    save(device, "Canary Fifteen", "94107-1500")
    save(device, "Canary Split", "94107")
    save(device, "Canary Nowhere", "94107-5000")
    save(device, "Canary Chelsea", "10001-0100")
    with org.intake() as intake:
        assert intake.import_file(kit.export(device, tmp_path / "out").path).ok
        intake.load_districts(CENSUS)
        before = {b["key"]: b["unique"] for b in intake.stats()["by_district"]}
    assert before == {"NY-12": 1, "split": 4}
    org.vault.close()
    table = tmp_path / "zip4.csv"
    table.write_bytes(ZIP4_CSV)
    loaded = kit.tomar(org.home, "districts", "load", str(table)).ok()
    assert loaded.lines[-1] == "ZIP+4 table loaded: 2 ZIP codes."
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"ZIP,PLUS4_LOW,PLUS4_HIGH\n94107,0001,0999\n")
    kit.tomar(org.home, "districts", "load", str(bad)).user_error("PLUS4_LOW")
    stats = kit.tomar(org.home, "stats", "--json").ok()
    assert '"CA-11"' in stats.out and '"CA-15"' in stats.out

    from tomar.core import vault

    org.vault = vault.Vault.open(org.home, PASS)
    with org.intake() as intake:
        after = {b["key"]: b["unique"] for b in intake.stats()["by_district"]}
        by_name = {s["fields"]["full_name"]: s["district"] for s in intake.unique_signers()}
    assert after == {"CA-11": 1, "CA-15": 1, "NY-12": 1, "split": 2}
    assert by_name == {
        "Canary Eleven": "CA-11",
        "Canary Fifteen": "CA-15",
        "Canary Split": "split",
        "Canary Nowhere": "split",
        "Canary Chelsea": "NY-12",
    }
    # Loading the Census file again keeps the ZIP+4 table (each kind replaces its own).
    with org.intake() as intake:
        intake.load_districts(CENSUS)
        assert {b["key"]: b["unique"] for b in intake.stats()["by_district"]} == after
    folder = tmp_path / "packets"
    folder.mkdir()
    made = packets.write_packets(org.vault, folder, packets.Split.DISTRICT)
    assert {p.office: p.signers for p in made.packets} == {"CA-11": 1, "CA-15": 1, "NY-12": 1}
    assert made.left_out == {"split": 2}
