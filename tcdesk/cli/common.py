"""Pieces shared by every subcommand: ``--db`` and one-line usage errors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn

from tcdesk.paths import resolve_db_path


class ArgumentParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        print(f"{self.prog}: {message} (see {self.prog} --help)", file=sys.stderr)
        raise SystemExit(2)


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the practice's SQLite file (default: $TCDESK_DB, then the user data folder)",
    )


def add_command(
    subparsers: argparse._SubParsersAction, name: str, help_text: str
) -> argparse.ArgumentParser:
    """Add a subcommand that takes ``--db`` and reports usage errors in one line."""
    parser = subparsers.add_parser(name, help=help_text, description=help_text)
    add_db_argument(parser)
    return parser


def db_path(args: argparse.Namespace) -> Path:
    return resolve_db_path(getattr(args, "db", None))
