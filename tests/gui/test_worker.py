"""The worker: results, progress and errors arrive as signals; cancel is cooperative."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from tomar.core.errors import E, TomarError
from tomar.gui.worker import Cancel, Progress, UnexpectedError, Worker


def test_result_and_progress_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    worker = Worker()
    seen: list[tuple[int, int]] = []
    threads: list[bool] = []
    results: list[object] = []

    def work(progress: Progress, cancel: Cancel) -> str:
        for i in range(3):
            progress(i + 1, 3)
        return "done"

    def on_progress(done: int, total: int) -> None:
        seen.append((done, total))
        threads.append(threading.current_thread() is threading.main_thread())

    finished = threading.Event()
    worker.start(work, progress=on_progress, done=results.append, finished=finished.set)
    qtbot.waitUntil(finished.is_set, timeout=5000)
    assert results == ["done"]
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert all(threads)


def test_errors_are_words_never_third_party_text(qtbot: QtBot) -> None:
    worker = Worker()
    failures: list[BaseException] = []

    def bad(progress: Progress, cancel: Cancel) -> None:
        raise ValueError("Canary Alpha leaked into a message")

    worker.start(bad, failed=failures.append)
    qtbot.waitUntil(lambda: len(failures) == 1, timeout=5000)
    assert isinstance(failures[0], UnexpectedError)
    assert "Canary" not in str(failures[0])

    def expected(progress: Progress, cancel: Cancel) -> None:
        raise TomarError(E.SHEETS_NO_SUCH_FOLDER, folder="/media/usb")

    worker.start(expected, failed=failures.append)
    qtbot.waitUntil(lambda: len(failures) == 2, timeout=5000)
    assert str(failures[1]) == "The folder /media/usb does not exist."


def test_cancel_is_cooperative(qtbot: QtBot) -> None:
    worker = Worker()
    started = threading.Event()

    def slow(progress: Progress, cancel: Cancel) -> str:
        started.set()
        while not cancel.wait(0.01):
            pass
        return "stopped"

    job = worker.start(slow)
    assert started.wait(5)
    assert worker.busy
    worker.cancel_all()
    assert not worker.busy
    assert job.cancel_flag()  # callable flag for APIs that poll
