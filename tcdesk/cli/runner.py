"""Parsing and running one command, with only that command's module imported.

Each subcommand lives in its own module exposing ``register(subparsers)``,
which adds a parser whose ``func`` default takes the parsed namespace and
returns an exit status. The other commands get a parser of their name and
help only (``command_index``), so ``--help`` lists them all and a typo is
"invalid choice", without importing them. Errors a person can fix are
``UserError``: one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from tcdesk import __version__, crash_log
from tcdesk.cli import common, passphrase_input
from tcdesk.cli.command_index import COMMANDS, MODULE_OF, SUBCOMMAND_MODULES, command_in
from tcdesk.cli.safe_output import safe_output
from tcdesk.errors import UserError
from tcdesk.private_log import start_log
from tcdesk.services.clock import Clock, system_clock
from tcdesk.store import cipher

EXIT_USAGE = 2
log = logging.getLogger("tcdesk")


def _subcommand_modules(names: tuple[str, ...] = SUBCOMMAND_MODULES) -> list[ModuleType]:
    """The named subcommand modules, imported; a test checks that every one is present."""
    modules = []
    for name in names:
        qualified = f"tcdesk.cli.{name}"
        try:
            modules.append(importlib.import_module(qualified))
        except ModuleNotFoundError as error:
            if error.name != qualified:
                raise
    return modules


def build_parser(only: str | None = None, *, commands: bool = True) -> argparse.ArgumentParser:
    """Every command's parser, or (``only``) that command's alone (40 parsers cost 15-30 ms).

    ``only=""``: every command's name and help, no command's module (``tcdesk --help``, a
    word that is no command: "invalid choice"); ``commands=False``: not even their names
    (the app opening: no command word, no help asked for).
    """
    parser = common.ArgumentParser(
        prog="tcdesk",
        description="The treatment coordinator's desk. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"tcdesk {__version__}")
    common.add_db_argument(parser)
    parser.set_defaults(func=_run_gui)
    if not commands:
        return parser
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    if only is None:
        for module in _subcommand_modules():
            module.register(sub)
        return parser
    for name, module_name, _help_text in COMMANDS:
        if name == only:  # the command asked for: the others are not needed, not even by name
            for module in _subcommand_modules((module_name,)):
                module.register(sub)
            return parser
    for name, _module_name, help_text in COMMANDS:  # the list for --help and "invalid choice"
        sub.add_parser(name, help=help_text, description=help_text)
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    from tcdesk.store import early_check

    db_path = common.db_path(args)
    early_check.start(db_path)  # the file's quick check runs while the app's code loads
    from tcdesk.ui.app import run_app  # imported late: only the GUI needs Qt

    return run_app(db_path=db_path, qt_args=[sys.argv[0]])


def main(argv: Sequence[str] | None = None, *, clock: Clock | None = None) -> int:
    """Run one command; ``clock`` is "now" for every command (tests fix it)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    command = command_in(argv)
    listed = command is not None or "-h" in argv or "--help" in argv
    parser = build_parser(command if command in MODULE_OF else "", commands=listed)
    args = parser.parse_args(argv)
    args.clock = clock or system_clock
    try:
        cipher.use_passphrase(passphrase_input.given(args))  # for the app and every command
    except UserError as error:
        print(f"tcdesk: {error}", file=sys.stderr)
        return EXIT_USAGE
    start_log()
    # The command's module, never its arguments (they may be a family's name or phone).
    log.info("tcdesk %s: %s", __version__, getattr(args.func, "__module__", "?").rsplit(".")[-1])
    if args.func is _run_gui:  # the app's own windows show text as text
        return _run_gui(args)
    with safe_output():
        return _run(args, argv)


def _run(args: argparse.Namespace, argv: list[str]) -> int:
    try:
        passphrase_input.prompt_if_encrypted(common.db_path(args))
        return common.run_command(args)
    except UserError as error:
        print(f"tcdesk: {common.error_line(error, argv)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("tcdesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `tcdesk patients | head`: the reader left, that's fine
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except Exception:  # a bug: keep the details for us, spare the user a traceback
        log = crash_log.write_crash_report()
        print(
            f"tcdesk: something went wrong inside tcdesk; details saved in {log}", file=sys.stderr
        )
        return 1
