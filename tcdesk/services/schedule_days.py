"""A day or a week of one office's consults, as the schedule and the CLI show them.

Day boundaries are the office's local midnights (this computer's zone),
each computed on its own day so a DST change or a zone far from UTC never
shifts a consult into the neighbouring day. One store query per view.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from tcdesk.domain import ConsultStatus, Office
from tcdesk.services.clock import utc_iso
from tcdesk.services.desk import Desk
from tcdesk.store.consult_repo import BookedConsult

WEEK_DAYS = 7


@dataclass(frozen=True)
class ScheduleEntry:
    """One consult in its slot, with every name the schedule draws."""

    consult_id: str
    patient_id: str
    patient: str
    start: datetime  # local, aware
    minutes: int
    coordinator_id: str
    coordinator: str
    doctor_id: str
    doctor: str
    office_id: str
    office: str
    status: ConsultStatus
    arrived_at: datetime | None  # local, when the family checked in
    presenting: bool
    reason: str = ""  # why cancelled, when it was

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def live(self) -> bool:
        """Still holds its slot (not cancelled, not a no-show)."""
        return self.status not in (ConsultStatus.CANCELLED, ConsultStatus.NO_SHOW)

    @property
    def movable(self) -> bool:
        return self.status is ConsultStatus.SCHEDULED and not self.presenting

    @classmethod
    def of(cls, booked: BookedConsult) -> ScheduleEntry:
        consult = booked.consult
        arrived = consult.arrived_at
        return cls(
            consult_id=consult.id,
            patient_id=consult.patient_id,
            patient=booked.patient_name,
            start=datetime.fromisoformat(consult.scheduled_at).astimezone(),
            minutes=consult.duration_minutes,
            coordinator_id=consult.coordinator_id,
            coordinator=booked.coordinator,
            doctor_id=consult.doctor_id,
            doctor=booked.doctor,
            office_id=consult.office_id,
            office=booked.office,
            status=consult.status,
            arrived_at=datetime.fromisoformat(arrived).astimezone() if arrived else None,
            presenting=booked.presenting,
            reason=consult.outcome_reason if consult.status is ConsultStatus.CANCELLED else "",
        )


@dataclass(frozen=True)
class DaySchedule:
    office: Office
    day: date
    entries: tuple[ScheduleEntry, ...]


@dataclass(frozen=True)
class WeekSchedule:
    office: Office
    days: tuple[DaySchedule, ...]  # Monday first

    @property
    def first(self) -> date:
        return self.days[0].day


def local_midnight(day: date) -> datetime:
    """The aware instant this computer's clock reads 00:00 on ``day``."""
    return datetime.combine(day, time()).astimezone()


def day_window(first: date, days: int = 1) -> tuple[str, str]:
    """[start, end) in UTC ISO for ``days`` local days from ``first``."""
    return utc_iso(local_midnight(first)), utc_iso(local_midnight(first + timedelta(days=days)))


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _entries(desk: Desk, office: Office, first: date, days: int) -> list[ScheduleEntry]:
    start, end = day_window(first, days)
    return [ScheduleEntry.of(b) for b in desk.consults.booked_between(office.id, start, end)]


def day_schedule(desk: Desk, office: Office, day: date) -> DaySchedule:
    return DaySchedule(office, day, tuple(_entries(desk, office, day, 1)))


def week_schedule(desk: Desk, office: Office, day: date) -> WeekSchedule:
    """The Monday-to-Sunday week holding ``day``, in one query."""
    first = week_start(day)
    entries = _entries(desk, office, first, WEEK_DAYS)
    days = []
    for offset in range(WEEK_DAYS):
        current = first + timedelta(days=offset)
        days.append(
            DaySchedule(office, current, tuple(e for e in entries if e.start.date() == current))
        )
    return WeekSchedule(office, tuple(days))
