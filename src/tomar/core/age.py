"""The age v1 file encryption format (https://c2sp.org/age), on `cryptography` only.

Tomar seals batches as age files so that organisers can open them with the
standard `age` tool, and so that Tomar can open files made by it. Parsing is
deliberately as strict as the reference Go implementation: there is exactly
one accepted encoding of every header, so nothing in a sealed file can be
changed without detection.

Supported recipient types: X25519 (``age1...``), the hybrid post-quantum
ML-KEM-768 + X25519 type (``age1pq1...``) and scrypt passphrases.

Error classes (all `TomarError` subclasses, with messages meant for people,
never containing key material):

* `AgeHeaderError`: the header is malformed, or a stanza addressed to one of
  our identities is malformed.
* `AgeNoMatch`: none of the given identities can open the file.
* `AgeHmacError`: the header was changed after sealing.
* `AgePayloadError`: the encrypted body is damaged, truncated or extended.
"""

from __future__ import annotations

import binascii
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from hashlib import shake_256
from typing import ClassVar, Final, Protocol, runtime_checkable

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, hpke
from cryptography.hazmat.primitives import hmac as crypto_hmac
from cryptography.hazmat.primitives.asymmetric import mlkem
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from tomar.core import bech32
from tomar.core.errors import (
    AgeError,
    AgeHeaderError,
    AgeHmacError,
    AgeNoMatch,
    AgePayloadError,
)

from .errors import E

__all__ = [
    "DEFAULT_MAX_WORK_FACTOR",
    "DEFAULT_WORK_FACTOR",
    "HybridIdentity",
    "HybridRecipient",
    "Identity",
    "Recipient",
    "ScryptIdentity",
    "ScryptRecipient",
    "Stanza",
    "X25519Identity",
    "X25519Recipient",
    "decrypt",
    "decrypt_iter",
    "encrypt",
    "parse_identity",
    "parse_identity_file",
    "parse_recipient",
]

# --- format constants ---------------------------------------------------------

FILE_KEY_SIZE: Final = 16
CHUNK_SIZE: Final = 64 * 1024
TAG_SIZE: Final = 16
ENC_CHUNK_SIZE: Final = CHUNK_SIZE + TAG_SIZE
NONCE_SIZE: Final = 16
DEFAULT_WORK_FACTOR: Final = 18
DEFAULT_MAX_WORK_FACTOR: Final = 22  # what the Go implementation accepts by default

_INTRO: Final = b"age-encryption.org/v1\n"
_INTRO_PREFIX: Final = b"age-encryption.org/"
_COLUMNS: Final = 64  # base64 characters per full body line (48 bytes)
_WRAPPED_KEY_SIZE: Final = FILE_KEY_SIZE + TAG_SIZE
_ZERO_NONCE: Final = bytes(12)

_X25519_LABEL: Final = b"age-encryption.org/v1/X25519"
_SCRYPT_LABEL: Final = b"age-encryption.org/v1/scrypt"
_HYBRID_LABEL: Final = b"age-encryption.org/mlkem768x25519"
_HYBRID_ENC_SIZE: Final = 1088 + 32  # ML-KEM-768 ciphertext || X25519 share
_MLKEM_PUB_SIZE: Final = 1184
_HYBRID_PUB_SIZE: Final = _MLKEM_PUB_SIZE + 32
_HYBRID_SUITE: Final = hpke.Suite(
    hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305
)

_HRP_X25519_RECIPIENT: Final = "age"
_HRP_X25519_IDENTITY: Final = "AGE-SECRET-KEY-"
_HRP_HYBRID_RECIPIENT: Final = "age1pq"
_HRP_HYBRID_IDENTITY: Final = "AGE-SECRET-KEY-PQ-"

_B64_RE: Final = re.compile(rb"[A-Za-z0-9+/]*")
_WORK_FACTOR_RE: Final = re.compile(r"[1-9][0-9]*")  # ASCII only: int() accepts any Unicode digit

# --- user-facing messages ------------------------------------------------------

