"""``tcdesk offices``, ``tcdesk staff`` and ``tcdesk fees``: the lists Settings keeps.

Same words as the Settings window; ``--json`` on every list; a record is
named by its id or its name. Bad input: one line on stderr, exit 2, nothing
changed.
"""

from __future__ import annotations

import argparse

from tcdesk.cli import common
from tcdesk.cli.pin_action import add_pin_action
from tcdesk.cli.settings_output import as_json, dollars, field_errors_as_options, given, print_json
from tcdesk.cli.table import format_table
from tcdesk.errors import UserError
from tcdesk.services.settings import fees, offices, staff
from tcdesk.services.settings.money_rules import dollars_text


def _action(sub, name: str, help_text: str, func, *, target: bool = False):
    parser = sub.add_parser(name, help=help_text, description=help_text)
    common.add_db_argument(parser)
    if target:
        parser.add_argument("target", metavar="ID_OR_NAME", help="the id or the name, as listed")
    parser.set_defaults(func=func)
    return parser


def _list_action(sub, func) -> None:
    parser = _action(sub, "list", "list them", func)
    parser.add_argument("--json", action="store_true", help="print JSON")


def _fields(parser: argparse.ArgumentParser, fields: dict[str, str]) -> None:
    for field, label in fields.items():
        parser.add_argument("--" + field.replace("_", "-"), dest=field, metavar="TEXT", help=label)


def _with_desk(args: argparse.Namespace, work):
    desk = common.open_desk(args)
    try:
        with field_errors_as_options():
            return work(desk)
    finally:
        desk.close()


def _need(values: dict[str, str]) -> dict[str, str]:
    if not values:
        raise UserError("Give at least one field to change (see --help).")
    return values


# -- offices -----------------------------------------------------------------------------


