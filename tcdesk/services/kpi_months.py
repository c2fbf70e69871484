"""A period's counts month by month, counting again only the months that changed.

The dashboard and ``tcdesk kpi`` ask for a year; at 150,000 consults a whole
count takes most of a second, while between two looks usually only this month
has changed (tcdesk.store.kpi_month_repo says how a change is noticed). Each
month is kept per time zone and per grouping, clipped to the period: the
period's first and last months are their own slices, so a period ending today
keeps its full months and counts only the last one again tomorrow.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace

from tcdesk.store.codec import to_row
from tcdesk.store.kpi_month_repo import (
    MONTH_MARKS,
    PENDING_MARKS,
    Change,
    Kept,
    KpiMonthRepository,
    Marks,
    MonthSlice,
)
from tcdesk.store.kpi_repo import (
    ConsultGroup,
    ConsultScope,
    KpiRepository,
    PendingRow,
    SavedDiscounts,
)


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


def _stale(kept: Kept, changes: list[Change], piece: MonthSlice) -> bool:
    for mark, value, when in changes:
        if piece.start_utc <= when < piece.end_utc:
            seen = kept.marks.get(mark)
            if seen is None or value > seen:  # type: ignore[operator]
                return True
    return False


def _made(month: Kept, make: Callable[[list], object]) -> list | None:
    """The kept rows as objects (made once per kept month); None when they no longer fit."""
    if "rows" not in month.made:
        try:
            month.made["rows"] = [make(row) for row in month.rows]
        except (TypeError, ValueError):
            return None
    return month.made["rows"]


def _oldest(kept: list[Kept]) -> Marks:
    """The marks to look for changes after: the oldest of each among the kept months."""
    names = {name for k in kept for name in k.marks}
    return {
        name: min(k.marks[name] for k in kept if name in k.marks)  # type: ignore[type-var]
        for name in names
    }


def _of(marks: Marks, names: tuple[str, ...]) -> Marks:
    return {name: marks[name] for name in names}


def _by_month(
    months: KpiMonthRepository,
    marks: Marks,
    kind: str,
    pieces: list[MonthSlice],
    counts: list[int],
    changes: Callable[[Marks], list[Change]],
    count: Callable[[list[MonthSlice]], Sequence[Sequence]],
    make: Callable[[list], object],
) -> list:
    """Every piece's rows as objects (``make``; each row's first field its month), from
    kept months where still right.

    The months to count again are counted in one ``count`` over their span, and
    kept for next time (when the file can be written), with ``marks``.
    """
    marks = _of(marks, MONTH_MARKS)  # read before counting: a later change is seen next time
    keys = [f"{_zone()}|{kind}|{p.start_utc}|{p.end_utc}" for p in pieces]
    kept = months.kept(keys)
    usable = [kept[k] for k in keys if k in kept]
    changed = changes(_oldest(usable)) if usable else []
    made: dict[str, list] = {}
    stale = []
    for at, (piece, key, counted) in enumerate(zip(pieces, keys, counts, strict=True)):
        month = kept.get(key)
        objects = None
        if month is not None and month.counted == counted and not _stale(month, changed, piece):
            objects = _made(month, make)
        if objects is None:
            stale.append(at)
        else:
            made[key] = objects
    if stale:
        span = pieces[stale[0] : stale[-1] + 1]
        fresh: dict[str, list] = {}
        for row in count(span):
            fresh.setdefault(row[0], []).append(row)
        recounted = []
        for at in range(stale[0], stale[-1] + 1):
            objects = fresh.get(pieces[at].month, [])
            made[keys[at]] = objects
            month = Kept(keys[at], counts[at], marks, [list(row) for row in objects])
            month.made["rows"] = objects
            recounted.append(month)
        months.keep(recounted)
    return [row for key in keys for row in made.get(key, [])]


def _filtered(scope: ConsultScope) -> bool:
    return any(
        (scope.office_id, scope.coordinator_id, scope.doctor_id, scope.source, scope.flow_id)
    )


def consult_groups(
    repo: KpiRepository,
    months: KpiMonthRepository,
    scope: ConsultScope,
    marks: Marks,
    *,
    every_filter: bool,
) -> list[ConsultGroup]:
    """The same groups as ``repo.consult_groups(scope)``, from kept months where still right."""
    pieces = month_slices(scope)
    if not pieces or _filtered(scope):  # a filtered count is not kept: filter kept groups
        return repo.consult_groups(scope, every_filter=every_filter)

    def count(span: list[MonthSlice]) -> list[ConsultGroup]:
        within = replace(
            scope,
            start_utc=span[0].start_utc,
            end_utc=span[-1].end_utc,
            months=tuple((p.month, p.start_utc) for p in span),
        )
        return repo.consult_groups(within, every_filter=every_filter)

    kind = "consults" if every_filter else "consults-lean"
    counts = months.consult_counts(pieces)
    return _by_month(
        months, marks, kind, pieces, counts, months.consult_changes, count, ConsultGroup._make
    )


def lead_groups(
    repo: KpiRepository, months: KpiMonthRepository, scope: ConsultScope, marks: Marks
) -> list[tuple[str, str, str, str, int, int]]:
    """The same rows as ``repo.lead_groups`` for the scope's period, from kept months."""
    pieces = month_slices(scope)
    if not pieces:
        return repo.lead_groups(scope.start_utc, scope.end_utc)
    return _by_month(
        months,
        marks,
        "leads",
        pieces,
        months.lead_counts(pieces),
        months.lead_changes,
        lambda span: repo.lead_groups(span[0].start_utc, span[-1].end_utc),
        tuple,
    )


