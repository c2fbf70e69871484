"""``tcdesk plan``: the family's choice of treatment and way to pay, then the agreement.

The family prefers Spanish; the agreements here are asked for in English
(``--lang en``), whose words these tests read. The practice is set up through
services (tests/services/plan_seed.py), never the demo. The figures are checked
against quotes built here by hand through ``tcdesk.money`` from the facts entered
(fee, insurance, the practice's policy).
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest

from tcdesk.cli import main
from tcdesk.domain import PaymentPlan
from tcdesk.formatting import money_from_dollars, rate_percent
from tcdesk.money import (
    InsurancePlan,
    PlanKind,
    QuoteRequest,
    RemainderPlacement,
    build_quote,
)
from tcdesk.services import agreements
from tcdesk.services.desk import Desk
from tests.services.plan_seed import NOW, TODAY, Seeded, seed_practice

# What Zoë's file says (tests/intake_practice.TEEN): 50% up to $1,500, $250 used, to 19.
DELTA = InsurancePlan(
    coverage_percent=Decimal(50),
    lifetime_max=Decimal(1500),
    used=Decimal(250),
    age_limit=19,
    initial_payment_percent=Decimal(25),
)
FIRST_OF_JANUARY = date(2027, 1, 1)  # the console's "1st of the month", about a month on


@pytest.fixture
def seeded(empty_store: Path) -> tuple[Path, Seeded]:
    desk, ids = seed_practice(empty_store)
    desk.close()
    return empty_store, ids


def run(store: Path, capsys, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--db", str(store)], clock=lambda: NOW)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_json(store: Path, capsys, *argv: str) -> dict:
    code, out, err = run(store, capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def policy(store: Path):
    desk = Desk.open(store, clock=lambda: NOW)
    try:
        return desk.practices.policy(desk.practice().id)
    finally:
        desk.close()


def by_hand(store: Path, fee: int, **plan) -> object:
    """The quote of Zoë's plan, from the entered facts and the practice's own policy."""
    rules = policy(store)
    request = QuoteRequest(
        total_fee=Decimal(fee),
        agreement_date=TODAY,
        apr_percent=plan.pop("apr_percent", rules.apr_pct),
        pif_discount_percent=rules.pif_discount_pct,
        remainder=RemainderPlacement(rules.remainder.value),
        primary_insurance=DELTA,
        patient_birth_date=date(2012, 3, 4),
        **plan,
    )
    return build_quote(request)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def plan_rows(store: Path) -> int:
    """How many plans the file holds (every save is a new row)."""
    desk = Desk.open(store, clock=lambda: NOW)
    try:
        return len(desk.records.where("payment_plans", PaymentPlan, "1 = 1", []))
    finally:
        desk.close()


# -- show -------------------------------------------------------------------------------


def test_show_lists_options_and_the_consoles_choices_with_their_figures(seeded, capsys) -> None:
    store, ids = seeded
    shown = run_json(store, capsys, "plan", "show", ids.consult_id)
    assert [(o["type"], o["fee"], o["recommended"], o["chosen"]) for o in shown["options"]] == [
        ("metal_braces", "5600.00", False, False),
        ("clear_aligners", "5900.00", True, False),
    ]
    assert shown["option_id"] == ids.aligners_id  # nothing chosen yet: the recommended one
    assert shown["insurance_estimate"] == "1250.00" and shown["patient_portion"] == "4650.00"
    assert [c["key"] for c in shown["choices"]] == [
        "pay_in_full",
        "standard",
        "low_down",
        "extended",
    ]
    rules = policy(store)
    standard = by_hand(
        store,
        5900,
        down_payment=Decimal(930),  # 20% of the $4,650 portion
        months=18,
        treatment_months=18,
    )
    got = shown["choices"][1]
    assert got["label"] == "Monthly plan"  # the practice's words for it, as on the console
    assert (got["down_payment"], got["months"], got["monthly_payment"]) == (
        "930.00",
        18,
        f"{standard.monthly_payment:.2f}",
    )
    assert got["apr"] == f"{standard.truth_in_lending.apr:.2f}"
    assert got["finance_charge"] == f"{standard.truth_in_lending.finance_charge:.2f}"
    assert got["total_of_payments"] == f"{standard.truth_in_lending.total_of_payments:.2f}"
    pif = shown["choices"][0]
    portion = Decimal("4650.00")
    assert pif["months"] == 0 and pif["monthly_payment"] is None and pif["apr"] is None
    assert Decimal(pif["amount_due"]) == portion - portion * rules.pif_discount_pct / 100
    low = shown["choices"][2]
    assert Decimal(low["down_payment"]) == Decimal(rules.low_down_cents) / 100
    assert shown["choices"][3]["months"] == rules.extended_max_months
    assert shown["saved_plan"] is None
    assert shown["agreement"].startswith("No agreement yet")


def test_show_as_text_and_for_another_option(seeded, capsys) -> None:
    store, ids = seeded
    code, text, _ = run(store, capsys, "plan", "show", ids.consult_id)
    assert code == 0
    assert "★ Clear aligners" in text and "Payment choices for Clear aligners" in text
    assert "Plan saved now: none yet" in text
    assert "Insurance estimate * -$1,250.00" in text
    shown = run_json(store, capsys, "plan", "show", ids.consult_id, "--option", "metal_braces")
    assert shown["option_id"] == ids.braces_id and shown["patient_portion"] == "4350.00"


# -- choose, each kind ----------------------------------------------------------------------


def test_choose_a_standard_plan_and_the_agreement_says_the_same(seeded, capsys, tmp_path) -> None:
    store, ids = seeded
    made = run_json(
        store, capsys, "plan", "choose", ids.consult_id, "--option", "clear_aligners",
        "--choice", "standard",
    )  # fmt: skip
    plan = made["plan"]
    expected = by_hand(
        store,
        5900,
        down_payment=Decimal(930),
        months=18,
        treatment_months=18,
        first_due=FIRST_OF_JANUARY,
    )
    til = expected.truth_in_lending
    assert plan["key"] == "standard" and plan["option_id"] == ids.aligners_id
    assert plan["first_due"] == FIRST_OF_JANUARY.isoformat()
    assert plan["total_fee"] == "5900.00"
    assert plan["down_payment"] == f"{expected.down_payment:.2f}" == "930.00"
    assert plan["monthly_payment"] == f"{expected.monthly_payment:.2f}"
    assert plan["apr"] == f"{til.apr:.2f}"
    assert plan["finance_charge"] == f"{til.finance_charge:.2f}"
    assert plan["amount_financed"] == f"{til.amount_financed:.2f}"
    assert plan["total_of_payments"] == f"{til.total_of_payments:.2f}"
    assert plan["total_sale_price"] == f"{til.total_sale_price:.2f}"
    assert [p["amount"] for p in plan["payments"]] == [f"{p.amount:.2f}" for p in expected.payments]
    # The agreement of record, from the practice's own terms, says those very figures.
    pdf = tmp_path / "agreement.pdf"
    code, _out, err = run(
        store, capsys, "agreement", "--consult", ids.consult_id, "--out", str(pdf), "--lang", "en"
    )
    assert code == 0, err
    text = pdf_text(pdf)
    assert "TRUTH IN LENDING DISCLOSURES" in text
    for figure in (
        money_from_dollars(Decimal(plan["total_fee"])),
        f"Down payment of {money_from_dollars(Decimal(plan['down_payment']))}",
        f"18 monthly payments of {money_from_dollars(Decimal(plan['monthly_payment']))}",
        rate_percent(Decimal(plan["apr"])),
        money_from_dollars(Decimal(plan["finance_charge"])),
        money_from_dollars(Decimal(plan["amount_financed"])),
        money_from_dollars(Decimal(plan["total_of_payments"])),
        money_from_dollars(Decimal(plan["total_sale_price"])),
    ):
        assert figure in text, figure
    assert money_from_dollars(til.apr) != "0.00%"  # the forgone discount is disclosed


def test_choose_pay_in_full_and_the_agreement_has_no_lending_box(seeded, capsys, tmp_path) -> None:
    store, ids = seeded
    made = run_json(
        store, capsys, "plan", "choose", ids.consult_id, "--option", ids.braces_id,
        "--pay-in-full",
    )  # fmt: skip
    plan = made["plan"]
    expected = by_hand(store, 5600, plan=PlanKind.PAY_IN_FULL, treatment_months=24)
    assert plan["key"] == "pay_in_full" and plan["months"] == 0
    assert plan["amount_due"] == plan["due_at_signing"] == f"{expected.total_paid:.2f}"
    assert plan["pay_in_full_discount"]["amount"] == f"{expected.pay_in_full_discount.amount:.2f}"
    pdf = tmp_path / "a.pdf"
    assert (
        run(
            store,
            capsys,
            "agreement",
            "--consult",
            ids.consult_id,
            "--out",
            str(pdf),
            "--lang",
            "en",
        )[0]
        == 0
    )
    text = pdf_text(pdf)
    assert f"Paid in full: {money_from_dollars(expected.total_paid)}" in text
    assert "TRUTH IN LENDING" not in text
    shown = run_json(store, capsys, "plan", "show", ids.consult_id)
    assert shown["option_id"] == ids.braces_id
    assert [o["chosen"] for o in shown["options"]] == [True, False]
    assert shown["saved_plan"]["id"] == plan["id"] and shown["saved_plan"]["key"] == "pay_in_full"
    assert "still says this plan" in shown["agreement"]


def test_choose_low_down_extended_and_own_figures(seeded, capsys) -> None:
    store, ids = seeded
    rules = policy(store)
    low = run_json(
        store, capsys, "plan", "choose", ids.consult_id, "--option", "clear_aligners",
        "--choice", "low_down",
    )["plan"]  # fmt: skip
    assert Decimal(low["down_payment"]) == Decimal(rules.low_down_cents) / 100
    extended = run_json(
        store, capsys, "plan", "choose", ids.consult_id, "--option", "clear_aligners",
        "--choice", "extended", "--first-due", "2027-01-15",
    )["plan"]  # fmt: skip
    assert extended["months"] == rules.extended_max_months
    assert extended["payments"][0]["due"] == "2027-01-15"
    own = run_json(
        store, capsys, "plan", "choose", ids.consult_id, "--option", "clear_aligners",
        "--down", "1,000", "--months", "12", "--apr", "4.5",
    )["plan"]  # fmt: skip
    expected = by_hand(
        store,
        5900,
        down_payment=Decimal(1000),
        months=12,
        treatment_months=18,
        first_due=FIRST_OF_JANUARY,
        apr_percent=Decimal("4.5"),
    )
    assert own["key"] == "custom" and own["label"] == "Your plan"
    assert own["monthly_payment"] == f"{expected.monthly_payment:.2f}"
    assert own["apr"] == f"{expected.truth_in_lending.apr:.2f}"
    assert plan_rows(store) == 3  # each choice is a new row; the history is kept


def test_a_discount_is_taken_and_printed(seeded, capsys) -> None:
    store, ids = seeded
    plan = run_json(
        store, capsys, "plan", "choose", ids.consult_id, "--option", "clear_aligners",
        "--choice", "standard", "--discount", "Educator courtesy:250",
    )["plan"]  # fmt: skip
    assert plan["discounts"] == [{"name": "Educator courtesy", "amount": "250.00"}]
    assert plan["patient_portion"] == "4400.00"
    # With another discount the pay-in-full discount does not stack: nothing given up.
    assert plan["apr"] == "0.00" and plan["finance_charge"] == "0.00"


def test_a_plan_outside_the_policy_is_kept_with_its_reason(seeded, capsys) -> None:
    store, ids = seeded
    plan = run_json(
        store, capsys, "plan", "choose", ids.consult_id, "--option", "clear_aligners",
        "--down", "100", "--months", "18", "--over-limit-reason", "Grandparent pays in March",
    )["plan"]  # fmt: skip
    assert plan["over_limit_reason"] == "Grandparent pays in March"
    assert (
        plan["policy_exceptions"] and "below the practice minimum" in plan["policy_exceptions"][0]
    )
    desk = Desk.open(store, clock=lambda: NOW)
    try:
        saved = desk.consults.latest_plan(ids.consult_id)
        assert saved.policy == desk.practices.policy(desk.practice().id)  # the snapshot
        actions = [row["action"] for row in desk.audit.for_subject(ids.consult_id)]
    finally:
        desk.close()
    assert "plan_chosen" in actions and "plan_over_limit" in actions


def test_text_output_is_the_quote_commands(seeded, capsys) -> None:
    store, ids = seeded
    code, out, _ = run(
        store, capsys, "plan", "choose", ids.consult_id, "--option", "clear_aligners",
        "--choice", "standard",
    )  # fmt: skip
    assert code == 0
    assert out.startswith("Saved: Monthly plan for Clear aligners (plan ")
    assert "Truth in Lending disclosure (12 CFR 1026.18): required" in out
    assert "Annual percentage rate" in out and "No agreement yet" in out


# -- refusals: one line, exit 2, nothing saved ------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("--option", "nope", "--pay-in-full"), 'This consult has no option "nope"'),
        (("--option", "clear_aligners", "--down", "100", "--months", "18"), "give a reason"),
        (("--option", "clear_aligners", "--down", "1000", "--months", "48"), "practice maximum"),
        (("--option", "clear_aligners", "--down", "1000", "--months", "200"), "more than 120"),
        (("--option", "clear_aligners", "--down", "-5", "--months", "18"), "--down: The down"),
        (("--option", "clear_aligners", "--down", "1000"), "Give both --down"),
        (("--option", "clear_aligners"), "Say how the family pays"),
        (("--option", "clear_aligners", "--pay-in-full", "--apr", "3"), "leave out --apr"),
        (
            ("--option", "clear_aligners", "--choice", "standard", "--months", "12"),
            "leave out --down and --months",
        ),
        (
            ("--option", "clear_aligners", "--choice", "standard", "--over-limit-reason", "x"),
            "within the practice's policy",
        ),
        (
            ("--option", "clear_aligners", "--down", "1000", "--months", "18", "--apr", "40"),
            "above the 36% any plan may carry",
        ),
        (("--option", "clear_aligners", "--pay-in-full", "--discount", "Oops"), '"Name:10%"'),
        (
            ("--option", "clear_aligners", "--choice", "standard", "--first-due", "2027-02-30"),
            "not a real date",
        ),
    ],
)
def test_bad_input_is_one_line_and_saves_nothing(seeded, capsys, argv, words) -> None:
    store, ids = seeded
    code, out, err = run(store, capsys, "plan", "choose", ids.consult_id, *argv)
    assert code == 2 and out == ""
    assert err.startswith("tcdesk: ") and err.count("\n") == 1
    assert words in err
    assert plan_rows(store) == 0


def test_an_unknown_consult_is_refused(seeded, capsys) -> None:
    store, _ids = seeded
    code, _out, err = run(store, capsys, "plan", "show", "no-such")
    assert code == 2 and "No consult with id no-such" in err


# -- an agreement already signed ---------------------------------------------------------------


def test_a_new_plan_after_a_signed_agreement_needs_a_new_version(seeded, capsys, tmp_path) -> None:
    """The signed version stays exactly as signed; the new plan is a new version to sign."""
    store, ids = seeded
    run_json(
        store, capsys, "plan", "choose", ids.consult_id, "--option", "clear_aligners",
        "--choice", "standard",
    )  # fmt: skip
    first = tmp_path / "v1.pdf"
    assert (
        run(
            store,
            capsys,
            "agreement",
            "--consult",
            ids.consult_id,
            "--out",
            str(first),
            "--lang",
            "en",
        )[0]
        == 0
    )
    desk = Desk.open(store, clock=lambda: NOW)
    try:
        signed = agreements.latest(desk, ids.consult_id).agreement
        agreements.mark_signed_on_paper(desk, signed.id, None)
    finally:
        desk.close()
    made = run_json(
        store, capsys, "plan", "choose", ids.consult_id, "--option", "clear_aligners",
        "--choice", "extended",
    )  # fmt: skip
    assert "is signed and stays exactly as signed" in made["agreement"]
    assert "needs a new version with new signatures" in made["agreement"]
    second = tmp_path / "v2.pdf"
    code, _out, err = run(
        store,
        capsys,
        "agreement",
        "--consult",
        ids.consult_id,
        "--out",
        str(second),
        "--lang",
        "en",
    )
    assert code == 0 and "version 2, new" in err
    text = pdf_text(second)
    assert (
        f"monthly payments of {money_from_dollars(Decimal(made['plan']['monthly_payment']))}"
        in text
    )
    desk = Desk.open(store, clock=lambda: NOW)
    try:
        history = agreements.history(desk, ids.consult_id)
        assert [r.status.value for r in history] == ["signed", "generated"]
        assert history[0].agreement.sha256 == signed.sha256  # untouched
    finally:
        desk.close()


def test_an_option_with_no_fee_is_recorded_without_a_plan(seeded, capsys) -> None:
    store, ids = seeded
    desk = Desk.open(store, clock=lambda: NOW)
    try:
        from tcdesk.services.consult_options import add_option

        watch = add_option(desk, ids.consult_id, "observation").changed
    finally:
        desk.close()
    made = run_json(store, capsys, "plan", "choose", ids.consult_id, "--option", watch.id)
    assert made == {"consult_id": ids.consult_id, "option_id": watch.id, "plan": None}
    code, _out, err = run(
        store, capsys, "plan", "choose", ids.consult_id, "--option", watch.id, "--pay-in-full"
    )
    assert code == 2 and "has no fee" in err
    assert plan_rows(store) == 0
