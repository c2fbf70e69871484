"""The ``investment`` part of the render context: the fee, what the family pays, the ways to pay.

The figures come from ``tcdesk.money`` through ``ConsultPricing`` (the same
quote code as the agreement), so the investment slide and the paper agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from tcdesk.domain import ConsultFile, Discount, Patient, PaymentPlan, TreatmentOption
from tcdesk.errors import UserError
from tcdesk.money import ChoiceKey, MoneyInputError, PaymentChoice, Quote, build_quote
from tcdesk.render import Content
from tcdesk.services.clock import today as local_today
from tcdesk.services.consult_quote import ConsultPricing
from tcdesk.services.desk import Desk
from tcdesk.services.policy import cents_to_decimal
from tcdesk.services.presentation.featured_option import chosen_option_id, featured_option

ZERO = Decimal("0.00")
MAX_CHOICES = 4  # cards that still read side by side from across the room
_MONEY_KEYS = frozenset(k.value for k in ChoiceKey)


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
    plan = plan_override or consult_file.plan
    options = sorted(consult_file.options, key=lambda o: o.position)
    chosen_id = chosen_option_id(consult_file.consult, consult_file.plan, plan_override)
    featured = featured_option(options, chosen_id)
    agreement_day = plan.agreement_date if plan else local_today(desk.clock)
    empty = _fee_only(featured)
    if pricing is None:
        try:
            pricing = ConsultPricing(desk, consult_file)
        except UserError:  # no practice (so no policy) yet: show the fee only
            return empty, {}
    monthly_from, featured_choices = _price_options(pricing, options, featured, agreement_day, plan)
    if featured is None or featured.fee_cents <= 0:
        return empty, monthly_from
    try:
        summary = build_quote(pricing.base(featured, agreement_day, _discounts(plan, featured)))
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


def _fee_only(featured: TreatmentOption | None) -> dict[str, Any]:
    """What the slide shows when nothing can be priced: the fee, if there is an option."""
    fee = cents_to_decimal(featured.fee_cents) if featured else None
    return {
        "option_title": featured.title if featured else "",
        "fee": fee,
        "discount": ZERO,
        "insurance_estimate": ZERO,
        "patient_portion": fee,
        "choices": [],
        "selected": None,
    }


def _discounts(plan: PaymentPlan | None, option: TreatmentOption) -> tuple[Discount, ...]:
    """The plan's discounts apply to the option the plan is for only."""
    return plan.discounts if plan is not None and plan.option_id == option.id else ()


def _price_options(
    pricing: ConsultPricing,
    options: Sequence[TreatmentOption],
    featured: TreatmentOption | None,
    day: date,
    plan: PaymentPlan | None,
) -> tuple[dict[str, Decimal], tuple[PaymentChoice, ...]]:
    """The lowest monthly payment per option, and the featured option's choices."""
    monthly_from: dict[str, Decimal] = {}
    featured_choices: tuple[PaymentChoice, ...] = ()
    for option in options:
        if option.fee_cents <= 0 or option.estimated_months < 1:
            continue
        try:
            choices = pricing.choices(option, day, _discounts(plan, option))
        except MoneyInputError:
            continue
        monthlies = [c.monthly_payment for c in choices if c.months > 0]
        if monthlies:
            monthly_from[option.id] = min(monthlies)
        if featured is not None and option.id == featured.id:
            featured_choices = choices
    return monthly_from, featured_choices


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
    return _quote_context(choice.key, choice.label, choice.quote, selected=False)


def _plan_choice(pricing: ConsultPricing, plan: PaymentPlan) -> dict[str, Any] | None:
    """The family's own plan with its exact figures (it may differ from the policy's)."""
    try:
        quote = pricing.price(plan).quote
    except (MoneyInputError, UserError):
        return None
    label = plan.choice_key.replace("_", " ").capitalize()
    return _quote_context(plan.choice_key, label, quote, selected=True)


def _quote_context(key: str, label: str, quote: Quote, *, selected: bool) -> dict[str, Any]:
    """One way to pay as the slide reads it (a ``PaymentChoice`` copies its quote's figures)."""
    discount = quote.pay_in_full_discount
    return {
        "key": key,
        "label": label,
        "down": quote.down_payment,
        "monthly": quote.monthly_payment,
        "months": quote.months,
        "total": quote.total_paid,
        "savings": discount.amount if discount is not None else ZERO,
        "finance_charge": quote.finance_charge,
        "apr": quote.truth_in_lending.apr,
        "selected": selected,
    }
