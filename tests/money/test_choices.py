from datetime import date
from decimal import Decimal

from tcdesk.money import (
    InsurancePlan,
    PlanKind,
    PolicyLimits,
    QuoteRequest,
    check_policy,
    payment_choices,
)

D = Decimal
BASE = QuoteRequest(
    total_fee=D("5997.00"), agreement_date=date(2025, 1, 15), plan=PlanKind.PAY_IN_FULL
)
LIMITS = PolicyLimits(
    min_down_percent=D(20), max_months=30, pif_discount_percent=D(5), low_down_amount=D(250)
)


def test_four_choices_side_by_side() -> None:
    choices = payment_choices(BASE, LIMITS, treatment_months=24)
    assert [c.key for c in choices] == ["pay_in_full", "standard", "low_down", "extended"]
    assert [c.label for c in choices] == [
        "Pay in full",
        "Standard plan",
        "Low down payment",
        "Extended plan",
    ]
    pif, standard, low, extended = choices
    assert (pif.down_payment, pif.months, pif.monthly_payment) == (D("5697.15"), 0, D(0))
    assert pif.total_paid == D("5697.15") and pif.finance_charge == 0
    assert standard.down_payment == D("1200.00")  # 20% is 1,199.40, rounded up to dollars
    assert standard.months == 24
    assert standard.monthly_payment == D("199.87")  # 4,797.00 / 24 = 199.875
    assert standard.finance_charge == D("299.85")  # the 5% given up
    assert standard.total_paid == D("5997.00")
    assert (low.down_payment, low.months) == (D("250.00"), 24)  # same months, higher monthly
    assert (extended.down_payment, extended.months) == (D("1200.00"), 30)
    assert low.monthly_payment > extended.monthly_payment
    for choice in choices:
        assert choice.quote.down_payment == choice.down_payment
        assert choice.quote.months == choice.months
        assert check_policy(choice.quote.request, LIMITS) == ()


def test_choices_are_deterministic() -> None:
    assert payment_choices(BASE, LIMITS, 24) == payment_choices(BASE, LIMITS, 24)


def test_two_choices_without_low_down_or_extra_months() -> None:
    limits = PolicyLimits(min_down_percent=D(20), max_months=24, pif_discount_percent=D(5))
    choices = payment_choices(BASE, limits, treatment_months=24)
    assert [c.key for c in choices] == ["pay_in_full", "standard"]


def test_treatment_longer_than_the_policy_uses_the_policy_maximum() -> None:
    limits = PolicyLimits(min_down_percent=D(20), max_months=18)
    choices = payment_choices(BASE, limits, treatment_months=24)
    assert [(c.key, c.months) for c in choices] == [("pay_in_full", 0), ("standard", 18)]


def test_policy_apr_is_used_in_every_plan() -> None:
    limits = PolicyLimits(min_down_percent=D(20), max_months=24, apr_percent=D(6))
    standard = payment_choices(BASE, limits, treatment_months=24)[1]
    assert standard.quote.request.apr_percent == D(6)
    assert standard.finance_charge == standard.quote.truth_in_lending.interest > 0


def test_fully_insured_patient_is_offered_pay_in_full_only() -> None:
    insured = QuoteRequest(
        total_fee=D("3000.00"),
        agreement_date=date(2025, 1, 15),
        plan=PlanKind.PAY_IN_FULL,
        primary_insurance=InsurancePlan(coverage_percent=D(100)),
    )
    (only,) = payment_choices(insured, LIMITS, treatment_months=12)
    assert only.key == "pay_in_full" and only.total_paid == D("0.00")
    assert only.quote.insurance[0].payments  # insurer schedule over the 12 treatment months


def test_extended_choice_uses_the_extended_apr() -> None:
    limits = PolicyLimits(
        min_down_percent=D(20),
        max_months=24,
        extended_max_months=36,
        extended_apr_percent=D("6.9"),
        pif_discount_percent=D(5),
        low_down_amount=D(250),
    )
    choices = {c.key: c for c in payment_choices(BASE, limits, treatment_months=24)}
    assert set(choices) == {"pay_in_full", "standard", "low_down", "extended"}
    assert choices["standard"].quote.request.apr_percent == 0
    assert choices["low_down"].months == 24
    extended = choices["extended"]
    assert extended.months == 36 and extended.quote.request.apr_percent == D("6.9")
    assert extended.quote.truth_in_lending.interest > 0
    assert extended.monthly_payment < choices["standard"].monthly_payment
