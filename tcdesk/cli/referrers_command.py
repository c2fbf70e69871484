"""``tcdesk referrers``: the referring doctors a family can name as who sent them."""

from __future__ import annotations

import argparse
import json

from tcdesk.cli import common
from tcdesk.cli.table import format_table
from tcdesk.services import referrers


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(
        subparsers, "referrers", "List the referring doctors (or add one with 'add')."
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(func=run_list)
    sub = parser.add_subparsers(title="referrers commands", metavar="ACTION")
    add = common.add_command(sub, "add", "Add a referring doctor to the list.")
    add.add_argument("name", metavar="NAME", help='the doctor\'s name, e.g. "Dr. Priya Shah"')
    add.add_argument("--practice", default="", help="their practice's name")
    add.add_argument("--phone", default="", help="their phone number")
    add.add_argument("--email", default="", help="their email address")
    add.add_argument("--json", action="store_true", help="print the new doctor as JSON")
    add.set_defaults(func=run_add)


def run_list(args: argparse.Namespace) -> int:
    desk = common.open_desk(args)
    try:
        doctors = referrers.list_doctors(desk)
    finally:
        desk.close()
    rows = [(d.id, d.name, d.practice_name, d.phone, d.email) for d in doctors]
    if args.json:
        keys = ("id", "name", "practice", "phone", "email")
        print(json.dumps([dict(zip(keys, row, strict=True)) for row in rows], indent=2))
        return 0
    print(format_table(("ID", "NAME", "PRACTICE", "PHONE", "EMAIL"), rows))
    print(f"{len(rows)} referring doctor{'s' if len(rows) != 1 else ''}")
    return 0


def run_add(args: argparse.Namespace) -> int:
    desk = common.open_desk(args)
    try:
        doctor = referrers.add_doctor(
            desk, args.name, practice_name=args.practice, phone=args.phone, email=args.email
        )
    finally:
        desk.close()
    if args.json:
        print(json.dumps({"id": doctor.id, "name": doctor.name}, ensure_ascii=False))
    else:
        print(f"Added {doctor.name} ({doctor.id})")
    return 0