_MSG_NOT_AGE = E.AGE_SEALED_FILE_OPEN_BEGINNING
_MSG_VERSION = E.AGE_FILE_SEALED_NEWER_FORMAT
_MSG_HEADER = E.AGE_FILE_DAMAGED_PART_HOLDS
_MSG_STANZA = E.AGE_FILE_DAMAGED_KEY_SEALED
_MSG_NO_MATCH = E.AGE_NONE_KEYS_OPEN_FILE
_MSG_NO_IDENTITIES = E.AGE_KEY_GIVEN_OPEN_FILE
_MSG_HMAC = E.AGE_FILE_DAMAGED_CHANGED_AFTER
_MSG_TRUNCATED = E.AGE_FILE_INCOMPLETE_CUT_OFF
_MSG_PAYLOAD = E.AGE_FILE_DAMAGED_CHANGED_AFTER
_MSG_TRAILING = E.AGE_FILE_EXTRA_DATA_AFTER
_MSG_EMPTY_LAST = E.AGE_FILE_DAMAGED_ENDS_EMPTY
_MSG_TOO_BIG = E.AGE_FILE_LARGER_ACCEPTS_HERE
_MSG_SCRYPT_ALONE = E.AGE_FILE_DAMAGED_PASSPHRASE_SEALED
_MSG_WORK_FACTOR = E.AGE_FILE_SEALED_PASSPHRASE_SETTING


# --- stanzas and base64 ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Stanza:
    """One recipient stanza: ``-> type args...`` followed by a binary body.

    `type` is the first argument, `args` the remaining ones (as in Go's age).
    """

    type: str
    args: tuple[str, ...]
    body: bytes


def _b64encode(data: bytes) -> bytes:
    """Unpadded standard base64, as every age header field uses."""
    return binascii.b2a_base64(data, newline=False).rstrip(b"=")


def _b64decode(text: bytes) -> bytes:
    """Strict, canonical, unpadded base64; raises AgeHeaderError on anything else.

    Non-canonical spellings (non-zero trailing bits) are rejected so that a
    header has exactly one encoding and cannot be altered without detection.
    """
    if _B64_RE.fullmatch(text) is None or len(text) % 4 == 1:
        raise AgeHeaderError(_MSG_HEADER)
    try:
        data = binascii.a2b_base64(text + b"=" * (-len(text) % 4), strict_mode=True)
    except binascii.Error:
        raise AgeHeaderError(_MSG_HEADER) from None
    if _b64encode(data) != text:
        raise AgeHeaderError(_MSG_HEADER)
    return data


_ARG_RE: Final = re.compile(rb"[\x21-\x7e]+")


def _is_valid_arg(arg: bytes) -> bool:
    """Visible ASCII only; a regex, because ML-KEM stanzas carry 1,500-character args."""
    return _ARG_RE.fullmatch(arg) is not None


# --- key derivation helpers ------------------------------------------------------


