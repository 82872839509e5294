"""Languages: the volunteer's interface language and the signer's kiosk language.

Both come from Qt translation files `resources/i18n/tomar_XX.qm` (compiled from
`tomar_XX.ts` by `pyside6-lrelease`, see the Makefile). English is the source language
and needs no file. Persian (`fa`) and Arabic (`ar`) have one. Adding a language is
adding `tomar_XX.ts` and its compiled `.qm`: the list of languages, their names, their
writing direction and their digits all come from the files and QLocale (the printed
sheets need one more entry, see docs/ARCHITECTURE.md, "Adding a language").

The interface language is installed on the application (QUiLoader and `tr()` use it).
The kiosk speaks the signer's language, which may differ, so it asks `text()` (and
`count()` for sentences with a number) for a translation in a given language without
installing anything.

Sentences that count take the number through Qt's numerus forms (`tr(source, "", n)`
with `%Ln` in the source): Arabic has six forms, Persian one (a noun after a numeral
stays singular), English two, from `tomar_en.ts`, which holds only those sentences.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QGuiApplication

from .paths import i18n_dir

if TYPE_CHECKING:
    # PySide6 types it as returning object; it returns its second argument unchanged.
    def QT_TRANSLATE_NOOP(context: str, source: str) -> str: ...
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

__all__ = ["QT_TRANSLATE_NOOP", "Languages", "direction", "native_name"]

_INSTALLED: list[QTranslator] = []

SOURCE_LANGUAGE = "en"


def direction(lang: str) -> Qt.LayoutDirection:
    """Right-to-left for Persian, Arabic, Hebrew..., as QLocale knows them."""
    return QLocale(lang).textDirection()


def native_name(lang: str) -> str:
    """The language's own name for itself ("فارسی"), for language pickers."""
    if lang == SOURCE_LANGUAGE:
        return "English"  # QLocale says "American English", which is not the point here
    name = QLocale(lang).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else lang


class Languages:
    """One QTranslator per language, loaded once; the installed one drives the UI."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or i18n_dir()
        self._tomar: dict[str, QTranslator | None] = {}
        self.current = SOURCE_LANGUAGE

    def available(self) -> list[str]:
        """English plus every language with a compiled translation file."""
        found = sorted(p.stem.removeprefix("tomar_") for p in self.folder.glob("tomar_*.qm"))
        return [SOURCE_LANGUAGE, *(lang for lang in found if lang != SOURCE_LANGUAGE)]

    def translator(self, lang: str) -> QTranslator | None:
        if lang not in self._tomar:
            tr = QTranslator()
            # English is the source; its file only holds plural forms ("1 second").
            ok = tr.load(str(self.folder / f"tomar_{lang}.qm"))
            self._tomar[lang] = tr if ok else None
        return self._tomar[lang]

    def text(self, lang: str, context: str, source: str) -> str:
        """`source` (English) translated to `lang`, or `source` when there is none."""
        tr = self.translator(lang)
        out = tr.translate(context, source) if tr is not None else ""
        return out or source

    def count(self, lang: str, context: str, source: str, n: int) -> str:
        """A sentence with the number `n` (`%Ln` or `%n` in `source`) in `lang`, in the
        plural form `lang` uses for `n` and with its digits ("٣ ثوانٍ")."""
        tr = self.translator(lang)
        out = (tr.translate(context, source, None, n) if tr is not None else "") or source
        return out.replace("%Ln", QLocale(lang).toString(n)).replace("%n", str(n))

    def install(self, app: QGuiApplication, lang: str) -> None:
        """Make `lang` the interface language, with Qt's own strings and direction."""
        if lang not in self.available():
            lang = SOURCE_LANGUAGE
        # One set of translators per application, whichever Languages object installed it.
        for tr in _INSTALLED:
            app.removeTranslator(tr)
        _INSTALLED.clear()
        own = self.translator(lang)
        if own is not None:
            _INSTALLED.append(own)
        qt = QTranslator()
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if lang != SOURCE_LANGUAGE and qt.load(f"qtbase_{lang}", qt_dir):
            _INSTALLED.append(qt)
        for tr in _INSTALLED:
            app.installTranslator(tr)
        QLocale.setDefault(QLocale(lang))
        app.setLayoutDirection(direction(lang))
        self.current = lang
