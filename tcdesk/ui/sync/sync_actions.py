"""File > Sync now, the status item, the timer and File > Sync conflicts (issue 15).

Everything here starts ``tcdesk sync`` in a child process and reads its JSON
(``services.sync.sync_reports``): the sync's second SQLite library never enters
the app. Nothing is shown for an install that has not joined a practice's sync,
so a click can never make a lone desk start one. A sync while a consult is
presented runs at low priority and changes nothing on screen but the status
item; the desk is refreshed once the presentation has ended.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.services.sign_in import require_admin
from tcdesk.services.sync import sync_commands
from tcdesk.services.sync.conflict_review import REVIEW_DOING
from tcdesk.services.sync.joined import has_joined
from tcdesk.services.sync.sync_reports import (
    FailureKind,
    ReportError,
    RunReport,
    StatusReport,
    SyncFailure,
    status_words,
)
from tcdesk.ui.desk.menu_actions import keys, make_action
from tcdesk.ui.sync.sync_process import SyncProcess
from tcdesk.ui.sync.sync_status_item import SyncStatusItem

if TYPE_CHECKING:
    from tcdesk.ui.sync.conflicts_window import ConflictsWindow

SYNC_KEY = "F6"
DEFAULT_MINUTES = 5
BUSY_RETRY_MS = 30_000  # the file or another sync was busy: again in half a minute


def every_minutes(settings: MachineSettingsStore | None) -> int:
    """The machine's sync interval; a bad value in the file means the default."""
    if settings is None:
        return DEFAULT_MINUTES
    try:
        minutes = int(settings.load().sync_every_minutes)
    except ValueError:
        return DEFAULT_MINUTES
    return max(minutes, 0)


def problem_line(failure: SyncFailure) -> str:
    """The status bar's problem line: short enough to read whole (the item's tooltip and
    the sync's own message say the rest)."""
    if failure.kind is FailureKind.UNREACHABLE:
        return (
            "Office sync: the sync folder is not reachable "
            "(plug in the drive or connect the share)."
        )
    return f"Office sync: {failure.message}"


