"""Campaigns: the organizer's TOML spec, and the signed package that volunteers import.

A package is a ZIP with `campaign.json` and `campaign.json.minisig`. The signature proves
the package was not changed; whom it came from is proved only by comparing the organizer
fingerprint out of band, which is why every screen and command shows it.
"""

from __future__ import annotations

import functools
import hashlib
import re
import secrets
import tomllib
from dataclasses import dataclass
from datetime import date
from typing import Any

from . import age, canon, minisign
from .canon import canonical_json as canonical_json  # where it used to live
from .errors import CampaignError, E, FormatError, MinisignError
from .fingerprint import readable
from .identity import OrganizerIdentity, now_iso, organizer_fingerprint_bytes
from .ziputil import Limits, read_zip, write_zip

FORMAT = "tomar-campaign"
VERSION = 1
FIELD_KINDS = (
    "name", "email", "phone", "city", "state", "country", "postal_code", "text",
)  # fmt: skip
SIGNATURE_MODES = ("required", "optional")
# What a campaign may preselect for "how your name appears on the public sheets".
DISPLAY_DEFAULTS = ("ask", "hidden", "initials", "full")
PACKAGE_LIMITS = Limits(
    max_file=2 * 1024 * 1024, max_members=2, max_member=1024 * 1024, max_total=1024 * 1024
)
#: The languages a campaign made in the app can have its texts in, English first (every
#: campaign has it): each has the kiosk's words and the interface (resources/i18n) and
#: the printed sheets' labels (`sheets.text.LABELS`). Adding one is a line here.
OFFERED_LANGUAGES: tuple[str, ...] = ("en", "fa", "ar")
_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
_FIELD = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
MAX_TEXT = 20_000
MAX_REVISION = 2**31 - 1


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    required: bool
    label: dict[str, str]

    def label_for(self, lang: str) -> str:
        return self.label.get(lang) or self.label.get("en") or self.name.replace("_", " ")


@dataclass(frozen=True)
class Consent:
    """An extra consent besides the petition's own: optional, never preselected."""

    purpose: str
    text: dict[str, str]

    def text_for(self, lang: str) -> str:
        return self.text.get(lang) or next(iter(self.text.values()))

    def sha256(self, lang: str) -> str:
        return hashlib.sha256(self.text_for(lang).encode()).hexdigest()


@dataclass(frozen=True)
class Campaign:
    """A verified campaign; `doc` is exactly what the organizer signed."""

    doc: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.doc["id"])

    @property
    def languages(self) -> list[str]:
        return list(self.doc["languages"])

    @property
    def fields(self) -> list[Field]:
        return [
            Field(f["name"], f["kind"], bool(f["required"]), dict(f.get("label", {})))
            for f in self.doc["fields"]
        ]

    @property
    def consents(self) -> list[Consent]:
        """Extra consents (e.g. "contact me again"), in the order the spec lists them."""
        return [Consent(c["purpose"], dict(c["text"])) for c in self.doc.get("consents", [])]

    @property
    def delete_by(self) -> str | None:
        """The date by which signers' personal data is to be destroyed (YYYY-MM-DD)."""
        value = self.doc.get("delete_by")
        return None if value is None else str(value)

    @property
    def delete_after_days(self) -> int | None:
        """Days after delivery by which signers' personal data is to be destroyed."""
        value = self.doc.get("delete_after_days")
        return None if value is None else int(value)

    @property
    def display_default(self) -> str | None:
        """The display choice the kiosk preselects, or None to ask (nothing preselected).

        "ask" is the default and what packages made before the key existed mean: see
        docs/SECURITY.md "The name on the public sheets".
        """
        value = str(self.doc.get("display_default", "ask"))
        return None if value == "ask" else value

    @property
    def signature_required(self) -> bool:
        return bool(self.doc["signature"] == "required")

    @property
    def phone_region(self) -> str:
        """Phone numbers without a country code are read as numbers of this country."""
        return str(self.doc.get("phone_region", "US"))

    @property
    def is_demo(self) -> bool:
        return bool(self.doc.get("demo", False))

    @property
    def revision(self) -> int:
        """The package's revision, which only grows; packages made before it existed are 0.

        A device refuses a package older than the one it holds, so an old package (naming
        a server that has since been seized, say) cannot roll the campaign back.
        """
        value = self.doc.get("revision", 0)
        return int(value)

    @property
    def sync_url(self) -> str | None:
        """The collection server devices sync with by default (optional)."""
        value = self.doc.get("sync_url")
        return None if value is None else str(value)

    @property
    def server_cert_sha256(self) -> str | None:
        """SHA-256 of the server's TLS certificate, pinned by the organizer (optional)."""
        value = self.doc.get("server_cert_sha256")
        return None if value is None else str(value)

    def text(self, key: str, lang: str) -> str:
        table = self.doc[key]
        return str(table.get(lang) or table[self.languages[0]])

    def consent_sha256(self, lang: str) -> str:
        return hashlib.sha256(self.text("consent", lang).encode()).hexdigest()

    @property
    def recipient(self) -> str:
        return str(self.doc["organizer"]["recipient"])

    @functools.cached_property
    def recipient_key(self) -> age.X25519Recipient | age.HybridRecipient:
        """Parsed once: parsing a post-quantum recipient costs more than sealing to it."""
        return age.parse_recipient(self.recipient)

    @property
    def signing_key(self) -> minisign.PublicKey:
        return minisign.PublicKey.from_base64(self.doc["organizer"]["signing_key"])

    @property
    def organizer_fpr(self) -> bytes:
        return organizer_fingerprint_bytes(self.doc["organizer"]["signing_key"], self.recipient)

    @property
    def organizer_fingerprint(self) -> str:
        return readable(self.organizer_fpr)

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.doc["title"],
            "languages": self.languages,
            "addressee": self.doc["addressee"],
            "signature": self.doc["signature"],
            "fields": [f["name"] for f in self.doc["fields"]],
            "end_date": self.doc.get("end_date"),
            "consents": [c.purpose for c in self.consents],
            "delete_by": self.delete_by,
            "delete_after_days": self.delete_after_days,
            "demo": self.is_demo,
            "display_default": self.display_default or "ask",
            "organizer": self.doc["organizer"]["name"],
            "organizer_fingerprint": self.organizer_fingerprint,
        }


