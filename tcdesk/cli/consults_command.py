"""``tcdesk consults``: the consults as a table, to find the id ``slides``,
``agreement`` and ``summary`` need (``tcdesk patients`` shows patient ids)."""

from __future__ import annotations

import argparse
import json
from datetime import date

from tcdesk.cli import common
from tcdesk.cli.table import format_table
from tcdesk.errors import UserError
from tcdesk.formatting import local_datetime
from tcdesk.services.consult_list import ConsultListEntry, list_consults

HEADERS = ("ID", "DATE", "TIME", "PATIENT", "FLOW", "STATUS", "COORDINATOR", "OFFICE")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(
        subparsers, "consults", "List consults as a table, with the ids other commands take."
    )
    parser.add_argument("--patient", metavar="ID", help="only this patient's consults")
    parser.add_argument(
        "--search",
        metavar="TEXT",
        default="",
        help="only patients whose names, phone or email match",
    )
    parser.add_argument(
        "--day", metavar="YYYY-MM-DD", help="only consults on this day ('today' works too)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(func=run)


def parse_day(args: argparse.Namespace) -> date | None:
    """``--day`` as a date; ``today`` by the injected clock."""
    if args.day is None:
        return None
    text = args.day.strip().lower()
    if text == "today":
        return common.today(args)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(
            f"--day must be a date like 2026-12-01 (or 'today'), not '{args.day}'."
        ) from None


def run(args: argparse.Namespace) -> int:
    day = parse_day(args)
    desk = common.open_desk(args, read_only=True)
    try:
        entries = list_consults(desk, patient_id=args.patient, search=args.search, day=day)
    finally:
        desk.close()
    if args.json:
        print(json.dumps([entry_to_json(e) for e in entries], indent=2, ensure_ascii=False))
        return 0
    print(format_table(HEADERS, [_row(e) for e in entries]))
    print(f"{len(entries)} consult{'s' if len(entries) != 1 else ''}")
    return 0


def _row(entry: ConsultListEntry) -> tuple[str, ...]:
    moment = local_datetime(entry.consult.scheduled_at)
    return (
        entry.consult.id,
        moment.date().isoformat(),
        moment.strftime("%H:%M"),
        entry.patient.display_name,
        entry.consult.flow_id,
        entry.status_label,
        entry.coordinator,
        entry.office,
    )


def entry_to_json(entry: ConsultListEntry) -> dict[str, object]:
    """Machine values (``status``) with the words people read (``status_label``)."""
    consult = entry.consult
    return {
        "id": consult.id,
        "scheduled_at": consult.scheduled_at,
        "local_date": consult.consult_date.isoformat(),
        "patient_id": entry.patient.id,
        "patient": entry.patient.display_name,
        "flow": consult.flow_id,
        "status": consult.status.value,
        "status_label": entry.status_label,
        "coordinator": entry.coordinator,
        "office": entry.office,
    }
