"""The app's watch over the consult being presented: Quit asks about it first.

Ctrl+Q on the desk or on the consult's own window, or the system closing the desk
(log-out) while a consult is open, opens one question (``QuitWhilePresenting``). The
note being typed is flushed to the store before the question opens and again
on every answer, so whatever is chosen nothing typed is lost:

- End the consult…: the outcome dialog; once the consult has ended, tcdesk quits
  ("Back to the consult" there cancels the quit).
- Quit and resume later: the session is saved unended and the windows come
  down; the next launch offers to resume it (``launcher.offer_resume``).
- Keep working (Esc): nothing changes.

While a consult is open the desk's "Back to the console" brings it forward.
"""

from __future__ import annotations

import weakref
from typing import Any

from PySide6.QtWidgets import QWidget

from tcdesk.errors import UserError
from tcdesk.ui.presentation.quit_dialog import END, LATER, QuitWhilePresenting


class OpenConsultGuard:
    def __init__(self, app: Any) -> None:
        """``app``: the ``tcdesk.ui.app.Application`` (not imported: it imports this).

        Held weakly: the app holds this guard, and a cycle would keep the app (and its
        room screen, still answering screen changes) alive after the app is gone.
        """
        self._app_ref = weakref.ref(app)
        self.question: QuitWhilePresenting | None = None
        self._quit_when_down = False
        app.main_window.close_guard = self.allow_close

    @property
    def _app(self) -> Any:
        return self._app_ref()

    def _close_desk(self) -> None:
        app = self._app
        if app is not None:
            app.main_window.close()

    def _console_item(self, bring_forward: Any) -> None:
        app = self._app
        if app is not None:
            app.main_window.menu_actions.set_console(bring_forward)

    def watch(self, controller: Any) -> None:
        """A consult just opened (``controller`` None: it could not be opened)."""
        if controller is None:
            return
        controller.quit_requested.connect(self.request_quit)
        controller.ended.connect(self._consult_down)
        self._console_item(controller.bring_forward)

    def open_consult(self) -> Any:
        app = self._app
        controller = app.presentation if app is not None else None
        if controller is None or controller.ending.done:
            return None
        return controller

    # -- asking ----------------------------------------------------------------------

    def allow_close(self) -> bool:
        """The desk asks before closing: True with nothing open; else ask, and not yet."""
        if self.open_consult() is None:
            return True
        self.ask()
        return False

    def request_quit(self) -> None:
        """Quit from a consult window (its Ctrl+Q): the same question as the desk's."""
        if self.allow_close():
            self._close_desk()

    def ask(self) -> QuitWhilePresenting | None:
        controller = self.open_consult()
        if controller is None:
            return None
        if self.question is not None and self.question.isVisible():
            self.question.raise_()
            self.question.activateWindow()
            return self.question
        self._flush(controller)
        skipped = [item.label for item in controller.room.session.skipped()]
        parent: QWidget | None = controller.console or controller.stage
        question = QuitWhilePresenting(controller.room.patient_name, skipped, parent)
        question.chosen.connect(self._answered)
        self.question = question
        question.open()
        question.raise_()
        question.activateWindow()
        return question

    def _answered(self, choice: str) -> None:
        self.question = None
        controller = self.open_consult()
        if controller is None:  # it ended meanwhile: nothing is left to ask about
            if choice in (END, LATER):
                self._close_desk()
            return
        if not self._flush(controller):
            return  # the note could not be saved: stay, the console says why
        if choice == LATER:
            self._quit_when_down = True
            if not controller.leave_for_later():
                self._quit_when_down = False
        elif choice == END:
            self._quit_when_down = True
            outcome = controller.ask_outcome()
            outcome.rejected.connect(self._stay)
            outcome.accepted.connect(self._stay)  # ended: already quit; failed: stay open
        else:
            controller.bring_forward()

    def _stay(self) -> None:
        self._quit_when_down = False

    def _flush(self, controller: Any) -> bool:
        try:
            controller.notes.flush()
        except (UserError, OSError) as error:
            controller.panel.notice.setText(f"The note could not be saved: {error}")
            return False
        return True

    def _consult_down(self) -> None:
        self._console_item(None)
        if self._quit_when_down:
            self._quit_when_down = False
            self._close_desk()
