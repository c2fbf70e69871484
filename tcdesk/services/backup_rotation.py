"""Which backups to keep: grandfather-father-son, as a pure function over dates.

Kept: the newest backup of each of the 7 most recent days that have one, of
each of the 4 most recent ISO weeks, of each of the 12 most recent months;
every one made by hand or as a safety copy (before a migration, a restore or
an import) in the last 30 days; and always the newest. Everything else may go.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

DAILY, WEEKLY, MONTHLY = 7, 4, 12
KEEP_BY_HAND = timedelta(days=30)
AUTOMATIC = "daily"


@dataclass(frozen=True)
class Dated:
    """What the rule looks at: when a backup was taken (local time) and why."""

    taken_at: datetime
    reason: str


def _newest_per_bucket(
    order: list[int], items: Sequence[Dated], key: Callable[[datetime], Hashable], count: int
) -> set[int]:
    kept: set[int] = set()
    seen: set[Hashable] = set()
    for index in order:
        bucket = key(items[index].taken_at)
        if bucket in seen:
            continue
        seen.add(bucket)
        kept.add(index)
        if len(seen) == count:
            break
    return kept


def backups_to_keep(items: Sequence[Dated], now: datetime) -> set[int]:
    """The indexes of ``items`` to keep (all good backups; the rest may be deleted)."""
    if not items:
        return set()
    order = sorted(range(len(items)), key=lambda i: items[i].taken_at, reverse=True)
    keep = {order[0]}  # never the newest good backup
    keep |= _newest_per_bucket(order, items, lambda t: t.date(), DAILY)
    keep |= _newest_per_bucket(order, items, lambda t: t.isocalendar()[:2], WEEKLY)
    keep |= _newest_per_bucket(order, items, lambda t: (t.year, t.month), MONTHLY)
    keep |= {
        i
        for i, item in enumerate(items)
        if item.reason != AUTOMATIC and now - item.taken_at <= KEEP_BY_HAND
    }
    return keep
