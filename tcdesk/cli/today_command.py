"""``tcdesk today``: the today board of an office (here, presenting, to come, could start)."""

from __future__ import annotations

import argparse
import json

from tcdesk.cli import common
from tcdesk.cli.schedule_command import PracticeFile, entry_json
from tcdesk.formatting import clock_time, weekday_medium_date
from tcdesk.services.practice_lookup import find_office
from tcdesk.services.today_board import BoardEntry, TodayBoard, today_board


def register(subparsers: argparse._SubParsersAction) -> None:
    board = common.add_command(subparsers, "today", "The today board: here, presenting, to come.")
    board.add_argument("--office", metavar="NAME", help="office name or id (default: main)")
    board.add_argument("--json", action="store_true", help="print JSON instead of text")
    board.set_defaults(func=_run_today)


def _run_today(args: argparse.Namespace) -> int:
    with PracticeFile(args, read_only=True) as desk:
        board = today_board(
            desk, find_office(desk, args.office, flag="--office"), common.today(args)
        )
    if args.json:
        print(json.dumps(board_json(board), indent=2, ensure_ascii=False))
        return 0
    print(f"{board.office.name}, today {weekday_medium_date(board.day)}")
    for _key, heading, entries in board.groups():
        print(f"\n{heading} ({len(entries)})")
        for item in entries:
            print(f"  {_board_line(item)}")
    if board.cancelled:
        print(f"\nCancelled or no-show today: {board.cancelled}")
    return 0


def _board_line(item: BoardEntry) -> str:
    entry = item.entry
    line = f"{clock_time(entry.start)}  {entry.patient}  ({entry.coordinator}, {entry.doctor})"
    if entry.arrived_at:
        line += f"  checked in {clock_time(entry.arrived_at)}"
    if item.late:
        line += "  late"
    if item.chosen_option:
        line += f"  chose {item.chosen_option}"
    if item.needs:
        line += f"  needs {item.needs}"
    return line


def board_json(board: TodayBoard) -> dict[str, object]:
    data: dict[str, object] = {"office": board.office.name, "date": board.day.isoformat()}
    for key, _heading, entries in board.groups():
        data[key] = [
            {
                **entry_json(item.entry),
                "late": item.late,
                "chosen_option": item.chosen_option,
                "needs": item.needs,
            }
            for item in entries
        ]
    data["cancelled"] = board.cancelled
    return data
