"""A fee or policy change applies to new quotes only: a saved plan, its agreement and its
summary keep the figures the family was shown."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from tcdesk.services.agreement_data import render_agreement
from tcdesk.services.consult_quote import ConsultPricing
from tcdesk.services.consult_room import ConsultRoom, PresentationKit
from tcdesk.services.settings import fees, money_rules
from tcdesk.services.summary_data import summary_data
from tests.services.test_agreements import pdf_text
from tests.services.test_consult_room import ZOE, _plan


def _save_a_plan(desk):
    room = ConsultRoom(desk, ZOE, PresentationKit.load(), record=False)
    priced = room.choose_plan(_plan(room, 1200))
    return priced


def _chosen_choice(desk):
    return next(c for c in summary_data(desk, ZOE).choices if c.chosen)


def test_a_policy_and_fee_change_leave_a_saved_plan_and_its_agreement_alone(demo_desk) -> None:
    saved = _save_a_plan(demo_desk)
    stored = demo_desk.consults.latest_plan(ZOE)
    assert stored.policy == demo_desk.practices.policy(stored.policy.practice_id)  # snapshot
    data_before, pdf_before = render_agreement(demo_desk, ZOE)
    summary_before = _chosen_choice(demo_desk)
    option = next(o for o in demo_desk.consults.options(ZOE) if o.id == stored.option_id)
    old_policy = stored.policy

    money_rules.update_policy(
        demo_desk,
        {"pif_discount_pct": "9", "apr_pct": "7.5", "min_down": "2000", "late_fee": "75"},
    )
    schedule_item = next(
        i for i in fees.list_fees(demo_desk) if i.treatment_type == option.treatment_type
    )
    fees.edit_fee(demo_desk, schedule_item.id, {"fee": str(Decimal(option.fee_cents) / 100 + 900)})

    # the option keeps the fee it was made with; the saved plan keeps its rules
    assert next(o for o in demo_desk.consults.options(ZOE) if o.id == option.id) == option
    assert demo_desk.consults.latest_plan(ZOE) == stored
    repriced = ConsultPricing(demo_desk, demo_desk.consults.load_file(ZOE)).price(stored)
    assert repriced.quote == saved.quote
    data_after, pdf_after = render_agreement(demo_desk, ZOE)
    assert data_after.quote == data_before.quote
    assert data_after.late_fee == data_before.late_fee == Decimal(old_policy.late_fee_cents) / 100
    assert pdf_after == pdf_before
    assert "$75.00" not in pdf_text(pdf_after)
    assert _chosen_choice(demo_desk) == summary_before

    # a new quote uses the new rules
    pricing = ConsultPricing(demo_desk, demo_desk.consults.load_file(ZOE))
    assert pricing.limits.pif_discount_percent == Decimal("9")
    assert pricing.limits.apr_percent == Decimal("7.5")
    fresh = pricing.price(replace(stored, policy=None, apr_pct=Decimal("7.5")))
    assert fresh.quote != saved.quote
    assert fresh.quote.request.pif_discount_percent in (Decimal("9"), Decimal("0"))
    assert fresh.quote.request.apr_percent == Decimal("7.5")


def test_a_plan_from_an_old_store_without_a_snapshot_uses_the_current_policy(demo_desk) -> None:
    from tests.services.test_agreements import accepted_consult

    consult_id = accepted_consult(demo_desk)
    plan = demo_desk.consults.latest_plan(consult_id)
    assert plan.policy is None  # the demo's plans were saved before snapshots
    money_rules.update_policy(demo_desk, {"late_fee": "75"})
    data, pdf = render_agreement(demo_desk, consult_id)
    assert data.late_fee == Decimal("75.00")
    assert "$75.00" in pdf_text(pdf)
