"""What a training file keeps: where it came from, each session's scorecard, each drill answer.

Plain rows for the store (tcdesk.store.training_repo); the services turn them
into and out of ``tcdesk.services.training.scorecard.Scorecard``. Points and
seconds are floats: scores and durations, never money.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TrainingOrigin:
    """The practice a training file's settings were copied from, and when."""

    practice_id: str
    practice_file: str  # the practice file's path when it was last copied
    made_at: str  # UTC ISO
    refreshed_at: str  # UTC ISO


@dataclass(frozen=True)
class SessionPartRecord:
    part: str  # a scorecard Part's value
    points: float
    out_of: int
    good: tuple[str, ...] = ()
    to_improve: tuple[str, ...] = ()


@dataclass(frozen=True)
class SessionRecord:
    """One practice consult as it was scored (append-only)."""

    id: str
    coordinator_id: str
    persona: str
    mode: str  # solo or partner
    started_at: str  # UTC ISO
    minutes: float
    total: float
    decision: str
    parts: tuple[SessionPartRecord, ...]
    decision_reason: str = ""
    notes: tuple[str, ...] = ()
    recorded_at: str = ""


@dataclass(frozen=True)
class DrillReview:
    """One answer to one drill card (append-only): the card is (objection, persona)."""

    id: str
    coordinator_id: str
    objection: str  # a TrainingObjection's value
    persona: str  # the persona whose line it is; '' for the built-in deck
    answered_at: str  # UTC ISO
    grade: int  # 0-5, 3 and up is right
    seconds: float
