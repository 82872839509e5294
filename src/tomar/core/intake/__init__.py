"""The organizer's intake: verify, decrypt, check, merge and deduplicate batches.

A batch is imported whole or not at all, in one transaction. Every record must decrypt,
carry a valid signature by the device that signed the batch, name this campaign and
organizer key, and use a sequence number that device never used before. Batches of one
device form a hash chain; a batch out of order is accepted and the gap reported.

`Intake` is the one door the CLI, the app, sync and the sheets use; the work is done by
the parts of this package:

- `results`: what an import says back (`ImportResult`, `ImportStatus`, `RecordProblem`);
- `opening`: what runs in the worker processes (decrypt, verify, check, matching keys);
- `pipeline`: read-ahead, the pool, grouped commits, one batch's import;
- `store`: claiming ids, inserting signers and voids, the chain;
- `dedupe`: grouping, regrouping, review marks, manual merges;
- `devices`: enroll, revoke, approve, held batches;
- `reports`: stats, gaps, unique signers;
- `outputs`: receipts, CSV.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from .. import organizer
from ..campaign import Campaign
from ..device import Device
from ..errors import E, TomarError
from ..vault import Vault
from . import closing, dedupe, districts, outputs, reports
from .devices import Devices
from .opening import SIGNER_COLUMNS, Context
from .pipeline import AHEAD_MAX, GROUP_BYTES, PARALLEL_MIN, Importer, Opener
from .reports import (
    BREAKDOWN_KEYS,
    COUNT_KEYS,
    UNIQUE_COUNT_SQL,
    UNIQUE_SIGNERS_SQL,
    Breakdown,
    BreakdownKey,
    CountKey,
    Gap,
    Signer,
    Stats,
    format_gaps,
)
from .results import ImportResult, ImportStatus, Progress, RecordProblem
from .store import CHUNK

__all__ = [
    "AHEAD_MAX",
    "BREAKDOWN_KEYS",
    "CHUNK",
    "COUNT_KEYS",
    "GROUP_BYTES",
    "PARALLEL_MIN",
    "SIGNER_COLUMNS",
    "UNIQUE_COUNT_SQL",
    "UNIQUE_SIGNERS_SQL",
    "Breakdown",
    "BreakdownKey",
    "CountKey",
    "Gap",
    "ImportResult",
    "ImportStatus",
    "Intake",
    "Progress",
    "RecordProblem",
    "Signer",
    "Stats",
    "format_gaps",
]


class Intake:
    """Organizer operations on an open organizer vault."""

    REVIEW_DECISIONS = dedupe.REVIEW_DECISIONS

    def __init__(self, vault: Vault, *, workers: int | None = None) -> None:
        self.vault = vault
        self.campaign: Campaign = Device(vault).require_campaign()
        self.organizer = organizer.require(vault)
        if self.organizer.fingerprint_bytes != self.campaign.organizer_fpr:
            raise TomarError(E.INTAKE_KEYS_OF_ANOTHER_CAMPAIGN)
        context = Context(
            identity=self.organizer.age_identity,
            campaign=self.campaign.id,
            organizer=self.campaign.organizer_fpr.hex(),
            kinds={f.name: f.kind for f in self.campaign.fields},
            languages=tuple(self.campaign.languages),
            region=self.campaign.phone_region,
            consents=tuple(c.purpose for c in self.campaign.consents),
        )
        self.devices = Devices(vault, self.campaign, self.organizer)
        self.importer = Importer(
            vault, self.campaign, self.devices, Opener(context, self.campaign, workers)
        )

    def close(self) -> None:
        self.importer.opener.close()

    def __enter__(self) -> Intake:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- devices ------------------------------------------------------------------

    def enroll(self, request: bytes) -> tuple[bytes, str]:
        """Check a device's request and return (certificate, device fingerprint)."""
        return self.devices.enroll(request)

    def revoke_device(self, fingerprint: str) -> None:
        self.devices.revoke(fingerprint)

    def approve_device(
        self,
        fingerprint: str,
        progress: Progress | None = None,
        *,
        batches: Sequence[Path] = (),
    ) -> list[ImportResult]:
        """Trust a device that was not enrolled, and import its held batches. A device
        first seen in `batches` (files the caller imports next) can be approved too."""
        closing.require_open(self.vault)  # nothing is held any more, nor imported
        results = []
        for sha, body in self.devices.approve(fingerprint, batches):
            result = self.importer.import_bytes(
                body, name=f"held batch {sha[:12]}", progress=progress, release=True
            )
            if result.status == ImportStatus.REJECTED:  # reported now; not held forever
                self.devices.drop_held(sha)
            results.append(result)
        return results

    # --- import -------------------------------------------------------------------

    def import_files(
        self,
        paths: Sequence[Path],
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        done: Callable[[ImportResult], None] | None = None,
    ) -> list[ImportResult]:
        """Import batches in order; while one is stored, the pool opens the next."""
        closing.require_open(self.vault)
        return self.importer.import_files(paths, progress, cancel, done)

    def import_file(
        self, path: Path, progress: Progress | None = None, cancel: threading.Event | None = None
    ) -> ImportResult:
        closing.require_open(self.vault)
        return self.importer.import_file(path, progress, cancel)

    def import_bytes(
        self,
        data: bytes,
        *,
        name: str,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> ImportResult:
        """Import one batch; the result says what happened. Only rejects change nothing."""
        closing.require_open(self.vault)
        return self.importer.import_bytes(data, name=name, progress=progress, cancel=cancel)

    # --- duplicate review -----------------------------------------------------------

    def mark_review(self, record_id: str, decision: str, other: str | None = None) -> None:
        """A person's decision on a possible duplicate (keep, merge with `other`, distinct)."""
        dedupe.mark_review(self.vault, record_id, decision, other)

    def reopen_review(self, record_id: str) -> str:
        """Undo the decision on a signer (keep, merge, distinct); returns which."""
        return dedupe.reopen_review(self.vault, record_id)

    # --- where signers live -----------------------------------------------------------

    def load_districts(self, data: bytes) -> int:
        """Load a Census ZCTA-to-district file or a ZIP+4 range table (each replaces its own
        kind); returns how many ZIP codes it maps."""
        return districts.load(self.vault, data)

    def choose_district(self, record_id: str, district: str) -> None:
        """The organizer's district for a signer whose ZIP spans districts."""
        districts.choose(self.vault, record_id, district)

    # --- how long their data lives -----------------------------------------------------

    def close_campaign(self, passphrase: str, out: Path | None = None) -> closing.Closed:
        """Signed closing record, then every signer's personal data destroyed."""
        return closing.close(self.vault, self.organizer, self.campaign, passphrase, out)

    def deletion_due(self) -> date | None:
        """The date signers' personal data is promised to be destroyed by, if any."""
        return closing.deletion_due(self.vault, self.campaign)

    def closing_record(self) -> dict[str, Any] | None:
        return closing.closing_record(self.vault)

    def remove_signer(self, passphrase: str, record_id: str) -> None:
        """One signer removed at their request; the vault is rebuilt under a new key."""
        closing.remove_signer(self.vault, passphrase, record_id)

    # --- reports ------------------------------------------------------------------

    def gaps(self) -> dict[str, list[Gap]]:
        return reports.gaps(self.vault)

    def stats(self) -> Stats:
        return reports.stats(self.vault)

    def flagged_count(self) -> int:
        return reports.flagged_count(self.vault)

    def unique_count(self) -> int:
        return reports.unique_count(self.vault)

    def unique_signers(self) -> Iterable[Signer]:
        return reports.unique_signers(self.vault)

    # --- outputs ------------------------------------------------------------------

    def write_receipts(self, out_dir: Path, *, again: bool = False) -> list[Path]:
        """One signed receipt per imported batch (by default only those without one yet)."""
        return outputs.write_receipts(
            self.vault, self.organizer, self.campaign, out_dir, again=again
        )

    def export_csv(
        self,
        out: Path,
        svg_dir: Path | None = None,
        *,
        public: bool = False,
        consent: str | None = None,
    ) -> int:
        """Unique signers as CSV (UTF-8 with BOM for spreadsheets); SVG signatures if asked.

        `public`: honour every display choice as the delivery sheets do (see outputs);
        `consent`: only those who agreed to that extra consent's purpose."""
        return outputs.export_csv(
            self.vault, self.campaign, out, svg_dir, public=public, consent=consent
        )
