"""``tcdesk export patients|consults --out FILE.csv``: the records as UTF-8 CSV.

The headers are the ones ``tcdesk import patients`` recognises, so an
export imported again adds nobody. Deleted records are not exported.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tcdesk.cli import common
from tcdesk.services.importer.exporting import export_consults, export_patients

WHAT = {"patients": export_patients, "consults": export_consults}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(subparsers, "export", "Export patients or consults as CSV.")
    parser.add_argument("what", choices=sorted(WHAT), help="what to export")
    parser.add_argument("--out", metavar="FILE.csv", type=Path, required=True, help="where to")
    parser.add_argument("--force", action="store_true", help="replace FILE.csv if it exists")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    desk = common.open_desk(args)  # not read-only: the export goes in the audit trail
    try:
        count = WHAT[args.what](desk, args.out, force=args.force)
    finally:
        desk.close()
    print(f"Wrote {count} {args.what if count != 1 else args.what[:-1]} to {args.out}")
    return 0
