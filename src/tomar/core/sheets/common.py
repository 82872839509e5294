"""What every document shares: paper sizes, progress and cancel, pages, frames, errors."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame

from ..atomic import atomic_writer
from ..errors import E, TomarError, Words
from . import text

# Streams stay binary (zlib only): ReportLab's ASCII85 encoding in pure Python took a fifth
# of the time of the delivery sheets, and made every stream a quarter larger.
rl_config.useA85 = 0

Progress = Callable[[int, int], None]
PAPERS: dict[str, tuple[float, float]] = {"letter": LETTER, "a4": A4}
MARGIN = 12 * mm


class SheetError(TomarError):
    """A document cannot be made as asked."""


class Cancelled(SheetError):
    def __init__(self) -> None:
        super().__init__(E.SHEETS_CANCELLED)


def check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled()


def page_size(paper: str, *, wide: bool = False) -> tuple[float, float]:
    try:
        size = PAPERS[paper.lower()]
    except KeyError:
        raise SheetError(E.SHEETS_UNKNOWN_PAPER_SIZE_USE, paper=paper) from None
    return landscape(size) if wide else size


def check_lang(lang: str, languages: list[str]) -> None:
    if lang not in languages:
        raise SheetError(E.SHEETS_NO_TEXTS_IN_LANGUAGE, lang=lang, choices=", ".join(languages))


@contextmanager
def pdf_canvas(
    out: Path, size: tuple[float, float], *, title: str, what: Words
) -> Iterator[Canvas]:
    """A canvas whose PDF lands atomically at `out` only if the block finishes.

    The document is assembled in memory by ReportLab and written straight into the temp
    file beside `out`: nothing is written anywhere else.
    """
    text.register_fonts()
    with atomic_writer(out, mode=0o600, what=what) as fh:
        canvas = new_canvas(fh, size, title=title)
        yield canvas
        canvas.save()


def new_canvas(fh: BinaryIO | Any, size: tuple[float, float], *, title: str) -> Canvas:
    canvas = Canvas(fh, pagesize=size, pageCompression=1)
    canvas.setTitle(title)
    canvas.setCreator("Tomar")
    canvas.setAuthor("")
    canvas.setSubject("")
    return canvas


def flow(
    canvas: Canvas,
    story: list[Flowable],
    frame_box: tuple[float, float, float, float],
    decorate: Callable[[Canvas], None],
    *,
    cancel: threading.Event | None = None,
) -> int:
    """Lay `story` out page after page in one frame; returns the pages used.

    `decorate` draws the fixed parts of each page (serial, QR code, page number). The
    caller ends the last page. A flowable too big for an empty page is an error rather
    than clipped.
    """
    pages = 0
    story = list(story)
    while story:
        check_cancel(cancel)
        if pages:
            canvas.showPage()
        decorate(canvas)
        pages += 1
        x, y, w, h = frame_box
        frame = Frame(x, y, w, h, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        before = len(story)
        frame.addFromList(story, canvas)
        if story and len(story) == before and frame._atTop:
            raise SheetError(E.SHEETS_TEXT_TOO_LARGE_FIT)
    return pages


def frame_y(frame: Frame) -> float:
    """Where the next flowable would start (ReportLab keeps it private)."""
    return float(frame._y)


class NeedSpace(Flowable):  # type: ignore[misc]
    """Move on to the next page unless `height` is left (KeepTogether needs a doc template)."""

    def __init__(self, height: float) -> None:
        super().__init__()
        self.need = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return (0, 0) if avail_height >= self.need else (0, avail_height + 1)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        pass
