"""``tcdesk demo``: build the demo practice, to learn and show tcdesk."""

from __future__ import annotations

import argparse
import unicodedata

from tcdesk.cli import common
from tcdesk.services.clock import today
from tcdesk.services.demo import DemoSummary, build_demo


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(
        subparsers,
        "demo",
        "Build the demo practice (Bright Smiles Orthodontics, with consults booked for "
        "today) in an empty practice file; running it again the same day changes nothing.",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    path = common.db_path(args)
    desk = common.open_desk(args, create=True)
    try:
        summary = build_demo(desk, today(desk.clock))
    finally:
        desk.close()
    print(format_summary(summary, str(path)))
    return 0


def format_summary(summary: DemoSummary, path: str) -> str:
    verb = "Refreshed" if summary.refreshed else "Built"
    counts = ", ".join(f"{status.label} {count}" for status, count in summary.by_status)
    lines = [
        f"{verb} the demo practice {summary.practice_name} ({summary.practice_id}).",
        f"{summary.patients} patients, {summary.consults} consults: {counts}.",
        "Today's consults:",
    ]
    width = max((_columns(c.patient_name) for c in summary.today), default=0)
    lines += [
        f"  {c.local_time}  {c.patient_name}{' ' * (width - _columns(c.patient_name))}  "
        f"{c.flow_id.ljust(18)}  {c.consult_id}"
        for c in summary.today
    ]
    lines.append(f"Practice file: {path}")
    return "\n".join(lines)


def _columns(text: str) -> int:
    """Terminal columns: Chinese, Japanese and Korean characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
