"""``tcdesk training``: practice consults, objection drills and progress (issue 14).

Each part of training registers its own subcommands (``register_subcommands``);
this module only gathers them under one word.
"""

from __future__ import annotations

import argparse

from tcdesk.cli import common, training_practice_command, training_progress_command
from tcdesk.errors import UserError

HELP = "practice consults, objection drills and progress"
PARTS = (training_practice_command, training_progress_command)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(subparsers, "training", HELP)
    sub = parser.add_subparsers(dest="training_action", title="actions", metavar="ACTION")
    for part in PARTS:
        part.register_subcommands(sub)
    names = ", ".join(sub.choices)
    parser.set_defaults(func=lambda _args: _say_what(names))


def _say_what(names: str) -> int:
    raise UserError(f"training needs one of: {names} (see tcdesk training --help).")
