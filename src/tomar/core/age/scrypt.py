"""Passphrase recipients (scrypt), bounded so a hostile file cannot make us work for
minutes."""

from __future__ import annotations

import os

from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from ..errors import AgeError, AgeHeaderError, E
from .format import (
    _MSG_SCRYPT_ALONE,
    _MSG_STANZA,
    _MSG_WORK_FACTOR,
    _SCRYPT_LABEL,
    _WORK_FACTOR_RE,
    _WRAPPED_KEY_SIZE,
    _ZERO_NONCE,
    DEFAULT_MAX_WORK_FACTOR,
    DEFAULT_WORK_FACTOR,
    Stanza,
    _aead_unwrap,
    _b64decode,
    _b64encode,
)

# --- scrypt -------------------------------------------------------------------------------


def _scrypt_key(passphrase: bytes, salt: bytes, work_factor: int) -> bytes:
    kdf = Scrypt(salt=_SCRYPT_LABEL + salt, length=32, n=1 << work_factor, r=8, p=1)
    try:
        return kdf.derive(passphrase)
    except (ValueError, MemoryError):  # the memory the work factor needs is not available
        raise AgeError(E.AGE_NOT_ENOUGH_MEMORY) from None


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
