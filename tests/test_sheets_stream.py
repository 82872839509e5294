"""PDFs assembled from chunks: valid for pypdf, poppler (and qpdf, Ghostscript if there)."""

from __future__ import annotations

import base64
import io
import json
import logging
import os
import shutil
import subprocess
import threading
import uuid
import warnings
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import StreamObject
from reportlab.lib.utils import ImageReader

from tomar.core import strokes, vault
from tomar.core.errors import E
from tomar.core.identity import OrganizerIdentity
from tomar.core.intake import Intake
from tomar.core.sheets import delivery, rows, text
from tomar.core.sheets.common import Cancelled, SheetError, new_canvas
from tomar.core.sheets.stream import PdfStream

from .conftest import demo_signature
from .sheetkit import needs_poppler, plain

Org = tuple[vault.Vault, OrganizerIdentity, bytes]


def check_pdf(path: Path, caplog: pytest.LogCaptureFixture) -> int:
    """Every reader we have opens `path` without a word of complaint; returns its pages."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with caplog.at_level(logging.WARNING):
            reader = PdfReader(path, strict=True)
            for page in reader.pages:
                page.extract_text()
    assert caplog.records == []
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, timeout=60, check=True)
    assert info.stderr == b""
    if shutil.which("qpdf"):
        subprocess.run(["qpdf", "--check", str(path)], capture_output=True, timeout=60, check=True)
    if shutil.which("gs"):
        gs = subprocess.run(
            ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=nullpage", str(path)],
            capture_output=True,
            timeout=120,
            check=True,
        )
        assert gs.stdout + gs.stderr == b""
    return len(reader.pages)


def page_text(path: Path, page: int) -> str:
    done = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        check=True,
        timeout=60,
    )
    assert done.stderr == b""
    return plain(done.stdout.decode())


# --- the assembler ------------------------------------------------------------------------


def chunk(first: int, count: int) -> bytes:
    """`count` pages numbered from `first`: fonts, one image and paths shared by the pages."""
    text.register_fonts()
    photo = ImageReader(Image.new("RGB", (40, 30), (200, 30, 30)))
    c = new_canvas(io.BytesIO(), (300, 200), title="ignored")
    for number in range(first, first + count):
        text.draw(c, f"page {number}", 20, 170, 12)
        text.draw(c, "برگهٔ امضا", 280, 150, 12, align="right", base="RTL")
        c.drawImage(photo, 20, 60, 40, 30)
        c.setLineWidth(2)
        c.line(20, 40, 280, 40 + number)
        c.showPage()
    return bytes(c.getpdfdata())


@needs_poppler
def test_assembled_pages_keep_their_order_and_render(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    out = tmp_path / "assembled.pdf"
    with out.open("wb") as fh:
        pdf = PdfStream(fh, title="Petition (draft) \\ عنوان")
        assert [pdf.add(chunk(1, 3)), pdf.add(chunk(4, 1)), pdf.add(chunk(5, 2))] == [3, 1, 2]
        assert pdf.page_count == 6
        pdf.close()
    assert check_pdf(out, caplog) == 6
    for number in range(1, 7):
        body = page_text(out, number)
        assert f"page {number}" in body
        assert plain("برگهٔ امضا") in body
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, check=True, timeout=60)
    assert "Title:           Petition (draft) \\ عنوان" in info.stdout.decode()
    assert "Creator:         Tomar" in info.stdout.decode()
    subprocess.run(
        ["pdftoppm", "-png", "-r", "20", str(out), str(tmp_path / "p")],
        capture_output=True,
        check=True,
        timeout=60,
    )
    images = sorted(tmp_path.glob("p-*.png"))
    assert len(images) == 6
    for image in images:
        with Image.open(image) as im:
            darkest = im.convert("L").getextrema()[0]
            assert isinstance(darkest, int) and darkest < 128  # something was drawn


def test_streams_are_copied_still_compressed() -> None:
    source = chunk(1, 2)
    out = io.BytesIO()
    pdf = PdfStream(out, title="")
    pdf.add(source)
    pdf.close()
    reader = PdfReader(io.BytesIO(source))
    for page in reader.pages:
        contents = page["/Contents"].get_object()
        assert isinstance(contents, StreamObject)
        raw = contents._data  # the encoded bytes, as ReportLab wrote them
        assert "/FlateDecode" in str(contents["/Filter"])
        assert len(raw) > 20 and raw in out.getvalue()


def test_only_reportlab_pdfs_are_taken() -> None:
    pdf = PdfStream(io.BytesIO(), title="")
    with pytest.raises(ValueError, match="PDF"):
        pdf.add(b"not a pdf")
    with pytest.raises(ValueError, match="startxref"):
        pdf.add(chunk(1, 1)[:-40])
    inherited = chunk(1, 1).replace(b"/Type /Pages", b"/Rotate 90  ")  # offsets unchanged
    with pytest.raises(ValueError, match="inherit"):
        pdf.add(inherited)


# --- delivery sheets in many chunks ----------------------------------------------------------

NAMES = ("Sara Example", "مریم رضایی", "Ali Example")


def add_signers(v: vault.Vault, n: int) -> None:
    """`n` signers straight into the table (the bench does the same), one per minute."""
    blob = strokes.encode(demo_signature())
    device = base64.b64encode(os.urandom(32)).decode()
    with v.transaction() as conn:
        conn.execute(
            "INSERT INTO intake_batches(sha256, manifest_sha256, device, number, record_count, "
            "received_at, status) VALUES ('b' || hex(randomblob(31)), hex(randomblob(32)), ?, "
            "1, ?, '2026-01-01', 'imported')",
            (device, n),
        )
        sha = conn.execute("SELECT sha256 FROM intake_batches").fetchone()[0]
        conn.executemany(
            "INSERT INTO signers(record_id, device, seq, batch, time, day, source, lang, display, "
            "fields, strokes, name) VALUES (?, ?, ?, ?, ?, '2026-01-02', 'kiosk', 'en', 'full', "
            "?, ?, ?)",
            [
                (
                    uuid.uuid4().hex,
                    device,
                    i + 1,
                    sha,
                    f"2026-01-02T{i // 60:02d}:{i % 60:02d}:00.000000Z",
                    json.dumps({"full_name": f"{NAMES[i % 3]} {i + 1}", "city": "Austin"}),
                    blob,
                    f"{NAMES[i % 3]} {i + 1}",
                )
                for i in range(n)
            ],
        )


def has_persian_signer(body: str, number: int) -> bool:
    """Poppler puts the number before or after the name, as the page runs LTR or RTL."""
    name = plain("مریم رضایی")
    return f"{number} {name}" in body or f"{name} {number}" in body


@pytest.fixture
def many(org: Org, monkeypatch: pytest.MonkeyPatch) -> vault.Vault:
    """Enough signers for seven signer pages, in chunks of two pages (drawn by a pool of
    two processes from four chunks on)."""
    monkeypatch.setattr(rows, "CHUNK_PAGES", 2)
    add_signers(org[0], 110)
    return org[0]


@needs_poppler
def test_delivery_in_chunks_is_one_valid_pdf(
    many: vault.Vault, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    out = tmp_path / "delivery.pdf"
    assert delivery.write_delivery(many, out) == 110
    assert out.stat().st_mode & 0o777 == 0o600
    total = check_pdf(out, caplog)
    bodies = [page_text(out, p) for p in range(1, total + 1)]
    first = next(p for p, body in enumerate(bodies) if "Sara Example 1 " in body)
    per_page = bodies[first].count("Austin")
    # cover, then only full signer pages, then the verification appendix
    assert total - 1 - first == -(-110 // per_page)
    assert "Unique signers: 110" in bodies[0]
    assert "Ali Example 108" in bodies[-2] and "Sara Example 109" in bodies[-2]
    assert has_persian_signer(bodies[-2], 110)
    assert "Verification data" in bodies[-1] and "Austin" not in bodies[-1]
    assert f"Page {total} of {total}" in bodies[-1]
    assert f"Page {first + 1} of {total}" in bodies[first]


@needs_poppler
def test_delivery_in_chunks_in_persian(
    many: vault.Vault, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    out = tmp_path / "delivery-fa.pdf"
    delivery.write_delivery(many, out, lang="fa")
    total = check_pdf(out, caplog)
    last = page_text(out, total - 1)  # the last signer page, before the appendix
    assert has_persian_signer(last, 110)
    assert plain("صفحهٔ") in last
    assert "Ali Example 108" in last


def test_cancel_in_a_later_chunk_leaves_no_file(many: vault.Vault, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        if done >= 100:
            cancel.set()

    add_signers(many, 200)  # a second batch: 310 signers, progress every 200
    with pytest.raises(Cancelled):
        delivery.write_delivery(many, folder / "d.pdf", progress=progress, cancel=cancel)
    assert list(folder.iterdir()) == []


def test_pages_drawn_by_the_pool_are_those_drawn_here(many: vault.Vault, tmp_path: Path) -> None:
    """Four chunks of signer pages drawn by two processes, and the same drawn by this one:
    the same pages, page numbers and rows, operator for operator."""
    here, pooled = tmp_path / "here.pdf", tmp_path / "pooled.pdf"
    assert delivery.write_delivery(many, here, workers=1) == 110
    assert delivery.write_delivery(many, pooled, workers=2) == 110

    def contents(path: Path) -> list[bytes]:
        return [page.get_contents().get_data() for page in PdfReader(path).pages]  # type: ignore[union-attr]

    a, b = contents(here), contents(pooled)
    with Intake(many, workers=1) as intake:
        per_page = rows.SignerPainter(intake.campaign, "en", (612.0, 792.0)).per_page
    assert len(a) == len(b) == 2 + -(-110 // per_page)  # cover, signer pages, appendix
    assert a[1:-1] == b[1:-1]  # the cover and appendix carry the time they were made


def test_a_worker_that_dies_leaves_no_file(
    many: vault.Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A drawing process killed mid-chunk (as by the out-of-memory killer): a clear error,
    and no file."""
    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.setattr(rows, "_draw_in_worker", _exit_in_worker)  # pickled by name
    with pytest.raises(SheetError) as info:
        delivery.write_delivery(many, folder / "d.pdf", workers=2)
    assert info.value.code is E.SHEETS_DRAWING_STOPPED
    assert list(folder.iterdir()) == []


