"""Every name prints, whole: names in many scripts, initials, and text kept in its cell.

Signers are saved on a real device, exported as a real batch and imported by the
organizer; the delivery PDF is read back with poppler (text layer and word boxes) and
pypdf (embedded fonts).
"""

from __future__ import annotations

import html
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tomar import cli
from tomar.core import vault
from tomar.core.device import Device
from tomar.core.errors import E
from tomar.core.intake import Intake
from tomar.core.normalize import initials
from tomar.core.records import MAX_FIELD_LEN, MAX_NAME_LEN, SignatureForm
from tomar.core.sheets import delivery, report, text
from tomar.core.sheets import rows as sheet_rows
from tomar.core.sheets.common import MARGIN
from tomar.core.sheets.text import fonts

from .conftest import PASS, demo_signature
from .sheetkit import Org, import_all, pdftext, plain

# Skipped without poppler-utils on a developer's machine; a failure in CI (conftest).
needs_poppler = pytest.mark.needs_tool("pdftotext")

#: (name, display, city) in the order they are saved, so row n is NAMES[n - 1].
NAMES = [
    ("Иван Петров", "full", "Москва"),
    ("Արամ Խաչատրյան", "full", "Երևան"),
    ("דוד כהן", "full", "תל אביב"),
    ("Γιώργος Παπαδόπουλος", "full", "Αθήνα"),
    ("ნინო ბერიძე", "full", "თბილისი"),
    ("Nguyễn Thị Minh Khai", "full", "Hà Nội"),
    ("مریم رضایی", "full", "تهران"),
    ("فاطمة الزهراء", "full", "القاهرة"),
    ("王小明", "full", "北京"),
    ("Ольга Смирнова", "initials", "Київ"),
    ("Łukasz Żółć-Ødegård", "full", "Kraków"),
]
CHINESE_ROW = 9


@pytest.fixture
def system_fonts() -> Iterator[None]:
    yield
    text.use_system_fonts(True)


def _import(org: Org, device: Device, tmp_path: Path, people: list[tuple[str, str, str]]) -> None:
    for name, display, city in people:
        device.save(
            SignatureForm(
                fields={"full_name": name, "city": city, "country": "Україна"},
                lang="en",
                consent=True,
                display=display,
                signature=demo_signature(),
            )
        )
    import_all(org, device, tmp_path / "out")


@pytest.fixture
def many_scripts(org: Org, device: Device, tmp_path: Path) -> vault.Vault:
    _import(org, device, tmp_path, NAMES)
    return org[0]


def _fonts(reader: PdfReader) -> dict[str, Any]:
    """Every font the pages use, by base name without the subset tag."""
    out: dict[str, Any] = {}
    for page in reader.pages:
        resources: Any = page["/Resources"].get_object()
        fonts: Any = resources.get("/Font")
        for ref in (fonts.get_object() if fonts else {}).values():
            font = ref.get_object()
            out[str(font["/BaseFont"]).lstrip("/").split("+")[-1]] = font
    return out


def _embedded(font: Any) -> bool:
    descriptor = font.get("/FontDescriptor")
    if descriptor is None and "/DescendantFonts" in font:
        descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
    if descriptor is None:
        return False
    d = descriptor.get_object()
    return any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3"))


