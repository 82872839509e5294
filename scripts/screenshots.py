"""Screenshots of every screen, in English and Persian, as real X11 windows under Xvfb.

    make screenshots        (or: .venv/bin/python scripts/screenshots.py)

Installs the Debian packages the Qt xcb platform needs when they are missing (as root),
starts a private Xvfb display, drives the real app through its screens with a demo
vault in a temporary folder, and writes docs/screenshots/<lang>-<screen>.png. Captures
come from the X server (QScreen.grabWindow), not from rendering widgets to a pixmap.

    TOMAR_SHOTS_SIZE=1024x600 (or 800x1280...)   a screen of that size; the volunteer's
                                                 screens only, as <lang>-<screen>-WxH.png
    TOMAR_SHOTS=org                              the organizer's screens only
    TOMAR_SHOTS=volunteer                        the volunteer's screens only
"""

# ruff: noqa: S105, S108 - a throwaway demo passphrase; X11 sockets live in /tmp by design

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
PACKAGES = [
    "xvfb",
    "xauth",
    "libxcb-cursor0",
    "libxkbcommon-x11-0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-image0",
    "libxcb-render-util0",
    "libxcb-xinerama0",
    "libegl1",
    "libgl1",
    "fontconfig",
]
DEFAULT_SIZE = (1280, 800)
_SIZE_ENV = os.environ.get("TOMAR_SHOTS_SIZE", "")
SIZE = tuple(int(v) for v in _SIZE_ENV.split("x")) if _SIZE_ENV else DEFAULT_SIZE
SUFFIX = f"-{SIZE[0]}x{SIZE[1]}" if SIZE != DEFAULT_SIZE else ""
PASS = "screenshot passphrase"


def ensure_packages() -> None:
    missing = [
        p
        for p in PACKAGES
        if subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", p], capture_output=True, text=True
        ).stdout.strip()
        != "install ok installed"
    ]
    if not missing:
        return
    if os.geteuid() != 0:
        sys.exit(f"screenshots: please install (as root): apt-get install {' '.join(missing)}")
    print(f"Installing Debian packages: {' '.join(missing)}", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env)


