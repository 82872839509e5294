"""Where a signer lives: US states, postal codes per country, congressional districts.

Congressional offices read their own constituents, so a petition to Congress is counted
and delivered by state and district. Devices check a state and a ZIP offline (`us` for
the list of states, `zipcodes` for real ZIP codes); only the organizer's machine loads a
ZIP-to-district table (the Census Bureau's ZCTA to congressional district relationship
file), since a five-digit ZIP can span districts.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

import us
import zipcodes

from .errors import E, FormatError, ValidationError
from .normalize import clean_text, match_key, normalize_digits

#: Persian names of the states, DC and the inhabited territories, as a Persian speaker
#: in the diaspora writes them.
FA_STATE_NAMES: Final[dict[str, str]] = {
    "AL": "آلاباما", "AK": "آلاسکا", "AZ": "آریزونا", "AR": "آرکانزاس",
    "CA": "کالیفرنیا", "CO": "کلرادو", "CT": "کنتیکت", "DE": "دلاور",
    "FL": "فلوریدا", "GA": "جورجیا", "HI": "هاوایی", "ID": "آیداهو",
    "IL": "ایلینوی", "IN": "ایندیانا", "IA": "آیووا", "KS": "کانزاس",
    "KY": "کنتاکی", "LA": "لوئیزیانا", "ME": "مین", "MD": "مریلند",
    "MA": "ماساچوست", "MI": "میشیگان", "MN": "مینه‌سوتا", "MS": "می‌سی‌سی‌پی",
    "MO": "میزوری", "MT": "مونتانا", "NE": "نبراسکا", "NV": "نوادا",
    "NH": "نیوهمپشایر", "NJ": "نیوجرسی", "NM": "نیومکزیکو", "NY": "نیویورک",
    "NC": "کارولینای شمالی", "ND": "داکوتای شمالی", "OH": "اوهایو", "OK": "اوکلاهما",
    "OR": "اورگن", "PA": "پنسیلوانیا", "RI": "رود آیلند", "SC": "کارولینای جنوبی",
    "SD": "داکوتای جنوبی", "TN": "تنسی", "TX": "تگزاس", "UT": "یوتا",
    "VT": "ورمانت", "VA": "ویرجینیا", "WA": "واشینگتن", "WV": "ویرجینیای غربی",
    "WI": "ویسکانسین", "WY": "وایومینگ", "DC": "واشینگتن دی‌سی",
    "AS": "ساموآی آمریکا", "GU": "گوام", "MP": "جزایر ماریانای شمالی",
    "PR": "پورتوریکو", "VI": "جزایر ویرجین آمریکا",
}  # fmt: skip
AR_STATE_NAMES: Final[dict[str, str]] = {
    "AL": "ألاباما", "AK": "ألاسكا", "AZ": "أريزونا", "AR": "أركنساس",
    "CA": "كاليفورنيا", "CO": "كولورادو", "CT": "كونيتيكت", "DE": "ديلاوير",
    "FL": "فلوريدا", "GA": "جورجيا", "HI": "هاواي", "ID": "أيداهو",
    "IL": "إلينوي", "IN": "إنديانا", "IA": "أيوا", "KS": "كانساس",
    "KY": "كنتاكي", "LA": "لويزيانا", "ME": "مين", "MD": "ماريلاند",
    "MA": "ماساتشوستس", "MI": "ميشيغان", "MN": "مينيسوتا", "MS": "ميسيسيبي",
    "MO": "ميزوري", "MT": "مونتانا", "NE": "نبراسكا", "NV": "نيفادا",
    "NH": "نيوهامبشير", "NJ": "نيوجيرسي", "NM": "نيومكسيكو", "NY": "نيويورك",
    "NC": "كارولاينا الشمالية", "ND": "داكوتا الشمالية", "OH": "أوهايو", "OK": "أوكلاهوما",
    "OR": "أوريغون", "PA": "بنسلفانيا", "RI": "رود آيلاند", "SC": "كارولاينا الجنوبية",
    "SD": "داكوتا الجنوبية", "TN": "تينيسي", "TX": "تكساس", "UT": "يوتا",
    "VT": "فيرمونت", "VA": "فرجينيا", "WA": "واشنطن", "WV": "فرجينيا الغربية",
    "WI": "ويسكونسن", "WY": "وايومنغ", "DC": "واشنطن العاصمة",
    "AS": "ساموا الأمريكية", "GU": "غوام", "MP": "جزر ماريانا الشمالية",
    "PR": "بورتوريكو", "VI": "جزر العذراء الأمريكية",
}  # fmt: skip
_FA_MATCH: Final = {"GA": "جرجیا", "OK": "اوکلاهاما", "DC": "واشنگتن دی سی"}


@dataclass(frozen=True)
class State:
    code: str  # USPS, e.g. "CA"
    fips: str  # two digits, e.g. "06"
    name: str  # English


def _states() -> tuple[State, ...]:
    # DC is among `us.STATES` only when DC_STATEHOOD is set; it is listed here always.
    found = [*us.STATES, us.states.DC, *us.TERRITORIES]
    wanted = [s for s in found if s.abbr in FA_STATE_NAMES]
    seen: dict[str, State] = {}
    for s in wanted:
        seen.setdefault(s.abbr, State(s.abbr, str(s.fips), str(s.name)))
    return tuple(sorted(seen.values(), key=lambda s: s.name))


#: Every state, DC and territory a signer can choose, by English name.
STATES: Final[tuple[State, ...]] = _states()
BY_CODE: Final[dict[str, State]] = {s.code: s for s in STATES}
BY_FIPS: Final[dict[str, State]] = {s.fips: s for s in STATES}


def _lookup_key(text: str) -> str:
    return match_key(text).replace(" ", "").replace(".", "")


_LOOKUP: Final[dict[str, str]] = {
    **{_lookup_key(s.name): s.code for s in STATES},
    **{_lookup_key(n): c for c, n in FA_STATE_NAMES.items()},
    **{_lookup_key(n): c for c, n in AR_STATE_NAMES.items()},
    **{_lookup_key(n): c for c, n in _FA_MATCH.items()},
    "districtofcolumbia": "DC",
    "washingtondc": "DC",
}


def state_name(code: str, lang: str) -> str:
    """A state's name for a reader of `lang` (Persian, Arabic, else English); unknown as is."""
    local = {"fa": FA_STATE_NAMES, "ar": AR_STATE_NAMES}.get(lang, {})
    if code in local:
        return local[code]
    state = BY_CODE.get(code)
    return state.name if state is not None else code


