"""``tcdesk audit [--from DATE] [--to DATE] [--who NAME] [--json]``: the audit trail, read only.

Who did what and when: sign-ins, wrong PINs, locks, patients opened,
agreements, plan overrides, imports, exports and settings changes. Records
are named by id only (no patient's name, date of birth or phone).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from tcdesk.cli import common
from tcdesk.cli.table import format_table
from tcdesk.errors import UserError
from tcdesk.services import practice_lookup
from tcdesk.services.audit_trail import audit_lines


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(
        subparsers, "audit", "Show the audit trail: who did what, and when."
    )
    parser.add_argument("--from", dest="since", metavar="YYYY-MM-DD", help="from this day on")
    parser.add_argument("--to", dest="until", metavar="YYYY-MM-DD", help="up to this day")
    parser.add_argument("--who", metavar="NAME", help="only what this person did")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=run)


def _clean(text: str) -> str:
    """One line, no control characters: what the terminal prints is what was stored, safely."""
    return "".join(ch if ch.isprintable() else " " for ch in text)


def run(args: argparse.Namespace) -> int:
    since, until = (
        common.day_option("--from", args.since, args),
        common.day_option("--to", args.until, args),
    )
    if since and until and until < since:
        raise UserError("--to is before --from; give the earlier day first.")
    desk = common.open_desk(args)
    try:
        who = [practice_lookup.find_staff(desk, args.who, flag="--who").id] if args.who else None
        lines = audit_lines(desk, since=since, until=until, who=who)
    finally:
        desk.close()
    if args.json:
        print(json.dumps([asdict(line) for line in lines], indent=2, ensure_ascii=False))
        return 0
    if not lines:
        print("Nothing in the audit trail for that.")
        return 0
    rows = [
        [line.when, _clean(line.who), line.what, line.about, _clean(line.detail)[:80]]
        for line in lines
    ]
    print(format_table(["When", "Who", "What", "About", "Detail"], rows))
    return 0
