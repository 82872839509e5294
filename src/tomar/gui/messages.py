"""Words for problems: an error's code and arguments said in a chosen language.

The core says what went wrong as a code with named arguments (core/errors.py); its
English template is in core/error_text/. Here the same template is translated through
the Qt translation files (context "CoreErrors") and its arguments are put back: an
argument that is itself a code or a message (a kind of file, a reason) is said in the
same language, anything else (a record id, a folder, a number) as it is. Validation
problems are codes of the same system, said in the SIGNER's language, which may differ
from the interface language.
Anything that is not a TomarError becomes one generic sentence: its message might quote
what someone typed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from PySide6.QtCore import Qt

from ..core.error_text import CONTEXT, TEMPLATES, fill
from ..core.errors import ErrorCode, Message, TomarError
from ..core.vault import as_tomar_error
from .i18n import Languages, direction

CORE = CONTEXT
#: A validation problem this app does not know (a newer core's): a plain request.
_GENERIC_PROBLEM = ErrorCode.VALIDATION_UNKNOWN_FIELD


def say(languages: Languages, lang: str, code: ErrorCode, params: Mapping[str, object]) -> str:
    """`code`'s template in `lang`, with its arguments filled in (in one pass)."""
    rtl = direction(lang) == Qt.LayoutDirection.RightToLeft

    def part(value: object) -> str:
        if isinstance(value, ErrorCode):
            return say(languages, lang, value, {})
        if isinstance(value, Message | TomarError):
            return say(languages, lang, value.code, value.params)
        return _part(str(value), rtl)

    return fill(languages.text(lang, CORE, TEMPLATES[code]), params, part)


def core_text(languages: Languages, lang: str, message: str) -> str:
    """A message of the core (an import's, a sync result's) in `lang`; plain text (a
    name, or what an older part of the app put together) as it is."""
    if isinstance(message, Message):
        return say(languages, lang, message.code, message.params)
    return message


def _part(text: str, rtl: bool) -> str:
    """A part with no right-to-left letters (a folder, an address, a record id) between
    left-to-right marks inside right-to-left text: else "/media/usb" shows as "media/usb/"."""
    if not rtl or any(unicodedata.bidirectional(c) in ("R", "AL") for c in text):
        return text
    return f"\u200e{text}\u200e"


def problem_text(languages: Languages, lang: str, key: str) -> str:
    """A validation problem (a code) in words, in `lang`."""
    code = key if isinstance(key, ErrorCode) else _GENERIC_PROBLEM
    return say(languages, lang, code, {})


def error_text(languages: Languages, lang: str, exc: BaseException) -> str:
    """What to tell a person about `exc`: a TomarError's sentence, a disk fault's own
    sentence (an OSError or SQLite error that escaped), else a generic one."""
    if not isinstance(exc, TomarError):
        exc = as_tomar_error(exc) or exc
    if isinstance(exc, TomarError):
        return say(languages, lang, exc.code, exc.params)
    return say(languages, lang, ErrorCode.APP_UNEXPECTED, {})
