"""Minisign Ed25519 signatures, implemented on top of `cryptography`.

Sealed batches are signed in minisign's format so that anyone can check them with the
stock `minisign -V` tool, without trusting Tomar's own code.  Format reference:
https://jedisct1.github.io/minisign/

* public key:  base64("Ed" || key id (8 bytes) || Ed25519 public key (32 bytes))
* signature:   base64(alg || key id || Ed25519 signature (64 bytes)), where alg is
  "ED" (the data is pre-hashed with BLAKE2b-512; the default) or "Ed" (legacy, raw data)
* global sig:  Ed25519 over (signature (64 bytes) || trusted comment bytes), so the
  trusted comment cannot be changed without detection

Parsing is strict: every line and every decoded field must have exactly the expected
length, base64 must be canonical and comments are bounded, so a damaged file is
reported as damaged instead of being half-understood.  The untrusted comment is, as its
name says, not protected by any signature.

Key ids are shown the way minisign shows them: the 8 id bytes read as a little-endian
number, printed as 16 upper-case hex digits.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import time
from dataclasses import dataclass
from typing import Final

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from tomar.core.errors import BadSignature, MinisignError

from .errors import E, ErrorCode, Message, Words

__all__ = [
    "ALG_LEGACY",
    "ALG_PREHASHED",
    "BadSignature",
    "MinisignError",
    "PublicKey",
    "SecretKey",
    "Signature",
    "WrongKey",
    "parse_signature",
    "verify",
]

ALG_PREHASHED: Final = "ED"
ALG_LEGACY: Final = "Ed"
_SIGALG: Final = b"Ed"
_KDF_NONE: Final = b"\x00\x00"
_KDF_SCRYPT: Final = b"Sc"
_CHK_BLAKE2B: Final = b"B2"

KEY_ID_BYTES: Final = 8
PUBLIC_KEY_BYTES: Final = 32
SEED_BYTES: Final = 32
SIGNATURE_BYTES: Final = 64

_PUBKEY_STRUCT_BYTES: Final = 2 + KEY_ID_BYTES + PUBLIC_KEY_BYTES  # 42
_SIG_STRUCT_BYTES: Final = 2 + KEY_ID_BYTES + SIGNATURE_BYTES  # 74
_SECKEY_STRUCT_BYTES: Final = 2 + 2 + 2 + 32 + 8 + 8 + KEY_ID_BYTES + 64 + 32  # 158

UNTRUSTED_PREFIX: Final = "untrusted comment: "
TRUSTED_PREFIX: Final = "trusted comment: "

#: Comment limits, in UTF-8 bytes.  Both stay below what minisign itself can read
#: (1024 and 8192 bytes per line, prefix and newline included).
UNTRUSTED_COMMENT_MAX_BYTES: Final = 1000
TRUSTED_COMMENT_MAX_BYTES: Final = 8000
#: Nothing legitimate comes close: 4 lines with the comment limits above.
_MAX_TEXT_BYTES: Final = 10_000

DEFAULT_SIGNATURE_COMMENT: Final = "signature from tomar secret key"

_MSG_DAMAGED_SIG = E.MINISIGN_BAD_SIGNATURE_FILE
_MSG_DAMAGED_PUBKEY = E.MINISIGN_BAD_PUBLIC_KEY
_MSG_DAMAGED_SECKEY = E.MINISIGN_BAD_SECRET_KEY
_MSG_BAD_DATA = E.MINISIGN_DATA_CHANGED
_MSG_BAD_COMMENT = E.MINISIGN_SIGNATURE_TRUSTED_COMMENT_CHANGED
_MSG_WRONG_KEY = E.MINISIGN_FILE_SIGNED_DIFFERENT_KEY
_MSG_LEGACY = E.MINISIGN_FILE_USES_OLD_MINISIGN


class WrongKey(BadSignature):
    """The signature names a key id other than the public key's: signed by someone else."""


# --- small strict helpers ----------------------------------------------------------


def _as_text(value: str | bytes, message: Words) -> str:
    """Accept both text and raw file bytes; undecodable bytes mean a damaged file."""
    if isinstance(value, str):
        return value
    if isinstance(value, bytes | bytearray | memoryview):
        raw = bytes(value)
        if len(raw) > _MAX_TEXT_BYTES:
            raise MinisignError(message)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            raise MinisignError(message) from None
    raise MinisignError(message)


def _utf8(value: str, message: Words) -> bytes:
    """Encode text for signing; lone surrogates cannot be signed reproducibly."""
    try:
        return value.encode("utf-8")
    except UnicodeEncodeError:
        raise MinisignError(message) from None


