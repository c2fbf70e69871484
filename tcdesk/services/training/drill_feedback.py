"""What the drills window shows around a card: who says it, how a typed answer did, the round.

The drills (``drills``) keep cards and answers; a persona's card also has the
persona's LAER ideas, so a typed answer to it is scored with ``laer.assess``
and the TC sees which moves she made and which she missed. A built-in card
has no phrases to check against: she compares with the pattern and grades
herself. The grade she gives is the drills' 0-5 (``GRADES``: the CLI's
no / partly / yes), suggested from the score.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from tcdesk.services.desk import Desk
from tcdesk.services.training.drill_schedule import (
    INTERVALS,
    SLOW_SECONDS,
    Answer,
    CardState,
    Verdict,
    answered,
)
from tcdesk.services.training.drills import (
    Card,
    CardKey,
    DueCard,
    builtin_cards,
    card_states,
    cards_from,
    next_cards,
    persona_lines,
)
from tcdesk.services.training.laer import assess
from tcdesk.services.training.persona_model import Laer, Persona, ScriptedObjection


@dataclass(frozen=True)
class Grade:
    value: int  # the drills' 0-5
    label: str
    key: str  # the key that gives it in the window


GRADES: tuple[Grade, ...] = (
    Grade(1, "Missed it", "1"),
    Grade(3, "Partly", "2"),
    Grade(5, "Got it", "3"),
)


@dataclass(frozen=True)
class Script:
    """Where a card comes from: the family, who says the line, and the ideas to score by."""

    family: str  # the persona's title; '' for a built-in card
    speaker: str  # "Laura (mother)"; '' for a built-in card
    language: str = "en"
    objection: ScriptedObjection | None = None


@dataclass(frozen=True)
class Move:
    step: Laer
    words: str  # "acknowledged the cost" / "ask what part of it worries her"
    phrase: str = ""  # what in her answer showed it


@dataclass(frozen=True)
class Feedback:
    got: tuple[Move, ...]
    missed: tuple[Move, ...]
    explanation: str  # the matching's sentence; '' when there was nothing to check
    suggested: int | None  # a grade of GRADES; None: she grades herself
    seconds: float
    slow: bool

    @property
    def scored(self) -> bool:
        return self.suggested is not None


@dataclass(frozen=True)
class Drills:
    """The window's deck: the personas' cards first (they can be scored), then the ten."""

    cards: tuple[Card, ...]
    scripts: dict[CardKey, Script]

    def script(self, card: Card) -> Script:
        return self.scripts.get(card.key, Script("", ""))


def drills_for(personas: Iterable[Persona]) -> Drills:
    personas = list(personas)
    scripts: dict[CardKey, Script] = {}
    for persona in personas:
        for objection in persona.objections:
            key = (objection.kind.value, persona.key)
            if key not in scripts:  # the first line of a kind is the card (cards_from)
                scripts[key] = Script(
                    persona.title, _speaker(persona, objection), persona.language, objection
                )
    return Drills(cards_from(persona_lines(personas)) + builtin_cards(), scripts)


def _speaker(persona: Persona, objection: ScriptedObjection) -> str:
    name = objection.speaker or persona.pays
    person = next((p for p in persona.people if p.name == name), None)
    return f"{name} ({person.role})" if person else name


def feedback(script: Script, text: str, seconds: float) -> Feedback:
    """How ``text`` answered the card: the moves found and missed, and a grade to suggest."""
    slow = seconds > SLOW_SECONDS
    objection = script.objection
    if objection is None or not objection.ideas:
        return Feedback((), (), "", None, seconds, slow)
    # a drill has no Payment tab: a move there is not asked of a typed answer
    found = assess(objection, text, script.language, action_done=True)
    shown = dict(zip(found.moves, found.phrases, strict=True))
    got = tuple(Move(s, objection.ideas[s].done, shown[s]) for s in found.moves)
    missed = tuple(Move(s, objection.ideas[s].missed) for s in found.possible if s not in shown)
    grade = _suggest(found.settled, got, missed)
    return Feedback(got, missed, found.explanation, grade, seconds, slow)


def _suggest(settled: bool, got: Sequence[Move], missed: Sequence[Move]) -> int:
    """Settled (Respond and enough moves): got it; half the moves: partly; else missed."""
    if settled:
        return 5
    return 3 if got and len(got) >= len(missed) else 1


def comes_back(state: CardState, grade: int, seconds: float, at: datetime) -> timedelta:
    """How long until the card is asked again if she grades it ``grade`` now."""
    after = answered(state, Answer(at, grade, seconds))
    return INTERVALS[after.box - 1]


@dataclass(frozen=True)
class DrillStatus:
    due: list[DueCard]  # due now, weakest first
    next_due: datetime | None  # when the next card not due now falls due
    weak_next: datetime | None  # the same, of the cards last answered weak or wrong


def drill_status(desk: Desk, coordinator_id: str, drills: Drills, now: datetime) -> DrillStatus:
    due = next_cards(desk, coordinator_id, now, len(drills.cards), drills.cards)
    later = [
        item.state
        for item in card_states(desk, coordinator_id, drills.cards)
        if not item.state.is_due(now)
    ]
    weak = [s for s in later if s.last in (Verdict.WEAK, Verdict.WRONG)]
    return DrillStatus(due, _first(later), _first(weak))


def _first(states: Sequence[CardState]) -> datetime | None:
    moments = [s.due_at for s in states if s.due_at is not None]
    return min(moments) if moments else None


def span_words(delta: timedelta) -> str:
    """``10 minutes``, ``3 hours``, ``1 day``: how far off, as a TC says it."""
    minutes = max(round(delta.total_seconds() / 60), 0)
    if minutes < 90:
        return "1 minute" if minutes == 1 else f"{minutes} minutes"
    hours = round(minutes / 60)
    if hours < 24:
        return f"{hours} hours"
    days = round(hours / 24)
    return "1 day" if days == 1 else f"{days} days"


def moment_words(moment: datetime, now: datetime) -> str:
    """``today at 10:10``, ``tomorrow at 9:00``, ``Mon 7 Dec at 9:00`` (local time)."""
    local, today = moment.astimezone(), now.astimezone().date()
    clock = f"{local.hour}:{local.minute:02d}"
    if local.date() == today:
        return f"today at {clock}"
    if local.date() == today + timedelta(days=1):
        return f"tomorrow at {clock}"
    return f"{local:%a} {local.day} {local:%b} at {clock}"
