"""The key file: the only copy of the database key, wrapped by Argon2id of the passphrase.

Destroying this one small file is the crypto-erase: without it the database is random bytes.
"""

from __future__ import annotations

import base64
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from . import canon
from .atomic import atomic_write
from .errors import E, KeyFileError, WrongPassphrase

FORMAT = "tomar-key"
VERSION = 1
MIN_MEMORY_KIB = 64 * 1024
MAX_KEYFILE_BYTES = 4096


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The default takes about 0.4 s on a 2-core laptop."""

    memory_kib: int = 256 * 1024
    iterations: int = 3
    lanes: int = 4

    def check(self) -> None:
        if not (MIN_MEMORY_KIB <= self.memory_kib <= 4 * 1024 * 1024):
            raise KeyFileError(E.KEYFILE_KEY_FILE_ASKS_UNSAFE)
        if not (1 <= self.iterations <= 64 and 1 <= self.lanes <= 64):
            raise KeyFileError(E.KEYFILE_KEY_FILE_UNUSUAL_SETTINGS)


# What every new key file gets. Nothing in the shipped program changes it: the tests
# replace it in their own processes (tests/conftest.py, tests/kdf/sitecustomize.py).
DEFAULT_PARAMS = KdfParams()


def passphrase_bytes(passphrase: str) -> bytes:
    """NFC so that a Persian passphrase typed on another keyboard layout still matches."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _kek(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(passphrase_bytes(passphrase))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


DEFAULT_DATABASE = "tomar.db"
_DATABASE = re.compile(r"^tomar(-[0-9a-f]{8,32})?\.db$")


def _aad(params: KdfParams, salt: bytes, database: str) -> bytes:
    return json.dumps(
        [FORMAT, VERSION, params.memory_kib, params.iterations, params.lanes, _b64(salt), database]
    ).encode()


def write(
    path: Path,
    db_key: bytes,
    passphrase: str,
    params: KdfParams | None = None,
    database: str = DEFAULT_DATABASE,
) -> None:
    """Wrap `db_key` under the passphrase and write the key file atomically.

    The key file names its database file, so that replacing the key file is the single
    atomic step that switches to a freshly keyed database (see Vault.rebuild).
    """
    params = params or DEFAULT_PARAMS
    params.check()
    if not _DATABASE.match(database):
        raise KeyFileError(E.KEYFILE_INVALID_DATABASE_NAME)
    salt = os.urandom(16)
    nonce = os.urandom(12)
    wrapped = ChaCha20Poly1305(_kek(passphrase, salt, params)).encrypt(
        nonce, db_key, _aad(params, salt, database)
    )
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "database": database,
        "kdf": "argon2id",
        "memory_kib": params.memory_kib,
        "iterations": params.iterations,
        "lanes": params.lanes,
        "salt": _b64(salt),
        "nonce": _b64(nonce),
        "wrapped_key": _b64(wrapped),
    }
    atomic_write(path, json.dumps(doc, indent=2).encode() + b"\n", what=E.WORD_THE_KEY_FILE)


@dataclass(frozen=True)
class KeyFile:
    params: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes
    database: str


def read(path: Path) -> KeyFile:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise KeyFileError(E.KEYFILE_KEY_FILE_MISSING_VAULT) from None
    except OSError as exc:
        raise KeyFileError(E.KEYFILE_UNREADABLE, detail=exc.strerror) from None
    if len(raw) > MAX_KEYFILE_BYTES:
        raise KeyFileError(E.KEYFILE_KEY_FILE_DAMAGED_TOO)
    try:
        doc = canon.loads(raw)
        if doc["format"] != FORMAT or doc["version"] != VERSION or doc["kdf"] != "argon2id":
            raise KeyFileError(E.KEYFILE_KEY_FILE_KIND_VERSION)
        params = KdfParams(int(doc["memory_kib"]), int(doc["iterations"]), int(doc["lanes"]))
        database = str(doc.get("database", DEFAULT_DATABASE))
        salt = base64.b64decode(doc["salt"], validate=True)
        nonce = base64.b64decode(doc["nonce"], validate=True)
        wrapped = base64.b64decode(doc["wrapped_key"], validate=True)
    except KeyFileError:
        raise
    except (ValueError, KeyError, TypeError, OverflowError):
        raise KeyFileError(E.KEYFILE_KEY_FILE_DAMAGED) from None
    params.check()
    if len(salt) != 16 or len(nonce) != 12 or len(wrapped) != 48 or not _DATABASE.match(database):
        raise KeyFileError(E.KEYFILE_KEY_FILE_DAMAGED)
    return KeyFile(params, salt, nonce, wrapped, database)


def unwrap(path: Path, passphrase: str) -> bytes:
    """Return the database key, or raise WrongPassphrase. Never writes."""
    kf = read(path)
    try:
        return ChaCha20Poly1305(_kek(passphrase, kf.salt, kf.params)).decrypt(
            kf.nonce, kf.wrapped, _aad(kf.params, kf.salt, kf.database)
        )
    except InvalidTag:
        raise WrongPassphrase(E.KEYFILE_WRONG_PASSPHRASE) from None