def _hkdf(ikm: bytes, salt: bytes | None, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(ikm)


def _header_mac(file_key: bytes, header: bytes | memoryview) -> bytes:
    h = crypto_hmac.HMAC(_hkdf(file_key, None, b"header"), hashes.SHA256())
    h.update(header)
    return h.finalize()


def _aead_unwrap(key: bytes, body: bytes) -> bytes | None:
    """Decrypt a 32-byte stanza body; None means "not for us" (wrong key)."""
    try:
        return ChaCha20Poly1305(key).decrypt(_ZERO_NONCE, body, None)
    except InvalidTag:
        return None


# --- protocols ------------------------------------------------------------------------


@runtime_checkable
class Recipient(Protocol):
    """Something that can wrap a file key into one or more stanzas."""

    def wrap(self, file_key: bytes) -> list[Stanza]:
        """Return the stanzas that let the matching identity recover `file_key`."""
        ...


@runtime_checkable
class Identity(Protocol):
    """Something that can recover the file key from a header's stanzas.

    Returns None when no stanza is addressed to it; raises AgeHeaderError when
    a stanza of its own type is malformed (as the Go implementation does).
    """

    def unwrap(self, stanzas: list[Stanza]) -> bytes | None:
        """Return the file key, or None if no stanza is for this identity."""
        ...


def _labels(recipient: Recipient) -> frozenset[str]:
    """Go's RecipientWithLabels: recipients may only be mixed if their labels agree."""
    labels: object = getattr(recipient, "labels", None)
    return frozenset(map(str, labels)) if isinstance(labels, frozenset) else frozenset()


# --- X25519 -----------------------------------------------------------------------------


class X25519Recipient:
    """An ``age1...`` public key: anyone can seal to it, only its identity can open."""

    __slots__ = ("_key", "_raw")
    labels: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, public_key: X25519PublicKey) -> None:
        self._key = public_key
        self._raw = public_key.public_bytes_raw()

    @classmethod
    def parse(cls, s: str) -> X25519Recipient:
        """Parse an ``age1...`` string (lowercase, as age writes it)."""
        hrp, data = bech32.decode(s)
        if hrp != _HRP_X25519_RECIPIENT or len(data) != 32:
            raise AgeError(E.AGE_VALID_AGE_PUBLIC_KEY)
        return cls(X25519PublicKey.from_public_bytes(data))

    def to_string(self) -> str:
        """The ``age1...`` encoding."""
        return bech32.encode(_HRP_X25519_RECIPIENT, self._raw)

    def wrap(self, file_key: bytes) -> list[Stanza]:
        """Wrap with an ephemeral X25519 key agreement (fresh for every file)."""
        ephemeral = X25519PrivateKey.generate()
        share = ephemeral.public_key().public_bytes_raw()
        try:
            shared = ephemeral.exchange(self._key)
        except ValueError:
            raise AgeError(E.AGE_PUBLIC_KEY_USABLE_WEAK) from None
        key = _hkdf(shared, share + self._raw, _X25519_LABEL)
        body = ChaCha20Poly1305(key).encrypt(_ZERO_NONCE, file_key, None)
        return [Stanza("X25519", (_b64encode(share).decode("ascii"),), body)]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, X25519Recipient) and other._raw == self._raw

    def __hash__(self) -> int:
        return hash((X25519Recipient, self._raw))

    def __repr__(self) -> str:
        return f"X25519Recipient({self.to_string()!r})"


class X25519Identity:
    """An ``AGE-SECRET-KEY-1...`` secret key."""

    __slots__ = ("_key", "_pub")

    def __init__(self, private_key: X25519PrivateKey) -> None:
        self._key = private_key
        self._pub = private_key.public_key().public_bytes_raw()

    @classmethod
    def generate(cls) -> X25519Identity:
        """A new random identity."""
        return cls(X25519PrivateKey.generate())

    @classmethod
    def parse(cls, s: str) -> X25519Identity:
        """Parse an ``AGE-SECRET-KEY-1...`` string (uppercase, as age-keygen writes it)."""
        hrp, data = bech32.decode(s)
        if hrp != _HRP_X25519_IDENTITY or len(data) != 32:
            raise AgeError(E.AGE_VALID_AGE_SECRET_KEY)
        return cls(X25519PrivateKey.from_private_bytes(data))

    def to_string(self) -> str:
        """The ``AGE-SECRET-KEY-1...`` encoding. Treat the result as a secret."""
        return bech32.encode(_HRP_X25519_IDENTITY, self._key.private_bytes_raw())

    def recipient(self) -> X25519Recipient:
        """The public key that seals files for this identity."""
        return X25519Recipient(self._key.public_key())

    def unwrap(self, stanzas: list[Stanza]) -> bytes | None:
        """Find and open an X25519 stanza addressed to this key."""
        for s in stanzas:
            if s.type != "X25519":
                continue
            if len(s.args) != 1:
                raise AgeHeaderError(_MSG_STANZA)
            share = _b64decode(s.args[0].encode("ascii"))
            if len(share) != 32 or len(s.body) != _WRAPPED_KEY_SIZE:
                raise AgeHeaderError(_MSG_STANZA)
            try:
                shared = self._key.exchange(X25519PublicKey.from_public_bytes(share))
            except ValueError:  # low-order point: all-zero shared secret
                raise AgeHeaderError(_MSG_STANZA) from None
            file_key = _aead_unwrap(_hkdf(shared, share + self._pub, _X25519_LABEL), s.body)
            if file_key is not None:
                return file_key
        return None

    def __repr__(self) -> str:
        return f"X25519Identity(recipient={self.recipient().to_string()!r})"


# --- hybrid ML-KEM-768 + X25519 -------------------------------------------------------