def register_offices(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(subparsers, "offices", "The practice's offices.")
    sub = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    _list_action(sub, run_offices_list)
    _fields(_action(sub, "add", "add an office", run_offices_add), offices.OFFICE_FIELDS)
    edit = _action(sub, "edit", "change an office", run_offices_edit, target=True)
    _fields(edit, offices.OFFICE_FIELDS)
    _action(
        sub, "remove", "remove an office (its consults keep it)", run_offices_remove, target=True
    )


def run_offices_list(args: argparse.Namespace) -> int:
    found = _with_desk(args, offices.list_offices)
    if args.json:
        print_json([as_json(o) for o in found])
        return 0
    rows = [(o.id, o.name, o.kind.value, o.phone, o.address) for o in found]
    print(format_table(("ID", "OFFICE", "KIND", "PHONE", "ADDRESS"), rows))
    return 0


def run_offices_add(args: argparse.Namespace) -> int:
    values = _need(given(args, offices.OFFICE_FIELDS))
    office = _with_desk(args, lambda desk: offices.add_office(desk, values))
    print(f"Added the office {office.name} ({office.kind.value}): {office.id}")
    return 0


def run_offices_edit(args: argparse.Namespace) -> int:
    values = _need(given(args, offices.OFFICE_FIELDS))
    office = _with_desk(
        args,
        lambda desk: offices.edit_office(desk, offices.find_office(desk, args.target).id, values),
    )
    print(f"Saved the office {office.name}.")
    return 0


def run_offices_remove(args: argparse.Namespace) -> int:
    office = _with_desk(
        args, lambda desk: offices.remove_office(desk, offices.find_office(desk, args.target).id)
    )
    print(f"Removed the office {office.name}; its consults keep it.")
    return 0


# -- staff -------------------------------------------------------------------------------


def register_staff(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(subparsers, "staff", "The practice's people.")
    sub = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    _list_action(sub, run_staff_list)
    _fields(_action(sub, "add", "add someone", run_staff_add), staff.STAFF_FIELDS)
    edit = _action(sub, "edit", "change someone's details", run_staff_edit, target=True)
    _fields(edit, staff.STAFF_FIELDS)
    _action(
        sub,
        "deactivate",
        "someone who left (kept on old consults)",
        run_staff_deactivate,
        target=True,
    )
    _action(sub, "activate", "bring someone back", run_staff_activate, target=True)
    add_pin_action(sub)


def run_staff_list(args: argparse.Namespace) -> int:
    def work(desk):
        names = {
            o.id: o.name for o in desk.practices.offices(desk.practice().id, include_removed=True)
        }
        return staff.list_staff(desk), names

    people, office_names = _with_desk(args, work)
    if args.json:
        print_json([as_json(s) for s in people])
        return 0
    rows = [
        (
            s.id,
            s.name,
            staff.ROLE_WORDS[s.role],
            s.title,
            office_names.get(s.office_id or "", ""),
            "active" if s.active else "inactive",
        )
        for s in people
    ]
    print(format_table(("ID", "NAME", "ROLE", "TITLE", "OFFICE", "STATUS"), rows))
    return 0


def run_staff_add(args: argparse.Namespace) -> int:
    values = _need(given(args, staff.STAFF_FIELDS))
    member = _with_desk(args, lambda desk: staff.add_staff(desk, values))
    print(f"Added {member.name} ({staff.ROLE_WORDS[member.role]}): {member.id}")
    return 0


def run_staff_edit(args: argparse.Namespace) -> int:
    values = _need(given(args, staff.STAFF_FIELDS))
    member = _with_desk(
        args, lambda desk: staff.edit_staff(desk, staff.find_staff(desk, args.target).id, values)
    )
    print(f"Saved {member.name}.")
    return 0


def _set_active(args: argparse.Namespace, active: bool) -> int:
    member = _with_desk(
        args,
        lambda desk: staff.set_staff_active(desk, staff.find_staff(desk, args.target).id, active),
    )
    state = "active" if active else "inactive (kept on old consults)"
    print(f"{member.name} is {state}.")
    return 0


def run_staff_deactivate(args: argparse.Namespace) -> int:
    return _set_active(args, False)


def run_staff_activate(args: argparse.Namespace) -> int:
    return _set_active(args, True)


# -- fees --------------------------------------------------------------------------------


def register_fees(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(subparsers, "fees", "The fee schedule.")
    sub = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    _list_action(sub, run_fees_list)
    _fields(_action(sub, "add", "add a fee", run_fees_add), fees.FEE_FIELDS)
    edit = _action(sub, "edit", "change a fee (new quotes only)", run_fees_edit, target=True)
    _fields(edit, fees.FEE_FIELDS)
    _action(sub, "remove", "take a fee off the schedule", run_fees_remove, target=True)


def run_fees_list(args: argparse.Namespace) -> int:
    items = _with_desk(args, fees.list_fees)
    if args.json:
        print_json([{**as_json(i), "fee": dollars_text(i.fee_cents)} for i in items])
        return 0
    rows = [
        (
            i.id,
            i.name,
            i.treatment_type.value,
            dollars(i.fee_cents),
            str(i.typical_months),
            str(i.visit_interval_weeks),
        )
        for i in items
    ]
    print(format_table(("ID", "FEE", "TREATMENT", "AMOUNT", "MONTHS", "VISIT WEEKS"), rows))
    return 0


def run_fees_add(args: argparse.Namespace) -> int:
    values = _need(given(args, fees.FEE_FIELDS))
    item = _with_desk(args, lambda desk: fees.add_fee(desk, values))
    print(f"Added the fee {item.name} ({dollars(item.fee_cents)}): {item.id}")
    return 0


def run_fees_edit(args: argparse.Namespace) -> int:
    values = _need(given(args, fees.FEE_FIELDS))
    item = _with_desk(args, lambda desk: fees.edit_fee(desk, args.target, values))
    print(f"Saved the fee {item.name} ({dollars(item.fee_cents)}); new quotes use it.")
    return 0


def run_fees_remove(args: argparse.Namespace) -> int:
    item = _with_desk(args, lambda desk: fees.remove_fee(desk, args.target))
    print(f"Removed the fee {item.name} from the schedule.")
    return 0
