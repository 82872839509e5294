"""Screenshots of issue 18's screens: the kiosk's state field with its list open, the ZIP
and extra consent fields, the dashboard's state and district bars, the organizer's
"Close the campaign" dialog, and a split packet's cover, in English and Persian.

Run under Xvfb, so that the state combo box's list (a popup window of its own, which a
widget grab leaves out) is on the picture:

    xvfb-run -a -s "-screen 0 1280x860x24" .venv/bin/python scripts/screenshots_places.py

It writes into docs/screenshots/. The campaign is the demo's with a `state` field and
two consents. With QT_QPA_PLATFORM=offscreen it still runs, but the lists are missing.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT))
PASS = "correct horse battery"  # noqa: S105 (a throwaway vault)


def main() -> None:
    from tomar.core import keyfile

    keyfile.DEFAULT_PARAMS = keyfile.KdfParams(keyfile.MIN_MEMORY_KIB, 1, 1)
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit, QPushButton, QScrollArea, QWidget
    from tests.batchkit import enroll, export, new_device, new_organizer
    from tests.placeskit import CENSUS, CONSENTS, STATE_FIELD, save

    from tomar.core.device import Device, init_vault
    from tomar.core.intake import Intake
    from tomar.core.sheets import packets
    from tomar.gui import pin
    from tomar.gui import settings as gui_settings
    from tomar.gui.app import build_window, create_app
    from tomar.gui.main_window import MainWindow
    from tomar.gui.organizer.workspace import OrganizerScreen
    from tomar.gui.screens.kiosk import KioskScreen
    from tomar.resources import resource_path

    app = create_app(["tomar-gui"])
    OUT.mkdir(parents=True, exist_ok=True)
    base = Path(tempfile.mkdtemp(prefix="tomar-shots-"))
    spec = resource_path("demo", "demo-campaign.toml").read_text("utf-8")
    org = new_organizer(base / "org", spec=spec + STATE_FIELD + CONSENTS)
    home = base / "kiosk"
    with init_vault(home, PASS) as vault:
        device = Device(vault)
        device.import_campaign(org.package)
        pin.set_pin(vault, device.start_event("Rally at the Capitol", "Washington, DC"), "2468")
    d = new_device(base / "dev", org.package)
    enroll(d, org)
    for i, (zip_code, state) in enumerate(
        [("94103", "CA"), ("94107", "CA"), ("10001", "NY"), ("10001", "NJ"), ("20500", "DC")] * 3
    ):
        save(d, f"Signer {i}", zip_code, *(["contact"] if i % 2 else []), state=state)
    batch_file = export(d, base / "b").path
    d.vault.close()
    with Intake(org.vault, workers=1) as intake:
        intake.import_file(batch_file)
        intake.load_districts(CENSUS)
    folder = base / "packets"
    folder.mkdir()
    packets.write_packets(org.vault, folder, packets.Split.DISTRICT)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
         str(folder / "packet-CA-11.pdf"), str(OUT / "packet-cover")],
        check=True,
    )  # fmt: skip
    org.close()

    on_screen = os.environ.get("QT_QPA_PLATFORM", "xcb") != "offscreen"

    def shot(window: QWidget, name: str) -> None:
        """The screen itself under Xvfb (popups and dialogs included), else the window."""
        QTest.qWait(400)
        screen = app.primaryScreen()
        if on_screen and screen is not None:
            g = window.frameGeometry()
            image = screen.grabWindow(0, g.x(), g.y(), g.width(), g.height())
        else:
            image = window.grab()
        image.save(str(OUT / name))

    def window_for(path: Path, lang: str) -> MainWindow:
        gui_settings.save(path, gui_settings.GuiSettings(language=lang))
        window = build_window(app, path)
        window.options.fullscreen_kiosk = False
        window.resize(1280, 860)
        window.move(0, 0)
        window.show()
        window.screens["unlock"].w(QLineEdit, "passEdit").setText(PASS)
        window.screens["unlock"].w(QPushButton, "unlockButton").click()
        for _ in range(400):
            if window.current != "unlock":
                break
            QTest.qWait(50)
        return window

    for lang in ("en", "fa"):
        window = window_for(home, lang)
        window.go("kiosk")
        kiosk = window.screens["kiosk"]
        assert isinstance(kiosk, KioskScreen) and kiosk.signer_form is not None
        kiosk.set_language(lang)
        form = kiosk.signer_form
        form.edits["full_name"].setText("Sara Example" if lang == "en" else "سارا نمونه")
        form.edits["city"].setText("Albany" if lang == "en" else "آلبانی")
        form.combos["state"].setCurrentIndex(form.combos["state"].findData("NY"))
        form.edits["postal_code"].setText("94103")
        form.edited.emit("postal_code")
        form.consent_boxes["contact"].setChecked(True)
        scroll = next((w for w in kiosk.findChildren(QScrollArea) if w.isAncestorOf(form)), None)
        QTest.qWait(300)  # laid out first, or the scroll area cannot scroll yet
        if scroll is not None:
            scroll.ensureWidgetVisible(form.consent_boxes["newsletter"])
        shot(window, f"{lang}-kiosk-state.png")
        # The state list open, as a signer sees it on touching the box.
        combo = form.combos["state"]
        if scroll is not None:
            scroll.ensureWidgetVisible(combo, 0, 300)
        QTest.qWait(200)
        combo.showPopup()
        shot(window, f"{lang}-kiosk-state-list.png")
        combo.hidePopup()
        window.close()

        window = window_for(org.home, lang)
        screen = window.screens["org"]
        assert isinstance(screen, OrganizerScreen)
        screen.show_tab("dashboard")
        screen.refresh()
        shot(window, f"org-{lang}-dashboard-places.png")
        screen.show_tab("outputs")
        screen.refresh()
        screen.w(QPushButton, "closeCampaignButton").click()
        dialog = screen.outputs_tab.dialog
        assert dialog is not None
        QTest.qWait(300)
        dialog.move(
            window.x() + (window.width() - dialog.width()) // 2,
            window.y() + (window.height() - dialog.height()) // 3,
        )
        shot(window, f"org-{lang}-close.png")
        dialog.reject()
        window.close()
    print("written to", OUT)


if __name__ == "__main__":
    main()
