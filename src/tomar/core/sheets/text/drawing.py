"""Text drawn on the canvas line by line, and paragraphs for ReportLab's flow.

Paragraph-level RTL works only for single-run paragraphs, so right-to-left texts are
never given markup: one Paragraph per line of the source text, escaped.
"""

from __future__ import annotations

import unicodedata
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer

from .bidi import has_rtl, is_rtl, shape, visual
from .fitting import ellipsize
from .fonts import FONT_BOLD, font, runs


def draw(
    canvas: Canvas,
    text: str,
    x: float,
    y: float,
    size: float,
    *,
    align: str = "left",
    bold: bool = False,
    base: str | None = None,
) -> None:
    """Draw one line at baseline y; x is the left, right or centre edge per `align`.

    The line is drawn run by run, each in the first font that has its letters.
    """
    line = visual(unicodedata.normalize("NFC", text), base)
    parts = runs(line, bold)
    if len(parts) == 1:
        canvas.setFont(parts[0][1], size)
        if align == "right":
            canvas.drawRightString(x, y, line)
        elif align == "center":
            canvas.drawCentredString(x, y, line)
        else:
            canvas.drawString(x, y, line)
        return
    widths = [pdfmetrics.stringWidth(run, name, size) for run, name in parts]
    total = sum(widths)
    if align == "right":
        x -= total
    elif align == "center":
        x -= total / 2
    for (run, name), w in zip(parts, widths, strict=True):
        canvas.setFont(name, size)
        canvas.drawString(x, y, run)
        x += w


def draw_lines(
    canvas: Canvas,
    lines: list[str],
    x: float,
    top: float,
    size: float,
    *,
    align: str = "left",
    bold: bool = False,
    base: str | None = None,
) -> None:
    """Draw wrapped lines downwards from `top` (the top of the first line)."""
    leading = size * 1.2
    for i, line in enumerate(lines):
        draw(canvas, line, x, top - size - i * leading, size, align=align, bold=bold, base=base)


def style(
    lang: str,
    size: float = 10,
    *,
    bold: bool = False,
    align: str = "start",
    space_after: float | None = None,
    name: str = "tomar",
) -> ParagraphStyle:
    """A paragraph style in the bundled font; `start` is left or right per language."""
    rtl = is_rtl(lang)
    alignment = {
        "start": TA_RIGHT if rtl else TA_LEFT,
        "end": TA_LEFT if rtl else TA_RIGHT,
        "center": TA_CENTER,
    }[align]
    return ParagraphStyle(
        name,
        fontName=font(bold),
        fontSize=size,
        leading=size * 1.5,
        alignment=alignment,
        spaceAfter=size * 0.5 if space_after is None else space_after,
        wordWrap="RTL" if rtl else None,
        shaping=0,
    )


def paragraph(text: str, st: ParagraphStyle) -> Paragraph:
    """One line of text as a Paragraph, shaped and in the right direction.

    Right-to-left text gets no markup (ReportLab's bidi handles single-run paragraphs
    only). Other text whose letters the style's font lacks (Cyrillic, Greek...) gets one
    `<font>` run per fallback font.
    """
    text = " ".join(unicodedata.normalize("NFC", text).split())
    if has_rtl(text):
        rtl_style = st.wordWrap == "RTL"
        if not rtl_style:
            st = ParagraphStyle(f"{st.name}-bidi", parent=st, wordWrap="LTR")
        return Paragraph(escape(shape(text)), st)
    parts = runs(text, bold=st.fontName == FONT_BOLD)
    if any(name != st.fontName for _, name in parts) and st.wordWrap != "RTL":
        markup = "".join(
            escape(run) if name == st.fontName else f'<font face="{name}">{escape(run)}</font>'
            for run, name in parts
        )
        return Paragraph(markup, st)
    return Paragraph(escape(text), st)


def paragraphs(text: str, st: ParagraphStyle) -> list[Flowable]:
    """A multi-line text: one Paragraph per line, a small gap for each blank line."""
    out: list[Flowable] = []
    for line in text.splitlines():
        if line.strip():
            out.append(paragraph(line, st))
        elif out:
            out.append(Spacer(1, st.fontSize * 0.5))
    return out


class Line(Flowable):  # type: ignore[misc]
    """One line of untrusted text as a table cell, drawn run by run in its fonts and cut
    with an ellipsis to the cell's width (a Table draws plain strings in one font)."""

    def __init__(
        self,
        value: str,
        size: float,
        *,
        align: str = "left",
        bold: bool = False,
        base: str | None = None,
    ) -> None:
        super().__init__()
        self.value = " ".join(value.split())
        self.size = size
        self.align = align
        self.bold = bold
        self.base = base
        self.avail = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        return avail_width, self.size * 1.2

    def draw(self) -> None:
        value = ellipsize(self.value, self.size, self.avail, self.bold)
        x = self.avail if self.align == "right" else 0.0
        y = self.size * 0.25
        draw(self.canv, value, x, y, self.size, align=self.align, bold=self.bold, base=self.base)
