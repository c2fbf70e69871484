"""The demo's fees, discounts, insurance and payment plan terms, in integer cents."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from tcdesk.domain import Discount
from tcdesk.services import demo_data as data
from tcdesk.services.demo_calendar import age_on


def percent_of(cents: int, percent: Decimal) -> int:
    return int((Decimal(cents) * percent / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def ceil_dollars(cents: int) -> int:
    return -(-cents // 100) * 100


def discounts_of(case: data.Case) -> tuple[Discount, ...]:
    return tuple(
        Discount(name=name, percent=percent, amount_cents=amount, family="sibling" in name.lower())
        for name, percent, amount in case.discounts
    )


def net_fee(fee_cents: int, discounts: tuple[Discount, ...]) -> int:
    """The fee after the discounts (percentages of the fee, or amounts)."""
    return fee_cents - sum(
        percent_of(fee_cents, d.percent) if d.percent is not None else d.amount_cents or 0
        for d in discounts
    )


def insurance_estimate(
    fee_cents: int, covers: tuple[data.Cover, ...], birth: date, start: date
) -> int:
    """What the plans are expected to pay (tcdesk.money has the full rules)."""
    left = fee_cents
    total = 0
    for cover in sorted(covers, key=lambda c: c.rank.value):  # primary first
        if cover.age_limit is not None and age_on(birth, start) > cover.age_limit:
            continue
        pays = min(
            percent_of(fee_cents, Decimal(cover.pct)),
            (cover.max_dollars - cover.used_dollars) * 100,
            left,
        )
        total += pays
        left -= pays
    return total


def plan_terms(case: data.Case, portion: int, option_months: int) -> tuple[int, int, Decimal]:
    """Down payment (cents), months and APR of the case's plan for the family's ``portion``."""
    policy = data.POLICY
    standard_down = min(
        ceil_dollars(max(percent_of(portion, policy["min_down_pct"]), policy["min_down_cents"])),
        portion,
    )
    months = min(option_months, policy["max_months"])
    apr = policy["apr_pct"]
    if case.plan == "pay_in_full":
        down, months = portion - percent_of(portion, policy["pif_discount_pct"]), 0
    elif case.plan == "standard":
        down = standard_down
    elif case.plan == "low_down":
        down, months = policy["low_down_cents"], policy["max_months"]
    elif case.plan == "extended":
        down, months = standard_down, policy["extended_max_months"]
        apr = policy["extended_apr_pct"]
    else:
        raise ValueError(f"demo case {case.key}: unknown plan {case.plan!r}")
    return down, months, apr
