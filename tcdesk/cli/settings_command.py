"""``tcdesk settings``, ``tcdesk policy`` and ``tcdesk terms``: the practice's own settings.

The same words and checks as the Settings window (tcdesk.services.settings):
bad input is one line on stderr, exit status 2, and nothing is changed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tcdesk.cli import common
from tcdesk.cli.settings_output import (
    as_json,
    field_errors_as_options,
    given,
    print_json,
)
from tcdesk.cli.table import format_table
from tcdesk.errors import UserError
from tcdesk.services.settings import money_rules, practice_details, terms
from tcdesk.services.settings.overview import settings_overview


def _action(sub, name: str, help_text: str) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=help_text, description=help_text)
    common.add_db_argument(parser)
    return parser


def register(subparsers: argparse._SubParsersAction) -> None:
    """``tcdesk settings``; ``policy_command`` and ``terms_command`` register the others."""
    register_settings(subparsers)


# -- settings ----------------------------------------------------------------------------


def register_settings(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(subparsers, "settings", "Show or change the practice's settings.")
    sub = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    show = _action(sub, "show", "everything Settings holds")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(func=run_show)
    practice = _action(sub, "practice", "change the practice's details")
    for field, label in practice_details.PRACTICE_FIELDS.items():
        flag = _PRACTICE_FLAGS.get(field, f"--{field}")
        yes_no = field in practice_details.YES_NO_FIELDS
        words = label.lower() + (
            f": yes or no. {practice_details.KEEP_ORIGINALS_HELP}" if yes_no else ""
        )
        practice.add_argument(
            flag,
            dest=field,
            metavar="yes|no" if yes_no else "TEXT",
            help=words.replace("%", "%%"),
        )
    practice.add_argument("--logo", metavar="FILE", help="a JPEG or PNG to import as the logo")
    practice.add_argument("--no-logo", action="store_true", help="remove the logo")
    practice.set_defaults(func=run_practice)


_PRACTICE_FLAGS = {
    "brand_color": "--colour",
    "lock_after_minutes": "--lock-after",
    "keep_original_photos": "--keep-originals",
}


def run_show(args: argparse.Namespace) -> int:
    desk = common.open_desk(args)
    try:
        overview = settings_overview(desk)
        logo = practice_details.logo_file(desk)
    finally:
        desk.close()
    if args.json:
        print_json(
            {
                "practice": {**as_json(overview.practice), "logo_file": logo},
                "offices": [as_json(o) for o in overview.offices],
                "staff": [as_json(s) for s in overview.staff],
                "fees": [as_json(f) for f in overview.fees],
                "policy": _policy_json(overview.policy),
                "own_terms": overview.own_terms,
            }
        )
        return 0
    p = overview.practice
    print(p.name)
    for label, value in (
        ("Phone", p.phone),
        ("Email", p.email),
        ("Website", p.website),
        ("Address", p.address),
        ("Brand colour", p.brand_color),
        ("Locks after", f"{p.lock_after_minutes} idle minutes"),
        ("Keeps original photos", practice_details.form_value(p, "keep_original_photos")),
        ("Logo", logo or "none"),
        ("Agreement terms", "the practice's own" if overview.own_terms else "the shipped ones"),
    ):
        print(f"  {label}: {value}")
    print(
        f"{len(overview.offices)} offices, {len(overview.staff)} staff, {len(overview.fees)} fees"
    )
    return 0


def run_practice(args: argparse.Namespace) -> int:
    values = given(args, practice_details.PRACTICE_FIELDS)
    if not values and not args.logo and not args.no_logo:
        raise UserError("Give at least one of --name, --phone, --colour, --logo ... to change.")
    if args.logo and args.no_logo:
        raise UserError("Give --logo or --no-logo, not both.")
    desk = common.open_desk(args)
    try:
        with field_errors_as_options(lambda f: _PRACTICE_FLAGS.get(f, f"--{f}")):
            practice_details.check_practice(practice_details.current_practice(desk), values)
            if args.logo:  # the picture is checked before anything is saved
                practice_details.import_logo(desk, Path(args.logo))
            elif args.no_logo:
                practice_details.remove_logo(desk)
            practice = practice_details.update_practice(desk, values)
    finally:
        desk.close()
    print(f"Saved the practice's details ({practice.name}).")
    return 0


# -- policy ------------------------------------------------------------------------------


def register_policy(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(subparsers, "policy", "Show or change the money rules.")
    sub = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    show = _action(sub, "show", "the financial policy")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(func=run_policy_show)
    change = _action(sub, "set", "change rules for new quotes (saved plans keep theirs)")
    for field in money_rules.POLICY_FIELDS:
        change.add_argument(
            "--" + field.key.replace("_", "-"),
            dest=field.key,
            metavar="VALUE",
            help=field.label.replace("%", "%%"),
        )
    change.set_defaults(func=run_policy_set)


def _policy_json(policy) -> dict[str, str]:
    return {f.key: money_rules.form_value(policy, f) for f in money_rules.POLICY_FIELDS}


def run_policy_show(args: argparse.Namespace) -> int:
    desk = common.open_desk(args)
    try:
        policy = money_rules.current_policy(desk)
    finally:
        desk.close()
    if args.json:
        print_json(_policy_json(policy))
        return 0
    rows = [
        (f.label, money_rules.form_value(policy, f), "--" + f.key.replace("_", "-"))
        for f in money_rules.POLICY_FIELDS
    ]
    print(format_table(("RULE", "VALUE", "OPTION"), rows))
    return 0


def run_policy_set(args: argparse.Namespace) -> int:
    values = given(args, [f.key for f in money_rules.POLICY_FIELDS])
    if not values:
        raise UserError("Give at least one rule to change, e.g. --late-fee 35 (see --help).")
    desk = common.open_desk(args)
    try:
        with field_errors_as_options():
            money_rules.update_policy(desk, values)
    finally:
        desk.close()
    print(f"Saved {len(values)} money rule{'s' if len(values) != 1 else ''} for new quotes.")
    return 0


# -- terms -------------------------------------------------------------------------------


def register_terms(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(subparsers, "terms", "The agreement's terms template.")
    sub = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    show = _action(sub, "show", "print the template the next agreement uses")
    show.add_argument("--rendered", action="store_true", help="as a sample agreement prints it")
    show.set_defaults(func=run_terms_show)
    change = _action(sub, "set", "use the template in FILE (refused if it does not render)")
    change.add_argument("file", metavar="FILE", help="a UTF-8 text file with the template")
    change.set_defaults(func=run_terms_set)
    reset = _action(sub, "reset", "go back to the shipped template")
    reset.set_defaults(func=run_terms_reset)


def run_terms_show(args: argparse.Namespace) -> int:
    desk = common.open_desk(args)
    try:
        text = terms.terms_template(desk)
        if args.rendered:
            text = terms.preview_terms(desk, text).text + "\n"
    finally:
        desk.close()
    sys.stdout.write(text)
    return 0


def run_terms_set(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(
            f"Cannot read {path}: {getattr(error, 'strerror', None) or error}"
        ) from None
    desk = common.open_desk(args)
    try:
        with field_errors_as_options(lambda _f: str(path)):
            terms.set_terms(desk, text)
    finally:
        desk.close()
    print(f"The agreement's terms now come from {path.name} (new agreements only).")
    return 0


def run_terms_reset(args: argparse.Namespace) -> int:
    desk = common.open_desk(args)
    try:
        terms.reset_terms(desk)
    finally:
        desk.close()
    print("The agreement's terms are the shipped ones again (new agreements only).")
    return 0
