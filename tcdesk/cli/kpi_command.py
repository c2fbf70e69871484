"""``tcdesk kpi``: the practice's numbers (acceptance, same-day starts, pending, no-shows ...).

The same figures as the dashboard, from tcdesk.services.kpi. The default
period is the last 12 full months and this month so far.
"""

from __future__ import annotations

import argparse
import json

from tcdesk.cli import common
from tcdesk.cli.table import format_table
from tcdesk.formatting import medium_date
from tcdesk.services.desk import Desk
from tcdesk.services.kpi import kpi_report
from tcdesk.services.kpi_export import (
    coordinator_table,
    kpi_json,
    month_table,
    source_table,
    summary_rows,
)
from tcdesk.services.kpi_figures import ACCEPTANCE_RULE, KpiFilters


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(
        subparsers,
        "kpi",
        "The practice's numbers for a period: case acceptance, same-day starts, pending "
        "families and their value, no-shows, consult-to-start days, by month, coordinator "
        "and lead source (default: the last 12 full months and this month).",
    )
    parser.add_argument("--from", dest="since", metavar="DATE", help="first day, e.g. 2026-01-01")
    parser.add_argument("--to", dest="until", metavar="DATE", help="last day (default: today)")
    parser.add_argument("--office", metavar="NAME", help="only this office")
    parser.add_argument("--coordinator", metavar="NAME", help="only this coordinator's consults")
    parser.add_argument("--doctor", metavar="NAME", help="only this doctor's consults")
    parser.add_argument(
        "--source", metavar="SOURCE", help="only this lead source (phone, website, walk_in, ...)"
    )
    parser.add_argument("--flow", metavar="FLOW", help="only consults presented with this flow")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(func=run)


def _open(args: argparse.Namespace) -> Desk:
    """For writing when the file allows: the count of each month is kept in the file
    (tcdesk.services.kpi_months), so the next ``tcdesk kpi`` counts only what changed."""
    from tcdesk.store.store_file import StoreFileError, StoreProblem

    try:
        return common.open_desk(args)
    except StoreFileError as error:
        if error.problem not in (StoreProblem.READ_ONLY_FILE, StoreProblem.READ_ONLY_FOLDER):
            raise
        return common.open_desk(args, read_only=True)


def run(args: argparse.Namespace) -> int:
    filters = KpiFilters(
        start=common.day_option("--from", args.since, args),
        end=common.day_option("--to", args.until, args),
        office=args.office,
        coordinator=args.coordinator,
        doctor=args.doctor,
        source=args.source,
        flow=args.flow,
    )
    desk = _open(args)
    try:
        report = kpi_report(desk, filters)
    finally:
        desk.close()
    if args.json:
        print(json.dumps(kpi_json(report), indent=2, ensure_ascii=False))
        return 0
    scope = ", ".join(f"{name} {value}" for name, value in report.filters)
    print(
        f"{medium_date(report.start)} to {medium_date(report.end)}"
        + (f" ({scope})" if scope else "")
    )
    if report.empty:
        print(f"\n{report.message.capitalize()}.")
        return 0
    width = max(len(label) for label, _ in summary_rows(report))
    print()
    for label, value in summary_rows(report):
        print(f"  {label.ljust(width)}  {value}")
    print("\nTargets")
    for target in report.targets:
        verdict = {True: " · target met", False: " · below target", None: ""}[target.met]
        if target.actual is None:
            print(f"  {target.label}: not measured in this period (target {target.target}%)")
        else:
            print(f"  {target.label}: {target.actual}% of {target.target}%{verdict}")
        print(f"    ({target.rule})")
    for table in (month_table(report), coordinator_table(report), source_table(report)):
        print(f"\n{table.title}")
        print(format_table(table.headers, table.rows))
    print(f"\n{ACCEPTANCE_RULE}")
    return 0
