"""Words for problems: validation keys and core errors, in a chosen language.

The core reports validation problems as keys per field ("required", "email_invalid"...)
so that the kiosk can explain them in the SIGNER's language, which may differ from the
interface language. Core errors (TomarError) carry an English sentence written for
volunteers; the common ones are translated here, the rest are shown as they are.
Anything that is not a TomarError becomes one generic sentence: its message might quote
what someone typed.
"""

from __future__ import annotations

from ..core.errors import TomarError
from .i18n import QT_TRANSLATE_NOOP, Languages

VALIDATION = "Validation"
CORE = "CoreErrors"

_VALIDATION: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("Validation", "Please fill this in."),
    "too_long": QT_TRANSLATE_NOOP("Validation", "This is too long. Please shorten it."),
    "email_invalid": QT_TRANSLATE_NOOP(
        "Validation", "This does not look like an email address, for example name@example.com."
    ),
    "phone_invalid": QT_TRANSLATE_NOOP(
        "Validation", "This does not look like a phone number. Include the country code."
    ),
    "consent_required": QT_TRANSLATE_NOOP(
        "Validation", "Please tick the box to agree, or you cannot sign."
    ),
    "signature_required": QT_TRANSLATE_NOOP("Validation", "Please sign in the box."),
    "signature_too_small": QT_TRANSLATE_NOOP(
        "Validation",
        "Your signature is too short. Please sign as you usually do: "
        "a dot or a small tick is not enough.",
    ),
    "paper_invalid": QT_TRANSLATE_NOOP(
        "Validation", "Please check the sheet number (letters, digits, -) and row (1-999)."
    ),
    "paper_row_taken": QT_TRANSLATE_NOOP(
        "Validation", "This row of this sheet was already entered."
    ),
    "paper_unknown_sheet": QT_TRANSLATE_NOOP(
        "Validation",
        "This device did not print a sheet with this number, or the sheet has fewer rows.",
    ),
}
_GENERIC_PROBLEM = QT_TRANSLATE_NOOP("Validation", "Please check this.")

GENERIC_ERROR = QT_TRANSLATE_NOOP(
    "CoreErrors",
    "Something unexpected went wrong. Nothing was lost. Please try again, "
    "and tell the organizer if it happens again.",
)

# Core messages that volunteers meet most often; others are shown in English.
_CORE: frozenset[str] = frozenset(
    {
        QT_TRANSLATE_NOOP("CoreErrors", "The passphrase is not correct."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "The disk is full: nothing was saved. Free some space and try again."
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "The vault is busy in another Tomar window: nothing was saved."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "The vault could not be written: nothing was saved."),
        QT_TRANSLATE_NOOP("CoreErrors", "The vault is locked."),
        QT_TRANSLATE_NOOP("CoreErrors", "Please give the event a name."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "Start an event first: signatures are collected at an event."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "That signature was already voided."),
        QT_TRANSLATE_NOOP("CoreErrors", "This is not a Tomar campaign package."),
        QT_TRANSLATE_NOOP("CoreErrors", "This campaign package is damaged."),
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "This campaign package was changed after the organizer signed it. Do not use it.",
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "Please choose a passphrase of at least 8 characters."),
        QT_TRANSLATE_NOOP("CoreErrors", "Export cancelled. Nothing was written."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "Nothing new to export: every record is already in a batch."
        ),
    }
)


def problem_text(languages: Languages, lang: str, key: str) -> str:
    """A validation problem key in words, in `lang`."""
    return languages.text(lang, VALIDATION, _VALIDATION.get(key, _GENERIC_PROBLEM))


def error_text(languages: Languages, lang: str, exc: BaseException) -> str:
    """What to tell a person about `exc`: a TomarError's sentence, else a generic one."""
    if isinstance(exc, TomarError):
        message = str(exc)
        return languages.text(lang, CORE, message) if message in _CORE else message
    return languages.text(lang, CORE, GENERIC_ERROR)
