"""``tcdesk demo``: build the demo practice, to learn and show tcdesk."""

from __future__ import annotations

import argparse
import os
import time
import unicodedata
from datetime import date
from pathlib import Path

from tcdesk.cli import common
from tcdesk.errors import UserError
from tcdesk.paths import default_db_path
from tcdesk.services.clock import today
from tcdesk.services.demo import DemoFromAnotherDay, DemoSummary, build_demo
from tcdesk.services.demo_large import add_large
from tcdesk.store.store_file import writing_alone


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(
        subparsers,
        "demo",
        "Build the demo practice (Bright Smiles Orthodontics, with consults booked for "
        "today) in a file of its own (never your practice file); running it again the same "
        "day changes nothing.",
    )
    for action in parser._actions:
        if "--db" in action.option_strings:
            action.help = "the file to build the demo in (required; never your practice file)"
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="when the file holds an earlier day's demo, keep it aside (named by its day) "
        "and build today's (make demo does this)",
    )
    parser.add_argument(
        "--size",
        choices=("normal", "large"),
        default="normal",
        help="large: add 100,000 patients, 150,000 consults and 20,000 leads (for "
        "benchmarks; about a minute)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    path = common.db_path(args)
    _refuse_the_practice_file(args, path)
    with writing_alone(path):  # four demos at once: one builds, three are told "busy"
        try:
            summary = _build(args)
        except DemoFromAnotherDay as earlier:
            if not args.fresh:
                raise
            kept = _keep_aside(path, earlier.built_for)
            print(f"Kept the demo built for {earlier.built_for.isoformat()} as {kept}.")
            summary = _build(args)
    print(format_summary(summary, str(path)))
    return 0


def _build(args: argparse.Namespace) -> DemoSummary:
    desk = common.open_desk(args, create=True)
    try:
        summary = build_demo(desk, today(desk.clock))
        if getattr(args, "size", "normal") == "large":
            started = time.perf_counter()
            with desk.transaction():
                large = add_large(desk, today(desk.clock))
            print(
                f"Added the large practice: {large.patients:,} patients, {large.consults:,} "
                f"consults, {large.leads:,} leads in {time.perf_counter() - started:.1f} s."
            )
        return summary
    finally:
        desk.close()  # checkpointed: the file alone is the whole demo


def _keep_aside(path: Path, built_for: date) -> Path:
    """``demo.sqlite3`` -> ``demo-2026-12-01.sqlite3`` beside it (never over another file)."""
    kept = path.with_name(f"{path.stem}-{built_for.isoformat()}{path.suffix}")
    number = 1
    while kept.exists():
        number += 1
        kept = path.with_name(f"{path.stem}-{built_for.isoformat()}-{number}{path.suffix}")
    os.replace(path, kept)
    return kept


def _refuse_the_practice_file(args: argparse.Namespace, path: Path) -> None:
    """The demo never goes into the practice's own file, even an empty one."""
    if common.is_practice_file(args) or _same_file(path, default_db_path()):
        raise UserError(
            f"The demo goes into a file of its own, never the practice file ({path}); "
            f"give one with --db, e.g. tcdesk demo --db {common.DEMO_FILE_EXAMPLE}"
        )


def _same_file(one: Path, other: Path) -> bool:
    return one.expanduser().resolve() == other.expanduser().resolve()


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
