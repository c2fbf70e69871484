"""``tcdesk encrypt``: encrypt the practice file and its backups with a passphrase."""

from __future__ import annotations

import argparse

from tcdesk.cli import common, encryption_output, passphrase_input
from tcdesk.errors import UserError
from tcdesk.services.encryption import Change, change_encryption
from tcdesk.store import cipher


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(
        subparsers,
        "encrypt",
        "Encrypt the practice file and its backups with a passphrase (recommended for "
        "laptops). The passphrase comes from --passphrase-file, $TCDESK_PASSPHRASE, or is "
        "asked for twice.",
    )
    encryption_output.add_json_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    path = encryption_output.store(args)
    if cipher.is_encrypted(path):
        raise UserError(
            f"{path} is already encrypted; to change its passphrase: tcdesk passphrase --db {path}"
        )
    new_key = passphrase_input.ask_new(args)
    done = change_encryption(
        path,
        Change.ENCRYPT,
        new_key=new_key,
        now=common.clock(args)(),
        progress=encryption_output.progress(args),
    )
    return encryption_output.say(args, done)
