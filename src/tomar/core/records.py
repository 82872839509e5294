"""Signature records: validate what the signer typed, then sign and seal it.

The plaintext record exists only in memory, between the signer pressing Sign and the
sealed bytes being handed to the vault. Validation problems are reported as message keys
per field (never the values), so the face can show them in the signer's language.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from . import age, canon, countries, places, strokes
from .campaign import Campaign
from .canon import canonical_json
from .errors import E, ErrorCode, FormatError, ValidationError
from .identity import DeviceIdentity, now_iso, verify_device_signature
from .normalize import clean_text, match_key, normalize_email, normalize_phone

RECORD_VERSION = 1
RECORD_LABEL = b"tomar-record-v1"
SOURCES = ("kiosk", "paper", "cli")
DISPLAY_CHOICES = ("full", "initials", "hidden")
MAX_FIELD_LEN = 200
MAX_NAME_LEN = 120
MAX_SEALED = 256 * 1024
TAG_BITS = 20
_SERIAL = re.compile(r"^[A-Za-z0-9-]{1,40}$")


@dataclass
class SignatureForm:
    """What the signer entered; lives in memory only."""

    fields: dict[str, str]
    lang: str
    consent: bool
    display: str = "full"
    signature: strokes.Signature | None = None
    source: str = "kiosk"
    paper: tuple[str, int] | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    #: The campaign's extra consents (purposes) the signer agreed to; none by default.
    consents: frozenset[str] = frozenset()


def validate(campaign: Campaign, form: SignatureForm) -> dict[str, str]:
    """Return normalized field values or raise ValidationError with every problem at once."""
    problems: dict[str, ErrorCode] = {}
    out: dict[str, str] = {}
    known = {f.name for f in campaign.fields}
    for name in form.fields:
        if name not in known:
            problems[name] = E.VALIDATION_UNKNOWN_FIELD
    for f in campaign.fields:
        raw = clean_text(form.fields.get(f.name, "") or "")
        if not raw:
            if f.required:
                problems[f.name] = E.VALIDATION_REQUIRED
            continue
        limit = MAX_NAME_LEN if f.kind == "name" else MAX_FIELD_LEN
        if len(raw) > limit:
            problems[f.name] = E.VALIDATION_TOO_LONG
            continue
        try:
            if f.kind == "email":
                out[f.name] = normalize_email(raw)
            elif f.kind == "phone":
                out[f.name] = normalize_phone(raw, campaign.phone_region)
            elif f.kind == "state":
                out[f.name] = places.normalize_state(raw)
            elif f.kind == "postal_code":
                out[f.name] = places.normalize_postal(raw, postal_country(campaign, form.fields))
            else:
                out[f.name] = raw
        except ValidationError as exc:
            problems[f.name] = next(iter(exc.problems.values()))
    if form.lang not in campaign.languages:
        problems["lang"] = E.VALIDATION_BAD_LANGUAGE
    if not form.consent:
        problems["consent"] = E.VALIDATION_CONSENT_REQUIRED
    purposes = {c.purpose for c in campaign.consents}
    if not form.consents <= purposes:
        problems["consents"] = E.VALIDATION_UNKNOWN_CONSENT
    if form.display not in DISPLAY_CHOICES:
        problems["display"] = E.VALIDATION_BAD_DISPLAY
    if form.source not in SOURCES:
        problems["source"] = E.VALIDATION_BAD_SOURCE
    if form.source == "paper":
        if form.paper is None or not _SERIAL.match(form.paper[0]) or not 1 <= form.paper[1] <= 999:
            problems["paper"] = E.VALIDATION_PAPER_INVALID
    elif form.paper is not None:
        problems["paper"] = E.VALIDATION_PAPER_INVALID
    if form.signature is not None:
        try:
            strokes.check_minimum_ink(form.signature)
        except ValidationError as exc:
            problems.update(exc.problems)
    elif campaign.signature_required and form.source != "paper":
        problems["signature"] = E.VALIDATION_SIGNATURE_REQUIRED
    if problems:
        raise ValidationError(problems)
    return out


def postal_country(campaign: Campaign, typed: dict[str, str]) -> str:
    """Whose postal codes a form's are: its country field, else the US if it asks for a
    state, else the campaign's phone region."""
    kinds = {f.name: f.kind for f in campaign.fields}
    for name, value in typed.items():
        if kinds.get(name) == "country" and value and value.strip():
            return countries.code_for(clean_text(value)) or "?"
    if "state" in kinds.values():
        return "US"
    return campaign.phone_region


