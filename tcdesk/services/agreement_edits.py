"""Edits outside the consult record that change what a financial agreement says.

An agreement names the patient (legal and preferred name, date of birth) and
the responsible parties (name, relationship, address, who pays), is priced
with the family's insurance, and names the consult's office and coordinator.
Changing one of these for a consult that has an agreement means the family
needs a new agreement version, the same warning as the consult record's
(``record_changes.agreement_warning``): the app asks first, the command line
refuses without ``--yes``. Other edits (a phone, an email, the time of a
booked consult) change nothing on the agreement and do not warn.
"""

from __future__ import annotations

from collections.abc import Iterable

from tcdesk.domain import Consult, InsurancePolicy, Patient, ResponsibleParty
from tcdesk.services.desk import Desk
from tcdesk.services.record_changes import agreement_warning

WITHOUT_YES = "{warning} Nothing was changed; add --yes to make the change."


def patient_agreement_warning(desk: Desk, patient_id: str) -> str:
    """The warning of the patient's first consult with a live agreement; else ""."""
    for consult in desk.consults.for_patient(patient_id):
        warning = agreement_warning(desk, consult.id)
        if warning:
            return warning
    return ""


def family_facts(
    patient: Patient,
    parties: Iterable[ResponsibleParty],
    policies: Iterable[InsurancePolicy],
) -> tuple:
    """What an agreement shows or prices from the family, to compare before and after."""
    return (
        (
            " ".join(patient.legal_first.split()),
            " ".join(patient.legal_last.split()),
            patient.preferred_name,
            patient.birth_date if patient.birth_date_known else None,
        ),
        tuple(
            (p.name, p.relationship, " ".join(p.address.split()), p.pays)
            for p in sorted(parties, key=lambda p: p.position)
        ),
        tuple(
            (
                p.rank,
                p.carrier,
                p.coverage_pct,
                p.lifetime_max_cents,
                p.used_cents,
                p.age_limit,
                p.initial_pct,
                p.payout,
            )
            for p in sorted(policies, key=lambda p: p.rank.value)
        ),
    )


def stored_family_facts(desk: Desk, patient: Patient) -> tuple:
    return family_facts(
        patient,
        desk.patients.responsible_parties(patient.id),
        desk.patients.insurance(patient.id),
    )


def move_warning(desk: Desk, consult: Consult, office_id: str, coordinator_id: str) -> str:
    """The warning when a move changes the office or coordinator the agreement names."""
    if office_id == consult.office_id and coordinator_id == consult.coordinator_id:
        return ""
    return agreement_warning(desk, consult.id)
