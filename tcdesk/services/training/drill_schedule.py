"""When a drill card comes back: Leitner boxes, worked out from the card's answers.

A card sits in one of six boxes; a box says how long until it is asked again:

    box        1       2      3       4       5        6
    back in    10 min  1 day  3 days  1 week  16 days  35 days

A new card is in box 1 and due now. Each answer moves it:

- right (grade 4 or 5, within ``SLOW_SECONDS``): one box up, so it goes further out;
- weak (grade 3, or right but slower than ``SLOW_SECONDS``): one box down
  (never below 1): it comes back sooner than before;
- wrong (grade 0-2): back to box 1, due again in ten minutes.

The box is never stored: it is replayed from the card's answers (the append-only
review history), so the rule can change and every card follows. Pure
functions; no clock but the one passed in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

INTERVALS: tuple[timedelta, ...] = (
    timedelta(minutes=10),
    timedelta(days=1),
    timedelta(days=3),
    timedelta(days=7),
    timedelta(days=16),
    timedelta(days=35),
)
TOP_BOX = len(INTERVALS)
SLOW_SECONDS = 45.0  # an answer that takes longer is weak, however right
RIGHT_GRADE = 4  # grades 0-5: 4 and 5 right, 3 half right (weak), 0-2 wrong
WEAK_GRADE = 3


class Verdict(StrEnum):
    RIGHT = "right"
    WEAK = "weak"
    WRONG = "wrong"


@dataclass(frozen=True)
class Answer:
    at: datetime
    grade: int  # 0-5
    seconds: float


@dataclass(frozen=True)
class CardState:
    box: int  # 1 .. TOP_BOX
    due_at: datetime | None  # None: never answered, due now
    answers: int = 0
    lapses: int = 0  # wrong answers
    last: Verdict | None = None

    @property
    def new(self) -> bool:
        return self.answers == 0

    def is_due(self, now: datetime) -> bool:
        return self.due_at is None or self.due_at <= now


NEW = CardState(box=1, due_at=None)


def verdict(grade: int, seconds: float, slow_after: float = SLOW_SECONDS) -> Verdict:
    if not 0 <= grade <= 5:
        raise ValueError(f"a grade is 0 to 5, not {grade}")
    if grade < WEAK_GRADE:
        return Verdict.WRONG
    if grade == WEAK_GRADE or seconds > slow_after:
        return Verdict.WEAK
    return Verdict.RIGHT


def next_box(box: int, outcome: Verdict) -> int:
    if outcome is Verdict.RIGHT:
        return min(box + 1, TOP_BOX)
    if outcome is Verdict.WEAK:
        return max(box - 1, 1)
    return 1


def answered(state: CardState, answer: Answer, slow_after: float = SLOW_SECONDS) -> CardState:
    """The card after one more answer."""
    outcome = verdict(answer.grade, answer.seconds, slow_after)
    box = next_box(state.box, outcome)
    return CardState(
        box=box,
        due_at=answer.at + INTERVALS[box - 1],
        answers=state.answers + 1,
        lapses=state.lapses + (outcome is Verdict.WRONG),
        last=outcome,
    )


def replay(answers: Iterable[Answer], slow_after: float = SLOW_SECONDS) -> CardState:
    """A card's state from all its answers, oldest first."""
    state = NEW
    for answer in answers:
        state = answered(state, answer, slow_after)
    return state


def weakest_first(state: CardState, now: datetime) -> tuple[int, int, float]:
    """The order due cards are asked in: lowest box, then most wrong answers, then the
    longest overdue (a new card counts as due just now, so a card answered wrong ten
    minutes ago comes before it)."""
    overdue = 0.0 if state.due_at is None else (now - state.due_at).total_seconds()
    return (state.box, -state.lapses, -overdue)
