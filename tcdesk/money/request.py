"""What the coordinator asks for: one fee, one way to pay.

A ``QuoteRequest`` checks itself on construction (each bad input raises a
``MoneyInputError`` naming its field), so an invalid request never exists.
Checks that need the computed patient portion happen in ``build_quote``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum

from tcdesk.money.adjustments import Adjustment
from tcdesk.money.amounts import HUNDRED, ZERO, as_decimal, as_money
from tcdesk.money.bounds import check_amount, check_first_due
from tcdesk.money.dates import add_months
from tcdesk.money.errors import MoneyField, MoneyInputError
from tcdesk.money.insurance import InsurancePlan, InsuranceRole
from tcdesk.money.schedule import RemainderPlacement
from tcdesk.money.wording import negative_message, percent_text

MAX_MONTHS = 120  # sanity limit whatever the practice policy says
MAX_APR_PERCENT = Decimal(100)


class PlanKind(Enum):
    """Pay everything at the agreement (with the pay-in-full discount) or in installments."""

    PAY_IN_FULL = "pay_in_full"
    INSTALLMENTS = "installments"


@dataclass(frozen=True)
class QuoteRequest:
    """Everything a quote is computed from; amounts are ``Decimal`` dollars, rates percent.

    - ``pif_discount_percent`` is the practice's pay-in-full discount. Taken
      when ``plan`` is pay in full; with installments it is the discount given
      up, a finance charge unless ``pif_discount_is_finance_charge`` is off.
    - ``first_due`` defaults to one calendar month after ``agreement_date``;
      later payments fall on the same day of the month (clamped to month end).
    - ``treatment_start`` (for the insurance age limit and the insurer's
      payments) defaults to the agreement date; ``treatment_months`` (for the
      insurer's payments) defaults to ``months``.
    """

    total_fee: Decimal
    agreement_date: date
    plan: PlanKind = PlanKind.INSTALLMENTS
    down_payment: Decimal = ZERO
    months: int = 0
    first_due: date | None = None
    apr_percent: Decimal = ZERO
    remainder: RemainderPlacement = RemainderPlacement.FIRST
    pif_discount_percent: Decimal = ZERO
    pif_discount_is_finance_charge: bool = True
    adjustments: tuple[Adjustment, ...] = ()
    primary_insurance: InsurancePlan | None = None
    secondary_insurance: InsurancePlan | None = None
    patient_birth_date: date | None = None
    treatment_start: date | None = None
    treatment_months: int | None = None

    def __post_init__(self) -> None:
        self._check_fee()
        self._check_rates()
        self._check_plan()
        self._check_insurance()
        object.__setattr__(self, "adjustments", tuple(self.adjustments))

    # -- derived values -------------------------------------------------------

    @property
    def effective_first_due(self) -> date:
        return self.first_due or add_months(self.agreement_date, 1)

    @property
    def payment_day(self) -> int:
        """Day of the month payments fall on: the first due date's, or the agreement's.

        With the default first due date, an agreement on the 31st gives payments
        on the 31st (Feb 28/29 in February), not on the 28th forever.
        """
        return self.first_due.day if self.first_due else self.agreement_date.day

    @property
    def effective_treatment_start(self) -> date:
        return self.treatment_start or self.agreement_date

    @property
    def effective_treatment_months(self) -> int | None:
        return self.treatment_months or (self.months or None)

    # -- checks ---------------------------------------------------------------

    def _set(self, name: str, value: object) -> None:
        object.__setattr__(self, name, value)

    def _check_fee(self) -> None:
        for field, value in (
            (MoneyField.FEE, self.total_fee),
            (MoneyField.DOWN_PAYMENT, self.down_payment),
        ):
            check_amount(as_decimal(value, field), field)  # before rounding: 10^30 can't be
        fee = as_money(self.total_fee, MoneyField.FEE)
        if fee < 0:
            raise MoneyInputError(MoneyField.FEE, "The total fee cannot be negative.")
        if fee == 0:
            raise MoneyInputError(MoneyField.FEE, "The total fee must be more than $0.00.")
        self._set("total_fee", fee)
        down = as_money(self.down_payment, MoneyField.DOWN_PAYMENT)
        if down < 0:
            raise MoneyInputError(MoneyField.DOWN_PAYMENT, negative_message("The down payment"))
        self._set("down_payment", down)

    def _check_rates(self) -> None:
        apr = as_decimal(self.apr_percent, MoneyField.APR)
        if apr < 0:
            raise MoneyInputError(MoneyField.APR, negative_message("The APR"))
        if apr > MAX_APR_PERCENT:
            raise MoneyInputError(
                MoneyField.APR, f"The APR can't be more than 100% (it is {percent_text(apr)})."
            )
        self._set("apr_percent", apr)
        pif = as_decimal(self.pif_discount_percent, MoneyField.PIF_DISCOUNT)
        if pif < ZERO:
            raise MoneyInputError(
                MoneyField.PIF_DISCOUNT, negative_message("The pay-in-full discount")
            )
        if pif >= HUNDRED:
            raise MoneyInputError(
                MoneyField.PIF_DISCOUNT,
                "The pay-in-full discount must be less than 100% (100% off would make the "
                f"treatment free), not {percent_text(pif)}.",
            )
        self._set("pif_discount_percent", pif)

    def _check_plan(self) -> None:
        if self.plan is PlanKind.INSTALLMENTS:
            if self.months < 1:
                raise MoneyInputError(
                    MoneyField.MONTHS, "A payment plan needs at least 1 monthly payment."
                )
            if self.months > MAX_MONTHS:
                raise MoneyInputError(
                    MoneyField.MONTHS,
                    f"A payment plan can't be longer than {MAX_MONTHS} months "
                    f"({self.months} asked).",
                )
        elif self.months != 0:
            raise MoneyInputError(
                MoneyField.MONTHS, "Pay in full has no monthly payments; set months to 0."
            )
        self._check_calendar()
        if self.first_due is not None:
            if self.first_due < self.agreement_date:
                raise MoneyInputError(
                    MoneyField.FIRST_DUE,
                    f"The first payment can't be due ({self.first_due.isoformat()}) before "
                    f"the agreement date ({self.agreement_date.isoformat()}).",
                )
            if self.first_due == self.agreement_date:
                raise MoneyInputError(
                    MoneyField.FIRST_DUE,
                    "The first monthly payment must be due after the agreement date; "
                    "money due on the agreement date is the down payment.",
                )
            check_first_due(self.first_due, self.agreement_date)
        if self.treatment_months is not None and not 1 <= self.treatment_months <= MAX_MONTHS:
            raise MoneyInputError(
                MoneyField.TREATMENT_MONTHS,
                f"Treatment months must be between 1 and {MAX_MONTHS}, "
                f"not {self.treatment_months}.",
            )
        if self.treatment_start is not None and self.treatment_start < self.agreement_date:
            raise MoneyInputError(
                MoneyField.TREATMENT_START,
                "The treatment start can't be before the agreement date.",
            )

    def _check_calendar(self) -> None:
        """The longest plan from this date must fit the calendar (no year 10000)."""
        try:
            add_months(self.agreement_date, MAX_MONTHS + 4)
        except (ValueError, OverflowError):
            raise MoneyInputError(
                MoneyField.AGREEMENT_DATE,
                f"The agreement date {self.agreement_date.isoformat()} is too far in the "
                "future for a payment plan.",
            ) from None

    def _check_insurance(self) -> None:
        if self.primary_insurance is None and self.secondary_insurance is not None:
            raise MoneyInputError(
                MoneyField.SECONDARY_COVERAGE,
                "Enter the primary insurance before a secondary one.",
            )
        if self.primary_insurance is not None:
            self._set("primary_insurance", self.primary_insurance.checked(InsuranceRole.PRIMARY))
        if self.secondary_insurance is not None:
            self._set(
                "secondary_insurance", self.secondary_insurance.checked(InsuranceRole.SECONDARY)
            )
        if self.patient_birth_date is not None and (
            self.patient_birth_date > self.effective_treatment_start
        ):
            raise MoneyInputError(
                MoneyField.BIRTH_DATE, "The date of birth is after the treatment start."
            )
