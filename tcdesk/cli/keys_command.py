"""``tcdesk keys``: the presentation's keys, the same list as its "Keyboard shortcuts" window.

Made from the presentation's one key map, like the window, so the two cannot
differ. The key map names Qt's keys, so this imports Qt (no window, no
display), late, as ``slides check`` does. The desk's own keys come from its
menus: press F1 on the desk to see them.
"""

from __future__ import annotations

import argparse
import json

from tcdesk.cli import common
from tcdesk.cli.table import format_table

HELP = "The presentation's keys: what each key does while a consult is presented."


def register(subparsers: argparse._SubParsersAction) -> None:
    keys = common.add_command(subparsers, "keys", HELP)  # --db too, like every command
    keys.add_argument("--json", action="store_true", help="print JSON instead of text")
    keys.set_defaults(func=_run_keys)


def _run_keys(args: argparse.Namespace) -> int:
    from tcdesk.ui.shortcut_table import presentation_groups  # Qt's key names, no window

    groups = presentation_groups()
    if args.json:
        print(json.dumps([g.as_json() for g in groups], indent=2, ensure_ascii=False))
        return 0
    for number, group in enumerate(groups):
        if number:
            print()
        print(group.title)
        print(format_table(["Keys", "What they do"], [(r.keys, r.does) for r in group.rows]))
    print("\nThe desk's own keys are in its menus; press F1 on the desk to list them all.")
    return 0
