"""The rotation rule over a year of dates: 7 daily, 4 weekly, 12 monthly, recent manual ones."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from tcdesk.services.backup_rotation import Dated, backups_to_keep

NOW = datetime(2026, 11, 27, 9, 0)  # a Friday, ISO week 48


def _year_of_dailies() -> list[Dated]:
    first = date(2025, 11, 28)
    return [
        Dated(
            datetime.combine(first + timedelta(days=n), datetime.min.time()).replace(hour=2),
            "daily",
        )
        for n in range(365)
    ]


def _kept_days(items: list[Dated], now: datetime = NOW) -> list[str]:
    return sorted(items[i].taken_at.date().isoformat() for i in backups_to_keep(items, now))


def test_a_year_of_daily_backups_keeps_7_days_4_weeks_and_12_months() -> None:
    kept = _kept_days(_year_of_dailies())
    daily = [f"2026-11-{d}" for d in range(21, 28)]  # the last 7 days
    weekly = ["2026-11-08", "2026-11-15"]  # Sundays ending weeks 45 and 46 (47, 48 are daily)
    monthly = [  # the last day of each month, Dec 2025 .. Oct 2026 (Nov is today's)
        "2025-12-31", "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31",
        "2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31",
    ]  # fmt: skip
    assert kept == sorted(daily + weekly + monthly)
    assert len(kept) == 7 + 2 + 11


def test_manual_and_safety_copies_of_the_last_30_days_are_all_kept() -> None:
    items = [
        *_year_of_dailies(),
        Dated(datetime(2026, 11, 10, 12, 0), "manual"),
        Dated(datetime(2026, 11, 10, 12, 5), "manual"),
        Dated(datetime(2026, 11, 3, 8, 0), "before-import"),
        Dated(datetime(2026, 10, 1, 12, 0), "manual"),  # 57 days ago: an ordinary one now
    ]
    kept = backups_to_keep(items, NOW)
    assert {len(items) - 4, len(items) - 3, len(items) - 2} <= kept
    assert len(items) - 1 not in kept  # October's newest is the 31st


def test_the_newest_is_kept_even_when_it_is_old() -> None:
    items = [Dated(datetime(2020, 1, 1), "manual"), Dated(datetime(2019, 1, 1), "daily")]
    assert 0 in backups_to_keep(items, NOW)
    assert backups_to_keep([], NOW) == set()


moments = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2026, 11, 27, 8))
items_strategy = st.lists(
    st.builds(Dated, moments, st.sampled_from(["daily", "manual", "before-restore"])),
    max_size=80,
)


@given(items_strategy)
def test_rotation_is_stable_keeps_the_newest_and_is_bounded(items: list[Dated]) -> None:
    kept = backups_to_keep(items, NOW)
    if items:
        newest = max(range(len(items)), key=lambda i: items[i].taken_at)
        assert any(items[i].taken_at == items[newest].taken_at for i in kept)
    recent_by_hand = sum(
        1 for it in items if it.reason != "daily" and NOW - it.taken_at <= timedelta(days=30)
    )
    assert len(kept) <= 1 + 7 + 4 + 12 + recent_by_hand
    survivors = [items[i] for i in sorted(kept)]
    assert len(backups_to_keep(survivors, NOW)) == len(survivors)  # pruning again drops nothing
    days = {it.taken_at.date() for it in items}
    for day in sorted(days, reverse=True)[:7]:  # each of the 7 latest days keeps one
        assert any(items[i].taken_at.date() == day for i in kept)
