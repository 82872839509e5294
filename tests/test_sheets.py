"""PDF sheets read back: pages, serials, rows, names by display choice, QR codes, Persian."""

from __future__ import annotations

import base64
import re
import subprocess
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader

from tomar import cli
from tomar.core import vault
from tomar.core.device import Device
from tomar.core.identity import device_fingerprint
from tomar.core.intake import Intake
from tomar.core.records import SignatureForm
from tomar.core.sheets import blank, delivery, qr, report, text
from tomar.core.sheets.common import Cancelled, SheetError

from .conftest import PASS, demo_signature
from .sheetkit import Org, import_all, needs_poppler, needs_zbar, pdftext, plain


def qr_codes(path: Path, tmp: Path, page: int = 1) -> list[str]:
    stem = tmp / f"qr-{path.stem}-{page}"
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-f", str(page), "-l", str(page), str(path), str(stem)],
        check=True,
        timeout=60,
    )
    image = next(tmp.glob(f"{stem.name}*.png"))
    done = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, timeout=60, check=False
    )
    return done.stdout.decode().split("\n")[:-1]


# --- blank sheets ------------------------------------------------------------------------


def test_blank_sheets_have_serials_rows_and_are_recorded(device: Device, tmp_path: Path) -> None:
    tmp_path = tmp_path / "pdf"
    tmp_path.mkdir()
    out = tmp_path / "blank.pdf"
    made = blank.write_blank(device.vault, out, sheets=3, lang="en")
    reader = PdfReader(out)
    assert len(reader.pages) == 3
    serials = [s.serial for s in made]
    assert len(set(serials)) == 3
    for page, serial in zip(reader.pages, serials, strict=True):
        body = page.extract_text()
        assert serial in body
        assert "Full name" in body and "Signature" in body
    assert [s.serial for s in blank.sheets(device.vault)] == serials
    rows = made[0].rows
    assert blank.MIN_ROWS <= rows <= blank.MAX_ROWS
    assert out.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["blank.pdf"]  # no temp files left


def test_check_serial_and_unentered(device: Device, tmp_path: Path) -> None:
    made = blank.write_blank(device.vault, tmp_path / "b.pdf", sheets=2, rows=10)
    first, second = made
    assert blank.check_serial(device.vault, first.serial.lower(), 10).serial == first.serial
    with pytest.raises(blank.UnknownSheet, match="not printed on this device"):
        blank.check_serial(device.vault, "ZZZZ-9999", 1)
    with pytest.raises(blank.UnknownSheet, match="rows 1 to 10"):
        blank.check_serial(device.vault, first.serial, 11)
    with pytest.raises(blank.UnknownSheet, match="letters, digits"):
        blank.check_serial(device.vault, "bad serial!", 1)
    assert {s.serial for s in blank.unentered(device.vault)} == {first.serial, second.serial}
    form = SignatureForm(
        fields={"full_name": "Paper Person", "city": "Austin"},
        lang="en",
        consent=True,
        source="paper",
        paper=(first.serial, 4),
    )
    device.save(form)
    with pytest.raises(blank.UnknownSheet, match="already entered"):
        blank.check_serial(device.vault, first.serial, 4)
    assert [s.serial for s in blank.unentered(device.vault)] == [second.serial]


def test_blank_sheet_limits_and_language(device: Device, tmp_path: Path) -> None:
    with pytest.raises(SheetError, match="no texts in 'de'"):
        blank.write_blank(device.vault, tmp_path / "x.pdf", lang="de")
    with pytest.raises(SheetError, match="paper size"):
        blank.write_blank(device.vault, tmp_path / "x.pdf", paper="tabloid")
    with pytest.raises(SheetError):
        blank.write_blank(device.vault, tmp_path / "x.pdf", sheets=0)
    assert not (tmp_path / "x.pdf").exists()


def test_cancel_writes_nothing_and_records_nothing(device: Device, tmp_path: Path) -> None:
    tmp_path = tmp_path / "pdf"
    tmp_path.mkdir()
    cancel = threading.Event()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        cancel.set()

    with pytest.raises(Cancelled):
        blank.write_blank(
            device.vault, tmp_path / "c.pdf", sheets=5, progress=progress, cancel=cancel
        )
    assert seen == [(1, 5)]
    assert list(tmp_path.iterdir()) == []
    assert blank.sheets(device.vault) == []


