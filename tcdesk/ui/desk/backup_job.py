"""A backup or restore running off the GUI thread, its page progress fed to a dialog.

The work reads and writes files through connections of its own (never the
window's), so the desk keeps answering while pages are copied.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from tcdesk import crash_log
from tcdesk.errors import UserError
from tcdesk.services.backups import BackupCancelled, Progress

STEPS = 1000  # the progress bar's range; pages are scaled onto it
SHOW_AFTER_MS = 300  # shorter work finishes before any dialog flickers up

Work = Callable[[Progress, Callable[[], bool]], Any]  # (progress, cancelled) -> result


class BackupJob(QThread):
    """Runs ``work(progress, cancelled)`` once; tells how it went on the GUI thread."""

    progressed = Signal(int, int)  # pages copied, pages in all
    succeeded = Signal(object)
    failed = Signal(str)  # one sentence for the coordinator
    cancelled = Signal()

    def __init__(self, work: Work, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self.outcome: str = ""  # "done", "failed", "cancelled" once finished
        self.finished.connect(self._collect)

    def cancel(self) -> None:
        self._cancel.set()

    def start_work(self) -> BackupJob:
        # A collection on the worker thread could free a Qt object there (see
        # ui.documents.background); collection waits until the job is done.
        self._gc_was_enabled = gc.isenabled()
        gc.disable()
        self.start()
        return self

    def _collect(self) -> None:
        if self._gc_was_enabled:
            gc.enable()

    def run(self) -> None:
        try:
            result = self._work(self.progressed.emit, self._cancel.is_set)
        except BackupCancelled:
            self.outcome = "cancelled"
            self.cancelled.emit()
        except UserError as error:
            self.outcome = "failed"
            self.failed.emit(str(error))
        except Exception:  # a bug: details to the crash log, a sentence to the TC
            log = crash_log.write_crash_report()
            self.outcome = "failed"
            self.failed.emit(f"Something went wrong inside tcdesk. Details were saved in {log}.")
        else:
            self.outcome = "done"
            self.succeeded.emit(result)


class WorkProgress(QProgressDialog):
    """A progress dialog that stays down once its work has ended.

    QProgressDialog shows itself when its minimum duration has passed if it was
    never shown; without this, work that ended first popped its dialog up after.
    """

    ended = False

    def setVisible(self, visible: bool) -> None:
        if visible and self.ended:
            return
        super().setVisible(visible)

    def end(self) -> None:
        self.ended = True
        self.hide()


def progress_dialog(
    parent: QWidget | None, title: str, label: str, *, cancellable: bool
) -> WorkProgress:
    """A calm progress dialog: appears only if the work takes more than ~300 ms."""
    dialog = WorkProgress(label, "Cancel" if cancellable else "", 0, STEPS, parent)
    dialog.setObjectName("backupProgress")
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(520)
    if not cancellable:
        dialog.setCancelButton(None)  # type: ignore[arg-type]
    dialog.setValue(0)
    return dialog


def feed(dialog: QProgressDialog) -> Callable[[int, int], None]:
    """A slot that moves the dialog's bar from (pages copied, pages in all)."""

    def show(done: int, total: int) -> None:
        dialog.setValue(round(STEPS * done / total) if total else 0)

    return show
