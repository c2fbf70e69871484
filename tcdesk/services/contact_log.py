"""Logging a contact with a family from the queue: how, what came of it, and when next.

One call appends to the contact log (never changed), closes what put the
family in the queue and opens the next step at the next date: a pending
family's follow-up, a recall's date, a lead's next contact. With no next date
the item leaves the queue; ``bring_back`` puts a family back with a new date.
All in one transaction, audited by id (no names in the audit log).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date

from tcdesk.domain import ConsultStatus, ContactKind, FollowUp, LeadStatus
from tcdesk.domain.pipeline import (
    CONTACT_KIND_LABELS,
    CONTACT_RESULT_LABELS,
    Contact,
    ContactResult,
)
from tcdesk.errors import UserError
from tcdesk.services import validation
from tcdesk.services.clock import today as local_today
from tcdesk.services.clock import utc_iso
from tcdesk.services.desk import Desk
from tcdesk.services.follow_up_queue import ItemKind
from tcdesk.services.ids import new_id
from tcdesk.services.leads import repo as lead_repo
from tcdesk.services.sign_in import signed_in
from tcdesk.services.validation import FieldError, Problems
from tcdesk.store.contact_repo import ContactRepository

# Results after which a next date makes no sense: the family is decided.
FINAL_RESULTS = (ContactResult.BOOKED, ContactResult.NOT_INTERESTED)


@dataclass(frozen=True)
class ContactLogged:
    contact: Contact
    next_on: date | None  # where the family is in the queue again (None: it left)
    message: str  # "Call logged: left a message. Next contact Dec 1, 2026."


def parse_item(key: str) -> tuple[ItemKind, str]:
    """ "follow_up:<id>" -> (FOLLOW_UP, id); the queue's keys (``QueueItem.key``)."""
    kind, _, item_id = key.strip().partition(":")
    try:
        return ItemKind(kind), item_id
    except ValueError:
        raise UserError(
            f'"{key}" is not a follow-up item (tcdesk followups lists them, '
            'e.g. "lead:…" or "follow_up:…").'
        ) from None


def _check(
    desk: Desk, kind: str, result: str, next_on: date | str | None, note: str
) -> tuple[ContactKind, ContactResult, date | None, str]:
    problems = Problems()
    how = ContactKind.CALL
    what = ContactResult.REACHED
    when: date | None = None
    cleaned = ""
    with problems.check():
        how = ContactKind(
            validation.choice(
                "contact.kind", "The kind of contact", kind, [k.value for k in ContactKind]
            )
        )
    with problems.check():
        what = ContactResult(
            validation.choice(
                "contact.result", "The result", result, [r.value for r in ContactResult]
            )
        )
    with problems.check():
        when = validation.date_text("contact.next_on", "The next contact date", next_on)
        if when is not None and when <= local_today(desk.clock):
            raise FieldError("contact.next_on", "The next contact date must be after today.")
    with problems.check():
        cleaned = validation.free_text("contact.note", "The note", note)
    problems.raise_if_any()
    if what in FINAL_RESULTS and when is not None:
        raise FieldError(
            "contact.next_on",
            f"{CONTACT_RESULT_LABELS[what]}: the family is decided, so no next date.",
        )
    return how, what, when, cleaned


def log_contact(
    desk: Desk,
    item_key: str,
    kind: str,
    result: str,
    *,
    next_on: date | str | None = None,
    note: str = "",
    actor_id: str | None = None,
) -> ContactLogged:
    """Log one contact for a queue item; all of it or none."""
    item_kind, item_id = parse_item(item_key)
    how, what, when, cleaned = _check(desk, kind, result, next_on, note)
    if actor_id is None:
        me = signed_in(desk)
        actor_id = me.id if me else None
    now = utc_iso(desk.clock())
    contact = Contact(
        id=new_id(), kind=how, result=what, at=now, note=cleaned, next_on=when, author_id=actor_id
    )
    with desk.transaction():
        if item_kind is ItemKind.FOLLOW_UP:
            contact = _follow_up(desk, item_id, contact, now)
        elif item_kind is ItemKind.RECALL:
            contact = _recall(desk, item_id, contact)
        else:
            contact = _lead(desk, item_id, contact)
        ContactRepository(desk.records).add(contact)
        desk.audit.record(
            id=new_id(),
            at=now,
            action="contact_logged",
            subject_id=contact.consult_id or contact.lead_id or item_id,
            actor_id=actor_id,
            detail=json.dumps(
                {
                    "kind": how.value,
                    "result": what.value,
                    "next_on": when.isoformat() if when else None,
                    "item": item_kind.value,
                }
            ),
        )
    return ContactLogged(contact, when, _words(contact))


