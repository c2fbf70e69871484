"""Who sent a family: a referring doctor from a short list, a patient, or a typed name.

The new-family form and ``tcdesk patients add --referrer`` both come here, so
a typed name that is exactly one referring doctor (or one patient) is linked
to that record, and a name that matches nobody is kept as the text typed.
"""

from __future__ import annotations

from dataclasses import dataclass

from tcdesk.domain import Patient, ReferringDoctor
from tcdesk.errors import UserError
from tcdesk.services import validation
from tcdesk.services.clock import utc_iso
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id
from tcdesk.store.referrer_repo import ReferrerRepository
from tcdesk.store.text_search import fold

DOCTOR = "doctor"
PATIENT = "patient"


@dataclass(frozen=True)
class ReferrerChoice:
    """One pickable referrer: ``kind`` is "doctor" or "patient", ``label`` what is shown."""

    kind: str
    id: str
    label: str


@dataclass(frozen=True)
class Referrer:
    """What is saved on the patient: the words shown, and the record when there is one."""

    text: str
    kind: str = ""  # "", "doctor", "patient"
    id: str | None = None


def _repo(desk: Desk) -> ReferrerRepository:
    return ReferrerRepository(desk.records)


def _practice_id(desk: Desk) -> str:
    practice = desk.practice()
    if practice is None:
        raise UserError("Set up the practice first.")
    return practice.id


def list_doctors(desk: Desk) -> list[ReferringDoctor]:
    return _repo(desk).doctors(_practice_id(desk))


def add_doctor(
    desk: Desk,
    name: str,
    *,
    practice_name: str = "",
    phone: str = "",
    email: str = "",
    actor_id: str | None = None,
) -> ReferringDoctor:
    """Add a referring doctor; refused when the name is empty or already listed."""
    problems = validation.Problems()
    with problems.check():
        name = validation.required("doctor.name", "The doctor's name", name)
    with problems.check():
        phone = validation.optional_phone("doctor.phone", phone)
    with problems.check():
        email = validation.optional_email("doctor.email", email)
    problems.raise_if_any()
    if any(fold(d.name) == fold(name) for d in list_doctors(desk)):
        raise validation.FieldError("doctor.name", f"{name} is already on the list.")
    doctor = ReferringDoctor(
        id=new_id(),
        practice_id=_practice_id(desk),
        name=name,
        practice_name=" ".join(practice_name.split()),
        phone=phone,
        email=email,
    )
    with desk.transaction():
        _repo(desk).save(doctor)
        desk.audit.record(
            id=new_id(),
            at=utc_iso(desk.clock()),
            action="referring_doctor_added",
            subject_id=doctor.id,
            actor_id=actor_id,
            detail=name,
        )
    return doctor


def _doctor_label(doctor: ReferringDoctor) -> str:
    return f"{doctor.name} ({doctor.practice_name})" if doctor.practice_name else doctor.name


def _patient_label(patient: Patient) -> str:
    return f"{patient.display_name} (patient)"


def find(desk: Desk, text: str, limit: int = 12) -> list[ReferrerChoice]:
    """Referring doctors, then patients, whose names contain every typed word."""
    words = fold(text).split()
    if not words:
        return [ReferrerChoice(DOCTOR, d.id, _doctor_label(d)) for d in list_doctors(desk)][:limit]
    doctors = [
        ReferrerChoice(DOCTOR, d.id, _doctor_label(d))
        for d in list_doctors(desk)
        if all(w in fold(f"{d.name} {d.practice_name}") for w in words)
    ]
    patients = [
        ReferrerChoice(PATIENT, e.patient.id, _patient_label(e.patient))
        for e in desk.patients.list(text, limit=limit)
    ]
    return (doctors + patients)[:limit]


def resolve(desk: Desk, text: str, kind: str = "", referrer_id: str | None = None) -> Referrer:
    """The referrer to save: a picked record, a typed name that is one record, or text."""
    cleaned = " ".join(text.split())
    field = "patient.referrer"
    if kind and referrer_id:
        if kind == DOCTOR:
            doctor = _repo(desk).doctor(referrer_id)
            if doctor is None:
                raise validation.FieldError(field, "That referring doctor is no longer listed.")
            return Referrer(doctor.name, DOCTOR, doctor.id)
        if kind == PATIENT:
            patient = desk.patients.get(referrer_id)
            if patient is None:
                raise validation.FieldError(field, "That patient is no longer on file.")
            return Referrer(patient.display_name, PATIENT, patient.id)
        raise validation.FieldError(field, f'A referrer is a doctor or a patient (not "{kind}").')
    if not cleaned:
        return Referrer("")
    key = fold(cleaned)
    doctors = [d for d in list_doctors(desk) if key in (fold(d.name), fold(_doctor_label(d)))]
    if len(doctors) == 1:
        return Referrer(doctors[0].name, DOCTOR, doctors[0].id)
    if not doctors:
        named = [
            e.patient
            for e in desk.patients.list(cleaned, limit=5)
            if key
            in (
                fold(e.patient.display_name),
                fold(e.patient.legal_name),
                fold(_patient_label(e.patient)),
            )
        ]
        if len(named) == 1:
            return Referrer(named[0].display_name, PATIENT, named[0].id)
    return Referrer(cleaned)
