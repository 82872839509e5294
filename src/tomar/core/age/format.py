"""The age v1 format itself: constants, stanzas, the header, the STREAM payload's
nonces, and the key derivations every recipient type shares."""

from __future__ import annotations

import binascii
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Protocol, runtime_checkable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, hpke
from cryptography.hazmat.primitives import hmac as crypto_hmac
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..errors import AgeError, AgeHeaderError, E

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

_MSG_NOT_AGE = E.AGE_NOT_AN_AGE_FILE
_MSG_VERSION = E.AGE_FILE_SEALED_NEWER_FORMAT
_MSG_HEADER = E.AGE_FILE_DAMAGED_PART_HOLDS
_MSG_STANZA = E.AGE_FILE_DAMAGED_KEY_SEALED
_MSG_NO_MATCH = E.AGE_NONE_KEYS_OPEN_FILE
_MSG_NO_IDENTITIES = E.AGE_NO_KEY_GIVEN
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
            raise AgeError(E.AGE_INTERNAL_BAD_STANZA) from None
        if not all(map(_is_valid_arg, args)):
            raise AgeError(E.AGE_INTERNAL_BAD_STANZA)
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
