"""A practice's financial policy, as limits a quote can be checked against.

The lead maps the database's financial policy to ``PolicyLimits``; this
module only knows the rules. ``check_policy`` never raises for a plan that
breaks a limit: it returns one sentence per broken limit, because a manager
may still approve an exception and the UI shows why one is needed.

Minimum down payment: the larger of ``min_down_percent`` of the patient
portion and ``min_down_amount``; when the practice offers a low down payment
option (``low_down_amount``), a down payment as low as that is allowed too.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from enum import Enum

from tcdesk.money.adjustments import Adjustment, DiscountKind, apply_adjustments
from tcdesk.money.amounts import HUNDRED, ZERO, as_decimal, as_money, percent_of
from tcdesk.money.errors import MoneyInputError
from tcdesk.money.pricing import price
from tcdesk.money.quote import Quote
from tcdesk.money.request import MAX_MONTHS, PlanKind, QuoteRequest
from tcdesk.money.schedule import RemainderPlacement
from tcdesk.money.truth_in_lending import FORGONE_DISCOUNT_WARNING
from tcdesk.money.wording import dollars_text, percent_text


class PolicyLimit(Enum):
    """Which rule of the policy a plan breaks."""

    MIN_DOWN_PAYMENT = "min_down_payment"
    MAX_MONTHS = "max_months"
    APR = "apr"
    PIF_DISCOUNT = "pif_discount"
    FAMILY_DISCOUNT = "family_discount"
    APR_CAP = "apr_cap"  # never overridable: no reason makes such a plan fair


# The highest APR any plan may carry (the 36% that many state small-loan laws and
# the Military Lending Act use); a forgone pay-in-full discount on a tiny balance
# would otherwise disclose thousands of percent.
MAX_APR_PERCENT = Decimal(36)


@dataclass(frozen=True)
class PolicyViolation:
    """One broken limit: which, the quote field it concerns, and a sentence for people."""

    limit: PolicyLimit
    field: str
    message: str


@dataclass(frozen=True)
class PolicyLimits:
    """The money rules a practice sets; percents are percent (``Decimal(20)`` = 20%)."""

    min_down_percent: Decimal = ZERO
    min_down_amount: Decimal = ZERO
    max_months: int = 24
    pif_discount_percent: Decimal = ZERO
    family_discount_percent: Decimal = ZERO
    family_discount_amount: Decimal = ZERO
    apr_percent: Decimal = ZERO
    remainder: RemainderPlacement = RemainderPlacement.FIRST
    pif_discount_is_finance_charge: bool = True
    low_down_amount: Decimal | None = None
    # Longer plans some practices allow at their own (higher) APR.
    extended_max_months: int | None = None
    extended_apr_percent: Decimal = ZERO
    max_apr_percent: Decimal = MAX_APR_PERCENT

    def __post_init__(self) -> None:
        for name in ("min_down_percent", "pif_discount_percent", "family_discount_percent"):
            value = as_decimal(getattr(self, name), name)
            if not ZERO <= value <= HUNDRED:
                raise MoneyInputError(name, f"{_label(name)} must be between 0% and 100%.")
            object.__setattr__(self, name, value)
        apr = as_decimal(self.apr_percent, "apr_percent")
        if not ZERO <= apr <= HUNDRED:
            raise MoneyInputError("apr_percent", "The practice APR must be between 0% and 100%.")
        object.__setattr__(self, "apr_percent", apr)
        for name in ("min_down_amount", "family_discount_amount", "low_down_amount"):
            if getattr(self, name) is None:
                continue
            amount = as_money(getattr(self, name), name)
            if amount < 0:
                raise MoneyInputError(name, f"{_label(name)} can't be negative.")
            object.__setattr__(self, name, amount)
        if not 1 <= self.max_months <= MAX_MONTHS:
            raise MoneyInputError(
                "max_months", f"The longest plan must be between 1 and {MAX_MONTHS} months."
            )
        if self.extended_max_months is not None and not (
            self.max_months <= self.extended_max_months <= MAX_MONTHS
        ):
            raise MoneyInputError(
                "extended_max_months",
                f"The extended plan must be between {self.max_months} and {MAX_MONTHS} months.",
            )
        extended_apr = as_decimal(self.extended_apr_percent, "extended_apr_percent")
        if not ZERO <= extended_apr <= HUNDRED:
            raise MoneyInputError(
                "extended_apr_percent", "The extended plan's APR must be between 0% and 100%."
            )
        object.__setattr__(self, "extended_apr_percent", extended_apr)

    @property
    def warning(self) -> str | None:
        """Shown next to the setting when the forgone discount is not a finance charge."""
        if self.pif_discount_is_finance_charge or self.pif_discount_percent == 0:
            return None
        return FORGONE_DISCOUNT_WARNING

    def family_adjustment(self, name: str = "Family discount") -> Adjustment | None:
        """The family/sibling discount as an adjustment, or None if the practice has none."""
        if self.family_discount_percent > 0:
            return Adjustment.percent_off(name, self.family_discount_percent, DiscountKind.FAMILY)
        if self.family_discount_amount > 0:
            return Adjustment.amount_off(name, self.family_discount_amount, DiscountKind.FAMILY)
        return None

    @property
    def longest_months(self) -> int:
        """The most monthly payments any plan may have (extended plans included)."""
        return max(self.max_months, self.extended_max_months or 0)

    def apr_for(self, months: int) -> Decimal:
        """The practice's APR for a plan of ``months`` (extended plans have their own)."""
        if self.extended_max_months and months > self.max_months:
            return max(self.apr_percent, self.extended_apr_percent)
        return self.apr_percent

    def apply_to(self, request: QuoteRequest) -> QuoteRequest:
        """``request`` with this policy's APR, remainder and pay-in-full settings."""
        return replace(
            request,
            apr_percent=self.apr_percent,
            remainder=self.remainder,
            pif_discount_percent=self.pif_discount_percent,
            pif_discount_is_finance_charge=self.pif_discount_is_finance_charge,
        )

    def standard_down_payment(self, patient_portion: Decimal) -> Decimal:
        """The standard plan's minimum: percent of the portion or the amount, the larger."""
        by_percent = percent_of(patient_portion, self.min_down_percent)
        return min(max(by_percent, self.min_down_amount), patient_portion)

    def minimum_down_payment(self, patient_portion: Decimal) -> tuple[Decimal, str]:
        """The lowest down payment any plan may have, and the words explaining it."""
        standard = self.standard_down_payment(patient_portion)
        if standard == patient_portion and standard > 0:
            reason = "the whole patient portion"
        elif percent_of(patient_portion, self.min_down_percent) >= self.min_down_amount:
            reason = f"{percent_text(self.min_down_percent)} of the patient portion"
        else:
            reason = "the practice's minimum amount"
        if self.low_down_amount is not None and self.low_down_amount < standard:
            return self.low_down_amount, "the low down payment option"
        return standard, reason

    def family_allowance(self, total_fee: Decimal) -> Decimal:
        return max(percent_of(total_fee, self.family_discount_percent), self.family_discount_amount)