def test_long_texts_flow_onto_more_pages(device: Device, tmp_path: Path) -> None:
    """A sheet whose texts do not fit one page continues; every page has the serial."""
    campaign = device.require_campaign()
    long_text = "\n".join(["This paragraph is long. " * 40] * 12)
    campaign.doc["text"] = {**campaign.doc["text"], "en": long_text}
    out = tmp_path / "long.pdf"
    made = blank.write_blank(device.vault, out, sheets=2, rows=10)
    reader = PdfReader(out)
    assert len(reader.pages) >= 4 and len(reader.pages) % 2 == 0
    per_sheet = len(reader.pages) // 2
    for i, page in enumerate(reader.pages):
        body = page.extract_text()
        assert made[i // per_sheet].serial in body
        assert f"Page {i + 1} of {len(reader.pages)}" in body
    assert "10" in reader.pages[per_sheet - 1].extract_text()  # the last row is there


@needs_zbar
def test_blank_sheet_qr_codes_carry_campaign_and_serial(device: Device, tmp_path: Path) -> None:
    out = tmp_path / "qr.pdf"
    made = blank.write_blank(device.vault, out, sheets=2, lang="fa")
    campaign = device.require_campaign()
    for page, sheet in enumerate(made, 1):
        codes = qr_codes(out, tmp_path, page)
        assert codes == [qr.sheet_payload(campaign.id, sheet.serial)]
        assert qr.parse_sheet_payload(codes[0]) == (campaign.id, sheet.serial)
    with pytest.raises(SheetError):
        qr.parse_sheet_payload("https://example.org")


@needs_poppler
def test_persian_sheet_reads_in_logical_order(device: Device, tmp_path: Path) -> None:
    out = tmp_path / "fa.pdf"
    blank.write_blank(device.vault, out, sheets=1, lang="fa")
    body = pdftext(out)
    campaign = device.require_campaign()
    assert plain("آزادی زندانیان سیاسی ایران") in body
    assert plain(campaign.text("consent", "fa"))[:40] in body
    assert plain("با امضای این برگه موافقم") in body
    assert plain("نام و نام خانوادگی") in body


@needs_poppler
def test_rtl_order_of_words_on_the_page(device: Device, tmp_path: Path) -> None:
    """Measured, not read: the first word of a Persian line is drawn at its right end."""
    out = tmp_path / "fa.pdf"
    blank.write_blank(device.vault, out, sheets=1, lang="fa")
    boxes = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(out), "-"],
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout.decode()
    xs: dict[str, float] = {}
    for x, word in re.findall(r'<word xMin="([0-9.]+)"[^>]*>([^<]*)</word>', boxes):
        for form in (plain(word), plain(word)[::-1]):
            xs.setdefault(form.strip(":"), float(x))
    # the title reads "نمونه: آزادی زندانیان سیاسی ایران"
    assert xs[plain("نمونه")] > xs[plain("آزادی")] > xs[plain("ایران")]
    # the columns run right to left: row number right of the name, signature at the left
    assert xs[plain("ردیف")] > xs[plain("ایمیل")] > xs[plain("امضا")]


def test_visual_order_helper() -> None:
    assert text.visual("Sara Example") == "Sara Example"
    line = text.visual("سلام Sara", base="RTL")
    assert line.endswith(text.shape("سلام")[::-1])  # the Persian word is drawn at the right
    assert line.startswith("Sara")
    assert text.visual("۱۲۳", base="RTL") == "۱۲۳"  # numbers stay left to right
    assert text.digits(2026, "fa") == "۲۰۲۶"
    assert "\u202a" in text.label("sheet", "fa", "AB-1") and "AB-1" in text.label(
        "sheet", "en", "AB-1"
    )


# --- organizer documents -----------------------------------------------------------------

PEOPLE = [
    ("Sara Fullname", "full", "en"),
    ("مریم رضایی", "full", "fa"),
    ("Ali Initialsperson", "initials", "en"),
    ("Hidden Secretperson", "hidden", "en"),
    ("Reza Mixed رضا", "full", "fa"),
    ("Voided Person", "full", "en"),
]


@pytest.fixture
def imported(org: Org, device: Device, tmp_path: Path) -> vault.Vault:
    ids = {}
    for name, display, lang in PEOPLE:
        form = SignatureForm(
            fields={"full_name": name, "city": "Washington", "country": "United States"},
            lang=lang,
            consent=True,
            display=display,
            signature=demo_signature(),
        )
        ids[name] = device.save(form).record_id
    device.save(
        SignatureForm(
            fields={"full_name": "Paper Person", "city": "Austin"},
            lang="en",
            consent=True,
            source="paper",
            paper=("AB12-0001", 3),
        )
    )
    device.void(ids["Voided Person"])
    import_all(org, device, tmp_path / "out")
    return org[0]


