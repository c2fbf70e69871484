from datetime import date
from decimal import Decimal

from tcdesk.money import (
    FORGONE_DISCOUNT_WARNING,
    PlanKind,
    QuoteRequest,
    build_quote,
    disclosure_required,
)

D = Decimal
AGREED = date(2025, 1, 15)


def _quote(**changes):
    values = {
        "total_fee": D("5000.00"),
        "agreement_date": AGREED,
        "down_payment": D("1250.00"),
        "months": 24,
        "pif_discount_percent": D(5),
    }
    values.update(changes)
    return build_quote(QuoteRequest(**values))


def test_domain_worked_example_forgone_pif_discount_is_a_finance_charge() -> None:
    quote = _quote()
    tila = quote.truth_in_lending
    assert quote.monthly_payment == D("156.25")
    assert {p.amount for p in quote.payments} == {D("156.25")}
    assert tila.amount_financed == D("3500.00")
    assert tila.finance_charge == D("250.00")
    assert tila.forgone_discount == D("250.00")
    assert tila.interest == D("0.00")
    assert tila.total_of_payments == D("3750.00")
    assert tila.total_sale_price == D("5000.00")
    assert D("6.6") <= tila.apr <= D("6.8")
    assert tila.apr == D("6.71")
    assert tila.required
    assert tila.warning is None
    assert quote.forgone_discount == D("250.00")
    assert quote.discounts == ()  # not given: the family pays over time


def test_turning_the_forgone_discount_off_drops_it_and_warns() -> None:
    quote = _quote(pif_discount_is_finance_charge=False)
    tila = quote.truth_in_lending
    assert tila.amount_financed == D("3750.00")
    assert tila.finance_charge == D("0.00")
    assert tila.apr == D("0.00")
    assert tila.warning is not None and tila.warning.startswith(FORGONE_DISCOUNT_WARNING)
    assert "$250.00" in tila.warning
    assert quote.warnings == (tila.warning,)
    assert tila.required  # still 24 installments


def test_regulation_z_check_through_a_quote() -> None:
    quote = _quote(down_payment=D(0), months=36, apr_percent=D(12), pif_discount_percent=D(0))
    tila = quote.truth_in_lending
    assert quote.monthly_payment == D("166.07")
    assert tila.amount_financed == D("5000.00")
    assert tila.apr == D("12.00")
    assert tila.interest == tila.finance_charge == D("978.60")
    assert tila.total_of_payments == D("5978.60")
    assert tila.total_sale_price == D("5978.60")


def test_four_interest_free_installments_need_no_disclosure_five_do() -> None:
    four = _quote(months=4, pif_discount_percent=D(0))
    five = _quote(months=5, pif_discount_percent=D(0))
    assert not four.truth_in_lending.required
    assert five.truth_in_lending.required
    assert disclosure_required(4, D("0.01"))
    assert not disclosure_required(4, D("0.00"))


def test_a_two_payment_plan_with_a_forgone_discount_needs_disclosure() -> None:
    quote = _quote(months=2)
    assert quote.truth_in_lending.finance_charge == D("250.00")
    assert quote.truth_in_lending.required


def test_pay_in_full_extends_no_credit() -> None:
    quote = _quote(plan=PlanKind.PAY_IN_FULL, months=0, down_payment=D(0))
    tila = quote.truth_in_lending
    assert not tila.required
    assert tila.amount_financed == tila.finance_charge == D("0.00")
    assert quote.total_paid == D("4750.00")
    assert tila.total_sale_price == D("4750.00")
