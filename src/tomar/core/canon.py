"""Canonical JSON (the bytes that get signed) and the one strict JSON reader for outside input.

Python's `json` accepts documents that cannot be signed again: a lone surrogate escape
(`"\\ud800"`) parses into a string that UTF-8 cannot encode, so re-encoding it raised
`UnicodeEncodeError` deep inside a check, and NaN, Infinity or 1e999 parse into floats that
no signer wrote. Every reader of outside bytes parses with `loads`, which refuses all of
them as a ValueError (the error every caller already turns into its own plain message);
`canonical_json` refuses them as a FormatError, so that even a document built in memory
can never escape as anything but a TomarError.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from .errors import E, FormatError

#: A \\u escape of a surrogate code point (D800-DFFF); only then is the document walked.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89abcdefABCDEF]")


def canonical_json(doc: Any) -> bytes:
    """Sorted keys, no spaces, UTF-8: the bytes that get signed."""
    try:
        return json.dumps(
            doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
        ).encode()
    except (UnicodeEncodeError, ValueError, RecursionError):
        raise FormatError(E.CANON_UNSIGNABLE_VALUES) from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON a signer writes")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("a number too large to be genuine")
    return value


def _encodable(value: Any) -> None:
    """Raise ValueError if a string anywhere in `value` holds a lone surrogate."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            item.encode("utf-8")  # UnicodeEncodeError is a ValueError
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def loads(data: bytes | str) -> Any:
    """`json.loads` for hostile input: raises only ValueError, and only returns what
    `canonical_json` can encode again (no lone surrogates, no NaN or infinite numbers).

    Deep nesting (RecursionError) and numbers with too many digits are ValueErrors too.
    """
    try:
        value = json.loads(data, parse_constant=_no_constant, parse_float=_finite)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if _SURROGATE_ESCAPE.search(raw) is not None:
        _encodable(value)
    return value
