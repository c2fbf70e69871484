"""The plausible range of a plan: one place, so the CLI, the app and the agreement agree.

A fee of $10^23, an agreement dated 1800 or a first payment five years out
are typing mistakes, not plans; each is refused with a sentence naming the
bound. The agreement date window depends on "today", which the caller takes
from its injected clock (the money layer never reads the system time).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from tcdesk.money.dates import add_months
from tcdesk.money.errors import MoneyField, MoneyInputError, the_label
from tcdesk.money.wording import too_much_message

MAX_AMOUNT = Decimal("1000000.00")  # no orthodontic fee, payment or benefit comes near it
# An agreement may be dated up to 3 years back (a family still in treatment, which runs
# up to about 30 months, may need theirs made again) and up to a year ahead.
AGREEMENT_MONTHS_BACK = 36
AGREEMENT_MONTHS_AHEAD = 12
MAX_FIRST_DUE_DAYS = 90  # the first monthly payment falls within 90 days of the agreement


def check_amount(amount: Decimal, field: str) -> None:
    """Refuse an amount above ``MAX_AMOUNT``, before it is rounded or computed with."""
    if amount > MAX_AMOUNT:
        raise MoneyInputError(field, too_much_message(the_label(field), MAX_AMOUNT))


def agreement_window(today: date) -> tuple[date, date]:
    """The first and last plausible agreement dates for ``today``."""
    return add_months(today, -AGREEMENT_MONTHS_BACK), add_months(today, AGREEMENT_MONTHS_AHEAD)


def check_agreement_date(agreement_date: date, today: date) -> None:
    """Refuse an agreement dated outside ``agreement_window(today)``."""
    earliest, latest = agreement_window(today)
    if not earliest <= agreement_date <= latest:
        raise MoneyInputError(
            MoneyField.AGREEMENT_DATE,
            f"The agreement date must be between {earliest.isoformat()} and "
            f"{latest.isoformat()} (3 years back to 1 year ahead of today), "
            f"not {agreement_date.isoformat()}.",
        )


def check_first_due(first_due: date, agreement_date: date) -> None:
    """Refuse a first payment more than ``MAX_FIRST_DUE_DAYS`` after the agreement."""
    latest = agreement_date + timedelta(days=MAX_FIRST_DUE_DAYS)
    if first_due > latest:
        raise MoneyInputError(
            MoneyField.FIRST_DUE,
            f"The first payment must be due within {MAX_FIRST_DUE_DAYS} days of the agreement "
            f"date ({agreement_date.isoformat()}), by {latest.isoformat()}, "
            f"not {first_due.isoformat()}.",
        )
