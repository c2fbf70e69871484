"""``tcdesk training``: practice consults, objection drills and progress (issue 14).

Each part of training registers its own actions (``register_subcommands``),
so this module only gathers them.
"""

from __future__ import annotations

import argparse

from tcdesk.cli import common, training_practice_command

HELP = "practice consults, objection drills and progress"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(subparsers, "training", HELP)
    actions = parser.add_subparsers(title="actions", metavar="ACTION")
    training_practice_command.register_subcommands(actions)
    parser.set_defaults(func=lambda args: parser.error("choose an action"))
