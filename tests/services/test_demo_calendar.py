"""The demo's calendar: consults and payments land on days the practice is open."""

from __future__ import annotations

from datetime import date

from tcdesk.services.demo_calendar import age_on, first_due, open_back, open_forward, years_before


def test_weekends_and_holidays_move_to_an_open_day() -> None:
    thanksgiving = date(2026, 11, 26)
    assert open_forward(thanksgiving) == date(2026, 11, 27)  # Friday
    assert open_back(date(2026, 11, 29)) == date(2026, 11, 27)  # Sunday back to Friday
    assert open_forward(date(2026, 12, 24)) == date(2026, 12, 28)  # past Christmas and a weekend


def test_first_payment_is_the_1st_or_15th_nearest_a_month_later() -> None:
    assert first_due(date(2026, 3, 10)) == date(2026, 4, 15)
    assert first_due(date(2026, 3, 3)) == date(2026, 4, 1)
    assert first_due(date(2026, 12, 8)) == date(2027, 1, 15)  # a tie goes later
    assert first_due(date(2026, 1, 31)) == date(2026, 3, 1)


def test_ages_count_birthdays_and_leap_days() -> None:
    assert years_before(date(2028, 2, 29), 12) == date(2016, 2, 29)
    assert years_before(date(2028, 2, 29), 13) == date(2015, 2, 28)  # no 29th that year
    assert age_on(date(2014, 6, 2), date(2026, 6, 1)) == 11
    assert age_on(date(2014, 6, 2), date(2026, 6, 2)) == 12
