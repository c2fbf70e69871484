"""Money and dates as people read them (babel), in one place.

A leaf module like ``paths``: any layer may use it. Amounts are Decimal or
integer cents, never float.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from babel.dates import format_date as _babel_date
from babel.dates import format_time as _babel_time
from babel.numbers import format_currency

LOCALE = "en_US"
CURRENCY = "USD"


def money(amount: Decimal | int, *, cents: bool = True) -> str:
    """``Decimal('5600')`` -> ``$5,600.00``; ``cents=False`` -> ``$5,600``."""
    value = Decimal(amount)
    if cents:
        return format_currency(value, CURRENCY, locale=LOCALE)
    return format_currency(value, CURRENCY, locale=LOCALE, format="¤#,##0", currency_digits=False)


def money_from_cents(amount_cents: int, *, cents: bool = True) -> str:
    return money(Decimal(amount_cents) / 100, cents=cents)


def long_date(day: date) -> str:
    """``November 27, 2026``."""
    return _babel_date(day, format="long", locale=LOCALE)


def medium_date(day: date) -> str:
    """``Nov 27, 2026``."""
    return _babel_date(day, format="medium", locale=LOCALE)


def weekday_date(day: date) -> str:
    """``Thu Dec 3``: a date coming up soon, as people say it."""
    return _babel_date(day, format="EEE MMM d", locale=LOCALE)


def month_year(day: date) -> str:
    """``Nov 2026``."""
    return _babel_date(day, format="MMM yyyy", locale=LOCALE)


def local_datetime(utc_iso: str) -> datetime:
    """A stored UTC timestamp in this machine's time zone."""
    return datetime.fromisoformat(utc_iso).astimezone()


def local_time(utc_iso: str) -> str:
    """``2:30 PM``."""
    return _babel_time(local_datetime(utc_iso), format="short", locale=LOCALE)
