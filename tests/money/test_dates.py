from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from tcdesk.money.dates import add_months, months_back, whole_months_and_days


def test_add_months_clamps_to_the_end_of_short_months() -> None:
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2025, 2, 28), 1, 31) == date(2025, 3, 31)
    assert add_months(date(2025, 11, 15), 2) == date(2026, 1, 15)
    assert add_months(date(2025, 1, 15), -1) == date(2024, 12, 15)


def test_months_back_keeps_month_ends_at_month_ends() -> None:
    assert months_back(date(2025, 2, 28), 1) == date(2025, 1, 31)
    assert months_back(date(2025, 4, 30), 2) == date(2025, 2, 28)
    assert months_back(date(2025, 3, 30), 1) == date(2025, 2, 28)
    assert months_back(date(2025, 3, 15), 3) == date(2024, 12, 15)


def test_whole_months_and_days_examples() -> None:
    assert whole_months_and_days(date(2025, 1, 1), date(2025, 2, 15)) == (1, 14)
    assert whole_months_and_days(date(2025, 1, 15), date(2025, 2, 15)) == (1, 0)
    assert whole_months_and_days(date(2025, 1, 20), date(2025, 3, 1)) == (1, 12)
    assert whole_months_and_days(date(2025, 1, 31), date(2025, 2, 28)) == (1, 0)
    assert whole_months_and_days(date(2025, 1, 10), date(2025, 1, 25)) == (0, 15)


def _naive_months_and_days(earlier: date, later: date) -> tuple[int, int]:
    """Count back one month at a time until passing ``earlier`` (independent check)."""
    months = 0
    while True:
        candidate = months_back(later, months + 1)
        if candidate < earlier:
            break
        months += 1
    return months, (months_back(later, months) - earlier).days


@given(
    earlier=st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 1, 1)),
    gap=st.integers(min_value=0, max_value=4000),
)
def test_whole_months_matches_counting_back_one_by_one(earlier: date, gap: int) -> None:
    later = earlier + timedelta(days=gap)
    months, days = whole_months_and_days(earlier, later)
    assert (months, days) == _naive_months_and_days(earlier, later)
    assert 0 <= days < 31
