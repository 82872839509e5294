"""The key recipient types (X25519 and hybrid ML-KEM-768 + X25519) and their key
strings (age1..., AGE-SECRET-KEY-...)."""

from __future__ import annotations

import os
from hashlib import shake_256
from typing import ClassVar

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric import mlkem
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from tomar.core import bech32

from ..errors import AgeError, AgeHeaderError, E
from .format import (
    _HRP_HYBRID_IDENTITY,
    _HRP_HYBRID_RECIPIENT,
    _HRP_X25519_IDENTITY,
    _HRP_X25519_RECIPIENT,
    _HYBRID_ENC_SIZE,
    _HYBRID_LABEL,
    _HYBRID_PUB_SIZE,
    _HYBRID_SUITE,
    _MLKEM_PUB_SIZE,
    _MSG_STANZA,
    _WRAPPED_KEY_SIZE,
    _X25519_LABEL,
    _ZERO_NONCE,
    Stanza,
    _aead_unwrap,
    _b64decode,
    _b64encode,
    _hkdf,
)

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
            raise AgeError(E.AGE_BAD_PUBLIC_KEY)
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
            raise AgeError(E.AGE_WEAK_PUBLIC_KEY) from None
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
            raise AgeError(E.AGE_BAD_SECRET_KEY)
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


# --- key string parsing --------------------------------------------------------------------


def parse_recipient(s: str) -> X25519Recipient | HybridRecipient:
    """Parse an ``age1...`` or ``age1pq1...`` public key."""
    hrp, _ = bech32.decode(s)
    if hrp == _HRP_HYBRID_RECIPIENT:
        return HybridRecipient.parse(s)
    if hrp == _HRP_X25519_RECIPIENT:
        return X25519Recipient.parse(s)
    raise AgeError(E.AGE_NOT_A_PUBLIC_KEY)


def parse_identity(s: str) -> X25519Identity | HybridIdentity:
    """Parse an ``AGE-SECRET-KEY-1...`` or ``AGE-SECRET-KEY-PQ-1...`` secret key."""
    hrp, _ = bech32.decode(s)
    if hrp == _HRP_HYBRID_IDENTITY:
        return HybridIdentity.parse(s)
    if hrp == _HRP_X25519_IDENTITY:
        return X25519Identity.parse(s)
    raise AgeError(E.AGE_NOT_A_SECRET_KEY)


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
            raise AgeError(E.AGE_BAD_KEY_FILE_LINE, number=number) from None
    if not identities:
        raise AgeError(E.AGE_KEY_FILE_WITHOUT_SECRET_KEYS)
    return identities
