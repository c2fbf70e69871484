"""The ways to pay on the take-home summary, as the investment screen showed them.

When the family saved a plan, its exact quote (its payment day, its dates)
stands in for the matching choice, so the APR on the summary agrees with the
agreement's; a plan that matches no choice is added as "Your plan".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from tcdesk.documents.agreement_model import SummaryChoice
from tcdesk.domain import PaymentPlan, TreatmentOption
from tcdesk.money import MoneyInputError, PaymentChoice, Quote
from tcdesk.services.consult_quote import ConsultPricing
from tcdesk.services.desk import Desk
from tcdesk.services.document_sources import ConsultSources
from tcdesk.services.presentation_words import PresentationWords


@dataclass(frozen=True)
class MoneySummary:
    """The choices and the fee figures above them (all zero when nothing is priced)."""

    choices: tuple[SummaryChoice, ...] = ()
    total_fee: Decimal = Decimal("0.00")
    discounts: Decimal = Decimal("0.00")
    insurance_estimate: Decimal = Decimal("0.00")
    patient_portion: Decimal = Decimal("0.00")


def money_summary(
    desk: Desk,
    sources: ConsultSources,
    option: TreatmentOption | None,
    today: date,
    words: PresentationWords,
) -> MoneySummary:
    """The payment choices for ``option``, as the investment screen showed them."""
    if option is None or option.fee_cents <= 0 or option.estimated_months < 1:
        return MoneySummary()
    plan = sources.file.plan
    mine = plan if plan is not None and plan.option_id == option.id else None
    pricing = ConsultPricing(desk, sources.file)
    agreement_day = mine.agreement_date if mine else today
    choices = pricing.choices(
        option, agreement_day, mine.discounts if mine else (), mine.policy if mine else None
    )
    chosen_key = None
    extra: tuple[SummaryChoice, ...] = ()
    quote = _family_quote(pricing, mine)
    if mine is not None and quote is not None:
        chosen_key = _matching_key(choices, mine, quote)
        if chosen_key is not None:
            choices = _with_family_quote(choices, chosen_key, quote)
        else:
            extra = (_custom_choice(quote, words),)
    base = choices[0].quote
    return MoneySummary(
        choices=tuple(_choice(c, words, c.key == chosen_key) for c in choices) + extra,
        total_fee=base.total_fee,
        discounts=sum((d.amount for d in base.discounts), Decimal("0.00")),
        insurance_estimate=base.insurance_estimate,
        patient_portion=base.patient_portion,
    )


def _family_quote(pricing: ConsultPricing, plan: PaymentPlan | None) -> Quote | None:
    """The saved plan priced, or None when there is none or it no longer prices."""
    if plan is None:
        return None
    try:
        return pricing.price(plan).quote
    except MoneyInputError:
        return None


def _matching_key(
    choices: tuple[PaymentChoice, ...], plan: PaymentPlan, quote: Quote
) -> str | None:
    """The choice the family's plan is (same kind, down payment and months), if any."""
    for choice in choices:
        if (
            choice.key == plan.choice_key
            and choice.down_payment == quote.down_payment
            and choice.months == quote.months
        ):
            return choice.key
    return None


def _with_family_quote(
    choices: tuple[PaymentChoice, ...], key: str, quote: Quote
) -> tuple[PaymentChoice, ...]:
    """The family's own plan stands in for the matching choice."""
    return tuple(
        replace(
            c,
            quote=quote,
            monthly_payment=quote.monthly_payment,
            total_paid=quote.total_paid,
            finance_charge=quote.finance_charge,
        )
        if c.key == key
        else c
        for c in choices
    )


def _custom_choice(quote: Quote, words: PresentationWords) -> SummaryChoice:
    return SummaryChoice(
        key="custom",
        label=words.word("investment.label_custom", "Your plan"),
        down_payment=quote.down_payment,
        monthly_payment=quote.monthly_payment,
        months=quote.months,
        total_paid=quote.total_paid,
        finance_charge=quote.finance_charge,
        apr=quote.truth_in_lending.apr,
        chosen=True,
    )


def _choice(choice: PaymentChoice, words: PresentationWords, chosen: bool) -> SummaryChoice:
    discount = choice.quote.pay_in_full_discount
    return SummaryChoice(
        key=choice.key,
        label=words.word(f"investment.label_{choice.key}", choice.label),
        down_payment=choice.down_payment,
        monthly_payment=choice.monthly_payment,
        months=choice.months,
        total_paid=choice.total_paid,
        finance_charge=choice.finance_charge,
        apr=choice.quote.truth_in_lending.apr,
        savings=discount.amount if discount is not None else Decimal("0.00"),
        chosen=chosen,
    )
