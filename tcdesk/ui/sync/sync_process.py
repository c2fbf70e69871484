"""One ``tcdesk sync ...`` child process, watched without blocking the GUI thread.

QProcess reports through the event loop, so the desk (and a consult being
presented) keeps painting while the sync works. The child runs at a low
priority (POSIX nice) so that the presentation keeps the processor first.
"""

from __future__ import annotations

import contextlib
import os

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Signal

from tcdesk.services.sync.sync_commands import child_environment
from tcdesk.services.sync.sync_reports import SyncFailure, failure_from

LOW_PRIORITY = 10  # nice: below the app, above nothing in particular
STOP_WAIT_MS = 5_000  # at quit, a running sync may finish (a kill loses nothing either)


class SyncProcess(QObject):
    """Runs one command line; ``done`` with its stdout, or ``failed`` with one line."""

    done = Signal(str)
    failed = Signal(object)  # a SyncFailure

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._process: QProcess | None = None

    def running(self) -> bool:
        return self._process is not None

    def start(self, argv: list[str]) -> bool:
        """Start ``argv``; False (nothing started) while another command still runs."""
        if self._process is not None:
            return False
        process = QProcess(self)
        env = QProcessEnvironment()
        system = QProcessEnvironment.systemEnvironment()
        names = system.keys()  # a Qt list of names, not a dict
        for key, value in child_environment({k: system.value(k) for k in names}).items():
            env.insert(key, value)
        process.setProcessEnvironment(env)
        process.setProgram(argv[0])
        process.setArguments(argv[1:])
        process.started.connect(lambda: _lower_priority(process))
        process.finished.connect(lambda code, status: self._finished(process, code, status))
        process.errorOccurred.connect(lambda error: self._error(process, error))
        self._process = process
        process.start()
        return True

    def stop(self) -> None:
        """The desk is closing: let a running sync finish a moment, else end it."""
        process = self._process
        if process is None:
            return
        if not process.waitForFinished(STOP_WAIT_MS):
            process.kill()
            process.waitForFinished(2_000)

    def _finished(self, process: QProcess, code: int, status: QProcess.ExitStatus) -> None:
        if process is not self._process:
            return
        self._process = None
        out = bytes(process.readAllStandardOutput().data()).decode("utf-8", "replace")
        err = bytes(process.readAllStandardError().data()).decode("utf-8", "replace")
        process.deleteLater()
        if status == QProcess.ExitStatus.NormalExit and code == 0:
            self.done.emit(out)
        else:
            crashed = status != QProcess.ExitStatus.NormalExit
            self.failed.emit(failure_from(err, None if crashed else code))

    def _error(self, process: QProcess, error: QProcess.ProcessError) -> None:
        if process is not self._process or error != QProcess.ProcessError.FailedToStart:
            return  # a crash also ends in finished(), which says it
        self._process = None
        process.deleteLater()
        self.failed.emit(
            failure_from(f"tcdesk: The sync could not be started ({process.errorString()}).", 1)
        )


def _lower_priority(process: QProcess) -> None:
    pid = process.processId()
    if pid and hasattr(os, "setpriority"):
        with contextlib.suppress(OSError):  # it may already have finished
            os.setpriority(os.PRIO_PROCESS, pid, LOW_PRIORITY)


__all__ = ["SyncFailure", "SyncProcess"]
