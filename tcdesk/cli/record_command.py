"""``tcdesk record``: the consult record from the command line, in the app's words.

``show``, ``concern``, ``priorities``, ``finding add|edit|remove``,
``option add|edit|remove``, ``photo add|caption|remove`` and ``flow``. A
consult with a financial agreement needs a new agreement version after any
change: the command then refuses (exit 2, the warning on stderr) unless
``--yes`` is given, and with ``--yes`` prints the warning on stderr and
makes the change.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from tcdesk.cli import common
from tcdesk.cli.record_output import record_json, record_text
from tcdesk.domain import Finding, PatientPhoto, TreatmentOption
from tcdesk.errors import UserError
from tcdesk.services import consult_record as rec
from tcdesk.services.desk import Desk
from tcdesk.services.validation import money_cents

CONSULT_HELP = "the consult's id (see tcdesk consults)"
Run = Callable[[Desk, argparse.Namespace], rec.RecordChange]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(
        subparsers, "record", "Read or fill in a consult's record: concern, findings, options..."
    )
    sub = parser.add_subparsers(title="record commands", metavar="WHAT", required=True)
    show = _leaf(sub, "show", "Show the consult record.", change=False)
    show.add_argument("consult_id", metavar="CONSULT_ID", help=CONSULT_HELP)
    show.set_defaults(func=_show)

    concern = _leaf(sub, "concern", "Set the chief concern, in the family's words.")
    concern.add_argument("consult_id", metavar="CONSULT_ID", help=CONSULT_HELP)
    concern.add_argument("text", metavar="TEXT", help="what bothers them, as they said it")
    concern.set_defaults(run=lambda d, a: rec.set_concern(d, a.consult_id, a.text))

    priorities = _leaf(sub, "priorities", "Set what matters most to them, in order.")
    priorities.add_argument("consult_id", metavar="CONSULT_ID", help=CONSULT_HELP)
    priorities.add_argument(
        "priorities", metavar="PRIORITY", nargs="*", help='e.g. appearance, cost, "school photos"'
    )
    priorities.set_defaults(
        run=lambda d, a: rec.set_priorities(d, a.consult_id, a.priorities),
        check=lambda a: rec.clean_priorities(a.priorities),
    )

    _register_findings(sub)
    _register_options(sub)
    _register_photos(sub)

    flow = _leaf(sub, "flow", "Choose the presentation flow (auto: from age and options).")
    flow.add_argument("consult_id", metavar="CONSULT_ID", help=CONSULT_HELP)
    flow.add_argument("flow_id", metavar="FLOW_ID|auto", help="a flow id (tcdesk flows) or auto")
    flow.set_defaults(run=lambda d, a: rec.set_flow(d, a.consult_id, a.flow_id))


def _leaf(sub, name: str, help_text: str, *, change: bool = True) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=help_text, description=help_text)
    common.add_db_argument(parser)
    parser.add_argument("--json", action="store_true", help="print JSON")
    if change:
        parser.add_argument(
            "--yes",
            action="store_true",
            help="make the change even though the consult has a financial agreement",
        )
        parser.set_defaults(func=_change)
    return parser


def _register_findings(sub) -> None:
    group = sub.add_parser(
        "finding",
        help="Add, edit or remove a finding.",
        description="Add, edit or remove a finding.",
    )
    verbs = group.add_subparsers(metavar="add|edit|remove", required=True)
    add = _leaf(verbs, "add", "Add a finding (condition, severity, the doctor's note).")
    add.add_argument("consult_id", metavar="CONSULT_ID", help=CONSULT_HELP)
    add.add_argument("--code", required=True, help="crowding, spacing, deep_bite, ...")
    add.add_argument("--severity", required=True, help="mild, moderate or severe")
    add.add_argument("--note", default="", help="the doctor's note")
    add.set_defaults(run=lambda d, a: rec.add_finding(d, a.consult_id, a.code, a.severity, a.note))
    edit = _leaf(verbs, "edit", "Change a finding.")
    edit.add_argument("finding_id", metavar="FINDING_ID", help="the finding's id (see record show)")
    edit.add_argument("--code", help="the new condition code")
    edit.add_argument("--severity", help="mild, moderate or severe")
    edit.add_argument("--note", help="the doctor's note")
    edit.set_defaults(
        run=lambda d, a: rec.edit_finding(
            d, a.finding_id, code=a.code, level=a.severity, note=a.note
        ),
        target=("findings", Finding, "finding_id"),
    )
    remove = _leaf(verbs, "remove", "Remove a finding.")
    remove.add_argument(
        "finding_id", metavar="FINDING_ID", help="the finding's id (see record show)"
    )
    remove.set_defaults(
        run=lambda d, a: rec.remove_finding(d, a.finding_id),
        target=("findings", Finding, "finding_id"),
    )


def _register_options(sub) -> None:
    group = sub.add_parser(
        "option",
        help="Add, edit or remove a treatment option.",
        description="Add, edit or remove a treatment option.",
    )
    verbs = group.add_subparsers(metavar="add|edit|remove", required=True)
    add = _leaf(verbs, "add", "Add an option from the fee schedule.")
    add.add_argument("consult_id", metavar="CONSULT_ID", help=CONSULT_HELP)
    add.add_argument("--fee-line", required=True, help="the fee line: treatment type, name or id")
    _fee_arguments(add)
    add.set_defaults(
        run=lambda d, a: rec.add_option(
            d,
            a.consult_id,
            a.fee_line,
            fee=a.fee,
            reason=a.reason or "",
            months=a.months,
            recommended=bool(a.recommended),
        )
    )
    edit = _leaf(verbs, "edit", "Change an option's fee, months or the recommendation.")
    edit.add_argument("option_id", metavar="OPTION_ID", help="the option's id (see record show)")
    _fee_arguments(edit)
    edit.set_defaults(
        run=lambda d, a: rec.edit_option(
            d,
            a.option_id,
            fee=a.fee,
            reason=a.reason,
            months=a.months,
            recommended=True if a.recommended else None,
        ),
        target=("treatment_options", TreatmentOption, "option_id"),
    )
    remove = _leaf(verbs, "remove", "Remove an option.")
    remove.add_argument("option_id", metavar="OPTION_ID", help="the option's id (see record show)")
    remove.set_defaults(
        run=lambda d, a: rec.remove_option(d, a.option_id),
        target=("treatment_options", TreatmentOption, "option_id"),
    )


def _check_fee(args: argparse.Namespace) -> None:
    if args.fee is not None:
        money_cents("fee", "The fee", args.fee)


def _fee_arguments(parser: argparse.ArgumentParser) -> None:
    parser.set_defaults(check=_check_fee)
    parser.add_argument("--fee", help="the fee in dollars (a fee off the schedule needs --reason)")
    parser.add_argument("--reason", help="why the fee differs from the fee schedule")
    parser.add_argument("--months", help="estimated months of treatment")
    parser.add_argument("--recommended", action="store_true", help="the doctor's recommendation")


def _register_photos(sub) -> None:
    group = sub.add_parser(
        "photo",
        help="Import, caption or remove photos and x-rays.",
        description="Import, caption or remove photos and x-rays.",
    )
    verbs = group.add_subparsers(metavar="add|caption|remove", required=True)
    add = _leaf(verbs, "add", "Import JPEG or PNG files (kept by content hash).")
    add.add_argument("consult_id", metavar="CONSULT_ID", help=CONSULT_HELP)
    add.add_argument("files", metavar="FILE", nargs="+", help="JPEG or PNG files")
    add.add_argument("--kind", default="photo", help="photo (default) or xray")
    add.add_argument("--caption", default="", help="a caption the family sees")
    add.set_defaults(
        run=lambda d, a: rec.add_photos(d, a.consult_id, a.files, kind=a.kind, caption=a.caption)
    )
    caption = _leaf(verbs, "caption", "Change a picture's caption.")
    caption.add_argument("photo_id", metavar="PHOTO_ID", help="the picture's id (see record show)")
    caption.add_argument("caption", metavar="TEXT", help="the new caption")
    caption.set_defaults(
        run=lambda d, a: rec.edit_photo(d, a.photo_id, caption=a.caption),
        target=("patient_photos", PatientPhoto, "photo_id"),
    )
    remove = _leaf(verbs, "remove", "Take a picture off the record.")
    remove.add_argument("photo_id", metavar="PHOTO_ID", help="the picture's id (see record show)")
    remove.set_defaults(
        run=lambda d, a: rec.remove_photo(d, a.photo_id),
        target=("patient_photos", PatientPhoto, "photo_id"),
    )


def _show(args: argparse.Namespace) -> int:
    desk = common.open_desk(args)
    try:
        shown = rec.record(desk, args.consult_id)
    finally:
        desk.close()
    if args.json:
        print(json.dumps(record_json(shown), indent=2, ensure_ascii=False))
    else:
        print(record_text(shown))
    return 0


def _consult_id(desk: Desk, args: argparse.Namespace) -> str:
    """The consult a change is about: named, or the one the finding/option/photo is on."""
    if getattr(args, "consult_id", None):
        return args.consult_id
    table, cls, attr = args.target
    key = getattr(args, attr)
    found = desk.records.get(table, cls, key)
    if found is None:
        raise UserError(f"No {attr.removesuffix('_id')} with id {key}.")
    return found.consult_id or ""


def _change(args: argparse.Namespace) -> int:
    desk = common.open_desk(args)
    try:
        consult_id = _consult_id(desk, args)
        if getattr(args, "check", None):  # a mistake is named before "add --yes" is asked
            args.check(args)
        warning = rec.agreement_warning(desk, consult_id) if consult_id else ""
        if warning and not args.yes:
            raise UserError(f"{warning} Nothing was changed; add --yes to make the change.")
        done = args.run(desk, args)  # a FieldErrors names its flag (common.error_line)
    finally:
        desk.close()
    if done.warning:
        print(f"tcdesk: {done.warning}", file=sys.stderr)
    if args.json:
        print(json.dumps(_change_json(done), indent=2, ensure_ascii=False))
    else:
        print(_change_text(done))
    return 0


def _change_json(done: rec.RecordChange) -> dict:
    changed = done.changed
    ids: list[str] = []
    if isinstance(changed, rec.PhotoImport):
        ids = [p.id for p in changed.added]
    elif hasattr(changed, "id"):
        ids = [changed.id]
    return {
        "consult_id": done.consult_id,
        "action": done.action,
        "ids": ids,
        "warning": done.warning,
        "note": done.note,
    }


def _change_text(done: rec.RecordChange) -> str:
    changed = done.changed
    words = done.action.replace("_", " ")
    if isinstance(changed, rec.PhotoImport):
        text = f"{len(changed.added)} picture(s) added: " + (
            ", ".join(p.id for p in changed.added) or "none new"
        )
    elif (
        hasattr(changed, "consult_id") and hasattr(changed, "id") and changed.id != done.consult_id
    ):
        text = f"{words.capitalize()}: {changed.id}"
    else:
        text = f"{words.capitalize()} on consult {done.consult_id}"
    return f"{text}\n{done.note}" if done.note else text
