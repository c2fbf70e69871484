"""From a consult's stored facts to the money layer's quote, in one place.

The investment slide, the console's payment controls and the agreement all
price a plan through here, so the family, the TC and the paper always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from tcdesk.domain import (
    ConsultFile,
    Discount,
    FinancialPolicy,
    InsurancePolicy,
    InsuranceRank,
    Patient,
    PaymentPlan,
    PayoutFrequency,
    TreatmentOption,
)
from tcdesk.errors import UserError
from tcdesk.formatting import money_from_dollars, rate_percent
from tcdesk.money import (
    Adjustment,
    DiscountKind,
    InsurancePlan,
    InsurerFrequency,
    PaymentChoice,
    PlanKind,
    PolicyLimit,
    PolicyLimits,
    PolicyViolation,
    Quote,
    QuoteRequest,
    RemainderPlacement,
    build_quote,
    check_agreement_date,
    check_quote,
    payment_choices,
)
from tcdesk.services.clock import today
from tcdesk.services.desk import Desk
from tcdesk.services.policy import cents_to_decimal, limits_from_policy, practice_limits


@dataclass(frozen=True)
class PricedPlan:
    """A plan with its quote and any policy limits it breaks."""

    plan: PaymentPlan
    quote: Quote
    violations: tuple[PolicyViolation, ...]

    @property
    def forbidden(self) -> tuple[PolicyViolation, ...]:
        """Broken limits that no reason can excuse (the APR cap)."""
        return tuple(v for v in self.violations if v.limit is PolicyLimit.APR_CAP)


def check_plan_date(desk: Desk, plan: PaymentPlan) -> None:
    """Refuse to keep or print a plan whose agreement date is implausible for today.

    The same bound as ``tcdesk quote`` (``tcdesk.money.bounds``), with "today"
    from the desk's clock: a plan dated 1800 is never saved or put on paper.
    """
    check_agreement_date(plan.agreement_date, today(desk.clock))


def insurance_plan(policy: InsurancePolicy) -> InsurancePlan:
    return InsurancePlan(
        coverage_percent=policy.coverage_pct,
        lifetime_max=cents_to_decimal(policy.lifetime_max_cents),
        used=cents_to_decimal(policy.used_cents),
        age_limit=policy.age_limit,
        initial_payment_percent=policy.initial_pct,
        frequency=(
            InsurerFrequency.QUARTERLY
            if policy.payout is PayoutFrequency.QUARTERLY
            else InsurerFrequency.MONTHLY
        ),
        name=policy.carrier,
    )


def adjustment(discount: Discount) -> Adjustment:
    kind = DiscountKind.FAMILY if discount.family else DiscountKind.COURTESY
    if discount.percent is not None:
        return Adjustment.percent_off(discount.name, discount.percent, kind)
    return Adjustment.amount_off(discount.name, cents_to_decimal(discount.amount_cents or 0), kind)


def base_request(
    patient: Patient,
    option: TreatmentOption,
    insurance: list[InsurancePolicy],
    limits: PolicyLimits,
    agreement_date: date,
    *,
    treatment_start: date | None = None,
    discounts: tuple[Discount, ...] = (),
    pif_combines: bool = False,
) -> QuoteRequest:
    """A pay-in-full request for ``option``: the fee, discounts and insurance, no plan yet.

    When the policy says the pay-in-full discount does not stack, a family that
    already has another discount is offered none, so paying over time forgoes
    nothing (and a 0% plan then has a 0% APR).
    """
    by_rank = {p.rank: p for p in insurance}
    primary = by_rank.get(InsuranceRank.PRIMARY)
    secondary = by_rank.get(InsuranceRank.SECONDARY)
    start = treatment_start if treatment_start and treatment_start >= agreement_date else None
    request = limits.apply_to(
        QuoteRequest(
            total_fee=cents_to_decimal(option.fee_cents),
            agreement_date=agreement_date,
            plan=PlanKind.PAY_IN_FULL,
            adjustments=tuple(adjustment(d) for d in discounts),
            primary_insurance=insurance_plan(primary) if primary else None,
            secondary_insurance=insurance_plan(secondary) if secondary and primary else None,
            patient_birth_date=patient.birth_date if patient.birth_date_known else None,
            treatment_start=start,
            treatment_months=max(1, option.estimated_months),
        )
    )
    if discounts and not pif_combines:
        request = replace(request, pif_discount_percent=Decimal(0))
    return request


def plan_request(base: QuoteRequest, plan: PaymentPlan) -> QuoteRequest:
    """``base`` with the family's chosen way to pay."""
    if plan.months == 0:
        return replace(base, plan=PlanKind.PAY_IN_FULL, months=0, down_payment=Decimal(0))
    return replace(
        base,
        plan=PlanKind.INSTALLMENTS,
        down_payment=cents_to_decimal(plan.down_cents),
        months=plan.months,
        apr_percent=plan.apr_pct,
        first_due=plan.first_due,
        remainder=RemainderPlacement(plan.remainder.value),
        agreement_date=plan.agreement_date,
    )


