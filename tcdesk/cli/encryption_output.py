"""What ``tcdesk encrypt``, ``decrypt`` and ``passphrase`` print, and what they share.

Each writes the store anew, checks every row, swaps it in and keeps the old
file until the new one opens; the backups are converted too. tcdesk must be
closed on the file while it runs (the command says so if it is not).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tcdesk.cli import common
from tcdesk.errors import UserError
from tcdesk.services.encryption import DONE_WORDS, Change, Converted
from tcdesk.services.training.file_name import training_path
from tcdesk.store import cipher


def add_json_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print what changed as JSON")


def store(args: argparse.Namespace) -> Path:
    path = common.db_path(args)
    if not path.exists():
        raise UserError(common.missing_file_message(args, path))
    return path


def say(args: argparse.Namespace, done: Converted) -> int:
    if args.json:
        print(
            json.dumps(
                {
                    "file": str(done.store),
                    "change": done.change.value,
                    "encrypted": cipher.is_encrypted(done.store),
                    "backups_converted": [str(p) for p in done.backups],
                    "training_converted": done.training_converted,
                    "backups_skipped": [{"file": str(p), "why": w} for p, w in done.skipped],
                },
                ensure_ascii=False,
            )
        )
        return 0
    print(DONE_WORDS[done.change].format(name=done.store.name) + "; every row was checked.")
    if done.backups:
        count = len(done.backups)
        print(f"{count} backup{'s' if count != 1 else ''} converted the same way.")
    if done.training_converted:
        print(f"The training file ({training_path(done.store).name}) converted the same way.")
    for path, why in done.skipped:
        print(f"Left as it was: {path.name} ({why})")
    if done.change is not Change.DECRYPT:
        print(
            "Keep the passphrase somewhere safe: without it nobody, tcdesk included, can open "
            "the file or its backups."
        )
    return 0


def progress(args: argparse.Namespace):
    return (lambda _line: None) if args.json else print