@needs_poppler
def test_names_in_every_script_print_whole(many_scripts: vault.Vault, tmp_path: Path) -> None:
    out = tmp_path / "delivery.pdf"
    assert delivery.write_delivery(many_scripts, out) == len(NAMES)
    body = pdftext(out)
    chinese_drawable = text.missing("王小明北京") == ""
    for name, display, city in NAMES:
        if name == "王小明" and not chinese_drawable:
            continue  # no CJK font on this machine: reported instead (asserted below)
        shown = initials(name) if display == "initials" else name
        assert plain(shown) in body, shown
        assert plain(city) in body, city
    assert "Ольга" not in body and "О. С." in body  # initials, in Cyrillic, not ". ."
    assert "Nguyễn" in body and "Nguyn" not in body
    fonts = _fonts(PdfReader(out))
    for family in (
        "Vazirmatn",
        "NotoSans",
        "NotoSansArmenian",
        "NotoSansGeorgian",
        "NotoSansHebrew",
    ):
        assert any(f.startswith(f"{family}-") for f in fonts), (family, sorted(fonts))
    for name, font in fonts.items():
        if name.startswith(("Courier", "Helvetica", "Times", "Symbol", "ZapfDingbats")):
            continue
        assert _embedded(font), name
    rows = delivery.undrawable_rows(many_scripts)
    if chinese_drawable:
        assert rows == []
        assert plain("王小明") in body
    else:
        assert rows == [sheet_rows.Undrawable(CHINESE_ROW, ("name", "city"))]


