"""PDFs read back for the sheet tests: text in reading order, compared without joining
or bidi marks; the organizer tuple the sheet tests pass around."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import pytest

from tomar.core import batch, vault
from tomar.core.device import Device
from tomar.core.identity import OrganizerIdentity
from tomar.core.intake import Intake

Org = tuple[vault.Vault, OrganizerIdentity, bytes]
# poppler-utils (pdftotext, pdftoppm) and zbar-tools; CI fails without them.
needs_poppler = pytest.mark.needs_tool("pdftotext", "pdftoppm")
needs_zbar = pytest.mark.needs_tool("zbarimg", "pdftoppm")


def pdftext(path: Path) -> str:
    """Text in reading order (poppler reorders right-to-left lines), letters unjoined."""
    out = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, check=True, timeout=60
    ).stdout.decode()
    return plain(out)


_MARKS = dict.fromkeys(map(ord, "\u200c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u0654"), None)


def plain(text_: str) -> str:
    """For comparing: letters unjoined, bidi marks, ZWNJ, hamza marks and spacing dropped."""
    text_ = unicodedata.normalize("NFKC", text_).translate(_MARKS).replace("ۀ", "ه")
    return " ".join(text_.split())


def import_all(org: Org, device: Device, outdir: Path) -> None:
    """The device's records exported into `outdir` (new) and imported by the organizer,
    the device approved if it was not enrolled."""
    outdir.mkdir()
    batch.export(device, outdir)
    with Intake(org[0], workers=1) as intake:
        for path in outdir.iterdir():
            result = intake.import_file(path)
            if result.status == "held":
                intake.approve_device(result.device)
