"""Saving the family's choice of treatment and way to pay, without Qt.

The presentation console (through ``ConsultRoom``) and ``tcdesk plan choose``
both save here, so a plan chosen at the desk or on the command line passes
the same checks (agreement date, the APR cap, the policy limits that need a
reason) and is stored the same way: a new plan row with the policy it was
quoted under, the consult's chosen option, and an audit entry.

The plans the console's buttons describe are built here too
(``plan_for_choice``, ``custom_plan``), so the command line offers exactly
the console's figures.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_CEILING, Decimal

from tcdesk.domain import (
    ConsultFile,
    Discount,
    PaymentPlan,
    RemainderPlacement,
    TreatmentOption,
)
from tcdesk.domain.agreement import AgreementStatus
from tcdesk.errors import UserError
from tcdesk.money import PaymentChoice
from tcdesk.services.clock import utc_iso
from tcdesk.services.consult_quote import ConsultPricing, PricedPlan, check_plan_date, plan_terms
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id
from tcdesk.services.validation import FieldError

DEFAULT_DUE_DAY = 1  # the console's "Payments due" starts at "1st of the month"
CUSTOM = "custom"  # the choice key of a plan whose figures the TC typed


@dataclass(frozen=True)
class ChosenPlan:
    """What was saved: the priced plan (with its stored row) and the consult as it is now."""

    priced: PricedPlan
    consult_file: ConsultFile


def first_due_on(day_of_month: int, agreement: date) -> date | None:
    """The first payment on the chosen day, about a month after the agreement.

    0 means "the same day as the agreement, a month on" (None: the money
    layer's default).
    """
    if day_of_month == 0:
        return None
    probe = agreement + timedelta(days=21)
    while probe.day != day_of_month:
        probe += timedelta(days=1)
    return probe


def find_option(consult_file: ConsultFile, key: str) -> TreatmentOption:
    """One of the consult's options by its id, its fee line's treatment type or its title."""
    text = key.strip()
    options = consult_file.options
    for matches in (
        [o for o in options if o.id == text],
        [o for o in options if o.treatment_type.value == text.lower()],
        [o for o in options if o.fee_schedule_id == text],
        [o for o in options if o.title.lower() == text.lower()],
    ):
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            ids = ", ".join(f"{o.title} ({o.id})" for o in matches)
            raise FieldError(
                "option", f'"{key}" matches several options of this consult: {ids}; give the id.'
            )
    known = ", ".join(f"{o.id} ({o.treatment_type.value})" for o in options) or "none yet"
    raise FieldError("option", f'This consult has no option "{key}"; its options are: {known}.')


def featured_option(consult_file: ConsultFile) -> TreatmentOption | None:
    """The option the console opens on: the chosen one, else the recommended, else the first."""
    options = sorted(consult_file.options, key=lambda o: o.position)
    plan = consult_file.plan
    wanted = plan.option_id if plan else consult_file.consult.chosen_option_id
    for option in options:
        if option.id == wanted:
            return option
    return next((o for o in options if o.recommended), options[0] if options else None)


def _dollars_up_cents(amount: Decimal) -> int:
    """The console's down payment: whole dollars, rounded up (as its spin box holds it)."""
    return int(amount.to_integral_value(rounding=ROUND_CEILING)) * 100


def plan_for_choice(
    pricing: ConsultPricing,
    option: TreatmentOption,
    choice: PaymentChoice,
    agreement_date: date,
    *,
    first_due: date | None = None,
    apr: Decimal | None = None,
    discounts: tuple[Discount, ...] = (),
) -> PaymentPlan:
    """The plan the console describes when one of its choice buttons is pressed."""
    limits = pricing.limits
    if choice.months == 0:
        return PaymentPlan(
            id="",
            consult_id=pricing.consult_file.consult.id,
            option_id=option.id,
            choice_key=choice.key,
            down_cents=int(Decimal(choice.total_paid) * 100),
            months=0,
            apr_pct=Decimal(0),
            agreement_date=agreement_date,
            first_due=None,
            remainder=RemainderPlacement(limits.remainder.value),
            discounts=discounts,
        )
    return custom_plan(
        pricing,
        option,
        _dollars_up_cents(choice.down_payment),
        choice.months,
        agreement_date,
        first_due=first_due,
        apr=apr,
        discounts=discounts,
        choice_key=choice.key,
    )


def custom_plan(
    pricing: ConsultPricing,
    option: TreatmentOption,
    down_cents: int,
    months: int,
    agreement_date: date,
    *,
    first_due: date | None = None,
    apr: Decimal | None = None,
    discounts: tuple[Discount, ...] = (),
    choice_key: str = CUSTOM,
) -> PaymentPlan:
    """A plan with the TC's own down payment and months (the policy's APR unless given)."""
    limits = pricing.limits
    return PaymentPlan(
        id="",
        consult_id=pricing.consult_file.consult.id,
        option_id=option.id,
        choice_key=choice_key,
        down_cents=down_cents,
        months=months,
        apr_pct=limits.apr_for(months) if apr is None else apr,
        agreement_date=agreement_date,
        first_due=first_due or first_due_on(DEFAULT_DUE_DAY, agreement_date),
        remainder=RemainderPlacement(limits.remainder.value),
        discounts=discounts,
    )


def check_plan(pricing: ConsultPricing, desk: Desk, plan: PaymentPlan) -> PricedPlan:
    """Price ``plan`` and refuse what the console refuses; the priced plan when it may be kept."""
    check_plan_date(desk, plan)
    priced = pricing.price(plan)
    if priced.forbidden:
        raise UserError(" ".join(v.message for v in priced.forbidden))
    if priced.violations and not plan.over_limit_reason.strip():
        raise UserError(
            "This plan is outside the practice's policy; give a reason to use it: "
            + " ".join(v.message for v in priced.violations)
        )
    return priced


def choose_plan(
    desk: Desk, pricing: ConsultPricing, consult_file: ConsultFile, plan: PaymentPlan
) -> ChosenPlan:
    """Save the family's choice on the consult (a new plan row; history kept); all or nothing."""
    priced = check_plan(pricing, desk, plan)
    coordinator = consult_file.consult.coordinator_id
    now = utc_iso(desk.clock())
    stored = replace(
        plan,
        id=new_id(),
        created_at=now,
        created_by=coordinator,
        policy=plan.policy or pricing.policy,  # the rules it was quoted under
    )
    consult = replace(consult_file.consult, chosen_option_id=plan.option_id)
    option = pricing.option(plan.option_id)
    with desk.transaction():
        desk.consults.add_plan(stored)
        desk.consults.save(consult)
        detail = f"{option.title}: {plan_terms(replace(priced, plan=stored)).text}"
        _audit(desk, consult.id, coordinator, "plan_chosen", detail)
        if priced.violations:
            _audit(desk, consult.id, coordinator, "plan_over_limit", plan.over_limit_reason)
    return ChosenPlan(
        priced=replace(priced, plan=stored),
        consult_file=replace(consult_file, consult=consult, plan=stored),
    )


def choose_option(
    desk: Desk, pricing: ConsultPricing, consult_file: ConsultFile, option_id: str
) -> ConsultFile:
    """Record a choice that has nothing to pay (e.g. watch and wait): no plan."""
    option = pricing.option(option_id)
    if option.fee_cents:
        raise UserError(f"{option.title} has a fee: choose how the family will pay.")
    consult = replace(consult_file.consult, chosen_option_id=option_id)
    with desk.transaction():
        desk.consults.save(consult)
        _audit(desk, consult.id, consult.coordinator_id, "option_chosen", option.title)
    return replace(consult_file, consult=consult)


def agreement_after_plan(desk: Desk, consult_id: str) -> str:
    """What the consult's agreement needs now that the plan may have changed, in one sentence."""
    from tcdesk.services import agreements  # the agreements package imports much; only here

    found = agreements.latest(desk, consult_id)
    plan = desk.consults.latest_plan(consult_id)
    if found is None:
        return "No agreement yet: make it with 'tcdesk agreement'."
    version = found.agreement.version
    if found.status is AgreementStatus.VOID:
        return f"Version {version} of the agreement is void; the next agreement is a new version."
    if found.status is AgreementStatus.GENERATED:
        if agreements.is_current(desk, found):
            return f"Version {version} of the agreement still says this plan."
        return (
            f"Version {version} of the agreement no longer says this plan; "
            "the next agreement is a new version."
        )
    if plan is not None and found.agreement.plan_id != plan.id:
        return (
            f"Version {version} of the agreement is {found.status.label.lower()} and stays "
            "exactly as signed; this plan needs a new version with new signatures."
        )
    return f"Version {version} of the agreement is {found.status.label.lower()}."


def _audit(desk: Desk, consult_id: str, actor_id: str | None, action: str, detail: str) -> None:
    desk.audit.record(
        id=new_id(),
        at=utc_iso(desk.clock()),
        action=action,
        subject_id=consult_id,
        actor_id=actor_id,
        detail=detail,
    )
