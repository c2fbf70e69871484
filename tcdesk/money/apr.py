"""Annual percentage rate by the actuarial method of Regulation Z, Appendix J.

The unit period is a month. Time from the agreement date to each payment is
whole months measured back from the due date plus odd days / 30, and the APR
is 12 x the monthly rate i solving the general equation (Appendix J (b)(8))

    amount financed = sum( P_k / ((1 + f_k i) (1 + i)^t_k) )

Newton's method in ``Decimal``: the right side is convex and decreasing in
i, so after the first step every step stays below the root and the iteration
cannot overshoot; a handful of steps reach a monthly rate good to 1e-10.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext

from tcdesk.money.dates import whole_months_and_days

APR_PLACES = Decimal("0.01")
SMALLEST_APR = Decimal("0.01")
DAYS_PER_UNIT_PERIOD = 30
_TOLERANCE = Decimal("1e-10")
_MAX_STEPS = 200
_PRECISION = 18  # one machine word in libmpdec; the rate needs ~10 digits


def unit_periods(start: date, due: date) -> tuple[int, Decimal]:
    """(t, f): whole months and the odd fraction (days / 30) from ``start`` to ``due``."""
    months, days = whole_months_and_days(start, due)
    return months, Decimal(days) / DAYS_PER_UNIT_PERIOD


def solve_apr(
    amount_financed: Decimal, payments: Sequence[tuple[date, Decimal]], start: date
) -> Decimal:
    """The exact (unrounded) APR in percent for ``payments`` against ``amount_financed``.

    Zero when the payments add up to no more than the amount financed.
    """
    total = sum((amount for _, amount in payments), Decimal(0))
    if amount_financed <= 0:
        raise ValueError("amount financed must be positive to have an APR")
    if total <= amount_financed:
        return Decimal(0)
    # Grouped by odd days first: monthly dues on one day share them, so the
    # fraction days / 30 is worked out once per group, not once per payment.
    by_days: dict[int, list[tuple[int, Decimal]]] = {}
    for due, amount in payments:
        months, days = whole_months_and_days(start, due)
        by_days.setdefault(days, []).append((months, amount))
    groups: dict[Decimal, list[tuple[int, Decimal]]] = {}
    weighted_time = Decimal(0)
    for days, flows in by_days.items():
        fraction = Decimal(days) / DAYS_PER_UNIT_PERIOD
        groups[fraction] = flows
        for months, amount in flows:
            weighted_time += amount * (months + fraction)
    if weighted_time == 0:
        raise ValueError("every payment is due at the start: no time, no rate")
    for flows in groups.values():
        flows.sort(key=lambda flow: flow[0])
    with localcontext() as context:
        context.prec = _PRECISION
        # Constant-ratio estimate over the average time to a payment; Newton does the rest.
        guess = (total - amount_financed) * total / (amount_financed * weighted_time)
        return _newton(amount_financed, groups, guess) * 1200


def disclosed_apr(
    amount_financed: Decimal, payments: Sequence[tuple[date, Decimal]], start: date
) -> Decimal:
    """The APR to disclose: percent with 2 decimals, half up.

    Never 0.00% while there is a finance charge: a tiny positive rate is shown
    as 0.01%, which is within Regulation Z's 1/8-point tolerance and keeps the
    box from saying "0.00%" next to a charge.
    """
    exact = solve_apr(amount_financed, payments, start)
    if exact == 0:
        return Decimal("0.00")
    return max(exact.quantize(APR_PLACES, rounding=ROUND_HALF_UP), SMALLEST_APR)


def _newton(
    amount_financed: Decimal, groups: dict[Decimal, list[tuple[int, Decimal]]], rate: Decimal
) -> Decimal:
    for _ in range(_MAX_STEPS):
        value, slope = _present_value(groups, rate)
        step = (value - amount_financed) / slope
        rate -= step
        if rate < 0:  # a guess above the root can step below zero; zero is a safe start
            rate = Decimal(0)
        elif abs(step) < _TOLERANCE:
            return rate
    raise ArithmeticError("APR did not converge")  # a bug: the equation always has a root


def _present_value(
    groups: dict[Decimal, list[tuple[int, Decimal]]], rate: Decimal
) -> tuple[Decimal, Decimal]:
    """Sum of discounted payments at ``rate`` and its derivative in ``rate``.

    Payments are grouped by odd fraction f, so 1 / (1 + f i) is worked out once
    per group; within a group v^t (v = 1 / (1 + i)) is carried from payment to
    payment, since monthly dues step t by one. For a group with sums
    S = sum(P v^t) and T = sum(t P v^t):
    value += S / (1 + f i) and slope -= (f S / (1 + f i) + v T) / (1 + f i).
    """
    discount = 1 / (1 + rate)
    value = Decimal(0)
    slope = Decimal(0)
    for fraction, flows in groups.items():
        power_t = 0
        power = Decimal(1)
        weighted = Decimal(0)
        timed = Decimal(0)
        for t, amount in flows:
            if t == power_t + 1:
                power *= discount
            elif t != power_t:
                power = discount**t
            power_t = t
            term = amount * power
            weighted += term
            timed += t * term
        inverse_odd = 1 / (1 + fraction * rate)
        value += weighted * inverse_odd
        slope -= (fraction * weighted * inverse_odd + discount * timed) * inverse_odd
    return value, slope
