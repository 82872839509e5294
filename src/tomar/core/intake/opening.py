"""What runs in the worker processes: decrypt, verify, check, and derive matching keys.

Everything that needs no database runs here, on both cores: decryption, the device
signature, the record's shape against the campaign, the drawn signature, and the
derived matching keys. The importer only does the database work, in order.

The pool pickles `init_worker` and `open_chunk` by this module's path: they stay
module-level functions.
"""

from __future__ import annotations

import base64
import functools
import json
import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from .. import age, countries, places, records, strokes
from ..errors import E, Message, TomarError, ValidationError
from ..normalize import clean_text, match_keys, normalize_email, parse_phone
from ..workers import give_way
from .results import RecordProblem

_RECORD_ID = re.compile(r"^[0-9a-f]{32}$")
#: A record's time as devices write it (`identity.now_iso`), or a shorter ISO form.
_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d:\d\d)?")
#: The columns of a `signers` row as the workers prepare it; the importer adds the last two.
SIGNER_COLUMNS = (
    "record_id", "device", "seq", "time", "day", "event_id", "event_name", "source",
    "paper_serial", "paper_row", "lang", "display", "fields", "strokes", "name", "email",
    "phone", "name_city", "translit", "country", "state", "zip", "consents", "batch",
    "voided_by",
)  # fmt: skip
EMAIL, PHONE = SIGNER_COLUMNS.index("email"), SIGNER_COLUMNS.index("phone")
SignerRow = tuple[Any, ...]
#: Addresses as devices store them: `normalize_email` gives them back unchanged if valid,
#: and the fallback for invalid ones (strip, lower) does too, so they skip the parser.
_LOWER_ASCII_EMAIL = re.compile(r"[a-z0-9._+-]+@[a-z0-9.-]+")


class Void(NamedTuple):
    """The part of a void record that intake stores."""

    id: str
    seq: int
    device: str
    time: str
    target: str


Item = tuple[str, int, str, bytes]  # record id, seq (from the manifest), device key, sealed
#: record id, then a signer's row or a void (see `prepare`) or None, then the problem
Opened = tuple[str, SignerRow | Void | None, Message | None]
Contact = tuple[str, str | None, str | None]  # record id, email, phone


@dataclass(frozen=True)
class Context:
    """What a worker needs to know about the campaign (picklable)."""

    identity: str
    campaign: str
    organizer: str
    kinds: dict[str, str]
    languages: tuple[str, ...]
    region: str
    consents: tuple[str, ...] = ()


@dataclass
class _Worker:
    """What `init_worker` leaves in a worker process for every chunk it opens."""

    ctx: Context
    identities: list[age.Identity]


_WORKER: list[_Worker] = []  # one, once the worker is initialized


def init_worker(ctx: Context) -> None:
    _WORKER[:] = [_Worker(ctx, [age.parse_identity(ctx.identity)])]


def init_pool_worker(ctx: Context) -> None:
    """`init_worker` in a process of the pool, which gives way to the app's own."""
    give_way()
    init_worker(ctx)


def open_chunk(items: list[Item]) -> list[Opened]:
    """Decrypt and check each record; report failures by id instead of raising.

    All records of the chunk are decrypted first and checked after: each loop then runs
    warm in the processor's caches, which saves about a tenth of a worker's time.
    """
    worker = _WORKER[0]
    opened: list[dict[str, Any] | Exception] = []
    for _, _, _, sealed in items:
        try:
            opened.append(records.open_sealed(sealed, worker.identities))
        except Exception as exc:  # reported as this record's problem
            opened.append(exc)
    out: list[Opened] = []
    for (rid, seq, device_b64, _), record in zip(items, opened, strict=True):
        if not isinstance(record, Exception):
            try:
                out.append((rid, prepare(record, rid, seq, device_b64, worker.ctx), None))
                continue
            except Exception as exc:  # one bad record rejects its batch only
                record = exc
        out.append((rid, None, _problem(record)))
    return out


def _problem(exc: Exception) -> Message:
    """A record's problem in plain words. Only our own errors are quoted: another
    exception's text may quote the record, so only its type is named."""
    if isinstance(exc, RecordProblem):
        return exc.reason
    if isinstance(exc, TomarError):
        return exc.message
    return Message(E.INTAKE_RECORD_UNEXPECTED, error=type(exc).__name__)


