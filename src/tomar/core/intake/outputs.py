"""What intake writes out: signed receipts for devices, the unique signers as CSV."""

from __future__ import annotations

import base64
import csv
import io
import unicodedata
from pathlib import Path

from .. import batch, normalize, receipts, strokes
from ..atomic import atomic_write, atomic_writer
from ..campaign import Campaign
from ..errors import E, TomarError
from ..identity import OrganizerIdentity, now_iso
from ..vault import Vault
from .reports import Signer, hiding_count, unique_signers

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
        raise TomarError(E.BATCH_NO_SUCH_FOLDER, out_dir=out_dir)
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
        atomic_write(path, data, mode=0o644, what=E.WORD_THE_RECEIPT)
        with vault.transaction() as conn:
            conn.execute(
                "UPDATE intake_batches SET receipt_at = ? WHERE sha256 = ?", (now_iso(), sha)
            )
        written.append(path)
    return written


#: The full export's first line: what the file holds, before anyone forwards it.
FULL_WARNING = (
    "CONFIDENTIAL: the organizer's full export. Every unique signer with every field "
    "(names, emails, phones...), {hiding} of them asked to be shown by initials only or "
    "not at all. Never give this file to an addressee: use the public export."
)
_PUBLIC_HEAD = ("name", "city", "country", "date")
#: What the public export and the delivery sheets show for a hidden signer's name.
NAME_WITHHELD = "Name withheld at the signer's request"


def export_csv(
    vault: Vault,
    campaign: Campaign,
    out: Path,
    svg_dir: Path | None = None,
    *,
    public: bool = False,
    consent: str | None = None,
) -> int:
    """Unique signers as CSV (UTF-8 with BOM for spreadsheets); SVG signatures if asked.

    The full export (the organizer's own) holds every field of every signer and says so
    on its first line. The public one honours each display choice as the delivery
    sheets do: the name in full, as initials, or withheld, with city, country and date;
    no email or phone; a hidden signer's drawing is not written either (a signature
    often spells the name). With `consent`, only the signers who agreed to that purpose
    (a contact list that holds nobody who did not ask to be contacted).

    Streamed into the atomic writer, row by row: memory does not grow with the number of
    signers (the first line's count is counted by SQL first), and drawings are read only
    when SVGs are asked for.
    """
    purposes = [c.purpose for c in campaign.consents]
    if consent is not None and consent not in purposes:
        if purposes:
            raise TomarError(E.INTAKE_NO_CONSENT_PURPOSE_OF, purposes=", ".join(purposes))
        raise TomarError(E.INTAKE_NO_CONSENT_PURPOSE)
    kinds = {f.kind: f.name for f in reversed(campaign.fields)}  # the first of each kind
    names = [f.name for f in campaign.fields]
    places_head = (
        ["state", "district"] if any(f.kind == "postal_code" for f in campaign.fields) else []
    )
    count = 0
    with atomic_writer(out, what=E.WORD_THE_CSV_FILE) as raw:
        fh = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        fh.write("\ufeff")
        writer = csv.writer(fh)
        if not public:  # one cell on a line of its own, above the column names
            writer.writerow([FULL_WARNING.format(hiding=hiding_count(vault, consent))])
        writer.writerow(
            _PUBLIC_HEAD if public else [*_CSV_HEAD, *names, *places_head, *purposes, "device"]
        )
        for s in unique_signers(vault, drawings=svg_dir is not None):
            if consent is not None and consent not in s["consents"]:
                continue
            hidden = s["display"] == "hidden"
            row = _csv_row(s, public, kinds, names, bool(places_head), purposes)
            writer.writerow([_cell(x) for x in row])
            if svg_dir is not None and s["strokes"] is not None and not (public and hidden):
                svg_dir.mkdir(parents=True, exist_ok=True)
                svg = strokes.to_svg(strokes.decode(bytes(s["strokes"])))
                atomic_write(
                    svg_dir / f"{s['record_id']}.svg", svg.encode(), what=E.WORD_A_SIGNATURE
                )
            count += 1
        fh.flush()
        fh.detach()  # the atomic writer closes (and renames) the file itself
    return count


def _csv_row(
    s: Signer,
    public: bool,
    kinds: dict[str, str],
    names: list[str],
    places: bool,
    purposes: list[str],
) -> list[object]:
    """One signer's cells of `export_csv`: the public columns, or every field (full)."""
    fields = s["fields"]
    if public:
        name = fields.get(kinds.get("name", ""), "")
        shown = normalize.initials(name) if s["display"] == "initials" else name
        return [
            NAME_WITHHELD if s["display"] == "hidden" else shown,
            fields.get(kinds.get("city", ""), ""),
            fields.get(kinds.get("country", ""), ""),
            str(s["time"])[:10],
        ]
    return [
        s["record_id"],
        s["time"],
        s["event"],
        s["source"],
        s["paper_serial"] or "",
        s["paper_row"] or "",
        s["lang"],
        s["display"],
        *(fields.get(n, "") for n in names),
        *([s["state"], s["district"]] if places else []),
        *("yes" if p in s["consents"] else "no" for p in purposes),
        s["device"],
    ]


#: What a spreadsheet skips before it decides that a cell is a formula: whitespace,
#: line breaks, and invisible format characters (bidi controls, zero-width ones).
_SKIPPED = frozenset(("Zs", "Zl", "Zp", "Cc", "Cf"))
#: A formula starts with one of these, or with their fullwidth and small forms, which
#: NFKC folds into them (＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫), or a minus sign.
_FORMULA_START = frozenset("=+-@\u2212")


def _cell(value: object) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas; signers' text is
    hostile. Guard what a spreadsheet would evaluate after whatever it skips."""
    text = str(value)
    for ch in text:
        if unicodedata.category(ch) in _SKIPPED:
            continue
        if unicodedata.normalize("NFKC", ch)[:1] in _FORMULA_START:
            return "'" + text
        break
    return "'" + text if text[:1] in ("\t", "\r", "\n") else text
