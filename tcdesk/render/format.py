"""Money and dates as a family reads them on the screen (babel, en_US).

Money is ``Decimal`` dollars or ``int`` cents, never float: a float raises.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_currency

LOCALE = "en_US"
CURRENCY = "USD"
_CENT = Decimal("0.01")


def to_dollars(value: Decimal | int) -> Decimal:
    """``Decimal`` dollars as they are; ``int`` is cents. Rounded to the cent."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"money must be Decimal dollars or int cents, not {type(value).__name__}")
    amount = Decimal(value).scaleb(-2) if isinstance(value, int) else value
    return amount.quantize(_CENT, rounding=ROUND_HALF_UP)


def format_money(value: Decimal | int, *, cents: bool | None = None) -> str:
    """``$5,997`` for whole dollars, ``$166.58`` otherwise (or as ``cents`` says)."""
    amount = to_dollars(value)
    if cents is None:
        cents = amount != amount.to_integral_value()
    if cents:
        return format_currency(amount, CURRENCY, locale=LOCALE)
    return format_currency(amount, CURRENCY, locale=LOCALE, format="¤#,##0", currency_digits=False)


def month_year(day: date) -> str:
    """``Jan 2027``."""
    return format_date(day, format="MMM yyyy", locale=LOCALE)


def long_date(day: date) -> str:
    """``January 5, 2027``."""
    return format_date(day, format="long", locale=LOCALE)


def join_and(items: Iterable[object]) -> str:
    """``braces, aligners, and retainers``."""
    words = [str(item) for item in items if str(item)]
    return format_list(words, locale=LOCALE) if words else ""


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's end (Jan 31 + 1 -> Feb 28)."""
    total = day.year * 12 + (day.month - 1) + months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))
