"""Building what a consult's slides are rendered from, out of the practice file.

``build_context`` reads one consult (patient, findings, options, insurance,
policy, the latest or an edited payment plan) and returns the render context
documented in presentation_flows/README.md. It holds only what the family
may see: coordinator notes, objections, discount limits and policy internals
never enter it. The ``investment`` part is built in ``investment``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from tcdesk.domain import (
    Consult,
    ConsultFile,
    InsurancePolicy,
    InsuranceRank,
    LeadSource,
    Office,
    Patient,
    PaymentPlan,
    Practice,
    Staff,
    StaffRole,
    TreatmentOption,
)
from tcdesk.errors import UserError
from tcdesk.render import Content, build_timeline, load_content
from tcdesk.services.clock import today as local_today
from tcdesk.services.desk import Desk
from tcdesk.services.document_sources import MEDIA_PREFIX, logo_path
from tcdesk.services.policy import cents_to_decimal
from tcdesk.services.presentation.featured_option import chosen_option_id, featured_option
from tcdesk.services.presentation.investment import ZERO, investment_context, label_choices
from tcdesk.services.presentation.photos import photo_contexts

CHILD_AGE = 11  # under this: the child (Phase I) flow
ADULT_AGE = 18
# context key -> Practice attribute
_PRACTICE_FIELDS = (
    ("name", "name"),
    ("phone", "phone"),
    ("email", "email"),
    ("website", "website"),
    ("address", "address"),
    ("brand_color", "brand_color"),
    ("logo", "logo_path"),
)


def build_context(
    desk: Desk,
    consult_id: str,
    plan_override: PaymentPlan | None = None,
    *,
    content: Content | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """The render context of ``consult_id``; ``plan_override`` is a plan being edited.

    Pass the app's ``content`` (loaded once at start-up) to keep this fast.
    """
    content = content or load_content()
    day = today or local_today(desk.clock)
    consult_file, patient = _consult_and_patient(desk, consult_id)
    consult = consult_file.consult
    practice = desk.practice()
    office = _office(desk, practice, consult.office_id)
    coordinator = desk.practices.staff_member(consult.coordinator_id)
    doctor = desk.practices.staff_member(consult.doctor_id)
    chosen_id = chosen_option_id(consult, consult_file.plan, plan_override)
    options = sorted(consult_file.options, key=lambda o: o.position)
    featured = featured_option(options, chosen_id)
    investment, monthly_from = investment_context(desk, consult_file, patient, plan_override)
    option_dicts = [_option(option, chosen_id, monthly_from.get(option.id)) for option in options]
    by_id = {o["id"]: o for o in option_dicts}
    timeline = _timeline(consult, featured, day, content)
    policies = desk.patients.insurance(patient.id)
    label_choices(investment, content)
    estimate = investment["insurance_estimate"]
    return {
        "practice": _practice(practice, desk.path),
        "office": _office_context(office, practice),
        "patient": _patient(patient, consult.consult_date),
        "coordinator": _person(coordinator),
        "doctor": _person(doctor),
        "concerns": consult.chief_concern,
        "priorities": list(consult.priorities),
        "findings": _findings(consult_file, content),
        "photos": photo_contexts(desk, patient.id, consult_id),
        "options": option_dicts,
        "recommended": next((o for o in option_dicts if o["recommended"]), None),
        "chosen": by_id.get(chosen_id) if chosen_id else None,
        "featured": by_id.get(featured.id) if featured else None,
        "insured": estimate > 0,
        "insurance": _insurance(policies, estimate),
        "investment": investment,
        "timeline": timeline,
        "today": day,
        "consult_date": consult.consult_date,
        "walk_in": patient.lead_source is LeadSource.WALK_IN,
    }


def card_lines(description: str) -> list[str]:
    """What an option card says: the description's own lines, or its first sentence.

    A card is read from across the room; one clear sentence beats an elided three.
    """
    lines = [line.strip() for line in description.splitlines() if line.strip()]
    if len(lines) != 1:
        return lines
    first, _dot, rest = lines[0].partition(". ")
    return [first + "." if rest and not first.endswith(".") else first]


def _consult_and_patient(desk: Desk, consult_id: str) -> tuple[ConsultFile, Patient]:
    consult_file = desk.consults.load_file(consult_id)
    if consult_file is None:
        raise UserError(f"No consult with id {consult_id}.")
    patient = desk.patients.get(consult_file.consult.patient_id)
    if patient is None:
        raise UserError(f"The patient of consult {consult_id} is missing.")
    return consult_file, patient


def _office(desk: Desk, practice: Practice | None, office_id: str | None) -> Office | None:
    if practice is None:
        return None
    return next(
        (o for o in desk.practices.offices(practice.id, include_removed=True) if o.id == office_id),
        None,
    )


def _practice(practice: Practice | None, store_path: Path | None = None) -> dict[str, str]:
    """The practice's public details (all empty before the practice is set up).

    A logo imported in Settings (``media:...``) lives in the media folder beside
    the store: it is resolved to an absolute path here, which ``Renderer.asset``
    opens as is; any other logo stays as stored (relative to assets/ or absolute).
    """
    found = {key: getattr(practice, attr) if practice else "" for key, attr in _PRACTICE_FIELDS}
    if practice is not None and practice.logo_path.startswith(MEDIA_PREFIX):
        found["logo"] = logo_path(practice, store_path)
    return found


def _office_context(office: Office | None, practice: Practice | None) -> dict[str, str]:
    """The office's own phone, else the practice's."""
    return {
        "name": office.name if office else "",
        "phone": (office.phone if office else "") or (practice.phone if practice else ""),
        "address": office.address if office else "",
    }


def _patient(patient: Patient, consult_date: date) -> dict[str, Any]:
    age = patient.age_on(consult_date)
    return {
        "first_name": patient.display_first,
        "last_name": patient.legal_last,
        "full_name": patient.display_name,
        "age": age,
        "is_child": age < CHILD_AGE,
        "is_minor": age < ADULT_AGE,
    }


def _person(staff: Staff | None) -> dict[str, str]:
    """Name, title, and ``short_name``: how a family addresses them ("Dr. Raman", "Jessica")."""
    if staff is None:
        return {"name": "", "first_name": "", "short_name": "", "title": ""}
    words = staff.name.split(",")[0].split()
    is_doctor = staff.role is StaffRole.DOCTOR or (words[:1] == ["Dr."])
    first = next((w for w in words if w != "Dr."), "")
    if is_doctor:
        short = f"Dr. {words[-1]}" if words and words[-1] != "Dr." else staff.name
    else:
        short = first
    return {"name": staff.name, "first_name": first, "short_name": short, "title": staff.title}


def _findings(consult_file: ConsultFile, content: Content) -> list[dict[str, Any]]:
    """The findings in the doctor's order, in the practice's words."""
    return [
        {
            "code": finding.code.value,
            "severity": finding.severity.value,
            "illustration": f"illustrations/conditions/{finding.code.value}.svg",
            "photo": "",
            **content.describe_finding(finding.code.value, finding.severity.value),
        }
        for finding in sorted(consult_file.findings, key=lambda f: f.position)
    ]


def _option(
    option: TreatmentOption, chosen_id: str | None, monthly_from: Decimal | None
) -> dict[str, Any]:
    return {
        "id": option.id,
        "type": option.treatment_type.value,
        "title": option.title,
        "description": option.description,
        "lines": card_lines(option.description),
        "months": option.estimated_months,
        "visit_weeks": option.visit_interval_weeks,
        "fee": cents_to_decimal(option.fee_cents),
        "monthly_from": monthly_from,
        "recommended": option.recommended,
        "chosen": option.id == chosen_id,
        "icon": f"illustrations/options/{option.treatment_type.value}.svg",
    }


def _timeline(
    consult: Consult, featured: TreatmentOption | None, day: date, content: Content
) -> dict[str, Any]:
    """The featured option's phases from the planned start (or today)."""
    return build_timeline(
        consult.planned_start or day,
        featured.estimated_months if featured else 0,
        featured.visit_interval_weeks if featured else 0,
        content,
        treatment_type=featured.treatment_type.value if featured else "",
    )


def _insurance(policies: Sequence[InsurancePolicy], estimate: Decimal) -> dict[str, Any]:
    """The primary policy as the family sees it, with the estimate already worked out."""
    primary = next((p for p in policies if p.rank is InsuranceRank.PRIMARY), None)
    return {
        "carrier": primary.carrier if primary else "",
        "estimate": estimate,
        "coverage_pct": primary.coverage_pct if primary else Decimal(0),
        "lifetime_max": cents_to_decimal(primary.lifetime_max_cents) if primary else ZERO,
    }
