"""Where a command gets a passphrase: ``--passphrase-file``, ``TCDESK_PASSPHRASE``, or a prompt.

A passphrase is never an argument (it would show in the shell's history and
the process list). At a terminal it is asked for without echo; in a script it
comes from the file or the environment, and its absence is one clear line.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from tcdesk.errors import UserError
from tcdesk.store import cipher

FILE_FLAG = "--passphrase-file"


def add_passphrase_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        FILE_FLAG,
        metavar="FILE",
        type=Path,
        default=argparse.SUPPRESS,
        help=f"an encrypted practice file's passphrase, from FILE (or ${cipher.ENVIRONMENT})",
    )


def given(args: argparse.Namespace) -> str | None:
    """The passphrase the command line or the environment gives (None: neither)."""
    return cipher.passphrase_from(getattr(args, "passphrase_file", None))


def _prompt(text: str) -> str:
    if not sys.stdin.isatty():
        raise UserError(
            f"A passphrase is needed: set {cipher.ENVIRONMENT} or use {FILE_FLAG} FILE "
            "(no terminal to ask at)."
        )
    try:
        return getpass.getpass(text)
    except EOFError:
        raise UserError("No passphrase was typed; nothing was changed.") from None


def ask_current(path: Path) -> str:
    """The passphrase of the encrypted ``path``: the one in use, or asked for once."""
    return cipher.passphrase() or _prompt(f"Passphrase for {path.name}: ")


def ask_new(
    args: argparse.Namespace, *, flag_value: Path | None = None, fresh: bool = False
) -> str:
    """A new passphrase: from ``flag_value``'s file, else given, else typed twice alike.

    ``fresh``: what ``--passphrase-file`` and the environment give is the current
    passphrase (changing it), so the new one comes from ``flag_value`` or the prompt.
    """
    if flag_value is not None:
        return cipher.check_new_passphrase(cipher.read_passphrase_file(flag_value))
    chosen = None if fresh else given(args)
    if chosen is not None:
        return cipher.check_new_passphrase(chosen)
    first = cipher.check_new_passphrase(
        _prompt(f"New passphrase (at least {cipher.MIN_PASSPHRASE} characters): ")
    )
    if _prompt("The same passphrase again: ") != first:
        raise UserError("The two passphrases are not the same; nothing was changed.")
    return first


def prompt_if_encrypted(path: Path) -> None:
    """At a terminal, ask for the passphrase of an encrypted practice file none was given for."""
    asking = cipher.passphrase() is None and sys.stdin.isatty()
    if asking and path.is_file() and cipher.is_encrypted(path):
        cipher.use_passphrase(_prompt(f"Passphrase for {path.name}: "))
