"""Delivery packets, one per office: congressional offices read their own constituents.

`write_packets` splits the unique signers by state (for senators) or by district (for
representatives) and writes, into one folder, a PDF per office (a cover letter naming
the office and its constituents' count, then its signers drawn as the delivery sheets
draw them, each display choice honoured), `summary.pdf` and `packets.csv` listing every
packet with its SHA-256. Signers without a state, or whose ZIP spans districts with no
choice made yet ("split"), are counted in the summary and printed in no packet.

`write_aggregate` is for campaigns whose signers are most at risk: counts by state and
district only (PDF and CSV), no name, no signature, nothing that identifies anyone.

One light pass over the unique signers (`reports.unique_places`: row number, state,
district; no names or drawings decoded) splits them by office; each packet then reads
only its own rows by row number, AT_CHUNK at a time (`reports.signers_at`). So a split
delivery costs about what one delivery costs, and memory holds 8 bytes per signer (the
row numbers; 8 MB for a million) besides the pages being drawn. The digests are kept in
vault meta `delivery_packets` for the closing record.
"""

from __future__ import annotations

import csv
import enum
import hashlib
import io
import json
import threading
from array import array
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from .. import places
from ..atomic import atomic_write, atomic_writer
from ..campaign import Campaign
from ..errors import E
from ..identity import now_iso
from ..intake import Intake, Signer
from ..intake.districts import Resolver
from ..intake.reports import signers_at, unique_places
from ..vault import Vault
from . import text
from .blank import _addressee
from .common import MARGIN, Progress, SheetError, check_cancel, check_lang, flow, page_size
from .rows import (
    FOOT_H,
    HEAD_H,
    Pages,
    RowDrawer,
    SignerPainter,
    Undrawable,
    chunk_canvas,
)
from .stream import PdfStream

META_KEY = "delivery_packets"
ROWS_PER_TABLE = 30


class Split(enum.StrEnum):
    STATE = "state"
    DISTRICT = "district"


@dataclass(frozen=True)
class Packet:
    office: str  # "CA" or "CA-12"
    name: str  # the office as the cover names it
    signers: int
    file: str
    sha256: str
    #: rows of this packet with letters no font can draw (row numbers only)
    undrawable: tuple[Undrawable, ...] = ()


@dataclass(frozen=True)
class Packets:
    split: Split
    packets: list[Packet]
    #: signers in no packet: "no_state" (no US state known), "split" (ZIP spans districts,
    #: no choice yet), "no_district" (no ZIP or not in the table)
    left_out: dict[str, int]


_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "senate": "The offices of the Senators for {0}",
        "house": "The office of the Representative for {0}",
        "house_at_large": "The office of the Representative (at large) for {0}",
        "constituents": "{0} of your constituents signed this petition.",
        "summary": "Delivery packets",
        "office": "Office",
        "signers": "Signers",
        "file": "File",
        "no_state": "No US state known (in no packet)",
        "split": "ZIP code spans districts, none chosen yet (in no packet)",
        "no_district": "No district known (in no packet)",
        "aggregate": "Signers by state and district (no names)",
        "total": "Unique signers in all: {0}",
        "by_state": "By state",
        "by_district": "By congressional district",
    },
    "fa": {
        "senate": "دفتر سناتورهای ایالت {0}",
        "house": "دفتر نمایندهٔ حوزهٔ {0}",
        "house_at_large": "دفتر نمایندهٔ {0} (کل ایالت)",
        "constituents": "{0} نفر از حوزهٔ انتخابیهٔ شما این طومار را امضا کرده‌اند.",
        "summary": "بسته‌های تحویل",
        "office": "دفتر",
        "signers": "امضاکنندگان",
        "file": "فایل",
        "no_state": "ایالت نامشخص (در هیچ بسته‌ای نیست)",
        "split": "کد پستی در چند حوزه است و هنوز یکی انتخاب نشده (در هیچ بسته‌ای نیست)",
        "no_district": "حوزهٔ نامشخص (در هیچ بسته‌ای نیست)",
        "aggregate": "امضاکنندگان به تفکیک ایالت و حوزه (بدون نام)",
        "total": "همهٔ امضاکنندگان بی‌تکرار: {0}",
        "by_state": "به تفکیک ایالت",
        "by_district": "به تفکیک حوزهٔ انتخابیهٔ کنگره",
    },
}


