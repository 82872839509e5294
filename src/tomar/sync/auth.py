"""Signed requests between Tomar and its collection server.

Every request that lists, downloads or uploads carries four headers:

    Tomar-Key:        base64 of the signer's raw Ed25519 public key (32 bytes)
    Tomar-Time:       Unix seconds when it was signed
    Tomar-Nonce:      32 random hex digits, never used twice
    Tomar-Signature:  base64 of Ed25519 over the message below

The message binds the request to one campaign, method, path and body, so a captured
signature cannot be moved to another request:

    tomar-request-v1 \\n campaign id \\n METHOD \\n raw path?query \\n time \\n nonce \\n
    key \\n hex SHA-256 of the body

The label makes the message impossible to confuse with anything else the same key signs
(manifests, receipts and certificates are JSON). The server accepts the organizer's
campaign signing key for organizer operations and an enrolled device's key for its own.
No passwords or tokens exist that could be stolen from a server.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import re
import secrets
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from ..core.errors import E, TomarError

LABEL = b"tomar-request-v1"
H_KEY = "tomar-key"
H_TIME = "tomar-time"
H_NONCE = "tomar-nonce"
H_SIGNATURE = "tomar-signature"
H_CERTIFICATE = "tomar-certificate"
MAX_SKEW = 300  # seconds either way
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
_NONCE = re.compile(r"^[0-9a-f]{32}$")


class AuthError(TomarError):
    """A request's signature headers are missing, malformed, stale, replayed or wrong."""


def message(
    campaign_id: str, method: str, path: str, when: int, nonce: str, key: str, body_sha256: str
) -> bytes:
    """The exact bytes that are signed; both sides build them with this function."""
    parts = [campaign_id, method.upper(), path, str(when), nonce, key, body_sha256]
    return LABEL + b"\n" + "\n".join(parts).encode()


@dataclass(frozen=True)
class RequestSigner:
    """Signs requests with a device key or the organizer's signing key."""

    private: Ed25519PrivateKey
    campaign_id: str

    @classmethod
    def from_seed(cls, seed: bytes, campaign_id: str) -> RequestSigner:
        return cls(Ed25519PrivateKey.from_private_bytes(seed), campaign_id)

    @property
    def public(self) -> bytes:
        return self.private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    def headers(self, method: str, path: str, body_sha256: str = EMPTY_SHA256) -> dict[str, str]:
        when = int(time.time())
        nonce = secrets.token_hex(16)
        key = base64.b64encode(self.public).decode()
        sig = self.private.sign(
            message(self.campaign_id, method, path, when, nonce, key, body_sha256)
        )
        return {
            H_KEY: key,
            H_TIME: str(when),
            H_NONCE: nonce,
            H_SIGNATURE: base64.b64encode(sig).decode(),
        }


@dataclass(frozen=True)
class SignedHeaders:
    """Parsed, not yet verified signature headers."""

    key: bytes
    key_b64: str
    when: int
    nonce: str
    signature: bytes


def parse(headers: Mapping[str, str], now: float | None = None) -> SignedHeaders:
    """Check shape and freshness; the signature itself needs the body (see `verify`)."""
    try:
        key_b64, when_text = headers[H_KEY], headers[H_TIME]
        nonce, sig_b64 = headers[H_NONCE], headers[H_SIGNATURE]
    except KeyError:
        raise AuthError(E.SYNC_REQUEST_NOT_SIGNED) from None
    try:
        key = base64.b64decode(key_b64, validate=True)
        signature = base64.b64decode(sig_b64, validate=True)
        when = int(when_text)
    except (ValueError, binascii.Error):
        raise AuthError(E.SYNC_REQUEST_SIGNATURE_HEADERS_MALFORMED) from None
    if len(key) != 32 or len(signature) != 64 or not _NONCE.fullmatch(nonce):
        raise AuthError(E.SYNC_REQUEST_SIGNATURE_HEADERS_MALFORMED)
    current = time.time() if now is None else now
    if abs(current - when) > MAX_SKEW:
        raise AuthError(E.SYNC_REQUEST_SIGNED_TOO_LONG)
    return SignedHeaders(key, key_b64, when, nonce, signature)


def verify(
    signed: SignedHeaders, campaign_id: str, method: str, path: str, body_sha256: str
) -> None:
    """Raise AuthError unless the signature covers exactly this request."""
    msg = message(campaign_id, method, path, signed.when, signed.nonce, signed.key_b64, body_sha256)
    try:
        Ed25519PublicKey.from_public_bytes(signed.key).verify(signed.signature, msg)
    except (InvalidSignature, ValueError):
        raise AuthError(E.SYNC_REQUEST_BAD_SIGNATURE) from None


class Nonce(enum.Enum):
    NEW = "new"
    REPLAY = "replay"
    FULL = "full"  # this key used more nonces within the window than any honest client


class NonceCache:
    """Nonces seen within the freshness window, per verified key, so a captured request
    cannot be replayed.

    Only requests whose signature verified under a key the server accepts (the organizer
    or an enrolled device) enter it, so strangers never fill it; each key has its own
    bound, so one device cannot crowd out another. Kept in memory: every server
    operation is idempotent, so a replay after a restart (within the window) changes
    nothing and returns only what the original request got.
    """

    def __init__(self, window: int = 2 * MAX_SKEW + 10, per_key: int = 4096) -> None:
        self._seen: dict[bytes, dict[str, float]] = {}
        self._window = window
        self._per_key = per_key
        self._lock = threading.Lock()
        self._next_prune = 0.0

    def add(self, nonce: str, key: bytes, now: float | None = None, limit: int = 0) -> Nonce:
        """Record a nonce of `key` (at most `limit` or the default per key in the window)."""
        current = time.time() if now is None else now
        bound = limit or self._per_key
        with self._lock:
            if current >= self._next_prune:
                for k in list(self._seen):
                    kept = {n: t for n, t in self._seen[k].items() if t > current}
                    if kept:
                        self._seen[k] = kept
                    else:
                        del self._seen[k]
                self._next_prune = current + 10
            seen = self._seen.setdefault(key, {})
            if nonce in seen and seen[nonce] > current:
                return Nonce.REPLAY
            if len(seen) >= bound:
                self._seen[key] = seen = {n: t for n, t in seen.items() if t > current}
                if len(seen) >= bound:
                    return Nonce.FULL
            seen[nonce] = current + self._window
            return Nonce.NEW

    def size(self) -> int:
        with self._lock:
            return sum(len(v) for v in self._seen.values())

    def keys(self) -> set[bytes]:
        with self._lock:
            return {k for k, v in self._seen.items() if v}