def _exit_in_worker(layout: rows.Layout, job: object) -> bytes:
    os._exit(3)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_the_drawing_processes_give_way_to_the_app(many: vault.Vault, tmp_path: Path) -> None:
    from tomar.core import workers

    from .prockit import pool_nice

    seen: list[list[int]] = []
    mine = os.nice(0)
    delivery.write_delivery(
        many, tmp_path / "d.pdf", workers=2, progress=lambda done, total: seen.append(pool_nice())
    )
    assert seen and seen[0] and all(n == mine + workers.NICER_BY for n in seen[0]), seen
    assert os.nice(0) == mine


def test_the_drawing_processes_write_no_signer_anywhere(
    many: vault.Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Signers reach the drawing processes through pipes: no file in the temporary folder
    they were given, nor in shared memory, holds a name; only the sheets do."""
    import tempfile

    from .placeskit import traces

    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    shm = Path("/dev/shm")
    before = set(shm.iterdir()) if shm.is_dir() else set()
    out = tmp_path / "sheets" / "d.pdf"
    out.parent.mkdir()
    assert delivery.write_delivery(many, out, workers=2) == 110
    canaries = ["Sara Example 16", "Ali Example 15", "مریم رضایی 17"]
    assert "Sara Example 16" in page_text(out, 2)  # the names are in the sheets...
    assert traces(tmp, canaries) == []  # ... and nowhere else
    for made in (set(shm.iterdir()) if shm.is_dir() else set()) - before:
        data = made.read_bytes() if made.is_file() else b""
        assert not any(c.encode() in data for c in canaries), made.name


def test_damaged_drawings_print_as_no_drawing_in_the_pool(
    many: vault.Vault, tmp_path: Path
) -> None:
    """An attacker's drawing bytes in the vault (truncated, foreign, padded, huge) reach the
    drawing processes as they are: each prints as "no drawing", the others still print."""
    good = strokes.encode(demo_signature())
    hostile = [good[:-1], b"\xa7" + good[1:], good + b"\x00", b"\xa1" + b"\xff" * 200_000]
    with many.transaction() as conn:
        for n, blob in enumerate(hostile):
            conn.execute("UPDATE signers SET strokes = ? WHERE rowid = ?", (blob, 40 + n))
    out = tmp_path / "d.pdf"
    assert delivery.write_delivery(many, out, workers=2) == 110
    body = " ".join(page_text(out, p) for p in range(2, 6))
    assert body.count(text.label("no_drawing", "en")) == len(hostile)