#: The spec's text tables, as a person reads their names in an error.
_TEXT_WORDS = {"title": E.WORD_TITLE, "text": E.WORD_TEXT, "consent": E.WORD_CONSENT}


def _texts(spec: dict[str, Any], key: str, languages: list[str]) -> dict[str, str]:
    table = spec.get(key)
    said = _TEXT_WORDS.get(key, key)
    if not isinstance(table, dict):
        raise CampaignError(E.CAMPAIGN_SPEC_NEEDS_TABLE_TEXT, key=said)
    out: dict[str, str] = {}
    for lang in languages:
        value = table.get(lang)
        if not isinstance(value, str) or not value.strip():
            raise CampaignError(E.CAMPAIGN_SPEC_MISSING_TEXT, key=said, lang=lang)
        if len(value) > MAX_TEXT:
            raise CampaignError(E.CAMPAIGN_TEXT_TOO_LONG, key=said, lang=lang)
        out[lang] = value.strip()
    return out


def validate_doc(doc: dict[str, Any]) -> None:
    """Check the shape of a campaign document (from a spec or a package).

    Everything `Campaign` reads is checked here, so that a package the organizer key
    really signed but that is malformed is refused instead of failing later.
    """
    if not (isinstance(doc.get("id"), str) and re.fullmatch(r"[A-Za-z0-9_-]{1,64}", doc["id"])):
        raise CampaignError(E.CAMPAIGN_ID_MAY_HOLD_LETTERS)
    org = doc.get("organizer")
    if not (
        isinstance(org, dict)
        and all(isinstance(org.get(k), str) for k in ("name", "recipient", "signing_key"))
    ):
        raise CampaignError(E.CAMPAIGN_PACKAGE_DAMAGED)
    languages = doc.get("languages")
    if (
        not isinstance(languages, list)
        or not languages
        or len(languages) > 20
        or not all(isinstance(x, str) and _LANG.match(x) for x in languages)
        or len(set(languages)) != len(languages)
    ):
        raise CampaignError(E.CAMPAIGN_NEEDS_LANGUAGES_LIST_CODES)
    for key in ("title", "text", "consent"):
        _texts(doc, key, languages)
    addressee = doc.get("addressee")
    if not isinstance(addressee, str | dict) or not addressee:
        raise CampaignError(E.CAMPAIGN_NEEDS_ADDRESSEE_WHOM_PETITION)
    if doc.get("signature") not in SIGNATURE_MODES:
        raise CampaignError(E.CAMPAIGN_SIGNATURE_MUST_REQUIRED_OPTIONAL)
    _validate_fields(doc.get("fields"))
    region = doc.get("phone_region", "US")
    if not (isinstance(region, str) and re.match(r"^[A-Z]{2}$", region)):
        raise CampaignError(E.CAMPAIGN_PHONE_REGION_MUST_TWO)
    end = doc.get("end_date")
    if end is not None and not (isinstance(end, str) and re.match(r"^\d{4}-\d{2}-\d{2}$", end)):
        raise CampaignError(E.CAMPAIGN_END_DATE_MUST_DATE)
    _validate_consents(doc.get("consents"), languages)
    delete_by = doc.get("delete_by")
    if delete_by is not None and not (
        isinstance(delete_by, str) and re.match(r"^\d{4}-\d{2}-\d{2}$", delete_by)
    ):
        raise CampaignError(E.CAMPAIGN_DELETE_MUST_DATE_SUCH)
    days = doc.get("delete_after_days")
    if days is not None and not (
        isinstance(days, int) and not isinstance(days, bool) and 1 <= days <= 3650
    ):
        raise CampaignError(E.CAMPAIGN_DELETE_AFTER_DAYS_MUST)
    url = doc.get("sync_url")
    if url is not None and not (
        isinstance(url, str) and len(url) <= 2000 and re.match(r"^https?://[^\s/]+", url)
    ):
        raise CampaignError(E.CAMPAIGN_SYNC_URL_MUST_HTTP)
    pin = doc.get("server_cert_sha256")
    if pin is not None and not (isinstance(pin, str) and re.match(r"^[0-9a-f]{64}$", pin)):
        raise CampaignError(E.CAMPAIGN_SERVER_CERT_SHA256_MUST)
    if doc.get("display_default", "ask") not in DISPLAY_DEFAULTS:
        raise CampaignError(E.CAMPAIGN_DISPLAY_DEFAULT_MUST_ASK)
    revision = doc.get("revision", 1)  # absent: a package made before revisions existed
    if isinstance(revision, bool) or not (
        isinstance(revision, int) and 1 <= revision <= MAX_REVISION
    ):
        raise CampaignError(E.CAMPAIGN_REVISION_MUST_POSITIVE_WHOLE)


