"""A new family in one go: the patient, who is responsible, and their insurance.

``add_family`` and ``update_family`` check every field first (the form marks
each mistake where it is) and then save everything in one transaction, or
nothing. The app's new-family form and ``tcdesk patients add|edit`` call these.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from tcdesk.domain import (
    InsurancePolicy,
    Office,
    OfficeKind,
    Patient,
    Relationship,
    ResponsibleParty,
)
from tcdesk.errors import UserError
from tcdesk.services.agreement_edits import (
    family_facts,
    patient_agreement_warning,
    stored_family_facts,
)
from tcdesk.services.clock import today, utc_iso
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id
from tcdesk.services.intake_checks import (
    LANGUAGES,
    CheckedPatient,
    InsuranceInput,
    NewFamily,
    PartyInput,
    check_insurance,
    check_parties,
    check_patient,
)
from tcdesk.services.referrers import Referrer, resolve
from tcdesk.services.validation import FieldError, Problems

__all__ = [
    "LANGUAGES",
    "FamilySaved",
    "InsuranceInput",
    "NewFamily",
    "PartyInput",
    "add_family",
    "family_change_warning",
    "family_for_editing",
    "main_office",
    "update_family",
]


@dataclass(frozen=True)
class FamilySaved:
    """What was saved, so the desk can show it without asking again."""

    patient: Patient
    parties: tuple[ResponsibleParty, ...]
    insurance: tuple[InsurancePolicy, ...]
    created: bool
    # Set when the edit changed what the patient's financial agreement says.
    warning: str = ""


def main_office(desk: Desk) -> Office:
    practice = desk.practice()
    if practice is None:
        raise UserError("Set up the practice first.")
    offices = desk.practices.offices(practice.id)
    if not offices:
        raise UserError("The practice has no office yet.")
    return next((o for o in offices if o.kind is OfficeKind.MAIN), offices[0])


def _check(desk: Desk, family: NewFamily, patient_id: str):
    problems = Problems()
    day = today(desk.clock)
    checked = check_patient(family, day, problems)
    parties = check_parties(family, checked, patient_id, day, problems)
    policies = check_insurance(family, patient_id, problems)
    referrer = Referrer("")
    with problems.check():
        referrer = resolve(desk, family.referrer, family.referrer_kind, family.referrer_id)
    if referrer.kind == "patient" and referrer.id == patient_id:
        problems.add("patient.referrer", "A patient cannot refer themselves.")
    office_id = family.office_id
    with problems.check():
        office_id = _office_id(desk, family.office_id)
    problems.raise_if_any()
    return checked, parties, policies, referrer, office_id


def _office_id(desk: Desk, office_id: str | None) -> str:
    if not office_id:
        return main_office(desk).id
    practice = desk.practice()
    known = {o.id for o in desk.practices.offices(practice.id)} if practice else set()
    if office_id not in known:
        raise FieldError("patient.office", f"There is no office {office_id}.")
    return office_id


def _patient(
    base: Patient | None,
    patient_id: str,
    practice_id: str,
    checked: CheckedPatient,
    referrer: Referrer,
    office_id: str,
    created_at: str,
) -> Patient:
    known = checked.birth_date is not None
    born = checked.birth_date or (base.birth_date if base else None)
    assert born is not None  # the checks allow "unknown" only for a record that has one
    return Patient(
        id=patient_id,
        practice_id=practice_id,
        legal_first=checked.first,
        legal_last=checked.last,
        birth_date=born,
        preferred_name=checked.preferred_name,
        email=checked.email,
        phone=checked.phone,
        preferred_language=checked.language,
        lead_source=checked.lead_source,
        referrer=referrer.text,
        office_id=office_id,
        created_at=base.created_at if base else created_at,
        external_id=base.external_id if base else "",
        referrer_kind=referrer.kind,
        referrer_id=referrer.id,
        birth_date_known=known,
    )


def add_family(desk: Desk, family: NewFamily, actor_id: str | None = None) -> FamilySaved:
    """Check everything, then save the patient, parties and insurance together."""
    practice = desk.practice()
    if practice is None:
        raise UserError("Set up the practice first.")
    patient_id = new_id()
    checked, parties, policies, referrer, office_id = _check(
        desk, replace(family, birth_date_may_be_unknown=False), patient_id
    )
    now = utc_iso(desk.clock())
    patient = _patient(None, patient_id, practice.id, checked, referrer, office_id, now)
    if not parties:  # an adult on their own is their own responsible party, as import makes them
        parties = [_self_party(patient)]
    parties = [replace(p, id=new_id()) for p in parties]
    policies = [replace(p, id=new_id()) for p in policies]
    with desk.transaction():
        desk.patients.save(patient)
        for party in parties:
            desk.patients.save_responsible_party(party)
        for policy in policies:
            desk.patients.save_insurance(policy)
        _audit(desk, "family_added", patient, parties, policies, actor_id, now)
    return FamilySaved(patient, tuple(parties), tuple(policies), created=True)


def _self_party(patient: Patient) -> ResponsibleParty:
    return ResponsibleParty(
        id="",
        patient_id=patient.id,
        name=patient.legal_name,
        relationship=Relationship.SELF,
        phone=patient.phone,
        email=patient.email,
        position=0,
        pays=True,
    )


@dataclass(frozen=True)
class _Edited:
    """An edited family checked and ready to save, with what it replaces."""

    patient: Patient
    parties: list[ResponsibleParty]
    policies: list[InsurancePolicy]
    gone_parties: list[str]
    gone_policies: list[str]
    warning: str  # the agreement warning, when the edit changes what it says
    now: str


def _edited(desk: Desk, patient_id: str, family: NewFamily) -> _Edited:
    base = desk.patients.get(patient_id)
    if base is None:
        raise UserError(f"No patient with id {patient_id}.")
    old_parties = {p.id: p for p in desk.patients.responsible_parties(patient_id)}
    for typed in family.parties:
        if typed.id and typed.id not in old_parties:
            raise UserError(f"Responsible party {typed.id} is not {base.legal_name}'s.")
    checked, parties, policies, referrer, office_id = _check(
        desk, replace(family, birth_date_may_be_unknown=not base.birth_date_known), patient_id
    )
    now = utc_iso(desk.clock())
    patient = _patient(base, patient_id, base.practice_id, checked, referrer, office_id, now)
    parties = [replace(p, id=p.id or new_id()) for p in parties]
    old_policies = {p.rank: p for p in desk.patients.insurance(patient_id)}
    # One plan per rank (the table says so): an edited or re-added plan keeps its row.
    row_ids = desk.patients.insurance_ids(patient_id)
    policies = [replace(p, id=row_ids.get(p.rank.value) or new_id()) for p in policies]
    kept_parties = {p.id for p in parties}
    kept_ranks = {p.rank for p in policies}
    warning = patient_agreement_warning(desk, patient_id)
    if warning and family_facts(patient, parties, policies) == stored_family_facts(desk, base):
        warning = ""
    return _Edited(
        patient,
        parties,
        policies,
        [party_id for party_id in old_parties if party_id not in kept_parties],
        [p.id for rank, p in old_policies.items() if rank not in kept_ranks],
        warning,
        now,
    )


def family_change_warning(desk: Desk, patient_id: str, family: NewFamily) -> str:
    """Before saving an edit: the agreement warning if it changes what an agreement says.

    "" when nothing the agreement shows changes, or when the form has mistakes
    (saving reports those at their fields and saves nothing).
    """
    try:
        return _edited(desk, patient_id, family).warning
    except UserError:
        return ""


def update_family(
    desk: Desk, patient_id: str, family: NewFamily, actor_id: str | None = None
) -> FamilySaved:
    """Save an edited family; a party or plan taken off the form is soft-deleted.

    ``FamilySaved.warning`` says when a new agreement version will be needed
    (``family_change_warning`` tells it before saving).
    """
    edited = _edited(desk, patient_id, family)
    patient, parties, policies = edited.patient, edited.parties, edited.policies
    with desk.transaction():
        desk.patients.save(patient)
        for party_id in edited.gone_parties:
            desk.records.soft_delete("responsible_parties", party_id)
        for policy_id in edited.gone_policies:
            desk.records.soft_delete("insurance_policies", policy_id)
        for party in parties:
            desk.patients.save_responsible_party(party)
        for policy in policies:
            desk.patients.save_insurance(policy)
        _audit(desk, "family_updated", patient, parties, policies, actor_id, edited.now)
    return FamilySaved(
        patient, tuple(parties), tuple(policies), created=False, warning=edited.warning
    )


def _audit(
    desk: Desk,
    action: str,
    patient: Patient,
    parties: list[ResponsibleParty],
    policies: list[InsurancePolicy],
    actor_id: str | None,
    now: str,
) -> None:
    detail = {  # ids and counts only: the audit log holds no patient's name (issue 11)
        "patient_id": patient.id,
        "parties": len(parties),
        "insurance": [f"{p.rank.value}: {p.carrier}" for p in policies],
    }
    desk.audit.record(
        id=new_id(),
        at=now,
        action=action,
        subject_id=patient.id,
        actor_id=actor_id,
        detail=json.dumps(detail, ensure_ascii=False),
    )


def family_for_editing(desk: Desk, patient_id: str) -> NewFamily:
    """A saved family as the form's input, ready to be changed and saved back."""
    patient = desk.patients.get(patient_id)
    if patient is None:
        raise UserError(f"No patient with id {patient_id}.")
    return NewFamily(
        first=patient.legal_first,
        last=patient.legal_last,
        birth_date=patient.birth_date.isoformat() if patient.birth_date_known else "",
        preferred_name=patient.preferred_name,
        phone=patient.phone,
        email=patient.email,
        language=patient.preferred_language,
        lead_source=patient.lead_source.value,
        referrer=patient.referrer,
        referrer_kind=patient.referrer_kind,
        referrer_id=patient.referrer_id,
        office_id=patient.office_id,
        parties=tuple(
            PartyInput(
                name=p.name,
                relationship=p.relationship.value,
                phone=p.phone,
                email=p.email,
                address=p.address,
                pays=p.pays,
                id=p.id,
            )
            for p in desk.patients.responsible_parties(patient_id)
        ),
        **_insurance_inputs(desk.patients.insurance(patient_id)),
    )


def _insurance_inputs(policies: list[InsurancePolicy]) -> dict[str, InsuranceInput | None]:
    found: dict[str, InsuranceInput | None] = {"primary": None, "secondary": None}
    for policy in policies:
        found[policy.rank.value] = InsuranceInput(
            carrier=policy.carrier,
            coverage_pct=str(policy.coverage_pct),
            lifetime_max=_dollars(policy.lifetime_max_cents),
            used=_dollars(policy.used_cents),
            age_limit="" if policy.age_limit is None else str(policy.age_limit),
            payout=policy.payout.value,
            initial_pct=str(policy.initial_pct),
            subscriber=policy.subscriber,
            member_id=policy.member_id,
        )
    return found


def _dollars(cents: int) -> str:
    whole, part = divmod(cents, 100)
    return f"{whole}" if part == 0 else f"{whole}.{part:02d}"