def pending(
    repo: KpiRepository,
    months: KpiMonthRepository,
    scope: ConsultScope,
    marks: Marks,
    statuses: Sequence[str],
    policy: str,
    price: Callable[[list[PendingRow]], list[int | None]],
) -> list[tuple[PendingRow, int | None]]:
    """The period's pending families with their portions (``price``), kept per consult:
    only the consults a change names (``pending_changes``) are read and priced again.

    ``policy`` (the financial policy, which prices them) is part of what is kept.
    """
    key = f"{_zone()}|pending|{scope.start_utc}|{scope.end_utc}|{','.join(statuses)}|{policy}"
    marks = _of(marks, PENDING_MARKS)  # read before counting: a later change is seen next time
    found = months.kept([key]).get(key)
    kept: list[tuple[PendingRow, int | None]] | None = None
    if found is not None and set(found.marks) == set(marks):
        kept = found.made.get("rows")
        if kept is None:
            try:
                kept = [_pending_row(row) for row in found.rows]
            except (TypeError, ValueError, KeyError, IndexError):
                kept = None  # unreadable: read again, and overwritten
            else:
                found.made["rows"] = kept
    if found is not None and kept is not None and found.marks == marks:
        return kept
    if found is None or kept is None:
        rows = repo.pending(scope, statuses)
        counted = list(zip(rows, price(rows), strict=True))
        stored = [_pending_fields(*item) for item in counted]
    else:
        again = months.pending_changes(found.marks)
        rows = repo.pending(scope, statuses, only=sorted(again)) if again else []
        fresh = list(zip(rows, price(rows), strict=True))
        left = [at for at, item in enumerate(kept) if item[0].consult_id not in again]
        counted = [kept[at] for at in left] + fresh
        stored = [found.rows[at] for at in left] + [_pending_fields(*item) for item in fresh]
    month = Kept(key, len(counted), marks, stored)
    month.made["rows"] = counted
    months.keep([month])
    return counted


_PENDING_FIELDS = tuple(PendingRow.__dataclass_fields__)


def _pending_fields(row: PendingRow, cents: int | None) -> list:
    """A pending row as kept: its fields in order (discounts as the store writes them), cents."""
    fields = [getattr(row, name) for name in _PENDING_FIELDS]
    at = _PENDING_FIELDS.index("plan_discounts")
    discounts = row.plan_discounts
    fields[at] = to_row(SavedDiscounts(discounts))["discounts"] if discounts else None
    return [*fields, cents]


def _pending_row(kept: list) -> tuple[PendingRow, int | None]:
    *fields, cents = kept
    if len(fields) != len(_PENDING_FIELDS):
        raise ValueError("a kept pending row of another shape")
    values = dict(zip(_PENDING_FIELDS, fields, strict=True))
    values["plan_discounts"] = SavedDiscounts.read(values["plan_discounts"])
    return PendingRow(**values), cents