@needs_poppler
def test_delivery_sheets_honour_display_choices(imported: vault.Vault, tmp_path: Path) -> None:
    out = tmp_path / "delivery.pdf"
    count = delivery.write_delivery(imported, out)
    assert count == 6  # 7 signers, one voided
    body = pdftext(out)
    assert "Unique signers: 6" in body
    assert "Sara Fullname" in body
    assert plain("مریم رضایی") in body
    assert "A. I." in body and "Initialsperson" not in body
    assert "Secretperson" not in body
    assert "Name withheld at the signer's" in body
    assert "Signature withheld" in body
    assert "Voided Person" not in body
    assert "Paper sheet AB12-0001, row 3" in body
    assert len(PdfReader(out).pages) == 3  # cover, signers, the verification appendix


@needs_poppler
def test_delivery_cover_carries_no_verification_data(imported: vault.Vault, tmp_path: Path) -> None:
    """Fingerprints and digests are for the campaign: on the last page, not the cover."""
    out = tmp_path / "delivery.pdf"
    delivery.write_delivery(imported, out)
    with Intake(imported) as intake:
        organizer_fpr = intake.campaign.organizer_fingerprint
    sha, device = imported.conn.execute("SELECT sha256, device FROM intake_batches").fetchone()
    device_fpr = device_fingerprint(base64.b64decode(device))
    pages = len(PdfReader(out).pages)

    def page_text(n: int) -> str:
        return subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), str(out), "-"],
            capture_output=True,
            check=True,
            timeout=60,
            text=True,
        ).stdout

    cover, appendix = page_text(1), page_text(pages)
    assert "Unique signers: 6" in cover
    flat = cover.replace(" ", "").replace("\n", "")
    for secret in (organizer_fpr, device_fpr, sha, "SHA-256", "fingerprint"):
        assert secret.replace(" ", "") not in flat
    joined = appendix.replace(" ", "").replace("\n", "")
    assert "Verification data" in appendix
    assert organizer_fpr.replace(" ", "") in joined
    assert device_fpr.replace(" ", "") in joined
    assert sha in joined
    assert "Sara Fullname" not in appendix  # the appendix lists no signer


@needs_poppler
def test_delivery_in_persian(imported: vault.Vault, tmp_path: Path) -> None:
    out = tmp_path / "delivery-fa.pdf"
    delivery.write_delivery(imported, out, lang="fa")
    body = pdftext(out)
    assert plain("نام به درخواست امضاکننده") in body
    assert "Secretperson" not in body
    assert plain("مریم رضایی") in body
    assert "Sara Fullname" in body


def test_delivery_draws_signatures_as_vectors(imported: vault.Vault, tmp_path: Path) -> None:
    out = tmp_path / "d.pdf"
    delivery.write_delivery(imported, out)
    content = PdfReader(out).pages[1].get_contents()
    assert content is not None
    ops = content.get_data().decode("latin-1")
    # 4 drawn signatures (full, full, initials, mixed) of the demo's strokes, as lines
    strokes_per_sig = len(demo_signature().strokes)
    assert ops.count(" m\n") >= 4 * strokes_per_sig
    assert ops.count(" l\n") >= 4 * (demo_signature().point_count - strokes_per_sig)


def test_delivery_draws_no_hidden_signers_drawing(imported: vault.Vault, tmp_path: Path) -> None:
    """Exactly what is drawn: one block of vector strokes per shown drawing (full,
    full, initials, mixed) and none for the hidden signer, who drew one too."""
    out = tmp_path / "d.pdf"
    delivery.write_delivery(imported, out)
    content = PdfReader(out).pages[1].get_contents()
    assert content is not None
    ops = content.get_data().decode("latin-1")
    drawn = imported.conn.execute(
        "SELECT count(*) FROM signers WHERE strokes IS NOT NULL AND voided_by IS NULL"
    ).fetchone()[0]
    assert drawn == 5  # the hidden signer drew a signature too
    blocks = re.findall(r"[\d.]+ w 1 J 1 j\n(.*?)\nS\n", ops, re.S)
    assert len(blocks) == 4
    sig = demo_signature()
    singles = sum(len(s) == 1 for s in sig.strokes)
    for block in blocks:
        lines = block.split("\n")
        assert sum(line.endswith(" m") for line in lines) == len(sig.strokes)
        assert (
            sum(line.endswith(" l") for line in lines)
            == sig.point_count - len(sig.strokes) + singles
        )
    # Nothing else on the page is a path of more than one segment: table rules only.
    outside = re.sub(r"[\d.]+ w 1 J 1 j\n.*?\nS\n", "", ops, flags=re.S)
    assert outside.count(" l\n") + outside.count(" l ") <= 20


