"""What the pending families are worth, priced by the same quote code the consult uses.

Each pending consult's value is the patient portion of its chosen option (else
the recommended one, else the first): the fee, less the discounts of the
latest plan saved for that option, less the insurance estimate as of the
consult day. Many pending families share a fee and a kind of insurance, so an
answer is remembered by what decides it: the fee, months, discounts, the plans'
terms and whether each plan still covers the patient on the start day (the
only way the birth date and the dates change the insurer's share; the payout
dates do not change the amount). The figure is the same either way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from tcdesk.domain import Discount, InsurancePolicy, Patient, TreatmentOption, TreatmentType
from tcdesk.money import PolicyLimits
from tcdesk.money.errors import MoneyInputError
from tcdesk.money.insurance import covered_on
from tcdesk.money.pricing import price
from tcdesk.services.consult_quote import base_request
from tcdesk.store.kpi_repo import PendingRow


def add_business_days(day: date, days: int) -> date:
    """``day`` moved ``days`` working days (Monday to Friday) forward."""
    moved = day
    left = days
    while left > 0:
        moved += timedelta(days=1)
        if moved.weekday() < 5:
            left -= 1
    return moved


def followed_up(row: PendingRow, business_days: int) -> bool:
    """The first contact or closed follow-up came within ``business_days`` of the consult."""
    if row.first_touch_day is None:
        return False
    deadline = add_business_days(date.fromisoformat(row.consult_day), business_days)
    return date.fromisoformat(row.first_touch_day) <= deadline


def portions(
    rows: Sequence[PendingRow],
    insurance: Sequence[InsurancePolicy],
    births: dict[str, tuple[str, int]],
    limits: PolicyLimits,
) -> list[int | None]:
    """Each pending consult's patient portion in cents (None: no option on file)."""
    by_patient: dict[str, list[InsurancePolicy]] = {}
    for policy in insurance:
        by_patient.setdefault(policy.patient_id, []).append(policy)
    cache: dict[tuple, int] = {}
    found: list[int | None] = []
    for row in rows:
        if row.option_fee_cents is None:
            found.append(None)
            continue
        consult_day = date.fromisoformat(row.consult_day)
        policies = tuple(sorted(by_patient.get(row.patient_id, ()), key=lambda p: p.rank))
        birth = births.get(row.patient_id) if policies else None
        start = date.fromisoformat(row.planned_start) if row.planned_start else None
        key = (
            row.option_fee_cents,
            row.option_months,
            row.plan_discounts,
            tuple(replace(p, id="", patient_id="") for p in policies),
            _covered(policies, birth, start if start and start >= consult_day else consult_day),
        )
        cents = cache.get(key)
        if cents is None:
            cents = _portion_cents(row, policies, birth, consult_day, start, limits)
            cache[key] = cents
        found.append(cents)
    return found


def _covered(
    policies: tuple[InsurancePolicy, ...], birth: tuple[str, int] | None, start: date
) -> tuple[bool | None, ...]:
    """Whether each plan still covers the patient on the start day: the one way the birth
    date and the day change the insurer's share (``money.insurance.covered_on``)."""
    if birth is None or not birth[1]:
        return tuple(None for _ in policies)
    born = date.fromisoformat(birth[0])
    return tuple(covered_on(born, p.age_limit, start) for p in policies)


def _portion_cents(
    row: PendingRow,
    policies: tuple[InsurancePolicy, ...],
    birth: tuple[str, int] | None,
    consult_day: date,
    start: date | None,
    limits: PolicyLimits,
) -> int:
    born, known = birth if birth else (consult_day.isoformat(), 0)
    patient = Patient(
        id=row.patient_id,
        practice_id="",
        legal_first="",
        legal_last="",
        birth_date=date.fromisoformat(born),
        birth_date_known=bool(known),
    )
    option = TreatmentOption(
        id=row.option_id or "",
        consult_id=row.consult_id,
        treatment_type=TreatmentType.METAL_BRACES,  # pricing does not read the kind
        title="",
        description="",
        estimated_months=row.option_months or 1,
        visit_interval_weeks=6,
        fee_cents=row.option_fee_cents or 0,
    )
    discounts: tuple[Discount, ...] = row.plan_discounts
    request = base_request(
        patient,
        option,
        list(policies),
        limits,
        consult_day,
        treatment_start=start,
        discounts=discounts,
    )
    try:
        portion = price(request).patient_portion
    except MoneyInputError:  # figures the consult itself would refuse: the plain fee
        portion = Decimal(row.option_fee_cents or 0) / 100
    return int((portion * 100).to_integral_value())
