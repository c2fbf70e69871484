"""Each coordinator's practice consults over time: totals and points by part.

For one coordinator, or (the owner's view) a row per coordinator: every
session's date, total and points per part; the averages by part; the trend,
the average of the later half of the sessions minus the earlier half's (the
middle session of an odd number is in neither; under two sessions, no
trend); and the weakest part, the one whose average is the smallest share of
what it is worth (a tie goes to the part worth more, then the scorecard's
order). Numbers are rounded to two decimals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from tcdesk.domain import Staff, StaffRole
from tcdesk.services.desk import Desk
from tcdesk.services.training.history import RecordedSession, coordinator, recorded_sessions
from tcdesk.services.training.scorecard import LABELS, WEIGHTS, Part


@dataclass(frozen=True)
class SessionPoint:
    day: date  # the local day it was practised
    started_at: datetime
    persona: str
    mode: str
    total: float
    points: tuple[tuple[Part, float], ...]  # in the scorecard's order
    decision: str

    def part(self, part: Part) -> float:
        return dict(self.points)[part]


@dataclass(frozen=True)
class PartProgress:
    part: Part
    out_of: int
    average: float | None
    trend: float | None

    @property
    def label(self) -> str:
        return LABELS[self.part]

    @property
    def share(self) -> float | None:
        return None if self.average is None else self.average / self.out_of


@dataclass(frozen=True)
class CoordinatorProgress:
    coordinator_id: str
    name: str
    sessions: tuple[SessionPoint, ...]
    average_total: float | None
    trend: float | None
    parts: tuple[PartProgress, ...]
    weakest: Part | None

    def part(self, part: Part) -> PartProgress:
        return next(p for p in self.parts if p.part is part)


@dataclass(frozen=True)
class ProgressReport:
    since: date | None
    until: date | None
    rows: tuple[CoordinatorProgress, ...]


def progress(
    desk: Desk,
    coordinator_id: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> ProgressReport:
    """One coordinator's progress, or (None) a row for every coordinator."""
    sessions = recorded_sessions(desk, coordinator_id, since, until)
    by_person: dict[str, list[RecordedSession]] = {}
    for session in sessions:
        by_person.setdefault(session.coordinator_id, []).append(session)
    if coordinator_id is not None:
        people = [coordinator(desk, coordinator_id)]
    else:
        people = _everyone(desk, set(by_person))
    rows = tuple(_row(member, by_person.get(member.id, [])) for member in people)
    return ProgressReport(since, until, rows)


def _everyone(desk: Desk, practised: set[str]) -> list[Staff]:
    """The practice's active coordinators, and anyone else (not a doctor) who practised."""
    practice = desk.practice()
    staff = desk.practices.staff(practice.id) if practice else []
    people = [
        s
        for s in staff
        if s.role is not StaffRole.DOCTOR
        and ((s.role is StaffRole.COORDINATOR and s.active) or s.id in practised)
    ]
    return sorted(people, key=lambda s: (s.name.casefold(), s.id))


def _row(member: Staff, sessions: Sequence[RecordedSession]) -> CoordinatorProgress:
    points = tuple(_point(s) for s in sessions)
    parts = tuple(
        PartProgress(
            part,
            weight,
            _average([p.part(part) for p in points]),
            _trend([p.part(part) for p in points]),
        )
        for part, weight in WEIGHTS.items()
    )
    return CoordinatorProgress(
        coordinator_id=member.id,
        name=member.name,
        sessions=points,
        average_total=_average([p.total for p in points]),
        trend=_trend([p.total for p in points]),
        parts=parts,
        weakest=_weakest(parts),
    )


def _point(session: RecordedSession) -> SessionPoint:
    card = session.scorecard
    return SessionPoint(
        day=session.day,
        started_at=session.started_at,
        persona=card.persona,
        mode=session.mode.value,
        total=card.total,
        points=tuple((p.part, p.points) for p in card.parts),
        decision=card.decision,
    )


def _average(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def _trend(values: Sequence[float]) -> float | None:
    """The later half's average minus the earlier half's (None under two values)."""
    half = len(values) // 2
    if half == 0:
        return None
    earlier, later = values[:half], values[-half:]
    return round(sum(later) / half - sum(earlier) / half, 2)


def _weakest(parts: Sequence[PartProgress]) -> Part | None:
    scored = [(p.share, -p.out_of, i, p.part) for i, p in enumerate(parts) if p.share is not None]
    return min(scored)[3] if scored else None


def progress_json(report: ProgressReport) -> dict:
    """The report as ``tcdesk training report --json`` prints it."""
    return {
        "since": report.since.isoformat() if report.since else None,
        "until": report.until.isoformat() if report.until else None,
        "coordinators": [
            {
                "id": row.coordinator_id,
                "name": row.name,
                "sessions": [
                    {
                        "date": s.day.isoformat(),
                        "started_at": s.started_at.isoformat(),
                        "persona": s.persona,
                        "mode": s.mode,
                        "total": s.total,
                        "decision": s.decision,
                        "parts": {part.value: points for part, points in s.points},
                    }
                    for s in row.sessions
                ],
                "average_total": row.average_total,
                "trend": row.trend,
                "parts": [
                    {
                        "part": p.part.value,
                        "label": p.label,
                        "out_of": p.out_of,
                        "average": p.average,
                        "trend": p.trend,
                    }
                    for p in row.parts
                ],
                "weakest": row.weakest.value if row.weakest else None,
            }
            for row in report.rows
        ],
    }
