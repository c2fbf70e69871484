"""The flags of ``tcdesk patients add|edit``, read into the new-family form's input.

    --guardian "Lucía Martínez:mother:503-555-0101:lucia@example.com:12 Alder St"
    --insurance "Delta Dental:50:1500:used=250:age=19:payout=monthly:initial=25:member=DD-1"

The first ``--insurance`` is the primary plan, a second one the secondary.
The first guardian pays unless ``--payer N`` names another (1 = the first).
"""

from __future__ import annotations

import argparse
import re
from dataclasses import replace
from typing import Any

from tcdesk.domain import LeadSource, Relationship
from tcdesk.errors import UserError
from tcdesk.services.intake import FamilySaved, InsuranceInput, NewFamily, PartyInput
from tcdesk.services.intake_checks import LANGUAGES
from tcdesk.services.validation import FieldErrors

INSURANCE_KEYS = {
    "used": "used",
    "age": "age_limit",
    "payout": "payout",
    "initial": "initial_pct",
    "member": "member_id",
    "subscriber": "subscriber",
}
FLAGS = {
    "patient.legal_first": "--first",
    "patient.legal_last": "--last",
    "patient.birth_date": "--born",
    "patient.phone": "--phone",
    "patient.email": "--email",
    "patient.preferred_language": "--language",
    "patient.lead_source": "--source",
    "patient.referrer": "--referrer",
    "patient.office": "--office",
    "parties": "--guardian",
    "insurance.secondary": "--insurance (the second)",
}


def add_family_arguments(parser: argparse.ArgumentParser, *, editing: bool) -> None:
    need = not editing
    parser.add_argument("--first", required=need, help="the patient's legal first name")
    parser.add_argument("--last", required=need, help="the patient's legal last name")
    parser.add_argument(
        "--born", required=need, metavar="YYYY-MM-DD", help="date of birth (or MM/DD/YYYY)"
    )
    parser.add_argument("--preferred", metavar="NAME", help="the name they go by")
    parser.add_argument("--phone", help="the family's phone number")
    parser.add_argument("--email", help="the family's email address")
    parser.add_argument(
        "--language", metavar="CODE", help=f"preferred language: {', '.join(LANGUAGES)}"
    )
    parser.add_argument(
        "--source",
        metavar="SOURCE",
        help=f"how they came to us: {', '.join(s.value for s in LeadSource)}",
    )
    parser.add_argument(
        "--referrer",
        metavar="NAME",
        help="who referred them; a referring doctor's or patient's exact name is linked",
    )
    parser.add_argument("--office", metavar="ID", help="the office's id (default: the main one)")
    parser.add_argument(
        "--guardian",
        action="append",
        metavar="NAME:RELATIONSHIP[:PHONE[:EMAIL[:ADDRESS]]]",
        help="a responsible party (repeat for more); relationship: "
        + ", ".join(r.value for r in Relationship),
    )
    parser.add_argument(
        "--payer", type=int, metavar="N", help="which --guardian pays (1 = the first, the default)"
    )
    parser.add_argument(
        "--insurance",
        action="append",
        metavar="CARRIER:PCT:MAX[:used=..][:age=..][:payout=..][:initial=..][:member=..]",
        help="an insurance plan; the first is primary, a second is secondary (age= for none)",
    )
    if editing:
        parser.add_argument(
            "--no-guardians", action="store_true", help="remove every responsible party"
        )
        parser.add_argument("--no-insurance", action="store_true", help="remove every plan")
    else:
        parser.add_argument(
            "--new",
            action="store_true",
            help="add it even though a family on file has the same name and birth date, "
            "phone or email (it is someone else)",
        )
    parser.add_argument("--json", action="store_true", help="print the saved family as JSON")


def _party(text: str, index: int, payer: int | None) -> PartyInput:
    parts = [p.strip() for p in text.split(":")]
    if len(parts) < 2 or len(parts) > 5:
        raise UserError(
            f'--guardian #{index + 1} must look like "Name:relationship[:phone[:email[:address]]]"'
            f' (not "{text}").'
        )
    parts += [""] * (5 - len(parts))
    name, relationship, phone, email, address = parts
    pays = (payer or 1) == index + 1
    return PartyInput(name, relationship.lower(), phone, email, address, pays=pays)


