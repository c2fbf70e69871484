"""The numbers practices track, exactly as DOMAIN.md "Numbers practices track" defines them.

For a period [from, to] of local days and any filter (office, coordinator,
doctor, lead source, flow):

- *held*: the consult took place (its day is in the period and it is not a
  no-show, cancelled, or still only booked). Every other status counts as
  held (pending, start booked, started, declined, observation, referred out,
  and any status tcdesk does not know yet, as held and not started).
- *started*: a held consult whose patient started within 45 days of it (day 45
  counts, day 46 does not). A start is the earlier of bands on
  (``consults.started_on``) and the first signature of its agreement (an
  agreement ``signed`` event, unless that version was voided).
- case acceptance = started / held; without observation = started (not in
  observation) / (held - observation). Same-day start rate = started on the
  consult day / held. No-show rate = no-shows / (held + no-shows).
  Observation share = observation / held.
- *pending*: held, no start yet, and not declined, in observation or referred
  out; its value is the chosen (else recommended) option's patient portion.
- consult-to-start days: median and mean over the started consults.
- lead-to-consult: leads that came in during the period and got a held consult.

A rate with no denominator is ``None``; a period with no consults says so.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from tcdesk.domain import LeadSource, StaffRole
from tcdesk.errors import UserError
from tcdesk.services import kpi_months
from tcdesk.services.clock import today
from tcdesk.services.desk import Desk
from tcdesk.services.kpi_figures import (
    NOT_PENDING,
    SOURCE_LABELS,
    KpiFilters,
    KpiReport,
    LeadCounts,
    PendingValue,
    Slice,
    Tally,
    TargetProgress,
    rate,
)
from tcdesk.services.kpi_pending import followed_up, portions
from tcdesk.services.policy import practice_limits
from tcdesk.store.kpi_month_repo import KpiMonthRepository
from tcdesk.store.kpi_repo import (
    NOT_HELD,
    ConsultGroup,
    ConsultScope,
    KpiRepository,
    PendingRow,
)


def default_period(on: date) -> tuple[date, date]:
    """The last 12 full months and this month so far."""
    year, month = on.year, on.month - 12
    if month < 1:
        year, month = year - 1, month + 12
    return date(year, month, 1), on


def utc_bound(day: date) -> str:
    """The UTC instant the local ``day`` begins, in the store's timestamp format."""
    local = datetime.combine(day, time()).astimezone()
    return local.astimezone(UTC).isoformat(timespec="seconds")


def months_between(start: date, end: date) -> list[str]:
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_label(key: str) -> str:
    return date.fromisoformat(f"{key}-01").strftime("%b %Y")


def parse_source(text: str) -> str:
    """A lead source from its value or its words ("social media", "Walk-in")."""
    wanted = text.strip().lower().replace("-", "_").replace(" ", "_")
    for source in LeadSource:
        if wanted == source.value:
            return source.value
    names = ", ".join(s.value for s in LeadSource)
    raise UserError(f'"{text}" is not a lead source; use one of {names}.')


EARLIEST = date(1970, 1, 1)
LONGEST_YEARS = 25


def _check_period(start: date, end: date) -> None:
    """A period a practice can have had: from 1970, at most 25 years long."""
    if start < EARLIEST:
        raise UserError(
            f"The period starts too early ({start.isoformat()}); start in 1970 or later."
        )
    if (end.year - start.year) * 12 + end.month - start.month >= LONGEST_YEARS * 12:
        raise UserError(
            f"The period is longer than {LONGEST_YEARS} years "
            f"({start.isoformat()} to {end.isoformat()}); choose a shorter one."
        )


def _known_flow(desk: Desk, wanted: str) -> str:
    """The flow consults were presented with, named ``wanted`` (case does not matter)."""
    flows = KpiRepository(desk.db).flows()
    for flow in flows:
        if flow.casefold() == wanted.strip().casefold():
            return flow
    known = ", ".join(flows) or "none yet"
    raise UserError(f'No consult was presented with a flow called "{wanted}"; flows used: {known}.')


def _find_one(kind: str, wanted: str, names: dict[str, str]) -> str:
    """The id of the one ``kind`` named ``wanted`` (case does not matter)."""
    hits = [i for i, name in names.items() if name.casefold() == wanted.strip().casefold()]
    if len(hits) == 1:
        return hits[0]
    known = ", ".join(sorted(names.values())) or "none on file"
    if not hits:
        raise UserError(f'No {kind} is named "{wanted}"; the practice has: {known}.')
    raise UserError(f'More than one {kind} is named "{wanted}".')


@dataclass(frozen=True)
class KpiChoices:
    """What the dashboard's filters offer, by name."""

    offices: tuple[str, ...]
    coordinators: tuple[str, ...]
    doctors: tuple[str, ...]
    sources: tuple[tuple[str, str], ...]  # (value, words)
    flows: tuple[str, ...]
    today: date


