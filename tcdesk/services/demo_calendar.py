"""The demo practice's calendar: the days it is open, ages and first payment days."""

from __future__ import annotations

from datetime import date, timedelta

_FIXED_HOLIDAYS = frozenset({(1, 1), (7, 4), (12, 24), (12, 25), (12, 31)})


def closed(day: date) -> bool:
    """Weekends and the holidays the practice closes for."""
    if day.weekday() >= 5 or (day.month, day.day) in _FIXED_HOLIDAYS:
        return True
    first = date(day.year, 11, 1)
    thanksgiving = first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    return day == thanksgiving


def open_back(day: date) -> date:
    while closed(day):
        day -= timedelta(days=1)
    return day


def open_forward(day: date) -> date:
    while closed(day):
        day += timedelta(days=1)
    return day


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def age_on(birth: date, day: date) -> int:
    had_birthday = (day.month, day.day) >= (birth.month, birth.day)
    return day.year - birth.year - (0 if had_birthday else 1)


def first_due(agreement: date) -> date:
    """The 1st or 15th nearest to one month after the agreement (a tie goes later)."""
    year, month = next_month(agreement.year, agreement.month)
    target = date(year, month, min(agreement.day, 28))
    after = date(*next_month(year, month), 1)
    candidates = (date(year, month, 1), date(year, month, 15), after)
    return min(candidates, key=lambda d: (abs((d - target).days), -d.toordinal()))


def next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)
