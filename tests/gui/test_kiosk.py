"""The kiosk through the real widgets: three signers, validation, privacy, PIN, failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
)
from pytestqt.qtbot import QtBot

from tomar.core.device import Device, init_vault
from tomar.core.errors import E, StorageError
from tomar.gui import pin
from tomar.gui.screens.kiosk import KioskScreen

from ..conftest import PASS, make_organizer
from .conftest import (
    EVENT_PIN,
    WindowFactory,
    assert_no_trace,
    click,
    draw_signature,
    open_kiosk,
    type_text,
    unlock,
    visible_texts,
)

SIGNERS = [
    {
        "lang": "en",
        "full_name": "Canary Alpha",
        "city": "Springfield",
        "email": "alpha@example.org",
    },
    {"lang": "fa", "full_name": "زهرا کناری", "city": "لس‌آنجلس", "email": ""},
    {"lang": "en", "full_name": "Canary Gamma", "city": "Bethesda", "email": ""},
]


def fill(qtbot: QtBot, kiosk: KioskScreen, signer: dict[str, str]) -> None:
    if signer["lang"] != kiosk.lang:
        click(qtbot, kiosk.w(QPushButton, f"lang_{signer['lang']}"))
    assert kiosk.signer_form is not None
    for name in ("full_name", "city", "email"):
        if signer[name]:
            type_text(qtbot, kiosk.signer_form.edits[name], signer[name])
    draw_signature(kiosk.pad)
    kiosk.consent.setChecked(True)
    kiosk.w(QRadioButton, "displayFull").setChecked(True)  # no default: the signer chooses


def test_three_signers_counted_and_nothing_left_behind(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window, kiosk = open_kiosk(qtbot, make_window, tmp_path)
    device: Device = window.session.device
    secrets: list[str] = []
    for i, signer in enumerate(SIGNERS):
        fill(qtbot, kiosk, signer)
        assert kiosk.signer_form is not None
        assert kiosk.signer_form.edits["full_name"].text() == signer["full_name"]
        if i == 2:
            kiosk.w(QRadioButton, "displayInitials").setChecked(True)
        click(qtbot, kiosk.w(QPushButton, "signButton"))
        assert kiosk.pages.currentWidget() is kiosk.thanks_page
        qtbot.waitUntil(lambda: kiosk.pages.currentWidget() is kiosk.form_page, timeout=5000)
        secrets += [v for k, v in signer.items() if k != "lang" and v]
        # No widget anywhere holds any signer's text, and nothing can be undone.
        for top in QApplication.topLevelWidgets():
            assert_no_trace(visible_texts(top), secrets)
        for edit in kiosk.signer_form.edits.values():
            assert edit.text() == ""
            assert not edit.isUndoAvailable()
            assert not edit.isRedoAvailable()
        assert kiosk.pad.is_empty and kiosk.pad.signature() is None
        assert not kiosk.consent.isChecked()
        assert kiosk.display_choice() == ""  # the next signer chooses afresh
        assert kiosk.lang == "en"  # back to the campaign's first language
        assert window.windowTitle() == "Tomar"
    assert device.counts()["current_event"] == 3
    assert kiosk.w(QLabel, "countLabel").text() == "Signatures at this event: 3"
    kiosk_rows = device.vault.conn.execute(
        "SELECT count(*) FROM records WHERE source = 'kiosk'"
    ).fetchone()[0]
    assert kiosk_rows == 3


def test_persian_signer_sees_rtl_and_persian_problems(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window, kiosk = open_kiosk(qtbot, make_window, tmp_path)
    click(qtbot, kiosk.w(QPushButton, "lang_fa"))
    assert kiosk.form_page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert kiosk.w(QPushButton, "signButton").text() == "ثبت امضای من"
    click(qtbot, kiosk.w(QPushButton, "signButton"))
    assert kiosk.signer_form is not None
    assert kiosk.signer_form.problems["full_name"].text() == "لطفاً این خانه را پر کنید."
    assert kiosk.signer_form.problems["full_name"].isVisible()
    assert kiosk.w(QLabel, "padProblem").text() == "لطفاً داخل کادر امضا کنید."
    assert "موافقم" in kiosk.w(QLabel, "consentProblem").text()
    assert window.session.device.counts()["total"] == 0

    # A dot is not a signature, and the signer is told why in words.
    draw_signature(kiosk.pad, small=True)
    click(qtbot, kiosk.w(QPushButton, "signButton"))
    assert "خیلی کوتاه" in kiosk.w(QLabel, "padProblem").text()

    # Switching language re-explains the same problems in English.
    click(qtbot, kiosk.w(QPushButton, "lang_en"))
    assert kiosk.form_page.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert kiosk.w(QLabel, "padProblem").text().startswith("Your signature is too short")
    assert kiosk.signer_form.problems["full_name"].text() == "Please fill this in."


def test_invalid_email_is_shown_next_to_the_field(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    _, kiosk = open_kiosk(qtbot, make_window, tmp_path)
    fill(qtbot, kiosk, {**SIGNERS[0], "email": "not-an-address"})
    click(qtbot, kiosk.w(QPushButton, "signButton"))
    assert kiosk.signer_form is not None
    assert kiosk.signer_form.problems["email"].text().startswith("This does not look like an email")
    assert not kiosk.signer_form.problems["full_name"].isVisible()
    assert kiosk.signer_form.edits["full_name"].text() == "Canary Alpha"  # nothing lost


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            StorageError(E.VAULT_DISK_FULL_NOTHING_SAVED),
            "The disk is full: nothing was saved. Free some space and try again.",
        ),
        (RuntimeError("secret Canary Alpha in a message"), "Something unexpected went wrong."),
    ],
)
def test_failed_save_keeps_the_form(
    qtbot: QtBot,
    make_window: WindowFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: Exception,
    expected: str,
) -> None:
    window, kiosk = open_kiosk(qtbot, make_window, tmp_path)
    fill(qtbot, kiosk, SIGNERS[0])
    strokes_before = kiosk.pad.signature()

    def failing_save(self: Device, form: object) -> None:
        raise error

    with monkeypatch.context() as patch:
        patch.setattr(Device, "save", failing_save)
        click(qtbot, kiosk.w(QPushButton, "signButton"))
        message = kiosk.w(QLabel, "generalError").text()
        assert message.startswith(expected)
        assert "Canary" not in message  # never the text of an unexpected error
        assert kiosk.pages.currentWidget() is kiosk.form_page
        assert kiosk.signer_form is not None
        assert kiosk.signer_form.edits["full_name"].text() == "Canary Alpha"
        assert kiosk.signer_form.edits["city"].text() == "Springfield"
        assert kiosk.pad.signature() == strokes_before
        assert kiosk.consent.isChecked()
    # The same form goes through once the problem is gone.
    click(qtbot, kiosk.w(QPushButton, "signButton"))
    assert kiosk.pages.currentWidget() is kiosk.thanks_page
    assert window.session.device.counts()["total"] == 1


def _pin_dialog() -> QDialog:
    dialogs = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
    ]
    assert len(dialogs) == 1
    return dialogs[0]


def _enter_pin(qtbot: QtBot, code: str) -> QDialog:
    dialog = _pin_dialog()
    edit = dialog.findChild(QLineEdit, "pinEdit")
    ok = dialog.findChild(QPushButton, "okButton")
    assert edit is not None and ok is not None
    type_text(qtbot, edit, code)
    click(qtbot, ok)
    return dialog


def test_leaving_the_kiosk_needs_the_pin_and_void_last(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window, kiosk = open_kiosk(qtbot, make_window, tmp_path)
    fill(qtbot, kiosk, SIGNERS[0])
    click(qtbot, kiosk.w(QPushButton, "signButton"))
    qtbot.waitUntil(lambda: kiosk.pages.currentWidget() is kiosk.form_page, timeout=5000)
    fill(qtbot, kiosk, SIGNERS[2])  # a half-done signer when the volunteer steps in

    click(qtbot, kiosk.w(QPushButton, "volunteerButton"))
    dialog = _enter_pin(qtbot, "0000")
    message = dialog.findChild(QLabel, "pinMessage")
    assert message is not None and message.text() == "That PIN is not right."
    assert kiosk.pages.currentWidget() is kiosk.form_page
    _enter_pin(qtbot, EVENT_PIN)
    assert kiosk.pages.currentWidget() is kiosk.volunteer_page
    assert kiosk.signer_form is not None and kiosk.signer_form.edits["full_name"].text() == ""
    assert "At this event: 1" in kiosk.w(QLabel, "volunteerCounts").text()

    click(qtbot, kiosk.w(QPushButton, "voidButton"))
    boxes = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]
    assert len(boxes) == 1
    yes = [b for b in boxes[0].buttons() if b.text() == "Void it"]
    click(qtbot, yes[0])  # type: ignore[arg-type]
    device = window.session.device
    assert device.counts()["total"] == 0
    assert device.counts()["voided"] == 1
    assert "voided" in kiosk.w(QLabel, "volunteerMessage").text()

    click(qtbot, kiosk.w(QPushButton, "exitButton"))
    assert window.current == "home"


def test_wrong_pins_slow_down(qtbot: QtBot, make_window: WindowFactory, tmp_path: Path) -> None:
    window, kiosk = open_kiosk(qtbot, make_window, tmp_path)
    click(qtbot, kiosk.w(QPushButton, "volunteerButton"))
    for _ in range(3):
        _enter_pin(qtbot, "9999")
    dialog = _enter_pin(qtbot, EVENT_PIN)  # even the right PIN waits now
    message = dialog.findChild(QLabel, "pinMessage")
    edit = dialog.findChild(QLineEdit, "pinEdit")
    assert message is not None and edit is not None
    assert "will be checked in 5 seconds" in message.text()
    assert kiosk.pages.currentWidget() is kiosk.form_page
    # The PIN typed during the wait is kept and checked when the wait ends (it used
    # to be thrown away silently).
    assert edit.text() == EVENT_PIN
    window.clock.advance(6)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: kiosk.pages.currentWidget() is kiosk.volunteer_page, timeout=3000)


def test_wrong_pin_typed_during_the_wait_is_refused_after_it(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window, kiosk = open_kiosk(qtbot, make_window, tmp_path)
    click(qtbot, kiosk.w(QPushButton, "volunteerButton"))
    for _ in range(3):
        _enter_pin(qtbot, "9999")
    dialog = _enter_pin(qtbot, "1111")
    message = dialog.findChild(QLabel, "pinMessage")
    assert message is not None
    window.clock.advance(6)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: message.text() == "That PIN is not right.", timeout=3000)
    assert kiosk.pages.currentWidget() is kiosk.form_page


# --- issue 17: the campaign can set the signer's display default --------------------------


def _home_with_spec(tmp_path: Path, spec: str) -> Path:
    """A device home holding a package the organizer made from `spec`, with an event."""
    org_vault, _, package = make_organizer(tmp_path / "organizer", spec)
    org_vault.close()
    home = tmp_path / "home"
    with init_vault(home, PASS) as vault:
        device = Device(vault)
        device.import_campaign(package)
        pin.set_pin(vault, device.start_event("Rally", "Washington"), EVENT_PIN)
    return home


@pytest.mark.parametrize(
    ("line", "preselected"),
    [('display_default = "initials"\n', "initials"), ('display_default = "ask"\n', ""), ("", "")],
)
def test_kiosk_preselects_the_campaigns_display_default_for_each_signer(
    qtbot: QtBot,
    make_window: WindowFactory,
    tmp_path: Path,
    spec_text: str,
    line: str,
    preselected: str,
) -> None:
    window = make_window(_home_with_spec(tmp_path, line + spec_text))
    unlock(qtbot, window)
    click(qtbot, window.screens["home"].w(QPushButton, "kioskButton"))
    kiosk = window.screens["kiosk"]
    assert isinstance(kiosk, KioskScreen)
    device: Device = window.session.device
    for n in (1, 2):
        # The question is asked beside the consent whether or not something is preselected.
        assert kiosk.w(QRadioButton, "displayInitials").isVisible()
        assert kiosk.display_choice() == preselected
        assert kiosk.problems == {}
        assert kiosk.signer_form is not None
        type_text(qtbot, kiosk.signer_form.edits["full_name"], f"Canary Default{n}")
        type_text(qtbot, kiosk.signer_form.edits["city"], "Springfield")
        draw_signature(kiosk.pad)
        kiosk.consent.setChecked(True)
        if not preselected:  # nothing chosen: Sign is refused until the signer answers
            click(qtbot, kiosk.w(QPushButton, "signButton"))
            assert kiosk.pages.currentWidget() is kiosk.form_page
            assert "display" in kiosk.problems
        kiosk.w(QRadioButton, "displayHidden").setChecked(True)  # the signer changes it
        click(qtbot, kiosk.w(QPushButton, "signButton"))
        assert kiosk.pages.currentWidget() is kiosk.thanks_page
        qtbot.waitUntil(lambda: kiosk.pages.currentWidget() is kiosk.form_page, timeout=5000)
        assert device.counts()["current_event"] == n
    # The next signer got the campaign's default again, not the previous signer's choice.
    assert kiosk.display_choice() == preselected