def kpi_choices(desk: Desk) -> KpiChoices:
    practice = desk.practice()
    if practice is None:
        raise UserError("This file holds no practice yet, so it has no numbers.")
    staff = desk.practices.staff(practice.id)
    return KpiChoices(
        offices=tuple(o.name for o in desk.practices.offices(practice.id)),
        coordinators=tuple(sorted(s.name for s in staff if s.role is StaffRole.COORDINATOR)),
        doctors=tuple(sorted(s.name for s in staff if s.role is StaffRole.DOCTOR)),
        sources=tuple(SOURCE_LABELS.items()),
        flows=tuple(KpiRepository(desk.db).flows()),
        today=today(desk.clock),
    )


@dataclass(frozen=True)
class PeriodFacts:
    """A period's consults, pending families and leads, grouped by every filter's column.

    Filters are applied to these in Python, so changing one costs no query.
    """

    groups: tuple[ConsultGroup, ...]
    pending: tuple[tuple[PendingRow, int | None], ...]  # with its patient portion in cents
    leads: tuple[tuple[str, str, str, str, int, int], ...]


class KpiCounter:
    """Counts a period once and answers every filter from that count.

    The dashboard keeps one: the store is asked again only when the period
    changes or anything the numbers read has changed (the tables' marks), so a
    filter change is a sum over grouped rows, not a pass over the consults.
    """

    def __init__(self, *, keep: bool = True) -> None:
        """``keep``: group by every filter's column, to answer later filters from memory;
        False: one answer only (the filters go into the query, which is then leaner)."""
        self.keep = keep
        self._key: tuple | None = None
        self._facts: PeriodFacts | None = None
        self._kept: dict = {}  # the kept months this counter has read (kpi_month_repo)

    def facts(self, desk: Desk, scope: ConsultScope) -> PeriodFacts:
        repo = KpiRepository(desk.db)
        months = KpiMonthRepository(desk.db, self._kept)
        marks = months.marks()  # before counting: a change made meanwhile is seen next time
        key = (scope, tuple(marks.values()))
        if key == self._key and self._facts is not None:
            return self._facts
        groups = tuple(
            kpi_months.consult_groups(repo, months, scope, marks, every_filter=self.keep)
        )
        open_statuses = sorted(
            {
                g.status
                for g in groups
                if g.start_days is None and g.status not in NOT_HELD and g.status not in NOT_PENDING
            }
        )
        limits = practice_limits(desk)

        def price(rows: list[PendingRow]) -> list[int | None]:
            patient_ids = [r.patient_id for r in rows]
            insurance = repo.insurance(patient_ids)
            return portions(rows, insurance, repo.patient_births(patient_ids), limits)

        pending = kpi_months.pending(repo, months, scope, marks, open_statuses, repr(limits), price)
        leads = tuple(kpi_months.lead_groups(repo, months, scope, marks))
        self._facts = PeriodFacts(groups, tuple(pending), leads)
        self._key = key
        return self._facts


def _matches(item: ConsultGroup | PendingRow, wanted: dict[str, str | None]) -> bool:
    return all(value is None or getattr(item, name) == value for name, value in wanted.items())


