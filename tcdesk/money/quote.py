"""A quote: the fee broken down, one way to pay it, and its Truth in Lending figures.

``build_quote(request)`` is the one entry point the UI, the CLI and the
agreement PDF share, so every screen and paper shows the same cents.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext

from tcdesk.money.adjustments import Discount
from tcdesk.money.amounts import ZERO
from tcdesk.money.errors import MoneyField, MoneyInputError
from tcdesk.money.insurance import INSURANCE_DISCLAIMER, InsuranceEstimate
from tcdesk.money.pricing import Pricing, price
from tcdesk.money.request import PlanKind, QuoteRequest
from tcdesk.money.schedule import Payment, RemainderPlacement, build_schedule
from tcdesk.money.truth_in_lending import TruthInLending, no_credit, truth_in_lending
from tcdesk.money.wording import dollars_text

_PRECISION = 28


@dataclass(frozen=True)
class Quote:
    """Everything a family is shown and an agreement prints, computed from ``request``.

    - ``patient_portion`` = total fee - ``discounts`` - ``insurance_estimate``.
    - Pay in full: ``pay_in_full_discount`` is taken and ``down_payment`` is
      the whole amount paid at the agreement; no ``payments``.
    - Installments: ``forgone_discount`` is the pay-in-full discount offered
      but not taken; ``balance`` (portion - down payment) is repaid by
      ``payments``; ``monthly_payment`` is the regular installment (the one
      every payment has except the one that carries the rounding).
    - ``total_paid`` is what the family pays in all: down payment + payments.
    """

    request: QuoteRequest
    total_fee: Decimal
    discounts: tuple[Discount, ...]
    fee_after_discounts: Decimal
    insurance: tuple[InsuranceEstimate, ...]
    insurance_estimate: Decimal
    patient_portion: Decimal
    plan: PlanKind
    pay_in_full_discount: Discount | None
    forgone_discount: Decimal
    down_payment: Decimal
    balance: Decimal
    months: int
    payments: tuple[Payment, ...]
    monthly_payment: Decimal
    total_paid: Decimal
    truth_in_lending: TruthInLending
    warnings: tuple[str, ...] = ()

    @property
    def finance_charge(self) -> Decimal:
        return self.truth_in_lending.finance_charge

    @property
    def insurance_disclaimer(self) -> str | None:
        """The "estimate, not a guarantee" wording whenever insurance is in the quote."""
        return INSURANCE_DISCLAIMER if self.insurance else None


def build_quote(request: QuoteRequest) -> Quote:
    """Price ``request`` and lay out its payments; ``MoneyInputError`` names a bad input."""
    with localcontext() as context:
        context.prec = _PRECISION
        pricing = price(request)
        if request.plan is PlanKind.PAY_IN_FULL:
            return _pay_in_full(request, pricing)
        return _installments(request, pricing)


def _pay_in_full(request: QuoteRequest, pricing: Pricing) -> Quote:
    paid = pricing.pay_in_full_price
    return Quote(
        request=request,
        total_fee=pricing.total_fee,
        discounts=pricing.discounts,
        fee_after_discounts=pricing.fee_after_discounts,
        insurance=pricing.insurance,
        insurance_estimate=pricing.insurance_estimate,
        patient_portion=pricing.patient_portion,
        plan=PlanKind.PAY_IN_FULL,
        pay_in_full_discount=pricing.pay_in_full_discount,
        forgone_discount=ZERO,
        down_payment=paid,
        balance=ZERO,
        months=0,
        payments=(),
        monthly_payment=ZERO,
        total_paid=paid,
        truth_in_lending=no_credit(paid),
    )


def _installments(request: QuoteRequest, pricing: Pricing) -> Quote:
    portion = pricing.patient_portion
    down = request.down_payment
    _check_down_payment(request, pricing)
    balance = portion - down
    payments = build_schedule(
        balance,
        request.months,
        request.effective_first_due,
        request.apr_percent,
        request.remainder,
        request.payment_day,
    )
    offered = pricing.pay_in_full_discount.amount if pricing.pay_in_full_discount else ZERO
    disclosure = truth_in_lending(
        balance=balance,
        down_payment=down,
        payments=payments,
        agreement_date=request.agreement_date,
        pif_discount=offered,
        pif_discount_is_finance_charge=request.pif_discount_is_finance_charge,
    )
    return Quote(
        request=request,
        total_fee=pricing.total_fee,
        discounts=pricing.discounts,
        fee_after_discounts=pricing.fee_after_discounts,
        insurance=pricing.insurance,
        insurance_estimate=pricing.insurance_estimate,
        patient_portion=portion,
        plan=PlanKind.INSTALLMENTS,
        pay_in_full_discount=None,
        forgone_discount=offered,
        down_payment=down,
        balance=balance,
        months=request.months,
        payments=payments,
        monthly_payment=regular_installment(request, payments),
        total_paid=down + disclosure.total_of_payments,
        truth_in_lending=disclosure,
        warnings=(disclosure.warning,) if disclosure.warning else (),
    )


def regular_installment(request: QuoteRequest, payments: tuple[Payment, ...]) -> Decimal:
    """The amount every payment has except the one carrying the rounding.

    At 0% that one is the first or the last (the remainder setting); with an
    APR it is always the last, so the level payment is the first.
    """
    if not payments:
        return ZERO
    if request.apr_percent > 0 or request.remainder is RemainderPlacement.LAST:
        return payments[0].amount
    return payments[-1].amount


def _check_down_payment(request: QuoteRequest, pricing: Pricing) -> None:
    portion = pricing.patient_portion
    down = request.down_payment
    if portion == 0:
        raise MoneyInputError(
            MoneyField.PLAN,
            "Discounts and insurance cover the whole fee; there is nothing to pay monthly.",
        )
    if down > portion:
        raise MoneyInputError(
            MoneyField.DOWN_PAYMENT,
            f"The down payment ({dollars_text(down)}) is more than the patient portion "
            f"({dollars_text(portion)}).",
        )
    if down == portion:
        raise MoneyInputError(
            MoneyField.DOWN_PAYMENT,
            f"A down payment of {dollars_text(down)} pays the whole patient portion; "
            "choose pay in full instead of monthly payments.",
        )
    if (
        request.pif_discount_is_finance_charge
        and pricing.pay_in_full_discount is not None
        and down >= pricing.pay_in_full_price
    ):
        raise MoneyInputError(
            MoneyField.DOWN_PAYMENT,
            f"A down payment of {dollars_text(down)} is at least the pay-in-full price of "
            f"{dollars_text(pricing.pay_in_full_price)}; choose pay in full instead.",
        )
