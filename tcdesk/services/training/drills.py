"""Objection drills: a deck of cards, one per objection a family raises, spaced by answers.

A card is the family's line, the objection it is, and the model answer shown
after the TC has answered. The deck is the ten built-in objections
(``objections.PATTERNS``: the line is the objection as a TC names it, the
model answer the pattern that works) plus one card per objection of each
persona. Personas feed the deck through ``PersonaLine`` (persona key,
objection, the family's words, the model answer): the persona loader turns
its objections into these, so the drills need nothing else of a persona.

Answers are kept in the training file (grade 0-5 and the seconds taken); when
a card comes back is ``drill_schedule``'s Leitner rule replayed from them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from tcdesk.domain.training import DrillReview
from tcdesk.services.clock import utc_iso
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id
from tcdesk.services.training.drill_schedule import (
    SLOW_SECONDS,
    Answer,
    CardState,
    answered,
    replay,
    verdict,
    weakest_first,
)
from tcdesk.services.training.history import coordinator
from tcdesk.services.training.objections import PATTERNS, TrainingObjection
from tcdesk.services.training.store import require_training
from tcdesk.store.training_repo import TrainingRepository

CardKey = tuple[str, str]  # (objection, persona key; '' for a built-in card)


@dataclass(frozen=True)
class Card:
    objection: TrainingObjection
    line: str  # what the family says
    model_answer: str
    persona: str = ""  # the persona whose line it is; '' for the built-in deck

    @property
    def key(self) -> CardKey:
        return (self.objection.value, self.persona)

    @property
    def label(self) -> str:
        return PATTERNS[self.objection].label


@dataclass(frozen=True)
class PersonaLine:
    """One objection as a persona raises it: what the persona files give the drills."""

    persona: str
    objection: TrainingObjection | str
    line: str
    model_answer: str


@dataclass(frozen=True)
class DueCard:
    card: Card
    state: CardState


class _ScriptedObjection(Protocol):
    @property
    def kind(self) -> TrainingObjection: ...
    @property
    def line(self) -> str: ...
    @property
    def model_answer(self) -> str: ...


class _Persona(Protocol):
    @property
    def key(self) -> str: ...
    @property
    def objections(self) -> Sequence[_ScriptedObjection]: ...


def persona_lines(personas: Iterable[_Persona]) -> list[PersonaLine]:
    """Each persona's objections as the drills take them (a persona's key and its
    objections' kind, line and model answer are all the drills read)."""
    return [
        PersonaLine(persona.key, objection.kind, objection.line, objection.model_answer)
        for persona in personas
        for objection in persona.objections
    ]


def builtin_cards() -> tuple[Card, ...]:
    return tuple(Card(p.key, p.label, p.what_works) for p in PATTERNS.values())


def cards_from(lines: Iterable[PersonaLine]) -> tuple[Card, ...]:
    """One card per (persona, objection); a persona's second line for the same
    objection is the same card, so its first line is the one drilled."""
    cards: dict[CardKey, Card] = {}
    for item in lines:
        card = Card(TrainingObjection(item.objection), item.line, item.model_answer, item.persona)
        if not card.persona:
            raise ValueError("a persona's line names its persona")
        cards.setdefault(card.key, card)
    return tuple(cards.values())


def deck(lines: Iterable[PersonaLine] = ()) -> tuple[Card, ...]:
    """The built-in cards, then the personas' (in the order they were given)."""
    return builtin_cards() + cards_from(lines)


def card_states(
    desk: Desk, coordinator_id: str, cards: Sequence[Card], slow_after: float = SLOW_SECONDS
) -> list[DueCard]:
    """Every card of ``cards`` with where the coordinator's answers have put it."""
    answers: dict[CardKey, list[Answer]] = {}
    for review in TrainingRepository(desk.records).reviews(coordinator_id):
        answers.setdefault((review.objection, review.persona), []).append(
            Answer(datetime.fromisoformat(review.answered_at), review.grade, review.seconds)
        )
    return [DueCard(card, replay(answers.get(card.key, ()), slow_after)) for card in cards]


def next_cards(
    desk: Desk,
    coordinator_id: str,
    now: datetime,
    n: int = 10,
    cards: Sequence[Card] | None = None,
    *,
    slow_after: float = SLOW_SECONDS,
) -> list[DueCard]:
    """Up to ``n`` cards due at ``now``, the weakest first (``weakest_first``)."""
    states = card_states(desk, coordinator_id, deck() if cards is None else cards, slow_after)
    due = [(index, item) for index, item in enumerate(states) if item.state.is_due(now)]
    due.sort(key=lambda pair: (*weakest_first(pair[1].state, now), pair[0]))
    return [item for _index, item in due[: max(n, 0)]]


def next_due_at(
    desk: Desk, coordinator_id: str, cards: Sequence[Card] | None = None
) -> datetime | None:
    """When the next card falls due (None: a card is new, so one is due now)."""
    states = card_states(desk, coordinator_id, deck() if cards is None else cards)
    moments = [item.state.due_at for item in states]
    if not moments or any(moment is None for moment in moments):
        return None
    return min(m for m in moments if m is not None)


def review(
    desk: Desk,
    coordinator_id: str,
    card: Card,
    grade: int,
    seconds: float,
    at: datetime,
    *,
    slow_after: float = SLOW_SECONDS,
) -> DueCard:
    """Keep one answer to ``card``; returns the card where it now stands."""
    require_training(desk)
    coordinator(desk, coordinator_id)
    verdict(grade, seconds, slow_after)  # refuses a grade out of 0-5 before anything is kept
    if seconds < 0:
        raise ValueError("an answer takes no less than no time")
    before = next(item.state for item in card_states(desk, coordinator_id, [card], slow_after))
    TrainingRepository(desk.records).add_review(
        DrillReview(
            id=new_id(),
            coordinator_id=coordinator_id,
            objection=card.objection.value,
            persona=card.persona,
            answered_at=utc_iso(at),
            grade=grade,
            seconds=float(seconds),
        )
    )
    return DueCard(card, answered(before, Answer(_second(at), grade, seconds), slow_after))


def _second(moment: datetime) -> datetime:
    return datetime.fromisoformat(utc_iso(moment))
