"""The plan bounds: a fee up to $1,000,000, a dated agreement near today, a first payment soon."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tcdesk.money import (
    MoneyInputError,
    QuoteRequest,
    agreement_window,
    build_quote,
    check_agreement_date,
    parse_money,
)

DAY = date(2026, 12, 1)


def test_the_window_is_3_years_back_to_a_year_ahead_of_today() -> None:
    assert agreement_window(DAY) == (date(2023, 12, 1), date(2027, 12, 1))
    check_agreement_date(date(2023, 12, 1), DAY)
    check_agreement_date(date(2027, 12, 1), DAY)
    with pytest.raises(MoneyInputError, match="between 2023-12-01 and 2027-12-01") as error:
        check_agreement_date(date(1800, 1, 1), DAY)
    assert error.value.field == "agreement_date"


def test_fee_above_a_million_is_refused_even_from_code() -> None:
    QuoteRequest(total_fee=Decimal("1000000.00"), agreement_date=DAY, months=12)
    with pytest.raises(MoneyInputError, match=r"cannot be more than \$1,000,000.00") as error:
        QuoteRequest(total_fee=Decimal("1e30"), agreement_date=DAY, months=12)
    assert error.value.field == "fee"


def test_parse_money_refuses_a_huge_number_before_rounding_it() -> None:
    with pytest.raises(MoneyInputError, match=r"cannot be more than \$1,000,000.00"):
        parse_money("1" + "0" * 30, "fee")


def test_first_payment_within_90_days_of_the_agreement() -> None:
    ok = QuoteRequest(
        total_fee=Decimal(5000), agreement_date=DAY, months=12, first_due=date(2027, 3, 1)
    )
    assert build_quote(ok).payments[0].due == date(2027, 3, 1)
    with pytest.raises(MoneyInputError, match="within 90 days") as error:
        QuoteRequest(
            total_fee=Decimal(5000), agreement_date=DAY, months=12, first_due=date(2027, 3, 2)
        )
    assert error.value.field == "first_due"


def test_an_agreement_at_the_end_of_the_calendar_is_an_input_error() -> None:
    with pytest.raises(MoneyInputError, match="too far in the future"):
        QuoteRequest(total_fee=Decimal(5000), agreement_date=date(9999, 12, 1), months=24)


def test_a_full_pay_in_full_discount_is_refused_with_a_reason() -> None:
    with pytest.raises(MoneyInputError, match="less than 100%"):
        QuoteRequest(total_fee=Decimal(5000), agreement_date=DAY, pif_discount_percent=100)
