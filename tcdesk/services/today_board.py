"""The today board: where every family of an office's day stands, in one call.

Four groups, each in slot order:

- **here**: checked in, not yet in the room;
- **presenting**: a consult session is open for them now (the room holds it);
- **to come**: booked, not checked in, not cancelled or a no-show (``late``
  once their time is 15 minutes past);
- **could start today**: DOMAIN.md counts a *same-day start* only when
  treatment starts on the consult day, so this group is exactly the families
  presented today (pending a decision, or accepted with a start not yet
  made) who have not started, declined or gone to observation. A start
  booked for today from an earlier consult is a booked start, not a same-day
  start, and is not shown here. Each says what a start still needs (a chosen
  option; for a fee, its saved payment plan), the rule ``record_outcome``
  enforces.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from tcdesk.domain import ConsultStatus, Office
from tcdesk.formatting import clock_time
from tcdesk.services.consult_outcome import StartReadiness
from tcdesk.services.desk import Desk
from tcdesk.services.schedule_days import ScheduleEntry, day_schedule

LATE_AFTER = timedelta(minutes=15)
MAY_START = (ConsultStatus.PENDING, ConsultStatus.ACCEPTED)


@dataclass(frozen=True)
class BoardEntry:
    entry: ScheduleEntry
    late: bool = False
    chosen_option: str = ""  # could start: the option the family chose
    needs: str = ""  # could start: what a start still needs; "" = ready

    @property
    def consult_id(self) -> str:
        return self.entry.consult_id


@dataclass(frozen=True)
class TodayBoard:
    office: Office
    day: date
    here: tuple[BoardEntry, ...]
    presenting: tuple[BoardEntry, ...]
    to_come: tuple[BoardEntry, ...]
    could_start: tuple[BoardEntry, ...]
    cancelled: int  # cancelled or no-show today: counted, not listed

    def groups(self) -> tuple[tuple[str, str, tuple[BoardEntry, ...]], ...]:
        """(key, heading, entries), in the order the desk shows them."""
        return (
            ("here", "Here", self.here),
            ("presenting", "Presenting", self.presenting),
            ("to_come", "Still to come", self.to_come),
            ("could_start", "Could start today", self.could_start),
        )


@dataclass(frozen=True)
class ConsultState:
    """Where one of the day's consults stands right now, as the desk says it."""

    key: str  # "presenting", "here", "to_come", "late", or the status ("pending", "no_show")
    label: str  # "Presenting now", "Here since 9:05 AM", "Consult booked", "Pending decision"


def consult_state(entry: ScheduleEntry, now: datetime) -> ConsultState:
    """The live state the board groups by and the day's patient list shows."""
    if entry.live and entry.presenting:
        return ConsultState("presenting", "Presenting now")
    if entry.status is ConsultStatus.SCHEDULED and entry.arrived_at is not None:
        return ConsultState("here", f"Here since {clock_time(entry.arrived_at)}")
    if entry.status is ConsultStatus.SCHEDULED and now > entry.start + LATE_AFTER:
        return ConsultState("late", "Booked, late")
    if entry.status is ConsultStatus.SCHEDULED:
        return ConsultState("to_come", entry.status_label)
    return ConsultState(entry.status.value, entry.status_label)


def today_board(desk: Desk, office: Office, day: date) -> TodayBoard:
    schedule = day_schedule(desk, office, day)
    now = desk.clock().astimezone()
    here, presenting, to_come, could_start = [], [], [], []
    cancelled = 0
    for entry in schedule.entries:
        state = consult_state(entry, now).key
        if not entry.live:
            cancelled += 1
        elif state == "presenting":
            presenting.append(BoardEntry(entry))
        elif state == "here":
            here.append(BoardEntry(entry))
        elif state in ("to_come", "late"):
            to_come.append(BoardEntry(entry, late=state == "late"))
        elif entry.status in MAY_START:
            could_start.append(_could_start(desk, entry))
    return TodayBoard(
        office=office,
        day=day,
        here=tuple(here),
        presenting=tuple(presenting),
        to_come=tuple(to_come),
        could_start=tuple(could_start),
        cancelled=cancelled,
    )


def _could_start(desk: Desk, entry: ScheduleEntry) -> BoardEntry:
    consult_file = desk.consults.load_file(entry.consult_id)
    assert consult_file is not None  # just listed
    ready = StartReadiness.of(consult_file)
    if not ready.chosen_option:
        needs = "an option chosen"
    elif ready.needs_plan and not ready.has_plan:
        needs = "a payment plan saved"
    else:
        needs = ""
    return BoardEntry(entry, chosen_option=ready.chosen_option, needs=needs)
