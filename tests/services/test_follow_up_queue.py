"""The follow-up queue's order, worked out by hand: overdue, warmth, due date, value, days since."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tcdesk.domain import ConsultStatus, Warmth
from tcdesk.services.desk import Desk
from tcdesk.services.follow_up_queue import ItemKind, load_queue, queue_counts
from tcdesk.services.leads import LeadInput, add_lead
from tests.services.pipeline_seed import TODAY, choose, held_consult, open_seeded


@pytest.fixture
def seeded(empty_store: Path):
    desk, p = open_seeded(empty_store)
    yield desk, p
    desk.close()


def names(desk: Desk, **kwargs) -> list[str]:
    return [item.name for item in load_queue(desk, **kwargs).items]


def test_overdue_comes_before_anything_due_today_or_later(seeded) -> None:
    desk, p = seeded
    held_consult(desk, p, "Ava", days_ago=5, warmth=Warmth.HOT, follow_up_in=0)
    held_consult(desk, p, "Noah", days_ago=9, warmth=Warmth.COLD, follow_up_in=-3)
    queue = load_queue(desk)
    assert [i.name for i in queue.items] == ["Noah Garcia", "Ava Thompson"]
    noah, ava = queue.items
    assert noah.overdue and noah.overdue_days == 3 and not ava.overdue
    assert noah.reasons.startswith("overdue 3 days, cold, ")
    assert ava.reasons.startswith("due today, hot, ")
    assert queue.counts.total == 2 and queue.counts.overdue == 1 and queue.counts.due == 2


def test_warmth_orders_hot_warm_cold_and_none_counts_as_warm(seeded) -> None:
    desk, p = seeded
    held_consult(desk, p, "Ava", days_ago=5, warmth=Warmth.COLD, follow_up_in=2)
    held_consult(desk, p, "Noah", days_ago=5, warmth=Warmth.WARM, follow_up_in=4)
    held_consult(desk, p, "Emma", days_ago=5, warmth=Warmth.HOT, follow_up_in=9)
    held_consult(desk, p, "Liam", days_ago=5, warmth=None, follow_up_in=3)
    # hot (due in 9) beats warm (due in 3 and 4) beats cold (due in 2): warmth before date
    assert names(desk) == ["Emma Johnson", "Liam Patel", "Noah Garcia", "Ava Thompson"]


def test_same_warmth_earlier_due_date_first(seeded) -> None:
    desk, p = seeded
    held_consult(desk, p, "Ava", days_ago=5, warmth=Warmth.WARM, follow_up_in=6)
    held_consult(desk, p, "Noah", days_ago=5, warmth=Warmth.WARM, follow_up_in=1)
    held_consult(desk, p, "Emma", days_ago=5, warmth=Warmth.WARM, follow_up_in=-1)
    held_consult(desk, p, "Liam", days_ago=5, warmth=Warmth.WARM, follow_up_in=-4)
    assert names(desk) == ["Liam Patel", "Emma Johnson", "Noah Garcia", "Ava Thompson"]


def test_same_day_and_warmth_larger_patient_portion_first(seeded) -> None:
    desk, p = seeded
    held_consult(desk, p, "Ava", days_ago=5, warmth=Warmth.HOT, follow_up_in=2, fee_cents=400_000)
    noah = held_consult(
        desk, p, "Noah", days_ago=5, warmth=Warmth.HOT, follow_up_in=2, fee_cents=300_000
    )
    choose(desk, noah, 700_000)  # the chosen option counts, not the recommended one
    held_consult(desk, p, "Emma", days_ago=5, warmth=Warmth.HOT, follow_up_in=2, fee_cents=520_000)
    items = load_queue(desk).items
    assert [i.name for i in items] == ["Noah Garcia", "Emma Johnson", "Ava Thompson"]
    assert [i.value_cents for i in items] == [700_000, 520_000, 400_000]
    assert "$5,200" in items[1].reasons


def test_same_value_longer_since_the_consult_first_then_the_key(seeded) -> None:
    desk, p = seeded
    held_consult(desk, p, "Ava", days_ago=3, warmth=Warmth.WARM, follow_up_in=2)
    held_consult(desk, p, "Noah", days_ago=20, warmth=Warmth.WARM, follow_up_in=2)
    held_consult(desk, p, "Emma", days_ago=8, warmth=Warmth.WARM, follow_up_in=2)
    items = load_queue(desk).items
    assert [i.name for i in items] == ["Noah Garcia", "Emma Johnson", "Ava Thompson"]
    assert [i.days_since for i in items] == [20, 8, 3]
    # A full tie (same everything) is ordered by the item key, the same every time.
    held_consult(desk, p, "Liam", days_ago=3, warmth=Warmth.WARM, follow_up_in=2)
    tied = [i for i in load_queue(desk).items if i.days_since == 3]
    assert [i.key for i in tied] == sorted(i.key for i in tied)
    assert names(desk) == names(desk)


def test_the_quote_is_held_for_the_policys_days_and_said_so(seeded) -> None:
    desk, p = seeded
    held_consult(desk, p, "Ava", days_ago=10, warmth=Warmth.HOT, follow_up_in=-3)
    item = load_queue(desk).items[0]
    policy = desk.practices.policy(desk.practice().id)
    held = TODAY - timedelta(days=10) + timedelta(days=policy.estimate_valid_days)
    assert item.quote_held_until == held
    assert item.reasons == (
        f"overdue 3 days, hot, $5,500, quote held until {held:%b} {held.day}, {held.year}"
    )


def test_recall_due_only_once_its_date_has_come(seeded) -> None:
    desk, p = seeded
    held_consult(desk, p, "Ava", days_ago=200, status=ConsultStatus.OBSERVATION, recall_in=-1)
    held_consult(desk, p, "Noah", days_ago=30, status=ConsultStatus.OBSERVATION, recall_in=40)
    held_consult(desk, p, "Emma", days_ago=30, status=ConsultStatus.OBSERVATION, recall_in=0)
    items = load_queue(desk).items
    assert [(i.name, i.kind) for i in items] == [
        ("Ava Thompson", ItemKind.RECALL),
        ("Emma Johnson", ItemKind.RECALL),
    ]
    assert "recall due" in items[0].reasons and items[0].quote_held_until is None


def test_decided_families_are_not_in_the_queue(seeded) -> None:
    desk, p = seeded
    for first, status in (("Ava", ConsultStatus.STARTED), ("Noah", ConsultStatus.DECLINED)):
        held_consult(desk, p, first, days_ago=5, status=status, follow_up_in=-2)
    assert names(desk) == []


def _lead(desk: Desk, name: str, tc, **kw) -> None:
    add_lead(
        desk, LeadInput(name=name, channel="phone", phone="5035550199", assigned_to=tc.id, **kw)
    )


def test_open_leads_rank_with_the_families_and_per_tc(seeded) -> None:
    desk, p = seeded
    held_consult(desk, p, "Ava", days_ago=5, warmth=Warmth.WARM, follow_up_in=1)
    held_consult(desk, p, "Noah", days_ago=5, warmth=Warmth.WARM, follow_up_in=-1, tc=p.tc2)
    _lead(desk, "Rosa Diaz", p.tc, warmth="hot")  # no next date yet: due today
    _lead(desk, "Ben Cole", p.tc2, next_contact_on=(TODAY + timedelta(days=5)).isoformat())
    everyone = load_queue(desk).items
    assert [i.name for i in everyone] == ["Noah Garcia", "Rosa Diaz", "Ava Thompson", "Ben Cole"]
    rosa = everyone[1]
    assert rosa.kind is ItemKind.LEAD and rosa.reasons == "due today, hot, lead by phone"
    mine = load_queue(desk, owner_id=p.tc.id).items
    assert [i.name for i in mine] == ["Rosa Diaz", "Ava Thompson"]
    assert {i.owner for i in mine} == {p.tc.name}
    assert queue_counts(desk, owner_id=p.tc2.id).words == "Follow-ups: 2 (1 overdue)"


def test_due_by_and_a_page_keep_the_order(seeded) -> None:
    desk, p = seeded
    for n, first in enumerate(("Ava", "Noah", "Emma", "Liam", "Sofia")):
        held_consult(desk, p, first, days_ago=5, warmth=Warmth.WARM, follow_up_in=n - 2)
    full = names(desk, limit=None)
    assert names(desk, limit=2) == full[:2]
    due = load_queue(desk, due_by=TODAY)
    assert [i.name for i in due.items] == full[:3] and due.counts.total == 3


def test_a_page_prices_the_whole_tie_at_its_edge(seeded) -> None:
    desk, p = seeded
    # Three in one tie (same overdue, warmth and date); the largest value is read last by SQL.
    held_consult(desk, p, "Ava", days_ago=30, warmth=Warmth.HOT, follow_up_in=1, fee_cents=100_000)
    held_consult(desk, p, "Noah", days_ago=20, warmth=Warmth.HOT, follow_up_in=1, fee_cents=200_000)
    held_consult(desk, p, "Emma", days_ago=2, warmth=Warmth.HOT, follow_up_in=1, fee_cents=900_000)
    assert names(desk, limit=1) == ["Emma Johnson"]


def test_an_empty_practice_has_an_empty_queue(seeded) -> None:
    desk, _p = seeded
    queue = load_queue(desk)
    assert queue.items == () and queue.counts.words == "Follow-ups: 0 (0 overdue)"


def test_value_is_the_patient_portion_after_insurance(seeded) -> None:
    from decimal import Decimal

    from tcdesk.domain import InsurancePolicy, InsuranceRank
    from tcdesk.services.ids import new_id

    desk, p = seeded
    # Ava (13) has a plan paying 50% up to $1,500 of a $5,000 fee: her family's part is $3,500,
    # so Noah's $4,000 (no insurance) ranks first although Ava's fee is larger.
    desk.patients.save_insurance(
        InsurancePolicy(
            id=new_id(),
            patient_id=p.patients["Ava"].id,
            rank=InsuranceRank.PRIMARY,
            carrier="Delta Dental",
            coverage_pct=Decimal(50),
            lifetime_max_cents=150_000,
        )
    )
    held_consult(desk, p, "Ava", days_ago=5, warmth=Warmth.HOT, follow_up_in=2, fee_cents=500_000)
    held_consult(desk, p, "Noah", days_ago=5, warmth=Warmth.HOT, follow_up_in=2, fee_cents=400_000)
    items = load_queue(desk).items
    assert [(i.name, i.value_cents) for i in items] == [
        ("Noah Garcia", 400_000),
        ("Ava Thompson", 350_000),
    ]
