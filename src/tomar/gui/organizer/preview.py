"""The campaign wizard's kiosk preview: the kiosk's own form widget, display question,
consent, signature pad and button, in the previewed language, under the texts being
written. A part of `CreateCampaignScreen` (kept apart so that each file stays short)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...core.campaign import OFFERED_LANGUAGES, Campaign
from ..i18n import direction
from ..screens.base import Screen
from ..screens.kiosk import CONTEXT as KIOSK_CONTEXT
from ..screens.kiosk import TEXTS as KIOSK_TEXTS
from ..signature_pad import SignaturePad
from ..signer_form import SignerForm
from . import spec as specs
from .common import plain


class KioskPreview(Screen):
    """The preview's widgets and their filling; the wizard sets `edits`, `field_checks`,
    `preview_lang` and the labels of its form before `_preview_parts` runs."""

    edits: dict[str, dict[str, QLineEdit | QPlainTextEdit]]
    field_checks: dict[str, tuple[QCheckBox, QCheckBox]]
    preview_lang: QComboBox
    preview: QWidget
    preview_title: QLabel
    preview_addressee: QLabel
    preview_text: QLabel
    preview_consent: QLabel

    def _preview_parts(self) -> None:
        """The kiosk's own parts under the texts: its form widget (`SignerForm`, rebuilt
        when the fields change), the name display question, consent, the real signature
        pad and the submit button, with the kiosk's words in the previewed language.
        Nothing typed or drawn here is kept."""
        layout = self.w(QVBoxLayout, "previewLayout")
        at = layout.indexOf(self.preview_consent)
        self.preview_form_title = plain(wrap=True, name="previewFormTitle")
        self.preview_form_host = QWidget()
        self.preview_form_host.setObjectName("previewFormHost")
        QVBoxLayout(self.preview_form_host).setContentsMargins(0, 0, 0, 0)
        self.preview_form: SignerForm | None = None
        self.preview_form_key: tuple[tuple[str, bool], ...] = ()
        self.preview_display = plain(wrap=True, name="previewDisplay")
        choices = QWidget()
        row = QVBoxLayout(choices)  # one under another: the preview is narrower than a kiosk
        row.setContentsMargins(0, 0, 0, 0)
        self.preview_choices = {key: QRadioButton() for key in ("full", "initials", "hidden")}
        for key, button in self.preview_choices.items():
            button.setObjectName(f"previewDisplay_{key}")
            row.addWidget(button)
        self.preview_agree = QCheckBox()
        self.preview_agree.setObjectName("previewAgree")
        self.preview_pad_label = plain(name="previewPadLabel")
        self.preview_pad = SignaturePad()
        self.preview_pad.setObjectName("previewPad")
        self.preview_pad.setMinimumSize(240, 140)
        self.preview_sign = QPushButton()
        self.preview_sign.setObjectName("previewSign")
        self.preview_sign.setProperty("role", "primary")
        parts = [self.preview_form_title, self.preview_form_host, self.preview_display, choices]
        for i, part in enumerate(parts):
            layout.insertWidget(at + i, part)
        at = layout.indexOf(self.preview_consent) + 1
        for i, part in enumerate(
            [self.preview_agree, self.preview_pad_label, self.preview_pad, self.preview_sign]
        ):
            layout.insertWidget(at + i, part)

    def _kiosk_text(self, lang: str, key: str) -> str:
        return self.shell.languages.text(lang, KIOSK_CONTEXT, KIOSK_TEXTS[key])

    def update_preview(self) -> None:
        lang = str(self.preview_lang.currentData() or "en")
        edits = self.edits[lang]
        self.preview.setLayoutDirection(direction(lang))
        self.preview_title.setText(self._value(edits["title"]))
        addressee = self._value(edits["addressee"])
        self.preview_addressee.setText(
            self._kiosk_text(lang, "addressee").replace("%1", addressee) if addressee else ""
        )
        self.preview_text.setText(self._value(edits["text"]))
        self.preview_consent.setText(self._value(edits["consent"]))
        self._preview_form(lang)
        t = self._kiosk_text
        self.preview_form_title.setText(t(lang, "form_title"))
        self.preview_display.setText(t(lang, "display"))
        for key, button in self.preview_choices.items():
            button.setText(t(lang, key))
        self.preview_agree.setText(t(lang, "agree"))
        self.preview_pad_label.setText(t(lang, "pad_label"))
        self.preview_pad.set_hint(t(lang, "pad_hint"))
        self.preview_sign.setText(t(lang, "sign"))

    def _preview_form(self, lang: str) -> None:
        """The kiosk's form widget for the fields ticked now (rebuilt only when they change)."""
        fields = [
            (name, kind, self.field_checks[name][1].isChecked(), dict(labels))
            for name, kind, labels in specs.FIELD_CHOICES
            if self.field_checks[name][0].isChecked()
        ]
        key = tuple((name, required) for name, _, required, _ in fields)
        if self.preview_form is None or key != self.preview_form_key:
            if self.preview_form is not None:
                self.preview_form.clear()
                self.preview_form.deleteLater()
            doc = {
                "languages": list(OFFERED_LANGUAGES),
                "fields": [
                    {"name": n, "kind": k, "required": r, "label": label}
                    for n, k, r, label in fields
                ],
            }
            self.preview_form = SignerForm(Campaign(doc), self.preview_form_host)
            layout = self.preview_form_host.layout()
            assert layout is not None
            layout.addWidget(self.preview_form)
            self.preview_form_key = key
        self.preview_form.set_language(
            lang, self._kiosk_text(lang, "required"), self._kiosk_text(lang, "required_word")
        )

    @staticmethod
    def _value(edit: QLineEdit | QPlainTextEdit) -> str:
        return edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()
