"""Words for problems: validation keys and core errors, in a chosen language.

The core reports validation problems as keys per field ("required", "email_invalid"...)
so that the kiosk can explain them in the SIGNER's language, which may differ from the
interface language. Core errors (TomarError) carry an English sentence written for
volunteers; the common ones are translated here, the rest are shown as they are.
Sentences with parts that vary (a record id, a number, a kind of file) are matched
against templates with %1, %2... and translated with their parts put back; a part that
is itself a known sentence or word is translated too.
Anything that is not a TomarError becomes one generic sentence: its message might quote
what someone typed.
"""

from __future__ import annotations

import functools
import re

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

# Core messages that volunteers and organizers meet most often; others are shown in
# English.
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
        # What an organizer meets when a batch is rejected, and parts of the templates.
        QT_TRANSLATE_NOOP("CoreErrors", "This is not a Tomar batch."),
        QT_TRANSLATE_NOOP("CoreErrors", "This batch needs a newer version of Tomar."),
        QT_TRANSLATE_NOOP("CoreErrors", "This batch's manifest is damaged."),
        QT_TRANSLATE_NOOP("CoreErrors", "This batch belongs to another campaign."),
        QT_TRANSLATE_NOOP("CoreErrors", "This batch was sealed for another organizer key."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "This batch is incomplete: its manifest or signature is missing."
        ),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "This batch contains files that its manifest does not list."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "This batch is missing records that its manifest lists."),
        QT_TRANSLATE_NOOP("CoreErrors", "This batch lists the same record twice."),
        QT_TRANSLATE_NOOP("CoreErrors", "This batch uses the same sequence number twice."),
        QT_TRANSLATE_NOOP("CoreErrors", "This batch repeats records already received."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "This batch comes from a revoked device; it was not imported."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "This batch carries another device's certificate."),
        QT_TRANSLATE_NOOP("CoreErrors", "Import cancelled. Nothing was changed."),
        QT_TRANSLATE_NOOP("CoreErrors", "batch"),
        QT_TRANSLATE_NOOP("CoreErrors", "campaign package"),
        QT_TRANSLATE_NOOP("CoreErrors", "receipt"),
        QT_TRANSLATE_NOOP("CoreErrors", "its id or sequence number differs from the manifest."),
        QT_TRANSLATE_NOOP("CoreErrors", "it was signed by another device than the batch."),
        QT_TRANSLATE_NOOP("CoreErrors", "it belongs to another campaign or organizer key."),
        QT_TRANSLATE_NOOP("CoreErrors", "it is of an unknown version."),
        QT_TRANSLATE_NOOP("CoreErrors", "its event is damaged."),
        QT_TRANSLATE_NOOP("CoreErrors", "it is a damaged void record."),
        QT_TRANSLATE_NOOP("CoreErrors", "it is of an unknown type."),
        QT_TRANSLATE_NOOP("CoreErrors", "its paper sheet reference is damaged."),
        QT_TRANSLATE_NOOP("CoreErrors", "its fields do not match the campaign."),
        QT_TRANSLATE_NOOP("CoreErrors", "it has an invalid display choice or source."),
        QT_TRANSLATE_NOOP("CoreErrors", "it is in a language the campaign does not have."),
        QT_TRANSLATE_NOOP("CoreErrors", "its drawn signature is damaged."),
        QT_TRANSLATE_NOOP("CoreErrors", "it was already received (a replayed record)."),
        QT_TRANSLATE_NOOP("CoreErrors", "A record is too large to be genuine."),
        QT_TRANSLATE_NOOP("CoreErrors", "A record is damaged."),
        QT_TRANSLATE_NOOP("CoreErrors", "A record's device signature is not valid."),
        QT_TRANSLATE_NOOP(
            "CoreErrors", "None of your keys can open this file. It was sealed for someone else."
        ),
        QT_TRANSLATE_NOOP("CoreErrors", "This file is damaged or was changed after it was sealed."),
    }
)


# What an organizer meets when a batch is rejected (ImportResult.message).
_CORE_TEMPLATES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("CoreErrors", "Record %1: %2 The whole batch was rejected."),
    QT_TRANSLATE_NOOP("CoreErrors", "Record %1 in this batch was changed or damaged."),
    QT_TRANSLATE_NOOP("CoreErrors", "Record %1 in this batch has an invalid sequence number."),
    QT_TRANSLATE_NOOP("CoreErrors", "Record %1 in this batch has an invalid hash."),
    QT_TRANSLATE_NOOP("CoreErrors", "This %1 is too large to be genuine."),
    QT_TRANSLATE_NOOP("CoreErrors", "This %1 is damaged or incomplete."),
    QT_TRANSLATE_NOOP("CoreErrors", "This %1 is incomplete."),
    QT_TRANSLATE_NOOP("CoreErrors", "This %1 holds too many files to be genuine."),
    QT_TRANSLATE_NOOP("CoreErrors", "This %1 contains an unexpected file."),
    QT_TRANSLATE_NOOP("CoreErrors", "This %1 contains a file that is too large."),
    QT_TRANSLATE_NOOP("CoreErrors", "This %1 is suspiciously compressed."),
    QT_TRANSLATE_NOOP("CoreErrors", "The file cannot be read (%1)."),
    QT_TRANSLATE_NOOP(
        "CoreErrors",
        "Another batch %1 of this device was already imported: this one is a replay or a forgery.",
    ),
    QT_TRANSLATE_NOOP("CoreErrors", "This batch does not follow batch %1 of its device."),
    QT_TRANSLATE_NOOP("CoreErrors", "Batch %1 of this device does not follow this one."),
)


@functools.cache
def _pattern(template: str) -> re.Pattern[str]:
    """`Record %1: %2` -> a regex whose groups are the parts, in order of their numbers."""
    return re.compile(re.sub(r"%\d", "(.+?)", re.escape(template)), re.S)


def core_text(languages: Languages, lang: str, message: str) -> str:
    """A core sentence in `lang` if it is a known one (or a template of one), else as is."""
    if message in _CORE:
        return languages.text(lang, CORE, message)
    for template in _CORE_TEMPLATES:
        found = _pattern(template).fullmatch(message)
        if found is not None:
            text = languages.text(lang, CORE, template)
            for n, part in enumerate(found.groups(), 1):
                text = text.replace(f"%{n}", core_text(languages, lang, part))
            return text
    return message


def problem_text(languages: Languages, lang: str, key: str) -> str:
    """A validation problem key in words, in `lang`."""
    return languages.text(lang, VALIDATION, _VALIDATION.get(key, _GENERIC_PROBLEM))


def error_text(languages: Languages, lang: str, exc: BaseException) -> str:
    """What to tell a person about `exc`: a TomarError's sentence, else a generic one."""
    if isinstance(exc, TomarError):
        return core_text(languages, lang, str(exc))
    return languages.text(lang, CORE, GENERIC_ERROR)
