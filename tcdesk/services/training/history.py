"""Each coordinator's scored practice consults, kept in the training file.

``record_session`` is what a finished session (solo or with a partner) calls
with its ``Scorecard``; the progress report and the trainer read them back.
Only a training file takes them, and only for a person on its staff who is
not a doctor: a doctor is not a coordinator.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from tcdesk.domain import Staff, StaffRole
from tcdesk.domain.training import SessionPartRecord, SessionRecord
from tcdesk.errors import UserError
from tcdesk.services.clock import utc_iso
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id
from tcdesk.services.training.scorecard import WEIGHTS, Part, PartScore, Scorecard
from tcdesk.services.training.store import require_training
from tcdesk.store.training_repo import TrainingRepository


class TrainingMode(StrEnum):
    SOLO = "solo"  # tcdesk plays the family
    PARTNER = "partner"  # a trainer plays the family


@dataclass(frozen=True)
class RecordedSession:
    id: str
    coordinator_id: str
    mode: TrainingMode
    started_at: datetime  # UTC
    scorecard: Scorecard
    recorded_at: datetime  # UTC

    @property
    def total(self) -> float:
        return self.scorecard.total

    @property
    def day(self) -> date:
        """The local day it was practised on (how the report groups sessions)."""
        return self.started_at.astimezone().date()


def coordinator(desk: Desk, staff_id: str) -> Staff:
    """The staff member ``staff_id``, refused when unknown or a doctor."""
    member = desk.practices.staff_member(staff_id)
    if member is None:
        raise UserError(f"No one on staff has the id {staff_id}.")
    if member.role is StaffRole.DOCTOR:
        raise UserError(f"{member.name} is a doctor, not a coordinator.")
    return member


def record_session(
    desk: Desk,
    coordinator_id: str,
    scorecard: Scorecard,
    mode: TrainingMode | str,
    started_at: datetime,
) -> RecordedSession:
    """Keep a finished session's scorecard for ``coordinator_id`` (append-only)."""
    require_training(desk)
    coordinator(desk, coordinator_id)
    mode = TrainingMode(mode)
    _check_scorecard(scorecard)
    if started_at.tzinfo is None:
        raise ValueError("started_at must be an aware datetime")
    recorded = RecordedSession(
        id=new_id(),
        coordinator_id=coordinator_id,
        mode=mode,
        started_at=_second(started_at),
        scorecard=scorecard,
        recorded_at=_second(desk.clock()),
    )
    TrainingRepository(desk.records).add_session(_to_record(recorded))
    return recorded


def recorded_sessions(
    desk: Desk,
    coordinator_id: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[RecordedSession]:
    """Sessions in the order they were practised; ``since``/``until`` are local days, inclusive."""
    rows = TrainingRepository(desk.records).sessions(
        coordinator_id,
        since=_day_start(since) if since else None,
        before=_day_start(until + timedelta(days=1)) if until else None,
    )
    return [_from_record(row) for row in rows]


def _check_scorecard(scorecard: Scorecard) -> None:
    """One score per part in the scorecard's order, each within its weight."""
    if tuple(p.part for p in scorecard.parts) != tuple(WEIGHTS):
        raise ValueError("a scorecard has one score per part, in WEIGHTS' order")
    for score in scorecard.parts:
        if not math.isfinite(score.points) or not 0 <= score.points <= score.out_of:
            raise ValueError(f"{score.part.value} scored {score.points} of {score.out_of}")
    if not math.isfinite(scorecard.minutes) or scorecard.minutes < 0:
        raise ValueError(f"a session of {scorecard.minutes} minutes")


def _to_record(session: RecordedSession) -> SessionRecord:
    card = session.scorecard
    return SessionRecord(
        id=session.id,
        coordinator_id=session.coordinator_id,
        persona=card.persona,
        mode=session.mode.value,
        started_at=utc_iso(session.started_at),
        minutes=card.minutes,
        total=card.total,
        decision=card.decision,
        parts=tuple(
            SessionPartRecord(p.part.value, p.points, p.out_of, p.good, p.to_improve)
            for p in card.parts
        ),
        decision_reason=card.decision_reason,
        notes=card.notes,
        recorded_at=utc_iso(session.recorded_at),
    )


def _from_record(row: SessionRecord) -> RecordedSession:
    card = Scorecard(
        persona=row.persona,
        parts=tuple(PartScore(Part(p.part), p.points, p.good, p.to_improve) for p in row.parts),
        decision=row.decision,
        decision_reason=row.decision_reason,
        minutes=row.minutes,
        notes=row.notes,
    )
    return RecordedSession(
        id=row.id,
        coordinator_id=row.coordinator_id,
        mode=TrainingMode(row.mode),
        started_at=datetime.fromisoformat(row.started_at),
        scorecard=card,
        recorded_at=datetime.fromisoformat(row.recorded_at),
    )


def _second(moment: datetime) -> datetime:
    """As the store keeps it: UTC, to the second."""
    return moment.astimezone(UTC).replace(microsecond=0)


def _day_start(day: date) -> str:
    """The UTC instant the local ``day`` begins, in the store's format."""
    return utc_iso(datetime.combine(day, time()).astimezone())
