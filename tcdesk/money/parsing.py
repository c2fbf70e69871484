"""Text from a form or the command line into checked values.

Each helper names the field it parses, so a mistake comes back as a
``MoneyInputError`` with a message made for that box:
"Fee must be a number like 5000 or 5,000.00, not 'abc'."
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from tcdesk.money.amounts import HUNDRED, money
from tcdesk.money.bounds import MAX_AMOUNT
from tcdesk.money.errors import MoneyInputError, field_label, the_label
from tcdesk.money.request import MAX_MONTHS
from tcdesk.money.wording import fraction_message, negative_message, too_much_message

_MONEY = re.compile(r"^\$?(?P<number>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)$", re.ASCII)
_PERCENT = re.compile(r"^(?P<number>\d+(?:\.\d*)?|\.\d+)\s*%?$", re.ASCII)
_WHOLE = re.compile(r"^\d+$", re.ASCII)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


def parse_money(text: str, field: str) -> Decimal:
    """``5000``, ``5,000.00``, ``$5,000`` -> ``Decimal('5000.00')``; never negative."""
    label = field_label(field)
    cleaned = text.strip().replace(" ", "")
    if not cleaned:
        raise MoneyInputError(field, f"{label} is empty; enter an amount like 5000 or 5,000.00.")
    if cleaned.startswith("-") or cleaned.startswith("$-"):
        raise MoneyInputError(field, negative_message(the_label(field)))
    match = _MONEY.match(cleaned)
    if match is None:
        raise MoneyInputError(
            field, f"{label} must be a number like 5000 or 5,000.00, not '{text.strip()}'."
        )
    number = Decimal(match["number"].replace(",", ""))
    if number > MAX_AMOUNT:  # checked before rounding: a 30-digit number can't be rounded
        raise MoneyInputError(field, too_much_message(the_label(field), MAX_AMOUNT))
    if number != money(number):
        raise MoneyInputError(field, fraction_message(the_label(field)))
    return money(number)


def parse_percent(text: str, field: str, maximum: Decimal = HUNDRED) -> Decimal:
    """``5``, ``5%``, ``12.5 %`` -> ``Decimal('5')``; between 0 and ``maximum`` percent."""
    label = field_label(field)
    cleaned = text.strip()
    if not cleaned:
        raise MoneyInputError(field, f"{label} is empty; enter a percent like 5 or 12.5.")
    if cleaned.startswith("-"):
        raise MoneyInputError(field, negative_message(the_label(field)))
    match = _PERCENT.match(cleaned)
    if match is None:
        raise MoneyInputError(field, f"{label} must be a percent like 5 or 12.5, not '{cleaned}'.")
    number = Decimal(match["number"])
    if number > maximum:
        raise MoneyInputError(field, f"{label} can't be more than {maximum:f}% (got {number:f}%).")
    return number


def parse_months(text: str, field: str = "months", maximum: int = MAX_MONTHS) -> int:
    """A whole number of months from 1 to ``maximum``."""
    label = field_label(field)
    cleaned = text.strip()
    if not cleaned:
        raise MoneyInputError(field, f"{label} is empty; enter a whole number like 24.")
    if not _WHOLE.match(cleaned):
        if cleaned.startswith("-"):
            raise MoneyInputError(field, f"{label} must be at least 1 (got '{cleaned}').")
        raise MoneyInputError(field, f"{label} must be a whole number like 24, not '{cleaned}'.")
    months = int(cleaned)
    if months < 1:
        raise MoneyInputError(field, f"{label} must be at least 1 (got {months}).")
    if months > maximum:
        raise MoneyInputError(field, f"{label} can't be more than {maximum} (got {months}).")
    return months


def parse_date(text: str, field: str) -> date:
    """An ISO date, ``2025-03-15``."""
    label = field_label(field)
    cleaned = text.strip()
    if not cleaned:
        raise MoneyInputError(field, f"{label} is empty; enter a date like 2025-03-15.")
    if not _ISO_DATE.match(cleaned):
        raise MoneyInputError(field, f"{label} must be a date like 2025-03-15, not '{cleaned}'.")
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise MoneyInputError(
            field, f"{label} '{cleaned}' is not a real date (check the month and day)."
        ) from None