def state_code(text: str) -> str | None:
    """The code of a state written as its code or its name (English, Persian or Arabic)."""
    raw = clean_text(text)
    if raw.upper() in BY_CODE:
        return raw.upper()
    return _LOOKUP.get(_lookup_key(raw))


def normalize_state(text: str) -> str:
    code = state_code(text)
    if code is None:
        raise ValidationError({"state": E.VALIDATION_BAD_STATE})
    return code


# zipcodes' Python layer has no annotations (its compiled core has): typed here once.
_is_real: Callable[[str], bool] = zipcodes.is_real
_matching: Callable[[str], list[dict[str, Any]]] = zipcodes.matching
_US_ZIP = re.compile(r"^(\d{5})(?:[- ]?(\d{4}))?$")
_OTHER_POSTAL = re.compile(r"^[A-Z0-9][A-Z0-9 -]{1,10}[A-Z0-9]$")


def normalize_postal(text: str, country: str) -> str:
    """A postal code checked for its country: US ZIP and ZIP+4 offline, others by shape.

    Keys: `bad_zip` (not five or nine digits), `unknown_zip` (no such ZIP code),
    `bad_postal_code` (not a postal code of any country).
    """
    raw = normalize_digits(clean_text(text)).upper()
    if country == "US":
        m = _US_ZIP.match(raw)
        if m is None:
            raise ValidationError({"postal_code": E.VALIDATION_BAD_ZIP})
        if not _is_real(m.group(1)):
            raise ValidationError({"postal_code": E.VALIDATION_UNKNOWN_ZIP})
        return m.group(1) if m.group(2) is None else f"{m.group(1)}-{m.group(2)}"
    if not _OTHER_POSTAL.match(raw):
        raise ValidationError({"postal_code": E.VALIDATION_BAD_POSTAL_CODE})
    return raw


def zip_state(zip_code: str) -> str | None:
    """The state of a US ZIP (five digits or ZIP+4), from the data `zipcodes` ships."""
    m = _US_ZIP.match(zip_code or "")
    if m is None:
        return None
    try:
        found = _matching(m.group(1))
    except (TypeError, ValueError):
        return None
    return str(found[0]["state"]) if found else None


def zip5(zip_code: str | None) -> str | None:
    m = _US_ZIP.match(zip_code or "")
    return None if m is None else m.group(1)


