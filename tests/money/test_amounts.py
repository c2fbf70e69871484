from decimal import Decimal

import pytest

from tcdesk.money import MoneyInputError
from tcdesk.money.amounts import (
    as_money,
    from_cents,
    money,
    percent_of,
    to_cents,
)


def test_money_rounds_half_up_to_the_cent() -> None:
    assert money(Decimal("2.345")) == Decimal("2.35")
    assert money(Decimal("2.344")) == Decimal("2.34")
    assert money(Decimal("-2.345")) == Decimal("-2.35")
    assert money(7) == Decimal("7.00")


def test_money_refuses_floats() -> None:
    with pytest.raises(TypeError):
        money(0.1)  # type: ignore[arg-type]


def test_percent_of_rounds_half_up() -> None:
    assert percent_of(Decimal("5997.00"), Decimal(5)) == Decimal("299.85")
    assert percent_of(Decimal("0.10"), Decimal(5)) == Decimal("0.01")  # 0.005 -> 0.01


def test_cents_round_trip() -> None:
    assert to_cents(Decimal("5997.00")) == 599700
    assert from_cents(16670) == Decimal("166.70")


def test_as_money_refuses_fractions_of_a_cent_with_the_field() -> None:
    with pytest.raises(MoneyInputError) as error:
        as_money(Decimal("10.005"), "fee")
    assert error.value.field == "fee"
    assert "fractions of a cent" in str(error.value)
