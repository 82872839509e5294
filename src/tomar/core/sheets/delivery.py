"""Delivery sheets: a cover letter, every unique signer, then a verification appendix.

The cover is what a staffer at the office reads: the addressee, the petition and the count.
Key fingerprints, device fingerprints and batch digests mean nothing to that reader and
show which devices collected; they go on an appendix page at the end, addressed to the
campaign (which may keep it back), where anyone checking the count against the batches
finds them.

Signers are streamed from the vault and drawn straight onto a canvas, one fixed-height
row each, so no flowables or signer lists pile up in memory however many signed. ReportLab
keeps a whole document in memory until it is saved, so the sheets are made in chunks of
CHUNK_PAGES pages, each its own small PDF in memory, which `stream.PdfStream` appends to
the output file and forgets: memory stays flat in the number of signers. Page numbers run
on across chunks ("page x of y": the total is known before drawing). Each signer's
display choice is honoured: "initials" prints initials, "hidden" prints neither the name
nor the drawn signature (a handwritten signature often spells the name). Email and phone
never appear.
"""

from __future__ import annotations

import base64
import io
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from .. import strokes
from ..atomic import atomic_writer
from ..campaign import Campaign
from ..errors import E, TomarError
from ..identity import device_fingerprint, now_iso
from ..intake import Intake, Signer
from ..normalize import initials
from ..vault import Vault
from . import text
from .blank import _addressee
from .common import MARGIN, Progress, check_cancel, check_lang, flow, new_canvas, page_size
from .stream import PdfStream

ROW_H = 13 * mm
HEAD_H = 14 * mm
FOOT_H = 8 * mm
COL_HEAD_H = 6 * mm
TEXT_SIZE = 9.0
PEN = 0.022  # line width as a fraction of the signature box height, like a medium pen
CHUNK_PAGES = 25  # pages per in-memory ReportLab document: bounds memory; each embeds fonts


def _columns(campaign: Campaign, lang: str, total: float) -> list[tuple[str, str, float]]:
    """(key, title, width); country only if the campaign asks for it."""
    kinds = {f.kind for f in campaign.fields}
    cols = [("row", text.label("row", lang), 10 * mm), ("name", text.label("name", lang), 0.0)]
    if "city" in kinds:
        cols.append(("city", text.label("city", lang), 28 * mm))
    if "country" in kinds:
        cols.append(("country", text.label("country", lang), 22 * mm))
    cols.append(("date", text.label("date", lang), 21 * mm))
    cols.append(("signature", text.label("signature", lang), 58 * mm))
    rest = total - sum(w for _, _, w in cols)
    return [(k, t, rest if k == "name" else w) for k, t, w in cols]


class _Pages:
    """The fixed parts of every page: title, page x of y."""

    def __init__(self, campaign: Campaign, lang: str, size: tuple[float, float]) -> None:
        self.campaign = campaign
        self.lang = lang
        self.rtl = text.is_rtl(lang)
        self.size = size
        self.page = 0
        self.total = 0

    def decorate(self, c: Canvas) -> None:
        self.page += 1
        w, h = self.size
        base = "RTL" if self.rtl else None
        x = w - MARGIN if self.rtl else MARGIN
        align = "right" if self.rtl else "left"
        title = self.campaign.text("title", self.lang)
        size, lines = text.fit(title, w - 2 * MARGIN, HEAD_H - 3 * mm, 11, min_size=6, bold=True)
        text.draw_lines(c, lines, x, h - MARGIN, size, align=align, bold=True, base=base)
        footer = text.label("page", self.lang, self.page, self.total)
        text.draw(c, footer, w / 2, MARGIN, 8, align="center", base=base)
        if self.campaign.is_demo:
            corner = MARGIN if self.rtl else w - MARGIN
            text.draw(
                c,
                text.label("demo", self.lang),
                corner,
                MARGIN,
                8,
                bold=True,
                align="left" if self.rtl else "right",
                base=base,
            )


