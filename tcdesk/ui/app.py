"""Start-up: build every object once, wire them together, run the event loop.

Wiring is explicit (ARCHITECTURE rule 7): this module creates the desk, the
settings and the windows and passes them into constructors.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from tcdesk import crash_log
from tcdesk.errors import UserError
from tcdesk.paths import assets_dir, data_dir
from tcdesk.services import sign_in
from tcdesk.services.clock import system_clock, today
from tcdesk.services.desk import Desk
from tcdesk.services.encryption import start_encrypted
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.services.practice_setup import set_up_practice
from tcdesk.ui.first_paint import AfterFirstPaint
from tcdesk.ui.lock.desk_lock import DeskLock
from tcdesk.ui.lock.launch import sign_in_at_launch
from tcdesk.ui.main_screen import on_main_screen
from tcdesk.ui.main_window import MainWindow
from tcdesk.ui.open_consult import OpenConsultGuard
from tcdesk.ui.presentation.screens import ScreenChooser
from tcdesk.ui.stop_signals import stop_on_signals
from tcdesk.ui.store_opening import open_for_gui
from tcdesk.ui.style import apply_staff_style

if TYPE_CHECKING:
    from tcdesk.services.consult_room import PresentationKit
    from tcdesk.ui.presentation.room_screen import RoomScreen


def demo_store_path() -> Path:
    return data_dir() / "demo.sqlite3"


def _install_excepthook() -> None:
    """An unexpected error is logged and reported calmly; the app keeps running."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if isinstance(error, UserError):  # e.g. a record the file can't give back: say so
            message = str(error)
        else:
            path = crash_log.write_crash_report(error.with_traceback(tb))
            message = f"Something went wrong inside tcdesk. Details were saved in {path}."
        parent = QApplication.activeWindow()
        if parent is not None and parent.objectName() != "patientDisplay":
            QMessageBox.warning(parent, "tcdesk", message)

    sys.excepthook = hook


def open_demo(clock=system_clock) -> Desk:
    from tcdesk.services.demo import build_demo

    desk = Desk.open(demo_store_path(), clock=clock)
    if desk.is_empty():
        build_demo(desk, today(clock))
    return desk


def first_run(desk: Desk) -> Desk | None:
    """Offer the demo or a set-up form on an empty file; None if the user leaves."""
    from tcdesk.ui.first_run import FirstRunChoice, FirstRunDialog, PracticeSetupDialog

    app = QApplication.instance()
    if isinstance(app, QApplication):  # the desk's look from the first screen on
        apply_staff_style(app)
    dialog = FirstRunDialog()
    if on_main_screen(dialog).exec() != QDialog.DialogCode.Accepted or dialog.choice is None:
        return None
    if dialog.choice is FirstRunChoice.DEMO:
        desk.close()
        return open_demo(desk.clock)
    form = PracticeSetupDialog()
    if on_main_screen(form).exec() != QDialog.DialogCode.Accepted or form.setup is None:
        return None
    if form.passphrase:  # made again, encrypted, before the practice's first word is written
        desk = start_encrypted(desk, form.passphrase)
    set_up_practice(desk, form.setup)
    return desk


