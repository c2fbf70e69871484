"""``tcdesk patients``: the patient list as a table, with optional search."""

from __future__ import annotations

import argparse

from tcdesk.cli import common
from tcdesk.cli.table import format_table
from tcdesk.domain import status_label

HEADERS = ("ID", "PATIENT", "BORN", "LATEST CONSULT", "STATUS", "OFFICE", "RESPONSIBLE")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(subparsers, "patients", "List patients as a table.")
    parser.add_argument("--search", metavar="TEXT", default="", help="names, phone or email")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    desk = common.open_desk(args)
    try:
        entries = desk.patients.list(args.search)
    finally:
        desk.close()
    rows = [
        (
            e.patient.id,
            e.patient.display_name,
            e.patient.birth_date.isoformat(),
            (e.latest_consult_at or "")[:10],
            status_label(e.latest_status),
            e.office_name,
            e.responsible,
        )
        for e in entries
    ]
    print(format_table(HEADERS, rows))
    print(f"{len(rows)} patient{'s' if len(rows) != 1 else ''}")
    return 0
