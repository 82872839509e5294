"""The campaign report: counts by day, event, device and country, with bar charts.

Only counts and the names of events, countries and device fingerprints appear here,
never a signer. Everything comes from `Intake.stats()`.
"""

from __future__ import annotations

import io
import math
import threading
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from .. import countries, places
from ..atomic import atomic_writer
from ..errors import E
from ..identity import now_iso
from ..intake import Breakdown, BreakdownKey, CountKey, Intake, Stats, format_gaps
from ..normalize import clean_text
from ..vault import Vault
from . import text
from .common import (
    MARGIN,
    NeedSpace,
    Progress,
    check_cancel,
    check_lang,
    flow,
    new_canvas,
    page_size,
)

CHART_BARS = 25
SECTIONS: tuple[BreakdownKey, ...] = (
    "by_day", "by_event", "by_device", "by_country", "by_state", "by_district", "by_consent",
)  # fmt: skip
SUMMARY: tuple[CountKey, ...] = ("received", "unique", "duplicates", "flagged", "voided", "held")


#: Rows of a breakdown table per piece (about 16 pt each, a letter page's frame holds 43).
TABLE_ROWS = 35


def _cell(value: str, lang: str) -> str:
    return text.visual(value, "RTL" if text.is_rtl(lang) and text.has_rtl(value) else None)


def _table_cell(value: str, lang: str, *, bold: bool) -> str | Flowable:
    """A plain string where Vazirmatn has every letter; else a cell drawn run by run."""
    if not text.needs_fallback(value):
        return _cell(value, lang)
    align = "right" if text.is_rtl(lang) else "left"
    base = "RTL" if text.is_rtl(lang) and text.has_rtl(value) else None
    return text.Line(value, 8.5, align=align, bold=bold, base=base)


def _table(rows: list[list[str]], widths: list[float], lang: str, *, header: bool = True) -> Table:
    rtl = text.is_rtl(lang)
    data = [
        [_table_cell(v, lang, bold=header and i == 0) for v in (reversed(r) if rtl else r)]
        for i, r in enumerate(rows)
    ]
    table = Table(data, colWidths=list(reversed(widths)) if rtl else widths, repeatRows=int(header))
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), text.font(), 8.5),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.Color(0.6, 0.6, 0.6)),
        ("ALIGN", (0, 0), (-1, -1), "RIGHT" if rtl else "LEFT"),
    ]
    if header:
        commands += [
            ("FONT", (0, 0), (-1, 0), text.font(bold=True), 8.5),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
        ]
    table.setStyle(TableStyle(commands))
    return table


