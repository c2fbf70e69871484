"""Background jobs report back on the GUI thread, and never leave the collector paused."""

from __future__ import annotations

import gc
import threading

import pytest
import shiboken6
from PySide6.QtCore import QThread, QThreadPool
from PySide6.QtWidgets import QApplication

from tcdesk.ui.documents.background import BackgroundRunner


@pytest.fixture
def pool() -> QThreadPool:
    made = QThreadPool()
    yield made
    made.waitForDone(10_000)


def test_result_and_errors_arrive_on_the_gui_thread(qtbot, pool) -> None:
    runner = BackgroundRunner(pool)
    seen: list[tuple[str, object, bool]] = []
    gui = QApplication.instance().thread()
    worker_threads: list[int] = []

    def work() -> int:
        worker_threads.append(threading.get_ident())
        return 42

    def fail() -> int:
        raise ValueError("no")

    with qtbot.waitSignal(runner.busy_changed) as started:
        runner.run(
            work, lambda r: seen.append(("done", r, QThread.currentThread() is gui)), seen.append
        )
    assert started.args == [True]
    runner.run(
        fail, seen.append, lambda e: seen.append(("error", str(e), QThread.currentThread() is gui))
    )
    assert not gc.isenabled()  # paused while a job may be running on a worker thread
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=10_000)
    assert sorted(seen) == [("done", 42, True), ("error", "no", True)]
    assert worker_threads and worker_threads[0] != threading.get_ident()
    assert gc.isenabled()


def test_a_runner_deleted_mid_job_does_not_crash_and_resumes_collection(qtbot, pool) -> None:
    release = threading.Event()
    runner = BackgroundRunner(pool)
    called: list[object] = []
    runner.run(lambda: release.wait(10) or "late", called.append, called.append)
    shiboken6.delete(runner)
    release.set()
    pool.waitForDone(10_000)
    qtbot.waitUntil(gc.isenabled, timeout=10_000)
    assert called == []


def test_cancel_stops_waiting_and_drops_the_late_result(qtbot, pool) -> None:
    release = threading.Event()
    runner = BackgroundRunner(pool)
    called: list[object] = []
    runner.run(lambda: release.wait(10) and "late", called.append, called.append)
    with qtbot.waitSignal(runner.busy_changed) as stopped:
        runner.cancel()
    assert stopped.args == [False] and not runner.is_busy()
    release.set()
    pool.waitForDone(10_000)
    qtbot.waitUntil(gc.isenabled, timeout=10_000)
    QApplication.processEvents()
    assert called == []  # the result came back and was dropped
    runner.run(lambda: "next", called.append, called.append)  # the runner still works
    qtbot.waitUntil(lambda: called == ["next"], timeout=10_000)
