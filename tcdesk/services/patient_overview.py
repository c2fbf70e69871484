"""What the staff window shows about one patient, read in one call."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from tcdesk.domain import (
    Consult,
    ConsultFile,
    Finding,
    FollowUp,
    InsurancePolicy,
    Patient,
    PatientListEntry,
    PaymentPlan,
    ResponsibleParty,
    TreatmentOption,
)
from tcdesk.errors import UserError
from tcdesk.services.clock import utc_iso
from tcdesk.services.consult_quote import ConsultPricing, PlanTerms, plan_terms
from tcdesk.services.desk import Desk


@dataclass(frozen=True)
class ConsultSummary:
    consult: Consult
    coordinator: str
    doctor: str
    office: str
    findings: tuple[Finding, ...]
    options: tuple[TreatmentOption, ...]
    plan: PaymentPlan | None
    # The plan as the agreement discloses it; None when there is no plan or it
    # can no longer be priced (then ``plan_problem`` says why).
    plan_terms: PlanTerms | None = None
    plan_problem: str = ""
    # The earliest follow-up still to do (a "thinking it over" family's date and reason).
    follow_up: FollowUp | None = None


@dataclass(frozen=True)
class PatientOverview:
    patient: Patient
    parties: tuple[ResponsibleParty, ...]
    insurance: tuple[InsurancePolicy, ...]
    consults: tuple[ConsultSummary, ...]


def search_patients(desk: Desk, text: str, day: date | None = None) -> list[PatientListEntry]:
    """Patients matching ``text``; with ``day``, only those booked that day, earliest first.

    A consult cancelled for that day does not put the family on the day's list;
    a no-show does (they were expected, the list shows "No-show").
    """
    if day is None:
        return desk.patients.list(text)
    start = datetime.combine(day, time()).astimezone()
    window = (utc_iso(start), utc_iso(start + timedelta(days=1)))
    return desk.patients.list(text, consult_between=window)


def todays_count(desk: Desk, day: date) -> int:
    """How many families ``search_patients(desk, "", day)`` lists: the desk's count."""
    return len(search_patients(desk, "", day))


def patient_overview(desk: Desk, patient_id: str) -> PatientOverview | None:
    patient = desk.patients.get(patient_id)
    if patient is None:
        return None
    staff = {s.id: s.name for s in desk.practices.staff(patient.practice_id)}
    offices = {
        o.id: o.name for o in desk.practices.offices(patient.practice_id, include_removed=True)
    }
    consults = tuple(
        _summary(desk, c, staff, offices) for c in desk.consults.for_patient(patient_id)
    )
    return PatientOverview(
        patient=patient,
        parties=tuple(desk.patients.responsible_parties(patient_id)),
        insurance=tuple(desk.patients.insurance(patient_id)),
        consults=consults,
    )


def _summary(
    desk: Desk, consult: Consult, staff: dict[str, str], offices: dict[str, str]
) -> ConsultSummary:
    consult_file = desk.consults.load_file(consult.id)
    assert consult_file is not None  # just listed
    terms, problem = _terms(desk, consult_file)
    open_follow_ups = [f for f in desk.consults.follow_ups(consult.id) if f.done_at is None]
    return ConsultSummary(
        consult=consult,
        coordinator=staff.get(consult.coordinator_id, ""),
        doctor=staff.get(consult.doctor_id, ""),
        office=offices.get(consult.office_id, ""),
        findings=consult_file.findings,
        options=consult_file.options,
        plan=consult_file.plan,
        plan_terms=terms,
        plan_problem=problem,
        follow_up=min(open_follow_ups, key=lambda f: f.due_on, default=None),
    )


def _terms(desk: Desk, consult_file: ConsultFile) -> tuple[PlanTerms | None, str]:
    """The saved plan priced as the agreement prices it (one place: ``ConsultPricing``)."""
    if consult_file.plan is None:
        return None, ""
    try:
        return plan_terms(ConsultPricing(desk, consult_file).price(consult_file.plan)), ""
    except UserError as error:  # MoneyInputError is one: a stored plan the policy now refuses
        return None, f"The saved plan can't be priced now: {error}"