#: The appendix's own sentences (kept here, beside the only page that uses them).
APPENDIX = {
    "en": {
        "title": "Verification data (for the campaign, not part of the petition)",
        "note": "With this page the campaign can check the count on the first page against "
        "the signed batches it received. It is not meant for the recipient of the petition: "
        "take it out before delivery.",
    },
    "fa": {
        "title": "داده‌های راستی‌آزمایی (برای کارزار، نه بخشی از طومار)",
        "note": "با این صفحه کارزار می‌تواند شمار امضاهای صفحهٔ نخست را با بسته‌های امضای "
        "دریافت‌شده بسنجد. این صفحه برای گیرندهٔ طومار نیست: پیش از تحویل آن را جدا کنید.",
    },
    "ar": {
        "title": "بيانات التحقق (للحملة، وليست جزءًا من العريضة)",
        "note": "بهذه الصفحة تستطيع الحملة مطابقة العدد في الصفحة الأولى مع الدفعات الموقّعة "
        "التي تلقتها. وهي ليست موجهة إلى متلقي العريضة: انزعها قبل التسليم.",
    },
}


def _appendix_text(key: str, lang: str) -> str:
    return APPENDIX.get(lang.split("-")[0].lower(), APPENDIX["en"])[key]


def _cover(intake: Intake, lang: str, unique: int, width: float) -> list[Flowable]:
    """The letter a staffer reads: no fingerprints, no digests (see `_appendix`)."""
    campaign = intake.campaign
    head = text.style(lang, 12, bold=True, name="head")
    body = text.style(lang, 10, name="body")
    small = text.style(lang, 8.5, name="small")
    story: list[Flowable] = [Spacer(1, 2 * mm)]
    story.append(text.paragraph(text.label("to", lang, _addressee(campaign, lang)), head))
    story += text.paragraphs(campaign.text("text", lang), body)
    story.append(Spacer(1, 3 * mm))
    story.append(text.paragraph(text.label("unique_signers", lang, unique), head))
    story.append(text.paragraph(text.label("generated", lang, now_iso()[:10]), small))
    return story


def _appendix(intake: Intake, lang: str, width: float) -> list[Flowable]:
    """The campaign's page: the organizer key and a digest of every imported batch."""
    campaign = intake.campaign
    head = text.style(lang, 12, bold=True, name="head")
    small = text.style(lang, 8.5, name="small")
    story: list[Flowable] = [Spacer(1, 2 * mm)]
    story.append(text.paragraph(_appendix_text("title", lang), head))
    story.append(text.paragraph(_appendix_text("note", lang), small))
    story.append(Spacer(1, 3 * mm))
    story.append(
        text.paragraph(text.label("organizer_fpr", lang, campaign.organizer_fingerprint), small)
    )
    story.append(Spacer(1, 3 * mm))
    story.append(text.paragraph(text.label("batches", lang), head))
    story += _batch_tables(intake, lang, width)
    return story


#: Batches per piece of the appendix's table: `flow` does not split a flowable, and a
#: national campaign sends hundreds of batches (each piece fits an empty page, header too).
BATCH_ROWS = 30


def _batch_tables(intake: Intake, lang: str, width: float) -> list[Flowable]:
    rtl = text.is_rtl(lang)
    header: list[list[str]] = [
        [
            text.visual(text.label(k, lang), "RTL" if rtl else None)
            for k in ("batch_device", "batch_number", "batch_records", "batch_sha256")
        ]
    ]
    rows: list[list[str]] = []
    for device, number, count, sha in intake.vault.conn.execute(
        "SELECT device, number, record_count, sha256 FROM intake_batches "
        "WHERE status = 'imported' ORDER BY received_at, device, number"
    ):
        rows.append(
            [device_fingerprint(base64.b64decode(device)), str(number), str(count), str(sha)]
        )
    if not rows:
        rows.append([text.visual(text.label("none", lang), "RTL" if rtl else None), "", "", ""])
    widths = [60 * mm, 14 * mm, 18 * mm, width - 92 * mm]
    if rtl:
        header = [list(reversed(r)) for r in header]
        rows = [list(reversed(r)) for r in rows]
        widths = list(reversed(widths))
    return [
        _batch_table(header + rows[i : i + BATCH_ROWS], widths, rtl)
        for i in range(0, len(rows), BATCH_ROWS)
    ]