def warnings(campaign: Campaign, fields: dict[str, str]) -> dict[str, ErrorCode]:
    """Gentle problems that never refuse a signature: keys per field, like `validate`'s.

    `zip_state_mismatch`: the ZIP code lies in another state than the one chosen.
    """
    kinds = {f.name: f.kind for f in campaign.fields}
    state = next((v for n, v in fields.items() if kinds.get(n) == "state"), None)
    out: dict[str, ErrorCode] = {}
    if state is None:
        return out
    for name, value in fields.items():
        if kinds.get(name) == "postal_code":
            found = places.zip_state(value)
            if found is not None and found != state:
                out[name] = E.VALIDATION_ZIP_STATE_MISMATCH
    return out


def _envelope(
    kind: str,
    campaign: Campaign,
    device: DeviceIdentity,
    seq: int,
    event: dict[str, str] | None,
) -> dict[str, Any]:
    """What every record names: who wrote it, for which campaign and key, and when."""
    return {
        "type": kind,
        "v": RECORD_VERSION,
        "id": uuid.uuid4().hex,
        "campaign": campaign.id,
        "organizer": campaign.organizer_fpr.hex(),
        "device": device.public_b64,
        "seq": seq,
        "time": now_iso(),
        "event": event,
    }


def build_signature_record(
    campaign: Campaign,
    form: SignatureForm,
    fields: dict[str, str],
    *,
    device: DeviceIdentity,
    seq: int,
    event: dict[str, str] | None,
) -> dict[str, Any]:
    record = {
        **_envelope("signature", campaign, device, seq, event),
        "source": form.source,
        "paper": None if form.paper is None else {"serial": form.paper[0], "row": form.paper[1]},
        "lang": form.lang,
        "fields": fields,
        "consent": {
            "given": True,
            "lang": form.lang,
            "text_sha256": campaign.consent_sha256(form.lang),
        },
        "display": form.display,
        "strokes": None
        if form.signature is None
        else base64.b64encode(strokes.encode(form.signature)).decode(),
    }
    if campaign.consents:  # sealed with the signature; records of other campaigns keep
        record["consents"] = [  # their shape
            {
                "purpose": c.purpose,
                "given": c.purpose in form.consents,
                "text_sha256": c.sha256(form.lang),
            }
            for c in campaign.consents
        ]
    return record


def build_void_record(
    campaign: Campaign,
    *,
    device: DeviceIdentity,
    seq: int,
    target: str,
    event: dict[str, str] | None,
) -> dict[str, Any]:
    return {**_envelope("void", campaign, device, seq, event), "target": target}


def seal(record: dict[str, Any], device: DeviceIdentity, recipient: age.Recipient) -> bytes:
    """Sign inside, encrypt outside: only the organizer can read, and can tell who wrote it."""
    body = canonical_json(record)
    sig = device.sign(RECORD_LABEL, body)
    envelope = canonical_json({"record": record, "sig": base64.b64encode(sig).decode()})
    return age.encrypt(envelope, [recipient])


def open_sealed(sealed: bytes, identities: Sequence[age.Identity]) -> dict[str, Any]:
    """Decrypt and check the device signature; the caller checks campaign, device and seq."""
    if len(sealed) > MAX_SEALED:
        raise FormatError(E.RECORDS_RECORD_TOO_LARGE_GENUINE)
    plain = age.decrypt(sealed, identities, max_size=MAX_SEALED)
    try:
        envelope = canon.loads(plain)
        record = envelope["record"]
        sig = base64.b64decode(envelope["sig"], validate=True)
        device = base64.b64decode(record["device"], validate=True)
    except (ValueError, KeyError, TypeError, RecursionError):
        raise FormatError(E.RECORDS_RECORD_DAMAGED) from None
    if not isinstance(record, dict) or not verify_device_signature(
        device, RECORD_LABEL, canonical_json(record), sig
    ):
        raise FormatError(E.RECORDS_BAD_DEVICE_SIGNATURE)
    return record


def duplicate_tags(campaign: Campaign, fields: dict[str, str], key: bytes) -> list[int]:
    """Short keyed tags for "may have signed here already".

    Only TAG_BITS bits are kept, so that someone holding an unlocked device and a list of
    suspected names learns little: many names share each tag.
    """
    kinds = {f.name: f.kind for f in campaign.fields}
    keys: list[str] = []
    name = city = ""
    for fname, value in fields.items():
        kind = kinds.get(fname)
        if kind in ("email", "phone"):
            keys.append(f"{kind}:{value}")
        elif kind == "name":
            name = match_key(value)
        elif kind == "city":
            city = match_key(value)
    if name:
        keys.append(f"name:{name}|{city}")
    tags = []
    for k in keys:
        mac = hmac.new(key, k.encode(), hashlib.sha256).digest()
        tags.append(int.from_bytes(mac[:4], "big") >> (32 - TAG_BITS))
    return tags
