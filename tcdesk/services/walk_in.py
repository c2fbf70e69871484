"""A family walks in: the patient and a consult now, at this office, ready to present.

A walk-in's date of birth is often not asked at the door. It is optional here:
when left out the patient is saved with ``birth_date_known = False`` (the
stored ``birth_date`` is then the day they came in, a placeholder the app
never shows), the walk-in flow is chosen by lead source, not age, and the
quote and the agreement ask for the real date before they use it ("Edit
family" adds it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from tcdesk.domain import Consult, ConsultStatus, LeadSource, Office, Patient, Staff, StaffRole
from tcdesk.errors import UserError
from tcdesk.services import validation
from tcdesk.services.clock import utc_iso
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id
from tcdesk.services.intake import main_office
from tcdesk.services.machine_settings import MachineSettings
from tcdesk.services.validation import FieldError, Problems

# The walk-in flow (presentation_flows/walk_in.toml) is "about 15 minutes": the
# slot a walk-in holds on the schedule and the board, not a full 60-minute consult.
WALK_IN_MINUTES = 15


@dataclass(frozen=True)
class OnDuty:
    """Who a walk-in is preset to: this desk's office, its coordinator and doctor."""

    office: Office
    coordinator: Staff
    doctor: Staff


@dataclass(frozen=True)
class WalkInStarted:
    patient: Patient
    consult: Consult


def staff_on_duty(desk: Desk, role: StaffRole) -> list[Staff]:
    practice = desk.practice()
    if practice is None:
        return []
    return [s for s in desk.practices.staff(practice.id) if s.role is role and s.active]


class DutyUnclear(UserError):
    """No one rule picks who is on duty: the message names the choices.

    ``office`` and whichever of ``coordinator``/``doctor`` could be picked are
    kept, so a form can preset those and leave the unclear one for the TC.
    """

    def __init__(
        self, message: str, office: Office, coordinator: Staff | None, doctor: Staff | None
    ) -> None:
        super().__init__(message)
        self.office = office
        self.coordinator = coordinator
        self.doctor = doctor


ROLE_WORDS = {StaffRole.COORDINATOR: "treatment coordinator", StaffRole.DOCTOR: "doctor"}


def _on_duty_person(
    desk: Desk, role: StaffRole, wanted: str, office: Office
) -> tuple[Staff | None, str]:
    """(the person, "") or (None, why not): this desk's choice, else the one active person
    of this office, else the one with no office, else the only active one."""
    words = ROLE_WORDS[role]
    active = staff_on_duty(desk, role)
    if not active:
        return None, f"The practice has no active {words}; add one in the settings."
    for group in (
        [s for s in active if s.id == wanted],
        [s for s in active if s.office_id == office.id],
        [s for s in active if not s.office_id],
        active,
    ):
        if len(group) == 1:
            return group[0], ""
        if len(group) > 1:
            break  # two who fit equally well: say so rather than guess
    flag = "coordinator" if role is StaffRole.COORDINATOR else "doctor"
    names = ", ".join(s.name for s in active)
    return None, (
        f"Who is the {words} on duty at {office.name}? Choose one ({names}), e.g. with --{flag}."
    )


def on_duty(
    desk: Desk,
    settings: MachineSettings | None = None,
    *,
    office_id: str | None = None,
    coordinator: Staff | None = None,
    doctor: Staff | None = None,
) -> OnDuty:
    """Who a walk-in or a booking is with when no one is named, by one rule.

    The office: ``office_id``, else this desk's saved office, else the main one.
    Each of the coordinator and doctor: this desk's saved choice (still active),
    else the one active person of that office, else the one active person of no
    particular office, else the only active one; otherwise ``DutyUnclear``
    names the choices rather than guess.
    """
    settings = settings or MachineSettings()
    practice = desk.practice()
    if practice is None:
        raise UserError("Set up the practice first.")
    offices = desk.practices.offices(practice.id)
    wanted_office = office_id or settings.office_id
    office = next((o for o in offices if o.id == wanted_office), None) or main_office(desk)
    why_c = why_d = ""
    if coordinator is None:
        coordinator, why_c = _on_duty_person(
            desk, StaffRole.COORDINATOR, settings.coordinator_id, office
        )
    if doctor is None:
        doctor, why_d = _on_duty_person(desk, StaffRole.DOCTOR, settings.doctor_id, office)
    if coordinator is None or doctor is None:
        raise DutyUnclear(" ".join(w for w in (why_c, why_d) if w), office, coordinator, doctor)
    return OnDuty(office, coordinator, doctor)


