"""Delivery that counts, on the organizer's side: states, districts, extra consents."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tomar.core import records
from tomar.core.campaign import read_package
from tomar.core.device import Device
from tomar.core.errors import CampaignError, E, TomarError
from tomar.core.records import SignatureForm
from tomar.core.vault import Vault

from . import batchkit as kit
from . import placeskit
from .conftest import PASS, demo_signature
from .placeskit import CENSUS, CONSENTS, STATE_FIELD, save

setup = placeskit.setup


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
    assert getattr(err.value, "problems", {}) == {"consents": E.VALIDATION_UNKNOWN_CONSENT}


def test_a_preselected_consent_is_refused_in_the_spec(tmp_path: Path) -> None:
    spec = kit.SPEC + CONSENTS.replace('purpose = "contact"', 'purpose = "contact"\ndefault = true')
    with pytest.raises(CampaignError, match="never preselected"):
        kit.new_organizer(tmp_path / "o", spec=spec)


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
        _warning, body = out.read_text("utf-8-sig").split("\n", 1)  # the full export's line
        rows = list(csv.DictReader(io.StringIO(body)))
        assert {r["full_name"] for r in rows} == {"Canary Mission", "Canary Split"}
        assert {r["contact"] for r in rows} == {"yes"}
        assert {r["district"] for r in rows} == {"CA-11", "CA-15"}
        with pytest.raises(TomarError, match="no extra consent"):
            intake.export_csv(out, consent="sell_my_data")
    audit = org.vault.conn.execute("SELECT detail FROM audit").fetchall()
    assert not any("Canary" in str(a[0]) for a in audit)

    from tomar.core.sheets import report

    report.write_report(org.vault, tmp_path / "report.pdf")
    shown = pdf_text(tmp_path / "report.pdf")
    assert "By state" in shown and "California" in shown and "New York" in shown
    assert "By congressional district" in shown and "CA-15" in shown
    assert "Extra consents given" in shown and "newsletter" in shown
    assert "Canary" not in shown


def test_the_chosen_state_wins_over_the_zip(tmp_path: Path) -> None:
    org = kit.new_organizer(tmp_path / "organizer", spec=kit.SPEC + STATE_FIELD)
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


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def test_split_packets_per_office_and_aggregate_without_names(
    setup: tuple[kit.Org, Device], tmp_path: Path
) -> None:
    from tomar.core.sheets import packets

    org, device = setup
    save(device, "Canary Mission", "94103")  # CA-11
    rid_split = save(device, "Canary Split", "94107")  # CA-11 or CA-15
    save(device, "Canary Chelsea", "10001")  # NY-12
    form = SignatureForm(
        fields={"full_name": "Canary Hidden", "city": "X", "postal_code": "10001"},
        lang="en",
        consent=True,
        signature=demo_signature(),
        display="hidden",
    )
    device.save(form)
    form = SignatureForm(
        fields={"full_name": "Initial Person", "city": "X", "postal_code": "94103"},
        lang="en",
        consent=True,
        signature=demo_signature(),
        display="initials",
    )
    device.save(form)
    save(device, "Canary Nowhere", None)
    with org.intake() as intake:
        assert intake.import_file(kit.export(device, tmp_path / "out").path).ok
        intake.load_districts(CENSUS)

    by_state = tmp_path / "by_state"
    by_state.mkdir()
    made = packets.write_packets(org.vault, by_state, packets.Split.STATE)
    assert [(p.office, p.signers) for p in made.packets] == [("CA", 3), ("NY", 2)]
    assert made.left_out == {"no_state": 1}
    ca = pdf_text(by_state / "packet-CA.pdf")
    assert "Senators for California" in ca and "3 of your constituents" in ca
    assert "Canary Mission" in ca and "Canary Split" in ca and "I. P." in ca
    assert "Canary Chelsea" not in ca and "Initial Person" not in ca
    ny = pdf_text(by_state / "packet-NY.pdf")
    assert "Canary Chelsea" in ny and "Canary Hidden" not in ny  # display choice honoured
    summary = pdf_text(by_state / "summary.pdf")
    assert "packet-CA.pdf" in summary and made.packets[0].sha256 in summary
    listed = list(csv.DictReader(io.StringIO((by_state / "packets.csv").read_text("utf-8-sig"))))
    assert [(r["office"], r["signers"]) for r in listed] == [
        ("CA", "3"), ("NY", "2"), ("no_state", "1"),
    ]  # fmt: skip
    assert listed[0]["sha256"] == kit.sha((by_state / "packet-CA.pdf").read_bytes())

    by_district = tmp_path / "by_district"
    by_district.mkdir()
    made = packets.write_packets(org.vault, by_district, packets.Split.DISTRICT)
    assert [(p.office, p.signers) for p in made.packets] == [("CA-11", 2), ("NY-12", 2)]
    assert made.left_out == {"split": 1, "no_district": 1}
    assert "Representative for CA-11" in pdf_text(by_district / "packet-CA-11.pdf")
    with org.intake() as intake:
        intake.choose_district(rid_split, "CA-15")
    again = tmp_path / "again"
    again.mkdir()
    made = packets.write_packets(org.vault, again, packets.Split.DISTRICT)
    assert [(p.office, p.signers) for p in made.packets] == [
        ("CA-11", 2), ("CA-15", 1), ("NY-12", 2),
    ]  # fmt: skip
    assert "Canary Split" in pdf_text(again / "packet-CA-15.pdf")

    agg = tmp_path / "aggregate"
    agg.mkdir()
    counts = packets.write_aggregate(org.vault, agg)
    assert counts.by_state == {"CA": 3, "NY": 2} and counts.total == 6
    shown = pdf_text(agg / "aggregate.pdf") + (agg / "aggregate.csv").read_text("utf-8-sig")
    assert "California" in shown and "CA-15" in shown
    assert "Canary" not in shown and "Initial" not in shown and "I. P." not in shown


def test_command_line_districts_split_stats_and_consent_csv(
    setup: tuple[kit.Org, Device], tmp_path: Path
) -> None:
    org, device = setup
    save(device, "Canary Mission", "94103", "contact")
    save(device, "Canary Split", "94107")
    with org.intake() as intake:
        assert intake.import_file(kit.export(device, tmp_path / "out").path).ok
    org.vault.close()
    home = org.home
    table = tmp_path / "tab20_cd11820_zcta520_natl.txt"
    table.write_bytes(CENSUS)
    assert "4 ZIP codes" in kit.tomar(home, "districts", "load", str(table)).ok().out
    bad = tmp_path / "bad.txt"
    bad.write_text("zip,district\n94103,CA-11\n")
    kit.tomar(home, "districts", "load", str(bad)).user_error("GEOID_CD")
    stats = kit.tomar(home, "stats").ok().out
    assert "State CA (California): 2 unique of 2" in stats
    assert "District CA-11: 1 unique" in stats and "District split: 1 unique" in stats
    assert "Agreed to contact: 1 unique" in stats
    folder = tmp_path / "packets"
    folder.mkdir()
    out = kit.tomar(home, "sheets", "delivery", "--split", "district", "--out", str(folder))
    assert "packet-CA-11.pdf: 1 signers" in out.ok().out and "In no packet (split): 1" in out.out
    assert "Canary" not in out.out + out.err
    csv_out = tmp_path / "contacts.csv"
    kit.tomar(home, "export-csv", "--consent", "contact", "--out", str(csv_out)).ok()
    text = csv_out.read_text("utf-8-sig")
    assert "Canary Mission" in text and "Canary Split" not in text
    org.vault = Vault.open(home, PASS)  # for the fixture to close


def test_blank_sheets_have_a_column_per_extra_consent(
    setup: tuple[kit.Org, Device], tmp_path: Path
) -> None:
    from tomar.core.sheets import blank

    _, device = setup
    out = tmp_path / "blank.pdf"
    blank.write_blank(device.vault, out, sheets=1, lang="en", paper="letter", rows=5)
    shown = pdf_text(out)
    assert "(1) You may contact me about this campaign." in shown
    assert "(2) Send me the campaign's news." in shown
    assert "Optional: tick a numbered column only if you agree" in shown


def test_a_postal_code_of_another_country_gives_no_us_state(tmp_path: Path) -> None:
    """Berlin's 10115 is also a New York ZIP: a German campaign's signer is no New Yorker."""
    org = kit.new_organizer(tmp_path / "organizer", spec='phone_region = "DE"\n' + kit.SPEC)
    device = kit.new_device(tmp_path / "device", org.package)
    kit.enroll(device, org)
    save(device, "Canary Berlin", "10115")
    save(device, "Canary Manhattan", "10115", country="USA")
    with org.intake() as intake:
        assert intake.import_file(kit.export(device, tmp_path / "out").path).ok
        assert [(b["key"], b["unique"]) for b in intake.stats()["by_state"]] == [("NY", 1)]
    device.vault.close()
    org.close()


def test_a_summary_of_many_packets_runs_over_pages(
    setup: tuple[kit.Org, Device], tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from tomar.core.sheets import packets

    org, _ = setup
    many = [
        packets.Packet(f"X{i:03d}", f"Office {i}", i, f"packet-X{i:03d}.pdf", "0" * 64)
        for i in range(120)
    ]
    made = packets.Packets(packets.Split.DISTRICT, many, {"split": 3})
    out = tmp_path / "summary.pdf"
    packets._write_summary(out, org.campaign, made, "en", "letter")
    assert len(PdfReader(out).pages) > 1
    shown = pdf_text(out)
    assert "Office 0" in shown and "Office 119" in shown and "none chosen yet" in shown
