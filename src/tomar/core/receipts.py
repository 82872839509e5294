"""Receipts: the organizer's signed word that a batch arrived and what was accepted.

Only a receipt lets a device purge records, so a lost or unreadable batch is never
forgotten on the device.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import signed
from .campaign import Campaign
from .errors import E, FormatError
from .identity import OrganizerIdentity, now_iso

KIND = "receipt"
SUFFIX = ".tomar-receipt"
MAX_RECEIPT = 32 * 1024 * 1024
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class Receipt:
    device: str
    batch: int
    batch_sha256: str
    manifest_sha256: str
    accepted: list[str]
    rejected: dict[str, str]


def make(
    organizer: OrganizerIdentity,
    campaign: Campaign,
    *,
    device: str,
    batch: int,
    batch_sha256: str,
    manifest_sha256: str,
    accepted: list[str],
    rejected: dict[str, str],
) -> bytes:
    doc = {
        "format": f"tomar-{KIND}",
        "version": 1,
        "campaign": campaign.id,
        "organizer": campaign.organizer_fpr.hex(),
        "device": device,
        "batch": batch,
        "batch_sha256": batch_sha256,
        "manifest_sha256": manifest_sha256,
        "accepted": sorted(accepted),
        "rejected": [{"id": k, "reason": v} for k, v in sorted(rejected.items())],
        "issued_at": now_iso(),
    }
    return signed.seal_doc(organizer.signing, KIND, doc)


def read(data: bytes, campaign: Campaign) -> Receipt:
    what = E.WORD_RECEIPT
    doc, sig = signed.read_doc(data, KIND, what=what, max_size=MAX_RECEIPT)
    signed.verify_doc(campaign.signing_key, doc, sig, what=what)
    if doc.get("campaign") != campaign.id or doc.get("organizer") != campaign.organizer_fpr.hex():
        raise FormatError(E.RECEIPTS_RECEIPT_ANOTHER_CAMPAIGN)
    try:
        accepted = [str(x) for x in doc["accepted"]]
        rejected = {str(r["id"]): str(r["reason"])[:500] for r in doc["rejected"]}
        batch, sha, device = doc["batch"], doc["batch_sha256"], doc["device"]
        manifest_sha = doc["manifest_sha256"]
    except (KeyError, TypeError):
        raise FormatError(E.RECEIPTS_RECEIPT_DAMAGED) from None
    if not all(isinstance(x, str) and _HEX64.fullmatch(x) for x in (sha, manifest_sha)):
        raise FormatError(E.RECEIPTS_RECEIPT_DAMAGED)
    if not (isinstance(batch, int) and not isinstance(batch, bool) and 1 <= batch < 2**31):
        raise FormatError(E.RECEIPTS_RECEIPT_DAMAGED)
    if not isinstance(device, str):
        raise FormatError(E.RECEIPTS_RECEIPT_DAMAGED)
    return Receipt(device, batch, sha, manifest_sha, accepted, rejected)
