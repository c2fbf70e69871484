"""Command line: ``tcdesk`` opens the GUI; subcommands do admin work.

This package's top imports nothing heavy: ``tcdesk --version`` answers at
once, and a command loads only its own module (``cli.runner`` builds the
parser with just that one; ``cli.command_index`` lists them all). Each
subcommand module exposes ``register(subparsers)``; errors a person can fix
are ``UserError``: one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from tcdesk import __version__
from tcdesk.cli.command_index import SUBCOMMAND_MODULES

__all__ = ["SUBCOMMAND_MODULES", "build_parser", "main"]


def main(argv: Sequence[str] | None = None, *, clock: Any = None) -> int:
    """Run one command; ``clock`` is "now" for every command (tests fix it)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--version"]:
        print(f"tcdesk {__version__}")
        raise SystemExit(0)  # as argparse's own --version does
    from tcdesk.cli import runner

    return runner.main(argv, clock=clock)


def build_parser(only: str | None = None):
    """The whole parser (every command's module imported); see ``runner.build_parser``."""
    from tcdesk.cli import runner

    return runner.build_parser(only)