@needs_poppler
def test_without_a_font_the_rows_are_reported_not_dropped(
    many_scripts: vault.Vault,
    tmp_path: Path,
    system_fonts: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    text.use_system_fonts(False)  # as on a machine without any CJK font
    assert text.missing("王小明 Иван") == "王小明"
    assert delivery.undrawable_rows(many_scripts) == [
        sheet_rows.Undrawable(CHINESE_ROW, ("name", "city"))
    ]
    home = many_scripts.home
    many_scripts.close()
    out = tmp_path / "cli.pdf"
    argv = ["--home", str(home), "sheets", "delivery", "--out", str(out)]
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TOMAR_PASSPHRASE", PASS)
        assert cli.main(argv) == 0
    err = capsys.readouterr().err
    assert f"Rows: {CHINESE_ROW} (name/city)" in err and "1 rows" in err
    assert "王" not in err and "Петров" not in err  # row numbers only, never names
    body = pdftext(out)
    assert plain("Иван Петров") in body  # everything else still prints


def _word_boxes(pdf: Path, page: int) -> tuple[float, list[tuple[str, float, float, float, float]]]:
    """Page height and (word, x0, y0, x1, y1) in PDF points, y upwards, from poppler."""
    done = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout.decode()
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', done)[1])  # type: ignore[index]
    words = []
    for m in re.finditer(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', done
    ):
        x0, y0, x1, y1 = map(float, m.groups()[:4])
        words.append((html.unescape(m[5]), x0, height - y1, x1, height - y0))
    return height, words


@needs_poppler
@pytest.mark.parametrize("lang", ["en", "fa"])
def test_longest_values_stay_inside_their_cells(
    org: Org, device: Device, tmp_path: Path, lang: str
) -> None:
    long_city = "Llanfairpwllgwyngyll" * 10  # one unbreakable word, as long as allowed
    long_name = ("Wolfeschlegelsteinhausenbergerdorff " * 4)[:MAX_NAME_LEN]
    people = [
        ("Sara Short", "full", "Austin"),
        (long_name, "full", long_city[:MAX_FIELD_LEN]),
        ("Иван " + "Ж" * (MAX_NAME_LEN - 5), "full", "Ереван " * 28),
        ("Nguyễn Văn An", "full", "Hà Nội"),
    ]
    _import(org, device, tmp_path, people)
    out = tmp_path / f"long-{lang}.pdf"
    delivery.write_delivery(org[0], out, lang=lang)
    with Intake(org[0]) as intake:
        painter = sheet_rows.SignerPainter(intake.campaign, lang, (612.0, 792.0))
    body = pdftext(out)
    assert "Sara Short" in body and "Nguyễn Văn An" in body
    pages = len(PdfReader(out).pages)
    # The signer rows are on the page before the last (the appendix for the campaign).
    _, words = _word_boxes(out, pages - 1)
    table_top = painter.top - sheet_rows.COL_HEAD_H
    checked = 0
    for word, x0, y0, x1, y1 in words:
        cy = (y0 + y1) / 2
        if not (table_top - len(people) * sheet_rows.ROW_H < cy < table_top):
            continue  # title, column heads, page number
        slot = int((table_top - cy) // sheet_rows.ROW_H)
        row_top = table_top - slot * sheet_rows.ROW_H
        cx = (x0 + x1) / 2
        cell = next(c for c in painter.cols if c[2] <= cx <= c[2] + c[3])
        eps = 0.6
        assert cell[2] - eps <= x0 and x1 <= cell[2] + cell[3] + eps, (word[:12], cell[0])
        assert row_top - sheet_rows.ROW_H - eps <= y0 and y1 <= row_top + eps, (word[:12], slot)
        checked += 1
    assert checked >= 12
    cut = [w for w, *_ in words if w.endswith(text.ELLIPSIS)]
    assert len(cut) >= 3, cut  # the long city, name and Cyrillic values: cut visibly
    assert MARGIN > 0


def test_initials_in_every_script() -> None:
    assert initials("Иван Петров") == "И. П."
    assert initials("Nguyễn Văn An") == "N. V. A."
    assert initials("Nguye\u0302\u0303n Van") == "N. V."  # decomposed input, composed out
    assert initials("Jean-Pierre Dupont") == "J.-P. D."
    assert initials("مریم رضایی") == "م. ر."
    assert initials("محمد\u200cرضا شجریان") == "م. ش."  # ZWNJ keeps one word
    assert initials("שָׁלוֹם כהן") == "שָׁ. כ."  # the letter keeps its points
    assert initials("ნინო ბერიძე") == "ნ. ბ."  # no case mapping to Mtavruli
    assert initials("Արամ Խաչատրյան") == "Ա. Խ."
    assert initials("«Ali» - Reza") == "A. R."  # quotes and a lone dash give nothing
    assert initials("王小明") == "王."
    assert initials("") == ""


def test_fit_never_leaves_the_box() -> None:
    for value in (
        "x" * 199,
        "Llanfairpwllgwyngyll " * 10,
        "مریم رضایی " * 20,
        "Γιώργος Παπαδόπουλος " * 12,
        "Sara",
    ):
        size, lines = text.fit(value, 70, 28, 9, min_size=5)
        assert size >= 5
        assert len(lines) * size * 1.2 <= 28 or len(lines) == 1
        assert all(text.width(line, size) <= 70 for line in lines), value[:10]
        if value != "Sara":
            assert lines[-1].endswith(text.ELLIPSIS)
    assert text.fit("Sara", 70, 28, 9) == (9, ["Sara"])
    assert text.ellipsize("x" * 500, 9, 40).endswith(text.ELLIPSIS)
    assert text.width(text.ellipsize("x" * 500, 9, 40), 9) <= 40


def test_runs_pick_one_face_per_word() -> None:
    assert text.runs("Sara Example") == [("Sara Example", text.FONT)]
    parts = dict((run.strip(), name) for run, name in text.runs("Nguyễn Иван Արամ"))
    assert parts == {"Nguyễn Иван": "NotoSans", "Արամ": "NotoSansArmenian"}
    assert text.runs("Արամ", bold=True) == [("Արամ", "NotoSansArmenian-Bold")]


@needs_poppler
def test_report_tables_show_event_names_in_any_script(
    org: Org, device: Device, tmp_path: Path
) -> None:
    event = "Митинг у Бранденбургских ворот"
    device.start_event(event, "Берлин")
    _import(org, device, tmp_path, [("Иван Петров", "full", "Берлин")])
    out = tmp_path / "report.pdf"
    report.write_report(org[0], out)
    body = pdftext(out)
    assert plain(event) in body
    assert "Иван" not in body  # the report has no names
    layer = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert event[:17] + text.ELLIPSIS in layer  # the chart's (rotated) label, cut short
    fa = tmp_path / "report-fa.pdf"
    report.write_report(org[0], fa, lang="fa")
    assert plain(event) in pdftext(fa)


@needs_poppler
def test_paragraphs_in_other_scripts_print(tmp_path: Path) -> None:
    """Campaign texts (petition, addressee) go through paragraphs, not cells."""
    from tomar.core.sheets.common import flow, pdf_canvas

    out = tmp_path / "para.pdf"
    lines = ["Петиция & Конгрессу <b> Nguyễn, Αθήνα", "Обычный текст ნინო Արամ"]
    with pdf_canvas(out, (612, 792), title="t", what=E.WORD_THE_FILE) as c:
        story = [text.paragraph(lines[0], text.style("en", 12, bold=True))]
        story.append(text.paragraph(lines[1], text.style("en", 10)))
        flow(c, story, (50, 50, 500, 700), lambda _: None)
    body = pdftext(out)
    for line in lines:
        assert plain(line) in body


@pytest.fixture
def fresh_system_fonts() -> Iterator[None]:
    def forget() -> None:
        fonts._state.catalogue = None
        fonts._state.system.clear()
        fonts._state.tried.clear()
        fonts._state.by_char.clear()

    forget()
    yield
    forget()


def test_without_fontconfig_known_font_files_are_tried(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_system_fonts: None
) -> None:
    """Windows and macOS have no fc-list: their broad fonts are read by name, and a file
    that is no usable font (a CFF font, junk) is skipped, not fatal."""
    found = subprocess.run(
        ["fc-match", "--format=%{file}", ":charset=738b:fontformat=TrueType"],
        capture_output=True,
        check=False,
        timeout=30,
    ).stdout.decode()
    if not found.endswith((".ttf", ".ttc")) or "王" not in _cmap_chars(found):
        pytest.skip("no TrueType CJK font on this machine to stand in for a Windows one")
    junk = tmp_path / "junk.ttf"
    junk.write_bytes(b"\x00\x01\x00\x00" + b"not a font" * 100)
    monkeypatch.setattr(fonts, "_fc_list", lambda: None)
    monkeypatch.setattr(
        fonts, "_known_font_files", lambda: [junk, tmp_path / "absent.ttc", Path(found)]
    )
    assert text.missing("王小明") == ""
    assert [f.name for f in fonts._state.system] == ["TomarSystem0"]
    assert text.missing("\u0378") == "\u0378"  # unassigned: no font has it


def _cmap_chars(path: str) -> str:
    from reportlab.pdfbase.ttfonts import TTFont

    return "".join(map(chr, TTFont("probe", path).face.charToGlyph))


@needs_poppler
def test_packets_name_their_own_rows_no_font_can_draw(
    org: Org,
    device: Device,
    tmp_path: Path,
    system_fonts: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Each packet lists its rows with letters no font can draw, numbered as in that packet;
    the command line names the packet's file and the row, never the letters."""
    from tomar.core.sheets import packets

    for name, zip_code in (("Sara Short", "10001"), ("Ali First", "94103"), ("王小明", "94103")):
        device.save(
            SignatureForm(
                fields={"full_name": name, "city": "Somewhere", "postal_code": zip_code},
                lang="en",
                consent=True,
                signature=demo_signature(),
            )
        )
    import_all(org, device, tmp_path / "out")
    text.use_system_fonts(False)  # as on a machine without any CJK font
    folder = tmp_path / "packets"
    folder.mkdir()
    made = packets.write_packets(org[0], folder, packets.Split.STATE)
    assert {p.office: p.undrawable for p in made.packets} == {
        "CA": (sheet_rows.Undrawable(2, ("name",)),),  # second row of California's packet
        "NY": (),
    }
    assert "Ali First" in pdftext(folder / "packet-CA.pdf")
    home = org[0].home
    org[0].close()
    argv = ["--home", str(home), "sheets", "delivery", "--split", "state", "--out", str(folder)]
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TOMAR_PASSPHRASE", PASS)
        assert cli.main(argv) == 0
    err = capsys.readouterr().err
    assert "In packet-CA.pdf, 1 rows have letters" in err and "Rows: 2 (name)" in err
    assert "packet-NY.pdf" not in err and "王" not in err
