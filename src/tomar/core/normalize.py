"""Text normalization for what signers type: storage form, matching keys, email, phone.

Signers type on whatever device is at hand, in Persian or Latin script, with Arabic or
Persian keyboard layouts, so the same name can arrive as different code points.  Two
layers keep that manageable:

* `clean_text` is the form we STORE: it only removes what is invisible or dangerous
  (control characters, bidi overrides that can make text display in a misleading
  order) and tidies whitespace.  It keeps ZWNJ, which Persian spelling needs.
* `match_key` and `transliterate_key` are for FINDING likely duplicates; they are lossy
  on purpose and must never be shown or stored as the signer's name. They fold
  look-alike letters of other scripts into the Latin letters they imitate (Unicode's
  confusables, TR39, as the `confusable-homoglyphs` package ships them), so that a
  Cyrillic "а" in a Latin name is at least flagged as a possible duplicate.

Nothing here raises anything except ValidationError (email and phone only), and no
error message ever contains the input.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import re
import unicodedata
from typing import Final

import phonenumbers
from email_validator import validate_email

from tomar.core.errors import E, ValidationError

__all__ = [
    "clean_text",
    "initials",
    "match_key",
    "normalize_digits",
    "normalize_email",
    "normalize_phone",
    "transliterate_key",
]

ZWNJ: Final = "\u200c"
ZWJ: Final = "\u200d"
TATWEEL: Final = "\u0640"

#: Bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069) plus the
#: implicit marks LRM, RLM and ALM: invisible, and able to reorder how text displays.
_BIDI_CONTROLS: Final = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
#: Format characters that carry meaning in Persian (ZWNJ) or emoji (ZWJ).
_KEPT_FORMAT: Final = frozenset((ZWNJ, ZWJ))
#: Default-ignorable code points that are not format characters (Unicode's
#: DerivedCoreProperties) that render as nothing, and variation selectors: dropped like
#: the Cf ones. The Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) render as blank
#: space, so they become spaces (`_BLANK`).
_BLANK: Final = frozenset("\u115f\u1160\u3164\uffa0")
_INVISIBLE: Final = frozenset(
    [chr(c) for c in (0x034F, 0x17B4, 0x17B5)]
    + [chr(c) for c in range(0x180B, 0x1810)]
    + [chr(c) for c in range(0xFE00, 0xFE10)]
    + [chr(c) for c in range(0xE0100, 0xE01F0)]
)
#: Scripts whose letters are never folded as look-alikes: Persian and Arabic spelling
#: variants have their own table (`_ARABIC_TO_PERSIAN`), and keys of names in these
#: scripts stay as earlier versions computed them.
_ARABIC_RANGES: Final = ((0x0600, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))

#: Arabic-keyboard letter variants folded to the Persian letters, for matching.
_ARABIC_TO_PERSIAN: Final = str.maketrans(
    {
        "\u064a": "\u06cc",  # ي ARABIC YEH -> ی FARSI YEH
        "\u0649": "\u06cc",  # ى ALEF MAKSURA -> ی
        "\u0626": "\u06cc",  # ئ YEH WITH HAMZA ABOVE -> ی
        "\u0643": "\u06a9",  # ك ARABIC KAF -> ک KEHEH
        "\u0629": "\u0647",  # ة TEH MARBUTA -> ه HEH
        "\u06c0": "\u0647",  # ۀ HEH WITH YEH ABOVE -> ه
        "\u0623": "\u0627",  # أ ALEF WITH HAMZA ABOVE -> ا
        "\u0625": "\u0627",  # إ ALEF WITH HAMZA BELOW -> ا
        "\u0622": "\u0627",  # آ ALEF WITH MADDA ABOVE -> ا
        "\u0671": "\u0627",  # ٱ ALEF WASLA -> ا
        "\u0624": "\u0648",  # ؤ WAW WITH HAMZA ABOVE -> و
    }
)

#: Removed by match_key: tatweel, ZWNJ/ZWJ and Arabic harakat (U+064B-065F, U+0670).
_MATCH_DROP: Final = frozenset(
    [TATWEEL, ZWNJ, ZWJ, "\u0670"] + [chr(c) for c in range(0x064B, 0x0660)]
)

#: Apostrophe-like marks are deleted (O'Brien = OBrien); other punctuation becomes a
#: space (Jean-Pierre = Jean Pierre).
_APOSTROPHES: Final = frozenset("'`\u00b4\u2018\u2019\u02bc\u02b9\u02bb\u2032")


def _remove_unsafe(s: str) -> str:
    """Drop control, surrogate and invisible format characters except ZWNJ/ZWJ.

    Whitespace controls (tab, newline...) are turned into spaces first so words do not
    run together; lone surrogates could not even be saved as UTF-8.
    """
    out = []
    for ch in s:
        if ch.isspace() or ch in _BLANK:
            out.append(" ")
            continue
        if ch in _BIDI_CONTROLS or ch in _INVISIBLE:
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Cs") or (category == "Cf" and ch not in _KEPT_FORMAT):
            continue
        out.append(ch)
    return "".join(out)


def _strip_joiners(s: str) -> str:
    """Joiners at the edge of a word join nothing: trim them with the surrounding spaces."""
    return s.strip(" " + ZWNJ + ZWJ)


def clean_text(s: str, *, max_len: int | None = None) -> str:
    """The form in which to store what a signer typed.

    NFC, invisible/unsafe characters removed (controls, bidi overrides, embeddings and
    isolates, LRM/RLM/ALM, zero-width spaces; ZWNJ and ZWJ are kept), whitespace runs
    collapsed to one space, ends stripped.  The length is NOT limited by default, so
    validation can see over-long input and tell the signer; pass `max_len` only where
    silently cutting the text is acceptable (e.g. log labels).  Pure: never raises for
    any str.
    """
    text = unicodedata.normalize("NFC", _remove_unsafe(s))
    text = _strip_joiners(" ".join(text.split()))
    if max_len is not None and len(text) > max_len:
        text = _strip_joiners(unicodedata.normalize("NFC", text[: max(max_len, 0)]))
    return text


_HYPHENS: Final = re.compile("[-\u2010\u2011\u058a\u05be]")


def _initial(word: str) -> str:
    """The first letter of a word with the marks that belong to it (a grapheme), or ''.

    Leading punctuation (quotes, brackets) is skipped, so `«Ali»` gives `A`. Marks are
    kept so that a Hebrew letter keeps its points and a decomposed Vietnamese letter its
    tone; nothing is case-mapped (Georgian has no capitals in ordinary writing).
    """
    for i, ch in enumerate(word):
        if unicodedata.category(ch).startswith("L"):
            end = i + 1
            while end < len(word) and (
                unicodedata.category(word[end]).startswith("M") or word[end] == ZWJ
            ):
                end += 1
            return word[i:end].rstrip(ZWJ)
    return ""


def initials(name: str) -> str:
    """Initials for the sheets of signers who chose them: `Иван Петров` -> `И. П.`.

    Works in every script by letter categories rather than by position: words without a
    letter (a dash, a digit) give nothing, hyphenated names keep their hyphen
    (`Jean-Pierre` -> `J.-P.`), and Persian words joined by ZWNJ count as one word.
    """
    out: list[str] = []
    for word in unicodedata.normalize("NFC", name).split():
        pieces = [_initial(piece) for piece in _HYPHENS.split(word)]
        letters = [f"{p}." for p in pieces if p]
        if letters:
            out.append("-".join(letters))
    return " ".join(out)


def normalize_digits(s: str) -> str:
    """Map Persian (۰-۹), Arabic-Indic (٠-٩) and every other Unicode decimal digit to ASCII."""
    out = []
    for ch in s:
        if ch.isascii():
            out.append(ch)
            continue
        digit = unicodedata.decimal(ch, None)
        out.append(str(digit) if digit is not None else ch)
    return "".join(out)


def _drop_marks(s: str) -> str:
    """NFKD, then drop nonspacing and enclosing marks (diacritics, harakat)."""
    return "".join(
        ch
        for ch in unicodedata.normalize("NFKD", s)
        if unicodedata.category(ch) not in ("Mn", "Me")
    )


#: `match_key` of printable ASCII in one `str.translate`: apostrophes deleted, other
#: punctuation (Unicode category P*) turned into spaces. Tested equal to the full path.
_ASCII_MATCH: Final = str.maketrans(
    {
        c: (None if c in _APOSTROPHES else " ")
        for c in map(chr, range(0x20, 0x7F))
        if c in _APOSTROPHES or unicodedata.category(c).startswith("P")
    }
)


def match_key(s: str) -> str:
    """A lossy key under which spelling variants of the same text compare equal.

    Used only to find duplicates: case, Latin diacritics, Arabic/Persian letter variants,
    Arabic diacritics, tatweel, ZWNJ/ZWJ, punctuation and digit scripts are all ignored.
    Idempotent, and never raises for any str. Printable ASCII takes a short cut (the
    organizer computes several keys for every imported record).
    """
    if s.isascii() and s.isprintable():
        return " ".join(s.translate(_ASCII_MATCH).lower().split())
    return _match_key_full(s)


def _match_key_full(s: str) -> str:
    text = normalize_digits(clean_text(s))
    text = "".join("" if ch in _APOSTROPHES else ch for ch in text)
    # Casefold between two rounds of mark stripping: compatibility forms can decompose
    # to capitals, and casefolding can produce new marks (İ -> i + dot above).
    text = _drop_marks(_drop_marks(text).casefold())
    text = text.translate(_ARABIC_TO_PERSIAN).translate(_look_alikes())
    text = "".join(
        " " if unicodedata.category(ch).startswith("P") else ch
        for ch in text
        if ch not in _MATCH_DROP
    )
    return unicodedata.normalize("NFC", " ".join(text.split()))


@functools.cache
def _look_alikes() -> dict[int, str]:
    """Letters of other scripts -> the ASCII letter or digit they are confusable with.

    From Unicode's confusables (TR39) as the pinned `confusable-homoglyphs` ships them:
    single characters whose listed look-alikes include one ASCII letter or digit (a
    letter first, lowest first, so the table does not depend on the data's order).
    ASCII itself and the Arabic script are left alone. Loaded once per process (about
    50 ms), only when a key of non-ASCII text is made.
    """
    data = json.loads(
        (importlib.resources.files("confusable_homoglyphs") / "confusables.json").read_bytes()
    )
    table: dict[int, str] = {}
    for char, glyphs in data.items():
        if len(char) != 1 or char.isascii():
            continue
        if any(lo <= ord(char) <= hi for lo, hi in _ARABIC_RANGES):
            continue
        ascii_ = {g["c"] for g in glyphs if len(g["c"]) == 1 and g["c"].isascii()}
        letters = sorted(c.lower() for c in ascii_ if c.isalpha())
        digits = sorted(c for c in ascii_ if c.isdigit())
        if letters or digits:
            table[ord(char)] = (letters or digits)[0]
    return table


# --- email and phone -------------------------------------------------------------------


def normalize_email(s: str) -> str:
    """The address in one canonical, all-lower-case form, for storage and matching.

    Syntax only (no DNS lookups: we are offline).  Persian and Arabic digits are
    accepted.  Raises ValidationError({"email": E.VALIDATION_EMAIL_INVALID}).
    """
    text = normalize_digits(clean_text(s))
    if not text or len(text) > 320:
        raise ValidationError({"email": E.VALIDATION_EMAIL_INVALID})
    try:
        result = validate_email(text, check_deliverability=False)
    except Exception:  # third-party parser on untrusted input: any failure = invalid
        raise ValidationError({"email": E.VALIDATION_EMAIL_INVALID}) from None
    return f"{result.local_part.lower()}@{result.domain.lower()}"


_PHONE_FORMATTING: Final = re.compile(r"[\s\-‐‑‒–—().\[\]/]")


def normalize_phone(s: str, default_region: str = "US") -> str:
    """The number in E.164 form (+15551234567), for storage and matching.

    Accepts Persian and Arabic digits, spaces, dashes, dots, parentheses and a leading
    00 for international numbers; numbers without a country code are read as numbers
    of `default_region`.  An extension, if typed, is not kept.  Raises
    ValidationError({"phone": E.VALIDATION_PHONE_INVALID}) unless the number is valid.
    """
    return parse_phone(s, default_region)[0]


def parse_phone(s: str, default_region: str = "US") -> tuple[str, str]:
    """`normalize_phone` and the number's region (ISO code), from one parse.

    The organizer needs both for every imported signer; phonenumbers' validity check
    finds the region itself, so asking for it separately would search twice.
    """
    text = _PHONE_FORMATTING.sub("", normalize_digits(clean_text(s)))
    if text.startswith("00"):
        text = "+" + text[2:]
    if not text or len(text) > 40:
        raise ValidationError({"phone": E.VALIDATION_PHONE_INVALID})
    try:
        number = phonenumbers.parse(text, str(default_region).upper())
        region = phonenumbers.region_code_for_number(number)
        valid = region is not None and phonenumbers.is_valid_number_for_region(number, region)
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    except Exception:  # third-party parser on untrusted input: any failure = invalid
        raise ValidationError({"phone": E.VALIDATION_PHONE_INVALID}) from None
    if not valid or not isinstance(e164, str):
        raise ValidationError({"phone": E.VALIDATION_PHONE_INVALID})
    return e164, str(region or "")


# --- cross-script duplicate hint -----------------------------------------------------

#: Persian letters to a Latin consonant skeleton.  Letters that sound alike share a
#: symbol (س ص ث -> s; ز ذ ض ظ -> z; ت ط -> t; ه ح -> h; غ ق -> q).  Long vowels and
#: glides (ا و ی), ayn and hamza map to nothing.  Upper-case symbols stand for Latin
#: digraphs: S = sh, C = ch, X = kh, Z = zh.
_PERSIAN_SKELETON: Final = str.maketrans(
    {
        "\u0627": "",  # ا
        "\u0648": "",  # و
        "\u06cc": "",  # ی
        "\u0639": "",  # ع
        "\u0621": "",  # ء
        "\u0628": "b",  # ب
        "\u067e": "p",  # پ
        "\u062a": "t",  # ت
        "\u0637": "t",  # ط
        "\u062b": "s",  # ث
        "\u0633": "s",  # س
        "\u0635": "s",  # ص
        "\u062c": "j",  # ج
        "\u0686": "C",  # چ
        "\u062d": "h",  # ح
        "\u0647": "h",  # ه
        "\u062e": "X",  # خ
        "\u062f": "d",  # د
        "\u0630": "z",  # ذ
        "\u0632": "z",  # ز
        "\u0636": "z",  # ض
        "\u0638": "z",  # ظ
        "\u0631": "r",  # ر
        "\u0698": "Z",  # ژ
        "\u0634": "S",  # ش
        "\u063a": "q",  # غ
        "\u0642": "q",  # ق
        "\u0641": "f",  # ف
        "\u06a9": "k",  # ک
        "\u06af": "g",  # گ
        "\u0644": "l",  # ل
        "\u0645": "m",  # م
        "\u0646": "n",  # ن
    }
)

#: Latin spellings to the same skeleton.  Vowels and the glides y, w, v (which Persian
#: writes with ی and و) map to nothing; digraphs first.
_LATIN_DIGRAPHS: Final = re.compile(r"kh|gh|sh|ch|zh|ph|ck|[a-z]")
_LATIN_SKELETON: Final = {
    "kh": "X",
    "gh": "q",
    "sh": "S",
    "ch": "C",
    "zh": "Z",
    "ph": "f",
    "ck": "k",
    "c": "k",
    "x": "ks",
    **dict.fromkeys("aeiouyvw", ""),
}
_REPEATS: Final = re.compile(r"(.)\1+")


def _skeleton_word(word: str) -> str:
    """One word's consonant skeleton; a word-final h is dropped (Fatemeh = Fatema)."""
    # Latin first: its output is never re-read, so Persian س + ه cannot become "sh".
    word = _LATIN_DIGRAPHS.sub(lambda m: _LATIN_SKELETON.get(m.group(), m.group()), word)
    return word.translate(_PERSIAN_SKELETON).removesuffix("h")


def transliterate_key(s: str) -> str:
    """A rough script-independent key: "محمد رضایی" and "Mohammad Rezaei" give the same.

    Rule: `match_key`, then each word (ZWNJ also separates words) becomes its consonant
    skeleton: vowels, the glides ا و ی / y v w, ayn and hamza are dropped, similar
    sounding letters share one symbol, a word-final h is dropped.  The words are sorted
    (so name order does not matter), joined without spaces (so "Ali Reza" equals
    "Alireza") and doubled letters are collapsed (Mohammad = Mohamad).

    It is deliberately coarse and only ever a hint that puts two records in front of a
    human for review (Mohammad/Mahmoud and Hossein/Hassan share a key, as Persian leaves
    short vowels unwritten).  An empty result means "no usable key": never match on it.
    """
    return _skeleton(match_key(s.replace(ZWNJ, " ")))


def match_keys(s: str) -> tuple[str, str]:
    """`match_key(s)` and `transliterate_key(s)`, sharing the work where they can.

    The organizer needs both for every imported name; without a ZWNJ in `s` the second
    starts from the first.
    """
    key = match_key(s)
    return key, _skeleton(key) if ZWNJ not in s else transliterate_key(s)


def _skeleton(key: str) -> str:
    skeletons = sorted(filter(None, (_skeleton_word(w) for w in key.split())))
    return _REPEATS.sub(r"\1", "".join(skeletons))
