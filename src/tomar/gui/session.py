"""The app's one open vault, and everything that must be dropped when it locks.

Qt-free on purpose: it is the seam between the screens and `tomar.core`, and tests can
drive it without widgets.
"""

from __future__ import annotations

from pathlib import Path

from ..core import vault as core_vault
from ..core.device import Device, init_vault
from ..core.errors import E, VaultError, WrongPassphrase

MIN_PASSPHRASE = 8


class Session:
    """Owns the unlocked `Device` (and so the database handle and key) while open."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self._device: Device | None = None

    @property
    def has_vault(self) -> bool:
        return core_vault.exists(self.home)

    @property
    def is_open(self) -> bool:
        return self._device is not None

    @property
    def device(self) -> Device:
        if self._device is None:
            raise VaultError(E.VAULT_LOCKED)
        return self._device

    def create(self, passphrase: str) -> Device:
        """Create the vault (slow: Argon2id); run it through the worker."""
        if len(passphrase) < MIN_PASSPHRASE:
            raise VaultError(E.CLI_CHOOSE_PASSPHRASE_LEAST_8)
        self.lock()
        self._device = Device(init_vault(self.home, passphrase))
        return self._device

    def unlock(self, passphrase: str) -> Device:
        """Open the vault (slow: Argon2id, and a growing delay after wrong passphrases)."""
        self.lock()
        opened = core_vault.Vault.open(self.home, passphrase)
        try:
            self._device = Device(opened)
        except BaseException:
            opened.close()
            raise
        return self._device

    def change_passphrase(self, passphrase: str, new_passphrase: str) -> None:
        """Rebuild the open vault under a fresh key wrapped by `new_passphrase` (slow:
        Argon2id twice and a copy of the database; run it through the worker).

        The session stays open: `Vault.rebuild` swaps the connection and key of the same
        `Vault` object, so the `Device` the screens hold keeps working on the new
        database. A wrong current passphrase counts toward the same back-off as unlock.
        """
        if len(new_passphrase) < MIN_PASSPHRASE:
            raise VaultError(E.CLI_CHOOSE_PASSPHRASE_LEAST_8)
        vault = self.device.vault
        core_vault.THROTTLE.before_attempt()
        try:
            vault.change_passphrase(passphrase, new_passphrase)
        except WrongPassphrase:
            core_vault.THROTTLE.failed()
            raise
        core_vault.THROTTLE.succeeded()

    def lock(self) -> None:
        """Close the database and overwrite the key; idempotent."""
        device, self._device = self._device, None
        if device is not None:
            device.vault.close()