def _label(key: str, lang: str, *args: object) -> str:
    table = _LABELS.get(lang.split("-")[0].lower(), _LABELS["en"])
    return table.get(key, _LABELS["en"][key]).format(
        *(text.digits(a, lang) if isinstance(a, int) else a for a in args)
    )


def office_of(signer: Signer, split: Split) -> str:
    """The office a signer's packet goes to, or why it goes to none."""
    return _office(signer["state"], signer["district"], split)


def _office(state: str, district: str, split: Split) -> str:
    if split is Split.STATE:
        return state if state in places.BY_CODE else "no_state"
    if district == places.SPLIT:
        return "split"
    return district if places.is_district(district) else "no_district"


def office_name(office: str, split: Split, lang: str) -> str:
    if split is Split.STATE:
        return _label("senate", lang, places.state_name(office, lang))
    state, number = office.split("-")
    if number == "AL":
        return _label("house_at_large", lang, places.state_name(state, lang))
    return _label("house", lang, office)


def _by_office(vault: Vault, split: Split, resolve: Resolver) -> dict[str, array[int]]:
    """Each office's signers as row numbers, in delivery order, from one light pass."""
    groups: dict[str, array[int]] = {}
    for rowid, state, district in unique_places(vault, resolve):
        office = _office(state, district, split)
        rows = groups.get(office)
        if rows is None:
            rows = groups[office] = array("q")
        rows.append(rowid)
    return groups


