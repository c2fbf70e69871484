"""``tcdesk backup``: Back up now, as the app's File menu says.

A backup is a checked copy made through
SQLite's backup API, never a file copy, so it holds what the -wal holds too.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tcdesk.cli import common
from tcdesk.errors import UserError
from tcdesk.services import audit_trail
from tcdesk.services.backups import back_up, size_words


def register(subparsers: argparse._SubParsersAction) -> None:
    backup = common.add_command(
        subparsers, "backup", "Back up now: a checked copy of the practice file."
    )
    backup.add_argument(
        "--to",
        metavar="DIR",
        type=Path,
        default=None,
        help="the folder to put it in (default: this computer's backups folder)",
    )
    backup.add_argument("--json", action="store_true", help="print the backup as JSON")
    backup.set_defaults(func=run_backup)


def _store(args: argparse.Namespace) -> Path:
    path = common.db_path(args)
    if not path.exists():
        raise UserError(common.missing_file_message(args, path))
    return path


def run_backup(args: argparse.Namespace) -> int:
    store = _store(args)
    made = back_up(store, args.to, "manual", now=common.clock(args)())
    desk = common.open_desk(args)
    try:
        audit_trail.record(desk, "backup_made", made.path.name, made.reason)
    finally:
        desk.close()
    if args.json:
        print(json.dumps(made.as_json(), ensure_ascii=False))
    else:
        print(f"Backed up {store.name} to {made.path} ({size_words(made.size)}, checked: ok).")
    return 0
