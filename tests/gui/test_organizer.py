"""The organizer workspace through the real widgets: create a campaign with its backups,
export it, enroll devices, import batches from three devices, review a duplicate, and
export CSV and delivery sheets."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTableWidget,
)
from pytestqt.qtbot import QtBot

from tomar.core import organizer
from tomar.core.campaign import read_package
from tomar.core.intake import Intake
from tomar.gui.organizer import spec as specs
from tomar.gui.organizer.create import (
    BACKUP_NAME,
    SHARES_NAME,
    safe_file_name,
)
from tomar.gui.organizer.workspace import (
    CSV_NAME,
    DELIVERY_NAME,
    PUBLIC_CSV_NAME,
    OrganizerScreen,
)
from tomar.gui.signature_pad import SignaturePad
from tomar.gui.signer_form import SignerForm

from ..batchkit import enroll, export, new_device, new_organizer, sign
from .conftest import WindowFactory, click, type_text
from .orgkit import BACKUP_PASS, TEXTS, create_wizard, device_batch, open_workspace, shown_texts


def test_toml_spec_escapes_untrusted_text() -> None:
    from tomar.core.campaign import doc_from_spec
    from tomar.core.identity import OrganizerIdentity

    nasty = 'quote " back \\ newline \n tab \t del \x7f ]]\n[title]'
    form = specs.CampaignForm(
        languages=["en"],
        title={"en": nasty},
        addressee={"en": "A"},
        text={"en": "T"},
        consent={"en": "C"},
        fields=[specs.FieldChoice("full_name", "name", True, {"en": "Name"})],
        end_date="2030-01-31",
    )
    doc = doc_from_spec(specs.to_toml(form), OrganizerIdentity.generate("O", "x25519"))
    assert doc["title"]["en"] == nasty.strip()
    assert doc["end_date"] == "2030-01-31"


def test_organizer_end_to_end(qtbot: QtBot, make_window: WindowFactory, tmp_path: Path) -> None:
    window = make_window(tmp_path / "home")
    screen, _ = create_wizard(qtbot, window, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    window.choose_folder = lambda title, done: done(str(out))  # type: ignore[method-assign]

    # Step 1: the form. An empty form is refused in words, nothing is created.
    click(qtbot, screen.w(QPushButton, "keysButton"))
    assert screen.w(QLabel, "detailsMessage").text()
    assert organizer.load(window.session.device.vault) is None
    type_text(qtbot, screen.w(QLineEdit, "organizerEdit"), "Test Organizer")
    for lang, (title, addressee, text, consent) in TEXTS.items():
        type_text(qtbot, screen.w(QLineEdit, f"title_{lang}"), title)
        type_text(qtbot, screen.w(QLineEdit, f"addressee_{lang}"), addressee)
        screen.w(QPlainTextEdit, f"text_{lang}").setPlainText(text)
        screen.w(QPlainTextEdit, f"consent_{lang}").setPlainText(consent)
    screen.w(QCheckBox, "ask_phone").setChecked(True)
    preview = screen.w(QComboBox, "previewLang")
    preview.setCurrentIndex(1)
    assert screen.w(QLabel, "previewTitle").text() == TEXTS["fa"][0]
    assert screen.preview.layoutDirection().name == "RightToLeft"
    assert screen.w(QComboBox, "recipientCombo").currentData() == "hybrid"
    # Plain words for the encryption choice, no cipher names a non-specialist must decode.
    kinds = screen.w(QComboBox, "recipientCombo")
    for i in range(kinds.count()):
        assert not re.search(r"post-quantum|hybrid|X25519", kinds.itemText(i), re.I)
    # The preview is the kiosk's: its form widget (with the phone just ticked) and its pad.
    form = screen.preview_form
    assert isinstance(form, SignerForm) and screen.preview.isAncestorOf(form)
    assert set(form.edits) == {"full_name", "email", "phone", "city"}
    assert form.labels["full_name"].text().endswith("*")
    assert screen.preview.findChild(SignaturePad) is not None
    assert screen.w(QPushButton, "previewSign").text() == "ثبت امضای من"
    screen.w(QCheckBox, "ask_phone").setChecked(False)
    assert screen.preview_form is not None and "phone" not in screen.preview_form.edits
    screen.w(QCheckBox, "ask_phone").setChecked(True)
    click(qtbot, screen.w(QPushButton, "keysButton"))
    pages = screen.w(QStackedWidget, "pages")
    qtbot.waitUntil(lambda: pages.currentIndex() == 1, timeout=10_000)
    ident = organizer.load(window.session.device.vault)
    assert ident is not None and ident.recipient_kind == "hybrid"

    # Step 2: the backup cannot be skipped: both the key file and the shares.
    go_on = screen.w(QPushButton, "continueButton")
    assert not go_on.isEnabled()
    type_text(qtbot, screen.w(QLineEdit, "backupPassEdit"), BACKUP_PASS)
    type_text(qtbot, screen.w(QLineEdit, "backupRepeatEdit"), BACKUP_PASS)
    click(qtbot, screen.w(QPushButton, "backupButton"))
    qtbot.waitUntil(lambda: (out / BACKUP_NAME).exists(), timeout=20_000)
    qtbot.waitUntil(lambda: screen.w(QLabel, "backupState").text() != "", timeout=10_000)
    assert not go_on.isEnabled()
    assert screen.w(QLineEdit, "backupPassEdit").text() == ""
    click(qtbot, screen.w(QPushButton, "sharesButton"))
    qtbot.waitUntil(go_on.isEnabled, timeout=20_000)
    # Only a PDF was written: it is said to be saved for printing, not printed.
    shares_state = screen.w(QLabel, "sharesState").text()
    assert "Saved for printing" in shares_state and "Printed" not in shares_state
    assert (out / SHARES_NAME).stat().st_size > 1000
    # the wizard asks the core's rule, the one `tomar campaign create` asks
    assert organizer.key_safety(window.session.device.vault).ready
    click(qtbot, go_on)

    # Step 3: the fingerprint it asks to read is there before the export, then the file
    # is named after the campaign.
    shown_fpr = screen.w(QLabel, "exportFingerprint").text()
    assert shown_fpr and shown_fpr == ident.fingerprint
    click(qtbot, screen.w(QPushButton, "exportButton"))
    opener = screen.w(QPushButton, "openWorkspaceButton")
    qtbot.waitUntil(opener.isEnabled, timeout=10_000)
    packages = list(out.glob("*.tomar-campaign"))
    assert [p.name for p in packages] == ["Free-them-all.tomar-campaign"]
    package = packages[0].read_bytes()
    campaign = read_package(package)
    assert campaign.languages == ["en", "fa"]
    assert [f.name for f in campaign.fields] == ["full_name", "email", "phone", "city"]
    assert screen.w(QLabel, "exportFingerprint").text() == campaign.organizer_fingerprint
    click(qtbot, opener)
    assert window.current == "org"
    org = window.screens["org"]
    assert isinstance(org, OrganizerScreen)

    # Devices: A and C enrolled through the GUI, B unknown (its batches are held).
    devices = {n: new_device(tmp_path / f"device-{n}", package) for n in "ABC"}
    for name in "AC":
        request = tmp_path / f"request-{name}.tomar-request"
        request.write_bytes(devices[name].enrollment_request(f"Tablet {name}"))
        window.choose_file = _picks(request)  # type: ignore[method-assign,assignment]
        org.show_tab("devices")
        click(qtbot, org.w(QPushButton, "enrollButton"))
        cert = request.with_name(request.stem + ".tomar-cert")
        devices[name].accept_certificate(cert.read_bytes())
    assert org.w(QTableWidget, "devicesTable").rowCount() == 2

    # Signatures: Sara on A and B (same email: one signer), Omid on A and C (same name
    # and city, no contact: flagged for review), and one more on C.
    sign(devices["A"], "Sara Example", email="sara@example.org")
    sign(devices["A"], "Omid Tehrani", city="Boston")
    sign(devices["B"], "Sara Example", email="SARA@example.org")
    sign(devices["C"], "Omid Tehrani", city="Boston")
    sign(devices["C"], "Dina Shams")
    inbox = tmp_path / "inbox"
    files = {n: export(d, inbox if n != "A" else tmp_path / "a").path for n, d in devices.items()}
    for d in devices.values():
        d.vault.close()

    # A by the file dialog, B and C from a watched folder.
    org.show_tab("intake")
    window.choose_file = _picks(files["A"])  # type: ignore[method-assign,assignment]
    click(qtbot, org.w(QPushButton, "importButton"))
    results = org.w(QTableWidget, "resultsTable")
    qtbot.waitUntil(lambda: results.rowCount() == 1, timeout=20_000)
    qtbot.waitUntil(lambda: not org.jobs, timeout=10_000)
    window.choose_folder = lambda title, done: done(str(inbox))  # type: ignore[method-assign]
    click(qtbot, org.w(QPushButton, "watchButton"))
    qtbot.waitUntil(lambda: results.rowCount() == 3, timeout=20_000)
    statuses = [results.item(r, 1).text() for r in range(3)]  # type: ignore[union-attr]
    assert statuses.count("Imported") == 2
    assert "Held: device not enrolled" in statuses
    # A new file in the watched folder is imported without a click.
    qtbot.waitUntil(lambda: not org.jobs, timeout=10_000)
    shutil.copy(files["A"], inbox / "copy-of-a.tomar-batch")
    org.intake_tab.scan_watched()
    qtbot.waitUntil(lambda: results.rowCount() == 4, timeout=20_000)
    assert results.item(3, 1).text() == "Already imported"  # type: ignore[union-attr]

    # Approve the held device B.
    qtbot.waitUntil(lambda: not org.jobs, timeout=10_000)  # finished arrived
    org.intake_tab.refresh_held()
    held = org.w(QTableWidget, "heldTable")
    assert held.rowCount() == 1
    held.selectRow(0)
    click(qtbot, org.w(QPushButton, "approveButton"))
    box = org.intake_tab.confirm_box
    assert box is not None and box.isVisible()
    assert devices["B"].identity.fingerprint in box.fingerprint.text()
    click(qtbot, box.yes)
    qtbot.waitUntil(lambda: results.rowCount() == 5, timeout=20_000)
    assert results.item(4, 1).text() == "Imported"  # type: ignore[union-attr]

    org.show_tab("dashboard")
    qtbot.waitUntil(lambda: not org.jobs, timeout=10_000)  # finished arrived
    org.refresh()
    assert org.w(QLabel, "receivedValue").text() == "5"
    assert org.w(QLabel, "uniqueValue").text() == "4"
    assert org.w(QLabel, "duplicatesValue").text() == "1"
    assert org.w(QLabel, "flaggedValue").text() == "2"
    assert org.dashboard_tab.charts["by_device"].rows

    # Review: the flagged Omid is merged into the other Omid; the change is audited.
    org.show_tab("signers")
    table = org.w(QTableView, "signersTable")
    assert table.model().rowCount() == 5
    org.w(QComboBox, "filterCombo").setCurrentIndex(3)  # to review
    assert table.model().rowCount() == 2
    org.signers_tab.select_row(1)
    assert "Omid Tehrani" in org.w(QLabel, "signerDetails").text()
    assert org.signers_tab.signature.signature is not None
    assert org.w(QComboBox, "candidateCombo").count() == 1
    click(qtbot, org.w(QPushButton, "mergeButton"))
    assert table.model().rowCount() == 0
    conn = window.session.device.vault.conn
    assert conn.execute("SELECT count(*) FROM audit WHERE action = 'review merge'").fetchone()[0]
    org.w(QLineEdit, "searchEdit").setText("dina")
    org.w(QComboBox, "filterCombo").setCurrentIndex(0)
    org.signers_tab.load_signers()
    assert table.model().rowCount() == 1

    # Outputs: CSV and delivery sheets.
    org.show_tab("outputs")
    window.choose_folder = lambda title, done: done(str(out))  # type: ignore[method-assign]
    click(qtbot, org.w(QPushButton, "csvButton"))
    qtbot.waitUntil(lambda: (out / CSV_NAME).exists(), timeout=20_000)
    qtbot.waitUntil(lambda: not org.jobs, timeout=10_000)  # finished arrived
    warning, body = (out / CSV_NAME).read_text("utf-8-sig").split("\n", 1)
    assert warning.startswith('"CONFIDENTIAL: the organizer')
    rows = list(csv.DictReader(io.StringIO(body)))
    assert sorted(r["full_name"] for r in rows) == ["Dina Shams", "Omid Tehrani", "Sara Example"]
    click(qtbot, org.w(QPushButton, "publicCsvButton"))
    qtbot.waitUntil(lambda: (out / PUBLIC_CSV_NAME).exists(), timeout=20_000)
    qtbot.waitUntil(lambda: not org.jobs, timeout=10_000)
    public = list(csv.DictReader(io.StringIO((out / PUBLIC_CSV_NAME).read_text("utf-8-sig"))))
    assert list(public[0]) == ["name", "city", "country", "date"]
    assert sorted(r["name"] for r in public) == ["Dina Shams", "Omid Tehrani", "Sara Example"]
    click(qtbot, org.w(QPushButton, "deliveryButton"))
    qtbot.waitUntil(lambda: (out / DELIVERY_NAME).exists(), timeout=30_000)
    qtbot.waitUntil(lambda: not org.jobs, timeout=10_000)  # finished arrived
    text = _pdf_text(out / DELIVERY_NAME)
    assert "Sara Example" in text and "Dina Shams" in text
    assert "Free them all" in text

    # Locking drops the vault and empties every model.
    window.lock_now()
    assert window.current == "unlock"
    assert org.intake is None
    assert table.model().rowCount() == 0
    assert org.w(QTableWidget, "resultsTable").rowCount() == 0
    assert org.w(QLabel, "signerDetails").text() == ""


def test_organizer_vault_opens_the_workspace(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    org = new_organizer(tmp_path / "home")
    batch_file = device_batch(org, tmp_path, [("Nina Park", "Washington")]).path
    with Intake(org.vault, workers=1) as intake:
        assert intake.import_file(batch_file).status == "held"
    org.close()
    window, screen = open_workspace(qtbot, make_window, tmp_path / "home")
    assert window.current == "org"
    screen.show_tab("intake")
    assert screen.w(QTableWidget, "heldTable").rowCount() == 1
    # Dropping the same batch again: held, still waiting for approval.
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(batch_file))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    screen.dropEvent(drop)
    results = screen.w(QTableWidget, "resultsTable")
    qtbot.waitUntil(lambda: results.rowCount() == 1, timeout=10_000)
    assert results.item(0, 1).text() == "Held: device not enrolled"  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not screen.jobs, timeout=10_000)
    # A damaged file is rejected with its reason, and nothing changes.
    bad = tmp_path / "bad.tomar-batch"
    bad.write_bytes(b"PK\x03\x04 not a batch")
    screen.intake_tab.import_paths([bad])
    qtbot.waitUntil(lambda: results.rowCount() == 2, timeout=10_000)
    assert results.item(1, 1).text() == "Rejected"  # type: ignore[union-attr]
    assert results.item(1, 5).text()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not screen.jobs, timeout=10_000)
    window.lock_now()
    assert not window.session.is_open
    assert screen.w(QTableWidget, "heldTable").rowCount() == 0


def test_mark_review_decisions_are_audited(tmp_path: Path) -> None:
    org = new_organizer(tmp_path / "org")
    d = new_device(tmp_path / "dev", org.package)
    first = sign(d, "Omid Tehrani", city="Boston")
    second = sign(d, "Omid Tehrani", city="Boston")
    batch_file = export(d, tmp_path / "b").path
    d.vault.close()
    with Intake(org.vault, workers=1) as intake:
        assert intake.import_file(batch_file).status == "held"
        intake.approve_device(d.identity.fingerprint)
        assert intake.flagged_count() == 2
        intake.mark_review(second, "distinct")
        assert intake.flagged_count() == 0  # the other one no longer has a match
        intake.mark_review(first, "keep")
        with pytest.raises(Exception, match="another signer"):
            intake.mark_review(first, "merge", first)
        intake.mark_review(second, "merge", first)
        assert intake.stats()["unique"] == 1
        with pytest.raises(Exception, match="Unknown"):
            intake.mark_review(first, "delete")
        actions = [r[0] for r in org.vault.conn.execute("SELECT action FROM audit ORDER BY id")]
    assert actions[-3:] == ["review distinct", "review keep", "review merge"]
    org.close()


def _picks(path: Path) -> Callable[[str, str, Callable[[str], None]], None]:
    """A stand-in for the file dialog that picks `path`."""

    def choose(title: str, pattern: str, done: Callable[[str], None]) -> None:
        done(str(path))

    return choose


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext"):
        done = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, check=True, timeout=60
        )
        return done.stdout.decode("utf-8", "replace")
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def test_pull_from_a_shared_folder(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    from tomar.sync import client

    org = new_organizer(tmp_path / "home")
    d = new_device(tmp_path / "dev", org.package)
    enroll(d, org)
    sign(d, "Nina Park")
    stick = tmp_path / "stick"
    stick.mkdir()
    assert client.sync_device(d, stick).ok
    d.vault.close()
    org.close()
    _, screen = open_workspace(qtbot, make_window, tmp_path / "home", tab="intake")
    screen.w(QLineEdit, "pullEdit").setText(str(stick))
    click(qtbot, screen.w(QPushButton, "pullButton"))
    results = screen.w(QTableWidget, "resultsTable")
    qtbot.waitUntil(lambda: results.rowCount() == 1, timeout=20_000)
    assert results.item(0, 1).text() == "Imported"  # type: ignore[union-attr]
    assert "1 receipt sent" in screen.w(QLabel, "intakeMessage").text()
    assert len(list((stick / "receipts").iterdir())) == 1
    qtbot.waitUntil(lambda: not screen.jobs, timeout=10_000)


def test_rejection_reasons_are_shown_in_persian(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    new_organizer(tmp_path / "home").close()
    window, screen = open_workspace(
        qtbot, make_window, tmp_path / "home", language="fa", tab="intake"
    )
    bad = tmp_path / "bad.tomar-batch"
    bad.write_bytes(b"PK\x03\x04 not a batch")
    screen.intake_tab.import_paths([bad])
    results = screen.w(QTableWidget, "resultsTable")
    qtbot.waitUntil(lambda: results.rowCount() == 1, timeout=10_000)
    assert results.item(0, 1).text() == "رد شد"  # type: ignore[union-attr]
    assert results.item(0, 5).text() == "این بسته آسیب دیده یا ناقص است."  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not screen.jobs, timeout=10_000)
    window.lock_now()


def test_countries_are_shown_by_name_in_the_interface_language(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    """Typed "USA" and "آمریکا" and a +1 phone are one bar, named in Persian."""
    from tomar.core.records import SignatureForm

    from ..conftest import demo_signature

    org = new_organizer(tmp_path / "home")
    d = new_device(tmp_path / "dev", org.package)
    enroll(d, org)
    for i, extra in enumerate(
        [{"country": "USA"}, {"country": "آمریکا"}, {"phone": "+12025550143"}, {"country": "Iran"}]
    ):
        fields = {"full_name": f"Person {i}", "city": "Washington", **extra}
        d.save(SignatureForm(fields=fields, lang="en", consent=True, signature=demo_signature()))
    batch_file = export(d, tmp_path / "b").path
    d.vault.close()
    with Intake(org.vault, workers=1) as intake:
        assert intake.import_file(batch_file).status == "imported"
    org.close()

    window, screen = open_workspace(
        qtbot, make_window, tmp_path / "home", language="fa", tab="dashboard"
    )
    screen.refresh()
    assert sorted(screen.dashboard_tab.charts["by_country"].rows) == [
        ("ایالات متحده", 3, 3),
        ("ایران", 1, 1),
    ]
    screen.show_tab("signers")
    screen.signers_tab.load_signers()
    model = screen.w(QTableView, "signersTable").model()
    shown = {model.index(r, 3).data() for r in range(model.rowCount())}
    assert shown == {"ایالات متحده", "ایران"}
    window.lock_now()


def test_approval_takes_the_device_key_kept_in_the_model(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    """What a cell shows is for people; the key a row stands for is kept in UserRole."""
    org = new_organizer(tmp_path / "home")
    made = device_batch(org, tmp_path, [("Nina Park", "Washington")])
    with Intake(org.vault, workers=1) as intake:
        assert intake.import_file(made.path).status == "held"
    org.close()
    window, screen = open_workspace(
        qtbot, make_window, tmp_path / "home", language="fa", tab="intake"
    )
    held = screen.w(QTableWidget, "heldTable")
    assert held.rowCount() == 1
    cell = held.item(0, 0)
    assert cell is not None and made.fingerprint in cell.text()
    cell.setText("دستگاه ۱")  # however it is shown, the row stands for the same device
    held.setCurrentCell(0, 0)  # (selectRow misses in right-to-left layouts)
    click(qtbot, screen.w(QPushButton, "approveButton"))
    box = screen.intake_tab.confirm_box
    assert box is not None and made.fingerprint in box.fingerprint.text()
    click(qtbot, box.yes)
    results = screen.w(QTableWidget, "resultsTable")
    qtbot.waitUntil(lambda: results.rowCount() == 1, timeout=20_000)
    assert results.item(0, 1).text() == "وارد شد"  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not screen.jobs, timeout=10_000)
    window.lock_now()


def test_every_organizer_text_is_in_persian(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    """The workspace's tabs and the campaign wizard in Persian: no English word shown."""
    import re

    new_organizer(tmp_path / "home").close()
    window, screen = open_workspace(qtbot, make_window, tmp_path / "home", language="fa")
    texts: list[tuple[str, str]] = []
    for tab in ("dashboard", "intake", "devices", "signers", "outputs"):
        screen.show_tab(tab)
        screen.refresh()
        texts += shown_texts(screen)
    wizard = window.screen_for("org_create")
    for step in range(3):
        wizard.w(QStackedWidget, "pages").setCurrentIndex(step)
        texts += shown_texts(wizard)
    # campaign texts and key fingerprints, not the interface
    shown_as_given = {"campaignTitle", "fingerprintSmall", "sheetLangCombo", "textsTabs"}
    shown_as_given |= {"previewLang"}
    english = sorted(
        {
            (name, text)
            for name, text in texts
            if name not in shown_as_given
            # names, not English: file kinds, the cipher, the age tool
            and re.search(
                r"[A-Za-z]{2,}",
                re.sub(r"\b[A-Z]{2,}\b|\.tomar-batch|X25519|\bage\b", "", text),
            )
        }
    )
    assert len(texts) > 100
    assert english == [], "\n".join(f"{n}: {t}" for n, t in english)
    window.lock_now()


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Free them all", "Free-them-all"),
        ("آزادشان کنید", "آزادشان-کنید"),
        ("../../etc/passwd", "etc-passwd"),
        ("CON", "c0ffee"),
        ("  ...  ", "c0ffee"),
        ("a\x00b/c\\d:e*f?g", "a-b-c-d-e-f-g"),
        ("x" * 300, "x" * 60),
    ],
)
def test_campaign_file_names_are_safe(title: str, expected: str) -> None:
    assert safe_file_name(title, "c0ffee") == expected


def test_wizard_date_reads_year_first_in_persian(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    """A Persian date box laid out right to left showed 06-12-2027: a US June 12."""
    from PySide6.QtWidgets import QDateEdit

    window = make_window(tmp_path / "home", language="fa")
    screen, _ = create_wizard(qtbot, window, tmp_path)
    date = screen.w(QDateEdit, "endDateEdit")
    assert date.displayFormat() == "yyyy-MM-dd"
    assert date.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert date.sectionAt(0) == QDateEdit.Section.YearSection