def split_name(field: str, name: str) -> tuple[str, str]:
    """ "Ana María López" -> ("Ana María", "López"): the last word is the family name."""
    words = validation.required(field, "The name", name).split()
    if len(words) < 2:
        raise FieldError(field, "Type the first and the last name (e.g. Ana López).")
    return " ".join(words[:-1]), words[-1]


def split_contact(field: str, text: str) -> tuple[str, str]:
    """A phone or an email, whichever was typed: (phone, email)."""
    cleaned = text.strip()
    if not cleaned:
        raise FieldError(field, "A phone or an email is needed, to reach the family later.")
    if "@" in cleaned:
        return "", validation.optional_email(field, cleaned)
    return validation.optional_phone(field, cleaned), ""


def start_walk_in(
    desk: Desk,
    name: str,
    phone_or_email: str,
    office_id: str,
    coordinator_id: str,
    doctor_id: str,
    now: datetime,
    *,
    birth_date: date | str | None = None,
    actor_id: str | None = None,
) -> WalkInStarted:
    """Create the walk-in patient and a consult starting now; both or neither."""
    practice = desk.practice()
    if practice is None:
        raise UserError("Set up the practice first.")
    problems = Problems()
    first = last = phone = email = ""
    born: date | None = None
    with problems.check():
        first, last = split_name("walk_in.name", name)
    with problems.check():
        phone, email = split_contact("walk_in.contact", phone_or_email)
    with problems.check():
        typed = validation.date_text("walk_in.birth_date", "The date of birth", birth_date)
        if typed is not None:
            born = validation.birth_date("walk_in.birth_date", typed, now.astimezone().date())
    with problems.check():
        _check_people(desk, practice.id, office_id, coordinator_id, doctor_id)
    problems.raise_if_any()
    at = utc_iso(now)
    patient = Patient(
        id=new_id(),
        practice_id=practice.id,
        legal_first=first,
        legal_last=last,
        birth_date=born or now.astimezone().date(),
        birth_date_known=born is not None,
        phone=phone,
        email=email,
        lead_source=LeadSource.WALK_IN,
        office_id=office_id,
        created_at=at,
    )
    consult = Consult(
        id=new_id(),
        patient_id=patient.id,
        office_id=office_id,
        coordinator_id=coordinator_id,
        doctor_id=doctor_id,
        scheduled_at=at,
        status=ConsultStatus.SCHEDULED,
        duration_minutes=WALK_IN_MINUTES,
        arrived_at=at,  # they are here
    )
    with desk.transaction():
        desk.patients.save(patient)
        desk.consults.save(consult)
        desk.audit.record(
            id=new_id(),
            at=at,
            action="walk_in_started",
            subject_id=consult.id,
            actor_id=actor_id or coordinator_id,
            detail=json.dumps({"patient_id": patient.id}),  # no name in the audit log
        )
    return WalkInStarted(patient, consult)


def _check_people(
    desk: Desk, practice_id: str, office_id: str, coordinator_id: str, doctor_id: str
) -> None:
    if office_id not in {o.id for o in desk.practices.offices(practice_id)}:
        raise FieldError("walk_in.office", "Choose one of the practice's offices.")
    problems = Problems()
    for field, staff_id, role, words in (
        ("walk_in.coordinator", coordinator_id, StaffRole.COORDINATOR, "treatment coordinator"),
        ("walk_in.doctor", doctor_id, StaffRole.DOCTOR, "doctor"),
    ):
        if staff_id not in {s.id for s in staff_on_duty(desk, role)}:
            problems.add(field, f"Choose an active {words}.")
    problems.raise_if_any()
