"""The age v1 file encryption format (https://c2sp.org/age), on `cryptography` only.

Tomar seals batches as age files so that organisers can open them with the
standard `age` tool, and so that Tomar can open files made by it. Parsing is
deliberately as strict as the reference Go implementation: there is exactly
one accepted encoding of every header, so nothing in a sealed file can be
changed without detection.

Supported recipient types: X25519 (``age1...``), the hybrid post-quantum
ML-KEM-768 + X25519 type (``age1pq1...``) and scrypt passphrases. This module seals
and opens files; the format is in `format.py`, the key types in `recipients.py` and
`scrypt.py`.

Error classes (all `TomarError` subclasses, with messages meant for people,
never containing key material):

* `AgeHeaderError`: the header is malformed, or a stanza addressed to one of
  our identities is malformed.
* `AgeNoMatch`: none of the given identities can open the file.
* `AgeHmacError`: the header was changed after sealing.
* `AgePayloadError`: the encrypted body is damaged, truncated or extended.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import hmac as crypto_hmac
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from ..errors import AgeError, AgeHeaderError, AgeHmacError, AgeNoMatch, AgePayloadError, E
from .format import (
    _MSG_EMPTY_LAST,
    _MSG_HMAC,
    _MSG_NO_IDENTITIES,
    _MSG_NO_MATCH,
    _MSG_PAYLOAD,
    _MSG_SCRYPT_ALONE,
    _MSG_STANZA,
    _MSG_TOO_BIG,
    _MSG_TRAILING,
    _MSG_TRUNCATED,
    CHUNK_SIZE,
    DEFAULT_MAX_WORK_FACTOR,
    DEFAULT_WORK_FACTOR,
    ENC_CHUNK_SIZE,
    FILE_KEY_SIZE,
    NONCE_SIZE,
    TAG_SIZE,
    Identity,
    Recipient,
    Stanza,
    _b64encode,
    _chunk_nonce,
    _Header,
    _header_mac,
    _hkdf,
    _labels,
    _parse_header,
    _payload_aead,
    _plaintext_size,
    _serialize_header,
)
from .recipients import (
    HybridIdentity,
    HybridRecipient,
    X25519Identity,
    X25519Recipient,
    parse_identity,
    parse_identity_file,
    parse_recipient,
)
from .scrypt import ScryptIdentity, ScryptRecipient

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


# --- encrypt / decrypt ------------------------------------------------------------------------


def encrypt(plaintext: bytes | bytearray | memoryview, recipients: Sequence[Recipient]) -> bytes:
    """Seal `plaintext` so that any one of `recipients` can open it."""
    if not recipients:
        raise AgeError(E.AGE_INTERNAL_NO_RECIPIENT)
    labels = _labels(recipients[0])
    for r in recipients[1:]:
        if _labels(r) != labels:
            if isinstance(r, ScryptRecipient) or isinstance(recipients[0], ScryptRecipient):
                raise AgeError(E.AGE_PASSPHRASE_NOT_ALONE)
            raise AgeError(E.AGE_POST_QUANTUM_CLASSIC_KEYS)
    file_key = os.urandom(FILE_KEY_SIZE)
    stanzas: list[Stanza] = []
    for r in recipients:
        stanzas.extend(r.wrap(file_key))
    if len(stanzas) > 1 and any(s.type == "scrypt" for s in stanzas):
        raise AgeError(E.AGE_PASSPHRASE_NOT_ALONE)
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
