"""The organizer's signers table with many rows; prints one JSON line per figure.

Builds an organizer vault (demo campaign, fast KDF), inserts N synthetic signers
(BENCH_SIGNERS, default 200,000) straight into the `signers` table (about 10% duplicates,
some name+city matches to review), then drives the real window offscreen:

* signers_open: switching to the Signers tab until the first page is painted.
* signers_filter_*: typing a search / choosing a filter until the table is repainted.
* signers_scroll_end: jumping to the last row and painting it.

Goal: each under 1 s at 200,000 rows.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

N = int(os.environ.get("BENCH_SIGNERS", "200000"))
PASS = "bench passphrase"
# fast Argon2id for throwaway vaults
from tomar.core import keyfile  # noqa: E402

keyfile.DEFAULT_PARAMS = keyfile.KdfParams(keyfile.MIN_MEMORY_KIB, 1, 1)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def emit(name: str, value: float, unit: str, **extra: object) -> None:
    doc = {"bench": "gui_signers", "name": name, "value": round(value, 4), "unit": unit, **extra}
    print(json.dumps(doc), flush=True)


def prepare(home: Path, n: int) -> None:
    from tomar.core import organizer
    from tomar.core.device import init_vault
    from tomar.core.identity import now_iso
    from tomar.core.intake.store import add_derived
    from tomar.resources import resource_path

    spec = resource_path("demo", "demo-campaign.toml").read_text("utf-8")
    rng = random.Random(7)
    first = ["Sara", "Ali", "Omid", "Nina", "Dina", "Reza", "Maryam", "Parisa", "Kian", "Leila"]
    last = ["Karimi", "Tehrani", "Rezaei", "Shams", "Park", "Ahmadi", "Hosseini", "Moradi"]
    cities = ["Washington", "Los Angeles", "New York", "Boston", "Houston", "Seattle"]
    with init_vault(home, PASS) as vault:
        organizer.init(vault, "Bench Organizer", "x25519")
        organizer.backup(vault, home.parent / "backup.age", PASS)
        organizer.create_campaign(vault, spec, without_shares=True)
        device = "A" * 43 + "="
        with vault.transaction() as conn:
            conn.execute(
                "INSERT INTO intake_batches(sha256, manifest_sha256, device, number, prev, "
                "record_count, received_at, status) VALUES ('b', 'm', ?, 1, NULL, ?, ?, "
                "'imported')",
                (device, n, now_iso()),
            )
            rows = []
            for i in range(n):
                name = f"{rng.choice(first)} {rng.choice(last)} {i // 3}"
                city = rng.choice(cities)
                email = f"p{i}@example.org" if i % 10 else f"p{i - 1}@example.org"
                fields = {"full_name": name, "city": city, "email": email}
                day = f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}"
                rows.append(
                    (
                        f"{i:032x}",
                        device,
                        i + 1,
                        "b",
                        f"{day}T12:00:00Z",
                        day,
                        f"Rally {i % 20}",
                        "kiosk",
                        "en",
                        "full",
                        json.dumps(fields),
                        name,
                        email,
                        f"{name.lower()}|{city.lower()}",
                        name.lower(),
                        "us",
                        f"{i - 1:032x}" if i % 10 == 0 and i else None,
                    )
                )
            conn.executemany(
                "INSERT INTO signers(record_id, device, seq, batch, time, day, event_name, "
                "source, lang, display, fields, name, email, name_city, translit, country, "
                "dup_of) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
            add_derived(conn, 0)  # counts, review groups, search index, as intake keeps them


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from tomar.gui import fonts
    from tomar.gui.i18n import Languages
    from tomar.gui.main_window import MainWindow
    from tomar.gui.organizer.workspace import OrganizerScreen
    from tomar.gui.settings import GuiSettings
    from tomar.gui.shell import Options

    base = Path(tempfile.mkdtemp(prefix="tomar-bench-signers-"))
    home = base / "home"
    start = time.perf_counter()
    prepare(home, N)
    emit("prepare_rows", time.perf_counter() - start, "s", rows=N)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    family = fonts.register()
    window = MainWindow(home, Languages(), GuiSettings(), options=Options(), font_family=family)
    window.resize(1280, 800)
    window.show()
    window.session.unlock(PASS)
    window.after_unlock()
    org = window.screens["org"]
    assert isinstance(org, OrganizerScreen)
    screen = org.signers_tab

    def painted() -> None:
        screen.table.viewport().repaint()
        app.processEvents()

    t = time.perf_counter()
    org.show_tab("signers")
    painted()
    emit("signers_open", time.perf_counter() - t, "s", rows=screen.model.rowCount())

    for name, kind, text in (
        ("search_name", "all", "Omid Tehrani 4"),
        ("search_email", "all", "p19999@"),
        ("unique", "unique", ""),
        ("duplicates", "duplicates", ""),
        ("flagged", "flagged", ""),
    ):
        screen.filter.blockSignals(True)
        screen.filter.setCurrentIndex(screen.filter.findData(kind))
        screen.filter.blockSignals(False)
        screen.search.blockSignals(True)
        screen.search.setText(text)
        screen.search.blockSignals(False)
        t = time.perf_counter()
        screen.load_signers()
        painted()
        emit(f"signers_filter_{name}", time.perf_counter() - t, "s", rows=screen.model.rowCount())

    screen.filter.setCurrentIndex(0)
    screen.search.setText("")
    screen.load_signers()
    t = time.perf_counter()
    screen.table.scrollToBottom()
    painted()
    emit("signers_scroll_end", time.perf_counter() - t, "s", rows=screen.model.rowCount())
    t = time.perf_counter()
    screen.select_row(screen.model.rowCount() - 1)
    painted()
    emit("signers_select_last", time.perf_counter() - t, "s")
    window.lock_now()
    window.lock_watcher.uninstall()
    window.panic.uninstall()
    shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
