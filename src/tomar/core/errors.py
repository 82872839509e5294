"""Every error a user can meet is a TomarError: a stable code and named arguments.

`raise FormatError(E.BATCH_BELONGS_ANOTHER_CAMPAIGN)`, `raise RecordProblem(rid,
E.INTAKE_TIME_DAMAGED)`: the code says what happened (core/error_codes.py), its template
says it in English (core/error_text/), and the app says it in the person's language from
the same code. An argument that a person reads as words (a kind of file, a reason) is a
code or a Message too, so that it is translated with the sentence; numbers, ids and names
are plain values. Messages never contain signer data: they name files, fields and record
ids only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .error_codes import ErrorCode
from .error_text import english

E = ErrorCode

__all__ = ["E", "ErrorCode", "Message", "TomarError", "Words"]


class Message(str):
    """A sentence by code that is kept rather than raised: a sync result's error, an
    import's message, a record's reason, a word with a number in it ("batch 4"). It is
    its English text (so the command line prints it and logs compare it) and carries its
    code and arguments, from which the app says it in the person's language."""

    code: ErrorCode
    params: Mapping[str, object]

    def __new__(cls, code: ErrorCode, /, **params: object) -> Message:
        self = super().__new__(cls, english(code, params))
        self.code = code
        self.params = params
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (_message, (self.code, dict(self.params)))


def _message(code: ErrorCode, params: dict[str, object]) -> Message:
    return Message(code, **params)


#: Something a person reads: a code said alone, or a message with its arguments.
Words = ErrorCode | Message


class TomarError(Exception):
    """Base of all expected, user-facing errors: `code` and named `params`."""

    def __init__(self, code: ErrorCode | Message, /, **params: object) -> None:
        if isinstance(code, Message):
            params = {**code.params, **params}
            code = code.code
        if not isinstance(code, ErrorCode):  # a bare sentence: see tests/test_error_codes.py
            raise TypeError(f"{type(self).__name__} takes an ErrorCode, not {type(code)}")
        self.code: ErrorCode = code
        self.params: Mapping[str, object] = params
        super().__init__(code.value)

    @property
    def message(self) -> Message:
        """This error as a message (to keep, or to put inside another sentence)."""
        return Message(self.code, **self.params)

    def __str__(self) -> str:
        return english(self.code, self.params)

    def __reduce__(self) -> tuple[Any, ...]:
        # Errors cross to and from worker processes; subclasses may have their own
        # __init__, so the state is restored as it is rather than by calling it.
        return (_rebuild, (type(self), dict(self.__dict__)))


def _rebuild(cls: type[TomarError], state: dict[str, Any]) -> TomarError:
    error = cls.__new__(cls)
    Exception.__init__(error, state["code"].value)
    error.__dict__.update(state)
    return error


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
    """One or more form fields are invalid; `problems` maps field name to a code, said
    per field in the signer's language."""

    def __init__(self, problems: Mapping[str, ErrorCode]) -> None:
        self.problems = dict(problems)
        fields = ", ".join(sorted(self.problems))
        super().__init__(E.VALIDATION_CHECK_FIELDS, fields=fields)


class NoEvent(TomarError):
    pass


class RecordNotFound(TomarError):
    pass
