"""Helpers for the money tests: an independent Appendix J APR to check ours against."""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal, localcontext

import pytest

AprFunction = Callable[[Decimal, Sequence[tuple[date, Decimal]], date], Decimal]


def _back(later: date, months: int) -> date:
    """Appendix J: same day months earlier (clamped); month end to month end."""
    month_end = later.day == calendar.monthrange(later.year, later.month)[1]
    index = later.year * 12 + later.month - 1 - months
    year, month = index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, last if month_end else min(later.day, last))


def _periods(start: date, due: date) -> tuple[int, Decimal]:
    months = 0
    while _back(due, months + 1) >= start:
        months += 1
    return months, Decimal((_back(due, months) - start).days) / 30


def brute_force_apr(
    amount_financed: Decimal, payments: Sequence[tuple[date, Decimal]], start: date
) -> Decimal:
    """Bisection on the Appendix J general equation, straight from the dates (percent)."""
    flows = [(_periods(start, due), amount) for due, amount in payments]
    with localcontext() as context:
        context.prec = 50

        def present_value(rate: Decimal) -> Decimal:
            return sum(
                (amount / ((1 + f * rate) * (1 + rate) ** t) for (t, f), amount in flows),
                Decimal(0),
            )

        low, high = Decimal(0), Decimal(1)  # monthly rates: 0% .. 1200% a year
        for _ in range(80):
            middle = (low + high) / 2
            if present_value(middle) > amount_financed:
                low = middle
            else:
                high = middle
        return (low + high) / 2 * 1200


@pytest.fixture(scope="session")
def reference_apr() -> AprFunction:
    return brute_force_apr
