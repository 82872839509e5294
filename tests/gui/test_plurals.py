"""Sentences that count use Qt's plural forms (issue 19): the compiled translations pick
Arabic's six forms, Persian's one and English's two, in the reader's digits, both for
the installed interface language and for the kiosk's signer language."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

import tomar.gui
from tomar.gui.i18n import Languages
from tomar.gui.paths import i18n_dir
from tomar.gui.screens.kiosk import CONTEXT, TEXTS, KioskScreen

from .conftest import WindowFactory, click, prepared_home, unlock

NS = (0, 1, 2, 3, 11, 100)
#: How each language counts, per Qt's rules: how many forms a plural sentence has.
FORMS = {"ar": 6, "fa": 1, "en": 2}


def _numerus(lang: str) -> dict[tuple[str, str], list[str]]:
    tree = ET.parse(i18n_dir() / f"tomar_{lang}.ts")  # noqa: S314 - our own file
    out = {}
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            if message.get("numerus") == "yes":
                forms = [f.text or "" for f in message.iter("numerusform")]
                out[(context.findtext("name") or "", message.findtext("source") or "")] = forms
    return out


def _counting_sources() -> set[str]:
    """Every sentence the GUI translates (`tr`, `_tr`, `QT_TRANSLATE_NOOP`) with a count in it."""
    found = set()
    for path in Path(tomar.gui.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name not in ("tr", "_tr", "QT_TRANSLATE_NOOP"):
                continue
            for arg in node.args:
                value = arg.value if isinstance(arg, ast.Constant) else None
                if isinstance(value, str) and ("%Ln" in value or "%n" in value):
                    found.add(value)
    return found


def test_every_counting_sentence_has_its_plural_forms() -> None:
    sources = _counting_sources()
    assert len(sources) >= 14
    for lang, count in FORMS.items():
        forms = _numerus(lang)
        for (context, source), texts in forms.items():
            assert len(texts) == count and all(t.strip() for t in texts), (lang, source)
            assert source in sources, (context, source)  # no stale plural sentence
        if lang != "en":  # English only lists what differs from its source
            assert sources <= {source for _, source in forms}, lang


def test_no_counting_sentence_counts_through_a_placeholder() -> None:
    """A count that is not the sentence's %Ln would take one form for every number."""
    for lang in ("fa", "ar"):
        for (_, source), texts in _numerus(lang).items():
            assert "%Ln" in source
            assert all("%Ln" in t for t in texts[3 if lang == "ar" else 0 :]), source


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "لم تُستورد أي دفعة"),
        (1, "استُوردت دفعة واحدة"),
        (2, "استُوردت دفعتان"),
        (3, "استُوردت ٣ دفعات"),
        (11, "استُوردت ١١ دفعةً"),
        (100, "استُوردت ١٠٠ دفعة"),
    ],
)
def test_arabic_picks_its_form_for_each_number(qapp: QApplication, n: int, expected: str) -> None:
    """Through the installed translator, as `self.tr(source, "", n)` asks."""
    Languages().install(qapp, "ar")
    try:
        assert QCoreApplication.translate("IntakeTab", "%Ln imported", None, n) == expected
    finally:
        Languages().install(qapp, "en")


def test_six_different_arabic_sentences_for_six_numbers() -> None:
    langs = Languages()
    for context, source in [
        ("RecordsScreen", "%Ln valid signatures."),
        ("SignersTab", "%Ln shown"),
        (CONTEXT, TEXTS["countdown"]),
    ]:
        said = [langs.count("ar", context, source, n) for n in NS]
        assert len(set(said)) == len(NS), said
        assert "٣" in said[3] and "١١" in said[4] and "١٠٠" in said[5]


def test_persian_keeps_one_form_with_persian_digits() -> None:
    langs = Languages()
    said = [langs.count("fa", "RecordsScreen", "%Ln valid signatures.", n) for n in (1, 2, 11)]
    assert said == ["۱ امضای معتبر.", "۲ امضای معتبر.", "۱۱ امضای معتبر."]


def test_english_singular_and_plural() -> None:
    langs = Languages()
    assert langs.count("en", "RecordsScreen", "%Ln valid signatures.", 1) == "1 valid signature."
    assert langs.count("en", "RecordsScreen", "%Ln valid signatures.", 2) == "2 valid signatures."
    assert langs.count("en", "IntakeTab", "%Ln new batches", 1) == "1 new batch"
    assert langs.count("en", "SignersTab", "%Ln shown", 1) == "1 shown"  # no entry: source


def test_kiosk_countdown_counts_in_the_signers_language(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    """The volunteer's interface is English; the signer chose Arabic."""
    window = make_window(prepared_home(tmp_path / "home"))
    unlock(qtbot, window)
    click(qtbot, window.screens["home"].w(QPushButton, "kioskButton"))
    kiosk = window.screens["kiosk"]
    assert isinstance(kiosk, KioskScreen) and kiosk.signer_form is not None
    kiosk.signer_form.edits["full_name"].setText("x")  # a started form counts down
    banner = kiosk.w(QLabel, "countdownBanner")
    kiosk._countdown(1)
    assert "in 1 second." in banner.text()
    kiosk._countdown(2)
    assert "in 2 seconds." in banner.text()
    kiosk.set_language("ar")
    kiosk.signer_form.edits["full_name"].setText("x")
    said = {}
    for n in (1, 2, 3, 11):
        kiosk._countdown(n)
        said[n] = banner.text()
    assert "بعد ثانية واحدة" in said[1] and "بعد ثانيتين" in said[2]
    assert "بعد ٣ ثوانٍ" in said[3] and "بعد ١١ ثانية" in said[11]