def _b64decode_exact(value: str, length: int, message: Words) -> bytes:
    """Decode canonical base64 of exactly `length` bytes, so one flipped character fails."""
    if len(value) != 4 * ((length + 2) // 3) or not value.isascii():
        raise MinisignError(message)
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise MinisignError(message) from None
    # b64decode ignores the unused low bits of the last character; re-encoding
    # catches that, so exactly one text maps to each value.
    if len(raw) != length or base64.b64encode(raw).decode("ascii") != value:
        raise MinisignError(message)
    return raw


def _split_lines(text: str, count: int, message: Words) -> list[str]:
    """Split into exactly `count` lines; LF or CRLF endings, final newline optional."""
    if len(text) > _MAX_TEXT_BYTES:
        raise MinisignError(message)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != count:
        raise MinisignError(message)
    out = []
    for line in lines:
        stripped = line.removesuffix("\r")
        if "\r" in stripped or "\x00" in stripped:
            raise MinisignError(message)
        out.append(stripped)
    return out


def _check_comment(comment: str, max_bytes: int, what: ErrorCode) -> bytes:
    """A comment must fit on one line and within minisign's buffers."""
    message = Message(E.MINISIGN_COMMENT_NOT_ONE_LINE, what=what)
    if "\n" in comment or "\r" in comment or "\x00" in comment:
        raise MinisignError(message)
    raw = _utf8(comment, message)
    if len(raw) > max_bytes:
        raise MinisignError(E.MINISIGN_COMMENT_TOO_LONG_MOST, what=what, max_bytes=max_bytes)
    return raw


def _key_id_hex(key_id: bytes) -> str:
    """Minisign prints the key id as a little-endian 64-bit number in upper-case hex."""
    return key_id[::-1].hex().upper()


# --- keys ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PublicKey:
    """A minisign public key: the key id that signatures name, plus the Ed25519 key."""

    key_id: bytes
    raw: bytes

    def __post_init__(self) -> None:
        if (
            not isinstance(self.key_id, bytes)
            or not isinstance(self.raw, bytes)
            or len(self.key_id) != KEY_ID_BYTES
            or len(self.raw) != PUBLIC_KEY_BYTES
        ):
            raise MinisignError(_MSG_DAMAGED_PUBKEY)
        try:
            Ed25519PublicKey.from_public_bytes(self.raw)
        except ValueError:
            raise MinisignError(_MSG_DAMAGED_PUBKEY) from None

    @classmethod
    def from_base64(cls, s: str | bytes) -> PublicKey:
        """Parse the one-line form that `minisign -P` takes (surrounding spaces allowed)."""
        text = _as_text(s, _MSG_DAMAGED_PUBKEY).strip()
        raw = _b64decode_exact(text, _PUBKEY_STRUCT_BYTES, _MSG_DAMAGED_PUBKEY)
        if raw[:2] != _SIGALG:
            raise MinisignError(_MSG_DAMAGED_PUBKEY)
        return cls(key_id=raw[2:10], raw=raw[10:])

    @classmethod
    def from_file_text(cls, text: str | bytes) -> PublicKey:
        """Parse a `.pub` file: an untrusted comment line, then the base64 key line."""
        lines = _split_lines(_as_text(text, _MSG_DAMAGED_PUBKEY), 2, _MSG_DAMAGED_PUBKEY)
        comment_line, key_line = lines
        if not comment_line.startswith(UNTRUSTED_PREFIX):
            raise MinisignError(_MSG_DAMAGED_PUBKEY)
        if len(_utf8(comment_line, _MSG_DAMAGED_PUBKEY)) > (
            len(UNTRUSTED_PREFIX) + UNTRUSTED_COMMENT_MAX_BYTES
        ):
            raise MinisignError(_MSG_DAMAGED_PUBKEY)
        return cls.from_base64(key_line)

    def to_base64(self) -> str:
        """The one-line form, as printed by `minisign -G` and accepted by `minisign -P`."""
        return base64.b64encode(_SIGALG + self.key_id + self.raw).decode("ascii")

    def to_file_text(self, untrusted_comment: str | None = None) -> str:
        """The `.pub` file content; the default comment is the one minisign writes."""
        if untrusted_comment is None:
            untrusted_comment = f"minisign public key {self.key_id_hex}"
        _check_comment(untrusted_comment, UNTRUSTED_COMMENT_MAX_BYTES, E.WORD_UNTRUSTED)
        return f"{UNTRUSTED_PREFIX}{untrusted_comment}\n{self.to_base64()}\n"

    @property
    def key_id_hex(self) -> str:
        """The key id as minisign displays it, so volunteers can compare the two."""
        return _key_id_hex(self.key_id)

    def _ed25519(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.raw)


class SecretKey:
    """An Ed25519 signing key with its minisign key id.  Its repr never shows the key."""

    __slots__ = ("_key", "_key_id")

    def __init__(self, key: Ed25519PrivateKey, key_id: bytes) -> None:
        if not isinstance(key_id, bytes) or len(key_id) != KEY_ID_BYTES:
            raise MinisignError(E.MINISIGN_INTERNAL_KEY_ID_LENGTH)
        self._key = key
        self._key_id = key_id

    def __repr__(self) -> str:
        return f"SecretKey(key_id={_key_id_hex(self._key_id)})"

    @classmethod
    def generate(cls) -> SecretKey:
        """A fresh key pair with a random key id, as `minisign -G` makes."""
        return cls(Ed25519PrivateKey.generate(), os.urandom(KEY_ID_BYTES))

    @classmethod
    def from_raw(cls, ed25519_private_bytes: bytes, key_id: bytes) -> SecretKey:
        """Rebuild a key stored elsewhere (e.g. in the vault) from its 32-byte seed."""
        if not isinstance(ed25519_private_bytes, bytes) or len(ed25519_private_bytes) != SEED_BYTES:
            raise MinisignError(E.MINISIGN_INTERNAL_KEY_LENGTH)
        return cls(Ed25519PrivateKey.from_private_bytes(ed25519_private_bytes), key_id)

    @classmethod
    def from_minisign_file_text(cls, text: str | bytes) -> SecretKey:
        """Read an unencrypted key file made by `minisign -G -W`.

        Password-protected files are refused: decrypting them needs scrypt parameters
        chosen by the file, which we do not want to run on untrusted input.
        """
        lines = _split_lines(_as_text(text, _MSG_DAMAGED_SECKEY), 2, _MSG_DAMAGED_SECKEY)
        if not lines[0].startswith(UNTRUSTED_PREFIX):
            raise MinisignError(_MSG_DAMAGED_SECKEY)
        raw = _b64decode_exact(lines[1], _SECKEY_STRUCT_BYTES, _MSG_DAMAGED_SECKEY)
        sig_alg, kdf_alg, chk_alg = raw[0:2], raw[2:4], raw[4:6]
        if sig_alg != _SIGALG or chk_alg != _CHK_BLAKE2B:
            raise MinisignError(_MSG_DAMAGED_SECKEY)
        if kdf_alg == _KDF_SCRYPT:
            raise MinisignError(E.MINISIGN_SECRET_KEY_FILE_PROTECTED)
        if kdf_alg != _KDF_NONE:
            raise MinisignError(_MSG_DAMAGED_SECKEY)
        key_id, sk, chk = raw[54:62], raw[62:126], raw[126:158]
        # Some minisign versions leave the checksum zeroed for unencrypted keys; when it
        # is present it must be right.  Either way the embedded public half must match.
        if any(chk):
            expected = hashlib.blake2b(sig_alg + key_id + sk, digest_size=32).digest()
            if not hmac.compare_digest(chk, expected):
                raise MinisignError(_MSG_DAMAGED_SECKEY)
        key = cls.from_raw(sk[:SEED_BYTES], key_id)
        if not hmac.compare_digest(key.public_key().raw, sk[SEED_BYTES:]):
            raise MinisignError(_MSG_DAMAGED_SECKEY)
        return key

    @property
    def key_id(self) -> bytes:
        """The 8 bytes that every signature repeats, so verifiers can spot the wrong key."""
        return self._key_id

    def raw_private_bytes(self) -> bytes:
        """The 32-byte Ed25519 seed, for storing the key in the encrypted vault."""
        return self._key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())

    def public_key(self) -> PublicKey:
        """The matching public key, to hand out for verification."""
        raw = self._key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return PublicKey(key_id=self._key_id, raw=raw)

    def sign(
        self,
        data: bytes,
        trusted_comment: str | None = None,
        untrusted_comment: str = DEFAULT_SIGNATURE_COMMENT,
        prehash: bool = True,
    ) -> str:
        """Return the full `.minisig` text for `data`.

        The default trusted comment mirrors minisign's: "timestamp:<unix seconds>",
        followed by a tab and "hashed" for pre-hashed signatures.
        """
        if trusted_comment is None:
            trusted_comment = f"timestamp:{int(time.time())}"
            if prehash:
                trusted_comment += "\thashed"
        trusted = _check_comment(trusted_comment, TRUSTED_COMMENT_MAX_BYTES, E.WORD_TRUSTED)
        _check_comment(untrusted_comment, UNTRUSTED_COMMENT_MAX_BYTES, E.WORD_UNTRUSTED)
        data = bytes(data)
        if prehash:
            alg = ALG_PREHASHED
            signature = self._key.sign(hashlib.blake2b(data).digest())
        else:
            alg = ALG_LEGACY
            signature = self._key.sign(data)
        global_signature = self._key.sign(signature + trusted)
        sig_line = base64.b64encode(alg.encode("ascii") + self._key_id + signature)
        return (
            f"{UNTRUSTED_PREFIX}{untrusted_comment}\n"
            f"{sig_line.decode('ascii')}\n"
            f"{TRUSTED_PREFIX}{trusted_comment}\n"
            f"{base64.b64encode(global_signature).decode('ascii')}\n"
        )


