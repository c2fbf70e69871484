"""Logging a contact: appended, the follow-up closed and the next opened, audited; back again."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from tcdesk.domain import ConsultStatus, LeadStatus, Warmth
from tcdesk.domain.pipeline import ContactResult
from tcdesk.errors import UserError
from tcdesk.services import leads
from tcdesk.services.contact_log import bring_back, log_contact
from tcdesk.services.follow_up_queue import load_queue
from tcdesk.services.leads import LeadInput, add_lead
from tcdesk.services.validation import FieldErrors
from tcdesk.store.contact_repo import ContactRepository
from tests.services.pipeline_seed import TODAY, held_consult, open_seeded


@pytest.fixture
def seeded(empty_store: Path):
    desk, p = open_seeded(empty_store)
    yield desk, p
    desk.close()


def keys(desk) -> list[str]:
    return [i.key for i in load_queue(desk).items]


def test_a_call_closes_the_follow_up_and_opens_the_next(seeded) -> None:
    desk, p = seeded
    consult = held_consult(desk, p, "Ava", days_ago=6, warmth=Warmth.HOT, follow_up_in=-2)
    [item] = load_queue(desk).items
    nxt = TODAY + timedelta(days=7)
    logged = log_contact(desk, item.key, "call", "left_message", next_on=nxt.isoformat())
    assert (
        logged.message
        == f"Call logged: left a message. Next contact {nxt:%b} {nxt.day}, {nxt.year}."
    )
    follow_ups = desk.consults.follow_ups(consult.id)
    assert [(f.due_on, f.done_at is None) for f in follow_ups] == [
        (TODAY - timedelta(days=2), False),
        (nxt, True),
    ]
    assert follow_ups[1].reason == "cost" and follow_ups[1].assigned_to == p.tc.id
    [contact] = ContactRepository(desk.records).for_consult(consult.id)
    assert contact.result is ContactResult.LEFT_MESSAGE and contact.next_on == nxt
    [again] = load_queue(desk).items
    assert again.due_on == nxt and not again.overdue and again.key != item.key
    [entry] = [e for e in desk.audit.for_subject(consult.id) if e["action"] == "contact_logged"]
    assert json.loads(entry["detail"])["result"] == "left_message"


def test_no_next_date_leaves_the_queue_and_a_new_date_brings_it_back(seeded) -> None:
    desk, p = seeded
    consult = held_consult(desk, p, "Ava", days_ago=6, follow_up_in=0)
    [item] = load_queue(desk).items
    logged = log_contact(desk, item.key, "text", "reached")
    assert logged.next_on is None and logged.message == "Text logged: reached. Off the queue."
    assert keys(desk) == []
    back = TODAY + timedelta(days=30)
    bring_back(desk, due_on=back, consult_id=consult.id)
    [item] = load_queue(desk).items
    assert item.consult_id == consult.id and item.due_on == back


def test_not_interested_declines_the_pending_family(seeded) -> None:
    desk, p = seeded
    consult = held_consult(desk, p, "Ava", days_ago=6, follow_up_in=-1)
    [item] = load_queue(desk).items
    with pytest.raises(UserError, match="no next date"):
        log_contact(desk, item.key, "call", "not_interested", next_on=TODAY + timedelta(days=3))
    assert keys(desk) == [item.key]  # refused: nothing changed
    log_contact(desk, item.key, "call", "not_interested", note="Went elsewhere")
    stored = desk.consults.get(consult.id)
    assert stored.status is ConsultStatus.DECLINED and stored.outcome_reason == "Went elsewhere"
    assert keys(desk) == []


def test_bad_input_changes_nothing(seeded) -> None:
    desk, p = seeded
    held_consult(desk, p, "Ava", days_ago=6, follow_up_in=-1)
    [item] = load_queue(desk).items
    with pytest.raises(FieldErrors) as errors:
        log_contact(desk, item.key, "pigeon", "maybe", next_on="yesterday")
    assert set(errors.value.by_field()) == {"contact.kind", "contact.result", "contact.next_on"}
    with pytest.raises(FieldErrors, match="after today"):
        log_contact(desk, item.key, "call", "reached", next_on=TODAY)
    with pytest.raises(UserError, match="not a follow-up item"):
        log_contact(desk, "nonsense", "call", "reached")
    assert keys(desk) == [item.key]
    assert ContactRepository(desk.records).for_consult(item.consult_id) == []


def test_a_recall_moves_to_its_next_date(seeded) -> None:
    desk, p = seeded
    consult = held_consult(
        desk, p, "Noah", days_ago=180, status=ConsultStatus.OBSERVATION, recall_in=-5
    )
    [item] = load_queue(desk).items
    nxt = TODAY + timedelta(days=180)
    log_contact(desk, item.key, "letter", "reached", next_on=nxt)
    assert desk.consults.get(consult.id).recall_on == nxt
    assert keys(desk) == []


def test_a_lead_is_contacted_then_not_interested(seeded) -> None:
    desk, _p = seeded
    lead = add_lead(desk, LeadInput(name="Rosa Diaz", channel="email", email="r@example.com"))
    [item] = load_queue(desk).items
    assert item.key == f"lead:{lead.id}"
    with pytest.raises(UserError, match="Book the consult from the lead"):
        log_contact(desk, item.key, "email", "booked")
    log_contact(desk, item.key, "email", "no_answer", next_on=TODAY + timedelta(days=2))
    assert leads.repo(desk).get(lead.id).status is LeadStatus.CONTACTED
    [item] = load_queue(desk).items
    log_contact(desk, item.key, "call", "not_interested")
    assert leads.repo(desk).get(lead.id).status is LeadStatus.NOT_INTERESTED
    assert keys(desk) == []
    assert [c.result for c in ContactRepository(desk.records).for_lead(lead.id)] == [
        ContactResult.NO_ANSWER,
        ContactResult.NOT_INTERESTED,
    ]
    bring_back(desk, due_on=TODAY + timedelta(days=60), lead_id=lead.id)
    assert keys(desk) == [item.key]
