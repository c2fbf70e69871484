"""Run slow work (building a PDF, printing) off the GUI thread and hear back on it.

The work function runs on a ``QThreadPool`` thread and must not touch widgets
or the practice file; its result or exception comes back through a queued
signal and the callbacks run on the GUI thread.

While any job runs, Python's automatic garbage collection is paused. A
collection that starts on a worker thread may free an unreachable widget or
other Qt object there, and Qt crashes when a widget is destroyed off the GUI
thread (seen as a segfault "Garbage-collecting" inside reportlab). When the
last job is done, the GUI thread turns collection back on and collects.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot


class _GcPause:
    """Counts running jobs across runners: there is one collector per process."""

    _lock = threading.Lock()
    _jobs = 0
    _was_enabled = False

    @classmethod
    def enter(cls) -> None:
        with cls._lock:
            if cls._jobs == 0:
                cls._was_enabled = gc.isenabled()
                gc.disable()
            cls._jobs += 1

    @classmethod
    def leave(cls) -> None:
        """Called on the GUI thread once a job's result was delivered."""
        with cls._lock:
            cls._jobs -= 1
            resume = cls._jobs == 0 and cls._was_enabled
            if resume:
                gc.enable()
        if resume:
            # Nothing was collected (so nothing aged) while paused: everything the jobs
            # left behind is in the youngest generation, and a young collection finds it
            # in a fraction of a full one's time (23 ms with a year of KPIs in memory).
            gc.collect(0)


class _Relay(QObject):
    """Carries one job's outcome to the GUI thread.

    It is a child of the application object, so it lives on the GUI thread and
    is only ever destroyed there (``deleteLater`` after delivery), whichever
    thread drops the last Python reference and even if the runner is gone.
    """

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, deliver: Callable[[_Relay, bool, object], None]) -> None:
        super().__init__(QCoreApplication.instance())
        self._deliver = deliver
        self.succeeded.connect(self._on_success)
        self.failed.connect(self._on_failure)

    @Slot(object)
    def _on_success(self, result: object) -> None:
        self._settle(True, result)

    @Slot(object)
    def _on_failure(self, error: object) -> None:
        self._settle(False, error)

    def _settle(self, ok: bool, value: object) -> None:
        deliver, self._deliver = self._deliver, None
        try:
            if deliver is not None:
                deliver(self, ok, value)
        finally:
            self.deleteLater()
            _GcPause.leave()


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work: Callable[[], Any] | None = work
        self._relay = relay

    def run(self) -> None:
        work, self._work = self._work, None
        try:
            result = work() if work is not None else None
        except BaseException as error:  # delivered to the GUI thread, never lost
            self._relay.failed.emit(error)
        else:
            self._relay.succeeded.emit(result)


Callbacks = tuple[Callable[[Any], None], Callable[[BaseException], None]]


class BackgroundRunner(QObject):
    """Starts jobs and tells whether any is still running (for a busy indicator)."""

    busy_changed = Signal(bool)
    finished = Signal()  # after a job's callback ran

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._running: dict[int, Callbacks] = {}

    def is_busy(self) -> bool:
        return bool(self._running)

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """``work()`` on a pool thread; then ``on_done(result)`` or ``on_error(exception)``."""
        relay = _Relay(self._deliver)
        self._running[id(relay)] = (on_done, on_error)
        _GcPause.enter()
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(work, relay))

    def cancel(self) -> None:
        """Stop waiting: the running jobs finish on their threads, their results are dropped.

        Only for work without side effects until its result is used on the GUI
        thread (building a PDF in memory); a print job must be waited for.
        """
        if not self._running:
            return
        self._running.clear()
        self.busy_changed.emit(False)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every job of the pool is done."""
        return self._pool.waitForDone(msecs)

    def _deliver(self, relay: _Relay, ok: bool, value: object) -> None:
        if not shiboken6.isValid(self):  # the window went away meanwhile: nothing to tell
            return
        callbacks = self._running.pop(id(relay), None)
        if callbacks is None:
            return
        on_done, on_error = callbacks
        try:
            if ok:
                on_done(value)
            else:
                on_error(value)  # type: ignore[arg-type]
        finally:
            if not self._running:
                self.busy_changed.emit(False)
            self.finished.emit()
