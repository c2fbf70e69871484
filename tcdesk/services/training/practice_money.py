"""The practice's real money rules for a practice consult: fees, policy, the family's plan.

Training numbers must be the practice's own (issue 14), so a plan the TC
shows is priced with the practice's fee schedule and checked against its
``FinancialPolicy`` with ``tcdesk.money``, exactly as a real quote is. Without
a practice file the demo practice's settings are used, built in memory.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from tcdesk.domain import FeeScheduleItem, FinancialPolicy, RemainderPlacement, TreatmentType
from tcdesk.money import (
    InsurancePlan,
    PaymentChoice,
    PlanKind,
    PolicyViolation,
    Quote,
    QuoteRequest,
    build_quote,
    check_quote,
    payment_choices,
)
from tcdesk.services.training.persona_model import Persona


@dataclass(frozen=True)
class Fee:
    amount: Decimal
    months: int


@dataclass(frozen=True)
class PracticeMoney:
    """What pricing a practice consult needs from the practice."""

    policy: FinancialPolicy
    fees: dict[str, Fee]  # treatment type -> fee
    today: date

    @classmethod
    def from_rows(
        cls, policy: FinancialPolicy, fees: Sequence[FeeScheduleItem], today: date
    ) -> PracticeMoney:
        return cls(
            policy,
            {
                str(f.treatment_type): Fee(Decimal(f.fee_cents) / 100, f.typical_months)
                for f in fees
            },
            today,
        )


def demo_money(today: date) -> PracticeMoney:
    """The demo practice's fees and policy, without building its file (fast)."""
    from tcdesk.services import demo_data as data
    from tcdesk.services.demo_practice import fees

    policy = FinancialPolicy(practice_id="demo", remainder=RemainderPlacement.FIRST, **data.POLICY)
    return PracticeMoney.from_rows(policy, fees("demo"), today)


def file_money(db_path, today: date) -> PracticeMoney:
    """The fees and policy of the practice in ``db_path`` (read only)."""
    from tcdesk.errors import UserError
    from tcdesk.services.desk import Desk

    desk = Desk.open(db_path, create=False, read_only=True)
    try:
        practice = desk.practice()
        if practice is None:
            raise UserError(f"{db_path} holds no practice yet, so it has no fees or policy.")
        return PracticeMoney.from_rows(
            desk.practices.policy(practice.id), desk.practices.fee_schedule(practice.id), today
        )
    finally:
        desk.close()


@dataclass(frozen=True)
class PlanMoves:
    """What the TC did on the Payment tab: the option, the choice, slider moves."""

    option: str = ""  # treatment type; "" = the recommended one
    choice: str = ""  # payment choice key; "" = none shown yet
    down_payment: Decimal | None = None
    months: int | None = None


@dataclass(frozen=True)
class PricedPlan:
    quote: Quote
    violations: tuple[PolicyViolation, ...]
    fits_budget: bool
    disclosure_required: bool


def price_plan(money: PracticeMoney, persona: Persona, moves: PlanMoves) -> PricedPlan | None:
    """The family's plan as the TC set it, or None without a choice (or a fee)."""
    from tcdesk.services.policy import limits_from_policy

    chosen = _choices(money, persona, moves.option).get(moves.choice)
    if chosen is None:
        return None
    quote = chosen.quote
    if moves.down_payment is not None or moves.months is not None:
        request = replace(
            quote.request,
            down_payment=moves.down_payment
            if moves.down_payment is not None
            else quote.down_payment,
            months=moves.months if moves.months is not None else quote.months,
        )
        quote = build_quote(request)
    fits = (
        quote.down_payment <= persona.down_payment
        and quote.monthly_payment <= persona.monthly_ceiling
    )
    limits = limits_from_policy(money.policy)
    return PricedPlan(quote, check_quote(quote, limits), fits, quote.truth_in_lending.required)


def choice_keys(money: PracticeMoney, persona: Persona, option: str = "") -> tuple[str, ...]:
    """The payment choices the practice offers this family for ``option``."""
    return tuple(_choices(money, persona, option))


def _choices(money: PracticeMoney, persona: Persona, option: str) -> dict[str, PaymentChoice]:
    """The practice's choices side by side for ``option`` (default: the recommended one)."""
    from tcdesk.services.policy import limits_from_policy

    fee = money.fees.get(option or persona.recommended)
    if fee is None or fee.amount <= 0:
        return {}
    base = QuoteRequest(
        total_fee=fee.amount,
        agreement_date=money.today,
        plan=PlanKind.PAY_IN_FULL,
        primary_insurance=_insurance(persona),
        patient_birth_date=_birth_date(money.today, persona.patient_age),
        treatment_months=fee.months,
    )
    limits = limits_from_policy(money.policy)
    return {c.key: c for c in payment_choices(base, limits, fee.months)}


def _insurance(persona: Persona) -> InsurancePlan | None:
    cover = persona.insurance
    if cover is None:
        return None
    return InsurancePlan(
        coverage_percent=cover.coverage_pct,
        lifetime_max=cover.lifetime_max,
        used=cover.used,
        age_limit=cover.age_limit,
        name=cover.carrier,
    )


def _birth_date(today: date, age: int) -> date:
    """A birthday ``age`` years and a few months back (never Feb 29 trouble)."""
    month = today.month - 4 if today.month > 4 else today.month + 8
    year = today.year - age - (0 if today.month > 4 else 1)
    return date(year, month, min(today.day, 28))


TREATMENT_TYPES = tuple(t.value for t in TreatmentType)
