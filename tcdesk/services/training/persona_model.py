"""A scripted family (a persona) as checked values: what the loader builds from TOML.

The format is documented in presentation_flows/training/README.md; this
module only holds what a session needs, already validated, so the session
and the scoring never meet a missing key or a wrong type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from tcdesk.services.training.objections import TrainingObjection

FORMAT_VERSION = 1


class Laer(StrEnum):
    """The four moves of a good answer, in order (DOMAIN.md)."""

    LISTEN = "listen"
    ACKNOWLEDGE = "acknowledge"
    EXPLORE = "explore"
    RESPOND = "respond"


class Outcome(StrEnum):
    """How a family decides at the end of a session."""

    START_TODAY = "start_today"
    BOOK = "book"
    THINK_IT_OVER = "think_it_over"
    DECLINE = "decline"


# The one thing holding a family back (DOMAIN.md "Following up on pending families").
HOLD_BACK_REASONS: tuple[str, ...] = (
    "cost",
    "timing",
    "insurance",
    "other_parent",
    "confidence",
    "other_opinions",
    "wants_to_wait",
    "other",
)

ROLES: tuple[str, ...] = (
    "patient",
    "parent",
    "mother",
    "father",
    "guardian",
    "grandparent",
    "spouse",
    "partner",
    "sibling",
    "other",
)


@dataclass(frozen=True)
class Person:
    name: str
    role: str  # one of ROLES
    speaks: str = ""  # a language other than the persona's, if this person uses it


@dataclass(frozen=True)
class Idea:
    """One LAER move of an answer: the phrases that show it, and how to say it was done."""

    phrases: tuple[str, ...]
    done: str  # "acknowledged the cost" -> "you acknowledged the cost"
    missed: str  # "ask what part of it worries them" -> "you did not ask what part ..."


@dataclass(frozen=True)
class SettledBy:
    """Moves on the Payment tab that settle an objection (any one is enough)."""

    choices: tuple[str, ...] = ()  # payment choice keys: pay_in_full, standard, low_down, extended
    fits_budget: bool = False  # the plan's down payment and monthly within the family's comfort

    @property
    def any(self) -> bool:
        return bool(self.choices) or self.fits_budget


@dataclass(frozen=True)
class When:
    """When a line is said: on a step, at the investment, at the ask, after N minutes."""

    kind: str  # "step", "investment", "ask", "minutes" or "follow_up"
    step: str = ""
    minutes: float = 0.0


@dataclass(frozen=True)
class ScriptedObjection:
    key: str
    kind: TrainingObjection
    line: str
    when: When
    ideas: dict[Laer, Idea]
    model_answer: str
    settle_at: int = 3  # LAER moves needed (respond always among them)
    settled_by: SettledBy = SettledBy()
    settled_line: str = ""
    follow_up: str = ""  # key of the objection raised when this one is poorly answered
    speaker: str = ""  # who says it (a name from people); "" = the one who pays


@dataclass(frozen=True)
class Hidden:
    """What the family says only if asked."""

    concern: str  # for the trainer: what it really is
    revealed_by: tuple[str, ...]  # phrases of a question that brings it out
    line: str  # what they say then
    words: tuple[str, ...]  # phrases a good written record of it contains
    reason: str  # one of HOLD_BACK_REASONS
    speaker: str = ""  # who says it; "" = the one who pays


@dataclass(frozen=True)
class DecisionRule:
    """One rule of how the family decides; the first that holds is their decision."""

    outcome: Outcome
    line: str
    reason: str = ""  # for think_it_over / decline: one of HOLD_BACK_REASONS
    min_score: float | None = None  # the score before the next step, in percent
    max_score: float | None = None
    all_settled: bool | None = None
    asked: bool | None = None  # the TC asked for a same-day start
    hidden_revealed: bool | None = None

    @property
    def unconditional(self) -> bool:
        return all(
            v is None
            for v in (
                self.min_score,
                self.max_score,
                self.all_settled,
                self.asked,
                self.hidden_revealed,
            )
        )


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str = "moderate"


@dataclass(frozen=True)
class Insurance:
    carrier: str
    coverage_pct: Decimal
    lifetime_max: Decimal
    age_limit: int | None = None
    used: Decimal = Decimal(0)


@dataclass(frozen=True)
class Persona:
    key: str
    title: str
    language: str  # "en" or "es"
    flow: str  # the shipped flow the consult uses
    people: tuple[Person, ...]
    decides: tuple[str, ...]  # names of people
    pays: str
    patient_age: int
    findings: tuple[Finding, ...]
    options: tuple[str, ...]  # treatment types, the recommended one first
    recommended: str
    chief_concern: str
    priorities: tuple[str, ...]
    monthly_ceiling: Decimal
    down_payment: Decimal
    hidden: Hidden
    objections: tuple[ScriptedObjection, ...]
    decisions: tuple[DecisionRule, ...]
    insurance: Insurance | None = None
    walk_in: bool = False
    shopping: bool = False  # the family is collecting other opinions
    notes: str = ""  # for the trainer
    path: Path | None = field(default=None, compare=False)

    def objection(self, key: str) -> ScriptedObjection | None:
        return next((o for o in self.objections if o.key == key), None)

    @property
    def kinds(self) -> frozenset[TrainingObjection]:
        return frozenset(o.kind for o in self.objections)

    @property
    def patient(self) -> Person:
        return next(p for p in self.people if p.role == "patient")
