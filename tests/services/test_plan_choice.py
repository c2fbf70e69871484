"""Saving the family's plan without Qt: what the console and ``tcdesk plan`` share."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tcdesk.domain import PaymentPlan
from tcdesk.errors import UserError
from tcdesk.services import agreements, plan_choice
from tcdesk.services.consult_options import add_option
from tcdesk.services.consult_quote import ConsultPricing
from tcdesk.services.consult_room import ConsultRoom
from tcdesk.services.desk import Desk
from tcdesk.services.presentation_kit import PresentationKit
from tests.services.plan_seed import TODAY, Seeded, seed_practice


@pytest.fixture
def seeded(empty_store: Path) -> Iterator[tuple[Desk, Seeded]]:
    desk, ids = seed_practice(empty_store)
    yield desk, ids
    desk.close()


def _pricing(desk: Desk, consult_id: str) -> ConsultPricing:
    return ConsultPricing(desk, desk.consults.load_file(consult_id))


def _choice(pricing: ConsultPricing, option_id: str, key: str):
    option = pricing.option(option_id)
    return option, next(c for c in pricing.choices(option, TODAY) if c.key == key)


def _plans(desk: Desk) -> list[PaymentPlan]:
    return desk.records.where("payment_plans", PaymentPlan, "1 = 1", [])


@pytest.mark.parametrize(
    ("day", "agreement", "due"),
    [
        (1, date(2026, 11, 27), date(2027, 1, 1)),  # at least three weeks on
        (15, date(2026, 11, 27), date(2027, 1, 15)),
        (1, date(2026, 11, 5), date(2026, 12, 1)),
        (0, date(2026, 11, 27), None),  # the money layer's default: a month on
    ],
)
def test_first_due_on(day, agreement, due) -> None:
    assert plan_choice.first_due_on(day, agreement) == due


def test_an_option_is_found_by_id_fee_line_or_title(seeded) -> None:
    desk, ids = seeded
    consult_file = desk.consults.load_file(ids.consult_id)
    assert plan_choice.find_option(consult_file, ids.braces_id).id == ids.braces_id
    assert plan_choice.find_option(consult_file, "clear_aligners").id == ids.aligners_id
    assert plan_choice.find_option(consult_file, "  metal BRACES ").id == ids.braces_id
    with pytest.raises(UserError, match=r'no option "phase_two"; its options are: .*metal_braces'):
        plan_choice.find_option(consult_file, "phase_two")
    add_option(desk, ids.consult_id, "metal_braces", fee="5000", reason="Sibling case")
    twice = desk.consults.load_file(ids.consult_id)
    with pytest.raises(UserError, match="matches several options"):
        plan_choice.find_option(twice, "metal_braces")


def test_the_consoles_plans_for_its_choices(seeded) -> None:
    desk, ids = seeded
    pricing = _pricing(desk, ids.consult_id)
    option, pif = _choice(pricing, ids.aligners_id, "pay_in_full")
    plan = plan_choice.plan_for_choice(pricing, option, pif, TODAY)
    assert (plan.choice_key, plan.months, plan.first_due) == ("pay_in_full", 0, None)
    assert plan.down_cents == int(pif.total_paid * 100)  # the whole amount, as the console
    _, extended = _choice(pricing, ids.aligners_id, "extended")
    plan = plan_choice.plan_for_choice(pricing, option, extended, TODAY)
    assert plan.months == extended.months and plan.down_cents % 100 == 0
    assert plan.apr_pct == pricing.limits.apr_for(extended.months)
    assert plan.first_due == date(2027, 1, 1)
    own = plan_choice.custom_plan(pricing, option, 80_000, 12, TODAY, apr=Decimal("3"))
    assert (own.choice_key, own.apr_pct, own.down_cents) == ("custom", Decimal("3"), 80_000)


def test_a_plan_is_saved_with_its_policy_and_audited(seeded) -> None:
    desk, ids = seeded
    pricing = _pricing(desk, ids.consult_id)
    option, standard = _choice(pricing, ids.aligners_id, "standard")
    plan = plan_choice.plan_for_choice(pricing, option, standard, TODAY)
    chosen = plan_choice.choose_plan(desk, pricing, desk.consults.load_file(ids.consult_id), plan)
    stored = desk.consults.latest_plan(ids.consult_id)
    assert stored == chosen.priced.plan and stored.id
    assert stored.policy == desk.practices.policy(desk.practice().id)
    assert desk.consults.get(ids.consult_id).chosen_option_id == ids.aligners_id
    assert chosen.consult_file.plan == stored
    audit = desk.audit.for_subject(ids.consult_id)
    chosen_rows = [row for row in audit if row["action"] == "plan_chosen"]
    assert len(chosen_rows) == 1 and chosen_rows[0]["detail"].startswith("Clear aligners: $930.00")
    assert not [row for row in audit if row["action"] == "plan_over_limit"]


def test_a_refused_plan_saves_nothing(seeded) -> None:
    desk, ids = seeded
    pricing = _pricing(desk, ids.consult_id)
    option = pricing.option(ids.aligners_id)
    before = len(desk.audit.for_subject(ids.consult_id))
    consult_file = desk.consults.load_file(ids.consult_id)
    for plan, words in (
        (plan_choice.custom_plan(pricing, option, 10_000, 18, TODAY), "give a reason"),
        (
            plan_choice.custom_plan(pricing, option, 100_000, 18, TODAY, apr=Decimal(40)),
            "any plan may carry",
        ),
        (
            replace(
                plan_choice.custom_plan(pricing, option, 100_000, 18, TODAY),
                agreement_date=date(1800, 1, 1),
            ),
            "The agreement date must be between",
        ),
    ):
        with pytest.raises(UserError, match=words):
            plan_choice.choose_plan(desk, pricing, consult_file, plan)
    assert _plans(desk) == []
    assert len(desk.audit.for_subject(ids.consult_id)) == before
    assert desk.consults.get(ids.consult_id).chosen_option_id is None


def test_the_console_saves_through_the_same_service(seeded) -> None:
    desk, ids = seeded
    room = ConsultRoom(desk, ids.consult_id, PresentationKit.load(), record=False)
    option = room.pricing.option(ids.braces_id)
    low = plan_choice.custom_plan(room.pricing, option, 10_000, 24, TODAY)
    with pytest.raises(UserError, match="give a reason"):
        room.choose_plan(low)
    priced = room.choose_plan(replace(low, over_limit_reason="Grandparent pays in March"))
    assert room.plan == priced.plan == desk.consults.latest_plan(ids.consult_id)
    assert room.consult_file.consult.chosen_option_id == ids.braces_id
    actions = [row["action"] for row in desk.audit.for_subject(ids.consult_id)]
    assert actions.count("plan_chosen") == 1 and actions.count("plan_over_limit") == 1


def test_a_no_fee_option_is_chosen_without_a_plan(seeded) -> None:
    desk, ids = seeded
    watch = add_option(desk, ids.consult_id, "observation").changed
    pricing = _pricing(desk, ids.consult_id)
    consult_file = desk.consults.load_file(ids.consult_id)
    with pytest.raises(UserError, match="has a fee"):
        plan_choice.choose_option(desk, pricing, consult_file, ids.braces_id)
    after = plan_choice.choose_option(desk, pricing, consult_file, watch.id)
    assert after.consult.chosen_option_id == watch.id
    assert desk.consults.get(ids.consult_id).chosen_option_id == watch.id
    assert _plans(desk) == []


def test_what_the_agreement_needs_after_a_plan(seeded) -> None:
    desk, ids = seeded
    pricing = _pricing(desk, ids.consult_id)
    assert plan_choice.agreement_after_plan(desk, ids.consult_id).startswith("No agreement yet")

    def choose(key: str) -> None:
        option, choice = _choice(pricing, ids.aligners_id, key)
        plan = plan_choice.plan_for_choice(pricing, option, choice, TODAY)
        plan_choice.choose_plan(desk, pricing, desk.consults.load_file(ids.consult_id), plan)

    choose("standard")
    made = agreements.generate(desk, ids.consult_id)
    assert "still says this plan" in plan_choice.agreement_after_plan(desk, ids.consult_id)
    choose("low_down")
    assert "no longer says this plan" in plan_choice.agreement_after_plan(desk, ids.consult_id)
    agreements.void(desk, made.id, "Plan changed", None)
    assert "is void" in plan_choice.agreement_after_plan(desk, ids.consult_id)
    signed = agreements.generate(desk, ids.consult_id)
    agreements.mark_signed_on_paper(desk, signed.id, None)
    assert (
        plan_choice.agreement_after_plan(desk, ids.consult_id)
        == "Version 2 of the agreement is signed."
    )
    choose("extended")
    assert "needs a new version with new signatures" in plan_choice.agreement_after_plan(
        desk, ids.consult_id
    )
