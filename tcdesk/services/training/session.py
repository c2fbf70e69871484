"""A solo practice consult: tcdesk plays the family from a persona, the TC presents.

Pure and Qt-free, with the clock injected: the windows and ``tcdesk training
run`` drive the same object, so what a TC does on screen and what an answers
file says are scored alike. Each call records an event and returns what the
family says next; the family's scripted lines come when they are due (on a
step, at the investment, at the ask, after N minutes), an answer is scored by
LAER and settles the line or brings its follow-up.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from decimal import Decimal

from tcdesk.flows import Step
from tcdesk.money import MoneyInputError
from tcdesk.services.clock import Clock
from tcdesk.services.training.laer import Assessment, assess, unanswered
from tcdesk.services.training.matching import first_match
from tcdesk.services.training.persona_model import Persona, ScriptedObjection
from tcdesk.services.training.practice_money import (
    PlanMoves,
    PracticeMoney,
    PricedPlan,
    choice_keys,
    price_plan,
)
from tcdesk.services.training.session_events import (
    NEXT_STEPS,
    PREP_ITEMS,
    Event,
    EventKind,
    FamilyLine,
    NextStep,
    SessionMistake,
)

MONEY_KINDS = ("investment", "payment")
DEFAULT_SETTLED = {"en": "All right, that helps.", "es": "Está bien, eso ayuda."}
DEFAULT_UNSETTLED = {"en": "Hmm. I'm still not sure.", "es": "Mmm. Todavía no estoy seguro."}


class SoloSession:
    def __init__(
        self, persona: Persona, steps: tuple[Step, ...], money: PracticeMoney, clock: Clock
    ) -> None:
        self.persona = persona
        self.steps = steps
        self.money = money
        self._clock = clock
        self._began: datetime = clock()
        self.events: list[Event] = []
        self.assessments: dict[str, Assessment] = {}
        self.raised: dict[str, float] = {}  # objection key -> minute
        self._open: list[str] = []  # raised, not answered yet
        self.step_id = ""
        self.moves = PlanMoves()
        self.next_step: NextStep | None = None
        self.asked = False
        self.hidden_revealed = False
        self.ended = False
        self._items = {item.id for step in steps for item in step.checklist}

    # -- time and the record -------------------------------------------------------

    def minute(self) -> float:
        return round((self._clock() - self._began).total_seconds() / 60, 2)

    def _record(self, kind: EventKind, **fields: str) -> float:
        if self.ended:
            raise SessionMistake("the session has ended")
        now = self.minute()
        self.events.append(Event(kind, now, step=self.step_id, **fields))
        return now

    def _speaker(self, name: str = "") -> str:
        return name or self.persona.pays or self.persona.patient.name

    # -- the TC's moves ------------------------------------------------------------

    def prepare(self, item: str) -> None:
        if item not in PREP_ITEMS:
            raise SessionMistake(f"unknown preparation {item!r} (one of {', '.join(PREP_ITEMS)})")
        self._record(EventKind.PREPARED, item=item)

    def show_step(self, step_id: str) -> list[FamilyLine]:
        step = next((s for s in self.steps if s.id == step_id), None)
        if step is None:
            known = ", ".join(s.id for s in self.steps)
            raise SessionMistake(f"this consult has no step {step_id!r} (its steps: {known})")
        said = self._close_open()
        first_money = step.kind in MONEY_KINDS and not any(
            e.kind is EventKind.STEP and self._kind_of(e.item) in MONEY_KINDS for e in self.events
        )
        self.step_id = step_id
        self._record(EventKind.STEP, item=step_id)
        said += self._due(lambda o: o.when.kind == "step" and o.when.step == step_id)
        if first_money:
            said += self._due(lambda o: o.when.kind == "investment")
        return said + self._due_by_time()

    def tick(self, item: str) -> list[FamilyLine]:
        if item not in self._items:
            raise SessionMistake(f"no checklist item {item!r} in this consult")
        self._record(EventKind.TICK, item=item)
        return self._due_by_time()

    def ask_concern(self, question: str) -> list[FamilyLine]:
        self._record(EventKind.CONCERN_ASKED, text=question)
        said = self._due_by_time()
        hidden = self.persona.hidden
        if not self.hidden_revealed and first_match(
            hidden.revealed_by, question, self.persona.language
        ):
            self.hidden_revealed = True
            self._record(EventKind.LINE, text=hidden.line, value="hidden")
            said.insert(0, FamilyLine(self._speaker(hidden.speaker), hidden.line))
        return said

    def record_concern(self, text: str) -> list[FamilyLine]:
        self._record(EventKind.CONCERN_RECORDED, text=text)
        return self._due_by_time()

    def answer(self, objection_key: str, text: str) -> list[FamilyLine]:
        """The TC's typed answer to a line the family said; their reaction comes back."""
        objection = self.persona.objection(objection_key)
        if objection is None or objection_key not in self.raised:
            said = ", ".join(self._open) or "none"
            raise SessionMistake(
                f"the family has not said {objection_key!r} (waiting for an answer: {said})"
            )
        if objection_key not in self._open:
            raise SessionMistake(f"{objection_key!r} was already answered")
        self._open.remove(objection_key)
        self._record(EventKind.ANSWER, objection=objection_key, text=text)
        result = assess(objection, text, self.persona.language, self._action_done(objection))
        return self._react(objection, result) + self._due_by_time()

    def move(self, what: str, value: str) -> list[FamilyLine]:
        """A change on the Payment tab: ``option``, ``choice``, ``down_payment`` or ``months``."""
        before = self.moves
        self.moves = self._moved(what, value)
        try:
            self.plan()  # a plan that cannot exist is the TC's mistake, said now
        except MoneyInputError as error:
            self.moves = before
            raise SessionMistake(f"{what} {value}: {error}") from None
        self._record(EventKind.MOVE, item=what, value=value)
        return self._due_by_time()

    def _moved(self, what: str, value: str) -> PlanMoves:
        if what == "option":
            if value not in self.persona.options:
                raise SessionMistake(f"{value!r} is not one of this family's options")
            return replace(self.moves, option=value)
        if what == "choice":
            offered = choice_keys(self.money, self.persona, self.moves.option)
            if value not in offered:
                raise SessionMistake(f"no payment choice {value!r} (offered: {', '.join(offered)})")
            return replace(self.moves, choice=value)
        if what == "down_payment":
            try:
                return replace(self.moves, down_payment=Decimal(value).quantize(Decimal("0.01")))
            except ArithmeticError:
                raise SessionMistake(
                    f"down_payment must be an amount like 300, not {value!r}"
                ) from None
        if what == "months":
            if not value.isdigit():
                raise SessionMistake(f"months must be a whole number like 24, not {value!r}")
            return replace(self.moves, months=int(value))
        raise SessionMistake(f"unknown move {what!r}")

    def lines_due(self) -> list[FamilyLine]:
        """What the family says now because time has passed ("after N minutes" lines).

        The windows call this on a timer: a family that has waited ten minutes
        speaks up without the TC doing anything.
        """
        if self.ended:
            return []
        return self._due_by_time()

    def show_disclosures(self) -> None:
        self._record(EventKind.DISCLOSURES)

    def hand_over(self, what: str) -> None:
        self._record(EventKind.HAND_OVER, value=what)

    def ask_for_start(self, text: str) -> list[FamilyLine]:
        said = self._close_open()
        self.asked = True
        self._record(EventKind.ASK, text=text)
        return said + self._due(lambda o: o.when.kind == "ask") + self._due_by_time()

    def record_next_step(self, step: NextStep) -> None:
        if step.kind not in NEXT_STEPS:
            known = ", ".join(NEXT_STEPS)
            raise SessionMistake(f"unknown next step {step.kind!r} (one of {known})")
        self.next_step = step
        self._record(
            EventKind.NEXT_STEP,
            value=step.kind,
            text=step.day.isoformat() if step.day else "",
            item=step.reason,
        )

    def end(self) -> list[FamilyLine]:
        said: list[FamilyLine] = []
        while self._open:  # a follow-up left unanswered at the end is unanswered too
            said += self._close_open()
        self._record(EventKind.END)
        self.ended = True
        return said

    # -- what the family does --------------------------------------------------------

    def plan(self) -> PricedPlan | None:
        return price_plan(self.money, self.persona, self.moves)

    def _kind_of(self, step_id: str) -> str:
        return next((s.kind for s in self.steps if s.id == step_id), "")

    def _action_done(self, objection: ScriptedObjection) -> bool:
        settle = objection.settled_by
        if not settle.any:
            return True
        if self.moves.choice and self.moves.choice in settle.choices:
            return True
        plan = self.plan()
        return bool(settle.fits_budget and plan is not None and plan.fits_budget)

    def _due(self, condition) -> list[FamilyLine]:
        said = []
        for objection in self.persona.objections:
            if objection.key not in self.raised and condition(objection):
                said.append(self._raise(objection))
        return said

    def _due_by_time(self) -> list[FamilyLine]:
        now = self.minute()
        return self._due(lambda o: o.when.kind == "minutes" and o.when.minutes <= now)

    def _raise(self, objection: ScriptedObjection) -> FamilyLine:
        self.raised[objection.key] = self._record(
            EventKind.LINE, objection=objection.key, text=objection.line
        )
        self._open.append(objection.key)
        return FamilyLine(self._speaker(objection.speaker), objection.line, objection.key)

    def _react(self, objection: ScriptedObjection, result: Assessment) -> list[FamilyLine]:
        self.assessments[objection.key] = result
        value = "settled" if result.settled else "not_settled"
        self._record(EventKind.REACTION, objection=objection.key, value=value)
        if result.settled:
            line = objection.settled_line or DEFAULT_SETTLED[self.persona.language]
            return [FamilyLine(self._speaker(objection.speaker), line)]
        follow = self.persona.objection(objection.follow_up) if objection.follow_up else None
        if follow is not None and follow.key not in self.raised:
            return [self._raise(follow)]
        unsure = DEFAULT_UNSETTLED[self.persona.language]
        return [FamilyLine(self._speaker(objection.speaker), unsure)]

    def _close_open(self) -> list[FamilyLine]:
        """Lines left without an answer count as poorly answered: their follow-ups come."""
        said = []
        for key in list(self._open):
            self._open.remove(key)
            objection = self.persona.objection(key)
            assert objection is not None
            said += self._react(objection, unanswered(objection))
        return said
