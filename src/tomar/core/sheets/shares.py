"""Printed SLIP-39 recovery shares of the organizer key: one share per page.

Each page has the words (numbered, to be typed back), the same words as a QR code, which
set it belongs to, how many shares restore the key, and the fingerprint of the key they
restore, so a restored key can be checked against what volunteers were given.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.units import mm

from .. import organizer, recovery
from ..atomic import atomic_writer
from ..errors import E
from ..vault import Vault
from . import text
from .common import MARGIN, Progress, check_cancel, new_canvas, page_size
from .qr import draw_qr

QR = 45 * mm
WORD_COLUMNS = 4


def write_shares(
    vault: Vault,
    out: Path,
    *,
    threshold: int,
    shares: int,
    paper: str = "letter",
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> list[str]:
    """Split the vault's organizer key and print the shares; returns the share words.

    The PDF is as secret as the key itself while `threshold` or more shares are together.
    """
    ident = organizer.require(vault)
    words = recovery.split(ident, threshold, shares)
    size = page_size(paper)
    w, h = size
    text.register_fonts()
    with atomic_writer(out, mode=0o600, what=E.WORD_THE_RECOVERY_SHARES) as fh:
        c = new_canvas(fh, size, title="Tomar organizer key recovery shares")
        for i, share in enumerate(words, 1):
            check_cancel(cancel)
            set_id, index, _ = recovery.share_info(share)
            y = h - MARGIN
            text.draw(
                c,
                f"Tomar organizer key: recovery share {index} of {shares}",
                MARGIN,
                y - 16,
                16,
                bold=True,
            )
            lines = [
                f"Any {threshold} of the {shares} shares restore the key. Fewer reveal nothing.",
                f"Share set {set_id:05d}. Organizer: {ident.name}",
                f"Organizer key fingerprint: {ident.fingerprint}",
            ]
            for j, line in enumerate(lines):
                text.draw(c, line, MARGIN, y - 38 - j * 14, 10)
            draw_qr(c, share, w - MARGIN - QR, y - 16 - QR, QR, error="l")
            top = y - 16 - QR - 12 * mm
            items = share.split()
            per_col = -(-len(items) // WORD_COLUMNS)
            col_w = (w - 2 * MARGIN) / WORD_COLUMNS
            for n, word in enumerate(items):
                col, row = divmod(n, per_col)
                x = MARGIN + col * col_w
                yy = top - row * 17
                text.draw(c, f"{n + 1}.", x + 8 * mm, yy, 9, align="right")
                c.setFont("Courier-Bold", 12)
                c.drawString(x + 10 * mm, yy, word)
            notes = [
                "Keep each share in a different safe place, on paper only; do not photograph it.",
                f"Whoever holds {threshold} shares can read every signature of the campaign.",
                "To restore: 'tomar organizer restore-shares' in a new vault, then type the words",
                "of each share on one line (or scan the QR codes into a text file, one per line).",
                "SLIP-39 shares: other SLIP-39 tools can also recover the 74-byte key secret.",
            ]
            for j, line in enumerate(notes):
                text.draw(c, line, MARGIN, MARGIN + (len(notes) - j) * 13, 9)
            c.showPage()
            if progress is not None:
                progress(i, shares)
        c.save()
    organizer.record_shares(vault, threshold, shares)
    return words
