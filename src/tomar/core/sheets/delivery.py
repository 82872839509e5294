"""Delivery sheets: a cover letter, every unique signer, then a verification appendix.

The cover is what a staffer at the office reads: the addressee, the petition and the count.
Key fingerprints, device fingerprints and batch digests mean nothing to that reader and
show which devices collected; they go on an appendix page at the end, addressed to the
campaign (which may keep it back), where anyone checking the count against the batches
finds them.

The signer pages are drawn by `rows`, in chunks, so memory stays flat in the number of
signers. Page numbers run on across chunks ("page x of y": the total is known before
drawing). Each signer's display choice is honoured: "initials" prints initials, "hidden"
prints neither the name nor the drawn signature (a handwritten signature often spells the
name). Email and phone never appear.
"""

from __future__ import annotations

import base64
import threading
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from ..atomic import atomic_writer
from ..errors import E
from ..identity import device_fingerprint, now_iso
from ..intake import Intake
from ..vault import Vault
from . import text
from .blank import _addressee
from .common import MARGIN, Progress, check_lang, flow, page_size
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
        painter = SignerPainter(campaign, lang, page_size("letter"))
        out: list[Undrawable] = []
        for row, signer in enumerate(intake.unique_signers(), start=1):
            if bad := painter.undrawable(signer):
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
    workers: int | None = None,
) -> int:
    """Write the delivery sheets to `out`; returns the number of signers on them.

    `workers`: processes drawing the signer pages (`rows.RowDrawer`; None: one a core)."""
    with Intake(vault, workers=1) as intake:
        campaign = intake.campaign
        lang = lang or campaign.languages[0]
        check_lang(lang, campaign.languages)
        size = page_size(paper)
        unique = intake.unique_count()
        pages = Pages(campaign, lang, size)
        painter = SignerPainter(campaign, lang, size)
        w, h = size
        frame = (MARGIN, MARGIN + FOOT_H, w - 2 * MARGIN, h - 2 * MARGIN - FOOT_H - HEAD_H)
        cover = _cover(intake, lang, unique, frame[2])
        text.register_fonts()
        cover_pages = flow(chunk_canvas(size), list(cover), frame, lambda c: None)
        appendix = _appendix(intake, lang, frame[2])
        appendix_pages = flow(chunk_canvas(size), list(appendix), frame, lambda c: None)
        signer_pages = -(-unique // painter.per_page)
        pages.total = cover_pages + signer_pages + appendix_pages
        with atomic_writer(out, mode=0o600, what=E.WORD_THE_DELIVERY_SHEETS) as fh:
            pdf = PdfStream(fh, title=campaign.text("title", lang))
            canvas = chunk_canvas(size)
            flow(
                canvas, _cover(intake, lang, unique, frame[2]), frame, pages.decorate, cancel=cancel
            )
            pdf.add(canvas.getpdfdata())
            with RowDrawer(workers) as drawer:
                count = drawer.draw(
                    pdf, pages, painter, intake.unique_signers(), unique, progress, cancel
                )
            canvas = chunk_canvas(size)  # the appendix starts on a page of its own
            flow(canvas, _appendix(intake, lang, frame[2]), frame, pages.decorate, cancel=cancel)
            pdf.add(canvas.getpdfdata())
            pdf.close()
        return count
