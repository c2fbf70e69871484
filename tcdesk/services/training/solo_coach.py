"""Feeds a solo session from what the TC does in the real consult, without Qt.

The consult console and family screen know nothing of training: they show
steps, tick the checklist, price plans and record the outcome. The coach
turns those into the ``SoloSession``'s moves (a step shown -> ``show_step``,
an item ticked -> ``tick``, the Payment tab -> ``move``, ...), so the
session is scored from what really happened on screen. It also holds what
the family has said, and passes each line to the injected ``speak``.

A move the session refuses (a figure its pricing cannot take) is kept in
``problems`` rather than raised: a practice consult must never break the
real one it rides on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tcdesk.services.consult_outcome import Outcome, OutcomeKind
from tcdesk.services.training.matching import first_match
from tcdesk.services.training.persona_model import HOLD_BACK_REASONS
from tcdesk.services.training.scoring import SessionResult, score_session
from tcdesk.services.training.session import SoloSession
from tcdesk.services.training.session_events import FamilyLine, NextStep, SessionMistake

Speak = Callable[[str, str], None]

DEFAULT_ASK = {
    "en": "Would you like to get started today?",
    "es": "¿Le gustaría empezar hoy mismo?",
}
# The words of an outcome's "what holds them back" that name each reason (DOMAIN.md).
REASON_WORDS: dict[str, tuple[str, ...]] = {
    "insurance": ("insurance", "coverage", "benefit", "seguro", "aseguranza"),
    "other_parent": (
        "spouse",
        "husband",
        "wife",
        "partner",
        "other parent",
        "dad",
        "mom",
        "father",
        "mother",
        "esposo",
        "esposa",
        "papa",
        "mama",
    ),
    "other_opinions": ("other opinion", "second opinion", "other office", "shop around"),
    "cost": (
        "cost",
        "money",
        "price",
        "afford",
        "down payment",
        "monthly",
        "expensive",
        "budget",
        "costo",
        "dinero",
        "precio",
        "enganche",
        "pago",
    ),
    "timing": ("timing", "schedule", "busy", "season", "horario", "tiempo"),
    "wants_to_wait": ("wait", "later", "not now", "esperar", "despues"),
    "confidence": ("confidence", "trust", "sure", "need", "confianza"),
}


def hold_back_reason(text: str, language: str = "en") -> str:
    """The ``HOLD_BACK_REASONS`` key the TC's words name ("other" when none does)."""
    folded = text.strip().lower().replace(" ", "_")
    if folded in HOLD_BACK_REASONS:
        return folded
    for reason, phrases in REASON_WORDS.items():
        if first_match(phrases, text, language) or first_match(phrases, text, "en"):
            return reason
    return "other" if text.strip() else ""


def next_step_of(outcome: Outcome, today: date, language: str = "en") -> NextStep:
    """The recorded outcome, in the session's terms."""
    reason = hold_back_reason(outcome.reason, language)
    kind = outcome.kind
    if kind is OutcomeKind.STARTED_TODAY:
        return NextStep("start_booked", today)
    if kind is OutcomeKind.START_BOOKED:
        return NextStep("start_booked", outcome.start_date)
    if kind in (OutcomeKind.DECLINED, OutcomeKind.REFERRED_OUT):
        return NextStep("declined", None, reason)
    if kind is OutcomeKind.OBSERVATION:
        return NextStep("follow_up", outcome.recall_on, reason or "wants_to_wait")
    return NextStep("follow_up", outcome.follow_up_on, reason)


@dataclass(frozen=True)
class Said:
    """One line of the consult's transcript: the family's, or the TC's (``by_tc``)."""

    speaker: str
    text: str
    by_tc: bool = False
    minute: float = 0.0


@dataclass(frozen=True)
class PlanFigures:
    """What the Payment tab says now, in the session's terms."""

    option: str  # treatment type ("metal_braces")
    choice: str  # payment choice key; "custom" once the figures were moved by hand
    down_payment: Decimal | None
    months: int | None


