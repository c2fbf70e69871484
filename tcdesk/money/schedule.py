"""Monthly installments: due dates, equal amounts to the cent, and interest.

At 0% the balance is split into equal payments and the leftover cents go on
the first or the last payment (practices differ). With an APR the payment is
the level annuity payment, interest is rounded each month, and the last
payment absorbs what rounding left over, so the payments always add up to the
balance plus the interest, to the cent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum

from tcdesk.money.amounts import CENT, ZERO, from_cents, to_cents
from tcdesk.money.dates import add_months
from tcdesk.money.errors import MoneyField, MoneyInputError
from tcdesk.money.wording import dollars_text

MONTHS_PER_YEAR = 12
PERCENT_MONTHS = Decimal(1200)  # APR percent -> monthly rate


class RemainderPlacement(Enum):
    """Which 0% payment carries the leftover cents of an uneven split."""

    FIRST = "first"
    LAST = "last"


@dataclass(frozen=True)
class Payment:
    """One installment; ``principal + interest == amount``."""

    number: int
    due: date
    amount: Decimal
    principal: Decimal
    interest: Decimal


def monthly_rate(apr_percent: Decimal) -> Decimal:
    """The periodic rate r = APR / 12, from an APR given in percent."""
    return apr_percent / PERCENT_MONTHS


def due_dates(first_due: date, count: int, day_of_month: int | None = None) -> tuple[date, ...]:
    """``count`` monthly due dates from ``first_due`` on one day of the month (clamped)."""
    day = first_due.day if day_of_month is None else day_of_month
    return tuple(add_months(first_due, k, day) for k in range(count))


def split_evenly(
    total: Decimal, count: int, remainder: RemainderPlacement = RemainderPlacement.FIRST
) -> list[Decimal]:
    """Equal parts to the cent; the leftover cents (fewer than ``count``) go on one part.

    ``split_evenly(5997, 36)`` -> 166.70 then 35 x 166.58.
    """
    if count < 1:
        raise ValueError("count must be at least 1")
    base, leftover = divmod(to_cents(total), count)
    parts = [from_cents(base)] * count
    where = 0 if remainder is RemainderPlacement.FIRST else count - 1
    parts[where] = from_cents(base + leftover)
    return parts


def level_payment(balance: Decimal, rate: Decimal, months: int) -> Decimal:
    """P = B r / (1 - (1 + r)^-n), rounded to the cent (B / n when r is 0)."""
    if rate == 0:
        return (balance / months).quantize(CENT, rounding=ROUND_HALF_UP)
    exact = balance * rate / (1 - (1 + rate) ** -months)
    return exact.quantize(CENT, rounding=ROUND_HALF_UP)


def build_schedule(
    balance: Decimal,
    months: int,
    first_due: date,
    apr_percent: Decimal = ZERO,
    remainder: RemainderPlacement = RemainderPlacement.FIRST,
    day_of_month: int | None = None,
) -> tuple[Payment, ...]:
    """The installments that pay off ``balance`` over ``months`` at ``apr_percent``.

    Raises ``MoneyInputError`` when a payment would be zero or would not cover
    the month's interest: such a plan can't be offered, whatever the rounding.
    """
    dates = due_dates(first_due, months, day_of_month)
    if to_cents(balance) < months:
        raise MoneyInputError(
            MoneyField.MONTHS,
            f"{dollars_text(balance)} is too small to split into {months} monthly "
            "payments of at least $0.01; use fewer months.",
        )
    if apr_percent == 0:
        return tuple(
            Payment(number=k + 1, due=dates[k], amount=part, principal=part, interest=ZERO)
            for k, part in enumerate(split_evenly(balance, months, remainder))
        )
    return _amortize(balance, monthly_rate(apr_percent), dates)


def _amortize(balance: Decimal, rate: Decimal, dates: tuple[date, ...]) -> tuple[Payment, ...]:
    months = len(dates)
    payment = level_payment(balance, rate, months)
    first_interest = (balance * rate).quantize(CENT, rounding=ROUND_HALF_UP)
    if months > 1 and payment <= first_interest:
        raise MoneyInputError(
            MoneyField.APR,
            f"A monthly payment of {dollars_text(payment)} would not cover the first "
            f"month's interest of {dollars_text(first_interest)}; use fewer months, "
            "a lower APR or a larger amount.",
        )
    schedule: list[Payment] = []
    last = months - 1
    for k, due in enumerate(dates):
        interest = (balance * rate).quantize(CENT, rounding=ROUND_HALF_UP)
        if k < last:
            principal = payment - interest
            if principal >= balance:
                raise MoneyInputError(
                    MoneyField.MONTHS,
                    f"{dollars_text(balance)} is too small for {months} monthly payments; "
                    "use fewer months.",
                )
            amount = payment
        else:
            principal = balance
            amount = balance + interest
        schedule.append(
            Payment(number=k + 1, due=due, amount=amount, principal=principal, interest=interest)
        )
        balance -= principal
    return tuple(schedule)