def _hybrid_keys_from_seed(seed: bytes) -> tuple[mlkem.MLKEM768PrivateKey, X25519PrivateKey]:
    """Expand a 32-byte seed as draft-ietf-hpke-pq's MLKEM768-X25519 (X-Wing) does."""
    expanded = shake_256(seed).digest(96)
    return (
        mlkem.MLKEM768PrivateKey.from_seed_bytes(expanded[:64]),
        X25519PrivateKey.from_private_bytes(expanded[64:]),
    )


class HybridRecipient:
    """An ``age1pq1...`` post-quantum public key (ML-KEM-768 + X25519 via HPKE)."""

    __slots__ = ("_key", "_raw")
    labels: ClassVar[frozenset[str]] = frozenset({"postquantum"})

    def __init__(self, raw: bytes) -> None:
        if len(raw) != _HYBRID_PUB_SIZE:
            raise AgeError(E.AGE_BAD_PQ_PUBLIC_KEY)
        try:
            self._key = hpke.MLKEM768X25519PublicKey(
                mlkem.MLKEM768PublicKey.from_public_bytes(raw[:_MLKEM_PUB_SIZE]),
                X25519PublicKey.from_public_bytes(raw[_MLKEM_PUB_SIZE:]),
            )
        except ValueError:
            raise AgeError(E.AGE_BAD_PQ_PUBLIC_KEY) from None
        self._raw = bytes(raw)

    @classmethod
    def parse(cls, s: str) -> HybridRecipient:
        """Parse an ``age1pq1...`` string."""
        hrp, data = bech32.decode(s)
        if hrp != _HRP_HYBRID_RECIPIENT:
            raise AgeError(E.AGE_BAD_PQ_PUBLIC_KEY)
        return cls(data)

    def to_string(self) -> str:
        """The ``age1pq1...`` encoding."""
        return bech32.encode(_HRP_HYBRID_RECIPIENT, self._raw)

    def wrap(self, file_key: bytes) -> list[Stanza]:
        """HPKE SealBase of the file key; enc goes in the arguments, ciphertext in the body."""
        sealed = _HYBRID_SUITE.encrypt(file_key, self._key, info=_HYBRID_LABEL)
        enc = _b64encode(sealed[:_HYBRID_ENC_SIZE]).decode("ascii")
        return [Stanza("mlkem768x25519", (enc,), sealed[_HYBRID_ENC_SIZE:])]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, HybridRecipient) and other._raw == self._raw

    def __hash__(self) -> int:
        return hash((HybridRecipient, self._raw))

    def __repr__(self) -> str:
        return f"HybridRecipient({self.to_string()[:20]!r}...)"


class HybridIdentity:
    """An ``AGE-SECRET-KEY-PQ-1...`` secret key: a 32-byte seed."""

    __slots__ = ("_key", "_seed", "_x25519")

    def __init__(self, seed: bytes) -> None:
        if len(seed) != 32:
            raise AgeError(E.AGE_POST_QUANTUM_SECRET_KEY)
        self._seed = bytes(seed)
        mlkem_key, self._x25519 = _hybrid_keys_from_seed(self._seed)
        self._key = hpke.MLKEM768X25519PrivateKey(mlkem_key, self._x25519)

    @classmethod
    def from_seed(cls, seed: bytes) -> HybridIdentity:
        """Build from the 32-byte seed (the spec's whole secret key)."""
        return cls(seed)

    @classmethod
    def generate(cls) -> HybridIdentity:
        """A new random identity."""
        return cls(os.urandom(32))

    @classmethod
    def parse(cls, s: str) -> HybridIdentity:
        """Parse an ``AGE-SECRET-KEY-PQ-1...`` string."""
        hrp, data = bech32.decode(s)
        if hrp != _HRP_HYBRID_IDENTITY or len(data) != 32:
            raise AgeError(E.AGE_BAD_PQ_SECRET_KEY)
        return cls(data)

    def to_string(self) -> str:
        """The ``AGE-SECRET-KEY-PQ-1...`` encoding. Treat the result as a secret."""
        return bech32.encode(_HRP_HYBRID_IDENTITY, self._seed)

    def recipient(self) -> HybridRecipient:
        """The public key that seals files for this identity."""
        mlkem_key, x_key = _hybrid_keys_from_seed(self._seed)
        return HybridRecipient(
            mlkem_key.public_key().public_bytes_raw() + x_key.public_key().public_bytes_raw()
        )

    def unwrap(self, stanzas: list[Stanza]) -> bytes | None:
        """Find and open an mlkem768x25519 stanza addressed to this key."""
        for s in stanzas:
            if s.type != "mlkem768x25519":
                continue
            if len(s.args) != 1:
                raise AgeHeaderError(_MSG_STANZA)
            enc = _b64decode(s.args[0].encode("ascii"))
            if len(enc) != _HYBRID_ENC_SIZE or len(s.body) != _WRAPPED_KEY_SIZE:
                raise AgeHeaderError(_MSG_STANZA)
            try:
                return _HYBRID_SUITE.decrypt(enc + s.body, self._key, info=_HYBRID_LABEL)
            except InvalidTag:
                pass
            except ValueError:
                raise AgeHeaderError(_MSG_STANZA) from None
            # cryptography reports a failed decapsulation and a wrong key the
            # same way; Go treats an all-zero X25519 secret as a malformed
            # stanza, so tell the two apart here (only on the failure path).
            try:
                self._x25519.exchange(X25519PublicKey.from_public_bytes(enc[1088:]))
            except ValueError:
                raise AgeHeaderError(_MSG_STANZA) from None
        return None

    def __repr__(self) -> str:
        return "HybridIdentity(<secret>)"