def write_packets(
    vault: Vault,
    folder: Path,
    split: Split,
    *,
    lang: str | None = None,
    paper: str = "letter",
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> Packets:
    """One PDF per office, a summary and the split as CSV; see the module's docstring."""
    if not folder.is_dir():
        raise SheetError(E.SHEETS_NO_SUCH_FOLDER, folder=folder)
    # One pool of processes draws the rows of every large packet.
    with Intake(vault, workers=1) as intake, RowDrawer() as drawer:
        campaign = intake.campaign
        lang = lang or campaign.languages[0]
        check_lang(lang, campaign.languages)
        resolve = Resolver(vault)
        groups = _by_office(vault, split, resolve)
        tally = {office: len(rows) for office, rows in groups.items()}
        offices = sorted(k for k in tally if k not in ("no_state", "split", "no_district"))
        if not offices and split is Split.STATE:
            raise SheetError(E.SHEETS_NO_KNOWN_STATE)
        if not offices:
            raise SheetError(E.SHEETS_NO_KNOWN_DISTRICT)
        packets: list[Packet] = []
        done = 0
        total = sum(tally[o] for o in offices)
        for office in offices:
            check_cancel(cancel)
            path = folder / f"packet-{office}.pdf"
            signers = signers_at(vault, groups.pop(office), resolve)
            undrawable = _write_packet(
                path, campaign, office, split, (lang, paper), tally[office], signers, drawer,
                cancel,
            )  # fmt: skip
            done += tally[office]
            if progress is not None:
                progress(done, total)
            packets.append(
                Packet(
                    office,
                    office_name(office, split, lang),
                    tally[office],
                    path.name,
                    _sha256(path),
                    tuple(undrawable),
                )
            )
        left_out = {k: tally[k] for k in ("no_state", "split", "no_district") if tally.get(k)}
        result = Packets(split, packets, left_out)
        _write_summary(folder / "summary.pdf", campaign, result, lang, paper)
        _write_csv(folder / "packets.csv", result)
        _remember(vault, result)
        return result


def _write_packet(
    path: Path,
    campaign: Campaign,
    office: str,
    split: Split,
    lang_paper: tuple[str, str],
    count: int,
    signers: Iterator[Signer],
    drawer: RowDrawer,
    cancel: threading.Event | None,
) -> list[Undrawable]:
    """One packet's PDF; returns its rows with letters no font can draw."""
    lang, paper = lang_paper
    size = page_size(paper)
    pages = Pages(campaign, lang, size)
    painter = SignerPainter(campaign, lang, size)
    w, h = size
    frame = (MARGIN, MARGIN + FOOT_H, w - 2 * MARGIN, h - 2 * MARGIN - FOOT_H - HEAD_H)
    text.register_fonts()
    cover_pages = flow(
        chunk_canvas(size), _cover(campaign, office, split, lang, count), frame, lambda c: None
    )
    pages.total = cover_pages + -(-count // painter.per_page)
    with atomic_writer(path, mode=0o600, what=E.WORD_A_DELIVERY_PACKET) as fh:
        pdf = PdfStream(fh, title=f"{campaign.text('title', lang)} - {office}")
        canvas = chunk_canvas(size)
        flow(
            canvas,
            _cover(campaign, office, split, lang, count),
            frame,
            pages.decorate,
            cancel=cancel,
        )
        pdf.add(canvas.getpdfdata())
        undrawable: list[Undrawable] = []

        def watched() -> Iterator[Signer]:
            for row, signer in enumerate(signers, start=1):
                if bad := painter.undrawable(signer):
                    undrawable.append(Undrawable(row, bad))
                yield signer

        drawer.draw(pdf, pages, painter, watched(), count, None, cancel)
        pdf.close()
    return undrawable


def _cover(campaign: Campaign, office: str, split: Split, lang: str, count: int) -> list[Flowable]:
    head = text.style(lang, 12, bold=True, name="head")
    body = text.style(lang, 10, name="body")
    small = text.style(lang, 8.5, name="small")
    story: list[Flowable] = [Spacer(1, 2 * mm)]
    story.append(text.paragraph(office_name(office, split, lang), head))
    story.append(text.paragraph(_label("constituents", lang, count), head))
    story.append(Spacer(1, 3 * mm))
    story.append(text.paragraph(text.label("to", lang, _addressee(campaign, lang)), body))
    story += text.paragraphs(campaign.text("text", lang), body)
    story.append(Spacer(1, 3 * mm))
    story.append(
        text.paragraph(text.label("organizer_fpr", lang, campaign.organizer_fingerprint), small)
    )
    story.append(
        text.paragraph(text.label("generated", lang, now_iso()[:16].replace("T", " ")), small)
    )
    return story


def _table(rows: list[list[str]], widths: list[float], lang: str) -> Table:
    rtl = text.is_rtl(lang)
    data = [[text.visual(v, "RTL" if rtl and text.has_rtl(v) else None) for v in r] for r in rows]
    if rtl:
        data = [list(reversed(r)) for r in data]
        widths = list(reversed(widths))
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), text.font(), 8.5),
                ("FONT", (0, 0), (-1, 0), text.font(bold=True), 8.5),
                ("GRID", (0, 0), (-1, -1), 0.4, (0.6, 0.6, 0.6)),
                ("BACKGROUND", (0, 0), (-1, 0), (0.9, 0.9, 0.9)),
                ("ALIGN", (0, 0), (-1, -1), "RIGHT" if rtl else "LEFT"),
            ]
        )
    )
    return table


def _tables(rows: list[list[str]], widths: list[float], lang: str) -> list[Flowable]:
    """Long tables as one table per ROWS_PER_TABLE rows, each with the header: `flow`
    does not split a flowable across pages, and 435 districts fill several."""
    head, body = rows[0], rows[1:]
    out: list[Flowable] = []
    for i in range(0, max(len(body), 1), ROWS_PER_TABLE):
        out += [_table([head, *body[i : i + ROWS_PER_TABLE]], widths, lang), Spacer(1, 2 * mm)]
    return out


def _document(path: Path, campaign: Campaign, story: list[Flowable], lang: str, paper: str) -> None:
    size = page_size(paper)
    pages = Pages(campaign, lang, size)
    w, h = size
    frame = (MARGIN, MARGIN + FOOT_H, w - 2 * MARGIN, h - 2 * MARGIN - FOOT_H - HEAD_H)
    text.register_fonts()
    pages.total = flow(chunk_canvas(size), list(story), frame, lambda c: None)
    with atomic_writer(path, mode=0o600, what=E.WORD_THE_DELIVERY_SUMMARY) as fh:
        pdf = PdfStream(fh, title=campaign.text("title", lang))
        canvas = chunk_canvas(size)
        flow(canvas, list(story), frame, pages.decorate)
        pdf.add(canvas.getpdfdata())
        pdf.close()


