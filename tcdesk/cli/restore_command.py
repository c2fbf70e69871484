"""``tcdesk restore FILE``: Restore from a backup.

The backup is checked first (whole, a tcdesk practice file, not from a newer
tcdesk); the current file is kept as a backup; then the restored copy is
swapped in. A refused file changes nothing: one line on stderr, exit 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tcdesk.cli import common
from tcdesk.errors import UserError
from tcdesk.services.backups import backups_folder_for
from tcdesk.services.restore import check_backup, restore


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(
        subparsers,
        "restore",
        "Restore from a backup: put a backup in place of the practice file "
        "(the current file is kept as a backup first).",
    )
    parser.add_argument("file", metavar="FILE", type=Path, help="the backup to restore")
    parser.add_argument("--yes", action="store_true", help="do not ask before replacing")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(func=run)


def _confirmed(store: Path, backup: Path) -> bool:
    try:
        answer = input(
            f"Restore from a backup: replace {store} with {backup.name}? "
            "The practice file as it is now is kept as a backup first. [y/N] "
        )
    except EOFError:  # nothing typed (Ctrl+D, or no input at all): as a "no"
        print()
        return False
    return answer.strip().lower() in ("y", "yes")


def run(args: argparse.Namespace) -> int:
    store = common.db_path(args)
    backup = args.file.expanduser()
    check_backup(backup)  # refuse before asking anything
    if not args.yes and not sys.stdin.isatty():
        raise UserError(
            "A restore replaces the practice file and there is no terminal to ask at: "
            "add --yes to restore without being asked. Nothing was changed."
        )
    if not args.yes and not _confirmed(store, backup):
        print("Nothing was changed.")
        return 1
    result = restore(backup, store, folder=backups_folder_for(store), now=common.clock(args)())
    if args.json:
        print(
            json.dumps(
                {
                    "store": str(result.store),
                    "restored_from": str(result.restored_from),
                    "kept_as": str(result.kept_as) if result.kept_as else None,
                    "pictures_restored": result.pictures_restored,
                }
            )
        )
        return 0
    print(f"Restored {result.store.name} from {result.restored_from.name}.")
    if result.kept_as:
        print(f"The file as it was is kept as {result.kept_as}.")
    return 0
