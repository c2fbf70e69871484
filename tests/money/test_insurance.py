from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tcdesk.money import (
    INSURANCE_DISCLAIMER,
    InsuranceLimit,
    InsurancePlan,
    InsurerFrequency,
    MoneyInputError,
    PlanKind,
    QuoteRequest,
    age_on,
    build_quote,
    covered_on,
    estimate_insurance,
    insurer_payments,
)

D = Decimal
START = date(2025, 9, 2)


def _estimate(plan: InsurancePlan, fee: str = "6000.00", secondary=None, born=None):
    return estimate_insurance(
        D(fee), plan, secondary, birth_date=born, start=START, treatment_months=24
    )


def test_insured_teen_hits_the_lifetime_maximum() -> None:
    plan = InsurancePlan(coverage_percent=D(50), lifetime_max=D(1500), age_limit=19)
    (estimate,) = _estimate(plan, born=date(2011, 4, 12))
    assert estimate.amount == D("1500.00")  # 50% of 6,000 would be 3,000
    assert estimate.limited_by is InsuranceLimit.LIFETIME_MAXIMUM
    assert estimate.disclaimer == INSURANCE_DISCLAIMER
    initial, *installments = estimate.payments
    assert initial.initial and initial.due == START and initial.amount == D("375.00")
    assert len(installments) == 24
    assert installments[0].amount == D("46.99")  # 1,125.00 / 24 = 46.87 r 12 cents
    assert {p.amount for p in installments[1:]} == {D("46.87")}
    assert installments[0].due == date(2025, 10, 2)
    assert installments[-1].due == date(2027, 9, 2)
    assert sum(p.amount for p in estimate.payments) == D("1500.00")


def test_already_used_benefit_lowers_the_cap() -> None:
    plan = InsurancePlan(coverage_percent=D(50), lifetime_max=D(1500), used=D(1200))
    (estimate,) = _estimate(plan)
    assert estimate.amount == D("300.00")


def test_patient_past_the_age_limit_gets_no_estimate() -> None:
    plan = InsurancePlan(coverage_percent=D(50), lifetime_max=D(2000), age_limit=19)
    # turned 20 on 2025-03-10, before the start
    (estimate,) = _estimate(plan, born=date(2005, 3, 10))
    assert estimate.amount == D("0.00")
    assert estimate.limited_by is InsuranceLimit.AGE_LIMIT
    assert estimate.payments == ()


def test_age_limit_means_covered_through_that_age() -> None:
    born = date(2006, 9, 3)  # 18 on START, 19 the next day
    assert age_on(born, START) == 18
    assert covered_on(born, 19, date(2026, 9, 2))  # still 19
    assert covered_on(born, 19, date(2025, 9, 3))  # turns 19: covered
    assert not covered_on(born, 19, date(2026, 9, 3))  # turns 20: not covered
    assert covered_on(born, None, date(2090, 1, 1))


def test_leap_day_birthday_turns_over_on_march_first() -> None:
    born = date(2008, 2, 29)
    assert age_on(born, date(2027, 2, 28)) == 18
    assert age_on(born, date(2027, 3, 1)) == 19


def test_age_limit_needs_a_birth_date() -> None:
    plan = InsurancePlan(coverage_percent=D(50), age_limit=19)
    with pytest.raises(MoneyInputError) as error:
        _estimate(plan)
    assert error.value.field == "birth_date"


def test_secondary_plan_pays_its_percent_up_to_its_own_maximum() -> None:
    primary = InsurancePlan(coverage_percent=D(50), lifetime_max=D(1500))
    secondary = InsurancePlan(coverage_percent=D(50), lifetime_max=D(2000))
    first, second = _estimate(primary, fee="5000.00", secondary=secondary)
    assert first.amount == D("1500.00")
    assert second.amount == D("2000.00")
    assert second.limited_by is InsuranceLimit.LIFETIME_MAXIMUM


def test_two_plans_never_pay_more_than_the_fee() -> None:
    primary = InsurancePlan(coverage_percent=D(80))
    secondary = InsurancePlan(coverage_percent=D(50))
    first, second = _estimate(primary, fee="5000.00", secondary=secondary)
    assert first.amount == D("4000.00")
    assert second.amount == D("1000.00")
    assert second.limited_by is InsuranceLimit.REMAINING_FEE


def test_insurance_is_estimated_on_the_fee_after_discounts_in_a_quote() -> None:
    from tcdesk.money import Adjustment, DiscountKind

    quote = build_quote(
        QuoteRequest(
            total_fee=D("6000.00"),
            agreement_date=START,
            plan=PlanKind.PAY_IN_FULL,
            adjustments=(Adjustment.percent_off("Sibling", D(10), DiscountKind.FAMILY),),
            primary_insurance=InsurancePlan(coverage_percent=D(50)),
            treatment_months=24,
        )
    )
    assert quote.fee_after_discounts == D("5400.00")
    assert quote.insurance_estimate == D("2700.00")
    assert quote.patient_portion == D("2700.00")
    assert quote.insurance_disclaimer == INSURANCE_DISCLAIMER


def test_quarterly_insurer_payments() -> None:
    payments = insurer_payments(D("1500.00"), START, 20, InsurerFrequency.QUARTERLY, D(25))
    assert payments[0].amount == D("375.00")
    assert len(payments) == 1 + 6  # every third month of 20: months 3..18
    assert payments[1].due == date(2025, 12, 2)
    assert payments[-1].due == date(2027, 3, 2)
    assert sum(p.amount for p in payments) == D("1500.00")


def test_secondary_errors_name_the_secondary_fields() -> None:
    with pytest.raises(MoneyInputError) as error:
        QuoteRequest(
            total_fee=D(5000),
            agreement_date=START,
            months=12,
            primary_insurance=InsurancePlan(coverage_percent=D(50)),
            secondary_insurance=InsurancePlan(coverage_percent=D(150)),
        )
    assert error.value.field == "secondary_coverage"
    assert "Secondary insurance coverage can't be more than 100%" in str(error.value)


@pytest.mark.parametrize(
    ("plan", "field", "words"),
    [
        (InsurancePlan(coverage_percent=D(-1)), "coverage", "can't be negative"),
        (InsurancePlan(coverage_percent=D(101)), "coverage", "more than 100%"),
        (InsurancePlan(coverage_percent=D(50), lifetime_max=D(-5)), "insurance_max", "negative"),
        (
            InsurancePlan(coverage_percent=D(50), lifetime_max=D(1000), used=D(1200)),
            "insurance_used",
            "more than its lifetime maximum",
        ),
        (
            InsurancePlan(coverage_percent=D(50), initial_payment_percent=D(120)),
            "insurance_initial",
            "between 0% and 100%",
        ),
    ],
)
def test_bad_insurance_inputs_each_have_their_own_message(
    plan: InsurancePlan, field: str, words: str
) -> None:
    with pytest.raises(MoneyInputError) as error:
        plan.checked()
    assert error.value.field == field
    assert words in str(error.value)


@given(
    cents=st.integers(min_value=0, max_value=500_000),
    months=st.integers(min_value=1, max_value=60),
    initial=st.integers(min_value=0, max_value=100),
    frequency=st.sampled_from(InsurerFrequency),
)
def test_insurer_payments_add_up_to_the_estimate_exactly(
    cents: int, months: int, initial: int, frequency: InsurerFrequency
) -> None:
    amount = D(cents) / 100
    payments = insurer_payments(amount, START, months, frequency, D(initial))
    assert sum((p.amount for p in payments), D(0)) == amount
    assert all(p.amount > 0 for p in payments)
    assert [p.due for p in payments] == sorted(p.due for p in payments)
