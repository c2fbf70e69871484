"""Money and percentages as ``Decimal``, with the one rounding rule agreements use.

Every amount is rounded to the cent, half up, exactly once where it is made,
so what the screen shows, what the PDF prints and what is summed agree.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from tcdesk.money.errors import MoneyInputError, field_label

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
HUNDRED = Decimal(100)


def money(value: Decimal | int | str) -> Decimal:
    """Round to the cent, half up. Floats are refused: they cannot hold cents exactly."""
    if isinstance(value, float):
        raise TypeError("money is never a float; pass Decimal, int or str")
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def percent_of(amount: Decimal, percent: Decimal) -> Decimal:
    """``percent`` % of ``amount``, rounded to the cent."""
    return (amount * percent / HUNDRED).quantize(CENT, rounding=ROUND_HALF_UP)


def to_cents(amount: Decimal) -> int:
    """Whole cents of an amount already rounded to the cent (integer math is exact)."""
    return int(amount.scaleb(2).to_integral_value(rounding=ROUND_DOWN))


def from_cents(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2).quantize(CENT)


def as_decimal(value: object, field: str) -> Decimal:
    """Accept ``Decimal`` or ``int`` from callers; a float is a programming error."""
    if isinstance(value, bool | float) or not isinstance(value, Decimal | int):
        raise TypeError(f"{field} must be Decimal or int, not {type(value).__name__}")
    number = Decimal(value)
    if not number.is_finite():
        raise MoneyInputError(field, f"{field_label(field)} must be a number.")
    return number


def as_money(value: object, field: str) -> Decimal:
    """Like :func:`as_decimal`, and refuse fractions of a cent instead of hiding them."""
    number = as_decimal(value, field)
    rounded = money(number)
    if rounded != number:
        raise MoneyInputError(
            field, f"{field_label(field)} can't have fractions of a cent ({number})."
        )
    return rounded
