"""What each dashboard chart draws, taken from one KpiReport: labels, lengths and the words.

Plain data, no Qt: the painter draws it, the tests read it. Lengths are floats
for geometry only (percents and counts, never money). Every bar carries its
value in words, so no figure depends on colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tcdesk.services.kpi_export import percent_text
from tcdesk.services.kpi_figures import KpiReport, Slice


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  # the bar's length, in the chart's unit
    text: str  # what is written beside the bar


@dataclass(frozen=True)
class Chart:
    title: str
    bars: tuple[Bar, ...]
    vertical: bool  # True: one column a month; False: one row a stage, source or person
    maximum: float
    target: float | None = None  # a dashed line ("Target 75%")
    target_text: str = ""
    note: str = ""  # the rule, under the chart


def _pct(value: Decimal | None) -> float:
    return 0.0 if value is None else float(value * 100)


def funnel_chart(report: KpiReport) -> Chart:
    t = report.total
    stages = []
    if report.leads.applies:
        stages.append(("Leads", report.leads.leads))
    stages += [("Consults booked", t.booked), ("Consults held", t.held), ("Started", t.started)]
    bars = []
    previous: int | None = None
    for label, count in stages:
        # Not every consult came from a lead (walk-ins, referrals the desk booked
        # directly), so "booked" is no share of "leads": lead to consult says that.
        follows_leads = bars and bars[-1].label == "Leads"
        share = (
            f" ({count * 100 // previous}% of the stage before)"
            if previous and not follows_leads
            else ""
        )
        if follows_leads and report.leads.lead_to_consult is not None:
            share = f" (lead to consult: {_pct(report.leads.lead_to_consult):.0f}%)"
        bars.append(Bar(label, float(count), f"{count}{share}"))
        previous = count
    return Chart(
        "From lead to start",
        tuple(bars),
        vertical=False,
        maximum=float(max((c for _, c in stages), default=0)),
        note="Started: within 45 days of the consult (agreement signed or bands on).",
    )


def _target(report: KpiReport) -> tuple[float, str]:
    target = report.targets[0].target
    return float(target), f"Target {target}%"


def trend_chart(report: KpiReport) -> Chart:
    target, words = _target(report)
    bars = tuple(
        Bar(
            _month_label(s.key, first=index == 0),
            _pct(s.tally.case_acceptance),
            percent_text(s.tally.case_acceptance).replace(".0%", "%"),
        )
        for index, s in enumerate(report.by_month)
    )
    return Chart(
        "Case acceptance by month",
        bars,
        vertical=True,
        maximum=100.0,
        target=target,
        target_text=words,
        note="A dash: no consult held that month.",
    )


def _month_label(key: str, *, first: bool) -> str:
    """ "Mar"; the year too on the first month and every January ("Jan ’26")."""
    day = date.fromisoformat(f"{key}-01")
    return day.strftime("%b ’%y") if first or day.month == 1 else day.strftime("%b")


def _acceptance_bars(slices: tuple[Slice, ...]) -> tuple[Bar, ...]:
    return tuple(
        Bar(
            s.label,
            _pct(s.tally.case_acceptance),
            f"{percent_text(s.tally.case_acceptance)} of {s.tally.held} held",
        )
        for s in slices
    )


def source_chart(report: KpiReport) -> Chart:
    target, words = _target(report)
    return Chart(
        "Case acceptance by lead source",
        _acceptance_bars(report.by_source),
        vertical=False,
        maximum=100.0,
        target=target,
        target_text=words,
    )


def coordinator_chart(report: KpiReport) -> Chart:
    target, words = _target(report)
    return Chart(
        "Case acceptance by coordinator",
        _acceptance_bars(report.by_coordinator),
        vertical=False,
        maximum=100.0,
        target=target,
        target_text=words,
    )