def zip9(zip_code: str | None) -> str | None:
    m = _US_ZIP.match(zip_code or "")
    return None if m is None or m.group(2) is None else m.group(1) + m.group(2)


# --- Congressional districts -----------------------------------------------------------

#: Where the table comes from, for the docs and the command's help.
DISTRICT_SOURCE: Final = (
    "the Census Bureau's ZCTA to congressional district relationship file "
    "(census.gov, Geography > Relationship Files, e.g. tab20_cd11820_zcta520_natl.txt)"
)
SPLIT: Final = "split"
MAX_DISTRICT_FILE: Final = 64 * 1024 * 1024
_CD_COL = re.compile(r"^GEOID_CD\d+(_\d+)?$")
_ZCTA_COL = re.compile(r"^GEOID_ZCTA5(_\d+)?$")
_DISTRICT = re.compile(r"^[A-Z]{2}-(AL|[0-9]{2})$")


def district_label(geoid: str) -> str | None:
    """A Census district GEOID (state FIPS + district) as "CA-12"; at-large as "WY-AL".

    District 00 is an at-large seat and 98 a non-voting delegate (DC, territories);
    ZZ is land in no district (water). Those and unknown states give None.
    """
    if len(geoid) != 4 or not geoid.isdigit():
        return None
    state = BY_FIPS.get(geoid[:2])
    if state is None:
        return None
    number = geoid[2:]
    return f"{state.code}-AL" if number in ("00", "98") else f"{state.code}-{number}"


def parse_district_table(data: bytes) -> list[tuple[str, str]]:
    """(ZIP, district) pairs from a Census ZCTA-to-district file (pipe-delimited, header).

    Columns are found by their names (GEOID_CD118_20, GEOID_ZCTA5_20...), so the file of
    another Congress reads the same. A ZIP key of nine digits (ZIP+4) is taken as it is.
    """
    if len(data) > MAX_DISTRICT_FILE:
        raise FormatError(E.PLACES_DISTRICT_TABLE_TOO_LARGE)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FormatError(E.PLACES_DISTRICT_TABLE_NOT_TEXT) from None
    reader = csv.reader(io.StringIO(text), delimiter="|")
    header = next(reader, None)
    if header is None:
        raise FormatError(E.PLACES_DISTRICT_TABLE_EMPTY)
    cd = [i for i, h in enumerate(header) if _CD_COL.match(h.strip())]
    zc = [i for i, h in enumerate(header) if _ZCTA_COL.match(h.strip())]
    if len(cd) != 1 or len(zc) != 1:
        raise FormatError(E.PLACES_DISTRICT_TABLE_COLUMNS, source=DISTRICT_SOURCE)
    pairs: set[tuple[str, str]] = set()
    width = max(cd[0], zc[0])
    for row in reader:
        if len(row) <= width:
            continue
        zip_code, geoid = row[zc[0]].strip(), row[cd[0]].strip()
        label = district_label(geoid)
        if label is None or not zip_code.isdigit() or len(zip_code) not in (5, 9):
            continue
        pairs.add((zip_code, label))
    if not pairs:
        raise FormatError(E.PLACES_DISTRICT_TABLE_WITHOUT_ZIPS)
    return sorted(pairs)


#: Where a ZIP+4 table comes from, for the docs and the command's help.
ZIP4_SOURCE: Final = (
    "a CSV with the columns ZIP, PLUS4_LOW, PLUS4_HIGH and DISTRICT (or STATE and CD), "
    "made from a ZIP+4-level district database (docs/CAMPAIGN.md says where to get one)"
)
#: A ZIP's ZIP+4 ranges: (low, high, district), both ends included, sorted by low.
Ranges = list[tuple[int, int, str]]
_ZIP4_COLUMNS: Final = {
    "zip": ("zip", "zip5", "zipcode", "zip_code"),
    "low": ("plus4_low", "zip4_low", "plus4low", "low"),
    "high": ("plus4_high", "zip4_high", "plus4high", "high"),
    "district": ("district", "cd_label"),
    "state": ("state", "state_abbr", "st"),
    "cd": ("cd", "congressional_district", "district_number"),
}


def is_zip4_table(data: bytes) -> bool:
    """Whether a district file is a ZIP+4 range table (its header names PLUS4_LOW)."""
    head = data[:4096].split(b"\n", 1)[0].lower()
    return any(name.encode() in head for name in _ZIP4_COLUMNS["low"][:3])


