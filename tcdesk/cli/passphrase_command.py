"""``tcdesk passphrase``: change an encrypted practice file's passphrase (its backups too)."""

from __future__ import annotations

import argparse
from pathlib import Path

from tcdesk.cli import common, encryption_output, passphrase_input
from tcdesk.errors import UserError
from tcdesk.services.encryption import Change, change_encryption
from tcdesk.store import cipher


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(
        subparsers,
        "passphrase",
        "Change an encrypted practice file's passphrase (its backups too). The current one "
        "comes from --passphrase-file or $TCDESK_PASSPHRASE or is asked for.",
    )
    parser.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        type=Path,
        default=None,
        help="read the new passphrase from FILE (else it is asked for twice)",
    )
    encryption_output.add_json_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    path = encryption_output.store(args)
    if not cipher.is_encrypted(path):
        raise UserError(f"{path} is not encrypted; to encrypt it: tcdesk encrypt --db {path}")
    old_key = passphrase_input.ask_current(path)
    new_key = passphrase_input.ask_new(args, flag_value=args.new_passphrase_file, fresh=True)
    if new_key == old_key:
        raise UserError("The new passphrase is the same as the current one; nothing was changed.")
    done = change_encryption(
        path,
        Change.NEW_PASSPHRASE,
        old_key=old_key,
        new_key=new_key,
        now=common.clock(args)(),
        progress=encryption_output.progress(args),
    )
    return encryption_output.say(args, done)