def start_xvfb() -> subprocess.Popen[bytes]:
    for display in range(91, 120):
        if (
            not Path(f"/tmp/.X11-unix/X{display}").exists()
            and not Path(f"/tmp/.X{display}-lock").exists()
        ):
            break
    xvfb = shutil.which("Xvfb") or "/usr/bin/Xvfb"
    proc = subprocess.Popen(
        [xvfb, f":{display}", "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        if Path(f"/tmp/.X11-unix/X{display}").exists():
            break
        time.sleep(0.05)
    os.environ["DISPLAY"] = f":{display}"
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    return proc


def capture() -> None:
    """Drive the app; imported late so that Qt starts on the Xvfb display."""
    from tomar.core import keyfile

    # fast Argon2id: a throwaway demo vault
    keyfile.DEFAULT_PARAMS = keyfile.KdfParams(keyfile.MIN_MEMORY_KIB, 1, 1)
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QCheckBox, QLineEdit, QPushButton, QRadioButton, QStackedWidget

    from tomar import demo
    from tomar.core.device import Device, init_vault
    from tomar.core.records import SignatureForm
    from tomar.gui import pin
    from tomar.gui import settings as gui_settings
    from tomar.gui.app import build_window, create_app
    from tomar.gui.main_window import MainWindow
    from tomar.gui.screens.kiosk import KioskScreen

    app = create_app(["tomar-gui"])
    OUT.mkdir(parents=True, exist_ok=True)

    def shot(window: MainWindow, lang: str, name: str, *, whole_screen: bool = False) -> None:
        QTest.qWait(350)
        screen = QGuiApplication.primaryScreen()
        pixmap = screen.grabWindow(0 if whole_screen else window.winId())
        path = OUT / f"{lang}-{name}{SUFFIX}.png"
        pixmap.save(str(path))
        print(f"wrote {path.relative_to(ROOT)}", flush=True)

    def unlock(window: MainWindow) -> None:
        window.screens["unlock"].w(QLineEdit, "passEdit").setText(PASS)
        window.screens["unlock"].w(QPushButton, "unlockButton").click()
        deadline = time.monotonic() + 20
        while window.current == "unlock" and time.monotonic() < deadline:
            QTest.qWait(50)

    def new_window(home: Path, lang: str) -> MainWindow:
        gui_settings.save(home, gui_settings.GuiSettings(language=lang))
        window = build_window(app, home)
        window.options.fullscreen_kiosk = False
        window.options.thank_you_ms = 60_000
        window.fit_to_screen()  # as the app opens: fitted to the screen it is on
        window.show()
        return window

    # TOMAR_SHOT_LANGS="ar" makes only the Arabic ones (default: every language).
    langs = os.environ.get("TOMAR_SHOT_LANGS", "en fa ar").split()
    for lang in langs:
        if not SUFFIX and os.environ.get("TOMAR_SHOTS") != "volunteer":
            organizer_shots(app, lang, new_window, unlock)
    if os.environ.get("TOMAR_SHOTS") == "org":  # only the organizer's screens
        return
    for lang in langs:
        base = Path(tempfile.mkdtemp(prefix="tomar-shots-"))
        try:
            # First run: the passphrase step, then the fingerprint check of the demo.
            window = new_window(base / "new", lang)
            first = window.screens["first_run"]
            first.w(QLineEdit, "passEdit").setText("correct horse")
            shot(window, lang, "first-run")
            first.w(QStackedWidget, "pages").setCurrentIndex(1)
            shot(window, lang, "first-run-campaign")
            first.show_package(demo.package())  # type: ignore[attr-defined]
            shot(window, lang, "first-run-fingerprint")
            window.close()

            # A vault with the demo campaign, an event and a few signatures.
            home = base / "home"
            with init_vault(home, PASS) as vault:
                device = Device(vault)
                device.import_campaign(demo.package())
                event = device.start_event("Rally at the Capitol", "Washington, DC")
                pin.set_pin(vault, event, "2468")
                for signer in demo.signers():
                    device.save(
                        SignatureForm(
                            fields=signer["fields"],
                            lang=signer["lang"],
                            consent=True,
                            signature=demo.signature(),
                        )
                    )
            window = new_window(home, lang)
            window.screens["unlock"].w(QLineEdit, "passEdit").setText("wrong")
            shot(window, lang, "unlock")
            unlock(window)
            shot(window, lang, "home")
            window.go("event")
            shot(window, lang, "event-pin")
            window.go("paper")
            paper = window.screens["paper"]
            paper.w(QLineEdit, "serialEdit").setText("A-0012")
            paper.w(QCheckBox, "consentCheck").setChecked(True)
            shot(window, lang, "paper")
            window.go("records")
            shot(window, lang, "records")
            window.go("settings")
            shot(window, lang, "settings")

            window.go("kiosk")
            kiosk = window.screens["kiosk"]
            assert isinstance(kiosk, KioskScreen) and kiosk.signer_form is not None
            kiosk.set_language(lang)
            shot(window, lang, "kiosk")
            sample = {
                "en": ("Sara Example", "Washington", "sara@example.org"),
                "fa": ("سارا نمونه", "واشنگتن", "sara@example.org"),
                "ar": ("سارة مثال", "واشنطن", "sara@example.org"),
            }[lang]
            kiosk.signer_form.edits["full_name"].setText(sample[0])
            kiosk.signer_form.edits["city"].setText(sample[1])
            kiosk.signer_form.edits["email"].setText(sample[2])
            kiosk.pad.set_signature(demo.signature())
            kiosk.consent.setChecked(True)
            kiosk.w(QRadioButton, "displayInitials").setChecked(True)
            shot(window, lang, "kiosk-filled")
            kiosk.reset_form()
            kiosk.set_language(lang)
            kiosk.w(QPushButton, "signButton").click()
            shot(window, lang, "kiosk-problems")
            kiosk.signer_form.edits["full_name"].setText(sample[0])
            kiosk._countdown(17)
            shot(window, lang, "kiosk-countdown")
            kiosk.reset_form()
            kiosk.set_language(lang)
            kiosk.signer_form.edits["full_name"].setText(sample[0])
            kiosk.signer_form.edits["city"].setText(sample[1])
            kiosk.pad.set_signature(demo.signature())
            kiosk.consent.setChecked(True)
            kiosk.w(QRadioButton, "displayHidden").setChecked(True)
            kiosk.w(QPushButton, "signButton").click()
            shot(window, lang, "kiosk-thanks")
            kiosk.show_form()
            kiosk.w(QPushButton, "volunteerButton").click()
            shot(window, lang, "kiosk-pin", whole_screen=True)
            dialog = kiosk.pin_dialog
            assert dialog is not None
            edit = dialog.findChild(QLineEdit, "pinEdit")
            assert edit is not None
            edit.setText("2468")
            ok = dialog.findChild(QPushButton, "okButton")
            assert ok is not None
            ok.click()
            shot(window, lang, "kiosk-volunteer")
            window.close()
        finally:
            shutil.rmtree(base, ignore_errors=True)


def organizer_shots(app: Any, lang: str, new_window: Any, unlock: Any) -> None:
    """The organizer's screens: the campaign wizard and every workspace tab."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    from tomar import demo
    from tomar.core import batch, organizer
    from tomar.core.device import Device, init_vault
    from tomar.core.intake import Intake
    from tomar.core.records import SignatureForm
    from tomar.gui.organizer.create import BACKUP, EXPORT, CreateCampaignScreen
    from tomar.gui.organizer.workspace import OrganizerScreen
    from tomar.resources import resource_path

    def shot(window: Any, name: str) -> None:
        QTest.qWait(350)
        pixmap = QGuiApplication.primaryScreen().grabWindow(window.winId())
        path = OUT / f"org-{lang}-{name}.png"
        pixmap.save(str(path))
        print(f"wrote {path.relative_to(ROOT)}", flush=True)

    base = Path(tempfile.mkdtemp(prefix="tomar-org-shots-"))
    try:
        # The first run offers the organizer's way in under the campaign choices.
        from PySide6.QtWidgets import QStackedWidget

        window = new_window(base / "first", lang)
        window.screens["first_run"].w(QStackedWidget, "pages").setCurrentIndex(1)
        shot(window, "first-run")
        window.close()
        # The wizard, on a fresh vault.
        with init_vault(base / "new", PASS):
            pass
        window = new_window(base / "new", lang)
        unlock(window)
        create = window.go("org_create")
        assert isinstance(create, CreateCampaignScreen)
        create.org_name.setText("Free Them All Coalition")
        texts = {
            "en": ("Free Iran's political prisoners", "The United States Congress"),
            "fa": ("آزادی زندانیان سیاسی ایران", "کنگرهٔ ایالات متحده"),
        }
        spec = resource_path("demo", "demo-campaign.toml").read_text("utf-8")
        import tomllib

        doc = tomllib.loads(spec)
        for code, (title, addressee) in texts.items():
            edits = create.edits[code]
            assert isinstance(edits["title"], QLineEdit)
            assert isinstance(edits["addressee"], QLineEdit)
            edits["title"].setText(title)
            edits["addressee"].setText(addressee)
            text_edit, consent_edit = edits["text"], edits["consent"]
            assert isinstance(text_edit, QPlainTextEdit)
            assert isinstance(consent_edit, QPlainTextEdit)
            text_edit.setPlainText(doc["text"][code].split("\n\n")[0])
            consent_edit.setPlainText(doc["consent"][code])
        create.preview_lang.setCurrentIndex(1 if lang == "fa" else 0)
        create.texts.setCurrentIndex(1 if lang == "fa" else 0)
        shot(window, "create")
        create.make_keys()
        deadline = time.monotonic() + 20
        while create.pages.currentIndex() != BACKUP and time.monotonic() < deadline:
            QTest.qWait(50)
        shot(window, "create-backup")
        ident = organizer.load(window.session.device.vault)
        create.show_step(EXPORT)
        create.export_fpr.setText(ident.fingerprint if ident else "")
        create.export_button.setEnabled(False)
        create.open_button.setEnabled(True)
        shot(window, "create-export")
        window.close()

        # A workspace with three devices' batches (one held), duplicates and a flag.
        home = base / "org"
        with init_vault(home, PASS) as vault:
            organizer.init(vault, "Free Them All Coalition", "x25519")
            organizer.backup(vault, base / "backup.age", PASS)
            _, package = organizer.create_campaign(vault, spec, without_shares=True)
            events = ["Rally at the Capitol", "Vigil in Los Angeles", "Stand in New York"]
            out = base / "batches"
            out.mkdir()
            files = []
            with Intake(vault, workers=1) as intake:
                for i, event in enumerate(events):
                    with init_vault(base / f"device-{i}", PASS) as dv:
                        device = Device(dv)
                        device.import_campaign(package)
                        device.start_event(event, "")
                        if i < 2:
                            cert, _ = intake.enroll(device.enrollment_request(f"Tablet {i + 1}"))
                            device.accept_certificate(cert)
                        for signer in demo.signers()[i:] + demo.signers()[: i + 1]:
                            device.save(
                                SignatureForm(
                                    fields=signer["fields"],
                                    lang=signer["lang"],
                                    consent=True,
                                    signature=demo.signature(),
                                )
                            )
                        files.append(batch.export(device, out).path)
                for path in files:
                    intake.import_file(path)
        window = new_window(home, lang)
        unlock(window)
        org = window.screens["org"]
        assert isinstance(org, OrganizerScreen)
        org.show_tab("dashboard")
        shot(window, "dashboard")
        org.show_tab("intake")
        org.intake_tab.import_paths(files)
        deadline = time.monotonic() + 20
        while window.worker.busy and time.monotonic() < deadline:
            QTest.qWait(50)
        QTest.qWait(300)  # the job's result arrives as a queued signal
        org.intake_tab.refresh_held()
        shot(window, "intake")
        org.intake_tab.approve()  # the comparison asked before a device is approved
        QTest.qWait(350)
        box = org.intake_tab.confirm_box
        if box is not None:
            path = OUT / f"org-{lang}-approve.png"
            QGuiApplication.primaryScreen().grabWindow(box.winId()).save(str(path))
            print(f"wrote {path.relative_to(ROOT)}", flush=True)
            box.reject()
        org.show_tab("devices")
        shot(window, "devices")
        org.show_tab("signers")
        org.signers_tab.load_signers()
        org.signers_tab.select_row(1)
        shot(window, "signers")
        org.show_tab("outputs")
        shot(window, "outputs")
        window.close()
    finally:
        shutil.rmtree(base, ignore_errors=True)


def main() -> int:
    ensure_packages()
    xvfb = start_xvfb()
    try:
        capture()
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
