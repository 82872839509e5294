"""Fingerprints a person can read aloud and compare over the phone.

Digits rather than letters: every campaign language has words for them, and Persian
speakers can read them in Persian or English alike.
"""

from __future__ import annotations

import hashlib

GROUPS = 6
GROUP_DIGITS = 5


def digest(label: str, *parts: bytes) -> bytes:
    """Domain-separated SHA-256 over length-prefixed parts."""
    h = hashlib.sha256(label.encode() + b"\x00")
    for part in parts:
        h.update(len(part).to_bytes(4, "big"))
        h.update(part)
    return h.digest()


def readable(fpr: bytes) -> str:
    """Six groups of five digits (about 100 bits), e.g. '04211 93817 ...'."""
    groups = []
    for i in range(GROUPS):
        chunk = int.from_bytes(fpr[i * 5 : i * 5 + 5], "big")
        groups.append(f"{chunk % 10**GROUP_DIGITS:0{GROUP_DIGITS}d}")
    return " ".join(groups)
