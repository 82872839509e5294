"""One PDF written to a file a few pages at a time, from small ReportLab documents.

ReportLab keeps every page of a document in memory until `save()`, so a document of
many pages costs memory in proportion to its length. Instead the caller renders a few
pages at a time as a small PDF of their own (a "chunk", made in memory with
`Canvas.getpdfdata()`) and hands it to `PdfStream.add`: the objects its pages use are
renumbered and written straight to the output file, and only their byte offsets and the
page numbers stay in memory. `close` then writes the one page tree, the catalog, the
document information and the cross-reference table.

This is not a general PDF reader: it expects what ReportLab writes (a classic
cross-reference table, one object after another, no attributes inherited from the page
tree) and refuses anything else. Stream bytes are copied as they are, still compressed;
references are renumbered only outside them. Each chunk brings its own font subsets.
"""

from __future__ import annotations

import os
import re
import time
from typing import BinaryIO

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
# A reference `12 0 R` (after a space, `[` or `<`, so `/F2+0 8 0 R` is read as 8), or a
# literal string, matched only so that it is skipped whole.
_REF_OR_STRING = re.compile(rb"\((?:\\.|[^\\)])*\)|(?<![^\s\[<])(\d+) 0 R\b", re.S)
_STREAM = re.compile(rb">>\s*stream\r?\n")
_INHERITABLE = re.compile(rb"/(Resources|MediaBox|CropBox|Rotate)\b")


class PdfStream:
    """Chunks in, one PDF out: pages in the order they were added."""

    def __init__(self, fh: BinaryIO, *, title: str, creator: str = "Tomar") -> None:
        self._fh = fh
        self._title = title
        self._creator = creator
        self._pos = 0
        self._offsets: list[int] = [0]  # by new object number; [0] is the free entry
        self._kids: list[int] = []
        self._pages = self._reserve()  # the page tree: every page's /Parent, written last
        self._write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")  # binary marker line, as ReportLab does

    @property
    def page_count(self) -> int:
        return len(self._kids)

    def add(self, chunk: bytes) -> int:
        """Append the pages of `chunk` (a whole PDF from ReportLab); returns how many."""
        if not chunk.startswith(b"%PDF-1.") or chunk[:8] > b"%PDF-1.4":
            raise ValueError("Expected a PDF 1.4 or older from ReportLab.")
        bodies, trailer = _objects(chunk)
        root = _ref(trailer, b"Root")
        pages = _ref(bodies[root], b"Pages")
        tree = bodies[pages]
        if _INHERITABLE.search(tree):
            raise ValueError("Pages inherit attributes from the page tree: not supported.")
        kids_match = re.search(rb"/Kids\s*\[([^\]]*)\]", tree)
        if kids_match is None:
            raise ValueError("The page tree has no /Kids.")
        kids = [int(n) for n in re.findall(rb"(\d+) 0 R", kids_match[1])]
        # Everything the pages reach, except the chunk's own page tree (their /Parent).
        order: list[int] = []
        renumber = {pages: self._pages}
        todo = list(reversed(kids))
        while todo:
            old = todo.pop()
            if old in renumber:
                continue
            if old not in bodies:
                raise ValueError(f"Object {old} is referenced but missing.")
            renumber[old] = self._reserve()
            order.append(old)
            todo.extend(reversed(_refs(_head(bodies[old]))))
        for old in order:
            self._write_object(renumber[old], bodies[old], renumber)
        self._kids += [renumber[k] for k in kids]
        return len(kids)

    def close(self) -> None:
        """Write the page tree, catalog, information and cross-reference table."""
        kids = b" ".join(b"%d 0 R" % n for n in self._kids)
        tree = b"<< /Type /Pages /Count %d /Kids [ %s ] >>" % (len(self._kids), kids)
        self._object(self._pages, tree)
        catalog = self._reserve()
        self._object(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % self._pages)
        info = self._reserve()
        now = time.strftime("D:%Y%m%d%H%M%S+00'00'", time.gmtime()).encode()
        self._object(
            info,
            b"<< /Title %s /Creator %s /Author () /Subject () /Producer %s "
            b"/CreationDate (%s) /ModDate (%s) >>"
            % (_text(self._title), _text(self._creator), _text("ReportLab, Tomar"), now, now),
        )
        xref = self._pos
        lines = [b"xref\n0 %d\n0000000000 65535 f \n" % len(self._offsets)]
        lines += [b"%010d 00000 n \n" % offset for offset in self._offsets[1:]]
        file_id = b"<%s>" % os.urandom(16).hex().encode()
        lines.append(
            b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [ %s %s ] >>\n"
            % (len(self._offsets), catalog, info, file_id, file_id)
        )
        lines.append(b"startxref\n%d\n%%%%EOF\n" % xref)
        self._write(b"".join(lines))

    def _reserve(self) -> int:
        self._offsets.append(0)
        return len(self._offsets) - 1

    def _write(self, data: bytes) -> None:
        self._fh.write(data)
        self._pos += len(data)

    def _object(self, number: int, body: bytes) -> None:
        self._offsets[number] = self._pos
        self._write(b"%d 0 obj\n%s\nendobj\n" % (number, body))

    def _write_object(self, number: int, body: bytes, renumber: dict[int, int]) -> None:
        head = _head(body)

        def new(match: re.Match[bytes]) -> bytes:
            if match[1] is None:
                return match[0]  # a literal string
            return b"%d 0 R" % renumber[int(match[1])]

        self._object(number, _REF_OR_STRING.sub(new, head) + body[len(head) :])


def _objects(pdf: bytes) -> tuple[dict[int, bytes], bytes]:
    """Each object's body (between `n 0 obj` and `endobj`) by number, and the trailer."""
    found = _STARTXREF.search(pdf)
    if found is None:
        raise ValueError("No startxref: not a complete PDF.")
    xref = int(found[1])
    table, marker, trailer = pdf[xref:].partition(b"trailer")
    if not re.match(rb"xref\s+0 \d+\s", table) or not marker:
        raise ValueError("Expected a classic cross-reference table.")
    entries = _XREF_ENTRY.findall(table)
    starts = sorted((int(off), n) for n, (off, _, kind) in enumerate(entries) if kind == b"n")
    ends = [off for off, _ in starts[1:]] + [xref]
    bodies: dict[int, bytes] = {}
    for (start, n), end in zip(starts, ends, strict=True):
        header = b"%d 0 obj" % n
        if not pdf.startswith(header, start):
            raise ValueError(f"Object {n} is not where the cross-reference table says.")
        stop = pdf.rfind(b"endobj", start, end)
        if stop < 0:
            raise ValueError(f"Object {n} has no endobj.")
        bodies[n] = pdf[start + len(header) : stop].strip(b"\r\n ")
    return bodies, trailer


def _head(body: bytes) -> bytes:
    """The object without its stream data: the only part that may hold references."""
    stream = _STREAM.search(body)
    return body if stream is None else body[: stream.start() + 2]


def _refs(head: bytes) -> list[int]:
    return [int(m[1]) for m in _REF_OR_STRING.finditer(head) if m[1] is not None]


def _ref(dictionary: bytes, key: bytes) -> int:
    found = re.search(rb"/" + key + rb"\s+(\d+) 0 R", dictionary)
    if found is None:
        raise ValueError(f"No /{key.decode()} reference.")
    return int(found[1])


def _text(value: str) -> bytes:
    """A PDF text string in UTF-16 (hex), so any title is safe without escaping."""
    return b"<feff%s>" % value.encode("utf-16-be").hex().encode()
