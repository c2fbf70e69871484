"""What a finished session's events say, in the terms the scorecard asks about.

Kept apart from the scoring so each part's rule reads as a rule: "time on
each step", "checklist items covered", "the money shown at minute N" are
worked out here once from the events.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise

from tcdesk.flows import ChecklistItem, Step
from tcdesk.services.training.session import SoloSession
from tcdesk.services.training.session_events import Event, EventKind

MONEY_KINDS = ("investment", "payment")
EXPLANATION_KINDS = ("problem", "options", "timeline", "custom")

# Items done by an action in tcdesk, and the event that does it in a session.
DONE_BY_EVENT = {
    "plan_saved": (EventKind.MOVE, "choice"),
    "outcome_recorded": (EventKind.NEXT_STEP, ""),
    "agreement_generated": (EventKind.HAND_OVER, "agreement"),
    "agreement_signed": (EventKind.HAND_OVER, "agreement"),
    "summary_given": (EventKind.HAND_OVER, "summary"),
}


@dataclass(frozen=True)
class Facts:
    events: tuple[Event, ...]
    steps: tuple[Step, ...]
    minutes_on: dict[str, float]  # step id -> minutes it was on screen
    ticked: frozenset[str]
    total_minutes: float
    planned_minutes: float

    def of(self, kind: EventKind) -> list[Event]:
        return [e for e in self.events if e.kind is kind]

    def first(self, kind: EventKind) -> Event | None:
        return next((e for e in self.events if e.kind is kind), None)

    def steps_of(self, kinds: tuple[str, ...]) -> list[Step]:
        return [s for s in self.steps if s.kind in kinds]

    def items(self, steps: list[Step]) -> list[ChecklistItem]:
        return [item for step in steps for item in step.checklist]

    def covered(self, steps: list[Step]) -> tuple[list[ChecklistItem], list[ChecklistItem]]:
        items = self.items(steps)
        return [i for i in items if i.id in self.ticked], [
            i for i in items if i.id not in self.ticked
        ]

    def money_minute(self) -> float | None:
        ids = {s.id for s in self.steps_of(MONEY_KINDS)}
        shown = next((e for e in self.of(EventKind.STEP) if e.item in ids), None)
        return shown.minute if shown else None


def session_facts(session: SoloSession) -> Facts:
    events = tuple(session.events)
    minutes_on: dict[str, float] = defaultdict(float)
    shown = [e for e in events if e.kind in (EventKind.STEP, EventKind.END)]
    for here, after in pairwise(shown):
        if here.kind is EventKind.STEP:
            minutes_on[here.item] += after.minute - here.minute
    ticked = {e.item for e in events if e.kind is EventKind.TICK}
    for item in (i for s in session.steps for i in s.checklist):
        if any(_done(event, item.done_by) for event in events):
            ticked.add(item.id)
    end = events[-1].minute if events else 0.0
    planned = float(sum(s.minutes or 0 for s in session.steps))
    return Facts(events, session.steps, dict(minutes_on), frozenset(ticked), end, planned)


def _done(event: Event, done_by: tuple[str, ...]) -> bool:
    for name in done_by:
        kind, item = DONE_BY_EVENT.get(name, (None, ""))
        if event.kind is kind and (not item or item in (event.item, event.value)):
            return True
    return False


def in_time(minutes: float, planned: int | None) -> bool:
    """About the planned time: from half of it to twice it (a step is not a stopwatch)."""
    planned = planned or 1
    return planned * 0.5 <= minutes <= planned * 2
