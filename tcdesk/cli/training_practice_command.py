"""``tcdesk training check`` and ``tcdesk training run``: personas and scripted solo consults.

``check [PATH ...]`` validates persona files (default: the shipped
``presentation_flows/training/personas/``): ``ok: <file> (<key>: <n>
objections)`` for each good one, one line per problem (``<file>: persona
'<key>' key '<key.path>': <message>``) and exit status 2 when there is any.

``run --persona NAME --answers FILE.toml [--json]`` plays a solo session from
a file of the TC's steps and answers and prints the scorecard. The money is
the practice's (``--db``) or, without it, the demo practice's settings, built
in memory: no file is written. ``--coordinator NAME`` (with ``--db``) keeps the
scorecard in the practice's training file as that TC's, for ``training report``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from tcdesk.cli import common
from tcdesk.errors import UserError

if TYPE_CHECKING:
    from tcdesk.services.training.scorecard import Scorecard

EXIT_PROBLEMS = 2


def register_subcommands(actions: argparse._SubParsersAction) -> None:
    check = actions.add_parser(
        "check",
        help="validate persona files (default: the shipped personas)",
        description="Validate persona files and report every problem with its file and key.",
    )
    check.add_argument("paths", nargs="*", metavar="PATH", help="persona files or folders")
    check.set_defaults(func=run_check)
    run = actions.add_parser(
        "run",
        help="play a solo practice consult from an answers file and print the scorecard",
        description="Play a solo practice consult from a file of the TC's steps and answers.",
    )
    run.add_argument("--persona", required=True, metavar="NAME", help="the persona's key")
    run.add_argument("--answers", required=True, metavar="FILE", help="the answers (TOML)")
    run.add_argument("--json", action="store_true", help="the scorecard as JSON")
    run.add_argument(
        "--coordinator",
        metavar="NAME",
        help="keep the scorecard in the practice's training file as this TC's (needs --db)",
    )
    common.add_db_argument(run)
    run.set_defaults(func=run_session)


def run_check(args: argparse.Namespace) -> int:
    from tcdesk.services.training.personas import load_personas, personas_dir

    targets = [Path(p) for p in args.paths] or [personas_dir()]
    result = load_personas(targets)
    for error in result.errors:
        print(error.format(_shown(error.path)))
    for key, path in result.files.items():
        count = len(result.personas[key].objections)
        print(f"ok: {_shown(path)} ({key}: {count} objections)")
    if not result.personas and not result.errors:
        print(f"no persona files found in {', '.join(_shown(t) for t in targets)}")
        return EXIT_PROBLEMS
    return EXIT_PROBLEMS if result.errors else 0


def run_session(args: argparse.Namespace) -> int:
    from tcdesk.services.training.answers import play, read_answers
    from tcdesk.services.training.personas import (
        find_persona,
        flow_steps,
        load_personas,
        shipped_flows,
    )
    from tcdesk.services.training.practice_money import demo_money, file_money
    from tcdesk.services.training.scorecard import LABELS

    answers = Path(args.answers)
    data = read_answers(answers)
    flows = shipped_flows()  # loaded once: the personas' check and the session use them
    persona = find_persona(args.persona, load_personas(flows=flow_steps(flows)))
    today = common.today(args)
    if getattr(args, "db", None) is not None:
        path = common.db_path(args)
        if not path.exists():
            raise UserError(common.missing_file_message(args, path))
        money = file_money(path, today)
    else:
        money = demo_money(today)
    if args.coordinator and getattr(args, "db", None) is None:
        raise UserError("--coordinator needs --db: the scorecard is kept in its training file.")
    played = play(persona, data, answers, money, flows.get(persona.flow))
    card = played.result.card
    if args.coordinator:
        _keep(args, card)
    if args.json:
        print(json.dumps(card.as_json(), indent=2, ensure_ascii=False))
        return 0
    print(f"{persona.title}")
    for minute, line in played.said:
        print(f"  [{minute:g} min] {line.speaker}: {line.text}")
    print(f"  {persona.pays or persona.patient.name}: {played.result.decision.line}")
    reason = f" ({card.decision_reason})" if card.decision_reason else ""
    print(f"Decision: {card.decision}{reason}   Score: {card.total:g}/100   {card.minutes:g} min")
    for part in card.parts:
        print(f"\n{LABELS[part.part]}: {part.points:g}/{part.out_of}")
        for text in part.good:
            print(f"  + {text}")
        for text in part.to_improve:
            print(f"  - {text}")
    if card.notes:
        print("\nNext time:")
        for note in card.notes:
            print(f"  * {note}")
    return 0


def _keep(args: argparse.Namespace, card: Scorecard) -> None:
    """The played session, kept as the coordinator's in the training file."""
    from datetime import timedelta

    from tcdesk.cli.training_progress_command import coordinator_named, training_file
    from tcdesk.services.training.history import record_session

    desk = training_file(args)
    try:
        member = coordinator_named(desk, args.coordinator)
        ended = common.clock(args)()
        record_session(desk, member.id, card, "solo", ended - timedelta(minutes=card.minutes))
    finally:
        desk.close()


def _shown(path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
