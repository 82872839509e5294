"""Fonts for the sheets: the bundled families, system fonts, and runs per font.

ReportLab draws a string in one font and leaves letters that font lacks blank. So every
line is split into runs by which font has the letters (`runs`): Vazirmatn first, then the
bundled Noto subsets (Latin with every diacritic, Greek, Cyrillic, Armenian, Georgian,
Hebrew), then system TrueType fonts listed once by fontconfig (CJK and the rest).
`missing` says what no font can draw, so the organizer is told before printing instead of
finding blank cells on paper.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import textobject

from ....resources import resource_path
from .bidi import CONTROLS, shape

if not textobject.rtlSupport:  # pragma: no cover - ReportLab was imported before us
    raise ImportError("tomar.core.sheets must be imported before ReportLab.")

_log = logging.getLogger(__name__)

FONT = "Vazirmatn"
FONT_BOLD = "Vazirmatn-Bold"
_fonts_lock = threading.RLock()
_fonts_ready = False


#: The bundled families in fallback order: (registered name, regular file, bold file).
#: Vazirmatn first, so that Persian and plain Latin look as before; the Noto subsets
#: (resources/fonts/README.md) cover the scripts Vazirmatn lacks.
BUNDLED: tuple[tuple[str, str, str], ...] = (
    (FONT, "Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf"),
    ("NotoSans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    ("NotoSansArmenian", "NotoSansArmenian-Regular.ttf", "NotoSansArmenian-Bold.ttf"),
    ("NotoSansGeorgian", "NotoSansGeorgian-Regular.ttf", "NotoSansGeorgian-Bold.ttf"),
    ("NotoSansHebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"),
)
MAX_SYSTEM_FONTS = 6  # system fonts tried for characters no bundled font has
_FC_TIMEOUT = 5.0


@dataclass(frozen=True)
class Face:
    """A registered font and the characters its cmap maps (read once, kept)."""

    name: str
    chars: frozenset[int]


@dataclass
class _Fonts:
    regular: list[Face] = field(default_factory=list)
    bold: list[Face] = field(default_factory=list)
    system: list[Face] = field(default_factory=list)
    tried: set[str] = field(default_factory=set)
    by_char: dict[tuple[bool, int], Face | None] = field(default_factory=dict)
    catalogue: list[_SystemFont] | None = None
    use_system: bool = True


_state = _Fonts()


def _register(name: str, path: str, index: int = 0) -> Face:
    font_ = TTFont(name, path, subfontIndex=index)
    pdfmetrics.registerFont(font_)
    return Face(name, frozenset(font_.face.charToGlyph))


def _register_family(name: str, regular: str, bold: str) -> None:
    _state.regular.append(_register(name, str(resource_path("fonts", regular))))
    bold_name = FONT_BOLD if name == FONT else f"{name}-Bold"
    _state.bold.append(_register(bold_name, str(resource_path("fonts", bold))))


def register_fonts() -> None:
    """Register Vazirmatn once (Persian, Arabic, Latin); the rest waits until needed."""
    global _fonts_ready
    with _fonts_lock:
        if _fonts_ready:
            return
        _register_family(*BUNDLED[0])
        _fonts_ready = True


def _register_fallbacks() -> None:
    """The Noto fonts, registered on the first letter Vazirmatn lacks: most sheets never
    need them, and parsing them costs about 80 ms and a few MiB."""
    register_fonts()
    with _fonts_lock:
        if len(_state.regular) == len(BUNDLED):
            return
        for family in BUNDLED[1:]:
            _register_family(*family)


def use_system_fonts(enabled: bool) -> None:
    """Allow or forbid system fonts for characters no bundled font has (tests, --strict)."""
    with _fonts_lock:
        _state.use_system = enabled
        _state.by_char.clear()


@dataclass(frozen=True)
class _SystemFont:
    path: str
    index: int
    ranges: tuple[tuple[int, int], ...] | None  # None: unknown until the font is read

    def has(self, code: int) -> bool:
        return self.ranges is None or any(lo <= code <= hi for lo, hi in self.ranges)

    @property
    def size(self) -> int:
        return 0 if self.ranges is None else sum(hi - lo + 1 for lo, hi in self.ranges)


def _known_font_files() -> list[Path]:
    """Where Windows and macOS keep broad TrueType fonts (CJK, Indic, Thai...), for
    machines without fontconfig. Read only when a letter needs them, in this order."""
    if sys.platform.startswith("win"):
        folder = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        names = [
            "msyh.ttc", "msjh.ttc", "malgun.ttf", "YuGothM.ttc", "meiryo.ttc", "simsun.ttc",
            "Nirmala.ttf", "LeelawUI.ttf", "ebrima.ttf", "seguihis.ttf", "arialuni.ttf",
        ]  # fmt: skip
        return [folder / n for n in names]
    if sys.platform == "darwin":
        return [
            Path("/System/Library/Fonts/Supplemental/Arial Unicode.ttf"),
            Path("/Library/Fonts/Arial Unicode.ttf"),
            Path("/System/Library/Fonts/Supplemental/Songti.ttc"),
            Path("/System/Library/Fonts/Thonburi.ttc"),
        ]
    return []


def _fc_list() -> str | None:
    return shutil.which("fc-list")


def _parse_charset(charset: str) -> tuple[tuple[int, int], ...]:
    ranges: list[tuple[int, int]] = []
    for part in charset.split():
        lo, _, hi = part.partition("-")
        try:
            ranges.append((int(lo, 16), int(hi or lo, 16)))
        except ValueError:
            continue
    return tuple(ranges)


def _system_fonts() -> list[_SystemFont]:
    """The machine's TrueType fonts and what they cover, from one `fc-list` call.

    Asked once for the whole list, so no signer's letter is ever passed to another
    program; the biggest fonts first, so that one broad fallback font (Droid Sans
    Fallback, say) serves a whole script. Without fontconfig (Windows, most Macs), the
    broad fonts those systems ship, by name (`_known_font_files`).
    """
    if _state.catalogue is not None:
        return _state.catalogue
    fonts: list[_SystemFont] = []
    fc_list = _fc_list()
    if fc_list is None:
        fonts = [_SystemFont(str(p), 0, None) for p in _known_font_files() if p.is_file()]
    else:
        try:
            done = subprocess.run(
                [fc_list, "--format=%{file}|%{index}|%{fontformat}|%{charset}\\n"],
                capture_output=True,
                timeout=_FC_TIMEOUT,
                check=False,
            )
            listing = done.stdout.decode("utf-8", "replace") if done.returncode == 0 else ""
        except (OSError, subprocess.SubprocessError):
            listing = ""
        for line in listing.splitlines():
            path, _, rest = line.partition("|")
            index, _, rest = rest.partition("|")
            kind, _, charset = rest.partition("|")
            if kind != "TrueType" or not index.isdigit():
                continue  # ReportLab embeds TrueType outlines only
            fonts.append(_SystemFont(path, int(index), _parse_charset(charset)))
    fonts.sort(key=lambda f: -f.size)  # stable: known files keep their order
    _state.catalogue = fonts
    return fonts


def _system_face(code: int) -> Face | None:
    """A system TrueType font that has `code`, registered on first use, or None.

    At most MAX_SYSTEM_FONTS are registered per process; a font ReportLab cannot read
    is remembered and skipped.
    """
    if not _state.use_system:
        return None
    for face in _state.system:
        if code in face.chars:
            return face
    for candidate in _system_fonts():
        if len(_state.system) >= MAX_SYSTEM_FONTS:
            return None
        key = f"{candidate.path}#{candidate.index}"
        if key in _state.tried or not candidate.has(code):
            continue
        _state.tried.add(key)
        try:
            face = _register(f"TomarSystem{len(_state.system)}", candidate.path, candidate.index)
        except Exception:  # any font ReportLab cannot read is simply not used
            _log.info("System font %s cannot be embedded in PDFs; skipped.", candidate.path)
            continue
        _state.system.append(face)
        if code in face.chars:
            return face
    return None


def face_for(char: str, bold: bool = False) -> Face | None:
    """The first font in the fallback chain that has `char`, or None if none has it."""
    code = ord(char)
    key = (bold, code)
    found = _state.by_char.get(key, False)
    if found is not False:
        return found  # type: ignore[return-value]
    _register_fallbacks()
    with _fonts_lock:
        chain = _state.bold if bold else _state.regular
        face = next((f for f in chain if code in f.chars), None)
        if face is None and bold:
            face = next((f for f in _state.regular if code in f.chars), None)
        if face is None:
            face = _system_face(code)
        _state.by_char[key] = face
    return face


def _drawable(ch: str) -> bool:
    """Characters that need no glyph: controls, joiners, bidi marks."""
    return ch in CONTROLS or ch in "\u200b\u200c\u200d\ufeff" or ch.isspace()


def missing(value: str) -> str:
    """The characters of `value` that no available font can draw, each once, in order."""
    register_fonts()
    if _state.regular[0].chars.issuperset(map(ord, value)):
        return ""
    out: list[str] = []
    for ch in shape(unicodedata.normalize("NFC", value)):
        if ch not in out and not _drawable(ch) and face_for(ch) is None:
            out.append(ch)
    return "".join(out)


def runs(line: str, bold: bool = False) -> list[tuple[str, str]]:
    """Split one line (in drawing order) into (text, font name) runs.

    A line goes whole to the first fallback font that has all its letters, else each
    word to the first font that has all of its letters, so `Nguyễn` is drawn in one
    face rather than patched letter by letter; otherwise each letter goes to the
    first font that has it, keeping the previous letter's font where it can. A letter
    no font has is drawn in the first font (as its empty-box glyph), never dropped.
    """
    register_fonts()
    chain = _state.bold if bold else _state.regular
    primary = chain[0]
    line_codes = set(map(ord, line))
    if primary.chars.issuperset(line_codes):
        return [(line, primary.name)]
    _register_fallbacks()
    chain = _state.bold if bold else _state.regular
    whole_line = next((f for f in chain[1:] if f.chars.issuperset(line_codes)), None)
    if whole_line is not None:  # one face for the line: one look, one measurement
        return [(line, whole_line.name)]
    names: list[str] = []
    for word in re.split(r"(\s+)", line):
        if not word:
            continue
        if word.isspace():
            names.extend([names[-1] if names else primary.name] * len(word))
            continue
        codes = [ord(ch) for ch in word if not _drawable(ch)]
        whole = next((f for f in chain if f.chars.issuperset(codes)), None)
        if whole is not None:
            names.extend([whole.name] * len(word))
            continue
        current: Face | None = None
        for ch in word:
            if current is not None and (ord(ch) in current.chars or _drawable(ch)):
                names.append(current.name)
                continue
            face = face_for(ch, bold)
            if face is not None:
                current = face
            names.append(face.name if face is not None else primary.name)
    out: list[tuple[str, str]] = []
    for ch, name in zip(line, names, strict=True):
        if out and out[-1][1] == name:
            out[-1] = (out[-1][0] + ch, name)
        else:
            out.append((ch, name))
    return out


def font(bold: bool = False) -> str:
    register_fonts()
    return FONT_BOLD if bold else FONT


def needs_fallback(value: str) -> bool:
    """True when `value` has letters the first font lacks (drawn through other fonts)."""
    register_fonts()
    return not _state.regular[0].chars.issuperset(map(ord, shape(value)))


def single_font(value: str, bold: bool = False) -> str:
    """One font for a short label that cannot be split into runs (chart axes): the first
    that has every letter, else the one that draws its first letters."""
    parts = runs(shape(value), bold)
    if len(parts) == 1:
        return parts[0][1]
    chain = _state.bold if bold else _state.regular
    codes = [ord(ch) for ch in shape(value) if not _drawable(ch)]
    whole = next((f for f in chain + _state.system if f.chars.issuperset(codes)), None)
    return whole.name if whole is not None else parts[0][1]