def prepare(
    r: dict[str, Any], rid: str, seq: int, device_b64: str, ctx: Context
) -> SignerRow | Void:
    """Check a decrypted record against its manifest entry and campaign; derive its keys.

    A signature comes back as its row of `signers` (but the batch and void columns), so
    that little crosses between processes and the importer has little left to do; a void
    as the part of it that intake stores.
    """
    _check_envelope(r, rid, seq, device_b64, ctx)
    if r.get("type") == "void":
        if not (isinstance(r.get("target"), str) and _RECORD_ID.match(r["target"])):
            raise RecordProblem(rid, E.INTAKE_DAMAGED_VOID_RECORD)
        return Void(r["id"], r["seq"], r["device"], r["time"], r["target"])
    if r.get("type") != "signature":
        raise RecordProblem(rid, E.INTAKE_UNKNOWN_TYPE)
    drawn = _check_signature(r, rid, ctx)
    return _signer_row(r, rid, seq, device_b64, drawn, ctx)


def _check_envelope(r: dict[str, Any], rid: str, seq: int, device_b64: str, ctx: Context) -> None:
    """What every record must carry, a signature or a void."""
    if r.get("id") != rid or r.get("seq") != seq:
        raise RecordProblem(rid, E.INTAKE_ID_SEQUENCE_NUMBER_DIFFERS)
    if r.get("device") != device_b64:
        raise RecordProblem(rid, E.INTAKE_SIGNED_ANOTHER_DEVICE_BATCH)
    if r.get("campaign") != ctx.campaign or r.get("organizer") != ctx.organizer:
        raise RecordProblem(rid, E.INTAKE_BELONGS_ANOTHER_CAMPAIGN_ORGANIZER)
    if r.get("v") != records.RECORD_VERSION or not isinstance(r.get("time"), str):
        raise RecordProblem(rid, E.INTAKE_UNKNOWN_VERSION)
    if not _TIME.fullmatch(r["time"]):
        raise RecordProblem(rid, E.INTAKE_TIME_DAMAGED)
    event = r.get("event")
    if event is not None and not (
        isinstance(event, dict)
        and all(isinstance(event.get(k, ""), str) for k in ("id", "name", "place"))
    ):
        raise RecordProblem(rid, E.INTAKE_EVENT_DAMAGED)


def _check_signature(r: dict[str, Any], rid: str, ctx: Context) -> bytes | None:
    """A signature's paper reference, fields and choices; its drawing, decoded."""
    paper = r.get("paper")
    if paper is not None and not (
        isinstance(paper, dict)
        and isinstance(paper.get("serial"), str)
        and isinstance(paper.get("row"), int)
        and not isinstance(paper.get("row"), bool)
    ):
        raise RecordProblem(rid, E.INTAKE_PAPER_SHEET_REFERENCE_DAMAGED)
    fields = r.get("fields")
    if not isinstance(fields, dict) or not all(
        isinstance(k, str) and k in ctx.kinds and isinstance(v, str) and len(v) <= 500
        for k, v in fields.items()
    ):
        raise RecordProblem(rid, E.INTAKE_FIELDS_MISMATCH)
    if r.get("display") not in records.DISPLAY_CHOICES or r.get("source") not in records.SOURCES:
        raise RecordProblem(rid, E.INTAKE_INVALID_DISPLAY_CHOICE_SOURCE)
    if r.get("lang") not in ctx.languages:
        raise RecordProblem(rid, E.INTAKE_UNKNOWN_LANGUAGE)
    consents = r.get("consents")
    if consents is not None and not (
        isinstance(consents, list)
        and len(consents) <= len(ctx.consents)
        and all(
            isinstance(c, dict)
            and c.get("purpose") in ctx.consents
            and c.get("given") in (True, False)
            for c in consents
        )
    ):
        raise RecordProblem(rid, E.INTAKE_CONSENTS_MISMATCH)
    if r.get("strokes") is None:
        return None
    try:
        drawn = base64.b64decode(r["strokes"], validate=True)
        strokes.validate(drawn)
    except (TomarError, ValueError, TypeError):
        raise RecordProblem(rid, E.INTAKE_DRAWN_SIGNATURE_DAMAGED) from None
    return drawn


