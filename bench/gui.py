"""Desktop app timings; prints one JSON line per figure.

* startup_to_unlock: from starting `python -m tomar.gui` to its unlock screen being
  shown (process start, imports, fonts, translations, first screen), median of 5 runs.
* sign_to_blank_form: from clicking Sign to a blank form ready for the next signer
  (validate, seal, durable commit, clear every widget), median and p95 over 50 signers.
  The deliberate thank-you pause (a few seconds) is not counted: the form is already
  blank behind it.

Runs offscreen (QT_QPA_PLATFORM=offscreen) unless a display is set by the caller.
Goals: under 1 s and under 100 ms.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

N_SIGNERS = int(os.environ.get("BENCH_N", "50"))
PASS = "bench passphrase"


def emit(name: str, value: float, unit: str, **extra: object) -> None:
    doc = {"bench": "gui", "name": name, "value": round(value, 4), "unit": unit, **extra}
    print(json.dumps(doc), flush=True)


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def prepare(home: Path) -> None:
    from tomar import demo
    from tomar.core.device import Device, init_vault
    from tomar.gui import pin

    with init_vault(home, PASS) as vault:
        device = Device(vault)
        device.import_campaign(demo.package())
        event = device.start_event("Bench rally", "Here")
        pin.set_pin(vault, event, "2468")


def startup(home: Path, runs: int = 5) -> list[float]:
    env = {**os.environ, "TOMAR_GUI_STARTUP_PROBE": "1"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    times = []
    for _ in range(runs):
        start = time.time()
        out = subprocess.run(
            [sys.executable, "-m", "tomar.gui", "--home", str(home)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout
        line = next(x for x in out.splitlines() if x.startswith("shown "))
        times.append(float(line.split()[1]) - start)
    return times


def signers(home: Path) -> list[float]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

    from tomar import demo
    from tomar.gui.app import build_window, create_app
    from tomar.gui.screens.kiosk import KioskScreen

    app = create_app(["bench"])
    window = build_window(app, home)
    window.options.fullscreen_kiosk = False
    window.options.thank_you_ms = 0
    window.resize(1280, 800)
    window.show()
    unlock = window.screens["unlock"]
    unlock.w(QLineEdit, "passEdit").setText(PASS)
    unlock.w(QPushButton, "unlockButton").click()
    deadline = time.monotonic() + 30
    while window.current != "home" and time.monotonic() < deadline:
        QTest.qWait(20)
    window.go("kiosk")
    kiosk = window.screens["kiosk"]
    assert isinstance(kiosk, KioskScreen) and kiosk.signer_form is not None
    sign = kiosk.w(QPushButton, "signButton")
    signature = demo.signature()
    times = []
    for i in range(N_SIGNERS):
        kiosk.signer_form.edits["full_name"].setText(f"Bench Signer {i}")
        kiosk.signer_form.edits["city"].setText("Washington")
        kiosk.pad.set_signature(signature)
        kiosk.consent.setChecked(True)
        QApplication.processEvents()
        start = time.perf_counter()
        QTest.mouseClick(sign, Qt.MouseButton.LeftButton)
        QApplication.processEvents()  # repaint: the blank form is on screen
        times.append(time.perf_counter() - start)
        assert kiosk.signer_form.edits["full_name"].text() == ""
        QTest.qWait(1)
    assert window.session.device.counts()["current_event"] == N_SIGNERS
    window.close()
    return times


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from tomar.core import keyfile

    # fast Argon2id: set-up and unlock only; saving uses no KDF
    keyfile.DEFAULT_PARAMS = keyfile.KdfParams(keyfile.MIN_MEMORY_KIB, 1, 1)
    home = Path(tempfile.mkdtemp(prefix="tomar-bench-gui-", dir=os.environ.get("BENCH_DIR")))
    prepare(home)
    boot = startup(home)
    emit("startup_to_unlock_median", statistics.median(boot), "s", runs=len(boot))
    emit("startup_to_unlock_max", max(boot), "s", runs=len(boot))
    per_signer = signers(home)
    emit("sign_to_blank_form_median", statistics.median(per_signer) * 1000, "ms", n=len(per_signer))
    emit("sign_to_blank_form_p95", pct(per_signer, 0.95) * 1000, "ms", n=len(per_signer))


if __name__ == "__main__":
    main()
