"""The consult schedule: book, move, cancel, mark no-show, check in.

Times are typed as the office's local wall clock (a day and an hour) and
stored in UTC like every timestamp. A booking that overlaps another live
consult of the same TC or doctor is not refused: ``DoubleBooking`` names the
clash and the TC may book anyway (``allow_overlap=True``), because a TC
sometimes does sit in on two families. Every change is in the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from tcdesk.domain import Consult, ConsultStatus, Office, Staff, StaffRole
from tcdesk.errors import UserError
from tcdesk.formatting import clock_time, medium_date, slot_when, time_span, weekday_medium_date
from tcdesk.services.agreement_edits import move_warning
from tcdesk.services.clock import utc_iso
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id
from tcdesk.services.validation import FieldError, Problems, whole_number

SHORTEST_MINUTES = 15
LONGEST_MINUTES = 240
DEFAULT_MINUTES = 60
# Consults that still hold their slot: a cancelled or missed one frees it.
LIVE = (
    ConsultStatus.SCHEDULED,
    ConsultStatus.PENDING,
    ConsultStatus.ACCEPTED,
    ConsultStatus.STARTED,
    ConsultStatus.DECLINED,
    ConsultStatus.OBSERVATION,
)


@dataclass(frozen=True)
class Slot:
    """Where, when, how long and with whom: everything a booking or a move sets."""

    office_id: str
    coordinator_id: str
    doctor_id: str
    day: date  # local calendar day
    at: time  # local wall-clock time
    minutes: int = DEFAULT_MINUTES

    @property
    def start(self) -> datetime:
        """The aware local start (this computer's zone, its DST rule for that day)."""
        return datetime.combine(self.day, self.at).astimezone()


@dataclass(frozen=True)
class Clash:
    """Another live consult the same person already has at an overlapping time."""

    consult_id: str
    person: str
    role: str  # "coordinator" or "doctor"
    patient: str
    start: datetime  # local
    minutes: int

    def describe(self) -> str:
        end = self.start + timedelta(minutes=self.minutes)
        return (
            f"{self.person} ({self.role}) already has {self.patient} "
            f"{weekday_medium_date(self.start.date())} {time_span(self.start, end)}"
        )


class DoubleBooking(UserError):
    """The booking overlaps; nothing was saved. Book again with ``allow_overlap=True``."""

    def __init__(self, clashes: tuple[Clash, ...]) -> None:
        names = "; ".join(c.describe() for c in clashes)
        super().__init__(f"Double booking: {names}.")
        self.clashes = clashes


@dataclass(frozen=True)
class Booked:
    """What a booking or move saved, and the overlaps the TC allowed."""

    consult: Consult
    clashes: tuple[Clash, ...] = ()
    # A move to another office or coordinator of a consult with an agreement:
    # a new agreement version will be needed (``agreement_edits.move_warning``).
    warning: str = ""


def check_minutes(field: str, value: str | int) -> int:
    return whole_number(
        field, "The length in minutes", value, least=SHORTEST_MINUTES, most=LONGEST_MINUTES
    )


def _offices(desk: Desk) -> dict[str, Office]:
    practice = desk.practice()
    if practice is None:
        raise UserError("This file holds no practice yet; set one up first.")
    return {o.id: o for o in desk.practices.offices(practice.id)}


def _check_person(
    problems: Problems, desk: Desk, field: str, staff_id: str, roles: tuple[StaffRole, ...]
) -> Staff | None:
    label = "The coordinator" if field == "coordinator" else "The doctor"
    member = desk.practices.staff_member(staff_id) if staff_id else None
    if member is None:
        problems.add(field, f"{label} is needed." if not staff_id else f"{label} is not on staff.")
        return None
    if not member.active:
        problems.add(field, f"{member.name} is no longer active; choose someone on staff now.")
    elif member.role not in roles:
        wanted = " or ".join(r.value for r in roles)
        problems.add(field, f"{member.name} is a {member.role.value}, not a {wanted}.")
    return member


def validate_slot(desk: Desk, slot: Slot) -> None:
    """Every field's mistake at once (FieldErrors), or nothing: office, people, length, time."""
    problems = Problems()
    if slot.office_id not in _offices(desk):
        problems.add("office", "Choose one of the practice's offices.")
    _check_person(
        problems,
        desk,
        "coordinator",
        slot.coordinator_id,
        (StaffRole.COORDINATOR, StaffRole.ADMIN),
    )
    _check_person(problems, desk, "doctor", slot.doctor_id, (StaffRole.DOCTOR,))
    with problems.check():
        check_minutes("minutes", slot.minutes)
    now = desk.clock().astimezone()
    if slot.start < now.replace(second=0, microsecond=0):
        problems.add("when", f"{slot_when(slot.start)} has passed; choose a time from now on.")
    problems.raise_if_any()


def find_clashes(desk: Desk, slot: Slot, *, ignore: str | None = None) -> tuple[Clash, ...]:
    """Live consults of the slot's TC or doctor overlapping it (``ignore``: the one moved)."""
    start = slot.start
    end = start + timedelta(minutes=slot.minutes)
    people = {slot.coordinator_id, slot.doctor_id} - {""}
    candidates = desk.consults.live_for_staff(
        sorted(people),
        utc_iso(start - timedelta(minutes=LONGEST_MINUTES)),
        utc_iso(end),
        [s.value for s in LIVE],
    )
    clashes = []
    for other in candidates:
        other_start = datetime.fromisoformat(other.scheduled_at).astimezone()
        other_end = other_start + timedelta(minutes=other.duration_minutes)
        if other.id == ignore or not (other_start < end and start < other_end):
            continue
        patient = desk.patients.get(other.patient_id)
        name = patient.display_name if patient else "another family"
        same = (
            ("coordinator", other.coordinator_id, other.coordinator_id == slot.coordinator_id),
            ("doctor", other.doctor_id, other.doctor_id == slot.doctor_id),
        )
        for role, staff_id, clashing in same:
            if clashing:
                member = desk.practices.staff_member(staff_id)
                person = member.name if member else staff_id
                clashes.append(
                    Clash(other.id, person, role, name, other_start, other.duration_minutes)
                )
    return tuple(clashes)


def book_consult(
    desk: Desk,
    patient_id: str,
    slot: Slot,
    *,
    allow_overlap: bool = False,
    actor_id: str | None = None,
) -> Booked:
    """Book a consult for an existing patient; refuses bad input, warns on a double booking."""
    patient = desk.patients.get(patient_id) if patient_id else None
    problems = Problems()
    if patient is None:
        problems.add("patient", "Choose the patient (search by name, phone or email).")
    with problems.check():
        validate_slot(desk, slot)
    problems.raise_if_any()
    assert patient is not None
    clashes = find_clashes(desk, slot)
    if clashes and not allow_overlap:
        raise DoubleBooking(clashes)
    consult = Consult(
        id=new_id(),
        patient_id=patient_id,
        office_id=slot.office_id,
        coordinator_id=slot.coordinator_id,
        doctor_id=slot.doctor_id,
        scheduled_at=utc_iso(slot.start),
        duration_minutes=slot.minutes,
    )
    with desk.transaction():
        desk.consults.save(consult)
        _audit(desk, "consult_booked", consult, actor_id, _when(slot, clashes))
    return Booked(consult, clashes)


def require_booked(desk: Desk, consult_id: str) -> Consult:
    consult = desk.consults.get(consult_id)
    if consult is None:
        raise UserError(f"No consult with id {consult_id} (tcdesk schedule day lists them).")
    return consult


def _require_open(desk: Desk, consult: Consult, doing: str) -> None:
    """Only a consult still booked, not yet in the room, can be moved or taken off."""
    if consult.status is not ConsultStatus.SCHEDULED:
        raise FieldError("when", f"This consult is {consult.status.label.lower()}; {doing}.")
    session = desk.consults.saved_session(consult.id)
    if session is not None and session.started:
        raise FieldError("when", f"This consult has already been presented; {doing}.")


def move_consult(
    desk: Desk,
    consult_id: str,
    slot: Slot,
    *,
    allow_overlap: bool = False,
    actor_id: str | None = None,
) -> Booked:
    """New time, office or people for a booked consult (never into the past)."""
    consult = require_booked(desk, consult_id)
    _require_open(desk, consult, "it cannot be moved")
    validate_slot(desk, slot)
    clashes = find_clashes(desk, slot, ignore=consult.id)
    if clashes and not allow_overlap:
        raise DoubleBooking(clashes)
    moved = replace(
        consult,
        office_id=slot.office_id,
        coordinator_id=slot.coordinator_id,
        doctor_id=slot.doctor_id,
        scheduled_at=utc_iso(slot.start),
        duration_minutes=slot.minutes,
    )
    if moved.consult_date != consult.consult_date:
        moved = replace(moved, arrived_at=None)  # a check-in belongs to the day it happened
    warning = move_warning(desk, consult, slot.office_id, slot.coordinator_id)
    was = datetime.fromisoformat(consult.scheduled_at).astimezone()
    with desk.transaction():
        desk.consults.save(moved)
        detail = f"from {was:%Y-%m-%d %H:%M} to {_when(slot, clashes)}"
        _audit(desk, "consult_moved", moved, actor_id, detail)
    return Booked(moved, clashes, warning)


def cancel_consult(
    desk: Desk, consult_id: str, reason: str, *, actor_id: str | None = None
) -> Consult:
    """Take a booked consult off the schedule; the reason is kept with it."""
    consult = require_booked(desk, consult_id)
    cleaned = " ".join(reason.split())
    if not cleaned:
        raise FieldError("reason", "Write why the consult is cancelled, in a few words.")
    _require_open(desk, consult, "it cannot be cancelled")
    changed = replace(consult, status=ConsultStatus.CANCELLED, outcome_reason=cleaned)
    with desk.transaction():
        desk.consults.save(changed)
        _audit(desk, "consult_cancelled", changed, actor_id, cleaned)
    return changed


def mark_no_show(desk: Desk, consult_id: str, *, actor_id: str | None = None) -> Consult:
    """The family did not come: the slot is freed and the no-show rate counts it."""
    consult = require_booked(desk, consult_id)
    _require_open(desk, consult, "it cannot be marked a no-show")
    if consult.arrived_at is not None:
        raise FieldError("when", "This family checked in; they are here, not a no-show.")
    if datetime.fromisoformat(consult.scheduled_at) > desk.clock():
        raise FieldError("when", "This consult has not begun yet; a no-show is marked after.")
    changed = replace(consult, status=ConsultStatus.NO_SHOW)
    with desk.transaction():
        desk.consults.save(changed)
        _audit(desk, "consult_no_show", changed, actor_id, "")
    return changed


def check_in(desk: Desk, consult_id: str, *, actor_id: str | None = None) -> Consult:
    """The family is here: the today board moves them to "who is here"."""
    consult = require_booked(desk, consult_id)
    _require_open(desk, consult, "there is no one to check in")
    if consult.arrived_at is not None:
        at = datetime.fromisoformat(consult.arrived_at).astimezone()
        raise FieldError("when", f"Already checked in at {clock_time(at)}.")
    today = desk.clock().astimezone().date()
    if consult.consult_date != today:
        raise FieldError(
            "when",
            f"This consult is on {medium_date(consult.consult_date)}, not today; move it first.",
        )
    changed = replace(consult, arrived_at=utc_iso(desk.clock()))
    with desk.transaction():
        desk.consults.save(changed)
        _audit(desk, "consult_checked_in", changed, actor_id, "")
    return changed


def _when(slot: Slot, clashes: tuple[Clash, ...]) -> str:
    text = f"{slot.start:%Y-%m-%d %H:%M} for {slot.minutes} min"
    if clashes:
        text += "; booked anyway over: " + "; ".join(c.describe() for c in clashes)
    return text


def _audit(desk: Desk, action: str, consult: Consult, actor_id: str | None, detail: str) -> None:
    desk.audit.record(
        id=new_id(),
        at=utc_iso(desk.clock()),
        action=action,
        subject_id=consult.id,
        actor_id=actor_id or consult.coordinator_id,
        detail=detail,
    )
