"""Countries for the statistics: one key per country, however signers wrote it.

A signer's country comes from the country field as typed ("USA", "United States",
"آمریکا") or, failing that, from the phone number's region ("US"). Both become the same
ISO 3166 two-letter code, so the organizer's counts by country do not split one country
into several bars. Text that names no known country is kept as its matching key.

Names come from the phone number library's region names (many languages), the Unicode
CLDR's Arabic and Persian names (`country_names`, a table generated from Babel, since that
library has neither), Persian names written by hand for the countries most signers live
in, and the common short forms below, since signers rarely type a country's official name.
"""

from __future__ import annotations

import functools
from typing import Final

from .country_names import NAMES as CLDR_NAMES
from .normalize import match_key

#: Persian names, as an Iranian reader writes them, of the countries most signers live in;
#: other countries are shown by their CLDR name (`country_names`).
FA_NAMES: Final[dict[str, str]] = {
    "AE": "امارات متحده عربی",
    "AF": "افغانستان",
    "AM": "ارمنستان",
    "AR": "آرژانتین",
    "AT": "اتریش",
    "AU": "استرالیا",
    "AZ": "جمهوری آذربایجان",
    "BE": "بلژیک",
    "BG": "بلغارستان",
    "BH": "بحرین",
    "BR": "برزیل",
    "CA": "کانادا",
    "CH": "سوئیس",
    "CN": "چین",
    "CY": "قبرس",
    "CZ": "جمهوری چک",
    "DE": "آلمان",
    "DK": "دانمارک",
    "EG": "مصر",
    "ES": "اسپانیا",
    "FI": "فنلاند",
    "FR": "فرانسه",
    "GB": "بریتانیا",
    "GE": "گرجستان",
    "GR": "یونان",
    "HR": "کرواسی",
    "HU": "مجارستان",
    "IE": "ایرلند",
    "IL": "اسرائیل",
    "IN": "هند",
    "IQ": "عراق",
    "IR": "ایران",
    "IT": "ایتالیا",
    "JO": "اردن",
    "JP": "ژاپن",
    "KR": "کره جنوبی",
    "KW": "کویت",
    "KZ": "قزاقستان",
    "LB": "لبنان",
    "LU": "لوکزامبورگ",
    "MX": "مکزیک",
    "MY": "مالزی",
    "NL": "هلند",
    "NO": "نروژ",
    "NZ": "نیوزیلند",
    "OM": "عمان",
    "PK": "پاکستان",
    "PL": "لهستان",
    "PT": "پرتغال",
    "QA": "قطر",
    "RO": "رومانی",
    "RS": "صربستان",
    "RU": "روسیه",
    "SA": "عربستان سعودی",
    "SE": "سوئد",
    "SG": "سنگاپور",
    "SY": "سوریه",
    "TH": "تایلند",
    "TJ": "تاجیکستان",
    "TM": "ترکمنستان",
    "TR": "ترکیه",
    "UA": "اوکراین",
    "US": "ایالات متحده",
    "UZ": "ازبکستان",
}

#: Short and everyday forms that no official name covers.
ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "US": (
        "USA",
        "U.S.",
        "U.S.A.",
        "United States of America",
        "America",
        "آمریکا",
        "امریکا",
        "ایالات متحده آمریکا",
        "ایالات متحدهٔ آمریکا",
        "ایالات متحده امریکا",
    ),
    "GB": (
        "UK",
        "U.K.",
        "Great Britain",
        "Britain",
        "England",
        "Scotland",
        "Wales",
        "Northern Ireland",
        "انگلیس",
        "انگلستان",
        "بریتانیای کبیر",
        "اسکاتلند",
    ),
    "NL": ("Holland", "The Netherlands"),
    "IR": ("Persia",),
    "TR": ("Turkey", "Türkiye"),
    "AE": ("UAE", "U.A.E.", "Emirates", "امارات"),
    "KR": ("Korea", "کره"),
    "CZ": ("Czechia", "Czech Republic"),
    "DE": ("Deutschland",),
    "CH": ("Schweiz", "Suisse", "Svizzera"),
    "SE": ("Sverige",),
    "NO": ("Norge",),
    "DK": ("Danmark",),
    "AT": ("Österreich",),
}


@functools.cache
def _locale() -> dict[str, dict[str, str]]:
    """Region names by language; imported on first use, as it takes a quarter second."""
    from phonenumbers.geodata.locale import LOCALE_DATA

    return LOCALE_DATA


def _resolve(region: str, lang: str) -> str:
    """A region's name in one language; the library writes '*xx' for 'same as in xx'."""
    names = _locale().get(region, {})
    name = names.get(lang, "")
    for _ in range(4):  # the data has at least one loop ('*zh' for zh)
        if not name.startswith("*"):
            return name
        name = names.get(name[1:], "")
    return ""


@functools.cache
def _by_key() -> dict[str, str]:
    """Matching key of every known name -> code; a name two countries share is left out."""
    pairs = {(code, name) for code, name in FA_NAMES.items()}
    pairs |= {(code, name) for names in CLDR_NAMES.values() for code, name in names.items()}
    pairs |= {(code, name) for code, names in ALIASES.items() for name in names}
    for region, names in _locale().items():
        if len(region) == 2 and region.isalpha():
            pairs.add((region, region))
            pairs |= {(region, _resolve(region, lang)) for lang in names}
    found: dict[str, set[str]] = {}
    for code, name in pairs:
        if key := match_key(name):
            found.setdefault(key, set()).add(code)
    return {key: codes.pop() for key, codes in found.items() if len(codes) == 1}


def code_for(text: str) -> str | None:
    """The ISO code of the country `text` names, or None."""
    return _by_key().get(match_key(text))


def key_for(typed: str) -> str:
    """What a typed country is counted under: its code, or its matching key."""
    return code_for(typed) or match_key(typed)[:60]


def is_code(key: str) -> bool:
    """Matching keys are lower case, so two capitals can only be a code given here."""
    return len(key) == 2 and key.isascii() and key.isupper()


def canonical(key: str) -> str:
    """A stored key as counted now: vaults from before this module hold typed names."""
    if not key or is_code(key):
        return key
    return code_for(key) or key


def name(key: str, lang: str) -> str:
    """A stored key as a reader of `lang` expects it: codes become names."""
    key = canonical(key)
    if not is_code(key):
        return key
    if lang == "fa" and key in FA_NAMES:
        return FA_NAMES[key]
    return CLDR_NAMES.get(lang, {}).get(key) or _resolve(key, "en") or key