class SoloCoach:
    def __init__(
        self,
        session: SoloSession,
        *,
        speak: Speak | None = None,
        changed: Callable[[], None] | None = None,
    ) -> None:
        """``changed`` is called once the transcript has grown (the console's panel)."""
        self.session = session
        self._speak = speak
        self._changed = changed
        self.said: list[tuple[float, FamilyLine]] = []
        self.transcript: list[Said] = []
        self.problems: list[str] = []
        self._step = ""
        self._ticked: set[str] = set()
        self._sent = PlanFigures("", "", None, None)
        self._notes: set[str] = set()
        self._disclosed = False
        self.result: SessionResult | None = None

    # -- what the family says ---------------------------------------------------------

    @property
    def language(self) -> str:
        return self.session.persona.language

    def waiting(self) -> list[FamilyLine]:
        """Lines the family said that wait for the TC's answer, oldest first."""
        assessed = self.session.assessments
        open_keys = [k for k in self.session.raised if k not in assessed]
        lines = {line.objection: line for _m, line in self.said if line.objection}
        return [lines[k] for k in open_keys if k in lines]

    def _said(self, lines: list[FamilyLine]) -> list[FamilyLine]:
        minute = self.session.minute()
        for line in lines:
            self.said.append((minute, line))
            self.transcript.append(Said(line.speaker, line.text, minute=minute))
            if self._speak is not None:
                try:
                    self._speak(line.text, self._voice(line.speaker))
                except Exception as error:  # speech is a courtesy: a silent family still plays
                    self.problems.append(f"could not speak a line: {error}")
        if lines:
            self._notify()
        return lines

    def _notify(self) -> None:
        if self._changed is not None:
            self._changed()

    def _tc_says(self, text: str) -> None:
        self.transcript.append(Said("You", text, by_tc=True, minute=self.session.minute()))
        self._notify()

    def _voice(self, speaker: str) -> str:
        person = next((p for p in self.session.persona.people if p.name == speaker), None)
        return (person.speaks if person and person.speaks else "") or self.language

    def _do(self, move: Callable[[], list[FamilyLine] | None]) -> list[FamilyLine]:
        """Run a session move; a refusal is noted, never raised into the consult."""
        if self.session.ended:
            return []
        try:
            lines = move() or []
        except SessionMistake as mistake:
            self.problems.append(str(mistake))
            return []
        return self._said(lines)

    # -- what happens in the consult ----------------------------------------------------

    def prepare(self, items: Iterable[str]) -> None:
        for item in items:
            self._do(lambda item=item: self.session.prepare(item))

    def step_shown(self, step_id: str) -> list[FamilyLine]:
        """The family's screen shows ``step_id`` (a step's further slides say nothing new)."""
        if step_id == self._step:
            return []
        self._step = step_id
        return self._do(lambda: self.session.show_step(step_id))

    def checked(self, item_ids: Iterable[str]) -> list[FamilyLine]:
        """The checklist as it is now: each newly ticked item is ticked once."""
        said: list[FamilyLine] = []
        for item in item_ids:
            if item not in self._ticked:
                self._ticked.add(item)
                said += self._do(lambda item=item: self.session.tick(item))
        return said

    def plan_changed(self, figures: PlanFigures) -> list[FamilyLine]:
        """The Payment tab changed: the option, the choice, then any figure moved by hand."""
        said: list[FamilyLine] = []
        sent = self._sent
        if figures.option and figures.option != sent.option:
            said += self._do(lambda: self.session.move("option", figures.option))
        if figures.choice not in ("", "custom") and figures.choice != sent.choice:
            said += self._do(lambda: self.session.move("choice", figures.choice))
        if figures.choice != "pay_in_full":
            if figures.down_payment is not None and figures.down_payment != sent.down_payment:
                said += self._do(
                    lambda: self.session.move("down_payment", str(figures.down_payment))
                )
            if figures.months is not None and figures.months != sent.months:
                said += self._do(lambda: self.session.move("months", str(figures.months)))
        self._sent = figures
        return said

    def payment_shown(self) -> None:
        """The family sees the payment step's figures: with a plan that needs them, the
        Truth in Lending figures (APR, finance charge) are on their screen."""
        plan = self.session.plan()
        if not self._disclosed and plan is not None and plan.disclosure_required:
            self._disclosed = True
            self._do(self.session.show_disclosures)

    def note_saved(self, text: str) -> list[FamilyLine]:
        """The TC's private note: what they wrote down of the family's concern."""
        text = text.strip()
        if not text or text in self._notes:
            return []
        self._notes.add(text)
        return self._do(lambda: self.session.record_concern(text))

    def poll(self) -> list[FamilyLine]:
        """Lines due by now (the console's timer)."""
        return self._do(self.session.lines_due)

    # -- what the TC says to the family ------------------------------------------------

    def answer(self, text: str) -> list[FamilyLine]:
        """The TC's answer to the oldest line waiting; refused when nothing waits."""
        text = text.strip()
        waiting = self.waiting()
        if not waiting:
            raise SessionMistake("The family is not waiting for an answer right now.")
        if not text:
            raise SessionMistake("Type what you would say to the family first.")
        self._tc_says(text)
        return self._said(self.session.answer(waiting[0].objection, text))

    def ask_concern(self, question: str) -> list[FamilyLine]:
        question = question.strip()
        if not question:
            raise SessionMistake("Type the question you would ask the family first.")
        self._tc_says(question)
        return self._said(self.session.ask_concern(question))

    def ask_for_start(self, text: str = "") -> list[FamilyLine]:
        words = text.strip() or DEFAULT_ASK.get(self.language, DEFAULT_ASK["en"])
        self._tc_says(words)
        return self._said(self.session.ask_for_start(words))

    # -- the end --------------------------------------------------------------------------

    def finish(self, outcome: Outcome | None, today: date) -> SessionResult:
        """Score the session once the consult has ended (with the outcome recorded)."""
        if self.result is not None:
            return self.result
        if outcome is not None and not self.session.ended:
            self._do(
                lambda: self.session.record_next_step(next_step_of(outcome, today, self.language))
            )
        if not self.session.ended:
            self._said(self.session.end())
        self.result = score_session(self.session)
        return self.result
