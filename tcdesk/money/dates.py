"""Calendar months for due dates and for Regulation Z's unit periods.

A payment "on the 31st" falls on the last day of shorter months; that clamp
is the only calendar rule, used both to schedule and to measure time.
"""

from __future__ import annotations

from datetime import date

_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def is_leap_year(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """Table lookup: ``calendar.monthrange`` also works out a weekday, too slow in loops."""
    if month == 2 and is_leap_year(year):
        return 29
    return _DAYS_IN_MONTH[month - 1]


def is_month_end(day: date) -> bool:
    return day.day == days_in_month(day.year, day.month)


def add_months(start: date, months: int, day_of_month: int | None = None) -> date:
    """``months`` calendar months after (or before) ``start`` on ``day_of_month``.

    The day defaults to ``start.day`` and is clamped to the month's end, so a
    plan paid on the 31st is due Feb 28 (or 29), then Mar 31.
    """
    year, month_index = divmod(start.year * 12 + start.month - 1 + months, 12)
    month = month_index + 1
    day = start.day if day_of_month is None else day_of_month
    if day > 28:
        day = min(day, days_in_month(year, month))
    return date(year, month, day)


def months_back(later: date, months: int) -> date:
    """Measure ``months`` back from ``later`` as Regulation Z Appendix J does.

    Same day of the month (clamped), and from a month's last day to the last
    day of the earlier month, so Feb 28 minus one month is Jan 31.
    """
    if is_month_end(later):
        return add_months(later, -months, 31)
    return add_months(later, -months)


def whole_months_and_days(earlier: date, later: date) -> tuple[int, int]:
    """Full months measured back from ``later``, then the odd days back to ``earlier``."""
    if later < earlier:
        raise ValueError("later date is before earlier date")
    months = (later.year - earlier.year) * 12 + (later.month - earlier.month)
    day = 31 if is_month_end(later) else later.day
    # Measured back ``months`` from ``later`` lands in earlier's own month (day clamped);
    # worked out directly, as this runs for every payment of every quote.
    year, month = earlier.year, earlier.month
    landing = min(day, days_in_month(year, month))
    if landing < earlier.day:  # one month fewer lands in the next month: always after
        months -= 1
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        landing = min(day, days_in_month(year, month))
    return months, (date(year, month, landing) - earlier).days
