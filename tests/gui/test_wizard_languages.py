"""The campaign wizard offers every language of the core's list (issue 19): a campaign
written in English and Arabic in the wizard is signed in Arabic at the kiosk."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTabWidget,
)
from pytestqt.qtbot import QtBot

from tomar.core.campaign import OFFERED_LANGUAGES, read_package
from tomar.core.device import Device, init_vault
from tomar.core.sheets.text import LABELS
from tomar.gui import pin
from tomar.gui.organizer import spec as specs
from tomar.gui.screens.kiosk import KioskScreen

from ..conftest import PASS
from .conftest import EVENT_PIN, WindowFactory, click, type_text, unlock
from .orgkit import BACKUP_PASS, TEXTS, create_wizard

ARABIC = (
    "أطلقوا سراحهم جميعًا",
    "الكونغرس الأمريكي",
    "نطالب بالإفراج عنهم.",
    "أوافق على ذلك.",
)


def test_the_core_list_is_what_the_app_can_show_and_print() -> None:
    from tomar.gui.i18n import Languages

    assert OFFERED_LANGUAGES[0] == "en"
    assert set(OFFERED_LANGUAGES) <= set(Languages().available())
    assert set(OFFERED_LANGUAGES) <= set(LABELS)
    for name, _kind, labels in specs.FIELD_CHOICES:
        assert set(labels) == set(OFFERED_LANGUAGES), name


def test_a_campaign_written_in_arabic_is_signed_in_arabic(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window(tmp_path / "organizer")
    screen, _ = create_wizard(qtbot, window, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    window.choose_folder = lambda title, done: done(str(out))  # type: ignore[method-assign]

    tabs = screen.w(QTabWidget, "textsTabs")
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["English", "فارسی", "العربية"]
    screen.w(QCheckBox, "langCheck_fa").setChecked(False)
    screen.w(QCheckBox, "langCheck_ar").setChecked(True)
    type_text(qtbot, screen.w(QLineEdit, "organizerEdit"), "Test Organizer")
    for lang, (title, addressee, text, consent) in (("en", TEXTS["en"]), ("ar", ARABIC)):
        screen.w(QLineEdit, f"title_{lang}").setText(title)
        screen.w(QLineEdit, f"addressee_{lang}").setText(addressee)
        screen.w(QPlainTextEdit, f"text_{lang}").setPlainText(text)
        screen.w(QPlainTextEdit, f"consent_{lang}").setPlainText(consent)
    preview = screen.w(QComboBox, "previewLang")
    preview.setCurrentIndex(preview.findData("ar"))
    assert screen.w(QLabel, "previewTitle").text() == ARABIC[0]
    assert screen.preview.layoutDirection().name == "RightToLeft"
    assert screen.preview_form is not None
    assert screen.preview_form.labels["full_name"].text().startswith("الاسم الكامل")

    click(qtbot, screen.w(QPushButton, "keysButton"))
    pages = screen.w(QStackedWidget, "pages")
    qtbot.waitUntil(lambda: pages.currentIndex() == 1, timeout=10_000)
    screen.w(QLineEdit, "backupPassEdit").setText(BACKUP_PASS)
    screen.w(QLineEdit, "backupRepeatEdit").setText(BACKUP_PASS)
    click(qtbot, screen.w(QPushButton, "backupButton"))
    qtbot.waitUntil(lambda: screen.w(QLabel, "backupState").text() != "", timeout=20_000)
    click(qtbot, screen.w(QPushButton, "sharesButton"))
    go_on = screen.w(QPushButton, "continueButton")
    qtbot.waitUntil(go_on.isEnabled, timeout=20_000)
    click(qtbot, go_on)
    click(qtbot, screen.w(QPushButton, "exportButton"))
    qtbot.waitUntil(screen.w(QPushButton, "openWorkspaceButton").isEnabled, timeout=10_000)
    [package_file] = out.glob("*.tomar-campaign")
    package = package_file.read_bytes()
    campaign = read_package(package)
    assert campaign.languages == ["en", "ar"]
    assert campaign.text("title", "ar") == ARABIC[0]
    assert campaign.fields[0].label_for("ar") == "الاسم الكامل"

    # A volunteer's device with this package: the signer picks Arabic.
    home = tmp_path / "volunteer"
    with init_vault(home, PASS) as vault:
        device = Device(vault)
        device.import_campaign(package)
        pin.set_pin(vault, device.start_event("Rally", "Berlin"), EVENT_PIN)
    volunteer = make_window(home)
    unlock(qtbot, volunteer)
    click(qtbot, volunteer.screens["home"].w(QPushButton, "kioskButton"))
    kiosk = volunteer.screens["kiosk"]
    assert isinstance(kiosk, KioskScreen) and kiosk.signer_form is not None
    assert kiosk.w(QLabel, "titleLabel").text() == TEXTS["en"][0]
    click(qtbot, kiosk.w(QPushButton, "lang_ar"))
    assert kiosk.w(QLabel, "titleLabel").text() == ARABIC[0]
    assert kiosk.w(QLabel, "petitionText").text() == ARABIC[2]
    assert kiosk.signer_form.labels["full_name"].text().startswith("الاسم الكامل")
    assert kiosk.form_page.layoutDirection().name == "RightToLeft"