def _signer_row(
    r: dict[str, Any], rid: str, seq: int, device_b64: str, drawn: bytes | None, ctx: Context
) -> SignerRow:
    """A checked signature as its row of `signers`, with the keys it is matched under."""
    # Cleaned as the kiosk cleans what a signer types: a hostile device's values must
    # not bring line breaks, bidi controls or control characters to the organizer.
    fields = {key: _clean(value) for key, value in r["fields"].items()}
    by_kind: dict[str, str] = {}
    for key, value in fields.items():
        by_kind.setdefault(ctx.kinds[key], value)
    name = by_kind.get("name", "")
    name_key, translit = match_keys(name)
    city_key, city_translit = _city_keys(by_kind.get("city", ""))
    # Normalize again: dedupe must not depend on the version of Tomar on each device.
    email = _dedupe_email(by_kind.get("email"))
    phone, phone_region = _dedupe_phone(by_kind.get("phone"), ctx.region)
    typed_country = by_kind.get("country")
    country = countries.key_for(typed_country) if typed_country else phone_region
    # Whose postal code it is, as the device decided (`records.postal_country`).
    if typed_country:
        postal_country = countries.code_for(typed_country) or "?"
    else:
        postal_country = "US" if "state" in ctx.kinds.values() else ctx.region
    state, zip_code = _place(by_kind.get("state"), by_kind.get("postal_code"), postal_country)
    given = sorted(c["purpose"] for c in r.get("consents") or () if c["given"] is True)
    event = r.get("event") or {}
    paper = r.get("paper") or {}
    return (  # in the order of SIGNER_COLUMNS
        rid,
        device_b64,
        seq,
        r["time"],
        r["time"][:10],
        event.get("id"),
        _clean(str(event.get("name", "")))[:200],
        r["source"],
        None if paper.get("serial") is None else _clean(paper["serial"]),
        paper.get("row"),
        r["lang"],
        r["display"],
        json.dumps(fields, ensure_ascii=False, sort_keys=True),
        drawn,
        name,
        email,
        phone,
        f"{name_key}|{city_key}" if name_key else None,
        f"{translit}|{city_translit}" if translit else None,
        # The statistics key (see `countries`): the typed country, else the phone's.
        country,
        state,
        zip_code,
        json.dumps(given) if given else None,
    )


def _clean(value: str) -> str:
    """`clean_text`, with a short cut for what genuine devices send: values they have
    cleaned already (printable ASCII, single spaces, no space at either end)."""
    if value.isascii() and value.isprintable() and " ".join(value.split()) == value:
        return value
    return clean_text(value)


def _place(state: str | None, postal: str | None, country: str) -> tuple[str, str | None]:
    """A signer's state (as chosen, else from a US ZIP) and US ZIP, checked again here."""
    zip_code = None
    if postal and country == "US":
        try:
            zip_code = places.normalize_postal(postal, "US")
        except ValidationError:
            zip_code = None
    code = places.state_code(state) if state else None
    if code is None and zip_code is not None:
        code = places.zip_state(zip_code)
    return code or "", zip_code


@functools.lru_cache(maxsize=1024)
def _city_keys(city: str) -> tuple[str, str]:
    """A rally's signers mostly share a few cities: their keys are worked out once."""
    return match_keys(city)


def _dedupe_email(email: str | None) -> str | None:
    """The form an email is matched under; an invalid one is still matched as typed."""
    if not email:
        return None
    if _LOWER_ASCII_EMAIL.fullmatch(email):  # both branches below give these back
        return email
    try:
        return normalize_email(email)
    except ValidationError:
        return email.strip().lower()


def _dedupe_phone(phone: str | None, region: str) -> tuple[str | None, str]:
    """The form a phone is matched under, and its region if typed with a country code."""
    if not phone:
        return None, ""
    try:
        e164, found = parse_phone(phone, region)
    except ValidationError:
        return phone.strip(), ""
    return e164, found if phone.lstrip().startswith("+") else ""
