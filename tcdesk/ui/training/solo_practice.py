"""One solo practice consult on the real console and family screen.

The presentation controller runs the consult exactly as for a real family
(on the training file); this object hangs the practice on it from outside:
the PRACTICE banner and the family's panel on the console, the coach fed
from the controller's signals (steps shown, checklist, Payment tab, notes),
a timer for the lines due "after N minutes", and at the real end (the
outcome dialog) the scorecard: scored, kept in the training file, shown.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.training.history import record_session
from tcdesk.services.training.persona_model import Persona
from tcdesk.services.training.scorecard import Scorecard
from tcdesk.services.training.scoring import SessionResult
from tcdesk.services.training.session import SoloSession
from tcdesk.services.training.solo_coach import PlanFigures, SoloCoach, Speak
from tcdesk.ui.presentation.controller import PresentationController
from tcdesk.ui.training.family_panel import FamilyPanel
from tcdesk.ui.training.practice_banner import PracticeBanner


class ShowScorecard(Protocol):
    """Shows the scorecard at the end; ``family_says`` is the family's closing line."""

    def __call__(self, card: Scorecard, persona: Persona, *, family_says: str = "") -> object: ...


def no_speech(_text: str, _language: str) -> None:
    """The default voice: silent (an offline speech engine is injected where installed)."""


class SoloPractice(QObject):
    """``finished`` carries the SessionResult once the ended consult is scored and kept;
    a consult left for later (not ended) is not scored."""

    finished = Signal(object)
    POLL_MS = 1000  # how often lines due "after N minutes" are looked for

    def __init__(
        self,
        controller: PresentationController,
        session: SoloSession,
        *,
        training: Desk,
        coordinator_id: str,
        started_at: datetime,
        today: date,
        speak: Speak = no_speech,
        show_scorecard: ShowScorecard | None = None,
        close_training: bool = False,
    ) -> None:
        """``close_training``: the training file was opened for this practice; close it
        once the scorecard is kept."""
        super().__init__(controller)
        self.controller = controller
        self.persona = session.persona
        self.training = training
        self.coordinator_id = coordinator_id
        self.started_at = started_at
        self.today = today
        self._show_scorecard = show_scorecard
        self._close_training = close_training
        self.result: SessionResult | None = None
        self.scorecard_view: object | None = None
        self.coach = SoloCoach(session, speak=speak, changed=self.refresh_panel)
        self.banner = PracticeBanner(self.persona.title)
        self.panel = FamilyPanel(
            answer=self.coach.answer, ask=self.coach.ask_concern, ask_start=self.coach.ask_for_start
        )
        controller.panel.add_banner(self.banner)
        controller.panel.add_section(self.panel, 2)
        self._connect(controller)
        self._timer = QTimer(self, interval=self.POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._timer.start()

    def _connect(self, controller: PresentationController) -> None:
        controller.family_screen_changed.connect(self._screen_changed)
        controller.checklist_changed.connect(self._checklist_changed)
        controller.note_saved.connect(self.coach.note_saved)
        controller.payment.controls.changed.connect(self._plan_changed)
        controller.ended.connect(self._ended)

    # -- the consult, as the coach hears it ------------------------------------------

    def _screen_changed(self) -> None:
        session = self.controller.room.session
        if not session.showing_step:
            return
        self.coach.step_shown(session.step.id)
        if session.step.kind == "payment":
            self.coach.payment_shown()

    def _checklist_changed(self) -> None:
        self.coach.checked(sorted(self.controller.room.session.checked))

    def _plan_changed(self) -> None:
        controls = self.controller.payment.controls
        plan = controls.current()
        if plan is None:
            return
        self.coach.plan_changed(
            PlanFigures(
                option=controls.option().treatment_type.value,
                choice=plan.choice_key,
                down_payment=Decimal(plan.down_cents) / 100,
                months=plan.months or None,
            )
        )

    def poll(self) -> None:
        self.coach.poll()

    def refresh_panel(self) -> None:
        waiting = self.coach.waiting()
        self.panel.show_transcript(self.coach.transcript)
        self.panel.set_waiting(waiting[0] if waiting else None)

    # -- the end ------------------------------------------------------------------------

    def _ended(self) -> None:
        self._timer.stop()
        ending = self.controller.ending
        try:
            if ending.ended:
                self._score(ending.outcome)
        finally:
            if self._close_training:
                self.training.close()

    def _score(self, outcome) -> None:
        result = self.coach.finish(outcome, self.today)
        self.result = result
        parent = self._parent_window()
        try:
            record_session(self.training, self.coordinator_id, result.card, "solo", self.started_at)
        except UserError as error:
            QMessageBox.warning(parent, "The scorecard was not kept", str(error))
        if self._show_scorecard is not None:
            self.scorecard_view = self._show_scorecard(
                result.card, self.persona, family_says=result.decision.line
            )
        else:
            from tcdesk.ui.training.scorecard_message import show_scorecard_message

            self.scorecard_view = show_scorecard_message(
                result.card, self.persona, parent, result.decision.line
            )
        self.finished.emit(result)

    def _parent_window(self) -> QWidget | None:
        from PySide6.QtWidgets import QApplication

        return QApplication.activeWindow()