class ConsultPricing:
    """Prices one consult's options for its patient under the practice's policy."""

    def __init__(self, desk: Desk, consult_file: ConsultFile) -> None:
        self.consult_file = consult_file
        consult = consult_file.consult
        patient = desk.patients.get(consult.patient_id)
        if patient is None:
            raise UserError(f"Consult {consult.id} has no patient on file.")
        self.patient = patient
        self.insurance = desk.patients.insurance(patient.id)
        self.limits = practice_limits(desk)
        # The current rules: new quotes use them; a saved plan keeps its own snapshot.
        self.policy = desk.practices.policy(patient.practice_id)
        self.pif_combines = self.policy.pif_combines_with_discounts
        self._choices: dict[tuple, tuple[PaymentChoice, ...]] = {}
        self._priced: dict[PaymentPlan, PricedPlan] = {}

    def option(self, option_id: str) -> TreatmentOption:
        for option in self.consult_file.options:
            if option.id == option_id:
                return option
        raise UserError("That treatment option is not part of this consult.")

    def rules(self, policy: FinancialPolicy | None = None) -> tuple[PolicyLimits, bool]:
        """The limits and the stacking rule of ``policy`` (a plan's snapshot), else today's."""
        if policy is None:
            return self.limits, self.pif_combines
        return limits_from_policy(policy), policy.pif_combines_with_discounts

    def base(
        self,
        option: TreatmentOption,
        agreement_date: date,
        discounts: tuple[Discount, ...] = (),
        policy: FinancialPolicy | None = None,
    ) -> QuoteRequest:
        limits, combines = self.rules(policy)
        return base_request(
            self.patient,
            option,
            self.insurance,
            limits,
            agreement_date,
            treatment_start=self.consult_file.consult.planned_start,
            discounts=discounts,
            pif_combines=combines,
        )

    def choices(
        self,
        option: TreatmentOption,
        agreement_date: date,
        discounts: tuple[Discount, ...] = (),
        policy: FinancialPolicy | None = None,
    ) -> tuple[PaymentChoice, ...]:
        """The policy's choices for ``option``; remembered, as a drag asks again and again.

        ``policy`` is a saved plan's snapshot, to show the choices it was made among.
        """
        key = (option, agreement_date, discounts, policy)
        found = self._choices.get(key)
        if found is None:
            found = payment_choices(
                self.base(option, agreement_date, discounts, policy),
                self.rules(policy)[0],
                max(1, option.estimated_months),
            )
            self._choices[key] = found
        return found

    def price(self, plan: PaymentPlan) -> PricedPlan:
        """Quote ``plan``; bad figures raise ``MoneyInputError`` naming the field.

        A saved plan is priced under the policy snapshot it was saved with, so a
        later change of the practice's rules never changes its figures.

        The last few answers are remembered: the console and the slide ask about
        the same plan within one slider move.
        """
        found = self._priced.get(plan)
        if found is not None:
            return found
        request = plan_request(
            self.base(
                self.option(plan.option_id), plan.agreement_date, plan.discounts, plan.policy
            ),
            plan,
        )
        quote = build_quote(request)
        priced = PricedPlan(plan, quote, check_quote(quote, self.rules(plan.policy)[0]))
        if len(self._priced) >= 64:
            self._priced.pop(next(iter(self._priced)))
        self._priced[plan] = priced
        return priced


@dataclass(frozen=True)
class PlanTerms:
    """A saved plan as every summary states it, with its disclosed Truth in Lending figures.

    The APR is the disclosed one (a forgone pay-in-full discount counts as a
    finance charge), never the plan's stated interest rate: a "0%" plan can
    disclose 6.79%, and a summary that said 0% would contradict the agreement.
    """

    months: int
    down_payment: Decimal
    monthly_payment: Decimal
    total_paid: Decimal
    apr: Decimal
    finance_charge: Decimal
    disclosed: bool  # Truth in Lending applies (more than 4 payments or a finance charge)
    pay_in_full_discount: Decimal = Decimal("0.00")

    @property
    def text(self) -> str:
        """One line, e.g. ``$1,250.00 down · 24 monthly payments of $156.25 · APR 6.79% ·
        finance charge $250.00``; the APR and finance charge whenever they are disclosed."""
        if not self.months:
            saved = (
                f" (saves {money_from_dollars(self.pay_in_full_discount)})"
                if self.pay_in_full_discount
                else ""
            )
            return f"Paid in full: {money_from_dollars(self.total_paid)}{saved}"
        parts = []
        if self.down_payment:
            parts.append(f"{money_from_dollars(self.down_payment)} down")
        parts.append(
            f"{self.months} monthly payments of {money_from_dollars(self.monthly_payment)}"
        )
        if self.disclosed:
            parts.append(f"APR {rate_percent(self.apr)}")
            parts.append(f"finance charge {money_from_dollars(self.finance_charge)}")
        return " · ".join(parts)


def plan_terms(priced: PricedPlan) -> PlanTerms:
    """The figures of ``priced`` that a one-line summary shows (see ``PlanTerms``)."""
    quote = priced.quote
    til = quote.truth_in_lending
    discount = quote.pay_in_full_discount
    return PlanTerms(
        months=quote.months,
        down_payment=quote.down_payment,
        monthly_payment=quote.monthly_payment,
        total_paid=quote.total_paid,
        apr=til.apr,
        finance_charge=til.finance_charge,
        disclosed=til.required,
        pay_in_full_discount=(
            discount.amount if discount is not None and not quote.months else Decimal("0.00")
        ),
    )
