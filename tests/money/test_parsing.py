import pickle
from datetime import date
from decimal import Decimal

import pytest

from tcdesk.errors import UserError
from tcdesk.money import (
    MoneyInputError,
    parse_date,
    parse_money,
    parse_months,
    parse_percent,
)

D = Decimal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5000", D("5000.00")),
        ("5,000.00", D("5000.00")),
        ("$5,000", D("5000.00")),
        (" 1,000,000 ", D("1000000.00")),
        (" 234,567.8 ", D("234567.80")),
        ("0", D("0.00")),
        (".5", D("0.50")),
    ],
)
def test_parse_money_accepts_what_people_type(text: str, expected: Decimal) -> None:
    assert parse_money(text, "fee") == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", "Fee must be a number like 5000 or 5,000.00, not 'abc'."),
        ("", "Fee is empty; enter an amount like 5000 or 5,000.00."),
        ("-5", "The fee cannot be negative."),
        ("5.001", "The fee cannot have fractions of a cent."),
        ("5,00", "Fee must be a number like 5000 or 5,000.00, not '5,00'."),
        ("NaN", "Fee must be a number like 5000 or 5,000.00, not 'NaN'."),
        ("1e3", "Fee must be a number like 5000 or 5,000.00, not '1e3'."),
    ],
)
def test_parse_money_messages(text: str, message: str) -> None:
    with pytest.raises(MoneyInputError) as error:
        parse_money(text, "fee")
    assert str(error.value) == message
    assert error.value.field == "fee"


def test_parse_money_uses_the_field_label() -> None:
    with pytest.raises(MoneyInputError, match=r"^Down payment must be a number"):
        parse_money("lots", "down_payment")


def test_parse_percent() -> None:
    assert parse_percent("5", "apr") == D(5)
    assert parse_percent("12.5%", "apr") == D("12.5")
    assert parse_percent(" 7 % ", "coverage") == D(7)
    with pytest.raises(MoneyInputError) as error:
        parse_percent("150", "coverage")
    assert str(error.value) == "Insurance coverage can't be more than 100% (got 150%)."
    with pytest.raises(MoneyInputError) as error:
        parse_percent("x", "apr")
    assert str(error.value) == "APR must be a percent like 5 or 12.5, not 'x'."
    with pytest.raises(MoneyInputError, match="cannot be negative"):
        parse_percent("-3", "apr")


def test_parse_months() -> None:
    assert parse_months("24") == 24
    cases = {
        "0": "Number of months must be at least 1 (got 0).",
        "121": "Number of months can't be more than 120 (got 121).",
        "1.5": "Number of months must be a whole number like 24, not '1.5'.",
        "-3": "Number of months must be at least 1 (got '-3').",
        "": "Number of months is empty; enter a whole number like 24.",
    }
    for text, message in cases.items():
        with pytest.raises(MoneyInputError) as error:
            parse_months(text)
        assert str(error.value) == message
        assert error.value.field == "months"
    assert parse_months("36", maximum=36) == 36
    with pytest.raises(MoneyInputError, match="can't be more than 24"):
        parse_months("36", maximum=24)


def test_parse_date() -> None:
    assert parse_date("2025-03-15", "first_due") == date(2025, 3, 15)
    with pytest.raises(MoneyInputError) as error:
        parse_date("15/03/2025", "first_due")
    assert str(error.value) == "First due date must be a date like 2025-03-15, not '15/03/2025'."
    assert error.value.field == "first_due"
    with pytest.raises(MoneyInputError, match="is not a real date"):
        parse_date("2025-02-30", "agreement_date")


def test_money_input_error_is_a_user_error_and_keeps_its_field_when_pickled() -> None:
    error = MoneyInputError("months", "Number of months must be at least 1.")
    assert isinstance(error, UserError)
    copy = pickle.loads(pickle.dumps(error))
    assert copy.field == "months" and str(copy) == str(error)
