"""The campaign form as a TOML spec, so that the GUI and the CLI share one validation
path (`campaign.doc_from_spec`). Qt-free."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

#: (name, kind, label per language) of the fields the form offers: one label in each
#: language of `campaign.OFFERED_LANGUAGES` (a test checks).
FIELD_CHOICES: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("full_name", "name", {"en": "Full name", "fa": "نام و نام خانوادگی", "ar": "الاسم الكامل"}),
    ("email", "email", {"en": "Email", "fa": "ایمیل", "ar": "البريد الإلكتروني"}),
    ("phone", "phone", {"en": "Phone", "fa": "تلفن", "ar": "الهاتف"}),
    ("city", "city", {"en": "City", "fa": "شهر", "ar": "المدينة"}),
    ("state", "state", {"en": "State", "fa": "ایالت", "ar": "الولاية"}),
    ("country", "country", {"en": "Country", "fa": "کشور", "ar": "البلد"}),
    ("postal_code", "postal_code", {"en": "ZIP code", "fa": "کد پستی", "ar": "الرمز البريدي"}),
)


@dataclass
class FieldChoice:
    name: str
    kind: str
    required: bool
    label: dict[str, str]


@dataclass
class CampaignForm:
    languages: list[str]
    title: dict[str, str]
    addressee: dict[str, str]
    text: dict[str, str]
    consent: dict[str, str]
    fields: list[FieldChoice] = field(default_factory=list)
    signature_required: bool = True
    end_date: str | None = None  # YYYY-MM-DD
    campaign_id: str | None = None


def toml_string(value: str) -> str:
    """A TOML basic string: JSON escapes are TOML escapes; DEL must be escaped too."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _table(name: str, texts: dict[str, str], languages: list[str]) -> list[str]:
    lines = [f"[{name}]"]
    lines += [f"{lang} = {toml_string(texts.get(lang, ''))}" for lang in languages]
    return [*lines, ""]


def to_toml(form: CampaignForm) -> str:
    langs = form.languages
    out = []
    if form.campaign_id:
        out.append(f"id = {toml_string(form.campaign_id)}")
    out.append("languages = [" + ", ".join(toml_string(x) for x in langs) + "]")
    out.append(f"signature = {toml_string('required' if form.signature_required else 'optional')}")
    if form.end_date:
        out.append(f"end_date = {toml_string(form.end_date)}")
    out.append("")
    out += _table("title", form.title, langs)
    out += _table("addressee", form.addressee, langs)
    out += _table("text", form.text, langs)
    out += _table("consent", form.consent, langs)
    for f in form.fields:
        labels = ", ".join(
            f"{lang} = {toml_string(f.label[lang])}" for lang in langs if f.label.get(lang)
        )
        out += [
            "[[fields]]",
            f"name = {toml_string(f.name)}",
            f"kind = {toml_string(f.kind)}",
            f"required = {'true' if f.required else 'false'}",
            f"label = {{ {labels} }}",
            "",
        ]
    return "\n".join(out)
