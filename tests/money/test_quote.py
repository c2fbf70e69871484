from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tcdesk.money import (
    Adjustment,
    DiscountKind,
    InsurancePlan,
    MoneyInputError,
    PlanKind,
    QuoteRequest,
    RemainderPlacement,
    build_quote,
)

D = Decimal
AGREED = date(2025, 1, 15)


def _request(**changes) -> QuoteRequest:
    values = {"total_fee": D("5000.00"), "agreement_date": AGREED, "months": 24}
    values.update(changes)
    return QuoteRequest(**values)


def test_pay_in_full_takes_the_discount_on_the_patient_portion() -> None:
    quote = build_quote(
        _request(
            plan=PlanKind.PAY_IN_FULL,
            months=0,
            pif_discount_percent=D(5),
            adjustments=(Adjustment.amount_off("Courtesy", D(200)),),
            primary_insurance=InsurancePlan(coverage_percent=D(50), lifetime_max=D(1500)),
            treatment_months=24,
        )
    )
    assert quote.discounts[0].name == "Courtesy" and quote.discounts[0].amount == D("200.00")
    assert quote.insurance_estimate == D("1500.00")
    assert quote.patient_portion == D("3300.00")  # 5,000 - 200 - 1,500
    assert quote.pay_in_full_discount is not None
    assert quote.pay_in_full_discount.amount == D("165.00")  # 5% of 3,300
    assert quote.pay_in_full_discount.kind is DiscountKind.PAY_IN_FULL
    assert quote.pay_in_full_discount.name == "Pay-in-full discount (5%)"
    assert quote.down_payment == quote.total_paid == D("3135.00")
    assert quote.payments == ()


def test_percent_discounts_come_off_the_total_fee_not_each_other() -> None:
    quote = build_quote(
        _request(
            adjustments=(
                Adjustment.percent_off("Sibling", D(10), DiscountKind.FAMILY),
                Adjustment.percent_off("Staff", D(10)),
            )
        )
    )
    assert [d.amount for d in quote.discounts] == [D("500.00"), D("500.00")]
    assert quote.patient_portion == D("4000.00")


def test_default_first_due_is_a_month_later_and_keeps_the_31st() -> None:
    quote = build_quote(_request(agreement_date=date(2025, 1, 31), months=3))
    assert [p.due for p in quote.payments] == [
        date(2025, 2, 28),
        date(2025, 3, 31),
        date(2025, 4, 30),
    ]


def test_explicit_first_due_sets_the_payment_day() -> None:
    quote = build_quote(_request(first_due=date(2025, 3, 1), months=2))
    assert [p.due for p in quote.payments] == [date(2025, 3, 1), date(2025, 4, 1)]


def test_remainder_last_puts_the_odd_cents_at_the_end() -> None:
    quote = build_quote(
        _request(total_fee=D("5997.00"), months=36, remainder=RemainderPlacement.LAST)
    )
    assert quote.payments[-1].amount == D("166.70")
    assert quote.monthly_payment == D("166.58")


BAD_INPUTS = [
    ({"total_fee": D(0)}, "fee", "The total fee must be more than $0.00."),
    ({"total_fee": D(-5)}, "fee", "The total fee cannot be negative."),
    ({"down_payment": D(-1)}, "down_payment", "The down payment cannot be negative."),
    (
        {"down_payment": D(6000)},
        "down_payment",
        "The down payment ($6,000.00) is more than the patient portion ($5,000.00).",
    ),
    ({"down_payment": D(5000)}, "down_payment", "pays the whole patient portion"),
    (
        {"down_payment": D(4800), "pif_discount_percent": D(5)},
        "down_payment",
        "at least the pay-in-full price of $4,750.00",
    ),
    ({"months": 0}, "months", "A payment plan needs at least 1 monthly payment."),
    ({"months": 121}, "months", "can't be longer than 120 months (121 asked)"),
    ({"plan": PlanKind.PAY_IN_FULL}, "months", "Pay in full has no monthly payments"),
    (
        {"first_due": date(2025, 1, 1)},
        "first_due",
        "The first payment can't be due (2025-01-01) before the agreement date (2025-01-15).",
    ),
    ({"first_due": AGREED}, "first_due", "money due on the agreement date is the down payment"),
    ({"apr_percent": D(-1)}, "apr", "The APR cannot be negative."),
    ({"apr_percent": D(101)}, "apr", "The APR can't be more than 100%"),
    ({"apr_percent": D(99), "total_fee": D(100), "months": 120}, "apr", "would not cover"),
    ({"pif_discount_percent": D(101)}, "pif_discount", "must be less than 100%"),
    (
        {"adjustments": (Adjustment.amount_off("Courtesy", D(6000)),)},
        "discount",
        "Discounts of $6,000.00 are more than the total fee of $5,000.00.",
    ),
    (
        {"primary_insurance": InsurancePlan(coverage_percent=D(100))},
        "plan",
        "there is nothing to pay monthly",
    ),
    (
        {
            "plan": PlanKind.PAY_IN_FULL,
            "months": 0,
            "primary_insurance": InsurancePlan(coverage_percent=D(50)),
        },
        "treatment_months",
        "Enter the estimated treatment months",
    ),
    ({"total_fee": D("0.10"), "months": 12}, "months", "too small to split into 12"),
    ({"total_fee": D("10.001")}, "fee", "fractions of a cent"),
]


