"""Issue 17, the signer's side: language of the thanks, a pad that never moves,
a display choice made knowingly, each signer from the top, messages never stale."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tomar.gui.main_window import MainWindow

from .conftest import (
    WindowFactory,
    click,
    draw_signature,
    open_kiosk,
    prepared_home,
    type_text,
    unlock,
)


def geometry(widget: QWidget, window: MainWindow) -> QRect:
    QApplication.processEvents()
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def test_persian_signer_is_thanked_in_persian(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window, kiosk = open_kiosk(qtbot, make_window, tmp_path)
    window.options.thank_you_ms = 60_000
    assert kiosk.lang == "en"  # the volunteer's language
    click(qtbot, kiosk.w(QPushButton, "lang_fa"))
    assert kiosk.signer_form is not None
    type_text(qtbot, kiosk.signer_form.edits["full_name"], "زهرا کناری")
    type_text(qtbot, kiosk.signer_form.edits["city"], "لس‌آنجلس")
    draw_signature(kiosk.pad)
    kiosk.consent.setChecked(True)
    kiosk.w(QRadioButton, "displayHidden").setChecked(True)
    click(qtbot, kiosk.w(QPushButton, "signButton"))
    assert kiosk.pages.currentWidget() is kiosk.thanks_page
    assert kiosk.w(QLabel, "thanksTitle").text() == "متشکریم!"
    assert kiosk.thanks_page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert kiosk.signer_form.edits["full_name"].text() == ""  # yet nothing is kept
    kiosk.thanks_timer.stop()
    kiosk._thanks_over()  # the next signer starts in the default language
    assert kiosk.lang == "en"
    assert kiosk.w(QPushButton, "signButton").text() == "Submit my signature"


def test_pad_and_controls_do_not_move_when_messages_come_and_go(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window, kiosk = open_kiosk(qtbot, make_window, tmp_path)
    assert kiosk.signer_form is not None
    pad = geometry(kiosk.pad, window)
    click(qtbot, kiosk.w(QPushButton, "signButton"))  # nothing filled: every problem
    assert kiosk.w(QLabel, "padProblem").text()
    assert kiosk.w(QLabel, "consentProblem").text()
    assert geometry(kiosk.pad, window) == pad, "the pad changed size when messages appeared"
    consent = geometry(kiosk.consent, window)
    city = geometry(kiosk.signer_form.edits["city"], window)
    sign = geometry(kiosk.sign_button, window)
    type_text(qtbot, kiosk.signer_form.edits["full_name"], "Canary Alpha")
    draw_signature(kiosk.pad)  # answers "please sign": its message goes, its space stays
    assert kiosk.w(QLabel, "padProblem").text() == ""
    assert geometry(kiosk.pad, window) == pad, "the pad changed size under the pen"
    assert geometry(kiosk.consent, window) == consent
    assert geometry(kiosk.signer_form.edits["city"], window) == city, "a field moved up"
    assert geometry(kiosk.sign_button, window) == sign
    kiosk._countdown(20)  # the idle countdown floats; it pushes nothing down
    assert kiosk.banner.isVisible()
    assert geometry(kiosk.pad, window) == pad
    assert geometry(kiosk.signer_form.edits["city"], window) == city


def test_check_the_form_goes_once_everything_is_answered(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    _, kiosk = open_kiosk(qtbot, make_window, tmp_path)
    assert kiosk.signer_form is not None
    click(qtbot, kiosk.w(QPushButton, "signButton"))
    general = kiosk.w(QLabel, "generalError")
    assert general.text() == "Please check the marked parts of the form."
    type_text(qtbot, kiosk.signer_form.edits["full_name"], "Canary Alpha")
    type_text(qtbot, kiosk.signer_form.edits["city"], "Springfield")
    draw_signature(kiosk.pad)
    kiosk.consent.setFocus()
    QTest.keyClick(kiosk.consent, Qt.Key.Key_Space)
    assert kiosk.consent.isChecked()
    assert general.text()  # the display choice is still unanswered
    click(qtbot, kiosk.w(QRadioButton, "displayInitials"))  # type: ignore[arg-type]
    assert general.text() == "", "a stale 'please check' stayed after everything was fixed"


def test_display_choice_has_no_default_and_sits_under_the_consent(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window, kiosk = open_kiosk(qtbot, make_window, tmp_path)
    assert kiosk.signer_form is not None
    radios = [kiosk.w(QRadioButton, n) for n in ("displayHidden", "displayInitials", "displayFull")]
    assert not any(r.isChecked() for r in radios)
    box = kiosk.w(QGroupBox, "displayBox")
    # Same column as the consent, right under it: seen together.
    assert box.parentWidget() is kiosk.consent.parentWidget()
    assert 0 < geometry(box, window).top() - geometry(kiosk.consent, window).bottom() < 80
    # The safer choices come first, the same size as the full name.
    heights = {r.height() for r in radios}
    assert len(heights) == 1
    first, last = geometry(radios[0], window), geometry(radios[2], window)
    # First in reading order: above, or on the same row before it (left in English).
    assert first.top() < last.top() or (first.top() == last.top() and first.left() < last.left())
    type_text(qtbot, kiosk.signer_form.edits["full_name"], "Canary Alpha")
    type_text(qtbot, kiosk.signer_form.edits["city"], "Springfield")
    draw_signature(kiosk.pad)
    kiosk.consent.setChecked(True)
    device = window.session.device
    before = device.counts()["total"]
    click(qtbot, kiosk.sign_button)  # skipped unseen: refused, and asked
    assert device.counts()["total"] == before
    assert kiosk.pages.currentWidget() is kiosk.form_page
    assert kiosk.w(QLabel, "displayProblem").text()
    click(qtbot, radios[1])  # type: ignore[arg-type]
    click(qtbot, kiosk.sign_button)
    assert device.counts()["total"] == before + 1
    assert kiosk.pages.currentWidget() is kiosk.thanks_page


def test_each_signer_starts_at_the_top(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window, kiosk = open_kiosk(qtbot, make_window, tmp_path)
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: window.height() == 600)
    bar = kiosk.text_scroll.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())  # the last signer read to the end
    assert kiosk.signer_form is not None
    type_text(qtbot, kiosk.signer_form.edits["full_name"], "Canary Alpha")
    kiosk._idle_expired()  # walked away
    assert bar.value() == 0
    bar.setValue(bar.maximum())
    kiosk.sign_scroll.verticalScrollBar().setValue(50)
    type_text(qtbot, kiosk.signer_form.edits["full_name"], "Canary Alpha")
    type_text(qtbot, kiosk.signer_form.edits["city"], "Springfield")
    draw_signature(kiosk.pad)
    kiosk.consent.setChecked(True)
    kiosk.w(QRadioButton, "displayFull").setChecked(True)
    click(qtbot, kiosk.sign_button)
    qtbot.waitUntil(lambda: kiosk.pages.currentWidget() is kiosk.form_page, timeout=5000)
    assert bar.value() == 0
    assert kiosk.sign_scroll.verticalScrollBar().value() == 0


def test_narrow_screen_has_one_column_and_a_full_width_pad(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window, kiosk = open_kiosk(qtbot, make_window, tmp_path)
    window.resize(800, 1280)
    qtbot.waitUntil(lambda: window.width() == 800)
    QApplication.processEvents()
    assert kiosk.narrow and not kiosk.sign_scroll.isVisible()
    assert kiosk.pad.width() > 0.85 * kiosk.text_scroll.viewport().width()
    petition = kiosk.w(QLabel, "petitionText")
    assert not petition.isVisible()  # folded under the title
    toggle = kiosk.petition_toggle
    click(qtbot, toggle)  # type: ignore[arg-type]
    assert petition.isVisible()
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.width() == 1366)
    assert not kiosk.narrow and kiosk.sign_scroll.isVisible() and petition.isVisible()


def test_first_run_and_unlock_switch_language(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window(tmp_path / "new")
    click(qtbot, window.screens["first_run"].w(QPushButton, "ui_lang_fa"))
    qtbot.waitUntil(lambda: window.languages.current == "fa" and "first_run" in window.screens)
    qtbot.waitUntil(
        lambda: window.screens["first_run"].layoutDirection() == Qt.LayoutDirection.RightToLeft
    )
    other = make_window(prepared_home(tmp_path / "home"))
    assert other.current == "unlock"
    click(qtbot, other.screens["unlock"].w(QPushButton, "ui_lang_fa"))
    qtbot.waitUntil(lambda: "unlock" in other.screens and other.languages.current == "fa")

    def translated() -> bool:
        button = other.screens["unlock"].findChild(QPushButton, "unlockButton")
        return button is not None and button.text() == "باز کردن قفل"

    qtbot.waitUntil(translated)
    unlock(qtbot, other)


def test_short_passphrase_is_said_once_and_stale_messages_go(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window(tmp_path / "new")
    first = window.screens["first_run"]
    pass_edit, repeat = first.w(QLineEdit, "passEdit"), first.w(QLineEdit, "repeatEdit")
    type_text(qtbot, pass_edit, "short")
    click(qtbot, first.w(QPushButton, "createButton"))
    shown = [
        label.text()
        for label in first.findChildren(QLabel)
        if label.isVisible() and "8 characters" in label.text()
    ]
    assert len(shown) == 1, shown
    type_text(qtbot, pass_edit, "abcdefgh1234")
    type_text(qtbot, repeat, "abcdefgh12")
    click(qtbot, first.w(QPushButton, "createButton"))
    message = first.w(QLabel, "createMessage")
    assert message.text() == "The two passphrases are not the same."
    type_text(qtbot, repeat, "34")
    assert message.text() == "", "a message about the old text stayed"
