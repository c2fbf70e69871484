"""Rows and dataclasses convert both ways without losing anything."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tcdesk.domain import (
    ConsultStatus,
    Discount,
    FinancialPolicy,
    PaymentPlan,
    RemainderPlacement,
)
from tcdesk.domain.consult import Consult
from tcdesk.store.codec import from_row, to_row


def test_plan_round_trip_keeps_decimals_dates_and_discounts() -> None:
    plan = PaymentPlan(
        id="x",
        consult_id="c",
        option_id="o",
        choice_key="standard",
        down_cents=120_000,
        months=24,
        apr_pct=Decimal("6.90"),
        agreement_date=date(2026, 11, 27),
        first_due=None,
        remainder=RemainderPlacement.LAST,
        discounts=(
            Discount("Sibling", percent=Decimal("5")),
            Discount("Courtesy", amount_cents=5000),
        ),
    )
    row = to_row(plan)
    assert row["apr_pct"] == "6.90"
    assert row["agreement_date"] == "2026-11-27"
    assert from_row(PaymentPlan, row) == plan


def test_consult_priorities_and_enums_round_trip() -> None:
    consult = Consult(
        id="c",
        patient_id="p",
        office_id="o",
        coordinator_id="s",
        doctor_id="d",
        scheduled_at="2026-11-27T15:00:00+00:00",
        priorities=("cost", "school photos"),
        status=ConsultStatus.PENDING,
        decided_on=date(2026, 11, 28),
    )
    assert from_row(Consult, to_row(consult)) == consult


def test_booleans_are_integers_in_rows() -> None:
    policy = FinancialPolicy(practice_id="p", forgone_pif_is_finance_charge=False)
    row = to_row(policy)
    assert row["forgone_pif_is_finance_charge"] == 0
    assert from_row(FinancialPolicy, row) == policy
