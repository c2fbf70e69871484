"""``tcdesk leads``: add a lead, list and filter leads, change a lead's status."""

from __future__ import annotations

import argparse
import json

from tcdesk.cli import common
from tcdesk.cli.pipeline_args import coordinator_id, with_flags, word
from tcdesk.cli.table import format_table
from tcdesk.domain import LeadSource, LeadStatus
from tcdesk.domain.pipeline import LEAD_STATUS_LABELS
from tcdesk.formatting import local_datetime, medium_date
from tcdesk.services.leads import LeadInput, LeadRow, add_lead, change_status, list_leads
from tcdesk.services.practice_lookup import find_office

FLAGS = {
    "lead.name": "--name",
    "lead.channel": "--channel",
    "lead.contact": "--phone/--email",
    "lead.channel_detail": "--detail",
    "lead.referrer": "--referrer",
    "lead.note": "--note",
    "lead.assigned_to": "--coordinator",
    "lead.office": "--office",
    "lead.warmth": "--warmth",
    "lead.next_contact_on": "--next",
    "lead.status": "--to",
}
HEADERS = ("ID", "RECEIVED", "FAMILY", "CHANNEL", "STATUS", "WARMTH", "NEXT", "COORDINATOR")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = common.add_command(
        subparsers, "leads", "Leads: families who contacted the practice, before a consult."
    )
    statuses = ", ".join(s.value for s in LeadStatus)
    parser.add_argument("--status", metavar="STATUS", help=f"only these: {statuses}")
    parser.add_argument("--coordinator", metavar="NAME", help="only this TC's leads")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(func=run_list)
    sub = parser.add_subparsers(dest="leads_action", metavar="{add,status}")
    add = sub.add_parser("add", help="add a lead; prints its id", description="Add a lead.")
    common.add_db_argument(add)
    add.add_argument("--name", required=True, help="the family's name")
    channels = ", ".join(c.value for c in LeadSource)
    add.add_argument("--channel", required=True, help=f"how they reached us: {channels}")
    contact = add.add_mutually_exclusive_group(required=True)
    contact.add_argument("--phone", help="a phone number to call back")
    contact.add_argument("--email", help="an email address")
    add.add_argument("--detail", default="", help="which network or website form")
    add.add_argument("--referrer", metavar="ID", help="the referring doctor's id")
    add.add_argument("--referring-patient", metavar="ID", help="the referring patient's id")
    add.add_argument("--note", default="", help="a note for the call back")
    add.add_argument("--coordinator", metavar="NAME", help="the TC it is assigned to")
    add.add_argument("--office", metavar="NAME", help="the office it is for")
    add.add_argument("--warmth", default="warm", help="hot, warm or cold")
    add.add_argument("--next", metavar="YYYY-MM-DD", help="the next contact date")
    add.add_argument("--json", action="store_true", help="print the new lead as JSON")
    add.set_defaults(func=run_add)
    status = sub.add_parser(
        "status", help="change a lead's status", description="Change a lead's status."
    )
    common.add_db_argument(status)
    status.add_argument("lead", metavar="LEAD", help="the lead's id")
    status.add_argument("--to", required=True, metavar="STATUS", help=statuses)
    status.set_defaults(func=run_status)


def run_add(args: argparse.Namespace) -> int:
    desk = common.open_desk(args)
    try:
        office = find_office(desk, args.office, flag="--office").id if args.office else None
        typed = LeadInput(
            name=args.name,
            channel=word(args.channel),
            phone=args.phone or "",
            email=args.email or "",
            channel_detail=args.detail,
            referrer_id=args.referrer,
            referring_patient_id=args.referring_patient,
            note=args.note,
            assigned_to=coordinator_id(desk, args),
            office_id=office,
            warmth=word(args.warmth),
            next_contact_on=args.next,
        )
        lead = with_flags(FLAGS, lambda: add_lead(desk, typed))
    finally:
        desk.close()
    if args.json:
        print(json.dumps({"id": lead.id, "status": lead.status.value}, indent=2))
    else:
        print(lead.id)
    return 0


def run_status(args: argparse.Namespace) -> int:
    desk = common.open_desk(args)
    try:
        lead = with_flags(FLAGS, lambda: change_status(desk, args.lead, word(args.to)))
    finally:
        desk.close()
    print(f"{lead.family_name}: {LEAD_STATUS_LABELS[lead.status]}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    desk = common.open_desk(args, read_only=True)
    try:
        owner = coordinator_id(desk, args)
        status = word(args.status) or None
        rows = with_flags(
            {"lead.status": "--status"}, lambda: list_leads(desk, status=status, assigned_to=owner)
        )
    finally:
        desk.close()
    if args.json:
        print(json.dumps([row_json(r) for r in rows], indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print("No leads.")
        return 0
    print(format_table(HEADERS, [_cells(r) for r in rows]))
    return 0


def _cells(row: LeadRow) -> list[str]:
    lead = row.lead
    return [
        lead.id,
        medium_date(local_datetime(lead.contacted_at).date()),
        lead.family_name,
        row.channel,
        row.status,
        row.warmth,
        medium_date(lead.next_contact_on) if lead.next_contact_on else "",
        row.assigned,
    ]


def row_json(row: LeadRow) -> dict:
    lead = row.lead
    return {
        "id": lead.id,
        "family_name": lead.family_name,
        "phone": lead.phone,
        "email": lead.email,
        "channel": lead.channel.value,
        "channel_label": row.channel,
        "status": lead.status.value,
        "status_label": row.status,
        "warmth": lead.warmth.value,
        "contacted_at": lead.contacted_at,
        "next_contact_on": lead.next_contact_on.isoformat() if lead.next_contact_on else None,
        "coordinator": row.assigned,
        "referrer": row.referrer,
        "note": lead.note,
        "patient_id": lead.patient_id,
        "consult_id": lead.consult_id,
    }