def _validate_fields(fields: Any) -> None:
    """The `fields` list: 1 to 30 uniquely named entries of known kinds, one a name."""
    if not isinstance(fields, list) or not fields or len(fields) > 30:
        raise CampaignError(E.CAMPAIGN_NEEDS_BETWEEN_1_30)
    names: set[str] = set()
    for f in fields:
        if not isinstance(f, dict):
            raise CampaignError(E.CAMPAIGN_EACH_FIELDS_ENTRY_MUST)
        name, kind = f.get("name"), f.get("kind")
        if not isinstance(name, str) or not _FIELD.match(name) or name in names:
            raise CampaignError(E.CAMPAIGN_EACH_FIELD_NEEDS_UNIQUE)
        names.add(name)
        if kind not in FIELD_KINDS:
            raise CampaignError(
                E.CAMPAIGN_FIELD_UNKNOWN_KIND_USE, name=name, choices=", ".join(FIELD_KINDS)
            )
        if not isinstance(f.get("required", False), bool):
            raise CampaignError(E.CAMPAIGN_FIELD_REQUIRED_MUST_TRUE, name=name)
        label = f.get("label", {})
        if not isinstance(label, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and len(v) < 200 for k, v in label.items()
        ):
            raise CampaignError(E.CAMPAIGN_FIELD_LABEL_MUST_TABLE, name=name)
    if not any(f["kind"] == "name" for f in fields):
        raise CampaignError(E.CAMPAIGN_NEEDS_FIELD_KIND_NAME)


def _validate_consents(consents: Any, languages: list[str]) -> None:
    if consents is None:
        return
    if not isinstance(consents, list) or len(consents) > 10:
        raise CampaignError(E.CAMPAIGN_CONSENTS_MUST_LIST_MOST)
    seen: set[str] = set()
    for c in consents:
        purpose = c.get("purpose") if isinstance(c, dict) else None
        if not isinstance(purpose, str) or not _FIELD.match(purpose) or purpose in seen:
            raise CampaignError(E.CAMPAIGN_EACH_CONSENTS_ENTRY_NEEDS)
        seen.add(purpose)
        if set(c) - {"purpose", "text"}:
            raise CampaignError(E.CAMPAIGN_CONSENT_MAY_PURPOSE_TEXT, purpose=purpose)
        _texts(c, "text", languages)


