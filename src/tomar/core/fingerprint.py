"""Fingerprints a person can read aloud and compare over the phone.

Digits rather than letters: every campaign language has words for them, and Persian
speakers can read them in Persian or English alike.
"""

from __future__ import annotations

import hashlib

from .normalize import normalize_digits

GROUPS = 6
GROUP_DIGITS = 5


def digest(label: str, *parts: bytes) -> bytes:
    """Domain-separated SHA-256 over length-prefixed parts."""
    h = hashlib.sha256(label.encode() + b"\x00")
    for part in parts:
        h.update(len(part).to_bytes(4, "big"))
        h.update(part)
    return h.digest()


def same(typed: str, shown: str) -> bool:
    """Compare fingerprints as read aloud: only digits count, Persian or Latin alike."""

    def digits(text: str) -> str:
        return "".join(ch for ch in normalize_digits(text) if ch in "0123456789")

    return digits(typed) == digits(shown)


def readable(fpr: bytes) -> str:
    """Six groups of five digits (about 100 bits), e.g. '04211 93817 ...'."""
    groups = []
    for i in range(GROUPS):
        chunk = int.from_bytes(fpr[i * 5 : i * 5 + 5], "big")
        groups.append(f"{chunk % 10**GROUP_DIGITS:0{GROUP_DIGITS}d}")
    return " ".join(groups)
