"""Tables longer than a page (found at 100,000 signers from 50 devices): ReportLab's flow
never splits one flowable, so the report's breakdowns and the delivery appendix's table of
batches must go in pieces, or the whole document fails."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from tomar.core.intake.store import add_derived
from tomar.core.sheets.delivery import write_delivery
from tomar.core.sheets.report import write_report

from .batchkit import new_organizer

DEVICE = "A" * 43 + "="


def _pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_report_with_more_events_than_a_page_holds(tmp_path: Path) -> None:
    org = new_organizer(tmp_path / "org")
    with org.vault.transaction() as conn:
        conn.execute(
            "INSERT INTO intake_batches(sha256, manifest_sha256, device, number, record_count, "
            "received_at, status) VALUES ('b', 'm', ?, 1, 90, '2026-01-01', 'imported')",
            (DEVICE,),
        )
        conn.executemany(
            "INSERT INTO signers(record_id, device, seq, batch, time, day, event_name, source, "
            "lang, display, fields, name) VALUES (?, ?, ?, 'b', '2026-01-01T12:00:00Z', "
            "'2026-01-01', ?, 'kiosk', 'en', 'full', '{}', ?)",
            [(f"r{i:03d}", DEVICE, i + 1, f"Rally {i:03d}", f"Signer {i}") for i in range(90)],
        )
        add_derived(conn, 0)  # the kept counts, as intake adds them
    out = tmp_path / "report.pdf"
    stats = write_report(org.vault, out)
    assert len(stats["by_event"]) == 90
    pdf = _pdf_text(out)
    assert "Rally 000" in pdf and "Rally 089" in pdf
    org.close()


def test_delivery_appendix_lists_more_batches_than_a_page_holds(tmp_path: Path) -> None:
    org = new_organizer(tmp_path / "org")
    with org.vault.transaction() as conn:
        conn.executemany(
            "INSERT INTO intake_batches(sha256, manifest_sha256, device, number, record_count, "
            "received_at, status) VALUES (?, 'm', ?, ?, 1, '2026-01-01', 'imported')",
            [(f"{n:064x}", DEVICE, n) for n in range(1, 81)],
        )
        conn.execute(
            "INSERT INTO signers(record_id, device, seq, batch, time, day, event_name, source, "
            "lang, display, fields, name) VALUES ('r1', ?, 1, ?, '2026-01-01T12:00:00Z', "
            "'2026-01-01', 'Rally', 'kiosk', 'en', 'full', '{\"full_name\": \"Nina Park\"}', "
            "'Nina Park')",
            (DEVICE, f"{1:064x}"),
        )
        add_derived(conn, 0)
    out = tmp_path / "delivery.pdf"
    assert write_delivery(org.vault, out) == 1
    pdf = _pdf_text(out)
    assert f"{80:064x}" in pdf and "Nina Park" in pdf
    org.close()