def kpi_report(
    desk: Desk, filters: KpiFilters | None = None, counter: KpiCounter | None = None
) -> KpiReport:
    """The period's figures: counted once (SQL GROUP BY), then filtered and summed."""
    filters = filters or KpiFilters()
    practice = desk.practice()
    if practice is None:
        raise UserError("This file holds no practice yet, so it has no numbers.")
    on = today(desk.clock)
    start, end = default_period(on)
    start, end = filters.start or start, filters.end or end
    if start > end:
        raise UserError(
            f"The period starts ({start.isoformat()}) after it ends ({end.isoformat()})."
        )
    _check_period(start, end)
    staff = desk.practices.staff(practice.id)
    coordinators = {s.id: s.name for s in staff}  # whoever ran a consult, by name
    doctors = {s.id: s.name for s in staff if s.role is StaffRole.DOCTOR}
    not_doctors = {i: name for i, name in coordinators.items() if i not in doctors}
    offices = {o.id: o.name for o in desk.practices.offices(practice.id, include_removed=True)}
    named: list[tuple[str, str]] = []
    ids: dict[str, str | None] = {}
    for key, value, names in (
        ("office", filters.office, offices),
        ("coordinator", filters.coordinator, not_doctors),
        ("doctor", filters.doctor, doctors),
    ):
        ids[key] = _find_one(key, value, names) if value else None
        if value and ids[key]:
            named.append((key, names[ids[key]]))  # type: ignore[index]
    source = parse_source(filters.source) if filters.source else None
    if source:
        named.append(("source", SOURCE_LABELS[source]))
    flow = _known_flow(desk, filters.flow) if filters.flow else None
    if flow:
        named.append(("flow", flow))
    month_keys = months_between(start, end)
    first = utc_bound(start)
    counter = counter or KpiCounter()
    wanted = {
        "office_id": ids["office"],
        "coordinator_id": ids["coordinator"],
        "doctor_id": ids["doctor"],
        "source": source,
        "flow_id": flow,
    }
    scope = ConsultScope(
        first,
        utc_bound(end + timedelta(days=1)),
        **({} if counter.keep else {k: v for k, v in wanted.items()}),
        months=tuple(
            (key, first if i == 0 else utc_bound(date.fromisoformat(f"{key}-01")))
            for i, key in enumerate(month_keys)
        ),
    )
    facts = counter.facts(desk, scope)
    if not counter.keep:  # the query applied the consult filters already
        wanted = dict.fromkeys(wanted)
    # The kept groups are split by office, doctor and flow too; merged to what the
    # slices show first, a year's 9,000 groups are a few hundred sums per slice.
    merged: Counter[tuple[str, str, str, str, int | None]] = Counter()
    active = {name: value for name, value in wanted.items() if value is not None}
    for group in facts.groups:
        if active and not _matches(group, active):
            continue
        key = (group.month, group.coordinator_id, group.source, group.status, group.start_days)
        merged[key] += group.count
    total = _tallies(merged, None).get("", Tally())
    months = {m: Tally() for m in month_keys} | _tallies(merged, 0)
    by_coordinator = _tallies(merged, 1)
    by_source = _tallies(merged, 2)
    applies = not (ids["doctor"] or flow)
    month_leads: dict[str, list[int]] = {}
    source_leads: dict[str, list[int]] = {}
    coordinator_leads: dict[str, list[int]] = {}  # by the TC each lead is assigned to
    for month, channel, office_id, assigned_to, count, held in facts.leads:
        if (ids["office"] and office_id != ids["office"]) or (
            ids["coordinator"] and assigned_to != ids["coordinator"]
        ):
            continue
        if source and channel != source:
            continue
        for bucket, key in (
            (month_leads, month),
            (source_leads, channel),
            (coordinator_leads, assigned_to),
        ):
            pair = bucket.setdefault(key, [0, 0])
            pair[0] += count
            pair[1] += held or 0
    leads = LeadCounts(
        sum(p[0] for p in month_leads.values()),
        sum(p[1] for p in month_leads.values()),
        applies,
    )
    follow_days = practice.target_follow_up_business_days
    pending = [(row, cents) for row, cents in facts.pending if _matches(row, wanted)]
    followed = sum(followed_up(row, follow_days) for row, _ in pending)
    value = PendingValue(len(pending), sum(c or 0 for _, c in pending), followed)
    targets = (
        TargetProgress(
            "Case acceptance",
            practice.target_acceptance_pct,
            _percent(total.case_acceptance),
            "held consults started within 45 days",
        ),
        TargetProgress(
            "Same-day starts",
            practice.target_same_day_pct,
            _percent(total.same_day_start_rate),
            "held consults started on the consult day",
        ),
        TargetProgress(
            f"Follow-up within {follow_days} business days",
            Decimal(100),
            _percent(rate(value.followed_up, value.count)),
            f"pending consults whose first contact or closed follow-up came within "
            f"{follow_days} business days (Mon-Fri) of the consult",
        ),
    )
    return KpiReport(
        start=start,
        end=end,
        filters=tuple(named),
        total=total,
        leads=leads,
        pending_count=value.count,
        pending_value_cents=value.value_cents,
        by_month=tuple(
            Slice(m, month_label(m), t, _leads(month_leads.get(m), applies))
            for m, t in sorted(months.items())
        ),
        by_coordinator=_named_slices(by_coordinator, coordinators, coordinator_leads, applies),
        by_source=tuple(
            Slice(s, SOURCE_LABELS.get(s, s), t, _leads(source_leads.get(s), applies))
            for s, t in sorted(by_source.items(), key=lambda item: -item[1].held)
        ),
        targets=targets,
        follow_up_days=follow_days,
    )


def _tallies(merged: Counter, at: int | None) -> dict[str, Tally]:
    """One tally per value of the merged key's part ``at`` (month, coordinator, source);
    ``at`` None: one tally of everything, under ""."""
    sums: Counter[tuple[str, str, int | None]] = Counter()
    for key, n in merged.items():
        sums["" if at is None else key[at], key[3], key[4]] += n
    tallies: dict[str, Tally] = {}
    for (name, status, days), n in sums.items():
        tallies.setdefault(name, Tally()).add_count(status, days, n)
    return tallies


def _leads(pair: list[int] | None, applies: bool) -> LeadCounts:
    return LeadCounts(pair[0], pair[1], applies) if pair else LeadCounts(0, 0, applies)


def _named_slices(
    tallies: dict[str, Tally],
    names: dict[str, str],
    leads: dict[str, list[int]],
    applies: bool,
) -> tuple[Slice, ...]:
    """One slice per coordinator, with the leads assigned to them."""
    rows = [
        Slice(key, names.get(key, "(removed)"), t, _leads(leads.get(key), applies))
        for key, t in tallies.items()
    ]
    return tuple(sorted(rows, key=lambda s: (-s.tally.held, s.label)))


def _percent(value: Decimal | None) -> Decimal | None:
    return None if value is None else (value * 100).quantize(Decimal("0.1"))
