"""Ending a consult: warn about what was skipped, ask how it ended, record it.

Recording the end writes to the store, and a write can fail (a full disk, a
file made read-only). Then the consult must stay open exactly as it was, the
console must say why, and End must be able to try again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget

from tcdesk.errors import UserError
from tcdesk.services.consult_outcome import Outcome, StartReadiness
from tcdesk.services.consult_room import ConsultRoom
from tcdesk.services.save_failures import reason_for
from tcdesk.ui.presentation.console import ConsolePanel
from tcdesk.ui.presentation.notes_editor import NotesEditor
from tcdesk.ui.presentation.outcome_dialog import OutcomeDialog


class ConsultEnding:
    """The end of one consult; ``take_down`` closes its windows once it has ended."""

    def __init__(
        self,
        room: ConsultRoom,
        notes: NotesEditor,
        panel: ConsolePanel,
        today: date,
        *,
        parent: Callable[[], QWidget | None],
        take_down: Callable[[], None],
    ) -> None:
        self._room = room
        self._notes = notes
        self._panel = panel
        self._today = today
        self._parent = parent
        self._take_down = take_down
        self._confirmed = False  # the skipped-items warning was shown once
        self.done = False  # the windows are down (ended, or left for later)
        self.failed = False  # the last try to end raised: the consult is still open
        self.ended = False  # the end was recorded (not only left for later)
        self.outcome: Outcome | None = None  # what was recorded with the end
        self.outcome_dialog: OutcomeDialog | None = None

    def request(self) -> None:
        """First press warns about what was skipped; the second asks how it ended."""
        self._notes.flush()
        # Items done by recording the outcome are about to be done, not skipped.
        skipped = self._room.session.skipped(coming=frozenset({"outcome_recorded"}))
        if skipped and not self._confirmed:
            self._confirmed = True
            items = "; ".join(item.label for item in skipped)
            self._warn(
                f"Not covered yet ({len(skipped)}): {items}. Press End anyway to end the consult."
            )
            self._panel.end_button.setText("End anyway")
            return
        self.ask_outcome()

    def ask_outcome(self) -> OutcomeDialog:
        """How did it end? Recorded with the end; "Back to the consult" changes nothing."""
        ready = StartReadiness.of(self._room.consult_file)
        dialog = OutcomeDialog(self._today, ready, self._parent())
        dialog.accepted.connect(lambda: self.end(dialog.outcome))
        dialog.open()
        self.outcome_dialog = dialog
        return dialog

    def end(self, outcome: Outcome | None = None) -> bool:
        """Record the end and take the windows down; False (and why, on the console)
        when it could not be saved: the consult is then still open."""
        if self.done:
            return True
        try:
            if not self._notes.flush():  # ending would drop the note's last words
                raise UserError(self._notes.problem() or reason_for(OSError()))
            self._room.end(outcome)
        except (UserError, OSError) as error:
            self.failed = True
            reason = reason_for(error) if isinstance(error, OSError) else str(error).strip()
            reason = (reason or type(error).__name__).rstrip(".") + "."
            self._warn(
                f"The consult could not be ended. {reason} It is still open and nothing "
                "is lost. Press End to try again, or close this window to leave it for later."
            )
            return False
        self.ended, self.outcome = True, outcome
        self.leave()
        return True

    def leave(self) -> None:
        """Take the windows down; unless ended, the saved consult resumes next launch."""
        if not self.done:
            self.done = True
            self._take_down()

    def _warn(self, text: str) -> None:
        self._panel.end_warning.setText(text)
        self._panel.end_warning.setVisible(True)
