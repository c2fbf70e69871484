"""The practice's numbers as JSON, tables and CSV files (shared by the CLI and the dashboard).

Rates are numbers from 0 to 1 rounded to 4 decimals (JSON) or percents with one
decimal (tables); money is dollars as text; a rate with no denominator is null
in JSON and a dash in a table, never a division error.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from tcdesk.formatting import money_from_cents
from tcdesk.services.kpi_figures import KpiReport, Slice, Tally
from tcdesk.services.policy import cents_to_decimal

NOT_MEASURED = "–"


def _number(value: Decimal | None) -> float | None:
    """JSON wants numbers; the Decimal is already rounded, so this float prints exactly it."""
    return None if value is None else float(value)


def tally_json(tally: Tally) -> dict[str, object]:
    return {
        "held": tally.held,
        "started": tally.started,
        "no_shows": tally.no_shows,
        "case_acceptance": _number(tally.case_acceptance),
        "case_acceptance_excl_observation": _number(tally.case_acceptance_excl_observation),
        "same_day_start_rate": _number(tally.same_day_start_rate),
        "no_show_rate": _number(tally.no_show_rate),
        "consult_to_start_days_median": _number(tally.days_median),
        "consult_to_start_days_mean": _number(tally.days_mean),
        "observation_share": _number(tally.observation_share),
        "booked": tally.booked,
        "same_day_starts": tally.same_day,
        "observation": tally.observation,
        "declined": tally.declined,
        "cancelled": tally.cancelled,
        "pending_count": tally.pending,
    }


def _slice_json(item: Slice) -> dict[str, object]:
    return {
        "key": item.key,
        "name": item.label,
        **tally_json(item.tally),
        "leads": item.leads.leads,
        "lead_to_consult": _number(item.leads.lead_to_consult),
    }


def kpi_json(report: KpiReport) -> dict[str, object]:
    """The issue's keys first, then what the dashboard also shows."""
    total = report.total
    data: dict[str, object] = tally_json(total)
    data["pending_count"] = report.pending_count
    data["pending_value"] = str(cents_to_decimal(report.pending_value_cents))
    data["lead_to_consult"] = _number(report.leads.lead_to_consult)
    data["leads"] = report.leads.leads
    data["leads_with_consult"] = report.leads.with_consult
    data["from"] = report.start.isoformat()
    data["to"] = report.end.isoformat()
    data["filters"] = dict(report.filters)
    data["message"] = report.message
    data["targets"] = [
        {
            "name": t.label,
            "target_pct": str(t.target),
            "actual_pct": None if t.actual is None else str(t.actual),
            "met": t.met,
            "rule": t.rule,
        }
        for t in report.targets
    ]
    data["by_month"] = [_slice_json(s) for s in report.by_month]
    data["by_coordinator"] = [_slice_json(s) for s in report.by_coordinator]
    data["by_source"] = [_slice_json(s) for s in report.by_source]
    return data


def percent_text(value: Decimal | None) -> str:
    """0.7234 -> "72.3%"; None -> a dash."""
    if value is None:
        return NOT_MEASURED
    return f"{(value * 100).quantize(Decimal('0.1'))}%"


def days_text(value: Decimal | None) -> str:
    return NOT_MEASURED if value is None else f"{value} days"


@dataclass(frozen=True)
class Table:
    """A chart's numbers as the table beside it and its CSV file."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def funnel_table(report: KpiReport) -> Table:
    total = report.total
    leads = str(report.leads.leads) if report.leads.applies else NOT_MEASURED
    return Table(
        "From lead to start",
        ("Stage", "Count"),
        (
            ("Leads", leads),
            ("Consults booked", str(total.booked)),
            ("Consults held", str(total.held)),
            ("Started", str(total.started)),
        ),
    )


SLICE_HEADERS = (
    "Held",
    "Started",
    "Acceptance",
    "Acceptance excl. observation",
    "Same-day starts",
    "No-show rate",
    "Pending",
)


def _slice_row(item: Slice) -> tuple[str, ...]:
    t = item.tally
    return (
        item.label,
        str(t.held),
        str(t.started),
        percent_text(t.case_acceptance),
        percent_text(t.case_acceptance_excl_observation),
        percent_text(t.same_day_start_rate),
        percent_text(t.no_show_rate),
        str(t.pending),
    )


def month_table(report: KpiReport) -> Table:
    return Table(
        "By month",
        ("Month", *SLICE_HEADERS),
        tuple(_slice_row(s) for s in report.by_month),
    )


def coordinator_table(report: KpiReport) -> Table:
    return Table(
        "By coordinator",
        ("Coordinator", *SLICE_HEADERS),
        tuple(_slice_row(s) for s in report.by_coordinator),
    )


def source_table(report: KpiReport) -> Table:
    rows = tuple(
        (*_slice_row(s), str(s.leads.leads), percent_text(s.leads.lead_to_consult))
        for s in report.by_source
    )
    return Table("By lead source", ("Source", *SLICE_HEADERS, "Leads", "Lead to consult"), rows)


def summary_rows(report: KpiReport) -> tuple[tuple[str, str], ...]:
    """The headline figures in words, for the text output and the tiles."""
    t = report.total
    return (
        ("Consults held", str(t.held)),
        ("Started within 45 days", str(t.started)),
        ("Case acceptance", percent_text(t.case_acceptance)),
        ("Case acceptance, observation left out", percent_text(t.case_acceptance_excl_observation)),
        ("Same-day start rate", percent_text(t.same_day_start_rate)),
        ("Pending", f"{report.pending_count} ({money_from_cents(report.pending_value_cents)})"),
        ("No-shows", str(t.no_shows)),
        ("No-show rate", percent_text(t.no_show_rate)),
        ("Consult to start, median", days_text(t.days_median)),
        ("Consult to start, mean", days_text(t.days_mean)),
        ("Lead to consult", percent_text(report.leads.lead_to_consult)),
        ("Observation share", percent_text(t.observation_share)),
    )


def write_csv(table: Table, path: Path) -> Path:
    """The table as a UTF-8 CSV file (with a BOM so spreadsheet programs read accents)."""
    with path.open("w", newline="", encoding="utf-8-sig") as out:
        writer = csv.writer(out)
        writer.writerow(table.headers)
        writer.writerows(table.rows)
    return path
