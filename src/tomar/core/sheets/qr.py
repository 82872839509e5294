"""QR codes drawn as vector squares, and the text a blank sheet's code carries."""

from __future__ import annotations

import re

import segno
from reportlab.pdfgen.canvas import Canvas

from ..errors import E
from .common import SheetError

SHEET_PREFIX = "TOMAR-SHEET:1:"
_SHEET = re.compile(r"^TOMAR-SHEET:1:([A-Za-z0-9_-]{1,64}):([A-Za-z0-9-]{1,40})$")
BORDER = 4  # modules of quiet zone that scanners need


def sheet_payload(campaign_id: str, serial: str) -> str:
    return f"{SHEET_PREFIX}{campaign_id}:{serial}"


def parse_sheet_payload(payload: str) -> tuple[str, str]:
    """(campaign id, serial) from a scanned blank-sheet code."""
    match = _SHEET.match(payload.strip())
    if match is None:
        raise SheetError(E.SHEETS_NOT_OUR_QR_CODE)
    return match.group(1), match.group(2)


def draw_qr(
    canvas: Canvas, data: str, x: float, y: float, size: float, *, error: str = "m"
) -> None:
    """Draw `data` as a QR code in the square (x, y, size), quiet zone included.

    Dark modules of a row are merged into one rectangle: fewer operators, no hairline
    gaps between modules in viewers.
    """
    code = segno.make(data, error=error, micro=False)
    matrix = code.matrix
    count = len(matrix) + 2 * BORDER
    module = size / count
    path = canvas.beginPath()
    for r, row in enumerate(matrix):
        top = y + size - (r + BORDER + 1) * module
        c = 0
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                path.rect(x + (start + BORDER) * module, top, (c - start) * module, module)
            else:
                c += 1
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
