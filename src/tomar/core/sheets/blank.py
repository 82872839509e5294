"""Blank paper sheets for volunteers, and the checks paper data entry needs.

Each sheet has a serial that is recorded in the vault (`paper_sheets`) when the PDF is
written, so that typing a row back in can be checked (a known serial, a row the sheet
has, not entered twice) and so the volunteer can see which printed sheets were never
typed in. The QR code carries the campaign id and the serial, for a scanner later.
"""

from __future__ import annotations

import io
import re
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer

from ..atomic import atomic_writer
from ..campaign import Campaign, Field
from ..db import Connection
from ..device import Device
from ..errors import E
from ..identity import now_iso
from ..vault import Vault
from . import text
from .common import (
    MARGIN,
    Progress,
    SheetError,
    check_cancel,
    check_lang,
    flow,
    new_canvas,
    page_size,
)
from .qr import draw_qr, sheet_payload

MAX_SHEETS = 500
MAX_ROWS = 40
MIN_ROWS = 8
ROW_HEIGHT = 10 * mm
QR_SIZE = 22 * mm
BAND = QR_SIZE + 3 * mm  # top band: QR code and serial
FOOT = 8 * mm
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U to misread
_SERIAL = re.compile(r"^[A-Za-z0-9-]{1,40}$")
# Relative widths of field columns by kind; fixed columns are in points.
_WEIGHTS = {
    "name": 2.2,
    "email": 2.0,
    "phone": 1.4,
    "city": 1.2,
    "country": 1.0,
    "state": 0.9,
    "postal_code": 0.8,
    "text": 1.4,
}


class UnknownSheet(SheetError):
    pass


@dataclass(frozen=True)
class Sheet:
    serial: str
    created_at: str
    lang: str
    rows: int
    entered: int = 0


# --- the vault side ------------------------------------------------------------------


def _new_prefix(conn: Connection, count: int) -> str:
    for _ in range(100):
        prefix = "".join(secrets.choice(_ALPHABET) for _ in range(4))
        taken = conn.execute(
            "SELECT 1 FROM paper_sheets WHERE serial LIKE ? LIMIT 1", (f"{prefix}-%",)
        ).fetchone()
        if taken is None:
            return prefix
    raise SheetError(E.SHEETS_NO_FREE_SERIALS)  # pragma: no cover


def _serials(vault: Vault, count: int) -> list[str]:
    """Serials like 7QKM-0001: a random prefix per print run, then the sheet number."""
    prefix = _new_prefix(vault.conn, count)
    return [f"{prefix}-{i:04d}" for i in range(1, count + 1)]


def normalize_serial(serial: str) -> str:
    """Serials are printed in capitals; people type them in any case."""
    serial = serial.strip().upper()
    if not _SERIAL.match(serial):
        raise UnknownSheet(E.SHEETS_SHEET_SERIAL_LETTERS_DIGITS)
    return serial


def check_serial(vault: Vault, serial: str, row: int) -> Sheet:
    """Check a typed-in paper row before saving it; returns the sheet (canonical serial).

    Raises UnknownSheet for a serial this device did not print, a row the sheet does not
    have, or a row that was already entered.
    """
    serial = normalize_serial(serial)
    found = vault.conn.execute(
        "SELECT serial, created_at, lang, rows FROM paper_sheets WHERE serial = ?", (serial,)
    ).fetchone()
    if found is None:
        raise UnknownSheet(E.SHEETS_SHEET_NOT_FROM_DEVICE, serial=serial)
    sheet = Sheet(str(found[0]), str(found[1]), str(found[2]), int(found[3]))
    if not 1 <= row <= sheet.rows:
        raise UnknownSheet(E.SHEETS_SHEET_ROWS_1_CHECK, serial=serial, rows=sheet.rows)
    taken = vault.conn.execute(
        "SELECT 1 FROM paper_rows_entered WHERE serial = ? AND row = ?",
        (serial, row),
    ).fetchone()
    if taken is not None:
        raise UnknownSheet(E.SHEETS_ROW_SHEET_ALREADY_ENTERED, row=row, serial=serial)
    return sheet


