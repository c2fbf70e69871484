"""The consult scorecard: DOMAIN.md's parts and weights (they sum to 100).

Computed from what happened in a session, never self-reported. Every part
says why it scored what it did (``good`` and ``to_improve``), so a TC reads
what to do next time, not only a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Part(StrEnum):
    PREPARATION = "preparation"
    RAPPORT = "rapport"
    DISCOVERY = "discovery"
    EXPLANATION = "explanation"
    MONEY = "money"
    OBJECTIONS = "objections"
    SAME_DAY_ASK = "same_day_ask"
    NEXT_STEP = "next_step"


WEIGHTS: dict[Part, int] = {
    Part.PREPARATION: 10,
    Part.RAPPORT: 10,
    Part.DISCOVERY: 15,
    Part.EXPLANATION: 15,
    Part.MONEY: 15,
    Part.OBJECTIONS: 15,
    Part.SAME_DAY_ASK: 10,
    Part.NEXT_STEP: 10,
}
assert sum(WEIGHTS.values()) == 100

LABELS: dict[Part, str] = {
    Part.PREPARATION: "Preparation",
    Part.RAPPORT: "Rapport",
    Part.DISCOVERY: "Discovery",
    Part.EXPLANATION: "Explanation",
    Part.MONEY: "Money",
    Part.OBJECTIONS: "Objections (LAER)",
    Part.SAME_DAY_ASK: "Asked for a same-day start",
    Part.NEXT_STEP: "Next step",
}


@dataclass(frozen=True)
class PartScore:
    part: Part
    points: float  # 0 .. WEIGHTS[part]
    good: tuple[str, ...] = ()  # "you asked what matters most to them"
    to_improve: tuple[str, ...] = ()  # "you did not ask what part of it worries them"

    @property
    def out_of(self) -> int:
        return WEIGHTS[self.part]


@dataclass(frozen=True)
class Scorecard:
    persona: str  # the persona's key
    parts: tuple[PartScore, ...]  # one per Part, in WEIGHTS' order
    decision: str  # the family's decision: start_today, book, think_it_over, decline
    decision_reason: str = ""
    minutes: float = 0.0  # the session's length (about 30 is the aim)
    notes: tuple[str, ...] = field(default=())  # what to do next time, most useful first

    @property
    def total(self) -> float:
        return round(sum(p.points for p in self.parts), 1)

    def part(self, part: Part) -> PartScore:
        return next(p for p in self.parts if p.part is part)

    def as_json(self) -> dict:
        return {
            "persona": self.persona,
            "total": self.total,
            "decision": self.decision,
            "decision_reason": self.decision_reason,
            "minutes": self.minutes,
            "parts": [
                {
                    "part": p.part.value,
                    "label": LABELS[p.part],
                    "points": p.points,
                    "out_of": p.out_of,
                    "good": list(p.good),
                    "to_improve": list(p.to_improve),
                }
                for p in self.parts
            ],
            "notes": list(self.notes),
        }
