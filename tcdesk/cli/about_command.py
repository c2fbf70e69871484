"""``tcdesk about``: the version, the practice file and folders, the licence (as Help > About)."""

from __future__ import annotations

import argparse
import dataclasses
import json

from tcdesk.cli import common
from tcdesk.services.about import about


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(
        subparsers, "about", "The version, the practice file, the folders and the licence."
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    facts = about(common.db_path(args))
    if args.json:
        fields = {k: str(v) for k, v in dataclasses.asdict(facts).items()}
        print(json.dumps(fields, indent=2, ensure_ascii=False))
        return 0
    width = max(len(label) for label, _value in facts.lines())
    for label, value in facts.lines():
        print(f"{label:<{width}}  {value}")
    return 0
