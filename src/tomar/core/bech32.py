"""Strict Bech32 (BIP 173, not Bech32m) as used by age key strings.

age keys need Bech32 without BIP 173's 90-character limit (hybrid
post-quantum recipients are almost 2,000 characters long), which is why
Tomar carries its own small codec instead of a Bitcoin library.

Decoding is strict on purpose: mixed case, characters outside the
alphabet, a bad checksum and non-zero padding bits are all rejected, so one
key has exactly one accepted spelling (modulo all-upper/all-lower case).
"""

from __future__ import annotations

from tomar.core.errors import AgeError

from .errors import E

__all__ = ["Bech32Error", "decode", "encode"]

_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_CHARSET_REV: dict[str, int] = {c: i for i, c in enumerate(_CHARSET)}
_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


class Bech32Error(AgeError):
    """A key string is not valid Bech32 (typo, truncation or wrong case)."""


def _polymod(values: list[int]) -> int:
    chk = 1
    for v in values:
        top = chk >> 25
        chk = ((chk & 0x1FFFFFF) << 5) ^ v
        for i in range(5):
            if (top >> i) & 1:
                chk ^= _GENERATOR[i]
    return chk


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _checksum(hrp: str, data: list[int]) -> list[int]:
    pm = _polymod([*_hrp_expand(hrp), *data, 0, 0, 0, 0, 0, 0]) ^ 1
    return [(pm >> (5 * (5 - i))) & 31 for i in range(6)]


def _to_5bit(data: bytes) -> list[int]:
    acc = 0
    bits = 0
    out: list[int] = []
    for b in data:
        acc = (acc << 8) | b
        bits += 8
        while bits >= 5:
            bits -= 5
            out.append((acc >> bits) & 31)
    if bits:
        out.append((acc << (5 - bits)) & 31)
    return out


def _to_8bit(data: list[int]) -> bytes:
    acc = 0
    bits = 0
    out = bytearray()
    for v in data:
        acc = (acc << 5) | v
        bits += 5
        while bits >= 8:
            bits -= 8
            out.append((acc >> bits) & 0xFF)
    # Leftover must be shorter than one input group and all zero, or two
    # different strings would decode to the same bytes.
    if bits >= 5 or (acc & ((1 << bits) - 1)):
        raise Bech32Error(E.BECH32_KEY_INCOMPLETE)
    return bytes(out)


def encode(hrp: str, data: bytes) -> str:
    """Encode `data` under `hrp`; an all-uppercase hrp gives an all-uppercase string."""
    if not hrp or any(not 33 <= ord(c) <= 126 for c in hrp):
        raise Bech32Error(E.BECH32_INTERNAL_BAD_PREFIX)
    if hrp.lower() != hrp and hrp.upper() != hrp:
        raise Bech32Error(E.BECH32_INTERNAL_BAD_PREFIX)
    lower = hrp.lower()
    values = _to_5bit(data)
    s = lower + "1" + "".join(_CHARSET[v] for v in (*values, *_checksum(lower, values)))
    return s.upper() if hrp.upper() == hrp and hrp.lower() != hrp else s


def decode(s: str) -> tuple[str, bytes]:
    """Decode a Bech32 string; returns the hrp exactly as written, and the data bytes.

    The hrp keeps its case so callers can insist on the canonical spelling
    (age recipients are lowercase, age secret keys uppercase).
    """
    if s.lower() != s and s.upper() != s:
        raise Bech32Error(E.BECH32_KEY_MIXES_UPPER_LOWER)
    pos = s.rfind("1")
    if pos < 1 or pos + 7 > len(s):
        raise Bech32Error(E.BECH32_NOT_A_KEY)
    hrp = s[:pos]
    if any(not 33 <= ord(c) <= 126 for c in hrp):
        raise Bech32Error(E.BECH32_NOT_A_KEY)
    values: list[int] = []
    for c in s[pos + 1 :].lower():
        v = _CHARSET_REV.get(c)
        if v is None:
            raise Bech32Error(E.BECH32_BAD_CHARACTER)
        values.append(v)
    if _polymod([*_hrp_expand(hrp.lower()), *values]) != 1:
        raise Bech32Error(E.BECH32_BAD_CHECKSUM)
    return hrp, _to_8bit(values[:-6])