# --- scrypt -------------------------------------------------------------------------------


def _scrypt_key(passphrase: bytes, salt: bytes, work_factor: int) -> bytes:
    kdf = Scrypt(salt=_SCRYPT_LABEL + salt, length=32, n=1 << work_factor, r=8, p=1)
    try:
        return kdf.derive(passphrase)
    except (ValueError, MemoryError):  # the memory the work factor needs is not available
        raise AgeError(E.AGE_DEVICE_ENOUGH_MEMORY_PASSPHRASE) from None


class ScryptRecipient:
    """Seal with a passphrase. Must be the only recipient of a file."""

    __slots__ = ("_passphrase", "_work_factor", "labels")

    def __init__(self, passphrase: bytes, work_factor: int = DEFAULT_WORK_FACTOR) -> None:
        if not passphrase:
            raise AgeError(E.AGE_PASSPHRASE_EMPTY)
        if not 1 <= work_factor <= 30:
            raise AgeError(E.AGE_PASSPHRASE_STRENGTH_SETTING_MUST)
        self._passphrase = bytes(passphrase)
        self._work_factor = work_factor
        # A unique label: mixing with any other recipient is refused, as in Go.
        self.labels = frozenset({"scrypt-" + os.urandom(8).hex()})

    def wrap(self, file_key: bytes) -> list[Stanza]:
        """Wrap with a key stretched from the passphrase and a fresh random salt."""
        salt = os.urandom(16)
        key = _scrypt_key(self._passphrase, salt, self._work_factor)
        body = ChaCha20Poly1305(key).encrypt(_ZERO_NONCE, file_key, None)
        args = (_b64encode(salt).decode("ascii"), str(self._work_factor))
        return [Stanza("scrypt", args, body)]

    def __repr__(self) -> str:
        return f"ScryptRecipient(<passphrase>, work_factor={self._work_factor})"


