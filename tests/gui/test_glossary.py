"""The Persian interface uses one term per idea (the project's glossary, issue 17).

Every translation whose English names an idea must use the glossary's Persian term for
it, and no translation may use a rendering the glossary rejects («سوابق» reads as a
criminal record, «بسته» is a batch and not a campaign package, «بی‌کاری» means
unemployment...).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tomar.core.sheets.text import LABELS
from tomar.gui.paths import i18n_dir

#: English (a word pattern in the source) -> the Persian term its translation uses
#: (several words: forms of one term, such as a noun and its verb).
TERMS: dict[str, str | tuple[str, ...]] = {
    r"campaign packages?": "فایل",
    r"batch(es)?": "بسته",
    r"vault": "گاوصندوق",
    r"passphrases?": "رمز عبور",
    r"(?-i:PINs?)": "پین",
    r"fingerprints?": "اثر انگشت",
    r"organizers?": "برگزارکنند",
    r"volunteers?": "داوطلب",
    r"kiosk": "صفحهٔ امضا",
    r"events?": "رویداد",
    r"campaigns?": "کارزار",
    r"devices?": "دستگاه",
    r"receipts?": "رسید",
    r"(?<!tomar )sync": "همگام‌سازی",
    r"void(ed)?": ("باطل", "ابطال"),
    r"held": "در انتظار تأیید",
    r"unique": "بی‌تکرار",
    r"initials": "حرف اول",
    r"signers?": "امضاکنند",
    r"revoked": "لغو",
    r"by (day|event|device|country)": "به تفکیک",
}
#: Renderings the glossary rejects, anywhere.
REJECTED = [
    "سوابق",
    "رکورد",
    "فیلد",
    "بی‌کاری",
    "بیکاری",
    "بر پایهٔ",
    "شمارهٔ آزادی",
    "بستهٔ کارزار",
    "بسته‌های کارزار",
    "یکتا",
    "نگه‌داشته‌شده",
    "لغو اعتبار شده",
    "حروف اول",
    "برگرداندن",
    "امضا از نو",
    "کیوسک",
    "گذرواژه",
    "وارد کردن برگه",
]
#: Where an English word is not the glossary's idea (a technical name, another sense).
EXCEPTIONS = {
    ("CoreErrors", "The campaign needs a field of kind 'name'."),
}


def messages() -> list[tuple[str, str, str]]:
    tree = ET.parse(i18n_dir() / "tomar_fa.ts")  # noqa: S314 - our own file
    out = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            forms = [form.text or "" for form in translation.iter("numerusform")]
            out.append((name, source, " | ".join(forms) if forms else translation.text or ""))
    return out


def test_no_rejected_rendering_is_used() -> None:
    found = [
        (context, source, word)
        for context, source, fa in messages()
        for word in REJECTED
        if word in fa
    ]
    assert not found


@pytest.mark.parametrize("english", sorted(TERMS))
def test_each_idea_has_one_term(english: str) -> None:
    terms = TERMS[english]
    words = (terms,) if isinstance(terms, str) else terms
    pattern = re.compile(rf"\b{english}\b", re.IGNORECASE)
    missing = [
        (context, source, fa)
        for context, source, fa in messages()
        if pattern.search(source)
        and (context, source) not in EXCEPTIONS
        and not any(word in fa for word in words)
        and not (english.startswith("campaign") and "campaign package" in source.lower())
        and not re.fullmatch(r"[\s%\d.:]*", fa)
    ]
    assert not missing, "\n".join(f"{c} | {s} | {f}" for c, s, f in missing)


def test_printed_sheets_use_the_same_terms() -> None:
    """The PDFs (blank, delivery, report) say what the app says."""
    persian = LABELS["fa"]
    assert not [(k, v) for k, v in persian.items() for word in REJECTED if word in v]
    assert "بی‌تکرار" in persian["unique"] and "به تفکیک" in persian["by_country"]
    assert persian["held"] == "در انتظار تأیید"
    assert persian["voided"].startswith("باطل")
