"""Right-to-left order and joined Arabic-script letters, before ReportLab is imported.

ReportLab 5 lays out right-to-left paragraphs only through its optional `rlbidi` module,
which is not on PyPI. We provide one backed by python-bidi's reference algorithm, because
ReportLab needs the visual-to-logical index map that only the pure-Python algorithm can
give. Letters are joined by arabic_reshaper (presentation forms) and ReportLab's own
HarfBuzz shaping stays off: with it, words come out in logical order and Persian digits
reversed (measured; see docs/ARCHITECTURE.md).

This module imports no ReportLab: the package imports it first, so that ReportLab finds
`rlbidi` when it is imported.
"""

from __future__ import annotations

import re
import sys
import types

import arabic_reshaper
from bidi import algorithm as _bidi

CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def log2vis(
    text: str,
    base_direction: str | None = None,
    clean: bool = True,
    positions_V_to_L: list[int] | None = None,
    **_: object,
) -> str:
    """Unicode bidi reordering with the index map ReportLab's paragraph code needs."""
    storage = _bidi.get_empty_storage()
    if base_direction in ("RTL", "R"):
        level = 1
    elif base_direction in ("LTR", "L"):
        level = 0
    else:
        level = _bidi.get_base_level(text)
    storage["base_level"] = level
    storage["base_dir"] = ("L", "R")[level]
    _bidi.get_embedding_levels(text, storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    _bidi.explicit_embed_and_overrides(storage)
    _bidi.resolve_weak_types(storage, False)
    _bidi.resolve_neutral_types(storage, False)
    _bidi.resolve_implicit_levels(storage, False)
    _bidi.reorder_resolved_levels(storage, False)
    _bidi.apply_mirroring(storage, False)
    chars = storage["chars"]
    if clean:
        chars = [c for c in chars if c["ch"] not in CONTROLS]
    if positions_V_to_L is not None:
        positions_V_to_L[:] = [c["index"] for c in chars]
    return "".join(c["ch"] for c in chars)


def _install_rlbidi() -> None:
    try:
        import rlbidi  # type: ignore[import-not-found]  # noqa: F401 - a real one wins
    except ImportError:
        module = types.ModuleType("rlbidi")
        module.log2vis = log2vis  # type: ignore[attr-defined]
        sys.modules["rlbidi"] = module


_install_rlbidi()

RTL_LANGS = frozenset({"fa", "ar", "he", "ur", "ps", "ckb", "yi", "dv", "sd", "ug"})
_RTL_CHARS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def is_rtl(lang: str) -> bool:
    return lang.split("-")[0].lower() in RTL_LANGS


def has_rtl(text: str) -> bool:
    return _RTL_CHARS.search(text) is not None


def digits(value: int | str, lang: str) -> str:
    """Numbers in the sheet's own digits (Persian sheets count ۱، ۲، ۳)."""
    base = lang.split("-")[0].lower()
    text = str(value)
    if base == "fa":
        return text.translate(_PERSIAN_DIGITS)
    if base == "ar":
        return text.translate(_ARABIC_DIGITS)
    return text


def shape(text: str) -> str:
    """Join Arabic-script letters (presentation forms); other text is left alone."""
    return arabic_reshaper.reshape(text) if _ARABIC.search(text) else text


def visual(text: str, base: str | None = None) -> str:
    """One line in drawing order: shaped, then reordered. `base` None means from the text."""
    if not has_rtl(text) and base != "RTL":
        return text
    return log2vis(shape(text), base_direction=base)