class ScryptIdentity:
    """Open a passphrase-sealed file; refuses work factors above `max_work_factor`."""

    __slots__ = ("_max_work_factor", "_passphrase")

    def __init__(self, passphrase: bytes, max_work_factor: int = DEFAULT_MAX_WORK_FACTOR) -> None:
        if not 1 <= max_work_factor <= 30:
            raise AgeError(E.AGE_PASSPHRASE_STRENGTH_LIMIT_MUST)
        self._passphrase = bytes(passphrase)
        self._max_work_factor = max_work_factor

    def unwrap(self, stanzas: list[Stanza]) -> bytes | None:
        """Open the file's scrypt stanza, which must be its only stanza."""
        for s in stanzas:
            if s.type == "scrypt" and len(stanzas) != 1:
                raise AgeHeaderError(_MSG_SCRYPT_ALONE)
        for s in stanzas:
            if s.type != "scrypt":
                continue
            if len(s.args) != 2:
                raise AgeHeaderError(_MSG_STANZA)
            salt = _b64decode(s.args[0].encode("ascii"))
            if len(salt) != 16:
                raise AgeHeaderError(_MSG_STANZA)
            # Decimal without sign, leading zero, hex or junk (ASCII digits only).
            if _WORK_FACTOR_RE.fullmatch(s.args[1]) is None:
                raise AgeHeaderError(_MSG_STANZA)
            if len(s.args[1]) > 2 or int(s.args[1]) > self._max_work_factor:
                raise AgeHeaderError(_MSG_WORK_FACTOR)
            work_factor = int(s.args[1])
            if len(s.body) != _WRAPPED_KEY_SIZE:
                raise AgeHeaderError(_MSG_STANZA)
            file_key = _aead_unwrap(_scrypt_key(self._passphrase, salt, work_factor), s.body)
            if file_key is not None:
                return file_key
        return None

    def __repr__(self) -> str:
        return f"ScryptIdentity(<passphrase>, max_work_factor={self._max_work_factor})"


# --- key string parsing --------------------------------------------------------------------


def parse_recipient(s: str) -> X25519Recipient | HybridRecipient:
    """Parse an ``age1...`` or ``age1pq1...`` public key."""
    hrp, _ = bech32.decode(s)
    if hrp == _HRP_HYBRID_RECIPIENT:
        return HybridRecipient.parse(s)
    if hrp == _HRP_X25519_RECIPIENT:
        return X25519Recipient.parse(s)
    raise AgeError(E.AGE_PUBLIC_KEY_SHOULD_START)


def parse_identity(s: str) -> X25519Identity | HybridIdentity:
    """Parse an ``AGE-SECRET-KEY-1...`` or ``AGE-SECRET-KEY-PQ-1...`` secret key."""
    hrp, _ = bech32.decode(s)
    if hrp == _HRP_HYBRID_IDENTITY:
        return HybridIdentity.parse(s)
    if hrp == _HRP_X25519_IDENTITY:
        return X25519Identity.parse(s)
    raise AgeError(E.AGE_SECRET_KEY_SHOULD_START)


def parse_identity_file(text: str) -> list[X25519Identity | HybridIdentity]:
    """Parse an age identity file: one key per line, ``#`` comments, blank lines.

    Follows age: CRLF line ends are accepted, other whitespace is not.
    """
    identities: list[X25519Identity | HybridIdentity] = []
    for number, raw_line in enumerate(text.split("\n"), start=1):
        line = raw_line.removesuffix("\r")
        if not line or line.startswith("#"):
            continue
        try:
            identities.append(parse_identity(line))
        except AgeError:
            raise AgeError(E.AGE_LINE_KEY_FILE_VALID, number=number) from None
    if not identities:
        raise AgeError(E.AGE_KEY_FILE_CONTAINS_SECRET)
    return identities


# --- header ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Header:
    stanzas: list[Stanza]
    mac_input_end: int  # the MAC covers data[:mac_input_end] (up to and including "---")
    mac: bytes
    payload_start: int


def _parse_header(data: bytes) -> _Header:
    """Strictly parse a binary age v1 header (armored files are not accepted)."""
    if not data.startswith(_INTRO):
        if data.startswith(_INTRO_PREFIX):
            raise AgeHeaderError(_MSG_VERSION)
        raise AgeHeaderError(_MSG_NOT_AGE)
    pos = len(_INTRO)
    stanzas: list[Stanza] = []
    while True:
        nl = data.find(b"\n", pos)
        if nl < 0:
            raise AgeHeaderError(_MSG_HEADER)
        line = data[pos:nl]
        if line.startswith(b"---"):
            parts = line.split(b" ")
            if parts[0] != b"---" or len(parts) != 2:
                raise AgeHeaderError(_MSG_HEADER)
            mac = _b64decode(parts[1])
            if len(mac) != 32 or not stanzas:
                raise AgeHeaderError(_MSG_HEADER)
            return _Header(stanzas, pos + 3, mac, nl + 1)
        if not line.startswith(b"->"):
            raise AgeHeaderError(_MSG_HEADER)
        parts = line.split(b" ")
        if parts[0] != b"->" or len(parts) < 2 or not all(map(_is_valid_arg, parts[1:])):
            raise AgeHeaderError(_MSG_HEADER)
        pos = nl + 1
        body: list[bytes] = []
        while True:
            nl = data.find(b"\n", pos)
            if nl < 0:
                raise AgeHeaderError(_MSG_HEADER)
            if nl - pos > _COLUMNS:
                raise AgeHeaderError(_MSG_HEADER)
            body.append(_b64decode(data[pos:nl]))
            short = nl - pos < _COLUMNS
            pos = nl + 1
            if short:
                break
        args = tuple(p.decode("ascii") for p in parts[1:])
        stanzas.append(Stanza(args[0], args[1:], b"".join(body)))


