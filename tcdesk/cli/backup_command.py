"""``tcdesk backup`` (Back up now) and ``tcdesk backups`` (list them, or choose the folder).

Same words as the app's File menu. A backup is a checked copy made through
SQLite's backup API, never a file copy, so it holds what the -wal holds too.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tcdesk.cli import common
from tcdesk.cli.table import format_table
from tcdesk.errors import UserError
from tcdesk.services.backups import (
    back_up,
    backups_folder_for,
    list_backups,
    set_backups_folder,
    size_words,
    when_words,
)


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

    listing = common.add_command(
        subparsers, "backups", "List the practice file's backups (date, reason, size, ok)."
    )
    listing.add_argument(
        "--folder",
        metavar="DIR",
        type=Path,
        default=None,
        help="keep this computer's backups in DIR from now on (e.g. another disk)",
    )
    listing.add_argument("--json", action="store_true", help="print the list as JSON")
    listing.set_defaults(func=run_list)


def _store(args: argparse.Namespace) -> Path:
    path = common.db_path(args)
    if not path.exists():
        raise UserError(common.missing_file_message(args, path))
    return path


def run_backup(args: argparse.Namespace) -> int:
    store = _store(args)
    made = back_up(store, args.to, "manual", now=common.clock(args)())
    if args.json:
        print(json.dumps(made.as_json(), ensure_ascii=False))
    else:
        print(f"Backed up {store.name} to {made.path} ({size_words(made.size)}, checked: ok).")
    return 0


def run_list(args: argparse.Namespace) -> int:
    path = common.db_path(args)
    if args.folder is not None:
        chosen = set_backups_folder(args.folder)
        if not args.json:
            print(f"Backups of this computer now go to {chosen}.")
    folder = backups_folder_for(path)
    found = list_backups(path, folder, verify=True)
    if args.json:
        print(json.dumps({"folder": str(folder), "backups": [b.as_json() for b in found]}))
        return 0
    if not found:
        print(f"No backups of {path.name} yet in {folder}. Make one with: tcdesk backup")
        return 0
    rows = [
        [
            when_words(b.taken_at),
            b.reason_words,
            size_words(b.size),
            "ok" if b.ok else "DAMAGED",
            b.path.name,
        ]
        for b in found
    ]
    print(f"Backups of {path.name} in {folder}:")
    print(format_table(["Taken", "Why", "Size", "Check", "File"], rows))
    return 0
