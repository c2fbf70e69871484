"""``tcdesk decrypt``: take the encryption off the practice file and its backups."""

from __future__ import annotations

import argparse

from tcdesk.cli import common, encryption_output, passphrase_input
from tcdesk.services.encryption import Change, change_encryption
from tcdesk.store import cipher


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(
        subparsers,
        "decrypt",
        "Take the encryption off the practice file and its backups (asks for the passphrase).",
    )
    encryption_output.add_json_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    path = encryption_output.store(args)
    old_key = passphrase_input.ask_current(path) if cipher.is_encrypted(path) else None
    done = change_encryption(
        path,
        Change.DECRYPT,
        old_key=old_key,
        now=common.clock(args)(),
        progress=encryption_output.progress(args),
    )
    return encryption_output.say(args, done)
