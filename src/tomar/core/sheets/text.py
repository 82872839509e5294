"""Text for the sheets: bundled fonts, right-to-left order, joined Arabic-script letters.

ReportLab 5 lays out right-to-left paragraphs only through its optional `rlbidi` module,
which is not on PyPI. We provide one backed by python-bidi's reference algorithm, because
ReportLab needs the visual-to-logical index map that only the pure-Python algorithm can
give. Letters are joined by arabic_reshaper (presentation forms) and ReportLab's own
HarfBuzz shaping stays off: with it, words come out in logical order and Persian digits
reversed (measured; see docs/ARCHITECTURE.md).

Paragraph-level RTL works only for single-run paragraphs, so right-to-left texts are
never given markup: one Paragraph per line of the source text, escaped.

Fonts: ReportLab draws a string in one font and leaves letters that font lacks blank.
So every line is split into runs by which font has the letters (`runs`): Vazirmatn
first, then the bundled Noto subsets (Latin with every diacritic, Greek, Cyrillic,
Armenian, Georgian, Hebrew), then system TrueType fonts listed once by fontconfig (CJK
and the rest). `missing` says what no font can draw, so the organizer is told before
printing instead of finding blank cells on paper.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
import threading
import types
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import algorithm as _bidi

from ...resources import resource_path

_log = logging.getLogger(__name__)
_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def log2vis(
    text: str,
    base_direction: str | None = None,
    clean: bool = True,
    positions_V_to_L: list[int] | None = None,
    **_: Any,
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
        chars = [c for c in chars if c["ch"] not in _CONTROLS]
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

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import textobject  # noqa: E402
from reportlab.platypus import Flowable, Paragraph, Spacer  # noqa: E402

if not textobject.rtlSupport:  # pragma: no cover - ReportLab was imported before us
    raise ImportError("tomar.core.sheets must be imported before ReportLab.")

FONT = "Vazirmatn"
FONT_BOLD = "Vazirmatn-Bold"
ELLIPSIS = "\u2026"
_fonts_lock = threading.RLock()
_fonts_ready = False

RTL_LANGS = frozenset({"fa", "ar", "he", "ur", "ps", "ckb", "yi", "dv", "sd", "ug"})
_RTL_CHARS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

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
    return ch in _CONTROLS or ch in "\u200b\u200c\u200d\ufeff" or ch.isspace()


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


def width(text: str, size: float, bold: bool = False) -> float:
    """The drawn width, run by run in the font each run is drawn in."""
    return float(
        sum(pdfmetrics.stringWidth(run, name, size) for run, name in runs(shape(text), bold))
    )


def ellipsize(text: str, size: float, max_width: float, bold: bool = False) -> str:
    """`text` cut at its logical end with a visible ellipsis so that it fits the width."""
    if width(text, size, bold) <= max_width:
        return text
    return _cut_with_ellipsis(text, size, max_width, bold)


def _cut_with_ellipsis(text: str, size: float, max_width: float, bold: bool) -> str:
    if not text or width(text[:1] + ELLIPSIS, size, bold) > max_width:
        return ELLIPSIS
    cut = _longest_prefix(text, size, max_width, bold, ELLIPSIS)
    return text[:cut].rstrip() + ELLIPSIS


def _longest_prefix(text: str, size: float, max_width: float, bold: bool, tail: str = "") -> int:
    """The longest prefix length (at least 1) whose width with `tail` fits: a binary
    search, so a 200-letter word costs a few measurements, not hundreds. The cut is moved
    back so that no combining mark is parted from its letter."""
    lo, hi = 1, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if width(text[:mid] + tail, size, bold) <= max_width:
            lo = mid
        else:
            hi = mid - 1
    cut = lo
    while 1 < cut < len(text) and unicodedata.category(text[cut]).startswith("M"):
        cut -= 1
    return cut


def wrap(text: str, size: float, max_width: float, bold: bool = False) -> list[str]:
    """Greedy word wrap in logical order; a word wider than the line is cut."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if width(candidate, size, bold) <= max_width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        while len(word) > 1 and width(word, size, bold) > max_width:
            cut = _longest_prefix(word, size, max_width, bold)
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines or [""]


