"""Leads: a family that called, wrote, texted, was referred or walked past, before any consult.

A lead needs three things so the TC can call back: the family's name, the
channel, and one way to reach them (phone or e-mail). Booking a consult from a
lead carries everything over (``family_from_lead`` prefills the new-family
form; ``book_from_lead`` saves the family, books the consult and links both to
the lead in one transaction). Every change is audited by id, never by name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date

from tcdesk.domain import Consult, LeadSource, LeadStatus, Warmth
from tcdesk.domain.pipeline import (
    CHANNEL_LABELS,
    LEAD_STATUS_LABELS,
    WARMTH_LABELS,
    Lead,
)
from tcdesk.errors import UserError
from tcdesk.services import validation
from tcdesk.services.clock import today as local_today
from tcdesk.services.clock import utc_iso
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id
from tcdesk.services.intake import FamilySaved, NewFamily, add_family
from tcdesk.services.referrers import DOCTOR, PATIENT
from tcdesk.services.schedule import Booked, Slot, book_consult
from tcdesk.services.sign_in import signed_in
from tcdesk.services.validation import FieldError, Problems
from tcdesk.store.lead_repo import LeadRepository

LEAD_FIELDS = (
    "lead.name",
    "lead.channel",
    "lead.contact",
    "lead.channel_detail",
    "lead.referrer",
    "lead.note",
    "lead.assigned_to",
    "lead.office",
    "lead.warmth",
    "lead.next_contact_on",
    "lead.status",
)


@dataclass(frozen=True)
class LeadInput:
    """A lead as typed in the quick-add form or on the command line."""

    name: str
    channel: str
    phone: str = ""
    email: str = ""
    channel_detail: str = ""
    referrer_id: str | None = None  # a referring doctor's id
    referring_patient_id: str | None = None
    note: str = ""
    assigned_to: str | None = None  # default: the signed-in TC
    office_id: str | None = None
    warmth: str = Warmth.WARM.value
    next_contact_on: date | str | None = None


@dataclass(frozen=True)
class LeadRow:
    """A lead with the words a list shows beside it (no second question needed)."""

    lead: Lead
    channel: str  # "Social media (Instagram)"
    status: str  # "Contacted"
    warmth: str  # "Hot"
    assigned: str  # the TC's name, "" when nobody
    referrer: str  # the referring doctor's or patient's name


def repo(desk: Desk) -> LeadRepository:
    return LeadRepository(desk.records)


def _practice_id(desk: Desk) -> str:
    practice = desk.practice()
    if practice is None:
        raise UserError("Set up the practice first.")
    return practice.id


def channel_words(channel: LeadSource, detail: str = "") -> str:
    label = CHANNEL_LABELS[channel]
    return f"{label} ({detail})" if detail else label


def _check(desk: Desk, typed: LeadInput, practice_id: str) -> Lead:
    problems = Problems()
    name = phone = email = detail = note = ""
    channel = LeadSource.PHONE
    warmth = Warmth.WARM
    next_on: date | None = None
    with problems.check():
        name = validation.required("lead.name", "The family's name", typed.name)
    with problems.check():
        channel = LeadSource(
            validation.choice(
                "lead.channel", "The channel", typed.channel, [c.value for c in LeadSource]
            )
        )
    with problems.check():
        phone = validation.optional_phone("lead.contact", typed.phone)
        email = validation.optional_email("lead.contact", typed.email)
        if not phone and not email:
            raise FieldError("lead.contact", "A phone or an email is needed, to call them back.")
    with problems.check():
        detail = validation.one_line("lead.channel_detail", "Which one", typed.channel_detail)
    with problems.check():
        note = validation.free_text("lead.note", "The note", typed.note)
    with problems.check():
        warmth = Warmth(
            validation.choice("lead.warmth", "Warmth", typed.warmth, [w.value for w in Warmth])
        )
    with problems.check():
        next_on = validation.date_text(
            "lead.next_contact_on", "The next contact date", typed.next_contact_on
        )
        if next_on is not None and next_on < local_today(desk.clock):
            raise FieldError("lead.next_contact_on", "The next contact date can't be in the past.")
    with problems.check():
        _check_referrer(desk, typed)
    assigned = typed.assigned_to
    if assigned is None:
        me = signed_in(desk)
        assigned = me.id if me is not None else None
    with problems.check():
        _check_staff(desk, practice_id, assigned)
    with problems.check():
        if typed.office_id and typed.office_id not in {
            o.id for o in desk.practices.offices(practice_id)
        }:
            raise FieldError("lead.office", "Choose one of the practice's offices.")
    problems.raise_if_any()
    now = utc_iso(desk.clock())
    return Lead(
        id=new_id(),
        practice_id=practice_id,
        family_name=name,
        channel=channel,
        contacted_at=now,
        created_at=now,
        phone=phone,
        email=email,
        channel_detail=detail,
        referrer_id=typed.referrer_id or None,
        referring_patient_id=typed.referring_patient_id or None,
        note=note,
        assigned_to=assigned,
        office_id=typed.office_id or None,
        warmth=warmth,
        next_contact_on=next_on,
    )


def _check_referrer(desk: Desk, typed: LeadInput) -> None:
    if typed.referrer_id and typed.referring_patient_id:
        raise FieldError("lead.referrer", "Give the referring doctor or the patient, not both.")
    if typed.referrer_id:
        from tcdesk.store.referrer_repo import ReferrerRepository

        if ReferrerRepository(desk.records).doctor(typed.referrer_id) is None:
            raise FieldError("lead.referrer", "That referring doctor is not on the list.")
    if typed.referring_patient_id and desk.patients.get(typed.referring_patient_id) is None:
        raise FieldError("lead.referrer", "That referring patient is not on file.")


def _check_staff(desk: Desk, practice_id: str, staff_id: str | None) -> None:
    if staff_id is None:
        return
    member = desk.practices.staff_member(staff_id)
    if member is None or member.practice_id != practice_id:
        raise FieldError("lead.assigned_to", "Choose someone on staff.")
    if not member.active:
        raise FieldError("lead.assigned_to", f"{member.name} is no longer active.")


def add_lead(desk: Desk, typed: LeadInput, *, actor_id: str | None = None) -> Lead:
    """Check every field, then save the lead (or nothing)."""
    lead = _check(desk, typed, _practice_id(desk))
    with desk.transaction():
        repo(desk).save(lead)
        _audit(desk, "lead_added", lead, actor_id, {"channel": lead.channel.value})
    return lead


def require(desk: Desk, lead_id: str) -> Lead:
    lead = repo(desk).get(lead_id.strip()) if lead_id.strip() else None
    if lead is None:
        raise UserError(f"No lead with id {lead_id} (tcdesk leads lists them).")
    return lead


# What a TC may set by hand; "consult booked" comes from booking a consult.
MANUAL_STATUSES = (
    LeadStatus.NEW,
    LeadStatus.CONTACTED,
    LeadStatus.NOT_INTERESTED,
    LeadStatus.UNREACHABLE,
)


def change_status(desk: Desk, lead_id: str, status: str, *, actor_id: str | None = None) -> Lead:
    """New, contacted, not interested or unreachable; a booked lead keeps its consult."""
    lead = require(desk, lead_id)
    wanted = LeadStatus(
        validation.choice("lead.status", "The status", status, [s.value for s in LeadStatus])
    )
    if wanted is LeadStatus.CONSULT_BOOKED and lead.consult_id is None:
        raise FieldError(
            "lead.status", "Book the consult from the lead; it is then marked consult booked."
        )
    if lead.status is LeadStatus.CONSULT_BOOKED and wanted is not LeadStatus.CONSULT_BOOKED:
        raise FieldError("lead.status", "This lead has a consult booked; change the consult.")
    if wanted is lead.status:
        return lead
    changed = replace(lead, status=wanted)
    with desk.transaction():
        repo(desk).save(changed)
        _audit(
            desk, "lead_status", changed, actor_id, {"from": lead.status.value, "to": wanted.value}
        )
    return changed


def list_leads(
    desk: Desk,
    *,
    status: str | None = None,
    assigned_to: str | None = None,
    limit: int | None = None,
) -> list[LeadRow]:
    """Leads newest first, with the words to show; ``status`` is a LeadStatus value."""
    practice_id = _practice_id(desk)
    statuses: list[str] = []
    if status:
        statuses = [
            validation.choice("lead.status", "The status", status, [s.value for s in LeadStatus])
        ]
    leads = repo(desk).find(practice_id, statuses=statuses, assigned_to=assigned_to, limit=limit)
    staff = {s.id: s.name for s in desk.practices.staff(practice_id)}
    doctors = {d.id: d.name for d in _doctors(desk, practice_id)}
    rows = []
    for lead in leads:
        referrer = doctors.get(lead.referrer_id or "", "")
        if lead.referring_patient_id:
            patient = desk.patients.get(lead.referring_patient_id)
            referrer = patient.display_name if patient else ""
        rows.append(
            LeadRow(
                lead=lead,
                channel=channel_words(lead.channel, lead.channel_detail),
                status=LEAD_STATUS_LABELS[lead.status],
                warmth=WARMTH_LABELS[lead.warmth],
                assigned=staff.get(lead.assigned_to or "", ""),
                referrer=referrer,
            )
        )
    return rows


def _doctors(desk: Desk, practice_id: str):
    from tcdesk.store.referrer_repo import ReferrerRepository

    return ReferrerRepository(desk.records).doctors(practice_id)


def family_from_lead(desk: Desk, lead_id: str) -> NewFamily:
    """The new-family form's input prefilled from a lead: name, phone, e-mail, channel,
    referrer and office. The date of birth is left for the TC to ask."""
    lead = require(desk, lead_id)
    words = lead.family_name.split()
    first, last = (" ".join(words[:-1]), words[-1]) if len(words) > 1 else ("", lead.family_name)
    kind, referrer_id, referrer = "", None, ""
    if lead.referrer_id:
        from tcdesk.store.referrer_repo import ReferrerRepository

        doctor = ReferrerRepository(desk.records).doctor(lead.referrer_id)
        if doctor is not None:
            kind, referrer_id, referrer = DOCTOR, doctor.id, doctor.name
    elif lead.referring_patient_id:
        patient = desk.patients.get(lead.referring_patient_id)
        if patient is not None:
            kind, referrer_id, referrer = PATIENT, patient.id, patient.display_name
    return NewFamily(
        first=first,
        last=last,
        birth_date="",
        phone=lead.phone,
        email=lead.email,
        lead_source=lead.channel.value,
        referrer=referrer,
        referrer_kind=kind,
        referrer_id=referrer_id,
        office_id=lead.office_id,
    )


def link_booking(
    desk: Desk, lead_id: str, consult: Consult, *, actor_id: str | None = None
) -> Lead:
    """The lead became a consult: it is consult booked, and the consult names its lead."""
    lead = require(desk, lead_id)
    if lead.consult_id is not None and lead.consult_id != consult.id:
        raise UserError("This lead already has a consult booked.")
    changed = replace(
        lead,
        status=LeadStatus.CONSULT_BOOKED,
        patient_id=consult.patient_id,
        consult_id=consult.id,
        next_contact_on=None,
    )
    with desk.transaction():
        repo(desk).save(changed)
        desk.consults.save(replace(consult, lead_id=lead.id))
        _audit(desk, "lead_booked", changed, actor_id, {"consult_id": consult.id})
    return changed


@dataclass(frozen=True)
class LeadBooked:
    lead: Lead
    family: FamilySaved
    booked: Booked


def book_from_lead(
    desk: Desk,
    lead_id: str,
    family: NewFamily,
    slot: Slot,
    *,
    allow_overlap: bool = False,
    actor_id: str | None = None,
) -> LeadBooked:
    """The family saved, the consult booked and the lead linked: all three or none."""
    lead = require(desk, lead_id)
    if not lead.is_open:
        raise UserError(f"This lead is {LEAD_STATUS_LABELS[lead.status].lower()}; nothing to book.")
    with desk.transaction():
        saved = add_family(desk, family, actor_id=actor_id)
        booked = book_consult(
            desk, saved.patient.id, slot, allow_overlap=allow_overlap, actor_id=actor_id
        )
        linked = link_booking(desk, lead.id, booked.consult, actor_id=actor_id)
    consult = replace(booked.consult, lead_id=lead.id)
    return LeadBooked(linked, saved, replace(booked, consult=consult))


def _audit(desk: Desk, action: str, lead: Lead, actor_id: str | None, detail: dict) -> None:
    desk.audit.record(
        id=new_id(),
        at=utc_iso(desk.clock()),
        action=action,
        subject_id=lead.id,
        actor_id=actor_id,
        detail=json.dumps(detail),
    )
