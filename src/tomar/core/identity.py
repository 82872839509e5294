"""Who signs and who can read: the device's Ed25519 key and the organizer's keys.

The device key signs every record inside the encryption, so the organizer can tell a
record made on an enrolled device from a forgery. The organizer has an age identity
(everything is sealed to its recipient) and an Ed25519 minisign key that signs campaign
packages and receipts.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from . import age, minisign
from .errors import E, IdentityError
from .fingerprint import digest, readable

RECIPIENT_KINDS = ("hybrid", "x25519")


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _raw_public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


@dataclass(frozen=True)
class DeviceIdentity:
    private: Ed25519PrivateKey

    @classmethod
    def generate(cls) -> DeviceIdentity:
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_raw(cls, raw: bytes) -> DeviceIdentity:
        return cls(Ed25519PrivateKey.from_private_bytes(raw))

    def raw_private(self) -> bytes:
        from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat

        return self.private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())

    @property
    def public(self) -> bytes:
        return _raw_public(self.private)

    @property
    def public_b64(self) -> str:
        return base64.b64encode(self.public).decode()

    @property
    def fingerprint(self) -> str:
        return device_fingerprint(self.public)

    def sign(self, label: bytes, message: bytes) -> bytes:
        return self.private.sign(label + b"\x00" + message)

    def minisign_key(self) -> minisign.SecretKey:
        """The same Ed25519 key in minisign form, for batch manifests and requests."""
        return minisign.SecretKey.from_raw(self.raw_private(), device_key_id(self.public))


def device_key_id(public: bytes) -> bytes:
    return digest("tomar-device-keyid-v1", public)[:8]


def device_minisign_public(public: bytes) -> minisign.PublicKey:
    return minisign.PublicKey(key_id=device_key_id(public), raw=public)


def device_fingerprint(public: bytes) -> str:
    return readable(digest("tomar-device-v1", public))


def verify_device_signature(public: bytes, label: bytes, message: bytes, sig: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(sig, label + b"\x00" + message)
    except (InvalidSignature, ValueError):
        return False
    return True


def organizer_fingerprint_bytes(signing_public_b64: str, recipient: str) -> bytes:
    return digest("tomar-organizer-v1", signing_public_b64.encode(), recipient.encode())


@dataclass(frozen=True)
class OrganizerIdentity:
    """The campaign's keys. Losing them loses every signature: back them up first."""

    name: str
    recipient_kind: str
    age_identity: str
    signing: minisign.SecretKey
    created_at: str

    @classmethod
    def generate(cls, name: str, recipient_kind: str = "hybrid") -> OrganizerIdentity:
        if recipient_kind not in RECIPIENT_KINDS:
            raise IdentityError(E.IDENTITY_RECIPIENT_TYPE_MUST_HYBRID)
        ident: age.X25519Identity | age.HybridIdentity
        ident = (
            age.HybridIdentity.generate()
            if recipient_kind == "hybrid"
            else (age.X25519Identity.generate())
        )
        return cls(
            name, recipient_kind, ident.to_string(), minisign.SecretKey.generate(), now_iso()
        )

    @property
    def age(self) -> age.X25519Identity | age.HybridIdentity:
        return age.parse_identity(self.age_identity)

    @property
    def recipient(self) -> str:
        return self.age.recipient().to_string()

    @property
    def signing_public(self) -> minisign.PublicKey:
        return self.signing.public_key()

    @property
    def fingerprint_bytes(self) -> bytes:
        return organizer_fingerprint_bytes(self.signing_public.to_base64(), self.recipient)

    @property
    def fingerprint(self) -> str:
        return readable(self.fingerprint_bytes)

    def signing_blob(self) -> bytes:
        return self.signing.key_id + self.signing.raw_private_bytes()

    @staticmethod
    def signing_from_blob(blob: bytes) -> minisign.SecretKey:
        if len(blob) != 40:
            raise IdentityError(E.IDENTITY_ORGANIZER_SIGNING_KEY_DAMAGED)
        return minisign.SecretKey.from_raw(blob[8:], blob[:8])

    def identity_file(self) -> str:
        """An age identity file that stock `age -d -i` accepts; Tomar's extra key is a comment."""
        signing = base64.b64encode(self.signing_blob()).decode()
        lines = [
            "# Tomar organizer identity. KEEP SECRET: it opens every signature of the campaign.",
            f"# name: {self.name}",
            f"# created: {self.created_at}",
            f"# fingerprint: {self.fingerprint}",
            f"# recipient: {self.recipient}",
            f"# tomar-signing-key: {signing}",
            self.age_identity,
            "",
        ]
        return "\n".join(lines)

    @classmethod
    def from_identity_file(cls, text: str) -> OrganizerIdentity:
        fields: dict[str, str] = {}
        secret = ""
        for line in text.splitlines()[:100]:
            line = line.strip()
            if line.startswith("# ") and ": " in line:
                k, _, v = line[2:].partition(": ")
                fields[k] = v
            elif line.startswith("AGE-SECRET-KEY-"):
                secret = line
        if not secret or "tomar-signing-key" not in fields:
            raise IdentityError(E.IDENTITY_NOT_AN_IDENTITY_FILE)
        try:
            blob = base64.b64decode(fields["tomar-signing-key"], validate=True)
        except ValueError:
            raise IdentityError(E.IDENTITY_ORGANIZER_IDENTITY_FILE_DAMAGED) from None
        ident = age.parse_identity(secret)
        kind = "hybrid" if isinstance(ident, age.HybridIdentity) else "x25519"
        return cls(
            fields.get("name", "organizer"),
            kind,
            secret,
            cls.signing_from_blob(blob),
            fields.get("created", now_iso()),
        )