def _batch_table(rows: list[list[str]], widths: list[float], rtl: bool) -> Flowable:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), text.font(), 7),
                ("FONT", (0, 0), (-1, 0), text.font(bold=True), 7.5),
                ("FONT", (-1 if not rtl else 0, 1), (-1 if not rtl else 0, -1), "Courier", 6.5),
                ("GRID", (0, 0), (-1, -1), 0.4, (0.6, 0.6, 0.6)),
                ("BACKGROUND", (0, 0), (-1, 0), (0.9, 0.9, 0.9)),
                ("ALIGN", (0, 0), (-1, -1), "RIGHT" if rtl else "LEFT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


class _SignerPainter:
    """Draws signer rows; one instance per document."""

    def __init__(self, campaign: Campaign, lang: str, size: tuple[float, float]) -> None:
        self.campaign = campaign
        self.lang = lang
        self.rtl = text.is_rtl(lang)
        w, h = size
        self.left = MARGIN
        self.width = w - 2 * MARGIN
        self.top = h - MARGIN - HEAD_H
        self.bottom = MARGIN + FOOT_H
        self.per_page = int((self.top - COL_HEAD_H - self.bottom) // ROW_H)
        cols = _columns(campaign, lang, self.width)
        xs: list[tuple[str, str, float, float]] = []
        x = self.left
        for key, title, cw in reversed(cols) if self.rtl else cols:
            xs.append((key, title, x, cw))
            x += cw
        self.cols = xs
        fields = campaign.fields
        self.name_field = next((f.name for f in fields if f.kind == "name"), "")
        self.city_field = next((f.name for f in fields if f.kind == "city"), "")
        self.country_field = next((f.name for f in fields if f.kind == "country"), "")

    def printed(self, signer: Signer) -> dict[str, str]:
        """What the signer's own cells say, by column, after their display choice."""
        fields: dict[str, str] = signer["fields"]
        name = fields.get(self.name_field, "")
        display = signer["display"]
        if display == "hidden":
            name = ""
        elif display == "initials":
            name = initials(name)
        return {
            "name": name,
            "city": fields.get(self.city_field, ""),
            "country": fields.get(self.country_field, ""),
        }

    def header(self, c: Canvas) -> None:
        c.setLineWidth(0.5)
        c.setFillGray(0.9)
        c.rect(self.left, self.top - COL_HEAD_H, self.width, COL_HEAD_H, stroke=0, fill=1)
        c.setFillGray(0)
        base = "RTL" if self.rtl else None
        for _, title, x, cw in self.cols:
            text.draw(
                c,
                title,
                x + cw / 2,
                self.top - COL_HEAD_H + 5,
                8,
                align="center",
                bold=True,
                base=base,
            )

    def row(self, c: Canvas, index: int, slot: int, signer: Signer) -> None:
        top = self.top - COL_HEAD_H - slot * ROW_H
        bottom = top - ROW_H
        c.setStrokeGray(0.7)
        c.setLineWidth(0.4)
        c.line(self.left, bottom, self.left + self.width, bottom)
        c.setStrokeGray(0)
        printed = self.printed(signer)
        display = signer["display"]
        for key, _, x, cw in self.cols:
            if key == "row":
                self._cell(
                    c, text.digits(index, self.lang), x, top, cw, "RTL" if self.rtl else None
                )
            elif key == "name":
                if display == "hidden":
                    self._cell(
                        c,
                        text.label("name_withheld", self.lang),
                        x,
                        top,
                        cw,
                        "RTL" if self.rtl else None,
                        gray=True,
                    )
                else:
                    self._cell(c, printed["name"], x, top, cw)
            elif key in ("city", "country"):
                self._cell(c, printed[key], x, top, cw)
            elif key == "date":
                self._cell(c, str(signer["time"])[:10], x, top, cw, "LTR")
            elif key == "signature":
                self._signature(c, signer, x, top, cw)

    def _cell(
        self,
        c: Canvas,
        value: str,
        x: float,
        top: float,
        cw: float,
        base: str | None = None,
        *,
        gray: bool = False,
    ) -> None:
        if not value:
            return
        pad = 1.5 * mm
        size, lines = text.fit(value, cw - 2 * pad, ROW_H - 2 * pad, TEXT_SIZE, min_size=5)
        block = len(lines) * size * 1.2
        first_top = top - (ROW_H - block) / 2
        if gray:
            c.setFillGray(0.35)
        if self.rtl:
            text.draw_lines(c, lines, x + cw - pad, first_top, size, align="right", base=base)
        else:
            text.draw_lines(c, lines, x + pad, first_top, size, base=base)
        if gray:
            c.setFillGray(0)

    def _signature(self, c: Canvas, signer: Signer, x: float, top: float, cw: float) -> None:
        blob = signer["strokes"]
        base = "RTL" if self.rtl else None
        if signer["display"] == "hidden":
            self._cell(c, text.label("signature_withheld", self.lang), x, top, cw, base, gray=True)
            return
        if blob is None:
            if signer["source"] == "paper" and signer["paper_serial"]:
                note = text.label(
                    "paper_row", self.lang, signer["paper_serial"], int(signer["paper_row"] or 0)
                )
            else:
                note = text.label("no_drawing", self.lang)
            self._cell(c, note, x, top, cw, base, gray=True)
            return
        try:
            sig = strokes.decode(bytes(blob))
        except TomarError:
            self._cell(c, text.label("no_drawing", self.lang), x, top, cw, base, gray=True)
            return
        pad = 1 * mm
        bw, bh = cw - 2 * pad, ROW_H - 2 * pad
        draw_signature(c, sig, x + pad, top - pad, bw, bh)


def draw_signature(
    c: Canvas, sig: strokes.Signature, left: float, top: float, w: float, h: float
) -> None:
    """The signature as vector strokes in the box whose top-left corner is (left, top).

    Geometry from `strokes.scaled_paths`, the function the screen uses; PDF y grows
    upwards, so y is flipped here.
    """
    paths = strokes.scaled_paths(sig, w, h)
    scale = min(w / sig.aspect, h)
    ops: list[str] = [f"{max(PEN * scale, 0.4):.2f} w 1 J 1 j"]
    for stroke in paths:
        x0, y0, _ = stroke[0]
        ops.append(f"{left + x0:.2f} {top - y0:.2f} m")
        if len(stroke) == 1:
            ops.append(f"{left + x0:.2f} {top - y0:.2f} l")
        ops.extend(f"{left + x:.2f} {top - y:.2f} l" for x, y, _ in stroke[1:])
    ops.append("S")
    c.saveState()
    c._code.append("\n".join(ops))  # one operator block per signature: fast and compact
    c.restoreState()


@dataclass(frozen=True)
class Undrawable:
    """A row of the delivery sheets with letters no font can draw. Holds no signer data."""

    row: int  # as numbered on the sheets
    columns: tuple[str, ...]  # "name", "city", "country"


def undrawable_rows(vault: Vault, *, lang: str | None = None) -> list[Undrawable]:
    """The rows whose name, city or country has characters that no bundled font nor a
    system font can draw, in the order and numbering of `write_delivery`.

    Called before printing so the organizer is told (the CLI warns, the app shows it):
    such letters would print as empty boxes. Same fonts as drawing: what is listed here
    is exactly what would come out wrong.
    """
    with Intake(vault, workers=1) as intake:
        campaign = intake.campaign
        lang = lang or campaign.languages[0]
        check_lang(lang, campaign.languages)
        text.register_fonts()
        painter = _SignerPainter(campaign, lang, page_size("letter"))
        out: list[Undrawable] = []
        for row, signer in enumerate(intake.unique_signers(), start=1):
            bad = tuple(k for k, v in painter.printed(signer).items() if v and text.missing(v))
            if bad:
                out.append(Undrawable(row, bad))
        return out


def write_delivery(
    vault: Vault,
    out: Path,
    *,
    lang: str | None = None,
    paper: str = "letter",
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> int:
    """Write the delivery sheets to `out`; returns the number of signers on them."""
    with Intake(vault, workers=1) as intake:
        campaign = intake.campaign
        lang = lang or campaign.languages[0]
        check_lang(lang, campaign.languages)
        size = page_size(paper)
        unique = intake.unique_count()
        pages = _Pages(campaign, lang, size)
        painter = _SignerPainter(campaign, lang, size)
        w, h = size
        frame = (MARGIN, MARGIN + FOOT_H, w - 2 * MARGIN, h - 2 * MARGIN - FOOT_H - HEAD_H)
        cover = _cover(intake, lang, unique, frame[2])
        text.register_fonts()
        cover_pages = flow(_chunk_canvas(size), list(cover), frame, lambda c: None)
        appendix = _appendix(intake, lang, frame[2])
        appendix_pages = flow(_chunk_canvas(size), list(appendix), frame, lambda c: None)
        signer_pages = -(-unique // painter.per_page)
        pages.total = cover_pages + signer_pages + appendix_pages
        with atomic_writer(out, mode=0o600, what=E.WORD_THE_DELIVERY_SHEETS) as fh:
            pdf = PdfStream(fh, title=campaign.text("title", lang))
            canvas = _chunk_canvas(size)
            flow(
                canvas, _cover(intake, lang, unique, frame[2]), frame, pages.decorate, cancel=cancel
            )
            pdf.add(canvas.getpdfdata())
            count = _draw_signers(
                pdf, size, pages, painter, intake.unique_signers(), unique, progress, cancel
            )
            canvas = _chunk_canvas(size)  # the appendix starts on a page of its own
            flow(canvas, _appendix(intake, lang, frame[2]), frame, pages.decorate, cancel=cancel)
            pdf.add(canvas.getpdfdata())
            pdf.close()
        return count


def _chunk_canvas(size: tuple[float, float]) -> Canvas:
    """A canvas for a few pages, read back with `getpdfdata()`: nothing goes to disk."""
    return new_canvas(io.BytesIO(), size, title="")


def _draw_signers(
    pdf: PdfStream,
    size: tuple[float, float],
    pages: _Pages,
    painter: _SignerPainter,
    signers: Iterable[Signer],
    total: int,
    progress: Progress | None,
    cancel: threading.Event | None,
) -> int:
    """Draw the signer pages, handing every CHUNK_PAGES of them to `pdf`."""
    count = 0
    slot = painter.per_page
    canvas: Canvas | None = None
    for signer in signers:
        if slot == painter.per_page:
            check_cancel(cancel)
            if canvas is not None:
                canvas.showPage()
                if canvas.getPageNumber() > CHUNK_PAGES:
                    pdf.add(canvas.getpdfdata())
                    canvas = None
            if canvas is None:
                canvas = _chunk_canvas(size)
            pages.decorate(canvas)
            painter.header(canvas)
            slot = 0
        count += 1
        painter.row(canvas, count, slot, signer)
        slot += 1
        if progress is not None and (count % 200 == 0 or count == total):
            progress(count, total)
    if canvas is not None:
        pdf.add(canvas.getpdfdata())
    return count
