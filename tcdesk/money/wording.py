"""Amounts and percentages inside the money layer's own sentences (its errors, line names).

``money/`` is stdlib only, so it cannot use babel and ``tcdesk.formatting``;
these two give the same text as ``tcdesk.formatting.money_from_dollars`` in
English (``tests/test_formatting.py`` holds them together). Everything shown
outside a money sentence is formatted by ``tcdesk.formatting``.
"""

from __future__ import annotations

from decimal import Decimal


def dollars_text(amount: Decimal) -> str:
    """``$1,234.50``; negative amounts as ``-$1,234.50``."""
    sign = "-" if amount < 0 else ""
    return f"{sign}${abs(amount):,.2f}"


def percent_text(percent: Decimal) -> str:
    """``20%``, ``5.5%``: no trailing zeros, for sentences about limits and rates."""
    text = format(percent.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text}%"


# The money checks' words: tcdesk.money.parsing and services.validation.money_cents use
# these, so a form, a quote, a plan and the fee schedule refuse an amount in one way.
def negative_message(label: str) -> str:
    return f"{label} cannot be negative."


def fraction_message(label: str) -> str:
    return f"{label} cannot have fractions of a cent."


def too_much_message(label: str, most: Decimal) -> str:
    return f"{label} cannot be more than {dollars_text(most)}."
