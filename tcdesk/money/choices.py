"""Payment choices side by side: what a family picks from at the "investment" step.

From one base request (fee, discounts, insurance, dates) and the practice
policy, up to four choices, always in this order:

1. ``pay_in_full``: the patient portion less the pay-in-full discount.
2. ``standard``: the policy minimum down payment (rounded up to whole
   dollars), monthly over the treatment months (at most the policy maximum).
3. ``low_down``: the policy's low down payment over the standard months,
   when the practice offers one below the standard down payment.
4. ``extended``: the standard down payment over the longest plan the policy
   allows (its extended months at the extended APR when it has them), when
   that is longer than the standard plan.

A plan that can't exist for this portion (say insurance covers nearly all of
it) is left out, so a fully covered patient sees pay in full only.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, Decimal
from enum import StrEnum

from tcdesk.money.amounts import CENT, ZERO
from tcdesk.money.errors import MoneyField, MoneyInputError
from tcdesk.money.policy import PolicyLimits
from tcdesk.money.pricing import Pricing, price
from tcdesk.money.quote import Quote, build_quote
from tcdesk.money.request import MAX_MONTHS, PlanKind, QuoteRequest


class ChoiceKey(StrEnum):
    """Stable ids for choices (a UI may remember which one a family picked)."""

    PAY_IN_FULL = "pay_in_full"
    STANDARD = "standard"
    LOW_DOWN = "low_down"
    EXTENDED = "extended"


CHOICE_LABELS = {
    ChoiceKey.PAY_IN_FULL: "Pay in full",
    ChoiceKey.STANDARD: "Standard plan",
    ChoiceKey.LOW_DOWN: "Low down payment",
    ChoiceKey.EXTENDED: "Extended plan",
}


@dataclass(frozen=True)
class PaymentChoice:
    """One column of the comparison; ``quote`` has everything behind the figures."""

    key: str
    label: str
    down_payment: Decimal
    monthly_payment: Decimal
    months: int
    total_paid: Decimal
    finance_charge: Decimal
    quote: Quote


def payment_choices(
    base: QuoteRequest, limits: PolicyLimits, treatment_months: int
) -> tuple[PaymentChoice, ...]:
    """The choices for ``base`` under ``limits``; its plan fields are replaced.

    ``base`` may be a pay-in-full request (months 0) or any installment one:
    only its fee, discounts, insurance and dates are used.
    """
    if not 1 <= treatment_months <= MAX_MONTHS:
        raise MoneyInputError(
            MoneyField.TREATMENT_MONTHS,
            f"Treatment months must be between 1 and {MAX_MONTHS}, not {treatment_months}.",
        )
    common = limits.apply_to(
        replace(
            base,
            plan=PlanKind.PAY_IN_FULL,
            months=0,
            down_payment=ZERO,
            treatment_months=base.treatment_months or treatment_months,
        )
    )
    pricing = price(common)
    choices = [_choice(ChoiceKey.PAY_IN_FULL, build_quote(common))]
    standard_down = _whole_dollars(limits.standard_down_payment(pricing.patient_portion))
    standard_months = min(treatment_months, limits.max_months)
    wanted = [(ChoiceKey.STANDARD, standard_down, standard_months)]
    if limits.low_down_amount is not None and limits.low_down_amount < standard_down:
        # DOMAIN: a low down payment "with higher monthly", over the same months.
        wanted.append((ChoiceKey.LOW_DOWN, limits.low_down_amount, standard_months))
    if limits.longest_months > standard_months:
        wanted.append((ChoiceKey.EXTENDED, standard_down, limits.longest_months))
    for key, down, months in wanted:
        quote = _installment_quote(
            replace(common, apr_percent=limits.apr_for(months)), pricing, down, months
        )
        if quote is not None:
            choices.append(_choice(key, quote))
    return tuple(choices)


def _installment_quote(
    common: QuoteRequest, pricing: Pricing, down: Decimal, months: int
) -> Quote | None:
    if down >= pricing.patient_portion:
        return None
    request = replace(common, plan=PlanKind.INSTALLMENTS, down_payment=down, months=months)
    try:
        return build_quote(request)
    except MoneyInputError:
        # Too little left to finance for this many months, or down payment at
        # the pay-in-full price: this plan does not exist for this family.
        return None


def _choice(key: ChoiceKey, quote: Quote) -> PaymentChoice:
    return PaymentChoice(
        key=str(key),
        label=CHOICE_LABELS[key],
        down_payment=quote.down_payment,
        monthly_payment=quote.monthly_payment,
        months=quote.months,
        total_paid=quote.total_paid,
        finance_charge=quote.finance_charge,
        quote=quote,
    )


def _whole_dollars(amount: Decimal) -> Decimal:
    """Round a minimum up to whole dollars: still at least the minimum, easier to say."""
    return amount.to_integral_value(rounding=ROUND_CEILING).quantize(CENT)
