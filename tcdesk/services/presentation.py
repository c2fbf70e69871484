"""Building what a consult's slides are rendered from, out of the practice file.

``build_context`` reads one consult (patient, findings, options, insurance,
policy, the latest or an edited payment plan) and returns the render context
documented in presentation_flows/README.md. It holds only what the family
may see: coordinator notes, objections, discount limits and policy internals
never enter it.

The money figures come from ``tcdesk.money`` (the same quote code as the
agreement), so the investment slide and the paper always agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from tcdesk.domain import (
    Consult,
    ConsultFile,
    Discount,
    InsuranceRank,
    LeadSource,
    Patient,
    PaymentPlan,
    SavedSession,
    Staff,
    StaffRole,
    TreatmentOption,
)
from tcdesk.errors import UserError
from tcdesk.flows import (
    ConsultSession,
    Flow,
    FlowError,
    facts_from_context,
)
from tcdesk.flows.lines import LineFinder
from tcdesk.money import (
    ChoiceKey,
    MoneyInputError,
    PaymentChoice,
    build_quote,
)
from tcdesk.render import Content, Renderer, RenderError, build_timeline, load_content
from tcdesk.render.sample import sample_contexts
from tcdesk.services.clock import today as local_today
from tcdesk.services.consult_quote import ConsultPricing
from tcdesk.services.desk import Desk
from tcdesk.services.policy import cents_to_decimal

ZERO = Decimal("0.00")
CHILD_AGE = 11  # under this: the child (Phase I) flow
ADULT_AGE = 18
_MONEY_KEYS = frozenset(k.value for k in ChoiceKey)


# -- the context -----------------------------------------------------------------------


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
    consult_file = desk.consults.load_file(consult_id)
    if consult_file is None:
        raise UserError(f"No consult with id {consult_id}.")
    consult = consult_file.consult
    patient = desk.patients.get(consult.patient_id)
    if patient is None:
        raise UserError(f"The patient of consult {consult_id} is missing.")
    practice = desk.practice()
    office = (
        next((o for o in desk.practices.offices(practice.id) if o.id == consult.office_id), None)
        if practice
        else None
    )
    coordinator = desk.practices.staff_member(consult.coordinator_id)
    doctor = desk.practices.staff_member(consult.doctor_id)
    age = patient.age_on(consult.consult_date)

    chosen_id = _chosen_option_id(consult, consult_file.plan, plan_override)
    options = sorted(consult_file.options, key=lambda o: o.position)
    featured = _featured(options, chosen_id)
    investment, monthly_from = investment_context(desk, consult_file, patient, plan_override)
    option_dicts = [
        _option_context(option, chosen_id, monthly_from.get(option.id)) for option in options
    ]
    by_id = {o["id"]: o for o in option_dicts}
    recommended = next((o for o in option_dicts if o["recommended"]), None)

    start = consult.planned_start or day
    timeline = build_timeline(
        start,
        featured.estimated_months if featured else 0,
        featured.visit_interval_weeks if featured else 0,
        content,
        treatment_type=featured.treatment_type.value if featured else "",
    )
    policies = desk.patients.insurance(patient.id)
    label_choices(investment, content)
    estimate = investment["insurance_estimate"]
    primary = next((p for p in policies if p.rank is InsuranceRank.PRIMARY), None)
    return {
        "practice": {
            "name": practice.name if practice else "",
            "phone": practice.phone if practice else "",
            "email": practice.email if practice else "",
            "website": practice.website if practice else "",
            "address": practice.address if practice else "",
            "brand_color": practice.brand_color if practice else "",
            "logo": practice.logo_path if practice else "",
        },
        "office": {
            "name": office.name if office else "",
            "phone": (office.phone if office else "") or (practice.phone if practice else ""),
            "address": office.address if office else "",
        },
        "patient": {
            "first_name": patient.display_first,
            "last_name": patient.legal_last,
            "full_name": patient.display_name,
            "age": age,
            "is_child": age < CHILD_AGE,
            "is_minor": age < ADULT_AGE,
        },
        "coordinator": _person(coordinator),
        "doctor": _person(doctor),
        "concerns": consult.chief_concern,
        "priorities": list(consult.priorities),
        "findings": [
            {
                "code": finding.code.value,
                "severity": finding.severity.value,
                "illustration": f"illustrations/conditions/{finding.code.value}.svg",
                "photo": "",
                **content.describe_finding(finding.code.value, finding.severity.value),
            }
            for finding in sorted(consult_file.findings, key=lambda f: f.position)
        ],
        "photos": [
            {"path": photo.path, "caption": photo.caption}
            for photo in desk.patients.photos(patient.id)
        ],
        "options": option_dicts,
        "recommended": recommended,
        "chosen": by_id.get(chosen_id) if chosen_id else None,
        "featured": by_id.get(featured.id) if featured else None,
        "insured": estimate > 0,
        "insurance": {
            "carrier": primary.carrier if primary else "",
            "estimate": estimate,
            "coverage_pct": primary.coverage_pct if primary else Decimal(0),
            "lifetime_max": cents_to_decimal(primary.lifetime_max_cents) if primary else ZERO,
        },
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


def label_choices(investment: dict[str, Any], content: Content) -> None:
    """Give each payment choice the practice's own name for it."""
    for choice in investment["choices"]:
        choice["label"] = choice_label(content, choice["key"], choice["label"])


