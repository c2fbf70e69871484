"""``tcdesk setup``: what "Set up my practice" does in the app, on the command line."""

from __future__ import annotations

import argparse
import json

from tcdesk.cli import common, passphrase_input
from tcdesk.cli.pin_action import read_pin
from tcdesk.errors import UserError
from tcdesk.services.practice_setup import PracticeSetup, SetupError, set_up_practice
from tcdesk.store import cipher
from tcdesk.store.store_file import writing_alone

# The set-up form's fields, as flags (the same words as the form).
FLAGS = {
    "practice_name": "--practice",
    "office_name": "--office",
    "coordinator_name": "--coordinator",
    "doctor_name": "--doctor",
    "phone": "--phone",
    "address": "--address",
    "brand_color": "--colour",
    "pin": "--pin",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(
        subparsers,
        "setup",
        "Set up my practice in an empty file: the practice, its main office, the first "
        "coordinator and doctor, and starting fees and money rules (change them with "
        "'settings', 'offices', 'staff', 'fees' and 'policy').",
    )
    parser.add_argument("--practice", required=True, metavar="NAME", help="the practice's name")
    parser.add_argument("--office", required=True, metavar="NAME", help="the main office's name")
    parser.add_argument("--coordinator", required=True, metavar="NAME", help="your name (TC)")
    parser.add_argument("--doctor", required=True, metavar="NAME", help="the doctor's name")
    parser.add_argument("--phone", default="", help="the practice's phone")
    parser.add_argument("--address", default="", help="the practice's address")
    parser.add_argument("--colour", default="#1F6F8B", metavar="#RRGGBB", help="brand colour")
    parser.add_argument(
        "--pin",
        action="store_true",
        help="choose your PIN (asked for, never shown; read from standard input when piped): "
        "you are the practice's admin and tcdesk asks for PINs at launch",
    )
    parser.add_argument(
        "--encrypt",
        action="store_true",
        help="encrypt the new practice file (recommended for laptops); the passphrase comes "
        "from --passphrase-file or $TCDESK_PASSPHRASE, or is asked for twice. A passphrase "
        "given that way encrypts the new file even without --encrypt",
    )
    parser.add_argument("--json", action="store_true", help="print the new practice as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    values = {field: getattr(args, flag[2:]) for field, flag in FLAGS.items() if field != "pin"}
    setup = PracticeSetup(**values, pin=read_pin() if args.pin else "")
    if args.encrypt:
        cipher.use_passphrase(passphrase_input.ask_new(args))  # new files are made with it
    with writing_alone(common.db_path(args)):  # one set-up at a time on a file
        desk = common.open_desk(args, create=True)
        try:
            if not desk.is_empty():
                practice = desk.practice()
                name = practice.name if practice else "a practice"
                raise UserError(
                    f'{desk.path} already holds "{name}"; use tcdesk settings to change it.'
                )
            try:
                practice = set_up_practice(desk, setup)
            except SetupError as error:
                raise UserError(f"{FLAGS[error.field]}: {error.message}") from None
            offices = desk.practices.offices(practice.id)
            staff = desk.practices.staff(practice.id)
            fees = desk.practices.fee_schedule(practice.id)
        finally:
            desk.close()
    if args.json:
        print(
            json.dumps(
                {
                    "practice_id": practice.id,
                    "name": practice.name,
                    "offices": [{"id": o.id, "name": o.name} for o in offices],
                    "staff": [{"id": s.id, "name": s.name, "role": s.role.value} for s in staff],
                    "fees": len(fees),
                    "encrypted": cipher.is_encrypted(common.db_path(args)),
                },
                ensure_ascii=False,
            )
        )
    else:
        print(
            f'Set up "{practice.name}": main office {offices[0].name}, '
            f"{len(staff)} staff, {len(fees)} fees with typical figures "
            "(change them with tcdesk fees and tcdesk policy)."
        )
        if cipher.is_encrypted(common.db_path(args)):
            print("The practice file is encrypted: keep the passphrase somewhere safe.")
    return 0
