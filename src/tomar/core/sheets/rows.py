"""The signer pages of the delivery sheets: one fixed-height row a signer, drawn in chunks.

Signers are streamed from the vault and drawn straight onto a canvas, so no flowables or
signer lists pile up in memory however many signed. ReportLab keeps a whole document in
memory until it is saved, so the pages are made in chunks of CHUNK_PAGES pages, each its
own small PDF in memory, which `stream.PdfStream` appends to the output file and forgets.
ReportLab draws in pure Python (about 2 ms a signer): with many signers the chunks are
drawn by a pool of processes, one a core, while this process reads the next signers; the
chunks are the same either way, so the file is the same byte for byte.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .. import strokes
from ..campaign import Campaign
from ..errors import E, TomarError
from ..intake import Signer
from ..normalize import initials
from ..workers import give_way
from . import text
from .common import MARGIN, Progress, SheetError, check_cancel, new_canvas
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


class Pages:
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


class SignerPainter:
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

    def undrawable(self, signer: Signer) -> tuple[str, ...]:
        """The columns of this signer's row with letters no font can draw (the same fonts
        as drawing: what is listed is exactly what would print as empty boxes)."""
        return tuple(k for k, v in self.printed(signer).items() if v and text.missing(v))

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
        pad = 1 * mm
        bw, bh = cw - 2 * pad, ROW_H - 2 * pad
        try:
            aspect, paths = strokes.decode_paths(bytes(blob), bw, bh)
        except TomarError:
            self._cell(c, text.label("no_drawing", self.lang), x, top, cw, base, gray=True)
            return
        draw_signature(c, aspect, paths, x + pad, top - pad, bw, bh)


def draw_signature(
    c: Canvas,
    aspect: float,
    paths: list[list[tuple[float, float, float]]],
    left: float,
    top: float,
    w: float,
    h: float,
) -> None:
    """The signature as vector strokes in the box whose top-left corner is (left, top).

    Geometry from `strokes.decode_paths`, that of `strokes.scaled_paths`, the function
    the screen uses; PDF y grows upwards, so y is flipped here.
    """
    scale = min(w / aspect, h)
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


def chunk_canvas(size: tuple[float, float]) -> Canvas:
    """A canvas for a few pages, read back with `getpdfdata()`: nothing goes to disk."""
    return new_canvas(io.BytesIO(), size, title="")


@dataclass(frozen=True)
class Undrawable:
    """A row of the delivery sheets with letters no font can draw. Holds no signer data."""

    row: int  # as numbered on the sheets (or the packet)
    columns: tuple[str, ...]  # "name", "city", "country"


@dataclass(frozen=True)
class Layout:
    """What a worker needs to draw rows as the caller would (picklable)."""

    campaign: Campaign
    lang: str
    size: tuple[float, float]
    total_pages: int


@dataclass(frozen=True)
class _Job:
    first_page: int
    first_row: int
    signers: list[Signer]


#: Fewer chunks than this are drawn here: starting the pool takes a second or two.
PARALLEL_MIN_CHUNKS = 4
#: The worker's painters, for the last layout it was given.
_WORKER: dict[str, tuple[Layout, Pages, SignerPainter]] = {}


def _draw(pages: Pages, painter: SignerPainter, job: _Job) -> bytes:
    """One chunk: its signers' pages, numbered on from `job.first_page`, as a small PDF."""
    canvas = chunk_canvas(pages.size)
    pages.page = job.first_page - 1
    for i, signer in enumerate(job.signers):
        slot = i % painter.per_page
        if slot == 0:
            if i:
                canvas.showPage()
            pages.decorate(canvas)
            painter.header(canvas)
        painter.row(canvas, job.first_row + i, slot, signer)
    data: bytes = canvas.getpdfdata()
    return data


def _draw_in_worker(layout: Layout, job: _Job) -> bytes:
    last = _WORKER.get("last")
    if last is None or last[0] != layout:
        text.register_fonts()
        pages = Pages(layout.campaign, layout.lang, layout.size)
        pages.total = layout.total_pages
        last = (layout, pages, SignerPainter(layout.campaign, layout.lang, layout.size))
        _WORKER["last"] = last
    return _draw(last[1], last[2], job)


class RowDrawer:
    """Draws the signer rows of one document, in chunks: here when they are few, else in a
    pool of processes kept until `close` (the packets of a split delivery share it)."""

    def __init__(self, workers: int | None = None) -> None:
        self._workers = (os.cpu_count() or 1) if workers is None else workers
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> RowDrawer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def draw(
        self,
        pdf: PdfStream,
        pages: Pages,
        painter: SignerPainter,
        signers: Iterable[Signer],
        total: int,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> int:
        """Draw the signer pages after `pages.page`, handing each chunk to `pdf` in order;
        returns the number of signers drawn."""
        per_chunk = CHUNK_PAGES * painter.per_page
        jobs = _jobs(signers, per_chunk, painter.per_page, pages.page + 1)
        if self._workers < 2 or -(-total // per_chunk) < PARALLEL_MIN_CHUNKS:
            drawn: Iterator[tuple[_Job, bytes]] = (
                (job, _draw(pages, painter, job)) for job in jobs
            )
        else:
            layout = Layout(pages.campaign, pages.lang, pages.size, pages.total)
            drawn = self._pooled(layout, jobs)
        count = 0
        for job, data in drawn:
            check_cancel(cancel)
            pdf.add(data)
            count += len(job.signers)
            pages.page = job.first_page - 1 + -(-len(job.signers) // painter.per_page)
            if progress is not None:
                progress(count, total)
        return count

    def _pooled(self, layout: Layout, jobs: Iterable[_Job]) -> Iterator[tuple[_Job, bytes]]:
        """Chunks drawn by the pool, in order; a few ahead, so memory stays bounded."""
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self._workers, mp_context=multiprocessing.get_context("spawn"), initializer=give_way
            )
        pending: deque[tuple[_Job, Future[bytes]]] = deque()
        try:
            for job in jobs:
                pending.append((job, self._pool.submit(_draw_in_worker, layout, job)))
                if len(pending) > 2 * self._workers:
                    done, future = pending.popleft()
                    yield done, future.result()
            while pending:
                done, future = pending.popleft()
                yield done, future.result()
        except BrokenProcessPool:  # a worker was killed (out of memory, most likely)
            self.close()
            raise SheetError(E.SHEETS_DRAWING_STOPPED) from None
        finally:
            for _, future in pending:
                future.cancel()


def _jobs(
    signers: Iterable[Signer], per_chunk: int, per_page: int, first_page: int
) -> Iterator[_Job]:
    chunk: list[Signer] = []
    row = 1
    for signer in signers:
        chunk.append(signer)
        if len(chunk) == per_chunk:
            yield _Job(first_page, row, chunk)
            first_page += per_chunk // per_page
            row += per_chunk
            chunk = []
    if chunk:
        yield _Job(first_page, row, chunk)