def _serialize_header(stanzas: Sequence[Stanza]) -> bytes:
    """The header up to and including ``---`` (the bytes the MAC covers)."""
    out = [_INTRO]
    for s in stanzas:
        try:
            args = [a.encode("ascii") for a in (s.type, *s.args)]
        except UnicodeEncodeError:
            raise AgeError(E.AGE_INTERNAL_ERROR_RECIPIENT_PRODUCED) from None
        if not all(map(_is_valid_arg, args)):
            raise AgeError(E.AGE_INTERNAL_ERROR_RECIPIENT_PRODUCED)
        out.append(b"-> " + b" ".join(args) + b"\n")
        encoded = _b64encode(s.body)
        for i in range(0, len(encoded), _COLUMNS):
            out.append(encoded[i : i + _COLUMNS] + b"\n")
        if len(encoded) % _COLUMNS == 0:
            out.append(b"\n")  # the body always ends with a short (maybe empty) line
    out.append(b"---")
    return b"".join(out)


# --- payload (STREAM) ---------------------------------------------------------------------------


def _chunk_nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _payload_aead(file_key: bytes, nonce: bytes | memoryview) -> ChaCha20Poly1305:
    return ChaCha20Poly1305(_hkdf(file_key, bytes(nonce), b"payload"))


def _plaintext_size(payload_len: int) -> int:
    """Plaintext length implied by a payload length (an upper bound if damaged)."""
    chunks = max(1, -(-payload_len // ENC_CHUNK_SIZE))
    return max(0, payload_len - chunks * TAG_SIZE)


# --- encrypt / decrypt ------------------------------------------------------------------------


def encrypt(plaintext: bytes | bytearray | memoryview, recipients: Sequence[Recipient]) -> bytes:
    """Seal `plaintext` so that any one of `recipients` can open it."""
    if not recipients:
        raise AgeError(E.AGE_INTERNAL_ERROR_SEAL_FILE)
    labels = _labels(recipients[0])
    for r in recipients[1:]:
        if _labels(r) != labels:
            if isinstance(r, ScryptRecipient) or isinstance(recipients[0], ScryptRecipient):
                raise AgeError(E.AGE_PASSPHRASE_COMBINED_OTHER_KEYS)
            raise AgeError(E.AGE_POST_QUANTUM_CLASSIC_KEYS)
    file_key = os.urandom(FILE_KEY_SIZE)
    stanzas: list[Stanza] = []
    for r in recipients:
        stanzas.extend(r.wrap(file_key))
    if len(stanzas) > 1 and any(s.type == "scrypt" for s in stanzas):
        raise AgeError(E.AGE_PASSPHRASE_COMBINED_OTHER_KEYS)
    header = _serialize_header(stanzas)
    mac = _header_mac(file_key, header)
    nonce = os.urandom(NONCE_SIZE)
    aead = _payload_aead(file_key, nonce)

    view = memoryview(plaintext)
    size = len(view)
    parts = [header, b" ", _b64encode(mac), b"\n", nonce]
    counter = 0
    pos = 0
    while True:
        end = pos + CHUNK_SIZE
        last = end >= size
        parts.append(aead.encrypt(_chunk_nonce(counter, last), view[pos:end], None))
        if last:
            break
        pos = end
        counter += 1
    return b"".join(parts)


def _unwrap_file_key(hdr: _Header, identities: Sequence[Identity]) -> bytes:
    if len(hdr.stanzas) > 1 and any(s.type == "scrypt" for s in hdr.stanzas):
        raise AgeHeaderError(_MSG_SCRYPT_ALONE)
    if not identities:
        raise AgeNoMatch(_MSG_NO_IDENTITIES)
    for identity in identities:
        try:
            file_key = identity.unwrap(hdr.stanzas)
        except AgeError:
            raise
        except Exception:  # a third-party identity misbehaved; never leak its error
            raise AgeHeaderError(_MSG_STANZA) from None
        if file_key is None:
            continue
        if len(file_key) != FILE_KEY_SIZE:
            raise AgeHeaderError(_MSG_STANZA)
        return file_key
    raise AgeNoMatch(_MSG_NO_MATCH)


def _iter_payload(view: memoryview, aead: ChaCha20Poly1305) -> Iterator[bytes]:
    """Decrypt STREAM chunks, mirroring Go's reader so outcomes match exactly."""
    end = len(view)
    pos = 0
    counter = 0
    while True:
        remaining = end - pos
        if remaining == 0:
            raise AgePayloadError(_MSG_TRUNCATED)
        if remaining < ENC_CHUNK_SIZE:
            # A short chunk can only be the final one, and only the very first
            # chunk may be empty (for an empty file).
            if counter and remaining == TAG_SIZE:
                raise AgePayloadError(_MSG_EMPTY_LAST)
            try:
                yield aead.decrypt(_chunk_nonce(counter, True), view[pos:end], None)
            except InvalidTag:
                raise AgePayloadError(_MSG_PAYLOAD) from None
            return
        chunk = view[pos : pos + ENC_CHUNK_SIZE]
        last = False
        try:
            out = aead.decrypt(_chunk_nonce(counter, False), chunk, None)
        except InvalidTag:
            try:
                out = aead.decrypt(_chunk_nonce(counter, True), chunk, None)
            except InvalidTag:
                raise AgePayloadError(_MSG_PAYLOAD) from None
            last = True
        yield out
        pos += ENC_CHUNK_SIZE
        if last:
            if pos != end:
                raise AgePayloadError(_MSG_TRAILING)
            return
        counter += 1


def _open(
    data: bytes | bytearray | memoryview, identities: Sequence[Identity]
) -> tuple[memoryview, ChaCha20Poly1305]:
    """Parse and authenticate the header; return the encrypted chunks and their AEAD."""
    if not isinstance(data, bytes):
        data = bytes(data)  # a private copy: the caller could mutate a bytearray mid-stream
    view = memoryview(data)
    hdr = _parse_header(data)
    file_key = _unwrap_file_key(hdr, identities)
    h = crypto_hmac.HMAC(_hkdf(file_key, None, b"header"), hashes.SHA256())
    h.update(view[: hdr.mac_input_end])
    try:
        h.verify(hdr.mac)
    except InvalidSignature:
        raise AgeHmacError(_MSG_HMAC) from None
    nonce_end = hdr.payload_start + NONCE_SIZE
    if len(view) < nonce_end:
        raise AgeHeaderError(_MSG_TRUNCATED)
    aead = _payload_aead(file_key, view[hdr.payload_start : nonce_end])
    return view[nonce_end:], aead


def decrypt_iter(
    data: bytes | bytearray | memoryview, identities: Sequence[Identity]
) -> Iterator[bytes]:
    """Open a sealed file, yielding plaintext one 64 KiB chunk at a time.

    Header problems, a missing match and a bad header MAC are raised right
    away (at call time). A damaged payload raises AgePayloadError at the first
    bad chunk, after every good chunk before it has been yielded; callers who
    need all-or-nothing must use `decrypt`.
    """
    payload, aead = _open(data, identities)
    return _iter_payload(payload, aead)


def decrypt(
    data: bytes | bytearray | memoryview,
    identities: Sequence[Identity],
    *,
    max_size: int | None = None,
) -> bytes:
    """Open a sealed file; all or nothing. `max_size` caps the plaintext size in bytes.

    The size check uses the ciphertext length, so an oversized file is refused
    before any work or memory is spent on decrypting its payload.
    """
    payload, aead = _open(data, identities)
    if max_size is not None and _plaintext_size(len(payload)) > max_size:
        raise AgePayloadError(_MSG_TOO_BIG)
    return b"".join(_iter_payload(payload, aead))
