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

``card --persona NAME --out FILE.pdf`` prints the card for a practice consult
with a partner: the persona and its objections for the trainer, and a scoring
sheet to tick by hand. With ``--db`` it carries the practice's name and colour.

``speech [on|off]`` says, or sets, whether this computer speaks the family's
lines aloud in solo practice (espeak-ng, when it is installed).
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
    card = actions.add_parser(
        "card",
        help="print the card for a practice consult with a partner (PDF)",
        description="Make the trainer's card: the persona, its objections with their moments "
        "and what settles them, and a scoring sheet to tick by hand.",
    )
    card.add_argument("--persona", required=True, metavar="NAME", help="the persona's key")
    card.add_argument("--out", required=True, metavar="FILE.pdf", type=Path, help="the PDF")
    common.add_db_argument(card)
    card.set_defaults(func=run_card)
    speech = actions.add_parser(
        "speech",
        help="speak the family's lines aloud on this computer: on or off",
        description="Say, or set, whether this computer speaks the family's lines in solo "
        "practice (with espeak-ng, when it is installed).",
    )
    speech.add_argument("state", nargs="?", choices=("on", "off"), help="on or off")
    speech.set_defaults(func=run_speech)


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


def run_card(args: argparse.Namespace) -> int:
    from tcdesk.documents.files import check_destination, write_pdf_atomically
    from tcdesk.services.training.partner_brief import partner_brief
    from tcdesk.services.training.partner_card import build_partner_card
    from tcdesk.services.training.personas import (
        find_persona,
        flow_steps,
        load_personas,
        shipped_flows,
    )

    out = check_destination(args.out)
    flows = shipped_flows()
    persona = find_persona(args.persona, load_personas(flows=flow_steps(flows)))
    name, brand = "", ""
    if getattr(args, "db", None) is not None:
        name, brand = _practice_look(args)
    pdf = build_partner_card(
        partner_brief(persona, flows.get(persona.flow)),
        practice=name,
        brand=brand,
        today=common.today(args),
    )
    write_pdf_atomically(pdf, out)
    print(f"Wrote the partner card for {persona.key} to {out}")
    return 0


def run_speech(args: argparse.Namespace) -> int:
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.services.training.speech import find_engine, set_speech, speech_on

    store = MachineSettingsStore()
    settings = set_speech(store, args.state == "on") if args.state else store.load()
    state = "on" if speech_on(settings) else "off"
    engine = find_engine()
    where = f"with {engine}" if engine else "but no engine is installed (apt-get install espeak-ng)"
    print(f"Speaking the family's lines: {state}" + (f", {where}." if state == "on" else "."))
    return 0


def _practice_look(args: argparse.Namespace) -> tuple[str, str]:
    """The practice's name and brand colour, read from its file (opened read-only)."""
    from tcdesk.services.desk import Desk

    path = common.db_path(args)
    if not path.exists():
        raise UserError(common.missing_file_message(args, path))
    desk = Desk.open(path, common.clock(args), create=False, read_only=True)
    try:
        practice = desk.practice()
    finally:
        desk.close()
    return (practice.name, practice.brand_color) if practice else ("", "")


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
