"""Organizer key recovery with SLIP-39 shares: any K of N printed shares rebuild the keys.

The organizer identity (an age secret key plus the minisign signing key) is packed into
one compact secret and split with shamir-mnemonic, the reference SLIP-39 code:

    byte 0      format version (1)
    byte 1      recipient kind: 0 = X25519, 1 = mlkem768x25519 (hybrid)
    bytes 2-33  age key material: the X25519 scalar or the hybrid seed (32 bytes)
    bytes 34-65 Ed25519 seed of the signing key
    bytes 66-73 minisign key id
                (74 bytes: SLIP-39 needs an even length of at least 16)

The organizer's name and creation time are not in the secret (they are not needed to
read signatures); a restore takes them from the caller.
"""

from __future__ import annotations

from collections.abc import Iterable

import shamir_mnemonic
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from . import age, bech32, organizer
from .errors import E, ErrorCode, IdentityError
from .identity import OrganizerIdentity, now_iso
from .vault import Vault

SECRET_VERSION = 1
SECRET_LEN = 74
_KINDS = {"x25519": 0, "hybrid": 1}
MAX_SHARES = 16


class RecoveryError(IdentityError):
    pass


def pack(ident: OrganizerIdentity) -> bytes:
    """The identity as the compact secret that the shares carry."""
    _, key = bech32.decode(ident.age_identity)
    blob = ident.signing_blob()  # key id (8) + Ed25519 seed (32)
    secret = bytes([SECRET_VERSION, _KINDS[ident.recipient_kind]]) + key + blob[8:] + blob[:8]
    assert len(secret) == SECRET_LEN
    return secret


def unpack(
    secret: bytes, *, name: str = "organizer", created_at: str | None = None
) -> OrganizerIdentity:
    if len(secret) != SECRET_LEN or secret[0] != SECRET_VERSION or secret[1] not in (0, 1):
        raise RecoveryError(E.RECOVERY_NOT_AN_ORGANIZER_KEY)
    key, seed, key_id = secret[2:34], secret[34:66], secret[66:74]
    ident: age.X25519Identity | age.HybridIdentity
    if secret[1] == 0:
        ident = age.X25519Identity(X25519PrivateKey.from_private_bytes(key))
        kind = "x25519"
    else:
        ident = age.HybridIdentity.from_seed(key)
        kind = "hybrid"
    signing = OrganizerIdentity.signing_from_blob(key_id + seed)
    return OrganizerIdentity(name, kind, ident.to_string(), signing, created_at or now_iso())


def split(ident: OrganizerIdentity, threshold: int, shares: int) -> list[str]:
    """N mnemonic shares (one group), any `threshold` of which restore the identity."""
    if not 1 <= shares <= MAX_SHARES:
        raise RecoveryError(E.RECOVERY_MAKE_BETWEEN_1_SHARES, max_shares=MAX_SHARES)
    if not 1 <= threshold <= shares:
        raise RecoveryError(E.RECOVERY_THRESHOLD_MUST_BETWEEN_1)
    if threshold == 1 and shares > 1:
        raise RecoveryError(E.RECOVERY_THRESHOLD_1_EVERY_SHARE)
    groups = shamir_mnemonic.generate_mnemonics(1, [(threshold, shares)], pack(ident))
    return list(groups[0])


def normalize_share(line: str) -> str:
    """A share as typed: any case and spacing, optional word numbers like '12.' dropped."""
    words = [w for w in line.lower().replace(",", " ").split() if not w.rstrip(".)").isdigit()]
    return " ".join(words)


def parse_share_lines(content: str) -> list[str]:
    """One share per line; blank lines and lines starting with '#' are skipped."""
    return [
        normalize_share(line)
        for line in content.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def share_info(share: str) -> tuple[int, int, int]:
    """(set identifier, member index counted from 1, threshold) of one share."""
    try:
        parsed = shamir_mnemonic.Share.from_mnemonic(normalize_share(share))
    except (shamir_mnemonic.MnemonicError, ValueError):
        raise RecoveryError(E.RECOVERY_BAD_SHARE) from None
    return parsed.identifier, parsed.index + 1, parsed.member_threshold


def combine(shares: Iterable[str], *, name: str = "organizer") -> OrganizerIdentity:
    """Rebuild the identity from enough shares of one set."""
    cleaned = [normalize_share(s) for s in shares if s.strip()]
    if not cleaned:
        raise RecoveryError(E.RECOVERY_NO_SHARES)
    for share in cleaned:
        share_info(share)
    try:
        secret = shamir_mnemonic.combine_mnemonics(cleaned)
    except (shamir_mnemonic.MnemonicError, ValueError) as exc:
        raise RecoveryError(_why(exc)) from None
    return unpack(secret, name=name)


def _why(exc: Exception) -> ErrorCode:
    text = str(exc).lower()
    if "insufficient" in text or "threshold" in text or "wrong number" in text:
        return E.RECOVERY_NOT_ENOUGH_SHARES
    if "identifier" in text or "common" in text or "group" in text:
        return E.RECOVERY_SHARES_OF_DIFFERENT_SETS
    if "unique" in text:
        return E.RECOVERY_SAME_SHARE_TWICE
    return E.RECOVERY_SHARES_DO_NOT_FIT


def restore(vault: Vault, shares: Iterable[str], *, name: str | None = None) -> OrganizerIdentity:
    """Store the organizer keys rebuilt from shares in a vault that has none (as a backup
    restore does). If the vault holds the campaign, its organizer key must match."""
    if organizer.load(vault) is not None:
        raise IdentityError(E.ORGANIZER_VAULT_ALREADY_ORGANIZER_KEYS)
    row = vault.conn.execute("SELECT package FROM campaign LIMIT 1").fetchone()
    campaign = None
    if row is not None:
        from .campaign import read_package

        campaign = read_package(bytes(row[0]))
    ident = combine(
        shares, name=name or (campaign.doc["organizer"]["name"] if campaign else "organizer")
    )
    if campaign is not None and campaign.organizer_fpr != ident.fingerprint_bytes:
        raise RecoveryError(E.RECOVERY_THESE_SHARES_RESTORE_ANOTHER)
    organizer.store(vault, ident, backed_up=True)
    return ident