def sheets(vault: Vault) -> list[Sheet]:
    """Every sheet this device printed, with how many of its rows were typed in."""
    rows = vault.conn.execute(
        "SELECT p.serial, p.created_at, p.lang, p.rows, "
        "(SELECT count(*) FROM paper_rows_entered r WHERE r.serial = p.serial) "
        "FROM paper_sheets p ORDER BY p.created_at, p.serial"
    )
    return [Sheet(str(s), str(c), str(lang), int(n), int(e)) for s, c, lang, n, e in rows]


def unentered(vault: Vault) -> list[Sheet]:
    """Printed sheets of which no row was typed in (still on paper, or never used).

    Rows purged after the organizer's receipt still count as entered (`paper_rows_purged`).
    """
    return [s for s in sheets(vault) if s.entered == 0]


# --- the document ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Column:
    kind: str  # row | field | display | consent | signature
    title: str
    width: float


def _columns(campaign: Campaign, lang: str, total: float) -> list[_Column]:
    fixed = [
        _Column("row", text.label("row", lang), 9 * mm),
        _Column("display", text.label("show_name", lang), 24 * mm),
        _Column("consent", text.label("consent", lang), 13 * mm),
    ]
    fields: list[Field] = campaign.fields
    weights = [_WEIGHTS.get(f.kind, 1.2) for f in fields] + [2.0]
    free = total - sum(c.width for c in fixed)
    unit = free / sum(weights)
    cols = [fixed[0]]
    cols += [
        _Column("field", f.label_for(lang), w * unit) for f, w in zip(fields, weights, strict=False)
    ]
    cols += [fixed[1], fixed[2]]
    # One column per extra consent, titled by its number in the list above the table.
    extra = [
        _Column("consent", f"({text.digits(i, lang)})", 9 * mm)
        for i in range(1, len(campaign.consents) + 1)
    ]
    sign_w = 2.0 * unit - sum(c.width for c in extra)
    return [*cols, *extra, _Column("signature", text.label("signature", lang), sign_w)]


