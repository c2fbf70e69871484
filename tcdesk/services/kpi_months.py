"""A period's consult groups, month by month, counting again only the months that changed.

The dashboard and ``tcdesk kpi`` ask for a year; at 150,000 consults a whole
count takes most of a second, while between two looks usually only this month
has changed (tcdesk.store.kpi_month_repo says how a change is noticed). Each
month is kept per time zone and per grouping, clipped to the period: the
period's first and last months are their own slices, so a period ending today
keeps its full months and counts only the last one again tomorrow.
"""

from __future__ import annotations

import time
from dataclasses import replace

from tcdesk.store.kpi_month_repo import KeptMonth, KpiMonthRepository, Marks, MonthSlice
from tcdesk.store.kpi_repo import ConsultGroup, ConsultScope, KpiRepository


def month_slices(scope: ConsultScope) -> list[MonthSlice]:
    """The scope's months, each clipped to the period (``scope.months`` gives their starts)."""
    if not scope.months:
        return []
    starts = [start for _key, start in scope.months]
    ends = [*starts[1:], scope.end_utc]
    return [
        MonthSlice(key, start, end)
        for (key, start), end in zip(scope.months, ends, strict=True)
        if start < end
    ]


def _zone() -> str:
    """The local zone's identity: a month's bounds and days are local (TZ set per process)."""
    return f"{'/'.join(time.tzname)}{time.timezone}/{time.altzone}"


def _key(piece: MonthSlice, every_filter: bool) -> str:
    return f"{_zone()}|{int(every_filter)}|{piece.start_utc}|{piece.end_utc}"


def _stale(kept: KeptMonth, changes: list[tuple[str, str, str]], piece: MonthSlice) -> bool:
    for mark, value, scheduled in changes:
        if not piece.start_utc <= scheduled < piece.end_utc:
            continue
        if mark == "consults" and value > kept.marks.consults:
            return True
        if mark == "events" and int(value) > kept.marks.events:
            return True
        if mark == "patients" and value > kept.marks.patients:
            return True
    return False


def _oldest(kept: list[KeptMonth]) -> Marks:
    return Marks(
        min(k.marks.consults for k in kept),
        min(k.marks.events for k in kept),
        min(k.marks.patients for k in kept),
    )


def consult_groups(
    repo: KpiRepository,
    months: KpiMonthRepository,
    scope: ConsultScope,
    *,
    every_filter: bool,
) -> list[ConsultGroup]:
    """The same groups as ``repo.consult_groups(scope)``, from kept months where still right.

    The months to count again are counted in one query over their span; every
    month counted is kept for next time (when the file can be written).
    """
    pieces = month_slices(scope)
    filtered = (scope.office_id, scope.coordinator_id, scope.doctor_id, scope.source, scope.flow_id)
    if not pieces or any(filtered):  # a filtered count is not kept: filter the kept groups
        return repo.consult_groups(scope, every_filter=every_filter)
    marks = months.marks()  # before counting: a change made meanwhile is seen next time
    keys = [_key(p, every_filter) for p in pieces]
    kept = months.kept(keys)
    counts = months.counts(pieces)
    usable = [kept[k] for k in keys if k in kept]
    changes = months.changed_since(_oldest(usable)) if usable else []
    fresh: dict[str, list[ConsultGroup]] = {}
    stale: list[int] = []
    for at, (piece, key, count) in enumerate(zip(pieces, keys, counts, strict=True)):
        month = kept.get(key)
        if month is None or month.counted != count or _stale(month, changes, piece):
            stale.append(at)
        else:
            fresh[key] = [ConsultGroup._make(row) for row in month.groups]
    if stale:
        first, last = pieces[stale[0]], pieces[stale[-1]]
        span = replace(
            scope,
            start_utc=first.start_utc,
            end_utc=last.end_utc,
            months=tuple((p.month, p.start_utc) for p in pieces[stale[0] : stale[-1] + 1]),
        )
        counted = repo.consult_groups(span, every_filter=every_filter)
        by_month: dict[str, list[ConsultGroup]] = {}
        for group in counted:
            by_month.setdefault(group.month, []).append(group)
        recounted = []
        for at in range(stale[0], stale[-1] + 1):
            piece, key = pieces[at], keys[at]
            fresh[key] = by_month.get(piece.month, [])
            recounted.append(KeptMonth(key, counts[at], marks, [list(g) for g in fresh[key]]))
        months.keep(recounted)
    return [group for key in keys for group in fresh.get(key, [])]
