"""What the progress chart draws: each coordinator's totals, session by session, in time order.

Every session shown gets its own place along the bottom (its ``slot``),
ordered by when it was practised across everyone shown, so two sessions on
one day do not sit on top of each other and a TC who practised more often is
not squeezed. Kept apart from the painter so a test reads the points the
chart draws, not its pixels.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from tcdesk.services.training.progress import CoordinatorProgress

SERIES_COLOURS = ("#1F6F8B", "#B5652A", "#4E7D3A", "#7A4E9C", "#9C3D54", "#5E656C")


@dataclass(frozen=True)
class ChartPoint:
    slot: int  # 0 .. slots-1, in the order practised
    total: float  # 0 .. 100
    day: date
    persona: str


@dataclass(frozen=True)
class ChartSeries:
    coordinator_id: str
    name: str
    colour: str
    points: tuple[ChartPoint, ...]

    @property
    def totals(self) -> tuple[float, ...]:
        return tuple(p.total for p in self.points)


@dataclass(frozen=True)
class ProgressChart:
    title: str
    series: tuple[ChartSeries, ...]  # only coordinators who practised
    days: tuple[date, ...]  # the day of each slot

    @property
    def slots(self) -> int:
        return len(self.days)

    @property
    def empty(self) -> bool:
        return not self.days


def progress_chart(
    rows: Sequence[CoordinatorProgress], accent: str = SERIES_COLOURS[0]
) -> ProgressChart:
    """One line per coordinator who practised; the first takes the practice's colour."""
    moments: list[tuple[datetime, str, int]] = [
        (s.started_at, row.coordinator_id, index)
        for row in rows
        for index, s in enumerate(row.sessions)
    ]
    moments.sort()
    slot_of = {(who, index): slot for slot, (_at, who, index) in enumerate(moments)}
    colours = (accent, *(c for c in SERIES_COLOURS if c.casefold() != accent.casefold()))
    practised = [row for row in rows if row.sessions]
    series = tuple(
        ChartSeries(
            row.coordinator_id,
            row.name,
            colours[number % len(colours)],
            tuple(
                ChartPoint(slot_of[(row.coordinator_id, i)], s.total, s.day, s.persona)
                for i, s in enumerate(row.sessions)
            ),
        )
        for number, row in enumerate(practised)
    )
    days = tuple(_day_of(rows, who, index) for _at, who, index in moments)
    return ProgressChart("Total score per practice consult (out of 100)", series, days)


def _day_of(rows: Sequence[CoordinatorProgress], who: str, index: int) -> date:
    row = next(r for r in rows if r.coordinator_id == who)
    return row.sessions[index].day
