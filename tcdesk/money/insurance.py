"""Orthodontic insurance: how much a plan is expected to pay, and when.

A plan pays its coverage percent of the fee (after family and courtesy
discounts: insurers pay on the fee actually charged), capped by the lifetime
orthodontic maximum minus what was already used. Eligibility is judged once,
on the planned treatment start: "age limit 19" means covered through age 19,
so nothing is estimated if the patient has turned 20 by the start date. A
secondary plan pays its own percent, capped by its own remaining maximum and
by what the primary left of the fee. Insurers pay an initial amount at the
start, then equal monthly or quarterly amounts over the treatment months.

Always an estimate: show ``INSURANCE_DISCLAIMER`` wherever a figure is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import Enum

from tcdesk.money.amounts import HUNDRED, ZERO, as_decimal, as_money, percent_of, to_cents
from tcdesk.money.dates import add_months
from tcdesk.money.errors import MoneyField, MoneyInputError
from tcdesk.money.schedule import RemainderPlacement, split_evenly
from tcdesk.money.wording import dollars_text, percent_text

INSURANCE_DISCLAIMER = (
    "Insurance is an estimate, not a guarantee of payment; "
    "any amount insurance does not pay is the responsible party's."
)
DEFAULT_INITIAL_PAYMENT_PERCENT = Decimal(25)
MAX_AGE_LIMIT = 99


class InsuranceRole(Enum):
    PRIMARY = "primary"
    SECONDARY = "secondary"


class InsurerFrequency(Enum):
    """How often an insurer pays after the initial payment; the value is months apart."""

    MONTHLY = 1
    QUARTERLY = 3


class InsuranceLimit(Enum):
    """What decided the estimate, so a UI can say *why* it is that number."""

    COVERAGE = "coverage"  # the plan's percent of the fee
    LIFETIME_MAXIMUM = "lifetime_maximum"  # the remaining lifetime maximum
    REMAINING_FEE = "remaining_fee"  # what the other plan left of the fee
    AGE_LIMIT = "age_limit"  # patient past the age limit on the start date


_FIELDS = {
    InsuranceRole.PRIMARY: (
        MoneyField.COVERAGE,
        MoneyField.INSURANCE_MAX,
        MoneyField.INSURANCE_USED,
        MoneyField.INSURANCE_INITIAL,
    ),
    InsuranceRole.SECONDARY: (
        MoneyField.SECONDARY_COVERAGE,
        MoneyField.SECONDARY_INSURANCE_MAX,
        MoneyField.SECONDARY_INSURANCE_USED,
        MoneyField.SECONDARY_INSURANCE_INITIAL,
    ),
}


@dataclass(frozen=True)
class InsurancePlan:
    """A patient's orthodontic benefit as the coordinator enters it.

    ``lifetime_max`` None means no cap; ``age_limit`` None means no age limit.
    Figures are checked by :meth:`checked` (``QuoteRequest`` does it), not on
    construction, because only the request knows if this is the secondary plan.
    """

    coverage_percent: Decimal
    lifetime_max: Decimal | None = None
    used: Decimal = ZERO
    age_limit: int | None = None
    initial_payment_percent: Decimal = DEFAULT_INITIAL_PAYMENT_PERCENT
    frequency: InsurerFrequency = InsurerFrequency.MONTHLY
    name: str = ""

    def checked(self, role: InsuranceRole = InsuranceRole.PRIMARY) -> InsurancePlan:
        """This plan with every figure checked and made ``Decimal``.

        Errors name the field of ``role`` (``coverage`` or ``secondary_coverage``,
        ...) so the message lands next to the right box; ``QuoteRequest`` calls
        this for each plan it holds.
        """
        coverage_field, max_field, used_field, initial_field = _FIELDS[role]
        prefix = "Secondary insurance" if role is InsuranceRole.SECONDARY else "Insurance"
        coverage = as_decimal(self.coverage_percent, coverage_field)
        if coverage < 0:
            raise MoneyInputError(coverage_field, f"{prefix} coverage can't be negative.")
        if coverage > HUNDRED:
            raise MoneyInputError(
                coverage_field,
                f"{prefix} coverage can't be more than 100% (it is {percent_text(coverage)}).",
            )
        used = as_money(self.used, used_field)
        if used < 0:
            raise MoneyInputError(used_field, f"{prefix} already used can't be negative.")
        maximum = None
        if self.lifetime_max is not None:
            maximum = as_money(self.lifetime_max, max_field)
            if maximum < 0:
                raise MoneyInputError(max_field, f"{prefix} lifetime maximum can't be negative.")
            if used > maximum:
                raise MoneyInputError(
                    used_field,
                    f"{prefix} already used ({dollars_text(used)}) is more than its lifetime "
                    f"maximum ({dollars_text(maximum)}).",
                )
        initial = as_decimal(self.initial_payment_percent, initial_field)
        if not ZERO <= initial <= HUNDRED:
            raise MoneyInputError(
                initial_field,
                f"{prefix} initial payment must be between 0% and 100% of the estimate, "
                f"not {percent_text(initial)}.",
            )
        if self.age_limit is not None and not 0 <= self.age_limit <= MAX_AGE_LIMIT:
            raise MoneyInputError(
                MoneyField.AGE_LIMIT,
                f"{prefix} age limit must be between 0 and {MAX_AGE_LIMIT}, not {self.age_limit}.",
            )
        return replace(
            self,
            coverage_percent=coverage,
            used=used,
            lifetime_max=maximum,
            initial_payment_percent=initial,
        )

    @property
    def remaining_max(self) -> Decimal | None:
        """What is left of the lifetime maximum (None: no cap)."""
        return None if self.lifetime_max is None else self.lifetime_max - self.used


@dataclass(frozen=True)
class InsurerPayment:
    """One expected insurer payment; ``initial`` marks the payment at the start."""

    due: date
    amount: Decimal
    initial: bool = False


@dataclass(frozen=True)
class InsuranceEstimate:
    """What one plan is expected to pay, why that much, and when (never guaranteed)."""

    role: InsuranceRole
    plan: InsurancePlan
    amount: Decimal
    limited_by: InsuranceLimit
    payments: tuple[InsurerPayment, ...]
    disclaimer: str = INSURANCE_DISCLAIMER


def age_on(birth_date: date, on: date) -> int:
    """Completed years of age on ``on`` (a Feb 29 birthday turns over on Mar 1)."""
    before_birthday = (on.month, on.day) < (birth_date.month, birth_date.day)
    return on.year - birth_date.year - int(before_birthday)


def covered_on(birth_date: date, age_limit: int | None, on: date) -> bool:
    """Covered through age ``age_limit``: still covered at that age, not one year older."""
    return age_limit is None or age_on(birth_date, on) <= age_limit


def insurer_payments(
    amount: Decimal,
    start: date,
    treatment_months: int,
    frequency: InsurerFrequency = InsurerFrequency.MONTHLY,
    initial_payment_percent: Decimal = DEFAULT_INITIAL_PAYMENT_PERCENT,
) -> tuple[InsurerPayment, ...]:
    """Initial payment at ``start``, then equal installments summing exactly to ``amount``.

    Monthly: one at each month 1..treatment_months after the start. Quarterly:
    one every third month, treatment_months // 3 of them (at least one).
    Leftover cents go on the first installment.
    """
    if amount <= 0:
        return ()
    initial = min(percent_of(amount, initial_payment_percent), amount)
    payments = [InsurerPayment(due=start, amount=initial, initial=True)] if initial > 0 else []
    rest = amount - initial
    if rest > 0:
        step = frequency.value
        count = min(max(1, treatment_months // step), to_cents(rest))
        parts = split_evenly(rest, count, RemainderPlacement.FIRST)
        payments.extend(
            InsurerPayment(due=add_months(start, step * (k + 1)), amount=part)
            for k, part in enumerate(parts)
        )
    return tuple(payments)


def estimate_plan(
    plan: InsurancePlan,
    role: InsuranceRole,
    fee: Decimal,
    *,
    already_covered: Decimal = ZERO,
    birth_date: date | None,
    start: date,
    treatment_months: int,
) -> InsuranceEstimate:
    """One plan's estimate on ``fee``, after ``already_covered`` by the other plan."""
    if plan.age_limit is not None and birth_date is None:
        raise MoneyInputError(
            MoneyField.BIRTH_DATE,
            "Enter the patient's date of birth to check the insurance age limit.",
        )
    if birth_date is not None and not covered_on(birth_date, plan.age_limit, start):
        return InsuranceEstimate(role, plan, ZERO, InsuranceLimit.AGE_LIMIT, ())
    candidates = [(percent_of(fee, plan.coverage_percent), InsuranceLimit.COVERAGE)]
    if plan.remaining_max is not None:
        candidates.append((plan.remaining_max, InsuranceLimit.LIFETIME_MAXIMUM))
    if already_covered > 0:
        candidates.append((fee - already_covered, InsuranceLimit.REMAINING_FEE))
    amount, limited_by = min(candidates, key=lambda candidate: candidate[0])
    amount = max(amount, ZERO)
    payments = insurer_payments(
        amount, start, treatment_months, plan.frequency, plan.initial_payment_percent
    )
    return InsuranceEstimate(role, plan, amount, limited_by, payments)


def estimate_insurance(
    fee: Decimal,
    primary: InsurancePlan | None,
    secondary: InsurancePlan | None = None,
    *,
    birth_date: date | None = None,
    start: date,
    treatment_months: int,
) -> tuple[InsuranceEstimate, ...]:
    """Estimates for the primary and the optional secondary plan, never more than ``fee``."""
    estimates: list[InsuranceEstimate] = []
    covered = ZERO
    for plan, role in ((primary, InsuranceRole.PRIMARY), (secondary, InsuranceRole.SECONDARY)):
        if plan is None:
            continue
        estimate = estimate_plan(
            plan.checked(role),
            role,
            fee,
            already_covered=covered,
            birth_date=birth_date,
            start=start,
            treatment_months=treatment_months,
        )
        covered += estimate.amount
        estimates.append(estimate)
    return tuple(estimates)
