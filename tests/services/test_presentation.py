"""Building the render context from the practice file (flows: test_presentation_flow_choice)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tcdesk.domain import Discount, PaymentPlan
from tcdesk.errors import UserError
from tcdesk.flows import CONTEXT_NAMES, facts_from_context, load_flows
from tcdesk.paths import flows_dir
from tcdesk.render import Renderer
from tcdesk.services.desk import Desk
from tcdesk.services.presentation import build_context, investment_context
from tests.services.presentation_seed import CONTENT, MARKER, TODAY, open_desk, seed


@pytest.fixture
def desk(empty_store: Path) -> Iterator[Desk]:
    yield from open_desk(empty_store)


def test_context_has_exactly_the_documented_names(desk: Desk) -> None:
    context = build_context(desk, seed(desk), content=CONTENT, today=TODAY)
    # "agenda" is added for the whole deck by the renderer (tcdesk.render.Renderer.render_deck).
    assert set(context) == set(CONTEXT_NAMES) - {"agenda"}


def test_people_and_concerns(desk: Desk) -> None:
    context = build_context(desk, seed(desk), content=CONTENT, today=TODAY)
    assert context["practice"]["name"] == "Bright Smiles Orthodontics"
    assert context["practice"]["logo"] == "brand/demo_logo.svg"
    assert context["office"] == {"name": "Westerville", "phone": "(614) 555-0101", "address": ""}
    assert context["patient"] == {
        "first_name": "Emma",
        "last_name": "Johnson",
        "full_name": "Emma Johnson",
        "age": 13,
        "is_child": False,
        "is_minor": True,
    }
    assert context["doctor"]["short_name"] == "Dr. Raman"
    assert context["coordinator"]["short_name"] == "Jessica"
    assert context["coordinator"]["name"] == "Jessica Alvarez"
    assert context["concerns"] == "Her front teeth are crooked."
    assert context["priorities"] == ["School photos", "Soccer"]
    assert context["photos"] == [
        {"path": "photos/emma_front.jpg", "caption": "Front", "kind": "photo"}
    ]
    assert context["today"] == TODAY and context["consult_date"] == TODAY
    assert context["walk_in"] is False


def test_findings_carry_plain_words(desk: Desk) -> None:
    context = build_context(desk, seed(desk), content=CONTENT, today=TODAY)
    crowding, deep_bite = context["findings"]
    assert crowding["code"] == "crowding" and crowding["severity_label"] == "Moderate"
    assert crowding["illustration"] == "illustrations/conditions/crowding.svg"
    assert (crowding["what_it_is"], crowding["if_untreated"]) == CONTENT.conditions[
        "crowding"
    ].describe("moderate")
    assert deep_bite["label"] == "Deep bite"


def test_options_and_featured(desk: Desk) -> None:
    context = build_context(desk, seed(desk), content=CONTENT, today=TODAY)
    metal, _clear, aligners = context["options"]
    assert (metal["title"], metal["type"], metal["fee"], metal["months"]) == (
        "Metal braces",
        "metal_braces",
        Decimal("5800.00"),
        24,
    )
    assert metal["lines"] == ["Line one", "Line two"] and metal["recommended"]
    assert metal["icon"] == "illustrations/options/metal_braces.svg"
    assert all(isinstance(o["monthly_from"], Decimal) for o in context["options"])
    assert aligners["monthly_from"] > metal["monthly_from"] > 0
    assert context["recommended"] is metal and context["featured"] is metal
    assert context["chosen"] is None
    assert context["timeline"]["months"] == 24
    assert context["timeline"]["start"] == date(2026, 12, 10)
    assert context["timeline"]["end_label"] == "Dec 2028"


def test_investment_from_the_money_module(desk: Desk) -> None:
    context = build_context(desk, seed(desk), content=CONTENT, today=TODAY)
    investment = context["investment"]
    assert context["insured"] is True
    assert context["insurance"]["carrier"] == "Delta Dental"
    assert investment["fee"] == Decimal("5800.00")
    assert investment["insurance_estimate"] == Decimal("1500.00")  # 50% capped at the max
    assert investment["patient_portion"] == Decimal("4300.00")
    assert context["insurance"]["estimate"] == Decimal("1500.00")
    keys = [c["key"] for c in investment["choices"]]
    assert keys[:2] == ["pay_in_full", "standard"]
    pif = investment["choices"][0]
    assert pif["label"] == "Pay in full" and pif["months"] == 0
    assert pif["total"] == Decimal("4085.00") and pif["savings"] == Decimal("215.00")
    standard = investment["choices"][1]
    assert standard["label"] == "Monthly plan"
    assert standard["down"] == Decimal("860.00") and standard["months"] == 24
    assert standard["down"] + standard["monthly"] * 24 == pytest.approx(Decimal("4300"), abs=1)
    assert not any(c["selected"] for c in investment["choices"])
    for choice in investment["choices"]:
        for key in ("down", "monthly", "total", "savings"):
            assert isinstance(choice[key], Decimal)


def test_uninsured_patient(desk: Desk) -> None:
    context = build_context(desk, seed(desk, insured=False), content=CONTENT, today=TODAY)
    assert context["insured"] is False
    assert context["insurance"]["carrier"] == ""
    assert context["investment"]["insurance_estimate"] == Decimal("0.00")
    assert context["investment"]["patient_portion"] == Decimal("5800.00")


def test_past_the_insurance_age_limit_is_not_insured(desk: Desk) -> None:
    context = build_context(desk, seed(desk, birth=date(1990, 1, 1)), content=CONTENT, today=TODAY)
    assert context["patient"]["age"] == 36 and context["insured"] is False


def test_plan_override_is_selected_with_its_own_figures(desk: Desk) -> None:
    consult_id = seed(desk)
    plan = PaymentPlan(
        "pl",
        consult_id,
        "o3",
        "standard",
        down_cents=100_000,
        months=20,
        apr_pct=Decimal("0"),
        agreement_date=TODAY,
        first_due=None,
        discounts=(Discount("Sibling", percent=Decimal("5")),),
    )
    context = build_context(desk, consult_id, plan, content=CONTENT, today=TODAY)
    assert context["chosen"]["id"] == "o3" and context["featured"]["id"] == "o3"
    assert context["options"][2]["chosen"] and not context["options"][0]["chosen"]
    investment = context["investment"]
    assert investment["option_title"] == "Clear aligners"
    assert investment["discount"] == Decimal("310.00")
    selected = investment["selected"]
    assert selected is not None and selected["key"] == "standard"
    assert selected["down"] == Decimal("1000.00") and selected["months"] == 20
    assert [c["selected"] for c in investment["choices"]].count(True) == 1
    assert context["timeline"]["months"] == 20


def test_custom_plan_is_added_as_your_plan(desk: Desk) -> None:
    consult_id = seed(desk)
    plan = PaymentPlan(
        "pl",
        consult_id,
        "o1",
        "custom",
        down_cents=123_400,
        months=18,
        apr_pct=Decimal("0"),
        agreement_date=TODAY,
        first_due=None,
    )
    desk.consults.add_plan(replace(plan, created_at="2026-11-27T15:10:00+00:00"))
    context = build_context(desk, consult_id, content=CONTENT, today=TODAY)
    last = context["investment"]["choices"][-1]
    assert (last["key"], last["label"], last["selected"]) == ("custom", "Your plan", True)
    assert last["down"] == Decimal("1234.00") and last["months"] == 18


def test_consult_without_options(desk: Desk) -> None:
    consult_id = seed(desk)
    desk.db.execute("DELETE FROM treatment_options")
    context = build_context(desk, consult_id, content=CONTENT, today=TODAY)
    assert context["options"] == [] and context["featured"] is None
    assert context["investment"]["fee"] is None and context["investment"]["choices"] == []
    assert context["timeline"]["phases"] == []
    assert facts_from_context(context)["has_options"] is False


def test_no_private_data_in_the_context(desk: Desk) -> None:
    context = build_context(desk, seed(desk), content=CONTENT, today=TODAY)
    # A finding's note is the doctor's clinical note: in the context for templates,
    # never drawn by the renderer. Coordinator notes and objections never enter.
    without_findings = {k: v for k, v in context.items() if k != "findings"}
    assert MARKER not in repr(without_findings)
    assert "max_courtesy" not in repr(context)
    renderer = Renderer.default()
    for flow in load_flows(flows_dir()).flows.values():
        for slide in renderer.render_deck(flow.steps, context):
            assert MARKER not in repr(slide)


def test_unknown_consult_is_a_user_error(desk: Desk) -> None:
    seed(desk)
    with pytest.raises(UserError, match="No consult"):
        build_context(desk, "nope", content=CONTENT, today=TODAY)


def test_investment_context_directly(desk: Desk) -> None:
    consult_id = seed(desk)
    consult_file = desk.consults.load_file(consult_id)
    patient = desk.patients.get("pa")
    investment, monthly_from = investment_context(desk, consult_file, patient, None)
    assert investment["patient_portion"] == Decimal("4300.00")
    assert set(monthly_from) == {"o1", "o2", "o3"}


def test_context_builds_fast(desk: Desk) -> None:
    consult_id = seed(desk)
    build_context(desk, consult_id, content=CONTENT, today=TODAY)  # warm up
    best = min(
        _timed(lambda: build_context(desk, consult_id, content=CONTENT, today=TODAY))
        for _ in range(5)
    )
    assert best < 0.05, f"{best * 1000:.1f} ms"


def _timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def test_which_option_is_chosen(desk: Desk) -> None:
    consult_id = seed(desk)
    saved = PaymentPlan(
        "pl",
        consult_id,
        "o1",
        "standard",
        down_cents=100_000,
        months=24,
        apr_pct=Decimal("0"),
        agreement_date=TODAY,
        first_due=None,
        created_at="2026-11-27T15:10:00+00:00",
    )
    desk.consults.add_plan(saved)
    assert build_context(desk, consult_id, content=CONTENT, today=TODAY)["chosen"]["id"] == "o1"
    desk.consults.save(replace(desk.consults.get(consult_id), chosen_option_id="o2"))
    context = build_context(desk, consult_id, content=CONTENT, today=TODAY)
    assert context["chosen"]["id"] == "o2" and context["featured"]["id"] == "o2"
    assert context["investment"]["selected"] is None  # the saved plan is for another option
    editing = replace(saved, id="pl2", option_id="o3")
    context = build_context(desk, consult_id, editing, content=CONTENT, today=TODAY)
    assert context["chosen"]["id"] == "o3"
    assert context["investment"]["selected"]["key"] == "standard"
