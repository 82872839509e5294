"""The organizer app stays responsive during a long import; prints one JSON line per figure.

Imports genuine batches of enrolled devices (bench/scale.py's set-up: BENCH_IMPORT_N records,
100,000, or 10,000 with BENCH_QUICK=1, in batches of BENCH_PER_BATCH; the first of those
cached in BENCH_SCALE_DIR/batches if there are enough, into a copy of its fresh organizer
vault, else built in a temporary folder), opens the real
organizer window offscreen and imports them through the Intake tab (the app's one worker,
the intake's process pool). Meanwhile a QTimer ticking every 5 ms measures the event loop:
the longest gap between two ticks beyond the interval is the longest stall. Every second a
"user" uses the app: the dashboard is refreshed, the signers table reloaded with a search
and a filter; each of those is timed too (they read the same vault while it is written).

Goal: the event loop is never blocked for more than 100 ms.

BENCH_STALL_TRACE=<file>: whenever the event loop has not ticked for BENCH_STALL_TRACE_MS
(300) ms, the stack of every thread is written there (faulthandler's own thread: it needs
no GIL, so it also shows a thread that holds the GIL in C).
"""

from __future__ import annotations

import faulthandler
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import scale  # bench/scale.py: genuine batches from enrolled devices

QUICK = os.environ.get("BENCH_QUICK") == "1"
N = int(os.environ.get("BENCH_IMPORT_N", "10000" if QUICK else "100000"))
TICK_MS = 5
USER_MS = int(os.environ.get("BENCH_USER_MS", "1000"))  # 0: nobody uses the app
TIMEOUT_S = float(os.environ.get("BENCH_TIMEOUT", "3600"))
STALL_TRACE = os.environ.get("BENCH_STALL_TRACE", "")
STALL_TRACE_S = int(os.environ.get("BENCH_STALL_TRACE_MS", "300")) / 1000
# Opening processes for the app's import (the app opens records in its own process, beside
# the event loop: one interpreter, one GIL); unset: as the app does.
GUI_WORKERS = int(os.environ.get("BENCH_GUI_WORKERS", "0"))


def emit(name: str, value: float, unit: str, **extra: object) -> None:
    scale.emit(name, value, unit, bench_of="gui_import", **extra)


def main() -> None:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from tomar.core.signers_view import SignerFilter
    from tomar.gui import fonts
    from tomar.gui.i18n import Languages
    from tomar.gui.main_window import MainWindow
    from tomar.gui.organizer.workspace import OrganizerScreen
    from tomar.gui.settings import GuiSettings
    from tomar.gui.shell import Options

    base = Path(tempfile.mkdtemp(prefix="tomar-bench-gui-import-"))
    try:
        cached = Path(scale.CACHE) / "batches" if scale.CACHE else base / "none"
        paths = scale.cached_batches(cached)[: N // scale.PER_BATCH]
        if len(paths) * scale.PER_BATCH < N:
            cached = base / "batches"
            scale.setup(cached, N)
            paths = scale.cached_batches(cached)
        shutil.copytree(cached / "org", base / "org")
        app = QApplication.instance() or QApplication(sys.argv[:1])
        family = fonts.register()
        window = MainWindow(
            base / "org", Languages(), GuiSettings(), options=Options(), font_family=family
        )
        window.resize(1280, 800)
        window.show()
        window.session.unlock(scale.PASS)
        window.after_unlock()
        org = window.screens["org"]
        assert isinstance(org, OrganizerScreen)
        if GUI_WORKERS and org.intake is not None:
            from tomar.core.intake import Intake

            vault = org.intake.vault
            org.intake.close()
            org.intake = Intake(vault, workers=GUI_WORKERS)
        app.processEvents()

        gaps: list[float] = []
        clock = QElapsedTimer()
        tick = QTimer()
        tick.setInterval(TICK_MS)

        when: list[float] = []  # seconds since the import started, at each tick

        trace = open(STALL_TRACE, "w") if STALL_TRACE else None  # noqa: SIM115 (to the end)

        def on_tick() -> None:
            gaps.append(max(0.0, clock.nsecsElapsed() / 1e6 - TICK_MS))
            when.append(time.perf_counter() - start)
            clock.restart()
            if trace is not None:
                faulthandler.dump_traceback_later(STALL_TRACE_S, file=trace)

        tick.timeout.connect(on_tick)
        actions: dict[str, list[float]] = {"dashboard": [], "signers_search": [], "filter": []}
        turn = [0]

        def use() -> None:
            """What an organizer does while waiting: look at the counts and the signers."""
            t0 = time.perf_counter()
            kind = turn[0] % 3
            if kind == 0:
                org.show_tab("dashboard")
                org.dashboard_tab.refresh()
                actions["dashboard"].append((time.perf_counter() - t0) * 1000)
            elif kind == 1:
                org.show_tab("signers")
                org.signers_tab.search.setText(f"signer{turn[0] * 37}@")
                org.signers_tab.load_signers()
                actions["signers_search"].append((time.perf_counter() - t0) * 1000)
            else:
                tab = org.signers_tab
                tab.search.setText("")
                tab.filter.setCurrentIndex(tab.filter.findData(SignerFilter.UNIQUE.value))
                tab.load_signers()
                actions["filter"].append((time.perf_counter() - t0) * 1000)
            turn[0] += 1

        user = QTimer()
        user.setInterval(USER_MS)
        user.timeout.connect(use)

        start = time.perf_counter()
        org.show_tab("intake")
        org.intake_tab.import_paths(paths)
        clock.start()
        tick.start()
        if USER_MS:
            user.start()
        while (org.jobs or org.shell.worker.busy) and time.perf_counter() - start < TIMEOUT_S:
            app.processEvents()
            time.sleep(0.001)
        seconds = time.perf_counter() - start
        if trace is not None:
            faulthandler.cancel_dump_traceback_later()
            trace.close()
        tick.stop()
        user.stop()
        received = int(org.intake.vault.conn.execute("SELECT count(*) FROM signers").fetchone()[0])  # type: ignore[union-attr]
        emit("import_records_per_s", received / seconds, "records/s", n=received, of=N)
        emit(
            "event_loop_longest_stall",
            max(gaps),
            "ms",
            goal_ms=100,
            meets_goal=max(gaps) <= 100,
            p99=round(statistics.quantiles(gaps, n=100)[-1], 1),
            over_100ms=sum(g > 100 for g in gaps),
            ticks=len(gaps),
            worst_at_s=[
                round(when[i], 2) for i in sorted(range(len(gaps)), key=gaps.__getitem__)[-3:]
            ],
            import_s=round(seconds, 2),
        )
        for name, times in actions.items():
            if times:
                emit(
                    f"during_import_{name}_max",
                    max(times),
                    "ms",
                    median=round(statistics.median(times), 1),
                    n=len(times),
                )
        emit("load_average", os.getloadavg()[0], "1m", cpus=os.cpu_count(), gui_workers=GUI_WORKERS)
        window.lock_now()
        window.lock_watcher.uninstall()
        window.panic.uninstall()
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
