"""Command line: ``tcdesk`` opens the GUI; subcommands do admin work.

Each subcommand lives in its own module exposing ``register(subparsers)``,
which adds a parser whose ``func`` default takes the parsed namespace and
returns an exit status. Errors a person can fix are ``UserError``: one line
on stderr and exit status 2, never a traceback.
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
from tcdesk.cli import common
from tcdesk.cli.safe_output import safe_output
from tcdesk.errors import UserError
from tcdesk.private_log import start_log
from tcdesk.services.clock import Clock, system_clock

EXIT_USAGE = 2
log = logging.getLogger("tcdesk")


SUBCOMMAND_MODULES = (
    "demo_command",
    "setup_command",
    "patients_command",
    "consults_command",
    "quote_command",
    "flows_command",
    "slides_command",
    "agreement_command",
    "summary_command",
    "print_command",
    "import_command",
    "export_command",
    "settings_command",
    "offices_command",
    "staff_command",
    "fees_command",
    "policy_command",
    "terms_command",
    "walk_in_command",
    "referrers_command",
    "schedule_command",
    "today_command",
    "record_command",
    "plan_command",
    "backup_command",
    "backups_command",
    "restore_command",
    "about_command",
    "keys_command",
    "audit_command",
    "leads_command",
    "followups_command",
)


def _subcommand_modules() -> list[ModuleType]:
    """Each subcommand module; a test checks that every one is present."""
    modules = []
    for name in SUBCOMMAND_MODULES:
        qualified = f"tcdesk.cli.{name}"
        try:
            modules.append(importlib.import_module(qualified))
        except ModuleNotFoundError as error:
            if error.name != qualified:
                raise
    return modules


def build_parser() -> argparse.ArgumentParser:
    parser = common.ArgumentParser(
        prog="tcdesk",
        description="The treatment coordinator's desk. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"tcdesk {__version__}")
    common.add_db_argument(parser)
    parser.set_defaults(func=_run_gui)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in _subcommand_modules():
        module.register(sub)
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    from tcdesk.ui.app import run_app  # imported late: only the GUI needs Qt

    return run_app(db_path=common.db_path(args), qt_args=[sys.argv[0]])


def main(argv: Sequence[str] | None = None, *, clock: Clock = system_clock) -> int:
    """Run one command; ``clock`` is "now" for every command (tests fix it)."""
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    args.clock = clock
    start_log()
    # The command's module, never its arguments (they may be a family's name or phone).
    log.info("tcdesk %s: %s", __version__, getattr(args.func, "__module__", "?").rsplit(".")[-1])
    if args.func is _run_gui:  # the app's own windows show text as text
        return _run_gui(args)
    with safe_output():
        return _run(args, argv)


def _run(args: argparse.Namespace, argv: list[str]) -> int:
    try:
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