def _district_of(state: str, cd: str) -> str | None:
    """A district from a state (USPS code or FIPS) and its number ("12", "AL", "00")."""
    state, cd = state.strip().upper(), cd.strip().upper()
    code = state if state in BY_CODE else (BY_FIPS[state].code if state in BY_FIPS else None)
    if code is None:
        return None
    if cd in ("AL", "00", "0", "98"):
        return f"{code}-AL"
    return f"{code}-{int(cd):02d}" if cd.isdigit() and 0 < int(cd) < 60 else None


def parse_zip4_table(data: bytes) -> list[tuple[str, int, int, str]]:
    """(ZIP, +4 low, +4 high, district) from a ZIP+4 range table; see ZIP4_SOURCE.

    Columns are found by name, in any order and case, separated by commas, tabs or pipes.
    A district is "CA-12", "CA-AL", or a Census GEOID ("0612"); or STATE and CD columns
    give it ("CA" or "06", and "12" or "AL"). Rows that name no district are skipped.
    """
    if len(data) > MAX_DISTRICT_FILE:
        raise FormatError(E.PLACES_ZIP4_TABLE_TOO_LARGE)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FormatError(E.PLACES_ZIP4_TABLE_NOT_TEXT) from None
    first = text.split("\n", 1)[0]
    delimiter = max(",\t|", key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader, [])]

    def column(kind: str) -> int | None:
        found = [i for i, h in enumerate(header) if h in _ZIP4_COLUMNS[kind]]
        return found[0] if len(found) == 1 else None

    zc, lo, hi = column("zip"), column("low"), column("high")
    dc, sc, cc = column("district"), column("state"), column("cd")
    if zc is None or lo is None or hi is None or (dc is None and (sc is None or cc is None)):
        raise FormatError(E.PLACES_ZIP4_TABLE_COLUMNS, source=ZIP4_SOURCE)
    used = [i for i in (zc, lo, hi, dc, sc, cc) if i is not None]
    out: set[tuple[str, int, int, str]] = set()
    for row in reader:
        if len(row) <= max(used):
            continue
        zip_code, low, high = row[zc].strip(), row[lo].strip(), row[hi].strip()
        if not (len(zip_code) == 5 and zip_code.isascii() and zip_code.isdigit()):
            continue
        if not all(len(v) == 4 and v.isascii() and v.isdigit() for v in (low, high)):
            continue
        if dc is not None:
            raw = row[dc].strip().upper()
            district = raw if is_district(raw) else district_label(raw)
        else:
            assert sc is not None and cc is not None
            district = _district_of(row[sc], row[cc])
        if district is None or int(low) > int(high):
            continue
        out.add((zip_code, int(low), int(high), district))
    if not out:
        raise FormatError(E.PLACES_ZIP4_TABLE_WITHOUT_RANGES)
    return sorted(out)


def _in_ranges(ranges: Ranges, plus4: int) -> str | None:
    """The one district whose ranges hold `plus4` (None if none, or several disagree)."""
    found = {d for low, high, d in ranges if low <= plus4 <= high}
    return found.pop() if len(found) == 1 else None


def resolve_district(
    zip_code: str | None,
    choice: str | None,
    table: Mapping[str, Iterable[str]],
    ranges: Mapping[str, Ranges] | None = None,
) -> str:
    """A signer's district: the organizer's choice, else ZIP+4, else a ZIP in one district.

    ZIP+4 is looked up as a nine-digit key of `table`, then, for a ZIP that spans
    districts (or that the table lacks), in the ZIP+4 `ranges` of that ZIP. A ZIP
    spanning districts is `SPLIT` until ZIP+4 or the organizer decides; no ZIP or no
    table gives "".
    """
    if choice:
        return choice
    nine = zip9(zip_code)
    if nine is not None:
        found = list(table.get(nine, ()))
        if len(found) == 1:
            return found[0]
    five = zip5(zip_code)
    if five is None:
        return ""
    found = list(table.get(five, ()))
    if len(found) == 1:
        return found[0]
    if nine is not None and ranges and five in ranges:
        by_range = _in_ranges(ranges[five], int(nine[5:]))
        if by_range is not None:
            return by_range
    return SPLIT if found else ""


def is_district(text: str) -> bool:
    """Whether `text` is a district such as "CA-12" or "WY-AL" of a state we know (a
    table from elsewhere may name any two letters)."""
    return bool(_DISTRICT.match(text)) and text[:2] in BY_CODE