def _words(contact: Contact) -> str:
    from tcdesk.formatting import medium_date

    text = (
        f"{CONTACT_KIND_LABELS[contact.kind]} logged: "
        f"{CONTACT_RESULT_LABELS[contact.result].lower()}."
    )
    if contact.next_on:
        return f"{text} Next contact {medium_date(contact.next_on)}."
    return f"{text} Off the queue."


def _follow_up(desk: Desk, follow_up_id: str, contact: Contact, now: str) -> Contact:
    found = desk.records.get("follow_ups", FollowUp, follow_up_id)
    if found is None or found.done_at is not None:
        raise UserError("That follow-up is done or gone; look at the queue again.")
    consult = desk.consults.get(found.consult_id)
    if consult is None:
        raise UserError("That follow-up's consult is gone; look at the queue again.")
    desk.consults.save_follow_up(replace(found, done_at=now))
    if contact.next_on is not None:
        desk.consults.save_follow_up(
            replace(found, id=new_id(), due_on=contact.next_on, created_at=now, done_at=None)
        )
    if contact.result is ContactResult.NOT_INTERESTED and consult.status is ConsultStatus.PENDING:
        desk.consults.save(
            replace(
                consult,
                status=ConsultStatus.DECLINED,
                decided_on=local_today(desk.clock),
                outcome_reason=contact.note or "Not interested (follow-up)",
            )
        )
    return replace(contact, consult_id=consult.id)


def _recall(desk: Desk, consult_id: str, contact: Contact) -> Contact:
    consult = desk.consults.get(consult_id)
    if consult is None or consult.status is not ConsultStatus.OBSERVATION:
        raise UserError("That recall is done or gone; look at the queue again.")
    desk.consults.save(replace(consult, recall_on=contact.next_on))
    return replace(contact, consult_id=consult.id)


def _lead(desk: Desk, lead_id: str, contact: Contact) -> Contact:
    leads = lead_repo(desk)
    lead = leads.get(lead_id)
    if lead is None or not lead.is_open:
        raise UserError("That lead is closed or gone; look at the queue again.")
    if contact.result is ContactResult.BOOKED:
        raise FieldError(
            "contact.result",
            "Book the consult from the lead (Book consult…); it is then marked consult booked.",
        )
    status = (
        LeadStatus.NOT_INTERESTED
        if contact.result is ContactResult.NOT_INTERESTED
        else LeadStatus.CONTACTED
    )
    leads.save(replace(lead, status=status, next_contact_on=contact.next_on))
    return replace(contact, lead_id=lead.id)


def bring_back(
    desk: Desk,
    *,
    due_on: date | str,
    consult_id: str | None = None,
    lead_id: str | None = None,
    reason: str = "",
    actor_id: str | None = None,
) -> date:
    """Put a family back in the queue on ``due_on``: a pending or observation consult gets
    a follow-up, a lead (not booked) a next contact date and is open again."""
    day = validation.date_text("contact.next_on", "The follow-up date", due_on)
    if day is None or day <= local_today(desk.clock):
        raise FieldError("contact.next_on", "Give a follow-up date after today.")
    now = utc_iso(desk.clock())
    with desk.transaction():
        if lead_id:
            lead = lead_repo(desk).get(lead_id)
            if lead is None or lead.status is LeadStatus.CONSULT_BOOKED:
                raise UserError("That lead has a consult booked or is gone.")
            lead_repo(desk).save(replace(lead, status=LeadStatus.CONTACTED, next_contact_on=day))
            subject = lead.id
        else:
            consult = desk.consults.get(consult_id or "")
            if consult is None or consult.status not in (
                ConsultStatus.PENDING,
                ConsultStatus.OBSERVATION,
                ConsultStatus.DECLINED,
            ):
                raise UserError("Only a pending, observation or declined family can come back.")
            if consult.status is ConsultStatus.DECLINED:
                consult = replace(consult, status=ConsultStatus.PENDING, decided_on=None)
                desk.consults.save(consult)
            desk.consults.save_follow_up(
                FollowUp(
                    id=new_id(),
                    consult_id=consult.id,
                    due_on=day,
                    reason=reason.strip() or consult.outcome_reason,
                    created_at=now,
                    assigned_to=consult.coordinator_id,
                )
            )
            subject = consult.id
        desk.audit.record(
            id=new_id(),
            at=now,
            action="follow_up_back",
            subject_id=subject,
            actor_id=actor_id,
            detail=json.dumps({"due_on": day.isoformat()}),
        )
    return day
