"""The practice's financial policy, as the money layer's limits."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tcdesk.domain import FinancialPolicy
from tcdesk.errors import UserError
from tcdesk.money import PolicyLimits, RemainderPlacement
from tcdesk.services.desk import Desk


def cents_to_decimal(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


def limits_from_policy(policy: FinancialPolicy) -> PolicyLimits:
    """Standard plans up to ``max_months``; extended ones up to their own limit and APR."""
    return PolicyLimits(
        min_down_percent=policy.min_down_pct,
        min_down_amount=cents_to_decimal(policy.min_down_cents),
        max_months=policy.max_months,
        extended_max_months=max(policy.max_months, policy.extended_max_months),
        extended_apr_percent=policy.extended_apr_pct,
        pif_discount_percent=policy.pif_discount_pct,
        family_discount_percent=policy.family_discount_pct,
        apr_percent=policy.apr_pct,
        remainder=RemainderPlacement(policy.remainder.value),
        pif_discount_is_finance_charge=policy.forgone_pif_is_finance_charge,
        low_down_amount=cents_to_decimal(policy.low_down_cents) if policy.low_down_cents else None,
    )


def practice_limits(desk: Desk) -> PolicyLimits:
    practice = desk.practice()
    if practice is None:
        raise UserError(f"{desk.path} holds no practice yet, so it has no financial policy.")
    return limits_from_policy(desk.practices.policy(practice.id))


def load_policy_limits(db_path: Path) -> PolicyLimits:
    """For ``tcdesk quote --db``: the limits of the practice in that file."""
    desk = Desk.open(db_path, create=False, read_only=True)
    try:
        return practice_limits(desk)
    finally:
        desk.close()
