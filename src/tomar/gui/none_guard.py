"""Work around a PySide6 6.12 reference-count bug on CPython 3.11.

Measured here: every call of a Qt method that returns nothing (`setText`, `drawPath`,
`setPen`...) drops one reference to `None` that it never took. On Python 3.12+ `None`
is immortal and nothing happens; on 3.11 its count (about 5,000 after import) reaches
zero after a few thousand such calls and the interpreter aborts with "deallocating
None" -- within a minute of drawing signatures.

`guard()` adds 2**60 to None's reference count once, which makes it as good as
immortal, exactly what Python 3.12 does by design. None is never freed in any case, so
this changes nothing else. Remove this module once the project runs on Python 3.12+ or
a PySide6 release without the bug (tests/gui/test_none_guard.py shows the bug).
"""

from __future__ import annotations

import ctypes
import sys

_BOOST = 1 << 60
_done = False


def needed() -> bool:
    return sys.implementation.name == "cpython" and sys.version_info < (3, 12)


def guard() -> None:
    """Make None effectively immortal on CPython < 3.12 (idempotent)."""
    global _done
    if _done or not needed():
        return
    _done = True
    ctypes.c_ssize_t.from_address(id(None)).value += _BOOST
