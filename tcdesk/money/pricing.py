"""From the fee to the patient portion: discounts, then insurance.

Order matters and is fixed: family and courtesy discounts come off the total
fee; insurance is estimated on what is left (the fee actually charged); the
patient portion is the rest, never below zero. The pay-in-full discount is a
percent of that patient portion, because it rewards the family for paying
*their* share up front; the insurer's money arrives over time regardless.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from tcdesk.money.adjustments import Discount, DiscountKind, apply_adjustments
from tcdesk.money.amounts import ZERO, percent_of
from tcdesk.money.errors import MoneyField, MoneyInputError
from tcdesk.money.insurance import InsuranceEstimate, estimate_insurance
from tcdesk.money.request import QuoteRequest
from tcdesk.money.wording import percent_text


@dataclass(frozen=True)
class Pricing:
    """The fee broken down before any plan is chosen."""

    total_fee: Decimal
    discounts: tuple[Discount, ...]
    fee_after_discounts: Decimal
    insurance: tuple[InsuranceEstimate, ...]
    insurance_estimate: Decimal
    patient_portion: Decimal
    pay_in_full_discount: Discount | None

    @property
    def total_discounts(self) -> Decimal:
        return sum((item.amount for item in self.discounts), ZERO)

    @property
    def pay_in_full_price(self) -> Decimal:
        """What the family pays at the agreement if they pay in full."""
        taken = self.pay_in_full_discount.amount if self.pay_in_full_discount else ZERO
        return self.patient_portion - taken


def pay_in_full_discount(patient_portion: Decimal, percent: Decimal) -> Discount | None:
    """The pay-in-full discount on ``patient_portion`` (None when the practice offers none)."""
    if percent == 0:
        return None
    return Discount(
        name=f"Pay-in-full discount ({percent_text(percent)})",
        amount=percent_of(patient_portion, percent),
        kind=DiscountKind.PAY_IN_FULL,
    )


def price(request: QuoteRequest) -> Pricing:
    """Fee, discounts, insurance estimate and patient portion for ``request``."""
    discounts = apply_adjustments(request.total_fee, request.adjustments)
    fee_after_discounts = request.total_fee - sum((item.amount for item in discounts), ZERO)
    insurance: tuple[InsuranceEstimate, ...] = ()
    if request.primary_insurance is not None:
        treatment_months = request.effective_treatment_months
        if treatment_months is None:
            raise MoneyInputError(
                MoneyField.TREATMENT_MONTHS,
                "Enter the estimated treatment months to schedule the insurance payments.",
            )
        insurance = estimate_insurance(
            fee_after_discounts,
            request.primary_insurance,
            request.secondary_insurance,
            birth_date=request.patient_birth_date,
            start=request.effective_treatment_start,
            treatment_months=treatment_months,
        )
    insurance_total = sum((item.amount for item in insurance), ZERO)
    portion = max(fee_after_discounts - insurance_total, ZERO)
    return Pricing(
        total_fee=request.total_fee,
        discounts=discounts,
        fee_after_discounts=fee_after_discounts,
        insurance=insurance,
        insurance_estimate=insurance_total,
        patient_portion=portion,
        pay_in_full_discount=pay_in_full_discount(portion, request.pif_discount_percent),
    )
