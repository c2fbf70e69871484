"""``tcdesk schedule``: the consult schedule (``tcdesk today`` is the today board).

Same words as the app: a double booking is refused here unless
``--allow-overlap`` says "book anyway" (exit 2 names the clash).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime

from tcdesk.cli import common
from tcdesk.cli.table import format_table
from tcdesk.errors import UserError
from tcdesk.formatting import clock_time, day_header, slot_when, weekday_medium_date
from tcdesk.services.agreement_edits import WITHOUT_YES, move_warning
from tcdesk.services.desk import Desk
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.services.practice_lookup import find_office, find_staff
from tcdesk.services.schedule import (
    DEFAULT_MINUTES,
    Booked,
    Slot,
    book_consult,
    cancel_consult,
    check_in,
    mark_no_show,
    move_consult,
    require_booked,
)
from tcdesk.services.schedule_days import DaySchedule, ScheduleEntry, day_schedule, week_schedule
from tcdesk.services.validation import FieldErrors
from tcdesk.services.walk_in import on_duty

HEADERS = ("ID", "DATE", "TIME", "MIN", "PATIENT", "COORDINATOR", "DOCTOR", "STATUS", "ARRIVED")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(subparsers, "schedule", "Book, move and list consults.")
    sub = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    for name, help_text in (
        ("day", "One office's consults for a day, in slot order."),
        ("week", "One office's consults for the week (Monday to Sunday) holding --date."),
    ):
        view = _action(sub, name, help_text)
        view.add_argument("--office", metavar="NAME", help="office name or id (default: main)")
        view.add_argument("--date", metavar="YYYY-MM-DD", help="default: today")
        view.set_defaults(func=_run_day if name == "day" else _run_week)
    book = _action(sub, "book", "Book a consult for an existing patient.")
    book.add_argument("patient_id", metavar="PATIENT_ID", help="from tcdesk patients")
    _slot_arguments(book, required=True)
    book.set_defaults(func=_run_book)
    move = _action(sub, "move", "Move a booked consult (new time, office or people).")
    move.add_argument("consult_id", metavar="CONSULT_ID", help="from tcdesk schedule day")
    _slot_arguments(move, required=False)
    move.add_argument(
        "--yes", action="store_true", help="move it even though it needs a new agreement version"
    )
    move.set_defaults(func=_run_move)
    cancel = _action(sub, "cancel", "Take a booked consult off the schedule.")
    cancel.add_argument("consult_id", metavar="CONSULT_ID", help="from tcdesk schedule day")
    cancel.add_argument("--reason", required=True, help="why, in a few words")
    cancel.set_defaults(func=_run_change, change="cancel")
    for name, help_text in (
        ("no-show", "The family did not come."),
        ("check-in", "The family is here."),
    ):
        action = _action(sub, name, help_text)
        action.add_argument("consult_id", metavar="CONSULT_ID", help="from tcdesk schedule day")
        action.set_defaults(func=_run_change, change=name)


def _action(sub: argparse._SubParsersAction, name: str, help_text: str) -> argparse.ArgumentParser:
    parser = common.add_command(sub, name, help_text)
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    return parser


def _slot_arguments(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument("--at", required=required, metavar='"YYYY-MM-DD HH:MM"', help="local")
    parser.add_argument("--office", metavar="NAME", help="office name or id")
    parser.add_argument("--coordinator", metavar="NAME", help="TC name or id")
    parser.add_argument("--doctor", metavar="NAME", help="doctor name or id")
    parser.add_argument("--minutes", metavar="N", help=f"length (default {DEFAULT_MINUTES})")
    parser.add_argument(
        "--allow-overlap", action="store_true", help="book even over the TC's or doctor's consult"
    )


def _parse_day(args: argparse.Namespace) -> date:
    if not args.date:
        return common.today(args)
    try:
        return date.fromisoformat(args.date.strip())
    except ValueError:
        raise UserError(f"--date must look like 2026-12-01, not '{args.date}'.") from None


def _parse_at(text: str) -> datetime:
    try:
        return datetime.strptime(" ".join(text.split()), "%Y-%m-%d %H:%M")
    except ValueError:
        raise UserError(f'--at must look like "2026-12-01 09:30", not "{text}".') from None


def _slot(desk: Desk, args: argparse.Namespace, was: Slot | None) -> Slot:
    named_office = find_office(desk, args.office, flag="--office") if args.office else None
    named_coordinator = (
        find_staff(desk, args.coordinator, flag="--coordinator") if args.coordinator else None
    )
    named_doctor = find_staff(desk, args.doctor, flag="--doctor") if args.doctor else None
    if was is not None:  # a move keeps what is not named
        office = named_office.id if named_office else was.office_id
        coordinator = named_coordinator.id if named_coordinator else was.coordinator_id
        doctor = named_doctor.id if named_doctor else was.doctor_id
    else:  # a booking: who is on duty, by the walk-in's rule, unless named
        duty = on_duty(
            desk,
            MachineSettingsStore().load(),
            office_id=named_office.id if named_office else None,
            coordinator=named_coordinator,
            doctor=named_doctor,
        )
        office, coordinator, doctor = duty.office.id, duty.coordinator.id, duty.doctor.id
    if args.at:
        moment = _parse_at(args.at)
        day, at = moment.date(), moment.time()
    else:
        assert was is not None
        day, at = was.day, was.at
    minutes = args.minutes if args.minutes is not None else (was.minutes if was else 60)
    try:
        minutes = int(minutes)
    except ValueError:
        raise UserError(f"--minutes must be a whole number, not '{minutes}'.") from None
    return Slot(office, coordinator, doctor, day, at, minutes)


def _run_book(args: argparse.Namespace) -> int:
    with PracticeFile(args) as desk:
        if desk.patients.get(args.patient_id.strip()) is None:
            raise UserError(
                f'PATIENT_ID: There is no patient "{args.patient_id}"; see tcdesk patients.'
            )
        booked = book_consult(
            desk, args.patient_id, _slot(desk, args, None), allow_overlap=args.allow_overlap
        )
        return _print_booked(desk, args, booked, "Booked")


def _run_move(args: argparse.Namespace) -> int:
    with PracticeFile(args) as desk:
        consult = require_booked(desk, args.consult_id)
        start = datetime.fromisoformat(consult.scheduled_at).astimezone()
        was = Slot(
            consult.office_id,
            consult.coordinator_id,
            consult.doctor_id,
            start.date(),
            start.time().replace(tzinfo=None),
            consult.duration_minutes,
        )
        slot = _slot(desk, args, was)
        warning = move_warning(desk, consult, slot.office_id, slot.coordinator_id)
        if warning and not args.yes:
            raise UserError(WITHOUT_YES.format(warning=warning))
        booked = move_consult(desk, consult.id, slot, allow_overlap=args.allow_overlap)
        if booked.warning:
            print(f"tcdesk: {booked.warning}", file=sys.stderr)
        return _print_booked(desk, args, booked, "Moved")


def _run_change(args: argparse.Namespace) -> int:
    with PracticeFile(args) as desk:
        if args.change == "cancel":
            consult = cancel_consult(desk, args.consult_id, args.reason)
        elif args.change == "no-show":
            consult = mark_no_show(desk, args.consult_id)
        else:
            consult = check_in(desk, args.consult_id)
        entry = _entry_of(desk, consult.id)
        if args.json:
            print(json.dumps(entry_json(entry), indent=2, ensure_ascii=False))
        else:
            print(f"{entry.patient}, {slot_when(entry.start)}: {entry.status_label}", end="")
            print(f", checked in at {clock_time(entry.arrived_at)}" if entry.arrived_at else "")
        return 0


def _print_booked(desk: Desk, args: argparse.Namespace, booked: Booked, verb: str) -> int:
    entry = _entry_of(desk, booked.consult.id)
    if args.json:
        data = entry_json(entry)
        data["overlaps"] = [c.describe() for c in booked.clashes]
        data["warning"] = booked.warning
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    print(
        f"{verb} {entry.patient} at {entry.office}, {slot_when(entry.start)}, "
        f"{entry.minutes} min, with {entry.coordinator} and {entry.doctor} "
        f"(consult {entry.consult_id})"
    )
    for clash in booked.clashes:
        print(f"Booked anyway: {clash.describe()}")
    return 0


def _entry_of(desk: Desk, consult_id: str) -> ScheduleEntry:
    consult = require_booked(desk, consult_id)
    office = next(o for o in _all_offices(desk) if o.id == consult.office_id)
    day = day_schedule(desk, office, consult.consult_date)
    return next(e for e in day.entries if e.consult_id == consult_id)


def _all_offices(desk: Desk):
    practice = desk.practice()
    return desk.practices.offices(practice.id) if practice else []


def _run_day(args: argparse.Namespace) -> int:
    with PracticeFile(args) as desk:
        day = day_schedule(desk, find_office(desk, args.office, flag="--office"), _parse_day(args))
    return _print_days(args, [day])


def _run_week(args: argparse.Namespace) -> int:
    with PracticeFile(args) as desk:
        week = week_schedule(
            desk, find_office(desk, args.office, flag="--office"), _parse_day(args)
        )
    return _print_days(args, list(week.days))


def _print_days(args: argparse.Namespace, days: list[DaySchedule]) -> int:
    entries = [e for d in days for e in d.entries]
    if args.json:
        print(
            json.dumps(
                {
                    "office": days[0].office.name,
                    "days": [
                        {"date": d.day.isoformat(), "consults": [entry_json(e) for e in d.entries]}
                        for d in days
                    ],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return 0
    span = weekday_medium_date(days[0].day)
    if len(days) > 1:
        span += f" to {weekday_medium_date(days[-1].day)}"
    print(f"{days[0].office.name}, {span}")
    if entries:
        print(format_table(HEADERS, [_row(e) for e in entries]))
    print(f"{len(entries)} consult{'s' if len(entries) != 1 else ''}")
    return 0


def _row(entry: ScheduleEntry) -> tuple[str, ...]:
    return (
        entry.consult_id,
        day_header(entry.start.date()),
        clock_time(entry.start),
        str(entry.minutes),
        entry.patient,
        entry.coordinator,
        entry.doctor,
        entry.status_label,
        clock_time(entry.arrived_at) if entry.arrived_at else "",
    )


def entry_json(entry: ScheduleEntry) -> dict[str, object]:
    return {
        "id": entry.consult_id,
        "patient_id": entry.patient_id,
        "patient": entry.patient,
        "local_date": entry.start.date().isoformat(),
        "local_time": f"{entry.start:%H:%M}",
        "minutes": entry.minutes,
        "office": entry.office,
        "coordinator": entry.coordinator,
        "doctor": entry.doctor,
        "status": entry.status.value,
        "status_label": entry.status_label,
        "arrived_at": entry.arrived_at.isoformat() if entry.arrived_at else None,
        "presenting": entry.presenting,
    }


class PracticeFile:
    """``with PracticeFile(args) as desk``: the practice file, closed however the command ends."""

    def __init__(self, args: argparse.Namespace, *, read_only: bool = False) -> None:
        self._args = args
        self._read_only = read_only

    def __enter__(self) -> Desk:
        self._desk = common.open_desk(self._args, read_only=self._read_only)
        return self._desk

    def __exit__(self, _kind: object, error: BaseException | None, _tb: object) -> None:
        self._desk.close()
        if isinstance(error, FieldErrors) and len(error.errors) > 1:
            raise UserError(" ".join(e.message for e in error.errors)) from error