def _chart(rows: list[Breakdown], lang: str, width: float, short: bool) -> Flowable:
    """Received and unique per key; the largest keys only, the rest summed as 'others'."""
    top = sorted(rows, key=lambda r: -int(r["received"]))[:CHART_BARS]
    rest = rows and [r for r in rows if r not in top]
    if rest:
        top.append(
            {
                "key": text.label("others", lang),
                "received": sum(int(r["received"]) for r in rest),
                "unique": sum(int(r["unique"]) for r in rest),
            }
        )
    if not short:  # days and the like read best in their own order
        top.sort(key=lambda r: str(r["key"]))
    names = [_key(r["key"], lang) for r in top]
    if short:
        names = [n if len(n) <= 18 else n[:17] + "…" for n in names]
    height = 62 * mm
    drawing = Drawing(width - 2, height + 22 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 22 * mm
    chart.width, chart.height = min(width - 16 * mm, 22 * mm * len(top)), height
    chart.data = [[int(r["received"]) for r in top], [int(r["unique"]) for r in top]]
    chart.bars[0].fillColor = colors.Color(0.75, 0.78, 0.85)
    chart.bars[1].fillColor = colors.Color(0.2, 0.35, 0.6)
    step = _step(max(chart.data[0], default=0))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = step
    chart.valueAxis.valueMax = step * max(1, math.ceil(max(chart.data[0], default=0) / step))
    chart.valueAxis.labelTextFormat = lambda v: text.digits(int(v), lang)
    chart.valueAxis.labels.fontName = text.font()
    chart.valueAxis.labels.fontSize = 7
    chart.categoryAxis.categoryNames = [text.visual(n) for n in names]
    chart.categoryAxis.labels.fontName = text.font()
    chart.categoryAxis.labels.fontSize = 6.5
    for i, name in enumerate(names):  # event names may be in any script
        if text.needs_fallback(name):
            chart.categoryAxis.labels[i].fontName = text.single_font(name)
    chart.categoryAxis.labels.angle = 40
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.categoryAxis.labels.dy = -2
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 45 * mm, height + 20 * mm
    legend.fontName, legend.fontSize = text.font(), 7.5
    legend.colorNamePairs = [
        (chart.bars[0].fillColor, _cell(text.label("received", lang), lang)),
        (chart.bars[1].fillColor, _cell(text.label("unique", lang), lang)),
    ]
    drawing.add(legend)
    return drawing


def _step(top: int) -> int:
    """Whole counts on the axis (1, 2, 5, 10, 20, ...), about five of them."""
    want = max(1, math.ceil(top / 5))
    scale: int = 10 ** (len(str(want)) - 1)
    return next(m * scale for m in (1, 2, 5, 10) if want <= m * scale)


def _key(key: str, lang: str) -> str:
    """One line, whatever a device sent (vaults from before intake cleaned values)."""
    return clean_text(key) or text.label("unknown", lang)


def _story(stats: Stats, intake: Intake, lang: str, width: float) -> list[Flowable]:
    campaign = intake.campaign
    title = text.style(lang, 16, bold=True, name="title")
    head = text.style(lang, 12, bold=True, name="head", space_after=3)
    small = text.style(lang, 8.5, name="small")
    story: list[Flowable] = [
        text.paragraph(
            f"{text.label('report_title', lang)}: {campaign.text('title', lang)}", title
        ),
        text.paragraph(text.label("generated", lang, now_iso()[:16].replace("T", " ")), small),
        text.paragraph(text.label("organizer_fpr", lang, campaign.organizer_fingerprint), small),
    ]
    if campaign.is_demo:
        story.append(text.paragraph(text.label("demo", lang), small))
    story.append(Spacer(1, 3 * mm))
    summary = [[text.label(k, lang), text.digits(int(stats[k] or 0), lang)] for k in SUMMARY]
    story.append(_table(summary, [70 * mm, 30 * mm], lang, header=False))
    if stats["removed"]:
        story.append(
            _table(
                [[text.label("removed", lang), text.digits(stats["removed"], lang)]],
                [70 * mm, 30 * mm],
                lang,
                header=False,
            )
        )
    for device, missing in stats["gaps"].items():
        gap = format_gaps(missing, lambda n: text.digits(n, lang))
        story.append(text.paragraph(text.label("waiting", lang, device, gap), small))
    for section in SECTIONS:
        rows = stats[section]
        if section == "by_country":
            rows = [
                Breakdown(
                    key=countries.name(r["key"], lang), received=r["received"], unique=r["unique"]
                )
                for r in rows
            ]
        elif section == "by_state":
            rows = [
                Breakdown(
                    key=places.state_name(r["key"], lang),
                    received=r["received"],
                    unique=r["unique"],
                )
                for r in rows
            ]
        elif section in ("by_district", "by_consent") and not rows:
            continue  # campaigns without districts or extra consents: no empty section
        story += [NeedSpace(110 * mm), Spacer(1, 5 * mm)]
        story.append(text.paragraph(text.label(section, lang), head))
        if not rows:
            story.append(text.paragraph(text.label("none", lang), small))
            continue
        story.append(_chart(rows, lang, width, short=section != "by_day"))
        header = [
            text.label(section, lang),
            text.label("received", lang),
            text.label("unique", lang),
        ]
        body = [
            [
                _key(str(r["key"]), lang),
                text.digits(int(r["received"]), lang),
                text.digits(int(r["unique"]), lang),
            ]
            for r in rows
        ]
        # `flow` does not split a flowable, so a long table (50 devices, a year of days)
        # goes in pieces that each fit a page, every piece with its header.
        for start in range(0, len(body), TABLE_ROWS):
            piece = [header, *body[start : start + TABLE_ROWS]]
            story.append(_table(piece, [width - 50 * mm, 25 * mm, 25 * mm], lang))
    return story


def write_report(
    vault: Vault,
    out: Path,
    *,
    lang: str | None = None,
    paper: str = "letter",
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> Stats:
    """Write the campaign report to `out`; returns the statistics it shows."""
    with Intake(vault, workers=1) as intake:
        campaign = intake.campaign
        lang = lang or campaign.languages[0]
        check_lang(lang, campaign.languages)
        size = page_size(paper)
        w, h = size
        frame = (MARGIN, MARGIN + 8 * mm, w - 2 * MARGIN, h - 2 * MARGIN - 8 * mm)
        text.register_fonts()
        stats = intake.stats()
        if progress is not None:
            progress(1, 3)
        check_cancel(cancel)
        total = flow(
            new_canvas(io.BytesIO(), size, title=""),
            _story(stats, intake, lang, frame[2]),
            frame,
            lambda c: None,
        )
        if progress is not None:
            progress(2, 3)
        page = [0]

        def decorate(c: Canvas) -> None:
            page[0] += 1
            text.draw(
                c,
                text.label("page", lang, page[0], total),
                w / 2,
                MARGIN,
                8,
                align="center",
                base="RTL" if text.is_rtl(lang) else None,
            )

        with atomic_writer(out, mode=0o600, what=E.WORD_THE_REPORT) as fh:
            canvas = new_canvas(fh, size, title=campaign.text("title", lang))
            flow(canvas, _story(stats, intake, lang, frame[2]), frame, decorate, cancel=cancel)
            canvas.showPage()
            canvas.save()
        if progress is not None:
            progress(3, 3)
        return stats
