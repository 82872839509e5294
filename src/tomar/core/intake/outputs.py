"""What intake writes out: signed receipts for devices, the unique signers as CSV."""

from __future__ import annotations

import base64
import csv
import io
from pathlib import Path

from .. import batch, receipts, strokes
from ..atomic import atomic_write, atomic_writer
from ..campaign import Campaign
from ..errors import TomarError
from ..identity import OrganizerIdentity, now_iso
from ..vault import Vault
from .reports import unique_signers

_CSV_HEAD = (
    "record_id", "time", "event", "source", "paper_serial", "paper_row", "language", "display",
)  # fmt: skip


def write_receipts(
    vault: Vault,
    organizer: OrganizerIdentity,
    campaign: Campaign,
    out_dir: Path,
    *,
    again: bool = False,
) -> list[Path]:
    """One signed receipt per imported batch (by default only those without one yet)."""
    if not out_dir.is_dir():
        raise TomarError(f"The folder {out_dir} does not exist.")
    sql = (
        "SELECT sha256, device, number, manifest_sha256 FROM intake_batches "
        "WHERE status = 'imported'"
    )
    if not again:
        sql += " AND receipt_at IS NULL"
    written = []
    for sha, device, number, manifest_sha in vault.conn.execute(
        sql + " ORDER BY device, number"
    ).fetchall():
        ids = [
            r[0]
            for r in vault.conn.execute("SELECT record_id FROM device_seqs WHERE batch = ?", (sha,))
        ]
        data = receipts.make(
            organizer,
            campaign,
            device=device,
            batch=int(number),
            batch_sha256=sha,
            manifest_sha256=manifest_sha,
            accepted=ids,
            rejected={},
        )
        stem = batch.file_name(base64.b64decode(device), int(number))[: -len(batch.SUFFIX)]
        path = out_dir / f"{stem}{receipts.SUFFIX}"
        atomic_write(path, data, mode=0o644, what="the receipt")
        with vault.transaction() as conn:
            conn.execute(
                "UPDATE intake_batches SET receipt_at = ? WHERE sha256 = ?", (now_iso(), sha)
            )
        written.append(path)
    return written


def export_csv(vault: Vault, campaign: Campaign, out: Path, svg_dir: Path | None = None) -> int:
    """Unique signers as CSV (UTF-8 with BOM for spreadsheets); SVG signatures if asked.

    Streamed into the atomic writer, row by row: memory does not grow with the number of
    signers, and drawings are read only when SVGs are asked for.
    """
    names = [f.name for f in campaign.fields]
    count = 0
    with atomic_writer(out, what="the CSV file") as raw:
        fh = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        fh.write("\ufeff")
        writer = csv.writer(fh)
        writer.writerow([*_CSV_HEAD, *names, "device"])
        for s in unique_signers(vault, drawings=svg_dir is not None):
            writer.writerow(
                [
                    _cell(x)
                    for x in (
                        s["record_id"],
                        s["time"],
                        s["event"],
                        s["source"],
                        s["paper_serial"] or "",
                        s["paper_row"] or "",
                        s["lang"],
                        s["display"],
                        *(s["fields"].get(n, "") for n in names),
                        s["device"],
                    )
                ]
            )
            if svg_dir is not None and s["strokes"] is not None:
                svg_dir.mkdir(parents=True, exist_ok=True)
                svg = strokes.to_svg(strokes.decode(bytes(s["strokes"])))
                atomic_write(svg_dir / f"{s['record_id']}.svg", svg.encode(), what="a signature")
            count += 1
        fh.flush()
        fh.detach()  # the atomic writer closes (and renames) the file itself
    return count


def _cell(value: object) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas; signers' text is hostile."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
