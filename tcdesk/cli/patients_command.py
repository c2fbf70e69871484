"""``tcdesk patients``: list, add and edit families, and look for one already on file.

``tcdesk patients`` alone lists, as it always has (``patients list`` says so
out loud). ``add`` and ``edit`` go through the same checks as the app's
new-family form, and a mistake names the flag it is about.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from tcdesk.cli import common
from tcdesk.cli.family_args import (
    add_family_arguments,
    family_from_args,
    family_json,
    flag_errors,
)
from tcdesk.cli.table import format_table
from tcdesk.domain import status_label
from tcdesk.errors import UserError
from tcdesk.services.agreement_edits import WITHOUT_YES
from tcdesk.services.duplicates import possible_duplicates
from tcdesk.services.intake import (
    NewFamily,
    add_family,
    family_change_warning,
    family_for_editing,
    update_family,
)
from tcdesk.services.validation import FieldErrors, date_text

HEADERS = ("ID", "PATIENT", "BORN", "LATEST CONSULT", "STATUS", "OFFICE", "RESPONSIBLE")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(
        subparsers, "patients", "List patients as a table (or add, edit, find duplicates)."
    )
    _list_arguments(parser)
    parser.set_defaults(func=run)
    sub = parser.add_subparsers(title="patients commands", metavar="ACTION")

    listing = common.add_command(sub, "list", "List patients as a table (the default).")
    _list_arguments(listing)
    listing.set_defaults(func=run)

    add = common.add_command(sub, "add", "Add a family: the patient, guardians and insurance.")
    add_family_arguments(add, editing=False)
    add.set_defaults(func=run_add)

    edit = common.add_command(sub, "edit", "Change a family; only the flags given change.")
    edit.add_argument("id", metavar="ID", help="the patient's id (see 'tcdesk patients')")
    add_family_arguments(edit, editing=True)
    edit.add_argument(
        "--yes",
        action="store_true",
        help="save even though the change needs a new financial agreement version",
    )
    edit.set_defaults(func=run_edit)

    duplicates = common.add_command(
        sub,
        "duplicates",
        "Families already on file with the same name and date of birth, phone or email.",
    )
    duplicates.add_argument("--first", default="", help="the patient's first name")
    duplicates.add_argument("--last", default="", help="the patient's last name")
    duplicates.add_argument("--born", metavar="YYYY-MM-DD", help="the date of birth")
    duplicates.add_argument("--phone", default="", help="a phone number, any format")
    duplicates.add_argument("--email", default="", help="an email address")
    duplicates.add_argument("--json", action="store_true", help="print JSON instead of lines")
    duplicates.set_defaults(func=run_duplicates)


def _list_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--search", metavar="TEXT", default="", help="names, phone or email")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def run(args: argparse.Namespace) -> int:
    desk = common.open_desk(args, read_only=True)
    try:
        entries = desk.patients.list(args.search)
    finally:
        desk.close()
    if args.json:
        rows_json = [
            {
                "id": e.patient.id,
                "patient": e.patient.display_name,
                "birth_date": e.patient.birth_date.isoformat()
                if e.patient.birth_date_known
                else None,
                "latest_consult_id": e.latest_consult_id,
                "status": e.latest_status,
                "status_label": status_label(e.latest_status),
                "office": e.office_name,
                "responsible": e.responsible,
            }
            for e in entries
        ]
        print(json.dumps(rows_json, indent=2, ensure_ascii=False))
        return 0
    rows = [
        (
            e.patient.id,
            e.patient.display_name,
            e.patient.birth_date.isoformat() if e.patient.birth_date_known else "not asked",
            (e.latest_consult_at or "")[:10],
            status_label(e.latest_status),
            e.office_name,
            e.responsible,
        )
        for e in entries
    ]
    print(format_table(HEADERS, rows))
    print(f"{len(rows)} patient{'s' if len(rows) != 1 else ''}")
    return 0


def run_add(args: argparse.Namespace) -> int:
    desk = common.open_desk(args)
    try:
        family = family_from_args(args, None)
        if not args.new:
            _refuse_duplicate(desk, family)
        try:
            saved = add_family(desk, family)
        except FieldErrors as errors:
            raise UserError(flag_errors(errors)) from None
        _print_saved(args, saved, "Added")
    finally:
        desk.close()
    return 0


def _refuse_duplicate(desk, family: NewFamily) -> None:
    """The app's form offers the family already on file; the command line names it."""
    born = family.birth_date
    if isinstance(born, str):
        try:
            born = date.fromisoformat(born.strip())
        except ValueError:
            born = None  # add_family names the --born mistake
    found = possible_duplicates(desk, family.first, family.last, born, family.phone, family.email)
    if not found:
        return
    lines = [f"{m.patient.id}: {m.described} ({m.why})" for m in found]
    raise UserError(
        "This family may already be on file: "
        + "; ".join(lines)
        + ". Change it with 'tcdesk patients edit ID', or add --new if this is someone else."
    )


def run_edit(args: argparse.Namespace) -> int:
    desk = common.open_desk(args)
    try:
        family = family_from_args(args, family_for_editing(desk, args.id))
        warning = family_change_warning(desk, args.id, family)
        if warning and not args.yes:
            raise UserError(WITHOUT_YES.format(warning=warning))
        try:
            saved = update_family(desk, args.id, family)
        except FieldErrors as errors:
            raise UserError(flag_errors(errors)) from None
        if saved.warning:
            print(f"tcdesk: {saved.warning}", file=sys.stderr)
        _print_saved(args, saved, "Saved")
    finally:
        desk.close()
    return 0


def _print_saved(args: argparse.Namespace, saved, verb: str) -> None:
    if args.json:
        print(json.dumps(family_json(saved), indent=2, ensure_ascii=False))
        return
    patient = saved.patient
    print(f"{verb} {patient.legal_name} ({patient.id})")
    for party in saved.parties:
        print(
            f"  responsible: {party.name} ({party.relationship.value})"
            + (", pays" if party.pays else "")
        )
    for policy in saved.insurance:
        print(f"  insurance ({policy.rank.value}): {policy.carrier} {policy.coverage_pct}%")


def run_duplicates(args: argparse.Namespace) -> int:
    try:
        born = date_text("--born", "--born", args.born)
    except UserError as error:
        raise UserError(str(error)) from None
    desk = common.open_desk(args)
    try:
        found = possible_duplicates(desk, args.first, args.last, born, args.phone, args.email)
    finally:
        desk.close()
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": m.patient.id,
                        "patient": m.patient.display_name,
                        "birth_date": m.patient.birth_date.isoformat()
                        if m.patient.birth_date_known
                        else None,
                        "phone": m.patient.phone,
                        "email": m.patient.email,
                        "why": list(m.reasons),
                    }
                    for m in found
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
        return 0
    for match in found:
        print(f"{match.patient.id}  {match.patient.display_name}: {match.why}")
    print(f"{len(found)} possible duplicate{'s' if len(found) != 1 else ''}")
    return 0
