"""Screenshots of issue 18's screens: the kiosk's state, ZIP and extra consent fields, the
dashboard's state and district bars, and a split packet's cover, in English and Persian.

Run with QT_QPA_PLATFORM=offscreen (widgets are grabbed, no display needed); writes into
docs/screenshots/. The campaign is the demo's with a `state` field and two consents.
"""

from __future__ import annotations

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
    from PySide6.QtWidgets import QLineEdit, QPushButton, QScrollArea
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

    def window_for(path: Path, lang: str) -> MainWindow:
        gui_settings.save(path, gui_settings.GuiSettings(language=lang))
        window = build_window(app, path)
        window.options.fullscreen_kiosk = False
        window.resize(1280, 860)
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
        if scroll is not None:
            scroll.ensureWidgetVisible(form.consent_boxes["newsletter"])
        QTest.qWait(300)
        window.grab().save(str(OUT / f"{lang}-kiosk-state.png"))
        window.close()

        window = window_for(org.home, lang)
        screen = window.screens["org"]
        assert isinstance(screen, OrganizerScreen)
        screen.show_tab("dashboard")
        screen.refresh()
        QTest.qWait(300)
        window.grab().save(str(OUT / f"org-{lang}-dashboard-places.png"))
        window.close()
    print("written to", OUT)


if __name__ == "__main__":
    main()