def check_policy(request: QuoteRequest, limits: PolicyLimits) -> tuple[PolicyViolation, ...]:
    """Every limit of ``limits`` that ``request`` breaks, as sentences (empty: all fine)."""
    violations: list[PolicyViolation] = []
    violations.extend(_discount_violations(request, limits))
    if request.plan is PlanKind.INSTALLMENTS:
        portion = price(request).patient_portion
        minimum, reason = limits.minimum_down_payment(portion)
        if request.down_payment < minimum:
            violations.append(
                PolicyViolation(
                    PolicyLimit.MIN_DOWN_PAYMENT,
                    "down_payment",
                    f"Down payment {dollars_text(request.down_payment)} is below the practice "
                    f"minimum of {dollars_text(minimum)} ({reason}).",
                )
            )
        longest = limits.longest_months
        if request.months > longest:
            violations.append(
                PolicyViolation(
                    PolicyLimit.MAX_MONTHS,
                    "months",
                    f"{request.months} monthly payments is more than the practice maximum "
                    f"of {longest}.",
                )
            )
        rate = limits.apr_for(request.months)
        if request.apr_percent < rate:
            which = (
                f" for plans longer than {limits.max_months} months"
                if rate != limits.apr_percent
                else ""
            )
            violations.append(
                PolicyViolation(
                    PolicyLimit.APR,
                    "apr",
                    f"An APR of {percent_text(request.apr_percent)} is below the practice "
                    f"rate of {percent_text(rate)}{which}.",
                )
            )
    return tuple(violations)


def check_quote(quote: Quote, limits: PolicyLimits) -> tuple[PolicyViolation, ...]:
    """``check_policy`` plus what only the computed quote shows: the APR cap."""
    violations = list(check_policy(quote.request, limits))
    apr = quote.truth_in_lending.apr
    if quote.truth_in_lending.required and apr > limits.max_apr_percent:
        field = (
            "down_payment" if quote.forgone_discount > quote.truth_in_lending.interest else "months"
        )
        violations.append(
            PolicyViolation(
                PolicyLimit.APR_CAP,
                field,
                f"This plan's APR would be {percent_text(apr)}, above the "
                f"{percent_text(limits.max_apr_percent)} any plan may carry: the "
                f"{dollars_text(quote.forgone_discount)} pay-in-full discount given up is "
                f"large next to the {dollars_text(quote.truth_in_lending.amount_financed)} "
                "financed. Offer pay in full instead, or a smaller down payment.",
            )
        )
    return tuple(violations)


def _discount_violations(request: QuoteRequest, limits: PolicyLimits) -> list[PolicyViolation]:
    violations: list[PolicyViolation] = []
    if request.pif_discount_percent > limits.pif_discount_percent:
        violations.append(
            PolicyViolation(
                PolicyLimit.PIF_DISCOUNT,
                "pif_discount",
                f"A pay-in-full discount of {percent_text(request.pif_discount_percent)} "
                f"is more than the practice's {percent_text(limits.pif_discount_percent)}.",
            )
        )
    family = [item for item in request.adjustments if item.kind is DiscountKind.FAMILY]
    if family:
        given = sum((item.amount for item in apply_adjustments(request.total_fee, family)), ZERO)
        allowed = limits.family_allowance(request.total_fee)
        if given > allowed:
            violations.append(
                PolicyViolation(
                    PolicyLimit.FAMILY_DISCOUNT,
                    "discount",
                    f"A family discount of {dollars_text(given)} is more than the practice's "
                    f"{dollars_text(allowed)}.",
                )
            )
    return violations


def _label(name: str) -> str:
    return _SETTING_LABELS.get(name, name.replace("_", " ").capitalize())


_SETTING_LABELS = {
    "min_down_percent": "The minimum down payment percent",
    "min_down_amount": "The minimum down payment",
    "pif_discount_percent": "The pay-in-full discount",
    "family_discount_percent": "The family discount",
    "family_discount_amount": "The family discount",
    "low_down_amount": "The low down payment",
}
