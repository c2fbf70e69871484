"""``tcdesk walk-in NAME``: a family at the door; the patient and a consult now."""

from __future__ import annotations

import argparse
import json

from tcdesk.cli import common
from tcdesk.cli.family_args import flag_name
from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.services.practice_lookup import find_office, find_staff
from tcdesk.services.validation import FieldErrors
from tcdesk.services.walk_in import on_duty, start_walk_in

WALK_IN_FLAGS = {
    "walk_in.name": "NAME",
    "walk_in.contact": "--phone/--email",
    "walk_in.birth_date": "--born",
    "walk_in.office": "--office",
    "walk_in.coordinator": "--coordinator",
    "walk_in.doctor": "--doctor",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(
        subparsers,
        "walk-in",
        "A family walked in: add the patient and a consult starting now; prints its id.",
    )
    parser.add_argument("name", metavar="NAME", help='first and last name, e.g. "Sam Okafor"')
    contact = parser.add_mutually_exclusive_group(required=True)
    contact.add_argument("--phone", help="a phone number to reach them")
    contact.add_argument("--email", help="an email address to reach them")
    parser.add_argument("--born", metavar="YYYY-MM-DD", help="date of birth, if asked")
    parser.add_argument("--office", metavar="ID|NAME", help="default: this desk's office")
    parser.add_argument("--coordinator", metavar="ID|NAME", help="default: the TC on duty")
    parser.add_argument("--doctor", metavar="ID|NAME", help="default: the doctor on duty")
    parser.add_argument("--json", action="store_true", help="print the new ids as JSON")
    parser.set_defaults(func=run)


def _choices(desk: Desk, args: argparse.Namespace) -> tuple[str, str, str]:
    """This desk's office and who is on duty, unless the flags name others."""
    office = find_office(desk, args.office, flag="--office") if args.office else None
    coordinator = (
        find_staff(desk, args.coordinator, flag="--coordinator") if args.coordinator else None
    )
    doctor = find_staff(desk, args.doctor, flag="--doctor") if args.doctor else None
    duty = on_duty(
        desk,
        MachineSettingsStore().load(),
        office_id=office.id if office else None,
        coordinator=coordinator,
        doctor=doctor,
    )
    return duty.office.id, duty.coordinator.id, duty.doctor.id


def _flag(args: argparse.Namespace, field: str) -> str:
    if field == "walk_in.contact":  # the one given of the two
        return "--email" if args.email else "--phone"
    return WALK_IN_FLAGS.get(field, flag_name(field))


def run(args: argparse.Namespace) -> int:
    desk = common.open_desk(args)
    try:
        office_id, coordinator_id, doctor_id = _choices(desk, args)
        try:
            started = start_walk_in(
                desk,
                args.name,
                args.phone or args.email or "",
                office_id,
                coordinator_id,
                doctor_id,
                desk.clock(),
                birth_date=args.born,
            )
        except FieldErrors as errors:
            raise UserError(
                "; ".join(f"{_flag(args, e.field)}: {e.message}" for e in errors.errors)
            ) from None
    finally:
        desk.close()
    if args.json:
        print(
            json.dumps(
                {
                    "consult_id": started.consult.id,
                    "patient_id": started.patient.id,
                    "scheduled_at": started.consult.scheduled_at,
                },
                indent=2,
            )
        )
    else:
        print(started.consult.id)
    return 0
