"""The demo's pipeline is alive: every channel and status, a queue to work, rebuilt alike."""

from __future__ import annotations

from tcdesk.domain import ConsultStatus, LeadSource, LeadStatus, Warmth
from tcdesk.domain.pipeline import Lead
from tcdesk.services.demo import build_demo
from tcdesk.services.follow_up_queue import ItemKind, load_queue
from tcdesk.services.leads import list_leads
from tests.conftest import DEMO_DAY


def _counts(desk) -> tuple[int, ...]:
    return tuple(
        desk.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("leads", "contacts", "consults", "patients", "follow_ups")
    )


def test_leads_from_every_channel_in_every_status(demo_desk) -> None:
    leads: list[Lead] = [row.lead for row in list_leads(demo_desk)]
    assert {lead.channel for lead in leads} == set(LeadSource)
    assert {lead.status for lead in leads} == set(LeadStatus)
    booked = next(lead for lead in leads if lead.status is LeadStatus.CONSULT_BOOKED)
    consult = demo_desk.consults.get(booked.consult_id)
    assert consult.lead_id == booked.id and consult.patient_id == booked.patient_id
    assert demo_desk.db.execute("SELECT count(*) FROM contacts").fetchone()[0] >= 10


def test_the_queue_has_overdue_warmth_and_a_recall(demo_desk) -> None:
    queue = load_queue(demo_desk, limit=None)
    items = queue.items
    assert queue.counts.overdue >= 3 and items[0].overdue
    assert {i.warmth for i in items if i.kind is ItemKind.FOLLOW_UP} >= set(Warmth)
    assert any(i.kind is ItemKind.RECALL and i.overdue for i in items)
    assert {i.kind for i in items} == set(ItemKind)
    assert any(i.quote_held_until for i in items)


def test_one_consult_was_referred_out(demo_desk) -> None:
    referred = [c for c in demo_desk.consults.all() if c.status is ConsultStatus.REFERRED_OUT]
    assert len(referred) == 1 and referred[0].outcome_reason


def test_built_again_the_same_day_it_is_the_same(demo_desk) -> None:
    before = _counts(demo_desk)
    build_demo(demo_desk, DEMO_DAY)
    assert _counts(demo_desk) == before
