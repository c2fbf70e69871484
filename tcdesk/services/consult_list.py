"""The consults of a practice file as a list, and a helpful answer to a patient id.

``tcdesk patients`` shows patient ids while ``slides``, ``agreement`` and
``summary`` need consult ids: ``list_consults`` bridges the two, and
``require_consult`` turns a patient id given by mistake into the list of
that patient's consults instead of "no such consult".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tcdesk.domain import Consult, Patient
from tcdesk.errors import UserError
from tcdesk.services.desk import Desk


@dataclass(frozen=True)
class ConsultListEntry:
    """One row of the consult list: the consult and the names it refers to."""

    consult: Consult
    patient: Patient
    coordinator: str
    office: str

    @property
    def status_label(self) -> str:
        return self.consult.status.label


def list_consults(
    desk: Desk, *, patient_id: str | None = None, search: str = "", day: date | None = None
) -> list[ConsultListEntry]:
    """Consults, earliest first; only ``patient_id``'s, patients matching ``search``, on ``day``.

    ``day`` is a local calendar day; ``search`` matches names, phone or email
    like the patient list does.
    """
    if patient_id is not None:
        patient = desk.patients.get(patient_id)
        if patient is None:
            raise UserError(f"No patient with id {patient_id} in {desk.path or 'this file'}.")
        patients = {patient.id: patient}
    elif search.strip():
        patients = {e.patient.id: e.patient for e in desk.patients.list(search)}
    else:
        patients = None
    if patients is None:
        consults = desk.consults.all()
    else:
        consults = sorted(
            (c for pid in patients for c in desk.consults.for_patient(pid)),
            key=lambda c: (c.scheduled_at, c.id),
        )
    if day is not None:
        consults = [c for c in consults if c.consult_date == day]
    return _entries(desk, consults, patients or {})


def _entries(
    desk: Desk, consults: list[Consult], known: dict[str, Patient]
) -> list[ConsultListEntry]:
    """Resolve names once per patient, person and office (a list repeats them a lot)."""
    patients = dict(known)
    staff: dict[str, str] = {}
    practice = desk.practice()
    offices = (
        {o.id: o.name for o in desk.practices.offices(practice.id, include_removed=True)}
        if practice
        else {}
    )
    entries = []
    for consult in consults:
        patient = patients.get(consult.patient_id) or desk.patients.get(consult.patient_id)
        if patient is None:
            continue
        patients[patient.id] = patient
        if consult.coordinator_id not in staff:
            member = desk.practices.staff_member(consult.coordinator_id)
            staff[consult.coordinator_id] = member.name if member else ""
        entries.append(
            ConsultListEntry(
                consult=consult,
                patient=patient,
                coordinator=staff[consult.coordinator_id],
                office=offices.get(consult.office_id, ""),
            )
        )
    return entries


def require_consult(desk: Desk, consult_id: str) -> Consult:
    """The consult ``consult_id``; a patient's id instead gets that patient's consults named."""
    consult = desk.consults.get(consult_id)
    if consult is not None:
        return consult
    patient = desk.patients.get(consult_id)
    if patient is None:
        raise UserError(
            f"No consult with id {consult_id} in {desk.path or 'this file'} "
            "(tcdesk consults lists them)."
        )
    theirs = desk.consults.for_patient(patient.id)
    if not theirs:
        raise UserError(
            f"{consult_id} is a patient ({patient.display_name}), not a consult; "
            "they have no consults yet."
        )
    listed = ", ".join(f"{c.id} ({c.consult_date.isoformat()})" for c in theirs)
    raise UserError(
        f"{consult_id} is a patient ({patient.display_name}), not a consult; "
        f"their consults: {listed}"
    )