class Application:
    """Owns the long-lived objects of one run of the GUI."""

    def __init__(
        self, desk: Desk, settings: MachineSettingsStore, kit: PresentationKit | None = None
    ) -> None:
        self.desk = desk
        self.settings = settings
        self._kit = kit  # loaded once the desk is up (load_kit), or when first needed
        self.screens = ScreenChooser(settings)
        practice = desk.practice()
        apply_staff_style(
            QApplication.instance(),  # type: ignore[arg-type]
            practice.brand_color if practice else "#1F6F8B",
        )
        self.presentation = None
        self._room_screen: RoomScreen | None = None  # made once the desk is up, or when needed
        self.restore_job = None
        self.build_main_window()
        self.resume_prompt = None  # the "resume the consult?" dialog, while it is open

    @property
    def kit(self) -> PresentationKit:
        """The presentation's flows and content, loaded and checked on first use."""
        if self._kit is None:
            from tcdesk.services.consult_room import PresentationKit

            self._kit = PresentationKit.load()
            for error in self._kit.flow_errors:
                self.main_window.show_problem(f"A presentation flow could not be loaded: {error}")
        return self._kit

    @property
    def room_screen(self) -> RoomScreen:
        """The room's monitor, kept between consults on the practice's idle screen.

        Made after the desk's first paint (``after_desk_shown``) or when first needed:
        its slide painter is not what the TC waits for at start-up.
        """
        if self._room_screen is None:
            from tcdesk.ui.presentation.room_screen import RoomScreen

            room = RoomScreen()
            room.changed.connect(lambda: self.main_window.show_room_screen_idle(room.is_idle()))
            self._room_screen = room
        return self._room_screen

    def close_room_screen(self) -> None:
        """Take the room's screen down, if it was ever made."""
        if self._room_screen is not None:
            self._room_screen.close()

    def after_desk_shown(self) -> AfterFirstPaint:
        """What start-up does once the desk is painted, a step at a time."""
        return AfterFirstPaint(
            self.main_window,
            (
                self.load_kit,  # a broken flow is said at once
                lambda: self.room_screen,  # ready for the first consult
                self.offer_resume,
                self.main_window.backups.back_up_if_due,  # off the GUI thread
                self.main_window.sync.start,  # joined to an office sync: a first sync
            ),
        )

    def offer_resume(self) -> None:
        """A consult a crash cut short: ask to go back into it (``resume_prompt``)."""
        from tcdesk.ui.presentation.launcher import offer_resume

        self.resume_prompt = offer_resume(self, self.main_window)

    def load_kit(self) -> None:
        """Check the flows now (the desk is already showing): a broken one is said at once."""
        _ = self.kit

    def build_main_window(self) -> MainWindow:
        """The desk window on ``self.desk``; built again after a restore reopens the file."""
        desk = self.desk
        self.main_window = MainWindow(
            desk,
            today(desk.clock),
            on_present=self.present,
            settings=self.settings,
            flows=lambda: self.kit.flows,  # read when a consult record first needs them
        )
        self.main_window.close_room_screen.connect(self.close_room_screen)
        self.main_window.closing.connect(self.close_room_screen)
        self.main_window.backups.host = self
        self.main_window.training.host = self  # a practice consult uses the room's screen
        self.main_window.sync.host = self  # a sync while presenting leaves the screens alone
        # Both belong to this window (a restore builds a new one, and them with it).
        self.open_consult = OpenConsultGuard(self)  # Quit with a consult open asks first
        self.lock = DeskLock(self)  # idle minutes or Ctrl+L lock the desk and the console
        return self.main_window

    def restore_from(self, backup: Path) -> None:
        """Restore ``backup`` over the practice file and reopen it (File > Restore)."""
        from tcdesk.ui.desk.backup_actions import restore_into

        restore_into(self, backup)

    def present(self, consult_id: str) -> None:
        from tcdesk.ui.presentation.launcher import start_presentation

        if self.presentation is None:
            self.presentation = start_presentation(self, consult_id)
            self.open_consult.watch(self.presentation)

    def resume(self, consult_id: str) -> None:
        """Go back into a consult a crash cut short, where it was."""
        from tcdesk.ui.presentation.launcher import start_presentation

        if self.presentation is None:
            self.presentation = start_presentation(self, consult_id, resume=True)
            self.open_consult.watch(self.presentation)

    def stop_now(self) -> None:
        """Asked to stop by the system (log-out, Ctrl+C at a terminal): keep what is typed,
        leave the consult to resume, and quit even from the lock or an open consult, whose
        windows otherwise refuse to close (Qt's quit closes every window first)."""
        if self.presentation is not None:
            self.presentation.notes.flush()
            self.presentation.leave_for_later()
        for widget in QApplication.topLevelWidgets():
            allow = getattr(widget, "allow_close", None)
            if callable(allow):
                allow()
        QApplication.instance().quit()  # type: ignore[union-attr]

    def print_summary(self, consult_id: str, parent, report):
        from tcdesk.ui.documents.summary_actions import SummaryPrinter

        job = SummaryPrinter(self.desk, consult_id, self.settings, parent, report)
        job.start()
        return job

    def open_agreement(self, consult_id: str, parent):
        """The agreement preview, open (its ``agreement_changed`` tells what was done)."""
        from tcdesk.ui.documents.agreement_actions import open_agreement

        presenting = self.presentation
        picker = presenting.screen_for_signing if presenting is not None else None
        return open_agreement(self.desk, self.settings, consult_id, parent, signing_screen=picker)


def run_app(db_path: Path, qt_args: list[str]) -> int:
    app = QApplication.instance() or QApplication(qt_args)
    app.setApplicationName("tcdesk")
    icon = assets_dir() / "brand" / "tcdesk_icon.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    _install_excepthook()
    running: list[Application] = []

    def stop() -> None:
        """SIGTERM or Ctrl+C: the desk saves and quits; before it, the question open says no."""
        if running:
            running[0].stop_now()
            return
        for widget in app.topLevelWidgets():  # the first run, the sign-in: as if cancelled
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()

    stop_on_signals(app, stop)  # from the first window on, so a stop never skips the clean-up
    opened = open_for_gui(db_path, first_run)  # one app per file; a bad file is explained
    if opened.desk is None:
        return opened.code
    desk = opened.desk
    if not sign_in_at_launch(desk):  # a practice with PINs: who is at the desk?
        opened.release()
        desk.close()
        return 0
    application = Application(desk, MachineSettingsStore())
    running.append(application)
    application.after_desk_shown()  # the desk first, then what it does not draw
    application.main_window.show()
    if opened.notice:  # kept in view (not a passing message): the TC must know
        application.main_window.show_problem(opened.notice)
    code = app.exec()
    with contextlib.suppress(Exception):  # a busy file at quit must not cost a traceback
        sign_in.sign_out(application.desk)  # in the audit trail: who left, and when
    shutdown(app)
    opened.release()  # the next launch on this file may open it
    application.desk.close()  # (a restore may have reopened it as another Desk)
    return code


def shutdown(app: QApplication) -> None:
    """Delete windows and cached Qt objects while Qt is still alive.

    Left to Python's exit, they are destroyed in no particular order after the
    application object, which can crash the process on the way out.
    """
    from tcdesk.ui.slide_painter import release_caches

    for widget in app.topLevelWidgets():
        widget.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    release_caches()
