"""The organizer's keys and campaign export.

The key is backed up before anything can depend on it, because losing the key loses every
signature: exporting a campaign is refused until a passphrase-protected backup file exists
AND recovery shares were printed (`key_safety`), in the app and on the command line alike.
Only an explicit `without_shares` (the command line's `--without-shares`) lets a campaign
go out with the backup file alone.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from . import age
from .atomic import atomic_write
from .campaign import Campaign, build_package, doc_from_spec, read_package, validate_doc
from .device import Device
from .errors import BackupRequired, E, IdentityError
from .identity import OrganizerIdentity, now_iso
from .vault import Vault

BACKUP_WORK_FACTOR = 18
META_SHARES = "organizer_shares_printed"  # "K/N" of the last shares printed
LEGACY_META_SHARES = "gui_org_shares_printed"  # the same, kept by the app's wizard before


def load(vault: Vault) -> OrganizerIdentity | None:
    row = vault.conn.execute(
        "SELECT name, recipient_kind, age_identity, signing_key, created_at FROM organizer"
    ).fetchone()
    if row is None:
        return None
    return OrganizerIdentity(
        row[0], row[1], row[2], OrganizerIdentity.signing_from_blob(bytes(row[3])), row[4]
    )


def require(vault: Vault) -> OrganizerIdentity:
    ident = load(vault)
    if ident is None:
        raise IdentityError(E.ORGANIZER_NO_KEYS)
    return ident


def is_backed_up(vault: Vault) -> bool:
    row = vault.conn.execute("SELECT backed_up_at FROM organizer").fetchone()
    return row is not None and row[0] is not None


@dataclass(frozen=True)
class KeySafety:
    """What keeps the organizer key from being lost; a campaign goes out only when ready."""

    backed_up: bool  # a passphrase-protected backup file was written (or keys came from one)
    shares: str | None  # "K/N" once recovery shares were printed

    @property
    def ready(self) -> bool:
        return self.backed_up and self.shares is not None


def key_safety(vault: Vault) -> KeySafety:
    shares = vault.get_meta(META_SHARES) or vault.get_meta(LEGACY_META_SHARES)
    return KeySafety(is_backed_up(vault), shares.decode("ascii", "replace") if shares else None)


def record_shares(vault: Vault, threshold: int, shares: int) -> None:
    """Called once the shares PDF is in place: they count as printed from now on."""
    with vault.transaction() as conn:
        vault.set_meta(conn, META_SHARES, f"{threshold}/{shares}".encode())


def require_key_safe(vault: Vault, *, without_shares: bool = False) -> None:
    """The one rule both faces ask before a campaign is exported."""
    safety = key_safety(vault)
    if not safety.backed_up:
        raise BackupRequired(E.ORGANIZER_BACK_UP_ORGANIZER_KEY)
    if safety.shares is None and not without_shares:
        raise BackupRequired(E.ORGANIZER_PRINT_RECOVERY_SHARES_ORGANIZER)


def init(vault: Vault, name: str, recipient_kind: str = "hybrid") -> OrganizerIdentity:
    if load(vault) is not None:
        raise IdentityError(E.ORGANIZER_VAULT_ALREADY_ORGANIZER_KEYS)
    name = name.strip()
    if not name:
        raise IdentityError(E.ORGANIZER_GIVE_ORGANIZER_NAME)
    ident = OrganizerIdentity.generate(name, recipient_kind)
    store(vault, ident, backed_up=False)
    return ident


def store(vault: Vault, ident: OrganizerIdentity, *, backed_up: bool) -> None:
    """Keep organizer keys in the vault; `backed_up` when they come from a backup or shares."""
    with vault.transaction() as conn:
        conn.execute(
            "INSERT INTO organizer(id, name, recipient_kind, age_identity, signing_key, "
            "created_at, backed_up_at) VALUES (1,?,?,?,?,?,?)",
            (
                ident.name,
                ident.recipient_kind,
                ident.age_identity,
                ident.signing_blob(),
                ident.created_at,
                now_iso() if backed_up else None,
            ),
        )


def backup(vault: Vault, out: Path, passphrase: str) -> None:
    """Write the identity as an age file under a passphrase (scrypt); `age -d` opens it."""
    if len(passphrase) < 8:
        raise IdentityError(E.ORGANIZER_BACKUP_PASSPHRASE_MUST_LEAST)
    ident = require(vault)
    sealed = age.encrypt(
        ident.identity_file().encode(),
        [age.ScryptRecipient(passphrase.encode(), work_factor=BACKUP_WORK_FACTOR)],
    )
    atomic_write(out, sealed, what=E.WORD_THE_KEY_BACKUP)
    with vault.transaction() as conn:
        conn.execute("UPDATE organizer SET backed_up_at = ?", (now_iso(),))


def write_identity(vault: Vault, out: Path) -> None:
    """The plain identity file, for recovery with the age tool. Handle like cash."""
    atomic_write(out, require(vault).identity_file().encode(), what=E.WORD_THE_IDENTITY_FILE)


def restore_backup(vault: Vault, data: bytes, passphrase: str) -> OrganizerIdentity:
    """Rebuild the organizer keys from a backup file made by `backup`."""
    if load(vault) is not None:
        raise IdentityError(E.ORGANIZER_VAULT_ALREADY_ORGANIZER_KEYS)
    plain = age.decrypt(data, [age.ScryptIdentity(passphrase.encode())], max_size=64 * 1024)
    ident = OrganizerIdentity.from_identity_file(plain.decode("utf-8", "replace"))
    store(vault, ident, backed_up=True)
    return ident


def create_campaign(
    vault: Vault, spec_text: str, *, without_shares: bool = False
) -> tuple[Campaign, bytes]:
    """Build and sign the package, and keep the campaign in the organizer's own vault."""
    ident = require(vault)
    require_key_safe(vault, without_shares=without_shares)
    doc = doc_from_spec(spec_text, ident)
    held = Device(vault).campaign()
    if held is not None and held.id == doc["id"] and "revision" not in tomllib.loads(spec_text):
        doc["revision"] = held.revision + 1  # a new package of this campaign supersedes the old
        validate_doc(doc)
    package = build_package(doc, ident)
    campaign = read_package(package)
    Device(vault).import_campaign(package)
    return campaign, package
