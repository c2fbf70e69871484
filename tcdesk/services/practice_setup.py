"""First run: turn an empty file into a practice with sensible starting rules."""

from __future__ import annotations

import json
from dataclasses import dataclass

from tcdesk.domain import (
    FeeScheduleItem,
    FinancialPolicy,
    Office,
    OfficeKind,
    Practice,
    Staff,
    StaffRole,
    TreatmentType,
)
from tcdesk.services.clock import utc_iso
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id
from tcdesk.services.sign_in import check_pin, set_pin
from tcdesk.services.validation import FieldError, colour, optional_phone, required

# Typical US fees (DOMAIN.md); the owner changes them in Settings (services/settings/fees).
STARTING_FEES: tuple[tuple[TreatmentType, str, int, int, int], ...] = (
    (TreatmentType.METAL_BRACES, "Metal braces", 560_000, 24, 6),
    (TreatmentType.CLEAR_BRACES, "Clear braces", 640_000, 24, 6),
    (TreatmentType.CLEAR_ALIGNERS, "Clear aligners", 590_000, 18, 8),
    (TreatmentType.PHASE_ONE, "Phase I (early treatment)", 280_000, 12, 6),
    (TreatmentType.PHASE_TWO, "Phase II", 420_000, 18, 6),
    (TreatmentType.LIMITED, "Limited treatment", 240_000, 8, 6),
    (TreatmentType.OBSERVATION, "Observation", 0, 6, 26),
)


@dataclass(frozen=True)
class PracticeSetup:
    practice_name: str
    office_name: str
    coordinator_name: str
    doctor_name: str
    phone: str = ""
    address: str = ""
    brand_color: str = "#1F6F8B"
    pin: str = ""  # the coordinator's PIN: they are the practice's admin ('' = sign-in off)


class SetupError(FieldError):
    """A set-up field's mistake (a ``FieldError``: ``field`` names the form's field)."""


def validate_setup(setup: PracticeSetup) -> None:
    """The same checks as Settings (``validation``), so both refuse the same things."""
    try:
        for field, label in (
            ("practice_name", "The practice's name"),
            ("office_name", "The main office's name"),
            ("coordinator_name", "Your name"),
            ("doctor_name", "The doctor's name"),
        ):
            required(field, label, getattr(setup, field))
        optional_phone("phone", setup.phone)
        if setup.pin:
            check_pin(setup.pin)
        colour("brand_color", setup.brand_color)
    except FieldError as error:
        raise SetupError(error.field, error.message) from None


def set_up_practice(desk: Desk, setup: PracticeSetup) -> Practice:
    """Create the practice, its main office, the first TC and doctor, fees and policy."""
    validate_setup(setup)
    if not desk.is_empty():
        raise SetupError("practice_name", "This file already holds a practice.")
    practice = Practice(
        id=new_id(),
        name=setup.practice_name.strip(),
        phone=setup.phone.strip(),
        address=setup.address.strip(),
        brand_color=setup.brand_color.strip().upper(),
    )
    office = Office(
        id=new_id(),
        practice_id=practice.id,
        name=setup.office_name.strip(),
        kind=OfficeKind.MAIN,
        address=practice.address,
        phone=practice.phone,
    )
    first = [
        Staff(
            id=new_id(),
            practice_id=practice.id,
            role=role,
            name=name.strip(),
            office_id=office.id,
            admin=role is StaffRole.COORDINATOR,  # the one setting up runs the practice's settings
        )
        for role, name in (
            (StaffRole.COORDINATOR, setup.coordinator_name),
            (StaffRole.DOCTOR, setup.doctor_name),
        )
    ]
    with desk.transaction():
        desk.practices.save(practice)
        desk.practices.save_office(office)
        for member in first:
            desk.practices.save_staff(member)
        for position, (treatment, name, fee, months, weeks) in enumerate(STARTING_FEES):
            desk.practices.save_fee(
                FeeScheduleItem(
                    id=new_id(),
                    practice_id=practice.id,
                    treatment_type=treatment,
                    name=name,
                    fee_cents=fee,
                    typical_months=months,
                    visit_interval_weeks=weeks,
                    position=position,
                )
            )
        desk.practices.save_policy(FinancialPolicy(practice_id=practice.id))
        desk.audit.record(
            id=new_id(),
            at=utc_iso(desk.clock()),
            action="practice_set_up",
            subject_id=practice.id,
            actor_id=None,
            detail=json.dumps(
                {"practice": practice.name, "office": office.name, "fees": len(STARTING_FEES)},
                ensure_ascii=False,
            ),
        )
        if setup.pin:
            set_pin(desk, first[0].id, setup.pin)
    if setup.pin:  # they just chose it: they are signed in
        desk.signed_in_id = first[0].id
    return practice
