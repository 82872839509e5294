"""Device enrollment: the organizer vouches for a device's key.

The device writes a request signed by its own key (proof it holds the key); the
organizer checks it and answers with a certificate signed by the organizer key. The
device puts that certificate in every batch, so the organizer (and a collection server)
can tell enrolled devices from strangers. Batches from unenrolled devices are held.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

from . import signed
from .campaign import Campaign
from .errors import E, FormatError, TomarError, Words
from .identity import (
    DeviceIdentity,
    OrganizerIdentity,
    device_fingerprint,
    device_minisign_public,
    now_iso,
)

REQUEST = "enroll-request"
CERT = "device-cert"
MAX_LABEL = 100


class EnrollmentError(TomarError):
    pass


@dataclass(frozen=True)
class Certificate:
    device: bytes
    label: str
    doc: dict[str, Any]

    @property
    def fingerprint(self) -> str:
        return device_fingerprint(self.device)


def make_request(identity: DeviceIdentity, campaign: Campaign, label: str = "") -> bytes:
    doc = {
        "format": f"tomar-{REQUEST}",
        "version": 1,
        "campaign": campaign.id,
        "device": identity.public_b64,
        "label": label.strip()[:MAX_LABEL],
        "created_at": now_iso(),
    }
    return signed.seal_doc(identity.minisign_key(), REQUEST, doc)


def _device_key(doc: dict[str, Any], what: Words) -> bytes:
    try:
        key = base64.b64decode(doc["device"], validate=True)
    except (ValueError, KeyError, TypeError):
        raise FormatError(E.ENROLL_DAMAGED, what=what) from None
    if len(key) != 32:
        raise FormatError(E.ENROLL_DAMAGED, what=what)
    return key


def read_request(data: bytes, campaign: Campaign) -> tuple[bytes, str]:
    """Return (device public key, label) of a genuine request for this campaign."""
    what = E.WORD_ENROLLMENT_REQUEST
    doc, sig = signed.read_doc(data, REQUEST, what=what, max_size=64 * 1024)
    device = _device_key(doc, what)
    signed.verify_doc(device_minisign_public(device), doc, sig, what=what)
    if doc.get("campaign") != campaign.id:
        raise EnrollmentError(E.ENROLL_ENROLLMENT_REQUEST_ANOTHER_CAMPAIGN)
    label = doc.get("label", "")
    return device, label if isinstance(label, str) else ""


def issue_certificate(
    organizer: OrganizerIdentity, campaign: Campaign, device: bytes, label: str
) -> bytes:
    doc = {
        "format": f"tomar-{CERT}",
        "version": 1,
        "campaign": campaign.id,
        "organizer": campaign.organizer_fpr.hex(),
        "device": base64.b64encode(device).decode(),
        "label": label[:MAX_LABEL],
        "issued_at": now_iso(),
    }
    return signed.seal_doc(organizer.signing, CERT, doc)


def read_certificate(data: bytes, campaign: Campaign) -> Certificate:
    """A certificate signed by this campaign's organizer, or FormatError."""
    what = E.WORD_DEVICE_CERTIFICATE
    doc, sig = signed.read_doc(data, CERT, what=what, max_size=64 * 1024)
    signed.verify_doc(campaign.signing_key, doc, sig, what=what)
    if doc.get("campaign") != campaign.id or doc.get("organizer") != campaign.organizer_fpr.hex():
        raise EnrollmentError(E.ENROLL_DEVICE_CERTIFICATE_ANOTHER_CAMPAIGN)
    label = doc.get("label", "")
    return Certificate(_device_key(doc, what), label if isinstance(label, str) else "", doc)