def fit(
    text: str,
    max_width: float,
    max_height: float,
    size: float,
    *,
    min_size: float = 5.0,
    bold: bool = False,
) -> tuple[float, list[str]]:
    """The largest size (down to `min_size`) at which `text` wraps into the box.

    If it does not fit even at `min_size`, the lines that fit are kept and the last one
    ends in an ellipsis: nothing is ever drawn outside the box.
    """
    text = unicodedata.normalize("NFC", text)
    lines = wrap(text, size, max_width, bold)
    if len(lines) * size * 1.2 <= max_height:
        return size, lines  # the usual case: one measurement or two
    full = width(text, size, bold) / size  # width per point of size
    while True:
        size = max(min_size, size - 0.5)
        if size > min_size and full * size > max_width * int(max_height // (size * 1.2)):
            continue  # cannot fit even perfectly packed: skip the wrapping
        lines = wrap(text, size, max_width, bold)
        if len(lines) * size * 1.2 <= max_height:
            return size, lines
        if size <= min_size:
            break
    room = max(1, int(max_height // (size * 1.2)))
    kept = lines[:room]
    kept[-1] = _cut_with_ellipsis(kept[-1], size, max_width, bold)
    return size, kept


def draw(
    canvas: Any,
    text: str,
    x: float,
    y: float,
    size: float,
    *,
    align: str = "left",
    bold: bool = False,
    base: str | None = None,
) -> None:
    """Draw one line at baseline y; x is the left, right or centre edge per `align`.

    The line is drawn run by run, each in the first font that has its letters.
    """
    line = visual(unicodedata.normalize("NFC", text), base)
    parts = runs(line, bold)
    if len(parts) == 1:
        canvas.setFont(parts[0][1], size)
        if align == "right":
            canvas.drawRightString(x, y, line)
        elif align == "center":
            canvas.drawCentredString(x, y, line)
        else:
            canvas.drawString(x, y, line)
        return
    widths = [pdfmetrics.stringWidth(run, name, size) for run, name in parts]
    total = sum(widths)
    if align == "right":
        x -= total
    elif align == "center":
        x -= total / 2
    for (run, name), w in zip(parts, widths, strict=True):
        canvas.setFont(name, size)
        canvas.drawString(x, y, run)
        x += w


def draw_lines(
    canvas: Any,
    lines: list[str],
    x: float,
    top: float,
    size: float,
    *,
    align: str = "left",
    bold: bool = False,
    base: str | None = None,
) -> None:
    """Draw wrapped lines downwards from `top` (the top of the first line)."""
    leading = size * 1.2
    for i, line in enumerate(lines):
        draw(canvas, line, x, top - size - i * leading, size, align=align, bold=bold, base=base)


def style(
    lang: str,
    size: float = 10,
    *,
    bold: bool = False,
    align: str = "start",
    space_after: float | None = None,
    name: str = "tomar",
) -> ParagraphStyle:
    """A paragraph style in the bundled font; `start` is left or right per language."""
    rtl = is_rtl(lang)
    alignment = {
        "start": TA_RIGHT if rtl else TA_LEFT,
        "end": TA_LEFT if rtl else TA_RIGHT,
        "center": TA_CENTER,
    }[align]
    return ParagraphStyle(
        name,
        fontName=font(bold),
        fontSize=size,
        leading=size * 1.5,
        alignment=alignment,
        spaceAfter=size * 0.5 if space_after is None else space_after,
        wordWrap="RTL" if rtl else None,
        shaping=0,
    )


def paragraph(text: str, st: ParagraphStyle) -> Paragraph:
    """One line of text as a Paragraph, shaped and in the right direction.

    Right-to-left text gets no markup (ReportLab's bidi handles single-run paragraphs
    only). Other text whose letters the style's font lacks (Cyrillic, Greek...) gets one
    `<font>` run per fallback font.
    """
    text = " ".join(unicodedata.normalize("NFC", text).split())
    if has_rtl(text):
        rtl_style = st.wordWrap == "RTL"
        if not rtl_style:
            st = ParagraphStyle(f"{st.name}-bidi", parent=st, wordWrap="LTR")
        return Paragraph(escape(shape(text)), st)
    parts = runs(text, bold=st.fontName == FONT_BOLD)
    if any(name != st.fontName for _, name in parts) and st.wordWrap != "RTL":
        markup = "".join(
            escape(run) if name == st.fontName else f'<font face="{name}">{escape(run)}</font>'
            for run, name in parts
        )
        return Paragraph(markup, st)
    return Paragraph(escape(text), st)


def paragraphs(text: str, st: ParagraphStyle) -> list[Flowable]:
    """A multi-line text: one Paragraph per line, a small gap for each blank line."""
    out: list[Flowable] = []
    for line in text.splitlines():
        if line.strip():
            out.append(paragraph(line, st))
        elif out:
            out.append(Spacer(1, st.fontSize * 0.5))
    return out


# --- fixed words on the sheets ---------------------------------------------------------

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "to": "To: {0}",
        "row": "#",
        "signature": "Signature",
        "show_name": "My name on the public sheets",
        "full": "full",
        "initials": "initials",
        "hidden": "hidden",
        "consent": "I agree",
        "consent_title": "By signing I agree:",
        "page": "Page {0} of {1}",
        "sheet": "Sheet {0}",
        "name_withheld": "Name withheld at the signer's request",
        "signature_withheld": "Signature withheld",
        "paper_row": "Paper sheet {0}, row {1}",
        "no_drawing": "No drawing",
        "name": "Name",
        "city": "City",
        "country": "Country",
        "date": "Date",
        "unique_signers": "Unique signers: {0}",
        "delivery_title": "Signatures",
        "batches": "Imported batches",
        "batch_device": "Device",
        "batch_number": "Batch",
        "batch_records": "Records",
        "batch_sha256": "SHA-256",
        "organizer_fpr": "Organizer key fingerprint: {0}",
        "generated": "Generated {0}",
        "report_title": "Campaign report",
        "received": "Received",
        "unique": "Unique",
        "duplicates": "Duplicates",
        "flagged": "Flagged for review",
        "voided": "Voided",
        "held": "Held (awaiting approval)",
        "by_day": "By day",
        "by_event": "By event",
        "by_device": "By device",
        "by_country": "By country",
        "extra_consents": "Optional: tick a numbered column only if you agree:",
        "by_state": "By state",
        "by_district": "By congressional district",
        "by_consent": "Extra consents given",
        "removed": "Removed on request",
        "key": "",
        "none": "(none)",
        "unknown": "(unknown)",
        "others": "others",
        "demo": "DEMO campaign: not real signatures",
        "waiting": "Device {0}: waiting for batch {1}",
    },
    "fa": {
        "to": "خطاب به: {0}",
        "row": "ردیف",
        "signature": "امضا",
        "show_name": "نام من در برگه‌های عمومی",
        "full": "کامل",
        "initials": "حرف اول نام و نام خانوادگی",
        "hidden": "پنهان",
        "consent": "موافقم",
        "consent_title": "با امضای این برگه موافقم:",
        "page": "صفحهٔ {0} از {1}",
        "sheet": "برگهٔ {0}",
        "name_withheld": "نام به درخواست امضاکننده نمایش داده نمی‌شود",
        "signature_withheld": "امضا نمایش داده نمی‌شود",
        "paper_row": "برگهٔ کاغذی {0}، ردیف {1}",
        "no_drawing": "بدون امضای ترسیمی",
        "name": "نام",
        "city": "شهر",
        "country": "کشور",
        "date": "تاریخ",
        "unique_signers": "شمار امضاکنندگان بی‌تکرار: {0}",
        "delivery_title": "امضاها",
        "batches": "بسته‌های امضای دریافت‌شده",
        "batch_device": "دستگاه",
        "batch_number": "بسته",
        "batch_records": "امضاها",
        "batch_sha256": "SHA-256",
        "organizer_fpr": "اثر انگشت کلید برگزارکننده: {0}",
        "generated": "تهیه‌شده در {0}",
        "report_title": "گزارش کارزار",
        "received": "دریافت‌شده",
        "unique": "بی‌تکرار",
        "duplicates": "تکراری",
        "flagged": "نیازمند بررسی",
        "voided": "باطل‌شده",
        "held": "در انتظار تأیید",
        "by_day": "به تفکیک روز",
        "by_event": "به تفکیک رویداد",
        "by_device": "به تفکیک دستگاه",
        "by_country": "به تفکیک کشور",
        "extra_consents": "اختیاری: فقط اگر موافقید، خانهٔ ستونِ شماره‌دار را علامت بزنید:",
        "by_state": "به تفکیک ایالت",
        "by_district": "به تفکیک حوزهٔ انتخابیهٔ کنگره",
        "by_consent": "موافقت‌های دیگر",
        "removed": "حذف‌شده به درخواست خود امضاکننده",
        "key": "",
        "none": "(هیچ)",
        "unknown": "(نامشخص)",
        "others": "دیگر",
        "demo": "کارزار نمایشی: امضاها واقعی نیستند",
        "waiting": "دستگاه {0}: در انتظار بستهٔ {1}",
    },
    "ar": {
        "to": "إلى: {0}",
        "row": "الصف",
        "signature": "التوقيع",
        "show_name": "اسمي في الأوراق العلنية",
        "full": "كاملًا",
        "initials": "الأحرف الأولى",
        "hidden": "مخفيًا",
        "consent": "أوافق",
        "consent_title": "بتوقيعي على هذه الورقة أوافق على ما يلي:",
        "page": "الصفحة {0} من {1}",
        "sheet": "الورقة {0}",
        "name_withheld": "الاسم محجوب بناءً على طلب الموقِّع",
        "signature_withheld": "التوقيع محجوب",
        "paper_row": "الورقة الورقية {0}، الصف {1}",
        "no_drawing": "دون توقيع مرسوم",
        "name": "الاسم",
        "city": "المدينة",
        "country": "البلد",
        "date": "التاريخ",
        "unique_signers": "عدد الموقِّعين دون تكرار: {0}",
        "delivery_title": "التواقيع",
        "batches": "الدفعات المستوردة",
        "batch_device": "الجهاز",
        "batch_number": "الدفعة",
        "batch_records": "التواقيع",
        "batch_sha256": "SHA-256",
        "organizer_fpr": "بصمة مفتاح المنظِّم: {0}",
        "generated": "أُعدّ في {0}",
        "report_title": "تقرير الحملة",
        "received": "الواردة",
        "unique": "دون تكرار",
        "duplicates": "المكررة",
        "flagged": "للمراجعة",
        "voided": "المُبطَلة",
        "held": "بانتظار الموافقة",
        "by_day": "حسب اليوم",
        "by_event": "حسب الفعالية",
        "by_device": "حسب الجهاز",
        "by_country": "حسب البلد",
        "extra_consents": "اختياري: ضع علامة في العمود المرقّم فقط إن كنت موافقًا:",
        "by_state": "حسب الولاية",
        "by_district": "حسب الدائرة الانتخابية للكونغرس",
        "by_consent": "موافقات أخرى",
        "removed": "حُذفت بطلب صاحبها",
        "key": "",
        "none": "(لا شيء)",
        "unknown": "(غير معروف)",
        "others": "أخرى",
        "demo": "حملة تجريبية: ليست تواقيع حقيقية",
        "waiting": "الجهاز {0}: بانتظار الدفعة {1}",
    },
}


def label(key: str, lang: str, *args: object) -> str:
    """A fixed text in the sheet's language (English where no translation exists)."""
    table = LABELS.get(lang.split("-")[0].lower(), LABELS["en"])
    template = table.get(key, LABELS["en"][key])
    return template.format(*(_arg(a, lang) for a in args))


def _arg(value: object, lang: str) -> str:
    """Numbers in the sheet's digits; codes (serials, fingerprints, dates) kept left to
    right inside right-to-left text, where digit groups would otherwise swap places."""
    if isinstance(value, int):
        return digits(value, lang)
    text = str(value)
    if is_rtl(lang) and not has_rtl(text):
        return f"\u202a{text}\u202c"
    return text


Labeler = Callable[..., str]


class Line(Flowable):  # type: ignore[misc]
    """One line of untrusted text as a table cell, drawn run by run in its fonts and cut
    with an ellipsis to the cell's width (a Table draws plain strings in one font)."""

    def __init__(
        self,
        value: str,
        size: float,
        *,
        align: str = "left",
        bold: bool = False,
        base: str | None = None,
    ) -> None:
        super().__init__()
        self.value = " ".join(value.split())
        self.size = size
        self.align = align
        self.bold = bold
        self.base = base
        self.avail = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        return avail_width, self.size * 1.2

    def draw(self) -> None:
        value = ellipsize(self.value, self.size, self.avail, self.bold)
        x = self.avail if self.align == "right" else 0.0
        y = self.size * 0.25
        draw(self.canv, value, x, y, self.size, align=self.align, bold=self.bold, base=self.base)


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
