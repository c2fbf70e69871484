"""What the staff window shows about one patient, read in one call."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from tcdesk.domain import (
    Consult,
    ConsultFile,
    ConsultStatus,
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
from tcdesk.services.consult_quote import ConsultPricing, PlanTerms, plan_terms
from tcdesk.services.desk import Desk
from tcdesk.services.follow_up_queue import quote_held_until
from tcdesk.services.schedule_days import ScheduleEntry, day_window
from tcdesk.services.today_board import consult_state
from tcdesk.store.consult_repo import BookedConsult


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
    # A pending family's quote is held until this day (the policy's estimate_valid_days).
    quote_held_until: date | None = None


@dataclass(frozen=True)
class PatientOverview:
    patient: Patient
    parties: tuple[ResponsibleParty, ...]
    insurance: tuple[InsurancePolicy, ...]
    consults: tuple[ConsultSummary, ...]


def search_patients(desk: Desk, text: str, day: date | None = None) -> list[PatientListEntry]:
    """Patients matching ``text``; with ``day``, only those booked that day, earliest first.

    Without a day each row carries the patient's latest consult. With one it
    carries that day's consult (its time, office and live state, the today
    board's words: "Here since 9:05 AM", "Presenting now", "No-show"), since a
    family booked again next month is still today's family.

    A consult cancelled for that day does not put the family on the day's list;
    a no-show does (they were expected, the list shows "No-show").
    """
    if day is None:
        return desk.patients.list(text)
    window = day_window(day)
    listed = desk.patients.list(text, consult_between=window)
    todays: dict[str, BookedConsult] = {}
    for booked in desk.consults.booked_between(None, *window):  # slot order: first wins
        if booked.consult.status is not ConsultStatus.CANCELLED:
            todays.setdefault(booked.consult.patient_id, booked)
    now = desk.clock().astimezone()
    return [_on_the_day(row, todays.get(row.patient.id), now) for row in listed]


def _on_the_day(
    row: PatientListEntry, booked: BookedConsult | None, now: datetime
) -> PatientListEntry:
    if booked is None:  # cannot happen: the same window chose the row
        return row
    entry = ScheduleEntry.of(booked)
    state = consult_state(entry, now)
    return replace(
        row,
        latest_consult_id=entry.consult_id,
        latest_consult_at=booked.consult.scheduled_at,
        latest_status=entry.status.value,
        office_name=entry.office,
        state=state.key,
        state_label=state.label,
    )


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
        quote_held_until=_held_until(desk, consult_file),
    )


def _held_until(desk: Desk, consult_file: ConsultFile) -> date | None:
    """The quote's last day, for a family still deciding (the plan's own rules, else today's)."""
    consult = consult_file.consult
    if consult.status is not ConsultStatus.PENDING:
        return None
    plan = consult_file.plan
    policy = (plan.policy if plan else None) or desk.practices.policy(_practice_id(desk))
    return quote_held_until(consult.consult_date, policy.estimate_valid_days)


def _practice_id(desk: Desk) -> str:
    practice = desk.practice()
    return practice.id if practice else ""


def _terms(desk: Desk, consult_file: ConsultFile) -> tuple[PlanTerms | None, str]:
    """The saved plan priced as the agreement prices it (one place: ``ConsultPricing``)."""
    if consult_file.plan is None:
        return None, ""
    try:
        return plan_terms(ConsultPricing(desk, consult_file).price(consult_file.plan)), ""
    except UserError as error:  # MoneyInputError is one: a stored plan the policy now refuses
        return None, f"The saved plan can't be priced now: {error}"
