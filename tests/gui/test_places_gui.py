"""The state and ZIP fields in the kiosk, through the real widgets, in English and Persian."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QPushButton, QRadioButton
from pytestqt.qtbot import QtBot

from tomar.core import places, records
from tomar.core.device import Device, init_vault
from tomar.core.identity import OrganizerIdentity
from tomar.gui import pin
from tomar.gui.screens.kiosk import KioskScreen
from tomar.resources import resource_path

from ..conftest import PASS, make_organizer
from ..placeskit import CONSENTS, us_spec
from .conftest import EVENT_PIN, WindowFactory, click, draw_signature, type_text, unlock


def us_home(tmp_path: Path) -> tuple[Path, OrganizerIdentity]:
    """A device home with a campaign that asks for the state (and the demo's ZIP field)."""
    spec = resource_path("demo", "demo-campaign.toml").read_text("utf-8")
    spec = us_spec(spec) + CONSENTS
    org_vault, ident, package = make_organizer(tmp_path / "organizer", spec)
    org_vault.close()
    home = tmp_path / "home"
    with init_vault(home, PASS) as vault:
        device = Device(vault)
        device.import_campaign(package)
        event_id = device.start_event("Rally", "Washington")
        pin.set_pin(vault, event_id, EVENT_PIN)
    return home, ident


def test_kiosk_state_combo_and_gentle_zip_warning(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    home, ident = us_home(tmp_path)
    window = make_window(home)
    unlock(qtbot, window)
    click(qtbot, window.screens["home"].w(QPushButton, "kioskButton"))
    kiosk = window.screens["kiosk"]
    assert isinstance(kiosk, KioskScreen) and kiosk.signer_form is not None
    form = kiosk.signer_form
    combo = form.combos["state"]
    assert isinstance(combo, QComboBox) and combo.currentIndex() == 0  # nothing preselected
    assert combo.count() == len(places.STATES) + 1
    click(qtbot, kiosk.w(QPushButton, "lang_fa"))
    assert "کالیفرنیا" in [combo.itemText(i) for i in range(combo.count())]
    click(qtbot, kiosk.w(QPushButton, "lang_en"))
    assert "California" in [combo.itemText(i) for i in range(combo.count())]

    type_text(qtbot, form.edits["full_name"], "Canary Zip")
    type_text(qtbot, form.edits["city"], "Albany")
    combo.setCurrentIndex(combo.findData("NY"))
    type_text(qtbot, form.edits["postal_code"], "94103")
    warning = form.problems["postal_code"]
    assert warning.isVisibleTo(kiosk) and "another state" in warning.text()
    click(qtbot, kiosk.w(QPushButton, "lang_fa"))
    assert "ایالت دیگری" in warning.text()
    combo.setCurrentIndex(combo.findData("CA"))
    assert not warning.isVisibleTo(kiosk)  # resolved: the warning goes
    combo.setCurrentIndex(combo.findData("NY"))
    assert warning.isVisibleTo(kiosk)

    boxes = form.consent_boxes
    assert list(boxes) == ["contact", "newsletter"]
    assert not any(b.isChecked() for b in boxes.values())  # never preselected
    assert "تماس" in boxes["contact"].text()  # worded in the signer's language (fa now)
    boxes["contact"].setChecked(True)
    draw_signature(kiosk.pad)
    kiosk.consent.setChecked(True)
    kiosk.w(QRadioButton, "displayFull").setChecked(True)  # no default: the signer chooses
    click(qtbot, kiosk.sign_button)  # a warning never refuses
    assert kiosk.pages.currentWidget() is kiosk.thanks_page
    assert combo.currentIndex() == 0  # the next signer starts with no state
    assert not any(b.isChecked() for b in boxes.values())
    assert window.screens["kiosk"].shell.session.device.counts()["current_event"] == 1
    sealed = kiosk.shell.session.device.vault.conn.execute("SELECT sealed FROM records").fetchone()
    record = records.open_sealed(bytes(sealed[0]), [ident.age])
    assert record["fields"]["state"] == "NY" and record["fields"]["postal_code"] == "94103"
    given = {c["purpose"]: c["given"] for c in record["consents"]}
    assert given == {"contact": True, "newsletter": False}


def test_dashboard_tallies_by_state_and_district_and_the_deletion_warning(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    """Bars by state (named in Persian) and district; the promised deletion date shown."""
    from tomar.core.intake import Intake
    from tomar.gui.organizer.workspace import OrganizerScreen

    from ..batchkit import Org, enroll, export, new_device, new_organizer
    from ..placeskit import CENSUS, save

    spec = "delete_by = 2020-01-31\n" + resource_path("demo", "demo-campaign.toml").read_text(
        "utf-8"
    )
    org: Org = new_organizer(tmp_path / "home", spec=spec)
    d = new_device(tmp_path / "dev", org.package)
    enroll(d, org)
    save(d, "Canary One", "94103")
    save(d, "Canary Two", "94107")
    save(d, "Canary Three", "10001")
    batch_file = export(d, tmp_path / "b").path
    d.vault.close()
    with Intake(org.vault, workers=1) as intake:
        assert intake.import_file(batch_file).ok
        intake.load_districts(CENSUS)
    org.close()

    window = make_window(tmp_path / "home", language="fa")
    unlock(qtbot, window)
    screen = window.screens["org"]
    assert isinstance(screen, OrganizerScreen)
    screen.show_tab("dashboard")
    screen.refresh()
    tab = screen.dashboard_tab
    assert sorted(tab.charts["by_state"].rows) == [("نیویورک", 1, 1), ("کالیفرنیا", 2, 2)]
    assert sorted(tab.charts["by_district"].rows) == [
        ("CA-11", 1, 1), ("NY-12", 1, 1), ("کد پستیِ چندحوزه‌ای", 1, 1),
    ]  # fmt: skip
    assert (
        tab.deletion.isVisibleTo(tab) and "۲۰۲۰-۰۱-۳۱" in tab.deletion.text()
    )  # year first, Persian digits
    assert "کارزار را ببندید" in tab.deletion.text()

    # Outputs: one packet per district, and counts only.
    out = tmp_path / "out"
    out.mkdir()
    screen.show_tab("outputs")
    window.choose_folder = lambda title, done: done(str(out))  # type: ignore[method-assign]
    click(qtbot, screen.w(QPushButton, "packetsDistrictButton"))
    qtbot.waitUntil(lambda: (out / "packets.csv").exists(), timeout=30_000)
    qtbot.waitUntil(lambda: not screen.jobs, timeout=10_000)
    assert sorted(p.name for p in out.glob("packet-*.pdf")) == [
        "packet-CA-11.pdf", "packet-NY-12.pdf",
    ]  # fmt: skip
    click(qtbot, screen.w(QPushButton, "aggregateButton"))
    qtbot.waitUntil(lambda: (out / "aggregate.csv").exists(), timeout=30_000)
    qtbot.waitUntil(lambda: not screen.jobs, timeout=10_000)
    assert "Canary" not in (out / "aggregate.csv").read_text("utf-8-sig")
