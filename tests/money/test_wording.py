from decimal import Decimal

from tcdesk.money.wording import dollars_text, percent_text


def test_dollars_text_has_cents_and_a_leading_minus() -> None:
    assert dollars_text(Decimal("1234.5")) == "$1,234.50"
    assert dollars_text(Decimal("-250")) == "-$250.00"


def test_percent_text_drops_trailing_zeros() -> None:
    assert percent_text(Decimal("20.00")) == "20%"
    assert percent_text(Decimal("5.50")) == "5.5%"