@pytest.mark.parametrize(("changes", "field", "words"), BAD_INPUTS)
def test_each_bad_input_names_its_field_and_says_what_is_wrong(
    changes: dict, field: str, words: str
) -> None:
    with pytest.raises(MoneyInputError) as error:
        build_quote(_request(**changes))
    assert error.value.field == field
    assert words in str(error.value)


def test_bad_input_messages_are_all_different() -> None:
    messages = []
    for changes, _, _ in BAD_INPUTS:
        with pytest.raises(MoneyInputError) as error:
            build_quote(_request(**changes))
        messages.append(str(error.value))
    assert len(set(messages)) == len(messages)


def test_floats_are_refused_as_a_programming_error() -> None:
    with pytest.raises(TypeError):
        _request(total_fee=5000.0)


# -- properties ---------------------------------------------------------------------------


@st.composite
def plans(draw) -> QuoteRequest:
    months = draw(st.integers(min_value=1, max_value=120))
    fee_cents = draw(st.integers(min_value=max(100_00, months * 20_00), max_value=20_000_00))
    pif = draw(st.sampled_from([D(0), D(3), D(5), D(10)]))
    down_share = draw(st.integers(min_value=0, max_value=60))
    apr = draw(st.one_of(st.just(D(0)), st.decimals(D("0.01"), D("29.99"), places=2)))
    odd_days = draw(st.integers(min_value=1, max_value=60))
    agreed = draw(st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)))
    fee = D(fee_cents) / 100
    return QuoteRequest(
        total_fee=fee,
        agreement_date=agreed,
        down_payment=(fee * down_share / 100).quantize(D("0.01")),
        months=months,
        first_due=draw(st.sampled_from([None, agreed + timedelta(days=odd_days)])),
        apr_percent=apr,
        remainder=draw(st.sampled_from(RemainderPlacement)),
        pif_discount_percent=pif,
        pif_discount_is_finance_charge=draw(st.booleans()),
    )


@settings(max_examples=150, deadline=None)
@given(request=plans())
def test_payments_add_up_to_amount_financed_plus_finance_charge(request: QuoteRequest) -> None:
    quote = build_quote(request)
    tila = quote.truth_in_lending
    total = sum((p.amount for p in quote.payments), D(0))
    interest = sum((p.interest for p in quote.payments), D(0))
    assert total == tila.total_of_payments == tila.amount_financed + tila.finance_charge
    # ... and each side is built independently of the payments' sum:
    assert tila.amount_financed == quote.patient_portion - quote.down_payment - (
        tila.forgone_discount
    )
    assert tila.finance_charge == interest + tila.forgone_discount
    assert sum((p.principal for p in quote.payments), D(0)) == quote.balance
    assert all(p.amount == p.principal + p.interest for p in quote.payments)
    assert tila.total_sale_price == quote.down_payment + total == quote.total_paid
    assert (tila.apr == 0) == (tila.finance_charge == 0)


@settings(max_examples=150, deadline=None)
@given(request=plans())
def test_no_payment_is_zero_or_negative_and_dues_are_monthly(request: QuoteRequest) -> None:
    quote = build_quote(request)
    assert len(quote.payments) == request.months
    assert all(p.amount > 0 and p.principal > 0 and p.interest >= 0 for p in quote.payments)
    dues = [p.due for p in quote.payments]
    assert dues == sorted(set(dues))
    assert dues[0] > request.agreement_date


@settings(max_examples=150, deadline=None)
@given(request=plans())
def test_payments_differ_only_by_the_remainder(request: QuoteRequest) -> None:
    """0%: every payment is balance // n cents except one (first or last, per the setting)
    which is higher by exactly balance % n cents, so max - min < n cents. With an APR every
    payment but the last is the level payment; the last absorbs the rounding, which over n
    months is at most a cent a month (compounded)."""
    quote = build_quote(request)
    amounts = [p.amount for p in quote.payments]
    n = len(amounts)
    if request.apr_percent == 0:
        balance_cents = int(quote.balance * 100)
        base = D(balance_cents // n) / 100
        carrier = 0 if request.remainder is RemainderPlacement.FIRST else n - 1
        assert all(a == base for k, a in enumerate(amounts) if k != carrier)
        assert amounts[carrier] - base == D(balance_cents % n) / 100
        assert max(amounts) - min(amounts) < D(n) / 100
    else:
        assert len(set(amounts[:-1])) <= 1
        assert quote.monthly_payment == amounts[0]
        rate = request.apr_percent / 1200
        bound = D("0.01") * n * (1 + rate) ** n
        assert abs(amounts[-1] - amounts[0]) <= bound


@settings(max_examples=100, deadline=None)
@given(request=plans(), extra_share=st.integers(min_value=1, max_value=30))
def test_more_down_payment_never_raises_the_monthly(
    request: QuoteRequest, extra_share: int
) -> None:
    more = (request.down_payment + request.total_fee * extra_share / 100).quantize(D("0.01"))
    assume(more <= request.total_fee * D("0.85"))
    assume(int((request.total_fee - more) * 100) >= request.months * 2000)
    assert (
        build_quote(replace(request, down_payment=more)).monthly_payment
        <= build_quote(request).monthly_payment
    )
