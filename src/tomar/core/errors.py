"""Every error a user can meet is a TomarError with a message a volunteer understands.

Messages never contain signer data: they name files, fields and record ids only.
"""

from __future__ import annotations


class TomarError(Exception):
    """Base of all expected, user-facing errors."""


# --- vault and keys ---------------------------------------------------------


class VaultError(TomarError):
    """The local encrypted store cannot be used."""


class NoVault(VaultError):
    pass


class VaultExists(VaultError):
    pass


class WrongPassphrase(VaultError):
    pass


class UnsafeDatabase(VaultError):
    """A required SQLCipher safety setting is not in force."""


class KeyFileError(VaultError):
    pass


class StorageError(TomarError):
    """Disk full, I/O error, database locked: the save did not happen."""


# --- crypto formats ---------------------------------------------------------


class FormatError(TomarError):
    """A file is damaged, tampered with, truncated or of the wrong kind."""


class AgeError(FormatError):
    pass


class AgeHeaderError(AgeError):
    pass


class AgeNoMatch(AgeError):
    pass


class AgeHmacError(AgeError):
    pass


class AgePayloadError(AgeError):
    pass


class MinisignError(FormatError):
    pass


class BadSignature(MinisignError):
    pass


class StrokesError(FormatError):
    pass


# --- campaign, records ------------------------------------------------------


class CampaignError(TomarError):
    pass


class NoCampaign(CampaignError):
    pass


class IdentityError(TomarError):
    pass


class BackupRequired(IdentityError):
    pass


class ValidationError(TomarError):
    """One or more form fields are invalid; `problems` maps field name to a message key."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        fields = ", ".join(sorted(self.problems))
        super().__init__(f"Please check these fields: {fields}.")


class NoEvent(TomarError):
    pass


class RecordNotFound(TomarError):
    pass
