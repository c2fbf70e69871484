"""A persona's family as a real patient and consult, in the training file only.

A solo practice consult runs on the real consult console and family screen,
so the persona needs what those show: a patient, who pays, the insurance,
the chief concern and priorities, the doctor's findings and the options with
the practice's own fees. They are entered through the same services the app
uses to enter a family (intake, schedule, consult_record, consult_findings,
consult_options), so the slides are built exactly as for a real family, and a
persona the services would refuse is refused the same way.

Each practice run gets a family and consult of its own: a real consult keeps
what happened in it (its checklist, notes, plan, outcome, and its status once
ended), and a second run on the same consult would start from the first
run's plan and an ended consult. A few rows per run in the training file
are the price; they never reach the practice file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from tcdesk.domain import LeadSource, Relationship, StaffRole
from tcdesk.errors import UserError
from tcdesk.services import consult_findings, consult_options, consult_record
from tcdesk.services.desk import Desk
from tcdesk.services.intake import add_family, main_office
from tcdesk.services.intake_checks import InsuranceInput, NewFamily, PartyInput
from tcdesk.services.schedule import Slot, book_consult
from tcdesk.services.training.persona_model import Person, Persona
from tcdesk.services.training.store import is_training

# The family name every practice family carries: in the training file's patient
# list and on the slides' footer, nobody mistakes one for a real family.
PRACTICE_SURNAME = {"en": "Practice", "es": "Práctica"}
RELATIONSHIPS = {"partner": Relationship.SPOUSE, "sibling": Relationship.OTHER}
CONSULT_MINUTES = 45


@dataclass(frozen=True)
class PracticeFamily:
    """The persona's patient and the consult made for this practice run."""

    persona: str
    patient_id: str
    consult_id: str
    patient_name: str


def make_practice_family(
    desk: Desk, persona: Persona, coordinator_id: str, now: datetime
) -> PracticeFamily:
    """Enter ``persona``'s family and a consult today in the training file ``desk``.

    Refused (nothing written) for a practice file: practice consults never
    touch the practice's patients.
    """
    if not is_training(desk):
        raise UserError(
            f"{desk.path or 'This file'} is not a training file: practice families are "
            "made only in the training file (tcdesk training setup makes it)."
        )
    office = main_office(desk)
    doctor = _doctor(desk)
    surname = PRACTICE_SURNAME.get(persona.language, PRACTICE_SURNAME["en"])
    local = now.astimezone()
    with desk.transaction():
        saved = add_family(desk, _family(persona, surname, local, office.id), coordinator_id)
        patient = saved.patient
        slot = Slot(
            office_id=office.id,
            coordinator_id=coordinator_id,
            doctor_id=doctor,
            day=local.date(),
            at=time(local.hour, local.minute),
            minutes=CONSULT_MINUTES,
        )
        consult = book_consult(
            desk, patient.id, slot, allow_overlap=True, actor_id=coordinator_id
        ).consult
        consult_record.set_concern_and_priorities(
            desk, consult.id, persona.chief_concern, persona.priorities
        )
        for finding in persona.findings:
            consult_findings.add_finding(desk, consult.id, finding.code, finding.severity)
        for option in persona.options:
            consult_options.add_option(
                desk, consult.id, option, recommended=option == persona.recommended
            )
        consult_record.set_flow(desk, consult.id, persona.flow)
    return PracticeFamily(persona.key, patient.id, consult.id, patient.display_name)


def _doctor(desk: Desk) -> str:
    practice = desk.practice()
    staff = desk.practices.staff(practice.id) if practice else []
    doctors = [s for s in staff if s.role is StaffRole.DOCTOR]
    if not doctors:
        raise UserError("The training file has no doctor on staff; add one in Settings > Staff.")
    return doctors[0].id


def _family(persona: Persona, surname: str, now: datetime, office_id: str) -> NewFamily:
    patient = persona.patient
    payer = next((p for p in persona.people if p.name == persona.pays), patient)
    parties = () if payer is patient else (_party(payer, surname),)
    return NewFamily(
        first=patient.name,
        last=surname,
        birth_date=_birthday(now, persona.patient_age),
        language=persona.language,
        lead_source=(LeadSource.WALK_IN if persona.walk_in else LeadSource.PHONE).value,
        office_id=office_id,
        parties=parties,
        primary=_insurance(persona, payer, surname),
    )


def _party(person: Person, surname: str) -> PartyInput:
    relationship = RELATIONSHIPS.get(person.role) or Relationship(person.role)
    return PartyInput(name=f"{person.name} {surname}", relationship=relationship.value, pays=True)


def _insurance(persona: Persona, payer: Person, surname: str) -> InsuranceInput | None:
    cover = persona.insurance
    if cover is None or cover.coverage_pct <= 0:
        return None
    return InsuranceInput(
        carrier=cover.carrier,
        coverage_pct=str(cover.coverage_pct),
        lifetime_max=str(cover.lifetime_max),
        used=str(cover.used),
        age_limit="" if cover.age_limit is None else str(cover.age_limit),
        subscriber=f"{payer.name} {surname}",
    )


def _birthday(now: datetime, age: int) -> date:
    """A birthday ``age`` years and about four months back (the persona's age today)."""
    return now.date() - timedelta(days=round(age * 365.25 + 120))
