"""``tcdesk training setup | report | drill``: the training file, progress and objection drills.

``setup`` makes (or refreshes) the training file beside the practice file;
``report`` prints each coordinator's scores over time by part; ``drill``
asks the due objection cards on the terminal, times each answer, shows the
model answer and keeps the TC's own grade. Services are imported when a
subcommand runs, so ``tcdesk training --help`` stays light.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from tcdesk.cli import common
from tcdesk.errors import UserError

if TYPE_CHECKING:
    from tcdesk.domain import Staff
    from tcdesk.services.desk import Desk
    from tcdesk.services.training.drills import Card, DueCard
    from tcdesk.services.training.progress import CoordinatorProgress, ProgressReport

SETUP_HELP = (
    "Make the training file beside the practice file (<name>.training.sqlite3), or copy "
    "the practice's settings into it again: the practice, offices, staff, fees, money rules "
    "and terms, never a patient. Sessions and drill answers are kept."
)
REPORT_HELP = "Each coordinator's practice consults over time: totals and points by part."
DRILL_HELP = (
    "Objection drills on the terminal: the family's line, your answer (timed), the model "
    "answer, your grade; the weak cards come back soon."
)
SHORT = {  # the report's column headings, in the scorecard's order
    "preparation": "PREP",
    "rapport": "RAPPORT",
    "discovery": "DISCOVERY",
    "explanation": "EXPLAIN",
    "money": "MONEY",
    "objections": "OBJECTIONS",
    "same_day_ask": "ASK",
    "next_step": "NEXT",
}
GRADES = {"y": 5, "yes": 5, "p": 3, "partly": 3, "n": 1, "no": 1}
timer = time.monotonic  # how long an answer took (a test may replace it)


def register_subcommands(sub: argparse._SubParsersAction) -> None:
    setup = _parser(sub, "setup", SETUP_HELP)
    setup.set_defaults(func=run_setup)
    report = _parser(sub, "report", REPORT_HELP)
    report.add_argument("--coordinator", metavar="NAME", help="only this coordinator")
    report.add_argument("--from", dest="since", metavar="DATE", help="first day, e.g. 2026-11-01")
    report.add_argument("--to", dest="until", metavar="DATE", help="last day")
    report.add_argument("--json", action="store_true", help="print JSON instead of text")
    report.set_defaults(func=run_report)
    drill = _parser(sub, "drill", DRILL_HELP)
    drill.add_argument("--coordinator", metavar="NAME", required=True, help="who is drilling")
    drill.add_argument("--cards", type=int, default=10, metavar="N", help="at most N cards")
    drill.set_defaults(func=run_drill)


def _parser(sub: argparse._SubParsersAction, name: str, text: str) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=text, description=text)
    common.add_db_argument(parser)
    parser.add_argument(
        "--training",
        metavar="FILE",
        type=Path,
        help="the training file (default: beside the practice file, <name>.training.sqlite3)",
    )
    return parser


def _practice_path(args: argparse.Namespace) -> Path:
    path = common.db_path(args)
    if not path.exists():
        raise UserError(common.missing_file_message(args, path))
    return path


def training_file(args: argparse.Namespace, *, read_only: bool = False) -> Desk:
    """The practice's training file (``--training``, else beside ``--db``), open."""
    from tcdesk.services.training.store import training_desk

    return training_desk(
        _practice_path(args),
        getattr(args, "training", None),
        clock=common.clock(args),
        read_only=read_only,
    )


def coordinator_named(desk: Desk, typed: str) -> Staff:
    """Named as every command names staff (id, whole name, or a unique part); not a doctor."""
    from tcdesk.domain import StaffRole
    from tcdesk.services.practice_lookup import find_staff

    member = find_staff(desk, typed, flag="--coordinator")
    if member.role is StaffRole.DOCTOR:
        raise UserError(f"--coordinator: {member.name} is a doctor, not a coordinator.")
    return member


# -- setup ----------------------------------------------------------------------------


def run_setup(args: argparse.Namespace) -> int:
    from tcdesk.services.training.store import set_up_training

    done = set_up_training(_practice_path(args), args.training, clock=common.clock(args))
    verb = "Made" if done.made else "Refreshed"
    locked = " (encrypted with the practice's passphrase)" if done.encrypted else ""
    print(f"{verb} the training file {done.path}{locked}.")
    print(
        f"  {done.practice}: {done.offices} offices, {done.staff} staff, {done.fees} fee lines, "
        "the money rules and the terms; no patients, consults or leads."
    )
    if not done.made:
        print(f"  Kept {done.sessions} practice sessions and {done.drill_reviews} drill answers.")
    return 0


# -- report ---------------------------------------------------------------------------


def run_report(args: argparse.Namespace) -> int:
    from tcdesk.services.training.progress import progress, progress_json

    since = common.day_option("--from", args.since, args)
    until = common.day_option("--to", args.until, args)
    if since and until and since > until:
        raise UserError(f"--from ({since}) is after --to ({until}).")
    desk = training_file(args, read_only=True)
    try:
        member = coordinator_named(desk, args.coordinator) if args.coordinator else None
        report = progress(desk, member.id if member else None, since, until)
    finally:
        desk.close()
    if args.json:
        print(json.dumps(progress_json(report), indent=2, ensure_ascii=False))
        return 0
    _print_report(report)
    return 0