# --- signatures ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Signature:
    """A parsed `.minisig` file.  Parsing alone proves nothing: call `verify`."""

    algorithm: str
    key_id: bytes
    signature: bytes
    trusted_comment: str
    global_signature: bytes
    untrusted_comment: str = ""

    @property
    def prehashed(self) -> bool:
        """Pre-hashed ("ED") signatures cover BLAKE2b-512(data) rather than the data."""
        return self.algorithm == ALG_PREHASHED

    @property
    def key_id_hex(self) -> str:
        """The signing key's id as minisign displays it."""
        return _key_id_hex(self.key_id)


def parse_signature(text: str | bytes) -> Signature:
    """Parse a `.minisig` file strictly; raise MinisignError if it is malformed."""
    lines = _split_lines(_as_text(text, _MSG_DAMAGED_SIG), 4, _MSG_DAMAGED_SIG)
    untrusted_line, sig_line, trusted_line, global_line = lines
    if not untrusted_line.startswith(UNTRUSTED_PREFIX):
        raise MinisignError(_MSG_DAMAGED_SIG)
    untrusted_comment = untrusted_line[len(UNTRUSTED_PREFIX) :]
    if len(_utf8(untrusted_comment, _MSG_DAMAGED_SIG)) > UNTRUSTED_COMMENT_MAX_BYTES:
        raise MinisignError(_MSG_DAMAGED_SIG)
    raw = _b64decode_exact(sig_line, _SIG_STRUCT_BYTES, _MSG_DAMAGED_SIG)
    algorithm = raw[:2].decode("latin-1")
    if algorithm not in (ALG_PREHASHED, ALG_LEGACY):
        raise MinisignError(E.MINISIGN_UNKNOWN_ALGORITHM)
    if not trusted_line.startswith(TRUSTED_PREFIX):
        raise MinisignError(_MSG_DAMAGED_SIG)
    trusted_comment = trusted_line[len(TRUSTED_PREFIX) :]
    if len(_utf8(trusted_comment, _MSG_DAMAGED_SIG)) > TRUSTED_COMMENT_MAX_BYTES:
        raise MinisignError(_MSG_DAMAGED_SIG)
    global_signature = _b64decode_exact(global_line, SIGNATURE_BYTES, _MSG_DAMAGED_SIG)
    return Signature(
        algorithm=algorithm,
        key_id=raw[2:10],
        signature=raw[10:],
        trusted_comment=trusted_comment,
        global_signature=global_signature,
        untrusted_comment=untrusted_comment,
    )


def verify(
    public_key: PublicKey,
    data: bytes,
    signature_text: str | bytes,
    *,
    allow_legacy: bool = True,
) -> str:
    """Check `data` and the trusted comment against `public_key`; return the comment.

    Raises WrongKey (a BadSignature) if another key signed, BadSignature if the data or
    the trusted comment were changed, and MinisignError if the file is malformed or
    uses the legacy format while `allow_legacy` is false.
    """
    sig = parse_signature(signature_text)
    if not hmac.compare_digest(sig.key_id, public_key.key_id):
        raise WrongKey(_MSG_WRONG_KEY)
    if not sig.prehashed and not allow_legacy:
        raise MinisignError(_MSG_LEGACY)
    key = public_key._ed25519()
    data = bytes(data)
    message = hashlib.blake2b(data).digest() if sig.prehashed else data
    try:
        key.verify(sig.signature, message)
    except InvalidSignature:
        raise BadSignature(_MSG_BAD_DATA) from None
    trusted = sig.trusted_comment.encode("utf-8")  # parse_signature proved it encodes
    try:
        key.verify(sig.global_signature, sig.signature + trusted)
    except InvalidSignature:
        raise BadSignature(_MSG_BAD_COMMENT) from None
    return sig.trusted_comment
