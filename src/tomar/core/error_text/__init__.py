"""The English template of every error code, with named arguments such as `{record}`.

`str(error)` and the command line use these; the app translates the same templates
through Qt's translation files (context "CoreErrors", marked for lupdate by
QT_TRANSLATE_NOOP in the parts below) and fills the same arguments (gui/messages.py).
An argument that is itself a code (a kind of file, a reason) or a message is said in the
same language, recursively; numbers, ids, file names and the system's words are put in
as they are. Templates never hold signer data: only codes, numbers, ids and file names
go into them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from ..error_codes import ErrorCode
from . import faces, keys, organizer, vault, words

CONTEXT = "CoreErrors"

TEMPLATES: dict[ErrorCode, str] = {
    **keys.TEMPLATES,
    **vault.TEMPLATES,
    **organizer.TEMPLATES,
    **faces.TEMPLATES,
    **words.TEMPLATES,
}

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def placeholders(template: str) -> list[str]:
    """The names of a template's arguments, in order."""
    return _PLACEHOLDER.findall(template)


def fill(template: str, params: Mapping[str, object], part: Callable[[object], str]) -> str:
    """`{name}` replaced by `part(params[name])` in one pass: a value may itself hold
    braces or "%1" (a folder "My{x}Stick") and is never read as a template."""

    def one(found: re.Match[str]) -> str:
        name = found[1]
        return part(params[name]) if name in params else found[0]

    return _PLACEHOLDER.sub(one, template)


def english(code: ErrorCode, params: Mapping[str, object]) -> str:
    """The English sentence of `code` with its arguments."""
    return fill(TEMPLATES[code], params, english_part)


def english_part(value: object) -> str:
    """An argument in English: a code or message said in words, anything else as is."""
    if isinstance(value, ErrorCode):
        return english(value, {})
    code, params = getattr(value, "code", None), getattr(value, "params", None)
    if isinstance(code, ErrorCode) and isinstance(params, Mapping):
        return english(code, params)
    return str(value)


#: Areas said in English only: the command line's and the collection server's sentences,
#: for whoever runs them (a server's sentence that reaches a device without arguments is
#: still translated when the app knows it, see sync/http.py).
ENGLISH_ONLY_AREAS = frozenset({"cli", "server"})
#: Codes said in English only: errors that only a bug can cause, and the district
#: table's, which only `tomar districts load|set` meets for now.
ENGLISH_ONLY: frozenset[ErrorCode] = frozenset(
    {
        ErrorCode.AGE_INTERNAL_BAD_STANZA,
        ErrorCode.AGE_INTERNAL_NO_RECIPIENT,
        ErrorCode.BECH32_INTERNAL_BAD_PREFIX,
        ErrorCode.MINISIGN_INTERNAL_KEY_ID_LENGTH,
        ErrorCode.MINISIGN_INTERNAL_KEY_LENGTH,
        ErrorCode.PLACES_DISTRICT_TABLE_COLUMNS,
        ErrorCode.PLACES_DISTRICT_TABLE_EMPTY,
        ErrorCode.PLACES_DISTRICT_TABLE_WITHOUT_ZIPS,
        ErrorCode.PLACES_DISTRICT_TABLE_NOT_TEXT,
        ErrorCode.PLACES_DISTRICT_TABLE_TOO_LARGE,
        ErrorCode.PLACES_ZIP4_TABLE_COLUMNS,
        ErrorCode.PLACES_ZIP4_TABLE_NOT_TEXT,
        ErrorCode.PLACES_ZIP4_TABLE_TOO_LARGE,
        ErrorCode.PLACES_ZIP4_TABLE_WITHOUT_RANGES,
        ErrorCode.INTAKE_DISTRICT_WRITTEN_LIKE_CA,
        ErrorCode.INTAKE_ZIP_NOT_IN_DISTRICT,
    }
)


def english_only(code: ErrorCode) -> bool:
    """Is `code` said in English in every language (see ENGLISH_ONLY_AREAS)?"""
    return code.value.split(".", 1)[0] in ENGLISH_ONLY_AREAS or code in ENGLISH_ONLY
