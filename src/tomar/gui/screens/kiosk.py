"""The signing kiosk: petition, form, signature pad, consent, display choice, Sign.

It speaks the SIGNER's language (chosen with the buttons at the top), not the
volunteer's; texts come from the campaign (petition, labels, consent) and from the
translation files (everything else, through `Languages.text`). Validation problems are
shown next to their field, in that language. Its parts: `kiosk_texts` (the signer's
words), `kiosk_layout` (columns and the pad's size for the window), `kiosk_problems`
(validation problems next to their parts, a base class of `KioskScreen`) and
`kiosk_volunteer` (the event PIN and the volunteer panel, the base class of that).

Privacy rules kept here:
* Save first, thank after: `Device.save` returns only after the durable commit.
* After a save, on idle expiry, on lock and on leaving, `reset_form()` empties every
  field (and its undo history), the pad, the consent box, the display choice and the
  problem labels, and resets the input method: there is no way back to a previous
  signer. After a save the language stays the signer's until the thank-you page is
  over, so the confirmation is in a language they read; then it goes back to the
  default for the next signer, who starts at the top of the petition.
* The display choice ("how your name appears on the public sheets") has no default
  unless the campaign's `display_default` names one: the question sits under the
  consent it belongs to, safest choice first, and a signer who has not answered it is
  asked to (see docs/SECURITY.md).

Layout rules (the pad never changes size under the pen): see `kiosk_layout`, which
sizes the pad from the window and the campaign's texts only. Besides:
* A problem message keeps its space once shown until the next Sign or reset
  (`hold`), so fixing one moves nothing under the signer's finger; the idle countdown
  floats over the petition text instead of pushing the form down.
* A failed save keeps the form as it is and says what happened; nothing is lost.
* Leaving the kiosk, or the volunteer panel (counts, void last), needs the event PIN.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.campaign import Campaign
from ...core.errors import ValidationError
from ...core.records import SignatureForm
from .. import i18n
from ..idle import IdleWatcher
from ..messages import error_text
from ..shell import Shell
from ..signature_pad import SignaturePad
from ..signer_form import SignerForm
from .base import release, say
from .kiosk_layout import KioskLayout, SigningTexts
from .kiosk_problems import KioskProblems
from .kiosk_texts import CONTEXT as CONTEXT
from .kiosk_texts import DISPLAY_BUTTONS
from .kiosk_texts import TEXTS as TEXTS


class KioskScreen(KioskProblems):
    ui_name = "kiosk"

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.pages = self.w(QStackedWidget, "pages")
        self.form_page = self.w(QWidget, "formPage")
        self.thanks_page = self.w(QWidget, "thanksPage")
        self.volunteer_page = self.w(QWidget, "volunteerPage")
        self.banner = self.w(QLabel, "countdownBanner")
        self.banner.setObjectName("countdownBanner")
        # The countdown floats over the petition text (nothing to tap there) instead of
        # taking a row of the layout, so it never pushes the form under a finger.
        self.banner.setParent(self.form_page)
        self.banner.hide()
        self.text_scroll = self.w(QScrollArea, "textScroll")
        self.sign_scroll = self.w(QScrollArea, "signScroll")
        for area in (self.text_scroll, self.sign_scroll):
            # Each column gets exactly its stretch share, whatever its content asks for.
            area.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.sign_column = self.w(QWidget, "signColumn")
        self.petition_toggle = self.w(QToolButton, "petitionToggle")
        self.petition_toggle.toggled.connect(self._petition_toggled)
        self.consent = self.w(QCheckBox, "consentCheck")
        self.sign_button = self.w(QPushButton, "signButton")
        self.sign_button.setProperty("role", "sign")
        self.pad = SignaturePad(self.w(QWidget, "padHost"))
        pad_layout = QVBoxLayout(self.w(QWidget, "padHost"))
        pad_layout.setContentsMargins(0, 0, 0, 0)
        # At the leading edge: a scroll bar coming or going never moves it.
        pad_layout.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignLeading)
        self.pad.setMinimumSize(0, 0)
        self.layout_rules = KioskLayout(self.w, self.pad, self._signing_texts)
        self.signer_form: SignerForm | None = None
        self.campaign: Campaign | None = None
        self.lang = ""
        self.problems: dict[str, str] = {}
        self.lang_group = QButtonGroup(self)
        self.lang_group.setExclusive(True)
        self.lang_group.idClicked.connect(self._language_clicked)
        self.lang_codes: list[str] = []
        self.pin_failures = 0
        self.pin_blocked_until = 0.0
        self.pin_dialog: QDialog | None = None

        self.thanks_timer = QTimer(self)
        self.thanks_timer.setSingleShot(True)
        self.thanks_timer.timeout.connect(self._thanks_over)
        self.idle = IdleWatcher(
            shell.options.kiosk_idle_s,
            warn_s=shell.options.kiosk_warn_s,
            clock=shell.clock,
            parent=self,
        )
        self.idle.countdown.connect(self._countdown)
        self.idle.expired.connect(self._idle_expired)

        self.sign_button.clicked.connect(self.sign)
        self.w(QPushButton, "undoButton").clicked.connect(self.pad.undo)
        self.w(QPushButton, "clearButton").clicked.connect(self.pad.clear)
        self.w(QPushButton, "volunteerButton").clicked.connect(self.ask_pin)
        self.w(QPushButton, "resumeButton").clicked.connect(self.show_form)
        self.w(QPushButton, "voidButton").clicked.connect(self.void_last)
        self.w(QPushButton, "exitButton").clicked.connect(lambda: self.shell.go("home"))
        self.w(QPushButton, "volunteerLockButton").clicked.connect(self.shell.lock_now)
        self.pad.changed.connect(lambda: self._part_changed("signature", "padProblem"))
        self.consent.toggled.connect(lambda _: self._part_changed("consent", "consentProblem"))
        for name in DISPLAY_BUTTONS.values():
            self.w(QRadioButton, name).toggled.connect(self._display_toggled)
        self.form.setObjectName("KioskForm")
        self._relayout()

    # --- life cycle -----------------------------------------------------------------

    def enter(self) -> None:
        campaign = self.shell.session.device.require_campaign()
        if self.campaign is None or self.campaign.doc != campaign.doc:
            self._build(campaign)
            self._relayout()  # measured with this campaign's texts
        self.reset_form()
        self.show_form()

    def _build(self, campaign: Campaign) -> None:
        """Fields and language buttons come from the campaign."""
        self.campaign = campaign
        if self.signer_form is not None:
            self.signer_form.clear()
            self.signer_form.deleteLater()
        host = self.w(QWidget, "formHost")
        layout = host.layout() or QVBoxLayout(host)
        layout.setContentsMargins(0, 0, 0, 0)
        self.signer_form = SignerForm(campaign, host)
        layout.addWidget(self.signer_form)
        self.signer_form.show()  # added to a visible parent: show now, not later
        self.signer_form.edited.connect(self._field_edited)
        bar = self.w(QWidget, "languageBar")
        bar_layout = bar.layout() or QHBoxLayout(bar)
        bar_layout.setContentsMargins(0, 0, 0, 0)
        for button in self.lang_group.buttons():
            self.lang_group.removeButton(button)
            button.deleteLater()
        self.lang_codes = list(campaign.languages)
        for i, code in enumerate(self.lang_codes):
            button = QPushButton(i18n.native_name(code), bar)
            button.setObjectName(f"lang_{code}")
            button.setCheckable(True)
            button.setProperty("role", "language")
            self.lang_group.addButton(button, i)
            bar_layout.addWidget(button)
            button.show()
        self._tab_order()

    def _tab_order(self) -> None:
        """Keyboard order as a signer reads: language, fields, pad buttons, consent, the
        display choice, Sign; the volunteer's button last. The fields are made at run
        time, after the form, so without this Tab would jump past them."""
        chain: list[QWidget] = list(self.lang_group.buttons())
        chain.append(self.petition_toggle)
        if self.signer_form is not None:
            chain += list(self.signer_form.edits.values())
        chain += [self.w(QPushButton, "undoButton"), self.w(QPushButton, "clearButton")]
        chain.append(self.consent)
        # In the order shown, safest first: Tab lands on "Not shown", arrows go on.
        chain += [self.w(QRadioButton, DISPLAY_BUTTONS[k]) for k in ("hidden", "initials", "full")]
        chain += [self.sign_button, self.w(QPushButton, "volunteerButton")]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def default_language(self) -> str:
        """The volunteer's language if the campaign has it, else the campaign's first."""
        assert self.campaign is not None
        current = self.shell.languages.current
        return current if current in self.campaign.languages else self.campaign.languages[0]

    def clear(self) -> None:
        """Lock or leave: forget the signer, stop the timers, close the PIN dialog."""
        self.idle.stop()
        self.thanks_timer.stop()
        if self.pin_dialog is not None:
            self.pin_dialog.reject()
        self.reset_form()
        self.pages.setCurrentWidget(self.form_page)

    def reset_form(self, *, keep_language: bool = False) -> None:
        """Blank form for the next signer: nothing of the previous one remains.

        `keep_language` keeps the signer's language for the thank-you page that follows
        a save; `show_form` then switches back for the next signer.
        """
        if self.signer_form is not None:
            self.signer_form.clear()
        self.pad.clear()
        self.consent.setChecked(False)
        # Each signer starts from the campaign's display default: none ("ask") unless
        # the organizer chose one (issue 17); the question stays shown either way.
        default = None if self.campaign is None else self.campaign.display_default
        for choice, name in DISPLAY_BUTTONS.items():
            radio = self.w(QRadioButton, name)
            radio.setAutoExclusive(False)  # the only way to leave none of them checked
            radio.setChecked(choice == default)
            radio.setAutoExclusive(True)
        self.problems = {}
        self._show_problems(focus=False)
        for name in ("padProblem", "consentProblem", "displayProblem", "generalError"):
            release(self.w(QLabel, name))
        self.banner.hide()
        if self.campaign is not None and not keep_language:
            self.set_language(self.default_language())
        self.idle.poke()

    def show_form(self) -> None:
        """The blank form, from the top: the next signer sees the petition's title."""
        if self.pages.currentWidget() is self.thanks_page and self.campaign is not None:
            self.set_language(self.default_language())
        self.pages.setCurrentWidget(self.form_page)
        self.petition_toggle.setChecked(False)
        for area in (self.text_scroll, self.sign_scroll):
            area.verticalScrollBar().setValue(0)
        self._update_count()
        self.idle.start()
        first = self.signer_form.first_edit() if self.signer_form else None
        if first is not None:
            first.setFocus()
        for area in (self.text_scroll, self.sign_scroll):
            area.verticalScrollBar().setValue(0)  # focusing the first field may scroll

    # --- layout ---------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    @property
    def narrow(self) -> bool:
        """Whether the kiosk shows one column (a narrow or upright window)."""
        return self.layout_rules.narrow

    def _relayout(self) -> None:
        """The layout for the window's size (see kiosk_layout); never for what is shown."""
        self.layout_rules.relayout(self.width(), self.height())
        self._arrange_choices()
        self._place_banner()

    def _signing_texts(self) -> list[SigningTexts]:
        """The signing column's texts in each of the campaign's languages."""
        if self.campaign is None:
            return []
        return [self._texts_in(lang) for lang in self.campaign.languages]

    def _texts_in(self, lang: str) -> SigningTexts:
        assert self.campaign is not None
        languages = self.shell.languages
        return SigningTexts(
            consent=self.campaign.text("consent", lang),
            display=languages.text(lang, CONTEXT, TEXTS["display"]),
            choices=tuple(
                languages.text(lang, CONTEXT, TEXTS[k]) for k in ("hidden", "initials", "full")
            ),
        )

    def _arrange_choices(self) -> None:
        texts = self._texts_in(self.lang) if self.campaign is not None and self.lang else None
        self.layout_rules.arrange_choices(texts)

    def _petition_toggled(self, shown: bool) -> None:
        self.layout_rules.petition_shown(shown)
        if self.campaign is not None:
            self.petition_toggle.setText(self.t("fold" if shown else "read"))

    def _place_banner(self) -> None:
        self.layout_rules.place_banner(self.banner, self.form_page)

    # --- language -------------------------------------------------------------------

    def t(self, key: str) -> str:
        """A kiosk text in the signer's language."""
        return self.shell.languages.text(self.lang, CONTEXT, TEXTS[key])

    def _language_clicked(self, index: int) -> None:
        self.set_language(self.lang_codes[index])
        self.idle.poke()

    def set_language(self, lang: str) -> None:
        campaign = self.campaign
        if campaign is None:
            return
        self.lang = lang
        if lang in self.lang_codes:
            button = self.lang_group.button(self.lang_codes.index(lang))
            if button is not None:
                button.setChecked(True)
        direction = i18n.direction(lang)
        for page in (self.form_page, self.thanks_page):
            page.setLayoutDirection(direction)
        self.banner.setLayoutDirection(direction)
        self.w(QLabel, "titleLabel").setText(campaign.text("title", lang))
        addressee = campaign.doc["addressee"]
        if isinstance(addressee, dict):
            to = str(addressee.get(lang) or next(iter(addressee.values()), ""))
        else:
            to = str(addressee)
        self.w(QLabel, "addresseeLabel").setText(self.t("addressee").replace("%1", to))
        self.w(QLabel, "petitionText").setText(campaign.text("text", lang))
        self.w(QLabel, "consentText").setText(campaign.text("consent", lang))
        self.w(QLabel, "formTitle").setText(self.t("form_title"))
        self.w(QLabel, "padLabel").setText(self.t("pad_label"))
        self.w(QLabel, "displayLabel").setText(self.t("display"))
        self.w(QGroupBox, "displayBox").setAccessibleName(self.t("display"))
        self.petition_toggle.setText(self.t("fold" if self.petition_toggle.isChecked() else "read"))
        self.pad.set_hint(self.t("pad_hint"))
        self.pad.setAccessibleName(self.t("pad_name"))
        self.pad.setAccessibleDescription(self.t("pad_description"))
        self.consent.setAccessibleDescription(campaign.text("consent", lang))
        self.pad.setLayoutDirection(direction)
        self.w(QPushButton, "undoButton").setText(self.t("undo"))
        self.w(QPushButton, "clearButton").setText(self.t("clear"))
        self.consent.setText(self.t("agree"))
        for key, name in DISPLAY_BUTTONS.items():
            self.w(QRadioButton, name).setText(self.t(key))
        self._arrange_choices()
        self.sign_button.setText(self.t("sign"))
        self.sign_button.setAccessibleDescription(self.t("sign_description"))
        self.w(QLabel, "thanksTitle").setText(self.t("thanks"))
        self.w(QLabel, "thanksText").setText(self.t("thanks_text"))
        if self.signer_form is not None:
            self.signer_form.set_language(lang, self.t("required"), self.t("required_word"))
        self._show_problems(focus=False)
        self._show_warnings()
        self._update_count()

    # --- signing --------------------------------------------------------------------

    def display_choice(self) -> str:
        """The checked choice, or "" while the signer has not answered (refused by core)."""
        for key, name in DISPLAY_BUTTONS.items():
            if self.w(QRadioButton, name).isChecked():
                return key
        return ""

    def is_dirty(self) -> bool:
        typed = self.signer_form is not None and any(self.signer_form.values().values())
        chosen = bool(self.display_choice())
        ticked = self.signer_form is not None and bool(self.signer_form.consents())
        return typed or chosen or ticked or not self.pad.is_empty or self.consent.isChecked()

    def sign(self) -> None:
        """Save durably, then thank; on any problem keep the form as it is."""
        if self.signer_form is None or self.pages.currentWidget() is not self.form_page:
            return
        # The moment the signer expects an answer: space held for old messages goes.
        for name in ("padProblem", "consentProblem", "displayProblem", "generalError"):
            release(self.w(QLabel, name))
        self.signer_form.release_problems()
        try:
            form = SignatureForm(
                fields=self.signer_form.values(),
                lang=self.lang,
                consent=self.consent.isChecked(),
                display=self.display_choice(),
                signature=self.pad.signature(),
                source="kiosk",
                consents=self.signer_form.consents(),
            )
            self.shell.session.device.save(form)
        except ValidationError as exc:
            self.problems = dict(exc.problems)
            say(self.w(QLabel, "generalError"), self.t("check"), kind="error")
            self._show_problems()
            return
        except Exception as exc:  # TomarError in words; anything else generically
            say(
                self.w(QLabel, "generalError"),
                error_text(self.shell.languages, self.lang, exc),
                kind="error",
            )
            return
        del form
        self.reset_form(keep_language=True)  # thanked in the language they signed in
        self.pages.setCurrentWidget(self.thanks_page)
        self.idle.stop()
        self.thanks_timer.start(self.shell.options.thank_you_ms)

    def _thanks_over(self) -> None:
        self.show_form()

    def _update_count(self) -> None:
        if not self.shell.session.is_open:
            return
        counts = self.shell.session.device.counts()
        n = counts["current_event"] or 0
        label = self.w(QLabel, "countLabel")
        label.setText(self.t("count").replace("%1", QLocale(self.lang).toString(int(n))))
        label.setLayoutDirection(i18n.direction(self.lang))

    # --- idle reset -----------------------------------------------------------------

    def _countdown(self, seconds: int) -> None:
        if seconds < 0 or not self.is_dirty() or self.pages.currentWidget() is not self.form_page:
            self.banner.hide()
            return
        text = self.shell.languages.count(self.lang, CONTEXT, TEXTS["countdown"], seconds)
        say(self.banner, text, kind="warning")
        self._place_banner()

    def _idle_expired(self) -> None:
        if self.pages.currentWidget() is self.form_page:
            self.reset_form()
            self.show_form()
        elif self.pages.currentWidget() is self.volunteer_page:
            self.show_form()  # a volunteer panel left open goes back to the blank form
