from datetime import date
from decimal import Decimal

import pytest

from tcdesk.money import (
    FORGONE_DISCOUNT_WARNING,
    Adjustment,
    DiscountKind,
    MoneyInputError,
    PlanKind,
    PolicyLimit,
    PolicyLimits,
    QuoteRequest,
    RemainderPlacement,
    check_policy,
)

D = Decimal
LIMITS = PolicyLimits(min_down_percent=D(20), max_months=24, pif_discount_percent=D(5))


def _request(**changes) -> QuoteRequest:
    values = {
        "total_fee": D("5000.00"),
        "agreement_date": date(2025, 1, 15),
        "down_payment": D("1000.00"),
        "months": 24,
    }
    values.update(changes)
    return QuoteRequest(**values)


def test_a_plan_within_the_policy_breaks_nothing() -> None:
    assert check_policy(_request(), LIMITS) == ()


def test_down_payment_below_the_percent_minimum() -> None:
    (violation,) = check_policy(_request(down_payment=D(100)), LIMITS)
    assert violation.limit is PolicyLimit.MIN_DOWN_PAYMENT
    assert violation.field == "down_payment"
    assert violation.message == (
        "Down payment $100.00 is below the practice minimum of $1,000.00 "
        "(20% of the patient portion)."
    )


def test_down_payment_below_the_amount_minimum() -> None:
    limits = PolicyLimits(min_down_percent=D(10), min_down_amount=D(1000))
    (violation,) = check_policy(_request(down_payment=D(600)), limits)
    assert violation.message == (
        "Down payment $600.00 is below the practice minimum of $1,000.00 "
        "(the practice's minimum amount)."
    )


def test_low_down_payment_option_lowers_the_floor() -> None:
    limits = PolicyLimits(min_down_percent=D(20), low_down_amount=D(250))
    assert check_policy(_request(down_payment=D(250)), limits) == ()
    (violation,) = check_policy(_request(down_payment=D(100)), limits)
    assert violation.message == (
        "Down payment $100.00 is below the practice minimum of $250.00 "
        "(the low down payment option)."
    )


def test_minimum_is_on_the_patient_portion_after_insurance() -> None:
    from tcdesk.money import InsurancePlan

    request = _request(down_payment=D(700), primary_insurance=InsurancePlan(coverage_percent=D(50)))
    assert check_policy(request, LIMITS) == ()  # 20% of 2,500.00 is 500.00


def test_every_broken_limit_is_listed() -> None:
    limits = PolicyLimits(
        min_down_percent=D(20),
        max_months=24,
        apr_percent=D(5),
        pif_discount_percent=D(5),
        family_discount_percent=D(5),
    )
    request = _request(
        down_payment=D(0),
        months=36,
        pif_discount_percent=D(10),
        adjustments=(Adjustment.percent_off("Sibling", D(10), DiscountKind.FAMILY),),
    )
    messages = {v.limit: v.message for v in check_policy(request, limits)}
    assert messages == {
        PolicyLimit.PIF_DISCOUNT: "A pay-in-full discount of 10% is more than the practice's 5%.",
        PolicyLimit.FAMILY_DISCOUNT: (
            "A family discount of $500.00 is more than the practice's $250.00."
        ),
        PolicyLimit.MIN_DOWN_PAYMENT: (
            "Down payment $0.00 is below the practice minimum of $900.00 "
            "(20% of the patient portion)."
        ),
        PolicyLimit.MAX_MONTHS: "36 monthly payments is more than the practice maximum of 24.",
        PolicyLimit.APR: "An APR of 0% is below the practice rate of 5%.",
    }


def test_pay_in_full_is_checked_for_discounts_only() -> None:
    request = _request(plan=PlanKind.PAY_IN_FULL, months=0, down_payment=D(0))
    assert check_policy(request, LIMITS) == ()


def test_apply_to_copies_the_policy_settings() -> None:
    limits = PolicyLimits(
        apr_percent=D("4.9"),
        remainder=RemainderPlacement.LAST,
        pif_discount_percent=D(3),
        pif_discount_is_finance_charge=False,
    )
    request = limits.apply_to(_request())
    assert request.apr_percent == D("4.9")
    assert request.remainder is RemainderPlacement.LAST
    assert request.pif_discount_percent == D(3)
    assert request.pif_discount_is_finance_charge is False


def test_warning_only_when_the_forgone_discount_is_not_a_finance_charge() -> None:
    assert LIMITS.warning is None
    off = PolicyLimits(pif_discount_percent=D(5), pif_discount_is_finance_charge=False)
    assert off.warning == FORGONE_DISCOUNT_WARNING
    assert PolicyLimits(pif_discount_is_finance_charge=False).warning is None  # no discount


def test_family_adjustment_from_the_policy() -> None:
    adjustment = PolicyLimits(family_discount_amount=D(300)).family_adjustment("Sibling")
    assert adjustment == Adjustment.amount_off("Sibling", D(300), DiscountKind.FAMILY)
    assert PolicyLimits().family_adjustment() is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"min_down_percent": D(120)}, "min_down_percent"),
        ({"min_down_amount": D(-1)}, "min_down_amount"),
        ({"max_months": 0}, "max_months"),
        ({"max_months": 121}, "max_months"),
        ({"apr_percent": D(-2)}, "apr_percent"),
        ({"low_down_amount": D(-250)}, "low_down_amount"),
    ],
)
def test_impossible_policies_are_refused(changes: dict, field: str) -> None:
    with pytest.raises(MoneyInputError) as error:
        PolicyLimits(**changes)
    assert error.value.field == field


def test_extended_plans_carry_their_own_apr() -> None:
    limits = PolicyLimits(
        min_down_percent=D(20),
        max_months=24,
        extended_max_months=36,
        extended_apr_percent=D("6.9"),
    )
    assert limits.longest_months == 36
    assert limits.apr_for(24) == 0 and limits.apr_for(30) == D("6.9")
    ok = _request(down_payment=D(1000), months=24)
    assert check_policy(ok, limits) == ()
    too_cheap = _request(down_payment=D(1000), months=36)
    messages = [v.message for v in check_policy(too_cheap, limits)]
    assert messages == [
        "An APR of 0% is below the practice rate of 6.9% for plans longer than 24 months."
    ]
    assert (
        check_policy(_request(down_payment=D(1000), months=36, apr_percent=D("6.9")), limits) == ()
    )
    beyond = {
        v.limit
        for v in check_policy(_request(down_payment=D(1000), months=48, apr_percent=D(7)), limits)
    }
    assert beyond == {PolicyLimit.MAX_MONTHS}