def _write_summary(path: Path, campaign: Campaign, result: Packets, lang: str, paper: str) -> None:
    head = text.style(lang, 12, bold=True, name="head")
    small = text.style(lang, 8.5, name="small")
    rows = [[_label("office", lang), _label("signers", lang), _label("file", lang)]]
    for p in result.packets:
        rows.append([p.name, text.digits(p.signers, lang), p.file])
    story: list[Flowable] = [
        text.paragraph(_label("summary", lang), head),
        Spacer(1, 3 * mm),
        *_tables(rows, [100 * mm, 22 * mm, 60 * mm], lang),
    ]
    for key, n in result.left_out.items():
        story.append(text.paragraph(f"{_label(key, lang)}: {text.digits(n, lang)}", small))
    for p in result.packets:
        story.append(text.paragraph(f"{p.file}  SHA-256 {p.sha256}", small))
    _document(path, campaign, story, lang, paper)


def _write_csv(path: Path, result: Packets) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["split", "office", "name", "signers", "file", "sha256"])
    for p in result.packets:
        writer.writerow([result.split.value, p.office, p.name, p.signers, p.file, p.sha256])
    for key, n in result.left_out.items():
        writer.writerow([result.split.value, key, "", n, "", ""])
    atomic_write(path, b"\xef\xbb\xbf" + buf.getvalue().encode(), what=E.WORD_THE_PACKETS_CSV)


def _remember(vault: Vault, result: Packets) -> None:
    """Kept for the closing record: which packets left, with their digests."""
    old = vault.get_meta(META_KEY)
    kept: list[dict[str, object]] = json.loads(old) if old else []
    kept.append(
        {
            "time": now_iso(),
            "split": result.split.value,
            "packets": [
                {k: v for k, v in asdict(p).items() if k != "undrawable"} for p in result.packets
            ],
        }
    )
    with vault.transaction() as conn:
        vault.set_meta(conn, META_KEY, json.dumps(kept[-50:], ensure_ascii=False).encode())


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@dataclass(frozen=True)
class Aggregate:
    total: int
    by_state: dict[str, int]
    by_district: dict[str, int]


def aggregate_counts(vault: Vault) -> Aggregate:
    with Intake(vault, workers=1) as intake:
        stats = intake.stats()
    return Aggregate(
        total=int(stats["unique"]),
        by_state={str(b["key"]): int(b["unique"]) for b in stats["by_state"] if b["unique"]},
        by_district={str(b["key"]): int(b["unique"]) for b in stats["by_district"] if b["unique"]},
    )


def write_aggregate(
    vault: Vault, folder: Path, *, lang: str | None = None, paper: str = "letter"
) -> Aggregate:
    """Counts by state and district only: `aggregate.pdf` and `aggregate.csv`, no names."""
    if not folder.is_dir():
        raise SheetError(E.SHEETS_NO_SUCH_FOLDER, folder=folder)
    counts = aggregate_counts(vault)
    with Intake(vault, workers=1) as intake:
        campaign = intake.campaign
    lang = lang or campaign.languages[0]
    check_lang(lang, campaign.languages)
    head = text.style(lang, 12, bold=True, name="head")
    story: list[Flowable] = [
        text.paragraph(_label("aggregate", lang), head),
        text.paragraph(text.label("to", lang, _addressee(campaign, lang)), head),
        text.paragraph(_label("total", lang, counts.total), head),
        Spacer(1, 3 * mm),
    ]
    for key, table in (("by_state", counts.by_state), ("by_district", counts.by_district)):
        if not table:
            continue
        rows = [[_label(key, lang), _label("signers", lang)]]
        for k, n in table.items():
            shown = places.state_name(k, lang) if key == "by_state" else k
            rows.append([shown, text.digits(n, lang)])
        story += _tables(rows, [90 * mm, 30 * mm], lang)
    _document(folder / "aggregate.pdf", campaign, story, lang, paper)
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["kind", "key", "signers"])
    writer.writerow(["total", "", counts.total])
    for k, n in counts.by_state.items():
        writer.writerow(["state", k, n])
    for k, n in counts.by_district.items():
        writer.writerow(["district", k, n])
    atomic_write(
        folder / "aggregate.csv",
        b"\xef\xbb\xbf" + buf.getvalue().encode(),
        what=E.WORD_THE_AGGREGATE_CSV,
    )
    return counts
