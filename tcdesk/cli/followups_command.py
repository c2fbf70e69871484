"""``tcdesk followups``: the ranked follow-up queue, and logging a contact from it."""

from __future__ import annotations

import argparse
import json

from tcdesk.cli import common
from tcdesk.cli.pipeline_args import coordinator_id, with_flags, word
from tcdesk.cli.table import format_table
from tcdesk.domain import ContactKind
from tcdesk.domain.pipeline import ContactResult
from tcdesk.errors import UserError
from tcdesk.formatting import medium_date
from tcdesk.services.contact_log import log_contact
from tcdesk.services.follow_up_queue import QueueItem, load_queue

FLAGS = {
    "contact.kind": "--by",
    "contact.result": "--result",
    "contact.next_on": "--next",
    "contact.note": "--note",
}
HEADERS = ("#", "ITEM", "FAMILY", "KIND", "DUE", "COORDINATOR", "REASONS")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(
        subparsers,
        "followups",
        "The follow-up queue, most urgent first: pending families, recalls due, open leads.",
    )
    parser.add_argument("--coordinator", metavar="NAME", help="only this TC's (default: everyone)")
    parser.add_argument("--due-by", metavar="YYYY-MM-DD", help="only what is due by this day")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(func=run_list)
    sub = parser.add_subparsers(dest="followups_action", metavar="{log}")
    log = sub.add_parser("log", help="log a contact for a queue item", description="Log a contact.")
    common.add_db_argument(log)
    log.add_argument("item", metavar="ITEM", help="the item as listed (e.g. lead:…)")
    kinds = ", ".join(k.value for k in ContactKind)
    results = ", ".join(r.value for r in ContactResult)
    log.add_argument("--by", required=True, metavar="KIND", help=kinds)
    log.add_argument("--result", required=True, metavar="RESULT", help=results)
    log.add_argument("--next", metavar="YYYY-MM-DD", help="the next contact (none: off the queue)")
    log.add_argument("--note", default="", help="what was said, in a few words")
    log.set_defaults(func=run_log)


def _due_by(args: argparse.Namespace):
    if not args.due_by:
        return None
    text = args.due_by.strip().lower()
    if text == "today":
        return common.today(args)
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(f"--due-by must be a date like 2026-12-01, not '{args.due_by}'.") from None


def run_list(args: argparse.Namespace) -> int:
    due_by = _due_by(args)
    desk = common.open_desk(args, read_only=True)
    try:
        queue = load_queue(desk, owner_id=coordinator_id(desk, args), due_by=due_by, limit=None)
    finally:
        desk.close()
    if args.json:
        print(json.dumps([item_json(i) for i in queue.items], indent=2, ensure_ascii=False))
        return 0
    if not queue.items:
        print("Nothing to follow up.")
        return 0
    rows = [_cells(n, item) for n, item in enumerate(queue.items, 1)]
    print(format_table(HEADERS, rows))
    print(queue.counts.words)
    return 0


def _cells(n: int, item: QueueItem) -> list[str]:
    due = "Overdue" if item.overdue else medium_date(item.due_on)
    return [str(n), item.key, item.name, item.kind_label, due, item.owner, item.reasons]


def item_json(item: QueueItem) -> dict:
    return {
        "item": item.key,
        "kind": item.kind.value,
        "name": item.name,
        "phone": item.phone,
        "email": item.email,
        "due_on": item.due_on.isoformat(),
        "overdue": item.overdue,
        "overdue_days": item.overdue_days,
        "warmth": item.warmth.value if item.warmth else None,
        "value": _dollars(item.value_cents),
        "days_since": item.days_since,
        "coordinator": item.owner,
        "why": item.why,
        "quote_held_until": item.quote_held_until.isoformat() if item.quote_held_until else None,
        "consult_id": item.consult_id,
        "lead_id": item.lead_id,
        "patient_id": item.patient_id,
        "channel": item.channel,
        "reasons": item.reasons,
    }


def _dollars(cents: int) -> str:
    whole, part = divmod(cents, 100)
    return f"{whole}.{part:02d}"


def run_log(args: argparse.Namespace) -> int:
    desk = common.open_desk(args)
    try:
        logged = with_flags(
            FLAGS,
            lambda: log_contact(
                desk,
                args.item,
                word(args.by),
                word(args.result),
                next_on=args.next,
                note=args.note,
            ),
        )
    finally:
        desk.close()
    print(logged.message)
    return 0
