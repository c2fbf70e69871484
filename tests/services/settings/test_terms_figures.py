"""The practice's figures in the agreement's terms are money rules, not template code.

The extra-month fee, the days before default and the records transfer fee
live in the financial policy (defaults: the numbers the shipped terms always
had), the shipped template reads them, an agreement already made keeps its
bytes, and a saved plan keeps the rules it was quoted under, even one saved
before these rules existed.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from tcdesk.services import agreements
from tcdesk.services.agreement_data import render_agreement
from tcdesk.services.settings import money_rules
from tcdesk.services.settings.terms import preview_terms, shipped_terms
from tcdesk.services.validation import FieldErrors
from tests.services.settings.test_existing_plans_keep_their_figures import _save_a_plan
from tests.services.test_agreements import pdf_text
from tests.services.test_consult_room import ZOE


def _terms(desk) -> str:
    preview = preview_terms(desk, shipped_terms())
    assert preview.ok, preview.problem
    return preview.text


def test_the_defaults_are_the_numbers_the_shipped_terms_had(demo_desk) -> None:
    policy = money_rules.current_policy(demo_desk)
    assert (
        policy.extra_month_fee_cents,
        policy.default_after_days,
        policy.records_transfer_fee_cents,
    ) == (15_000, 60, 5_000)
    terms = _terms(demo_desk)
    assert "may charge $150.00 for each extra month" in terms
    assert "more than 60 days past due" in terms
    assert "Copies of records for another orthodontist cost $50.00." in terms
    assert "{% set" not in shipped_terms()  # no practice figure is written into the template


def test_the_terms_print_the_money_rules(demo_desk) -> None:
    money_rules.update_policy(
        demo_desk,
        {"extra_month_fee": "175", "default_after_days": "90", "records_transfer_fee": "0"},
    )
    terms = _terms(demo_desk)
    assert "may charge $175.00 for each extra month" in terms
    assert "more than 90 days past due" in terms
    assert "Copies of records for another orthodontist are free." in terms
    assert "$150.00" not in terms and "$50.00" not in terms
    money_rules.update_policy(demo_desk, {"extra_month_fee": "0"})
    terms = _terms(demo_desk)
    assert "each extra month" not in terms and "charge for extra months" not in terms
    assert "Repeatedly missed appointments can lengthen treatment." in terms


@pytest.mark.parametrize(
    ("key", "value", "says"),
    [
        ("extra_month_fee", "-5", "The extra month of treatment"),
        ("default_after_days", "0", "The in default after"),
        ("records_transfer_fee", "lots", "The records transfer fee"),
    ],
)
def test_a_bad_figure_is_refused_at_its_field(demo_desk, key, value, says) -> None:
    with pytest.raises(FieldErrors) as refused:
        money_rules.update_policy(demo_desk, {key: value})
    [error] = refused.value.errors
    assert error.field == key and error.message.startswith(says)
    policy = money_rules.current_policy(demo_desk)
    assert (policy.extra_month_fee_cents, policy.default_after_days) == (15_000, 60)
    assert policy.records_transfer_fee_cents == 5_000  # nothing saved


def test_a_made_agreement_keeps_its_bytes_and_a_saved_plan_its_figures(demo_desk) -> None:
    _save_a_plan(demo_desk)
    pending = agreements.prepare_generation(demo_desk, ZOE)
    made = agreements.store_generated(
        demo_desk, pending, agreements.build_pdf(pending), actor_id=None
    )
    money_rules.update_policy(demo_desk, {"extra_month_fee": "300"})
    again = agreements.get(demo_desk, made.id)
    assert again.pdf == made.pdf and agreements.verify(again)
    _data, pdf = render_agreement(demo_desk, ZOE)  # the plan saved before: its own rules
    assert "$150.00 for each extra month" in pdf_text(pdf)
    _save_a_plan(demo_desk)  # quoted again under the new rules
    _data, pdf = render_agreement(demo_desk, ZOE)
    assert "$300.00 for each extra month" in pdf_text(pdf)


def test_a_snapshot_saved_before_these_rules_loads_with_the_defaults(demo_desk) -> None:
    _save_a_plan(demo_desk)
    plan = demo_desk.consults.latest_plan(ZOE)
    old = json.loads(demo_desk.db.execute(
        "SELECT policy FROM payment_plans WHERE id = ?", [plan.id]
    ).fetchone()[0])  # fmt: skip
    for key in ("extra_month_fee_cents", "default_after_days", "records_transfer_fee_cents"):
        del old[key]  # as an issue 9 store wrote it
    with demo_desk.transaction():
        demo_desk.db.execute(
            "UPDATE payment_plans SET policy = ? WHERE id = ?", [json.dumps(old), plan.id]
        )
    money_rules.update_policy(demo_desk, {"extra_month_fee": "300", "default_after_days": "30"})
    loaded = demo_desk.consults.latest_plan(ZOE).policy
    assert (loaded.extra_month_fee_cents, loaded.default_after_days) == (15_000, 60)
    assert loaded.records_transfer_fee_cents == 5_000
    assert loaded.late_fee_cents == plan.policy.late_fee_cents  # the rest as saved
    data, pdf = render_agreement(demo_desk, ZOE)
    assert data.extra_month_fee == Decimal("150.00") and data.default_after_days == 60
    text = pdf_text(pdf)
    assert "$150.00 for each extra month" in text and "more than 60 days past due" in text
