"""``tcdesk staff pin NAME``: set someone's PIN from the command line (it is never an argument).

The PIN is typed at a hidden prompt, or read as one line from standard input
when that is not a terminal (``echo 2468 | tcdesk staff pin "Ana Torres"``),
so it never shows in the shell's history or the process list.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from tcdesk.cli import common
from tcdesk.services import sign_in
from tcdesk.services.settings import staff


def add_pin_action(sub) -> None:
    help_text = "set someone's PIN for signing in (asked for, never shown)"
    parser = sub.add_parser("pin", help=help_text, description=help_text)
    common.add_db_argument(parser)
    parser.add_argument("target", metavar="ID_OR_NAME", help="the id or the name, as listed")
    parser.set_defaults(func=run_staff_pin)


def read_pin() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("PIN (4 to 8 digits): ")
    return sys.stdin.readline().strip()


def run_staff_pin(args: argparse.Namespace) -> int:
    desk = common.open_desk(args)
    try:
        member = staff.find_staff(desk, args.target)
        sign_in.set_pin(desk, member.id, read_pin())
    finally:
        desk.close()
    print(f"{member.name} can now sign in with their PIN.")
    return 0
