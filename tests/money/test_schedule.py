from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tcdesk.money import (
    MoneyInputError,
    RemainderPlacement,
    build_schedule,
    due_dates,
    level_payment,
    split_evenly,
)

D = Decimal


def test_domain_example_remainder_on_the_first_payment() -> None:
    parts = split_evenly(D("5997.00"), 36, RemainderPlacement.FIRST)
    assert parts[0] == D("166.70")
    assert parts[1:] == [D("166.58")] * 35
    assert sum(parts) == D("5997.00")


def test_remainder_on_the_last_payment() -> None:
    parts = split_evenly(D("5997.00"), 36, RemainderPlacement.LAST)
    assert parts[:-1] == [D("166.58")] * 35
    assert parts[-1] == D("166.70")


def test_level_payment_for_the_regulation_z_check() -> None:
    assert level_payment(D("5000.00"), D(12) / 1200, 36) == D("166.07")


def test_amortized_schedule_rounds_interest_monthly_and_balances_on_the_last() -> None:
    schedule = build_schedule(D("5000.00"), 36, date(2025, 2, 15), D(12))
    assert [p.amount for p in schedule[:-1]] == [D("166.07")] * 35
    assert schedule[0].interest == D("50.00")  # 1% of 5,000.00
    assert schedule[0].principal == D("116.07")
    assert schedule[1].interest == D("48.84")  # 1% of 4,883.93, rounded
    assert sum(p.principal for p in schedule) == D("5000.00")
    assert all(p.amount == p.principal + p.interest for p in schedule)
    last = schedule[-1]
    assert last.amount == D("166.15")
    assert last.principal + last.interest == last.amount


def test_due_dates_on_the_31st_clamp_then_return() -> None:
    dates = due_dates(date(2025, 1, 31), 4)
    assert dates == (date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 31), date(2025, 4, 30))
    leap = due_dates(date(2024, 1, 31), 2)
    assert leap[1] == date(2024, 2, 29)


def test_payment_day_can_differ_from_the_first_due_day() -> None:
    assert due_dates(date(2025, 2, 28), 2, day_of_month=31) == (
        date(2025, 2, 28),
        date(2025, 3, 31),
    )


def test_a_payment_that_does_not_cover_the_interest_is_refused() -> None:
    with pytest.raises(MoneyInputError) as error:
        build_schedule(D("100.00"), 120, date(2025, 2, 1), D(99))
    assert error.value.field == "apr"
    assert "would not cover the first month's interest" in str(error.value)


def test_an_amount_too_small_for_the_months_is_refused() -> None:
    with pytest.raises(MoneyInputError) as error:
        build_schedule(D("0.10"), 12, date(2025, 2, 1))
    assert error.value.field == "months"
    assert "too small" in str(error.value)


@given(
    cents=st.integers(min_value=1, max_value=10_000_000),
    count=st.integers(min_value=1, max_value=120),
    placement=st.sampled_from(RemainderPlacement),
)
def test_split_is_exact_and_only_one_part_carries_the_leftover(
    cents: int, count: int, placement: RemainderPlacement
) -> None:
    total = D(cents) / 100
    parts = split_evenly(total, count, placement)
    assert sum(parts) == total
    leftover_cents = cents % count
    carrier = 0 if placement is RemainderPlacement.FIRST else count - 1
    others = [part for k, part in enumerate(parts) if k != carrier]
    assert len(set(others)) <= 1
    base = D(cents // count) / 100
    assert parts[carrier] - base == D(leftover_cents) / 100
    assert max(parts) - min(parts) == D(leftover_cents) / 100 < D(count) / 100