def choice_label(content: Content, key: str, fallback: str) -> str:
    """The family-facing name of a payment choice (practice-editable wording)."""
    wording_key = f"investment.label_{key}"
    if wording_key in content.wording:
        return content.word(wording_key)
    return content.word("investment.label_custom") if key not in _MONEY_KEYS else fallback


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


def _chosen_option_id(
    consult: Consult, saved_plan: PaymentPlan | None, plan_override: PaymentPlan | None = None
) -> str | None:
    """The plan being edited wins, then the decision on the consult, then the saved plan."""
    if plan_override is not None and plan_override.option_id:
        return plan_override.option_id
    if consult.chosen_option_id:
        return consult.chosen_option_id
    return saved_plan.option_id if saved_plan is not None else None


def _featured(options: list[TreatmentOption], chosen_id: str | None) -> TreatmentOption | None:
    """The option the timeline and investment are about: chosen, else recommended, else first."""
    for option in options:
        if option.id == chosen_id:
            return option
    for option in options:
        if option.recommended:
            return option
    return options[0] if options else None


def _option_context(
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


# -- money -------------------------------------------------------------------------------


def investment_context(
    desk: Desk,
    consult_file: ConsultFile,
    patient: Patient,
    plan_override: PaymentPlan | None,
    *,
    pricing: ConsultPricing | None = None,
) -> tuple[dict[str, Any], dict[str, Decimal]]:
    """The ``investment`` context of the featured option, and "from $X a month" per option.

    Priced through ``ConsultPricing`` (tcdesk.services.consult_quote), the same
    path as the console's payment controls and the agreement: the policy's
    payment choices for each option, and the family's plan (``plan_override``
    or the latest saved one) marked ``selected`` with its own figures.
    """
    consult = consult_file.consult
    plan = plan_override or consult_file.plan
    options = sorted(consult_file.options, key=lambda o: o.position)
    featured = _featured(options, _chosen_option_id(consult, consult_file.plan, plan_override))
    agreement_day = plan.agreement_date if plan else local_today(desk.clock)
    empty = {
        "option_title": featured.title if featured else "",
        "fee": cents_to_decimal(featured.fee_cents) if featured else None,
        "discount": ZERO,
        "insurance_estimate": ZERO,
        "patient_portion": cents_to_decimal(featured.fee_cents) if featured else None,
        "choices": [],
        "selected": None,
    }
    if pricing is None:
        try:
            pricing = ConsultPricing(desk, consult_file)
        except UserError:  # no practice (so no policy) yet: show the fee only
            return empty, {}

    def discounts_for(option: TreatmentOption) -> tuple[Discount, ...]:
        return plan.discounts if plan is not None and plan.option_id == option.id else ()

    monthly_from: dict[str, Decimal] = {}
    featured_choices: tuple[PaymentChoice, ...] = ()
    for option in options:
        if option.fee_cents <= 0 or option.estimated_months < 1:
            continue
        try:
            choices = pricing.choices(option, agreement_day, discounts_for(option))
        except MoneyInputError:
            continue
        monthlies = [c.monthly_payment for c in choices if c.months > 0]
        if monthlies:
            monthly_from[option.id] = min(monthlies)
        if featured is not None and option.id == featured.id:
            featured_choices = choices

    if featured is None or featured.fee_cents <= 0:
        return empty, monthly_from
    try:
        summary = build_quote(pricing.base(featured, agreement_day, discounts_for(featured)))
    except MoneyInputError:
        return empty, monthly_from
    choice_dicts = [_choice_context(c) for c in featured_choices]
    if plan is not None and plan.option_id == featured.id:
        mine = _plan_choice(pricing, plan)
        if mine is not None:
            _put_plan_in(choice_dicts, mine)
    return {
        "option_title": featured.title,
        "fee": summary.total_fee,
        "discount": sum((d.amount for d in summary.discounts), ZERO),
        "insurance_estimate": summary.insurance_estimate,
        "patient_portion": summary.patient_portion,
        "choices": choice_dicts,
        "selected": next((c for c in choice_dicts if c["selected"]), None),
    }, monthly_from


MAX_CHOICES = 4  # cards that still read side by side from across the room


def _put_plan_in(choices: list[dict[str, Any]], mine: dict[str, Any]) -> None:
    """The family's plan takes the place of the choice it was made from.

    The same key replaces that card. The TC's own plan (another key) replaces
    the instalment choice nearest to it (months, then down payment) once the
    row is full, so the family compares at most four ways to pay.
    """
    for i, choice in enumerate(choices):
        if choice["key"] == mine["key"]:
            choices[i] = dict(mine, label=choice["label"])
            return
    if len(choices) < MAX_CHOICES:
        choices.append(mine)
        return
    monthly = [i for i, c in enumerate(choices) if c["months"]]
    if not monthly:
        choices[-1] = mine
        return
    nearest = min(
        monthly,
        key=lambda i: (
            abs(choices[i]["months"] - mine["months"]),
            abs(choices[i]["down"] - mine["down"]),
        ),
    )
    choices[nearest] = mine


def _choice_context(choice: PaymentChoice) -> dict[str, Any]:
    discount = choice.quote.pay_in_full_discount
    return {
        "key": choice.key,
        "label": choice.label,
        "down": choice.down_payment,
        "monthly": choice.monthly_payment,
        "months": choice.months,
        "total": choice.total_paid,
        "savings": discount.amount if discount is not None else ZERO,
        "finance_charge": choice.quote.finance_charge,
        "apr": choice.quote.truth_in_lending.apr,
        "selected": False,
    }


def _plan_choice(pricing: ConsultPricing, plan: PaymentPlan) -> dict[str, Any] | None:
    """The family's own plan with its exact figures (it may differ from the policy's)."""
    try:
        quote = pricing.price(plan).quote
    except (MoneyInputError, UserError):
        return None
    discount = quote.pay_in_full_discount
    return {
        "key": plan.choice_key,
        "label": plan.choice_key.replace("_", " ").capitalize(),
        "down": quote.down_payment,
        "monthly": quote.monthly_payment,
        "months": quote.months,
        "total": quote.total_paid,
        "savings": discount.amount if discount is not None else ZERO,
        "finance_charge": quote.finance_charge,
        "apr": quote.truth_in_lending.apr,
        "selected": True,
    }


# -- choosing and checking flows ---------------------------------------------------------


def applicable_flow(
    flows: Mapping[str, Flow], context: Mapping[str, Any], flow_id: str = ""
) -> Flow | None:
    """The flow for this consult: the one saved on it, else by audience, else any.

    Audience: a walk-in gets ``walk_in``; under 11 ``child`` (Phase I);
    18 and over ``adult``; everyone else ``teen``. Then ``any``.
    """
    if flow_id and flow_id in flows:
        return flows[flow_id]
    if not flows:
        return None
    facts = facts_from_context(context)
    if facts["walk_in"]:
        wanted = "walk_in"
    elif facts["is_child"]:
        wanted = "child"
    elif facts["is_adult"]:
        wanted = "adult"
    else:
        wanted = "teen"
    for audience in (wanted, "any"):
        matches = sorted((f for f in flows.values() if f.audience == audience), key=lambda f: f.id)
        if matches:
            return matches[0]
    return flows[sorted(flows)[0]]


def start_session(
    flow: Flow, context: Mapping[str, Any], saved: SavedSession | None = None
) -> ConsultSession:
    """A new session for this patient, or the saved one resumed (same flow only)."""
    facts = facts_from_context(context)
    if saved is not None and saved.flow_id == flow.id:
        return ConsultSession.from_saved(flow, facts, saved)
    return ConsultSession.begin(flow, facts)


def check_flow_rendering(flow: Flow, renderer: Renderer) -> list[FlowError]:
    """Render every step against the sample contexts; each failure as a ``FlowError``.

    Catches what static checks cannot: ``{{ featured.title }}`` with no
    option, ``{{ patient.frist_name }}``, a filter given the wrong value.
    """
    errors: list[FlowError] = []
    seen: set[tuple[str, str]] = set()
    text = flow.path.read_text(encoding="utf-8") if flow.path and flow.path.is_file() else ""
    finder = LineFinder(text)
    for name, context in sample_contexts(renderer.content).items():
        facts = facts_from_context(context)
        for step in flow.steps:
            if not step.applies(facts):
                continue
            try:
                renderer.render_slide(step, context)
            except RenderError as error:
                if (step.id, error.key) in seen:
                    continue
                seen.add((step.id, error.key))
                index = flow.steps.index(step)
                errors.append(
                    FlowError(
                        flow.path or flow.id,
                        f"fails to render for the sample {name} patient: {error.message}",
                        line=finder.find(index, error.key) or step.line,
                        step=step.id,
                        key=error.key,
                    )
                )
    return errors