@needs_poppler
def test_report_counts_and_charts(imported: vault.Vault, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    stats = report.write_report(imported, out)
    assert stats["unique"] == 6 and stats["voided"] == 1
    body = pdftext(out)
    for heading in ("By day", "By event", "By device", "By country", "Rally"):
        assert heading in body
    assert "United States" in body  # typed "United States": counted as US, shown by name
    assert "Secretperson" not in body and "Sara Fullname" not in body
    fa = tmp_path / "report-fa.pdf"
    report.write_report(imported, fa, lang="fa")
    fa_body = pdftext(fa)
    assert plain("به تفکیک رویداد") in fa_body and plain("ایالات متحده") in fa_body


def test_cli_sheets(device: Device, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = device.vault.home
    device.vault.close()
    monkeypatch.setenv("TOMAR_PASSPHRASE", PASS)
    out = tmp_path / "cli.pdf"
    assert (
        cli.main(
            [
                "--home",
                str(home),
                "sheets",
                "blank",
                "--out",
                str(out),
                "--pages",
                "2",
                "--paper",
                "a4",
                "--lang",
                "fa",
            ]
        )
        == 0
    )
    assert len(PdfReader(out).pages) == 2
    assert cli.main(["--home", str(home), "sheets", "unentered", "--json"]) == 0
    assert (
        cli.main(["--home", str(home), "sheets", "blank", "--out", str(out), "--lang", "xx"]) == 1
    )
    # a device vault has no organizer keys: a plain error, not a traceback
    assert cli.main(["--home", str(home), "sheets", "delivery", "--out", str(out)]) == 1


# --- Arabic ------------------------------------------------------------------------------

_HARAKAT = dict.fromkeys(range(0x064B, 0x0653), None)


def bare(text_: str) -> str:
    """Arabic without its short-vowel marks, as the sheets print it (the reshaper drops
    them: ReportLab cannot place marks over letters without shaping)."""
    return plain(text_.translate(_HARAKAT))


@needs_poppler
def test_arabic_blank_sheet_reads_in_order_with_arabic_digits(
    device: Device, tmp_path: Path
) -> None:
    out = tmp_path / "ar.pdf"
    made = blank.write_blank(device.vault, out, sheets=1, lang="ar")
    body = pdftext(out)
    campaign = device.require_campaign()
    assert plain("الحرية للسجناء السياسيين في إيران") in body
    assert bare(campaign.text("consent", "ar"))[:30] in body
    assert plain("أوافق على ما يلي") in body
    assert plain("الاسم الكامل") in body
    assert plain("١٠") in body and plain("٩") in body  # row numbers in Arabic-Indic digits
    assert made[0].serial in body  # the serial stays as printed, left to right
    boxes = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(out), "-"],
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout.decode()
    xs: dict[str, float] = {}
    for x, word in re.findall(r'<word xMin="([0-9.]+)"[^>]*>([^<]*)</word>', boxes):
        for form in (plain(word), plain(word)[::-1]):
            xs.setdefault(form.strip(":"), float(x))
    # "تجريبية: الحرية للسجناء السياسيين في إيران": the first word at the right
    assert xs[plain("تجريبية")] > xs[plain("الحرية")] > xs[plain("إيران")]
    assert xs[plain("الصف")] > xs[plain("التوقيع")]  # columns run right to left


@needs_poppler
def test_delivery_in_arabic(imported: vault.Vault, tmp_path: Path) -> None:
    out = tmp_path / "delivery-ar.pdf"
    delivery.write_delivery(imported, out, lang="ar")
    body = pdftext(out)
    assert plain("الاسم محجوب بناء على طلب") in body
    assert "Secretperson" not in body
    assert "Sara Fullname" in body
    assert text.label("page", "ar", 1, 2) == "الصفحة ١ من ٢"
