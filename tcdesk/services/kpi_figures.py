"""The dashboard's figures: a tally of consults, its rates, and the report they make.

Plain data, apart from how ``kpi_report`` gathers them (tcdesk.services.kpi), so
the dashboard, the export and the command can name them without the counting.
The definitions are DOMAIN.md's, as tcdesk.services.kpi's docstring states.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from tcdesk.domain import LeadSource
from tcdesk.store.kpi_repo import NOT_HELD, ConsultGroup

START_WITHIN_DAYS = 45
NOT_PENDING = ("declined", "observation", "referred_out")
NO_CONSULTS = "no consults in this period"
ACCEPTANCE_RULE = (
    "Case acceptance: held consults that started (agreement signed or bands on) within "
    "45 days / held consults. Observation and recall are counted as not started; the "
    "second figure leaves them out of both."
)
SOURCE_LABELS: dict[str, str] = {
    LeadSource.PHONE: "Phone",
    LeadSource.EMAIL: "Email",
    LeadSource.TEXT: "Text",
    LeadSource.SOCIAL_MEDIA: "Social media",
    LeadSource.WEBSITE: "Website",
    LeadSource.DOCTOR_REFERRAL: "Doctor referral",
    LeadSource.PATIENT_REFERRAL: "Patient referral",
    LeadSource.WALK_IN: "Walk-in",
}
_FOUR = Decimal("0.0001")


def rate(numerator: int, denominator: int) -> Decimal | None:
    """``numerator / denominator`` rounded to 4 decimals; None when there is nothing to divide."""
    if denominator <= 0:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(_FOUR, ROUND_HALF_UP)


@dataclass
class Tally:
    """Counts for one slice (the whole period, a month, a coordinator, a source)."""

    booked: int = 0
    held: int = 0
    started: int = 0
    started_observation: int = 0
    same_day: int = 0
    no_shows: int = 0
    cancelled: int = 0
    observation: int = 0
    declined: int = 0
    pending: int = 0
    start_days: Counter[int] = field(default_factory=Counter)

    def add(self, group: ConsultGroup) -> None:
        self.add_count(group.status, group.start_days, group.count)

    def add_count(self, status: str, days: int | None, n: int) -> None:
        """``n`` consults of this status that started ``days`` after the consult (None: not)."""
        self.booked += n
        if status == "no_show":
            self.no_shows += n
        elif status == "cancelled":
            self.cancelled += n
        if status in NOT_HELD:
            return
        self.held += n
        observation = status == "observation"
        self.observation += n if observation else 0
        self.declined += n if status == "declined" else 0
        if days is not None and days <= START_WITHIN_DAYS:
            self.started += n
            self.started_observation += n if observation else 0
            self.same_day += n if days == 0 else 0
            self.start_days[days] += n
        elif days is None and status not in NOT_PENDING:
            self.pending += n

    @property
    def case_acceptance(self) -> Decimal | None:
        return rate(self.started, self.held)

    @property
    def case_acceptance_excl_observation(self) -> Decimal | None:
        return rate(self.started - self.started_observation, self.held - self.observation)

    @property
    def same_day_start_rate(self) -> Decimal | None:
        return rate(self.same_day, self.held)

    @property
    def no_show_rate(self) -> Decimal | None:
        return rate(self.no_shows, self.held + self.no_shows)

    @property
    def observation_share(self) -> Decimal | None:
        return rate(self.observation, self.held)

    @property
    def days_median(self) -> Decimal | None:
        return _median(self.start_days)

    @property
    def days_mean(self) -> Decimal | None:
        total = sum(self.start_days.values())
        if not total:
            return None
        days = sum(d * n for d, n in self.start_days.items())
        return (Decimal(days) / Decimal(total)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _median(histogram: Counter[int]) -> Decimal | None:
    total = sum(histogram.values())
    if not total:
        return None
    wanted = [(total - 1) // 2, total // 2]  # the middle one or two, 0-based
    found: list[int] = []
    seen = 0
    for days in sorted(histogram):
        count = histogram[days]
        found += [days for w in wanted if seen <= w < seen + count]
        seen += count
    return (Decimal(found[0] + found[1]) / 2).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class KpiFilters:
    """The period and filters as the user names them (names, not ids)."""

    start: date | None = None
    end: date | None = None
    office: str | None = None
    coordinator: str | None = None
    doctor: str | None = None
    source: str | None = None
    flow: str | None = None


@dataclass(frozen=True)
class LeadCounts:
    leads: int = 0
    with_consult: int = 0
    applies: bool = True  # False under a doctor or flow filter: a lead has neither yet

    @property
    def lead_to_consult(self) -> Decimal | None:
        return rate(self.with_consult, self.leads) if self.applies else None


@dataclass(frozen=True)
class Slice:
    """One row of a breakdown: its name and its numbers."""

    key: str
    label: str
    tally: Tally
    leads: LeadCounts = LeadCounts()


@dataclass(frozen=True)
class PendingValue:
    count: int
    value_cents: int
    followed_up: int  # first contact or closed follow-up within the target's business days


@dataclass(frozen=True)
class TargetProgress:
    label: str
    target: Decimal  # percent
    actual: Decimal | None  # percent; None: nothing to measure
    rule: str

    @property
    def met(self) -> bool | None:
        return None if self.actual is None else self.actual >= self.target


@dataclass(frozen=True)
class KpiReport:
    """Everything the dashboard and ``tcdesk kpi`` show, in one answer."""

    start: date
    end: date
    filters: tuple[tuple[str, str], ...]  # ("coordinator", "Maya Alvarez"), ...
    total: Tally
    leads: LeadCounts
    pending_count: int
    pending_value_cents: int
    by_month: tuple[Slice, ...]
    by_coordinator: tuple[Slice, ...]
    by_source: tuple[Slice, ...]
    targets: tuple[TargetProgress, ...]
    follow_up_days: int

    @property
    def empty(self) -> bool:
        return self.total.booked == 0

    @property
    def message(self) -> str:
        return NO_CONSULTS if self.empty else ""