class RowsTable(Flowable):  # type: ignore[misc]
    """Numbered empty rows, drawn directly; splits between rows across pages."""

    def __init__(self, columns: list[_Column], first: int, count: int, lang: str) -> None:
        super().__init__()
        self.columns = columns
        self.first = first
        self.count = count
        self.lang = lang
        self.rtl = text.is_rtl(lang)
        self.size = 7.0
        self.heads = [text.wrap(c.title, self.size, c.width - 3, bold=True) for c in self.columns]
        self.head_h = max(len(h) for h in self.heads) * self.size * 1.2 + 5

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = sum(c.width for c in self.columns)
        self.height = self.head_h + self.count * ROW_HEIGHT
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        fits = int((avail_height - self.head_h) // ROW_HEIGHT)
        if fits < 1 or fits >= self.count:
            return []
        return [
            RowsTable(self.columns, self.first, fits, self.lang),
            RowsTable(self.columns, self.first + fits, self.count - fits, self.lang),
        ]

    def _xs(self) -> list[tuple[_Column, float]]:
        """Left edge of each column; right-to-left sheets run from the right."""
        out = []
        x = 0.0
        order = list(reversed(self.columns)) if self.rtl else self.columns
        for col in order:
            out.append((col, x))
            x += col.width
        return out if not self.rtl else list(reversed(out))

    def draw(self) -> None:
        c = self.canv
        top = self.height
        c.saveState()
        c.setLineWidth(0.6)
        c.setFillGray(0.9)
        c.rect(0, top - self.head_h, self.width, self.head_h, stroke=0, fill=1)
        c.setFillGray(0)
        for (col, x), head in zip(self._xs(), self.heads, strict=True):
            text.draw_lines(
                c, head, x + col.width / 2, top - 2.5, self.size, align="center", bold=True
            )
        c.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        c.line(0, top - self.head_h, self.width, top - self.head_h)
        for _, x in self._xs():
            c.line(x, 0, x, top)
        c.setLineWidth(0.4)
        for i in range(self.count):
            y = top - self.head_h - (i + 1) * ROW_HEIGHT
            if i < self.count - 1:
                c.line(0, y, self.width, y)
            for col, x in self._xs():
                self._cell(col, x, y, self.first + i)
        c.restoreState()

    def _cell(self, col: _Column, x: float, y: float, number: int) -> None:
        c = self.canv
        mid = y + ROW_HEIGHT / 2
        if col.kind == "row":
            text.draw(
                c,
                text.digits(number, self.lang),
                x + col.width / 2,
                mid - 3.5,
                10,
                align="center",
                bold=True,
            )
        elif col.kind == "consent":
            box = 4 * mm
            c.rect(x + (col.width - box) / 2, mid - box / 2, box, box, stroke=1, fill=0)
        elif col.kind == "display":
            size = 6.0
            box = 2.1 * mm
            step = ROW_HEIGHT / 3
            for j, key in enumerate(("full", "initials", "hidden")):
                line_y = y + ROW_HEIGHT - (j + 1) * step + (step - box) / 2
                if self.rtl:
                    bx = x + col.width - 2 - box
                    c.rect(bx, line_y, box, box, stroke=1, fill=0)
                    text.draw(
                        c,
                        text.label(key, self.lang),
                        bx - 1.5,
                        line_y + 0.6,
                        size,
                        align="right",
                        base="RTL",
                    )
                else:
                    bx = x + 2
                    c.rect(bx, line_y, box, box, stroke=1, fill=0)
                    text.draw(c, text.label(key, self.lang), bx + box + 1.5, line_y + 0.6, size)


def _story(campaign: Campaign, lang: str, rows: int, frame_w: float) -> list[Flowable]:
    title = text.style(lang, 15, bold=True, name="title")
    body = text.style(lang, 9.5, name="body")
    small = text.style(lang, 8.5, name="small")
    small_bold = text.style(lang, 8.5, bold=True, name="small-bold", space_after=1)
    story: list[Flowable] = [text.paragraph(campaign.text("title", lang), title)]
    story.append(text.paragraph(text.label("to", lang, _addressee(campaign, lang)), small_bold))
    story.append(Spacer(1, 2 * mm))
    story += text.paragraphs(campaign.text("text", lang), body)
    story.append(text.paragraph(text.label("consent_title", lang), small_bold))
    story += text.paragraphs(campaign.text("consent", lang), small)
    if campaign.consents:
        story.append(text.paragraph(text.label("extra_consents", lang), small_bold))
        for i, consent in enumerate(campaign.consents, 1):
            story.append(
                text.paragraph(f"({text.digits(i, lang)}) {consent.text_for(lang)}", small)
            )
    story.append(Spacer(1, 2 * mm))
    story.append(RowsTable(_columns(campaign, lang, frame_w), 1, rows, lang))
    return story


def _addressee(campaign: Campaign, lang: str) -> str:
    value = campaign.doc["addressee"]
    if isinstance(value, dict):
        return str(
            value.get(lang) or value.get(campaign.languages[0]) or next(iter(value.values()))
        )
    return str(value)


class _Layout:
    """Page geometry of a blank sheet and the fixed parts drawn on every page."""

    def __init__(self, campaign: Campaign, lang: str, paper: str) -> None:
        self.campaign = campaign
        self.lang = lang
        self.rtl = text.is_rtl(lang)
        self.size = page_size(paper, wide=True)
        w, h = self.size
        self.frame = (MARGIN, MARGIN + FOOT, w - 2 * MARGIN, h - 2 * MARGIN - FOOT - BAND)
        self.serial = ""
        self.page = 0
        self.total = 0

    def decorate(self, c: Canvas) -> None:
        self.page += 1
        w, h = self.size
        lang = self.lang
        qr_x = MARGIN if self.rtl else w - MARGIN - QR_SIZE
        qr_y = h - MARGIN - QR_SIZE
        draw_qr(c, sheet_payload(self.campaign.id, self.serial), qr_x, qr_y, QR_SIZE)
        label = text.label("sheet", lang, self.serial)
        if self.rtl:
            text.draw(c, label, qr_x + QR_SIZE + 3 * mm, h - MARGIN - 14, 13, bold=True, base="RTL")
            text.draw(c, self.campaign.id, qr_x + QR_SIZE + 3 * mm, h - MARGIN - 26, 7)
        else:
            text.draw(c, label, qr_x - 3 * mm, h - MARGIN - 14, 13, align="right", bold=True)
            text.draw(c, self.campaign.id, qr_x - 3 * mm, h - MARGIN - 26, 7, align="right")
        if self.campaign.is_demo:
            x = w - MARGIN if self.rtl else MARGIN
            text.draw(
                c,
                text.label("demo", lang),
                x,
                h - MARGIN - 10,
                9,
                bold=True,
                align="right" if self.rtl else "left",
                base="RTL" if self.rtl else None,
            )
        footer = f"{text.label('page', lang, self.page, self.total)}   ·   {self.serial}"
        text.draw(c, footer, w / 2, MARGIN, 8, align="center", base="RTL" if self.rtl else None)


def _fit_rows(campaign: Campaign, lang: str, layout: _Layout) -> int:
    """As many rows as fill the first page after the texts (at least MIN_ROWS)."""
    _, _, fw, fh = layout.frame
    used = 0.0
    for f in _story(campaign, lang, 1, fw)[:-1]:
        _, height = f.wrap(fw, fh)
        used += height + f.getSpaceBefore() + f.getSpaceAfter()
    probe = RowsTable(_columns(campaign, lang, fw), 1, 1, lang)
    probe.wrap(fw, fh)
    free = fh - used - probe.head_h - 4
    return max(MIN_ROWS, min(MAX_ROWS, int(free // ROW_HEIGHT)))


def _count_pages(campaign: Campaign, lang: str, layout: _Layout, rows: int) -> int:
    """Pages per sheet, by laying one sheet out on a canvas that is never saved."""
    probe = _Layout(campaign, lang, "letter")
    probe.size, probe.frame, probe.serial = layout.size, layout.frame, "X"
    canvas = new_canvas(io.BytesIO(), layout.size, title="")
    return flow(canvas, _story(campaign, lang, rows, layout.frame[2]), layout.frame, probe.decorate)


def write_blank(
    vault: Vault,
    out: Path,
    *,
    sheets: int = 1,
    lang: str | None = None,
    paper: str = "letter",
    rows: int | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> list[Sheet]:
    """Write `sheets` blank sheets to `out` and record their serials; returns the sheets."""
    campaign = Device(vault).require_campaign()
    lang = lang or campaign.languages[0]
    check_lang(lang, campaign.languages)
    if not 1 <= sheets <= MAX_SHEETS:
        raise SheetError(E.SHEETS_PRINT_BETWEEN_1_SHEETS, max_sheets=MAX_SHEETS)
    if rows is not None and not 1 <= rows <= MAX_ROWS:
        raise SheetError(E.SHEETS_SHEET_BETWEEN_1_ROWS, max_rows=MAX_ROWS)
    text.register_fonts()
    layout = _Layout(campaign, lang, paper)
    if rows is None:
        rows = _fit_rows(campaign, lang, layout)
        per_sheet = _count_pages(campaign, lang, layout, rows)
        while per_sheet > 1 and rows > MIN_ROWS:  # a row spilling over: take it back
            shorter = _count_pages(campaign, lang, layout, rows - 1)
            if shorter == per_sheet:
                break
            rows, per_sheet = rows - 1, shorter
    else:
        per_sheet = _count_pages(campaign, lang, layout, rows)
    layout.total = per_sheet * sheets
    serials = _serials(vault, sheets)
    created = now_iso()
    with atomic_writer(out, mode=0o600, what=E.WORD_THE_SHEETS) as fh:
        canvas = new_canvas(fh, layout.size, title=campaign.text("title", lang))
        for i, serial in enumerate(serials):
            check_cancel(cancel)
            if i:
                canvas.showPage()
            layout.serial = serial
            story = _story(campaign, lang, rows, layout.frame[2])
            flow(canvas, story, layout.frame, layout.decorate, cancel=cancel)
            if progress is not None:
                progress(i + 1, sheets)
        canvas.showPage()
        canvas.save()
        # Recorded only once the whole PDF is written; the file appears after the commit.
        with vault.transaction() as conn:
            conn.executemany(
                "INSERT INTO paper_sheets(serial, created_at, lang, rows) VALUES (?,?,?,?)",
                [(s, created, lang, rows) for s in serials],
            )
    return [Sheet(s, created, lang, rows) for s in serials]
