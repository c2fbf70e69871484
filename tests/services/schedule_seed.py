"""A small real practice built through the services (not the demo), and a day of consults.

Shared by the schedule's service, CLI and window tests and its screenshots.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from tcdesk.domain import Office, OfficeKind, Patient, Staff, StaffRole
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id
from tcdesk.services.practice_setup import PracticeSetup, set_up_practice
from tcdesk.services.schedule import Slot, book_consult
from tests.conftest import local_moment

DAY = date(2026, 11, 30)  # a Monday


class MovableClock:
    """A fixed clock a test can move forward ("an hour later, the family arrives")."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment

    def set(self, day: date, hour: int, minute: int = 0) -> None:
        self.moment = local_moment(day, hour, minute)


@dataclass
class Practice:
    office: Office
    satellite: Office
    tc: Staff
    tc2: Staff
    doctor: Staff
    doctor2: Staff
    admin: Staff
    gone: Staff
    patients: dict[str, Patient] = field(default_factory=dict)


FAMILIES = (
    ("Ava", "Thompson", date(2013, 4, 2)),
    ("Noah", "Garcia", date(2011, 9, 14)),
    ("Emma", "Johnson", date(1991, 1, 20)),
    ("Liam", "Patel", date(2015, 6, 5)),
    ("Sofia", "Nguyen", date(2012, 11, 30)),
    ("Mason", "Brown", date(2010, 2, 17)),
    ("Olivia", "Kim", date(1987, 7, 8)),
)


def seed_practice(desk: Desk) -> Practice:
    """Set up a practice the way a new office does, then add staff, a satellite and families."""
    practice = set_up_practice(
        desk,
        PracticeSetup(
            practice_name="Riverside Orthodontics",
            office_name="Riverside",
            coordinator_name="Dana Fox",
            doctor_name="Dr. Helen Park",
        ),
    )
    office = desk.practices.offices(practice.id)[0]
    staff = {s.role: s for s in desk.practices.staff(practice.id)}
    satellite = Office(new_id(), practice.id, "Hilltop", OfficeKind.SATELLITE)
    extra = {
        "tc2": Staff(new_id(), practice.id, StaffRole.COORDINATOR, "Sam Ortiz"),
        "doctor2": Staff(new_id(), practice.id, StaffRole.DOCTOR, "Dr. Raj Mehta"),
        "admin": Staff(new_id(), practice.id, StaffRole.ADMIN, "Pat Lee"),
        "gone": Staff(new_id(), practice.id, StaffRole.COORDINATOR, "Jo Former", active=False),
    }
    with desk.transaction():
        desk.practices.save_office(satellite)
        for member in extra.values():
            desk.practices.save_staff(member)
    seeded = Practice(
        office=office,
        satellite=satellite,
        tc=staff[StaffRole.COORDINATOR],
        doctor=staff[StaffRole.DOCTOR],
        **extra,
    )
    for first, last, born in FAMILIES:
        patient = Patient(new_id(), practice.id, first, last, born, office_id=office.id)
        desk.patients.save(patient)
        seeded.patients[first] = patient
    return seeded


def slot(p: Practice, day: date, hh: int, mm: int = 0, minutes: int = 60, **people) -> Slot:
    return Slot(
        office_id=people.get("office", p.office).id,
        coordinator_id=people.get("tc", p.tc).id,
        doctor_id=people.get("doctor", p.doctor).id,
        day=day,
        at=time(hh, mm),
        minutes=minutes,
    )


def book_realistic_day(desk: Desk, p: Practice, day: date = DAY) -> dict[str, str]:
    """A Monday at Riverside: two TCs, two doctors, consults from 8:00 to 16:30."""
    plan = (
        ("Ava", 8, 0, 60, p.tc, p.doctor),
        ("Noah", 9, 0, 45, p.tc2, p.doctor2),
        ("Emma", 9, 30, 60, p.tc, p.doctor),
        ("Liam", 11, 0, 30, p.tc2, p.doctor),
        ("Sofia", 13, 0, 60, p.tc, p.doctor2),
        ("Mason", 14, 30, 45, p.tc2, p.doctor),
        ("Olivia", 15, 30, 60, p.tc, p.doctor),
    )
    ids = {}
    for name, hh, mm, minutes, tc, doctor in plan:
        booked = book_consult(
            desk, p.patients[name].id, slot(p, day, hh, mm, minutes, tc=tc, doctor=doctor)
        )
        ids[name] = booked.consult.id
    return ids


def open_practice(path: Path, clock: MovableClock) -> Desk:
    return Desk.open(path, clock=clock)
