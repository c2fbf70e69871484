"""``tcdesk backups``: the practice file's backups (date, reason, size, checked now).

``--folder DIR`` points this computer's backups elsewhere (e.g. another disk);
it is a per-computer setting, as in the app.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tcdesk.cli import common
from tcdesk.cli.table import format_table
from tcdesk.services.backups import (
    backups_folder_for,
    list_backups,
    set_backups_folder,
    size_words,
    when_words,
)
from tcdesk.store import cipher, engine


def register(subparsers: argparse._SubParsersAction) -> None:
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


def run_list(args: argparse.Namespace) -> int:
    path = common.db_path(args)
    if args.folder is not None:
        chosen = set_backups_folder(args.folder)
        if not args.json:
            print(f"Backups of this computer now go to {chosen}.")
    if cipher.is_encrypted(path):  # its backups are checked with its passphrase: ask first
        engine.connect(path, immutable=True).close()
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
            "yes" if b.encrypted else "no",
            b.path.name,
        ]
        for b in found
    ]
    print(f"Backups of {path.name} in {folder}:")
    print(format_table(["Taken", "Why", "Size", "Check", "Encrypted", "File"], rows))
    return 0