class SyncActions(QObject):
    """Owns the sync's child processes, the status item and the two File menu items."""

    updated = Signal()  # the status item shows a new state (after a status read or a sync)

    def __init__(
        self, window: QMainWindow, desk: Desk, settings: MachineSettingsStore | None
    ) -> None:
        super().__init__(window)
        self._window: Any = window  # the MainWindow (not imported: it imports this)
        self._desk = desk
        self._settings = settings
        self.host: Any = None  # the Application: .presentation while a consult is presented
        self.status: StatusReport | None = None  # None until the first status read
        self.last_run: RunReport | None = None
        self.failure: SyncFailure | None = None
        self.refresh_pending = False  # rows came in while a consult was presented
        self._shown_problem = ""
        self._after_status: Callable[[], None] | None = None
        self.process = SyncProcess(self)
        self.process.done.connect(self._process_done)
        self.process.failed.connect(self._process_failed)
        self._step = ""  # "status" or "run": what the running process is
        self.conflicts_window: ConflictsWindow | None = None
        self.refusal: QMessageBox | None = None

        self.item = SyncStatusItem()
        self.item.clicked.connect(lambda: self.sync_now(asked=True))
        self.sync_now_action = make_action(
            window, "S&ync now", "syncNow", lambda: self.sync_now(asked=True), keys(SYNC_KEY)
        )
        self.sync_now_action.setStatusTip(
            "Send this desk's changes and bring in the other offices'"
        )
        self.conflicts_action = make_action(
            window, "Sync &conflicts…", "syncConflicts", self.open_conflicts
        )
        self.conflicts_action.setStatusTip(
            "(admin) Edits the office sync overwrote with newer ones"
        )
        for action in (self.sync_now_action, self.conflicts_action):
            action.setVisible(False)
        self.timer = QTimer(self)
        self.timer.setObjectName("syncTimer")
        self.timer.timeout.connect(lambda: self.sync_now(asked=False))
        self.retry = QTimer(self)
        self.retry.setSingleShot(True)
        self.retry.timeout.connect(lambda: self.sync_now(asked=False))
        window.closing.connect(self.stop)

    # -- start-up, timer, stop ---------------------------------------------------

    def start(self) -> None:
        """At start-up (after the desk's first paint): read the status, then sync if joined.

        A desk whose file never joined an office sync starts no child process at all.
        """
        if not has_joined(self._desk):
            self.updated.emit()
            return
        self._read_status(after=self._first_sync)

    def _first_sync(self) -> None:
        if self.joined():
            minutes = every_minutes(self._settings)
            if minutes:
                self.timer.start(minutes * 60_000)
            self.sync_now(asked=False)

    def stop(self) -> None:
        self.timer.stop()
        self.retry.stop()
        self.process.stop()
        if self.conflicts_window is not None:
            self.conflicts_window.stop()

    def joined(self) -> bool:
        return self.status is not None and self.status.joined

    def presenting(self) -> bool:
        return self.host is not None and getattr(self.host, "presentation", None) is not None

    # -- Sync now ----------------------------------------------------------------

    def folder(self) -> Path | None:
        """This computer's sync folder: its machine setting, else the one last used."""
        chosen = self._settings.load().sync_folder if self._settings is not None else ""
        chosen = chosen or (self.status.folder if self.status is not None else "")
        return Path(chosen) if chosen else None

    def sync_now(self, *, asked: bool = True) -> bool:
        """Start a sync; False when none was started (said in words when ``asked``)."""
        if self._desk.path is None or not self.joined():
            if asked:
                self._window.say("This computer does not sync with other offices.")
            return False
        if self.process.running():
            if asked:
                self._window.say("A sync is already running.")
            return False
        folder = self.folder()
        if folder is None and asked:
            folder = self._choose_folder()
        if folder is None:
            if asked:
                self._window.say("No sync folder chosen; nothing was synced.")
            return False
        self.retry.stop()
        self._step = "run"
        self.item.show_running(True)
        self.sync_now_action.setEnabled(False)
        return self.process.start(sync_commands.sync_run(Path(self._desk.path), folder))

    def _choose_folder(self) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(
            self._window, "Choose the practice's sync folder (the share, drive or synced folder)"
        )
        if not chosen:
            return None
        if self._settings is not None:
            self._settings.update(sync_folder=chosen)
        return Path(chosen)

    # -- what the child said ---------------------------------------------------------

    def _read_status(self, after: Callable[[], None] | None = None) -> None:
        if self._desk.path is None or self.process.running():
            return
        self._step, self._after_status = "status", after
        self.process.start(sync_commands.sync_status(Path(self._desk.path)))

    def _process_done(self, out: str) -> None:
        step, self._step = self._step, ""
        try:
            if step == "run":
                self.last_run = RunReport.from_json(out)
                self._ran()
                return
            self.status = StatusReport.from_json(out)
        except ReportError as error:
            self._process_failed(SyncFailure(FailureKind.OTHER, str(error)))
            return
        self._show()
        after, self._after_status = self._after_status, None
        if after is not None:
            after()

    def _ran(self) -> None:
        self.failure = None
        if self._shown_problem:
            self._window.status_line.withdraw(self._shown_problem)
            self._shown_problem = ""
        if self.last_run is not None and self.last_run.rows_in:
            self.refresh_pending = True
        self._read_status(after=self._refresh_if_free)

    def _refresh_if_free(self) -> None:
        """What came in shows on the desk now, or after the consult being presented."""
        if self.refresh_pending and not self.presenting():
            self.refresh_pending = False
            self._window.refresh_desk()

    def _process_failed(self, failure: SyncFailure) -> None:
        step, self._step = self._step, ""
        self._after_status = None
        if step == "status" and self.status is None:
            # Not known to sync: stay out of sight (a store that predates the sync...).
            self.updated.emit()
            return
        self.failure = failure
        if failure.kind is FailureKind.BUSY:
            self.retry.start(BUSY_RETRY_MS)
        else:
            problem = problem_line(failure)
            if problem != self._shown_problem:
                if self._shown_problem:
                    self._window.status_line.withdraw(self._shown_problem)
                self._window.show_problem(problem)
                self._shown_problem = problem
        self._show()

    def _show(self) -> None:
        status = self.status
        joined = status is not None and status.joined
        self.item.setVisible(joined)
        self.sync_now_action.setVisible(joined)
        self.conflicts_action.setVisible(joined)
        self.sync_now_action.setEnabled(True)
        if status is not None and joined:
            words = status_words(status, datetime.now(UTC), self.last_run, self.failure)
            warn = self.failure is not None and self.failure.kind is not FailureKind.BUSY
            self.item.show_words(words, warning=warn)
        self.item.show_running(False)
        if not self.process.running():
            self._refresh_if_free()
        self.updated.emit()

    # -- the conflicts review ------------------------------------------------------

    def open_conflicts(self) -> ConflictsWindow | None:
        """The overwritten edits, for an admin; anyone else is told why not."""
        try:
            require_admin(self._desk, REVIEW_DOING)
        except UserError as error:
            box = QMessageBox(
                QMessageBox.Icon.Information, "Sync conflicts", str(error), parent=self._window
            )
            box.setObjectName("syncConflictsRefused")
            self.refusal = box
            box.open()
            return None
        if self.conflicts_window is None:
            from tcdesk.ui.sync.conflicts_window import ConflictsWindow  # when first opened

            window = ConflictsWindow(self._desk, self._window)
            window.destroyed.connect(lambda: setattr(self, "conflicts_window", None))
            self.conflicts_window = window
        self.conflicts_window.load(self.status)
        self.conflicts_window.show()
        self.conflicts_window.raise_()
        self.conflicts_window.activateWindow()
        return self.conflicts_window