def doc_from_spec(spec_text: str, organizer: OrganizerIdentity) -> dict[str, Any]:
    """Turn the organizer's TOML spec into a campaign document (not yet signed)."""
    try:
        spec = tomllib.loads(spec_text)
    except tomllib.TOMLDecodeError as exc:
        raise CampaignError(E.CAMPAIGN_SPEC_NOT_TOML, detail=str(exc)) from None
    languages = spec.get("languages")
    end = spec.get("end_date")
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "id": str(spec.get("id") or secrets.token_hex(16)),
        "languages": languages,
        "title": spec.get("title"),
        "text": spec.get("text"),
        "consent": spec.get("consent"),
        "addressee": spec.get("addressee"),
        "signature": spec.get("signature", "required"),
        "fields": [
            {
                "name": f.get("name"),
                "kind": f.get("kind"),
                "required": f.get("required", False),
                **({"label": f["label"]} if "label" in f else {}),
            }
            for f in spec.get("fields", [])
            if isinstance(f, dict)
        ],
        "end_date": end.isoformat() if isinstance(end, date) else end,
        "demo": bool(spec.get("demo", False)),
        "phone_region": spec.get("phone_region", "US"),
        "revision": spec.get("revision", 1),
        "created_at": now_iso(),
        "organizer": {
            "name": organizer.name,
            "recipient": organizer.recipient,
            "signing_key": organizer.signing_public.to_base64(),
        },
    }
    # Sync keys only when given, so packages without them keep their exact old shape.
    if spec.get("sync_url") is not None:
        doc["sync_url"] = spec["sync_url"]
    # Extra consents and the deletion date likewise (issue 18).
    if spec.get("consents") is not None:
        doc["consents"] = spec["consents"]
    delete_by = spec.get("delete_by")
    if delete_by is not None:
        doc["delete_by"] = delete_by.isoformat() if isinstance(delete_by, date) else delete_by
    if spec.get("delete_after_days") is not None:
        doc["delete_after_days"] = spec["delete_after_days"]
    # The display default only when given: "ask" is what its absence means (issue 17).
    if spec.get("display_default") is not None:
        doc["display_default"] = spec["display_default"]
    pin = spec.get("server_cert_sha256")
    if pin is not None:
        doc["server_cert_sha256"] = pin.replace(":", "").lower() if isinstance(pin, str) else pin
    if not re.match(r"^[A-Za-z0-9_-]{1,64}$", doc["id"]):
        raise CampaignError(E.CAMPAIGN_ID_MAY_HOLD_LETTERS)
    validate_doc(doc)
    for key in ("title", "text", "consent"):
        doc[key] = _texts(doc, key, doc["languages"])  # strip and keep only declared languages
    if "consents" in doc:
        doc["consents"] = [
            {"purpose": c["purpose"], "text": _texts(c, "text", doc["languages"])}
            for c in doc["consents"]
        ]
    return doc


def build_package(doc: dict[str, Any], organizer: OrganizerIdentity) -> bytes:
    body = canonical_json(doc)
    sig = organizer.signing.sign(body, trusted_comment=f"tomar campaign {doc['id']}")
    return write_zip([("campaign.json", body), ("campaign.json.minisig", sig.encode())])


def read_package(data: bytes) -> Campaign:
    """Verify a package's own signature and shape; the caller checks whose key it is."""
    members = read_zip(
        data,
        PACKAGE_LIMITS,
        what=E.WORD_CAMPAIGN_PACKAGE,
        name_ok=lambda n: n in ("campaign.json", "campaign.json.minisig"),
    )
    if set(members) != {"campaign.json", "campaign.json.minisig"}:
        raise FormatError(E.CAMPAIGN_PACKAGE_INCOMPLETE)
    body = members["campaign.json"]
    try:
        doc = canon.loads(body)
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise FormatError(E.CAMPAIGN_NOT_A_PACKAGE)
        if doc.get("version") != VERSION:
            raise FormatError(E.CAMPAIGN_PACKAGE_NEEDS_NEWER_VERSION)
        key = minisign.PublicKey.from_base64(doc["organizer"]["signing_key"])
        if not isinstance(doc["organizer"]["recipient"], str):
            raise FormatError(E.CAMPAIGN_PACKAGE_DAMAGED)
    except (ValueError, KeyError, TypeError, RecursionError):
        raise FormatError(E.CAMPAIGN_PACKAGE_DAMAGED) from None
    try:
        minisign.verify(key, body, members["campaign.json.minisig"].decode("utf-8", "replace"))
    except MinisignError:
        raise FormatError(E.CAMPAIGN_PACKAGE_CHANGED_AFTER_ORGANIZER) from None
    if canonical_json(doc) != body:
        raise FormatError(E.CAMPAIGN_PACKAGE_NOT_CANONICAL)
    validate_doc(doc)
    return Campaign(doc)