def _print_report(report: ProgressReport) -> None:
    if not report.rows:
        print("No coordinators on staff yet.")
    for index, row in enumerate(report.rows):
        if index:
            print()
        print(_headline(row))
        if not row.sessions:
            continue
        headers = ("DATE", "PERSONA", "MODE", "TOTAL", *SHORT.values())
        rows = [
            [s.day.isoformat(), s.persona, s.mode, _number(s.total)]
            + [_number(points) for _part, points in s.points]
            for s in row.sessions
        ]
        rows.append(
            ["average", "", "", _number(row.average_total)]
            + [_number(p.average) for p in row.parts]
        )
        rows.append(["trend", "", "", _signed(row.trend)] + [_signed(p.trend) for p in row.parts])
        rows.append(["out of", "", "", "100"] + [str(p.out_of) for p in row.parts])
        print(_indented(headers, rows))


def _indented(headers: tuple[str, ...], rows: list[list[str]]) -> str:
    from tcdesk.cli.table import format_table

    return "\n".join(f"  {line}" for line in format_table(headers, rows).splitlines())


def _headline(row: CoordinatorProgress) -> str:
    count = len(row.sessions)
    if not count:
        return f"{row.name}: no practice consults yet."
    sessions = "1 practice consult" if count == 1 else f"{count} practice consults"
    trend = (
        f", trend {_signed(row.trend)} (later half against earlier)"
        if row.trend is not None
        else ""
    )
    weakest = next(p.label for p in row.parts if p.part is row.weakest)
    return (
        f"{row.name}: {sessions}, average {_number(row.average_total)} of 100{trend}; "
        f"weakest part: {weakest}."
    )


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _signed(value: float | None) -> str:
    return "" if value is None else f"{value:+g}"


# -- drill ----------------------------------------------------------------------------


def drill_deck() -> tuple[Card, ...]:
    """The cards drilled: the ten built-in objections and one per persona objection (the
    shipped personas that load; a broken file is `tcdesk training check`'s to report)."""
    from tcdesk.services.training.drills import deck, persona_lines
    from tcdesk.services.training.personas import load_personas

    return deck(persona_lines(load_personas().personas.values()))


def run_drill(args: argparse.Namespace) -> int:
    from tcdesk.services.training.drills import next_cards, next_due_at

    if args.cards < 1:
        raise UserError("--cards must be 1 or more.")
    cards = drill_deck()
    desk = training_file(args)
    try:
        member = coordinator_named(desk, args.coordinator)
        now = common.clock(args)()
        due = next_cards(desk, member.id, now, args.cards, cards)
        if not due:
            when = next_due_at(desk, member.id, cards)
            later = f"; the next is due in {_span(when - now)}" if when else ""
            print(f"No drill cards are due for {member.name}{later}.")
            return 0
        tally = _drill(desk, member, due, args)
    finally:
        desk.close()
    answered = sum(tally.values())
    print(
        f"\n{member.name}: {answered} answered - {tally['right']} right, {tally['weak']} weak, "
        f"{tally['wrong']} wrong."
    )
    return 0


def _drill(
    desk: Desk, member: Staff, due: list[DueCard], args: argparse.Namespace
) -> dict[str, int]:
    from tcdesk.services.training.drill_schedule import INTERVALS, SLOW_SECONDS
    from tcdesk.services.training.drills import review

    tally = {"right": 0, "weak": 0, "wrong": 0}
    for number, item in enumerate(due, 1):
        card = item.card
        whose = f" {card.persona}" if card.persona else ""
        print(f"\n[{number}/{len(due)}]{whose}")
        print(f'  The family: "{card.line}"')
        print("  You (one line, then Enter):")
        started = timer()
        answer = sys.stdin.readline()
        seconds = max(timer() - started, 0.0)
        if not answer:
            break  # end of input: stop without grading
        slow = " - too slow, it counts as weak" if seconds > SLOW_SECONDS else ""
        print(f"  {seconds:.0f} s{slow}")
        print(f"  Model answer ({card.label}): {card.model_answer}")
        grade = _grade()
        if grade is None:
            break
        after = review(desk, member.id, card, grade, seconds, common.clock(args)())
        tally[after.state.last.value] += 1
        back = _span(INTERVALS[after.state.box - 1])
        print(f"  {after.state.last.value.capitalize()}: back in {back}.")
    return tally


def _grade() -> int | None:
    """The TC's own grade: y(es) 5, p(artly) 3, n(o) 1; None at the end of input."""
    while True:
        print("  Did your answer do that? y = yes, p = partly, n = no:")
        line = sys.stdin.readline()
        if not line:
            return None
        grade = GRADES.get(line.strip().lower())
        if grade is not None:
            return grade
        print("  Type y, p or n.")


def _span(delta: timedelta) -> str:
    """The drills window's words for how far off (``drill_feedback.span_words``)."""
    from tcdesk.services.training.drill_feedback import span_words

    return span_words(delta)