def _insurance(text: str, index: int) -> InsuranceInput:
    parts = [p.strip() for p in text.split(":")]
    if len(parts) < 3:
        raise UserError(
            f'--insurance #{index + 1} must look like "Carrier:percent:maximum" (not "{text}").'
        )
    values: dict[str, str] = {}
    for extra in parts[3:]:
        key, equals, value = extra.partition("=")
        if not equals or key.strip().lower() not in INSURANCE_KEYS:
            raise UserError(
                f'--insurance #{index + 1}: "{extra}" is not one of '
                + ", ".join(f"{k}=..." for k in INSURANCE_KEYS)
                + "."
            )
        values[INSURANCE_KEYS[key.strip().lower()]] = value.strip()
    return InsuranceInput(carrier=parts[0], coverage_pct=parts[1], lifetime_max=parts[2], **values)


def family_from_args(args: argparse.Namespace, base: NewFamily | None) -> NewFamily:
    """The family the flags describe; when editing, unchanged fields come from ``base``."""
    family = base or NewFamily(first="", last="", birth_date="")
    changes: dict[str, Any] = {}
    for attr, flag in (
        ("first", "first"),
        ("last", "last"),
        ("birth_date", "born"),
        ("preferred_name", "preferred"),
        ("phone", "phone"),
        ("email", "email"),
        ("language", "language"),
        ("lead_source", "source"),
        ("office_id", "office"),
    ):
        value = getattr(args, flag)
        if value is not None:
            changes[attr] = value
    if args.referrer is not None:
        changes.update(referrer=args.referrer, referrer_kind="", referrer_id=None)
    if getattr(args, "no_guardians", False):
        changes["parties"] = ()
    if args.guardian:
        if args.payer is not None and not 1 <= args.payer <= len(args.guardian):
            raise UserError(f"--payer must be between 1 and {len(args.guardian)}.")
        changes["parties"] = tuple(
            _party(text, i, args.payer) for i, text in enumerate(args.guardian)
        )
    if getattr(args, "no_insurance", False):
        changes.update(primary=None, secondary=None)
    if args.insurance:
        if len(args.insurance) > 2:
            raise UserError("--insurance can be given twice at most (primary, secondary).")
        plans = [_insurance(text, i) for i, text in enumerate(args.insurance)]
        changes.update(primary=plans[0], secondary=plans[1] if len(plans) > 1 else None)
    return replace(family, **changes)


_PARTY = re.compile(r"^party\[(\d+)\]\.(\w+)$")
_PLAN = re.compile(r"^insurance\.(primary|secondary)\.(\w+)$")


def flag_name(field: str) -> str:
    """The flag a form field's mistake is about: "party[0].email" -> "--guardian #1 (email)"."""
    if field in FLAGS:
        return FLAGS[field]
    party = _PARTY.match(field)
    if party:
        return f"--guardian #{int(party.group(1)) + 1} ({party.group(2)})"
    plan = _PLAN.match(field)
    if plan:
        number = 1 if plan.group(1) == "primary" else 2
        return f"--insurance #{number} ({plan.group(2).replace('_', ' ')})"
    return field


def flag_errors(errors: FieldErrors) -> str:
    """Every mistake on one line, each after the flag it is about."""
    return "; ".join(f"{flag_name(e.field)}: {e.message}" for e in errors.errors)


def family_json(saved: FamilySaved) -> dict[str, Any]:
    patient = saved.patient
    return {
        "patient_id": patient.id,
        "created": saved.created,
        "legal_name": patient.legal_name,
        "preferred_name": patient.preferred_name,
        "birth_date": patient.birth_date.isoformat() if patient.birth_date_known else None,
        "phone": patient.phone,
        "email": patient.email,
        "language": patient.preferred_language,
        "lead_source": patient.lead_source.value,
        "referrer": patient.referrer,
        "referrer_kind": patient.referrer_kind,
        "referrer_id": patient.referrer_id,
        "responsible": [
            {
                "id": p.id,
                "name": p.name,
                "relationship": p.relationship.value,
                "phone": p.phone,
                "email": p.email,
                "pays": p.pays,
            }
            for p in saved.parties
        ],
        "insurance": [
            {
                "id": p.id,
                "rank": p.rank.value,
                "carrier": p.carrier,
                "coverage_pct": str(p.coverage_pct),
                "lifetime_max_cents": p.lifetime_max_cents,
                "used_cents": p.used_cents,
                "age_limit": p.age_limit,
                "payout": p.payout.value,
            }
            for p in saved.insurance
        ],
        "warning": saved.warning,  # a new agreement version will be needed ("" if not)
    }
