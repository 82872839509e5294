"""The volunteer PIN that guards leaving the kiosk, one per event.

Kept as an scrypt hash in the vault's `meta` table (through the Vault API; no new table),
so it survives a restart of the app during the rally and is as protected as the rest of
the vault. A PIN is short, so the hash only slows guessing at the screen; the attempt
delay in the PIN dialog does the rest. Persian digits typed on a Persian keyboard count
as the same digits.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os

from ..core.normalize import normalize_digits
from ..core.vault import Vault

META_KEY = "gui_kiosk_pin"
MIN_LEN = 4
MAX_LEN = 12
_N, _R, _P = 2**14, 8, 1


def clean(pin: str) -> str:
    """The PIN with Persian/Arabic digits turned into ASCII and spaces removed."""
    return "".join(normalize_digits(pin).split())


def is_valid(pin: str) -> bool:
    pin = clean(pin)
    return MIN_LEN <= len(pin) <= MAX_LEN and pin.isascii() and pin.isdigit()


def _hash(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(clean(pin).encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)


def set_pin(vault: Vault, event_id: str, pin: str) -> None:
    if not is_valid(pin):
        raise ValueError("invalid PIN")
    salt = os.urandom(16)
    doc = {
        "event": event_id,
        "salt": base64.b64encode(salt).decode(),
        "hash": base64.b64encode(_hash(pin, salt)).decode(),
    }
    with vault.transaction() as conn:
        vault.set_meta(conn, META_KEY, json.dumps(doc).encode())


def _stored(vault: Vault, event_id: str) -> tuple[bytes, bytes] | None:
    raw = vault.get_meta(META_KEY)
    if not raw:
        return None
    try:
        doc = json.loads(raw)
        if doc["event"] != event_id:
            return None
        return base64.b64decode(doc["salt"]), base64.b64decode(doc["hash"])
    except (ValueError, KeyError, TypeError):
        return None


def has_pin(vault: Vault, event_id: str) -> bool:
    return _stored(vault, event_id) is not None


def check_pin(vault: Vault, event_id: str, pin: str) -> bool:
    stored = _stored(vault, event_id)
    if stored is None or not is_valid(pin):
        return False
    salt, expected = stored
    return hmac.compare_digest(_hash(pin, salt), expected)


def forget(vault: Vault) -> None:
    """Drop the PIN when its event ends."""
    with vault.transaction() as conn:
        vault.set_meta(conn, META_KEY, b"")
