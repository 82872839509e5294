"""Text for the sheets: bundled fonts, right-to-left order, joined Persian letters.

ReportLab 5 lays out right-to-left paragraphs only through its optional `rlbidi` module,
which is not on PyPI. We provide one backed by python-bidi's reference algorithm, because
ReportLab needs the visual-to-logical index map that only the pure-Python algorithm can
give. Letters are joined by arabic_reshaper (presentation forms) and ReportLab's own
HarfBuzz shaping stays off: with it, words come out in logical order and Persian digits
reversed (measured; see docs/ARCHITECTURE.md).

Paragraph-level RTL works only for single-run paragraphs, so texts are never given
markup: one Paragraph per line of the source text, escaped.
"""

from __future__ import annotations

import re
import sys
import threading
import types
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import algorithm as _bidi

from ...resources import resource_path

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
_fonts_lock = threading.Lock()
_fonts_ready = False

RTL_LANGS = frozenset({"fa", "ar", "he", "ur", "ps", "ckb", "yi", "dv", "sd", "ug"})
_RTL_CHARS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def register_fonts() -> None:
    """Register the bundled Vazirmatn once; it covers Persian, Arabic and Latin."""
    global _fonts_ready
    with _fonts_lock:
        if _fonts_ready:
            return
        pdfmetrics.registerFont(TTFont(FONT, str(resource_path("fonts", "Vazirmatn-Regular.ttf"))))
        pdfmetrics.registerFont(
            TTFont(FONT_BOLD, str(resource_path("fonts", "Vazirmatn-Bold.ttf")))
        )
        _fonts_ready = True


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
    return float(pdfmetrics.stringWidth(shape(text), font(bold), size))


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
        while width(word, size, bold) > max_width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and width(word[:cut], size, bold) > max_width:
                cut -= 1
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
    """The largest size (down to `min_size`) at which `text` wraps into the box."""
    while True:
        lines = wrap(text, size, max_width, bold)
        if len(lines) * size * 1.2 <= max_height or size <= min_size:
            return size, lines
        size = max(min_size, size - 0.5)


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
    """Draw one line at baseline y; x is the left, right or centre edge per `align`."""
    line = visual(text, base)
    canvas.setFont(font(bold), size)
    if align == "right":
        canvas.drawRightString(x, y, line)
    elif align == "center":
        canvas.drawCentredString(x, y, line)
    else:
        canvas.drawString(x, y, line)


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
    """One line of text as a Paragraph, shaped and in the right direction. No markup."""
    text = " ".join(text.split())
    if has_rtl(text):
        rtl_style = st.wordWrap == "RTL"
        if not rtl_style:
            st = ParagraphStyle(f"{st.name}-bidi", parent=st, wordWrap="LTR")
        text = shape(text)
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
        "initials": "حروف اول",
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
        "unique_signers": "شمار امضاکنندگان یکتا: {0}",
        "delivery_title": "امضاها",
        "batches": "بسته‌های دریافت‌شده",
        "batch_device": "دستگاه",
        "batch_number": "بسته",
        "batch_records": "رکوردها",
        "batch_sha256": "SHA-256",
        "organizer_fpr": "اثر انگشت کلید برگزارکننده: {0}",
        "generated": "تهیه‌شده در {0}",
        "report_title": "گزارش کارزار",
        "received": "دریافت‌شده",
        "unique": "یکتا",
        "duplicates": "تکراری",
        "flagged": "نیازمند بررسی",
        "voided": "باطل‌شده",
        "held": "در انتظار تأیید",
        "by_day": "بر پایهٔ روز",
        "by_event": "بر پایهٔ رویداد",
        "by_device": "بر پایهٔ دستگاه",
        "by_country": "بر پایهٔ کشور",
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
