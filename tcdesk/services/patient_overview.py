"""What the staff window shows about one patient, read in one call."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from tcdesk.domain import (
    Consult,
    Finding,
    InsurancePolicy,
    Patient,
    PatientListEntry,
    PaymentPlan,
    ResponsibleParty,
    TreatmentOption,
)
from tcdesk.services.clock import utc_iso
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


@dataclass(frozen=True)
class PatientOverview:
    patient: Patient
    parties: tuple[ResponsibleParty, ...]
    insurance: tuple[InsurancePolicy, ...]
    consults: tuple[ConsultSummary, ...]


def search_patients(desk: Desk, text: str, day: date | None = None) -> list[PatientListEntry]:
    """Patients matching ``text``; with ``day``, only those seen that day, earliest first."""
    if day is None:
        return desk.patients.list(text)
    start = datetime.combine(day, time()).astimezone()
    window = (utc_iso(start), utc_iso(start + timedelta(days=1)))
    return desk.patients.list(text, consult_between=window)


def patient_overview(desk: Desk, patient_id: str) -> PatientOverview | None:
    patient = desk.patients.get(patient_id)
    if patient is None:
        return None
    staff = {s.id: s.name for s in desk.practices.staff(patient.practice_id)}
    offices = {o.id: o.name for o in desk.practices.offices(patient.practice_id)}
    consults = tuple(
        ConsultSummary(
            consult=c,
            coordinator=staff.get(c.coordinator_id, ""),
            doctor=staff.get(c.doctor_id, ""),
            office=offices.get(c.office_id, ""),
            findings=tuple(desk.consults.findings(c.id)),
            options=tuple(desk.consults.options(c.id)),
            plan=desk.consults.latest_plan(c.id),
        )
        for c in desk.consults.for_patient(patient_id)
    )
    return PatientOverview(
        patient=patient,
        parties=tuple(desk.patients.responsible_parties(patient_id)),
        insurance=tuple(desk.patients.insurance(patient_id)),
        consults=consults,
    )
