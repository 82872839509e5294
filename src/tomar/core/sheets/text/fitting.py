"""Text measured and fitted into a width or a box: wrapping, shrinking, ellipses."""

from __future__ import annotations

import unicodedata

from reportlab.pdfbase import pdfmetrics

from .bidi import shape
from .fonts import runs

ELLIPSIS = "\u2026"


def width(text: str, size: float, bold: bool = False) -> float:
    """The drawn width, run by run in the font each run is drawn in."""
    return float(
        sum(pdfmetrics.stringWidth(run, name, size) for run, name in runs(shape(text), bold))
    )


def ellipsize(text: str, size: float, max_width: float, bold: bool = False) -> str:
    """`text` cut at its logical end with a visible ellipsis so that it fits the width."""
    if width(text, size, bold) <= max_width:
        return text
    return _cut_with_ellipsis(text, size, max_width, bold)


def _cut_with_ellipsis(text: str, size: float, max_width: float, bold: bool) -> str:
    if not text or width(text[:1] + ELLIPSIS, size, bold) > max_width:
        return ELLIPSIS
    cut = _longest_prefix(text, size, max_width, bold, ELLIPSIS)
    return text[:cut].rstrip() + ELLIPSIS


def _longest_prefix(text: str, size: float, max_width: float, bold: bool, tail: str = "") -> int:
    """The longest prefix length (at least 1) whose width with `tail` fits: a binary
    search, so a 200-letter word costs a few measurements, not hundreds. The cut is moved
    back so that no combining mark is parted from its letter."""
    lo, hi = 1, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if width(text[:mid] + tail, size, bold) <= max_width:
            lo = mid
        else:
            hi = mid - 1
    cut = lo
    while 1 < cut < len(text) and unicodedata.category(text[cut]).startswith("M"):
        cut -= 1
    return cut


def wrap(text: str, size: float, max_width: float, bold: bool = False) -> list[str]:
    """Greedy word wrap in logical order; a word wider than the line is cut."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if width(candidate, size, bold) <= max_width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        while len(word) > 1 and width(word, size, bold) > max_width:
            cut = _longest_prefix(word, size, max_width, bold)
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines or [""]


def fit(
    text: str,
    max_width: float,
    max_height: float,
    size: float,
    *,
    min_size: float = 5.0,
    bold: bool = False,
) -> tuple[float, list[str]]:
    """The largest size (down to `min_size`) at which `text` wraps into the box.

    If it does not fit even at `min_size`, the lines that fit are kept and the last one
    ends in an ellipsis: nothing is ever drawn outside the box.
    """
    text = unicodedata.normalize("NFC", text)
    lines = wrap(text, size, max_width, bold)
    if len(lines) * size * 1.2 <= max_height:
        return size, lines  # the usual case: one measurement or two
    full = width(text, size, bold) / size  # width per point of size
    while True:
        size = max(min_size, size - 0.5)
        if size > min_size and full * size > max_width * int(max_height // (size * 1.2)):
            continue  # cannot fit even perfectly packed: skip the wrapping
        lines = wrap(text, size, max_width, bold)
        if len(lines) * size * 1.2 <= max_height:
            return size, lines
        if size <= min_size:
            break
    room = max(1, int(max_height // (size * 1.2)))
    kept = lines[:room]
    kept[-1] = _cut_with_ellipsis(kept[-1], size, max_width, bold)
    return size, kept
