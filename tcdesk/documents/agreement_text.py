"""The agreement's money sentences, written once from a ``Quote``.

These are the words a family signs, so they are worded here (not in a
template a practice edits) and each is tested: payment terms, the Truth in
Lending payment schedule, the late charge, prepayment, and the note on a
pay-in-full discount given up.

Prepayment wording (Regulation Z 1026.18(k)): no plan carries a prepayment
penalty. Interest, when a plan has an APR, is figured on the unpaid balance,
so interest not yet due is never charged (1026.18(k)(1): only the penalty
statement is required). A pay-in-full discount given up is a finance charge
that is *not* figured on the balance (1026.18(k)(2)): paying early does not
give it back, and the agreement says so plainly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tcdesk.formatting import long_date, medium_date, money_from_dollars, ordinal, rate_percent
from tcdesk.money import Payment, PlanKind, Quote

APR_DESCRIPTOR = "The cost of your credit as a yearly rate."
FINANCE_CHARGE_DESCRIPTOR = "The dollar amount the credit will cost you."
AMOUNT_FINANCED_DESCRIPTOR = "The amount of credit provided to you or on your behalf."
TOTAL_OF_PAYMENTS_DESCRIPTOR = (
    "The amount you will have paid after you have made all payments as scheduled."
)
ITEMIZATION_RIGHT = (
    "You have the right to receive at this time an itemization of the Amount Financed."
)
WANT_ITEMIZATION = "I want an itemization."
NO_ITEMIZATION = "I do not want an itemization."
SEE_TERMS = (
    "See the terms and conditions below for any additional information about nonpayment, "
    "default, any required repayment in full before the scheduled date, and prepayment "
    "refunds and penalties."
)
CHECKBOX = "\u2610"  # ☐, drawn by DejaVu Sans


def total_sale_price_descriptor(down_payment: Decimal) -> str:
    return (
        "The total cost of your purchase on credit, including your down payment of "
        f"{money_from_dollars(down_payment)}."
    )


@dataclass(frozen=True)
class PaymentGroup:
    """Consecutive installments of the same amount."""

    count: int
    amount: Decimal
    first_due: date

    def phrase(self) -> str:
        if self.count == 1:
            return f"1 × {money_from_dollars(self.amount)} due {medium_date(self.first_due)}"
        beginning = medium_date(self.first_due)
        return f"{self.count} × {money_from_dollars(self.amount)} monthly beginning {beginning}"

    def when_due(self) -> str:
        """The "when payments are due" cell of the disclosure's schedule."""
        if self.count == 1:
            return medium_date(self.first_due)
        return f"Monthly beginning {medium_date(self.first_due)}"


def group_payments(payments: Sequence[Payment]) -> tuple[PaymentGroup, ...]:
    """``1 × $166.70`` then ``35 × $166.58``: runs of equal amounts, in order."""
    groups: list[PaymentGroup] = []
    for payment in payments:
        if groups and groups[-1].amount == payment.amount:
            last = groups[-1]
            groups[-1] = PaymentGroup(last.count + 1, last.amount, last.first_due)
        else:
            groups.append(PaymentGroup(1, payment.amount, payment.due))
    return tuple(groups)


def schedule_summary(payments: Sequence[Payment]) -> str:
    """``1 × $166.70 due Feb 15, 2027; 35 × $166.58 monthly beginning Mar 15, 2027``."""
    return "; ".join(group.phrase() for group in group_payments(payments))


def payment_day(quote: Quote) -> int:
    return quote.payments[0].due.day if quote.payments else quote.request.payment_day


def _day_words(day: int) -> str:
    words = f"the {ordinal(day)} of each month"
    if day > 28:
        words += " (the last day of shorter months)"
    return words


def down_payment_terms(quote: Quote) -> str:
    """When the down payment (or the whole amount, paid in full) is due."""
    agreed = long_date(quote.request.agreement_date)
    if quote.plan is PlanKind.PAY_IN_FULL:
        sentence = f"Paid in full: {money_from_dollars(quote.down_payment)} due on {agreed}"
        if quote.pay_in_full_discount is not None and quote.pay_in_full_discount.amount > 0:
            discount = money_from_dollars(quote.pay_in_full_discount.amount)
            sentence += f", after the pay-in-full discount of {discount}"
        return sentence + ", at or before the first appliance is placed."
    if quote.down_payment <= 0:
        return "No down payment."
    return (
        f"Down payment of {money_from_dollars(quote.down_payment)} due on {agreed}, "
        "at or before the first appliance is placed."
    )


def monthly_terms(quote: Quote) -> str | None:
    """``24 monthly payments of $X beginning <date>, due on the 15th of each month``."""
    payments = quote.payments
    if not payments:
        return None
    first = payments[0]
    if len(payments) == 1:
        return f"1 payment of {money_from_dollars(first.amount)} due on {long_date(first.due)}."
    regular = quote.monthly_payment
    sentence = (
        f"{len(payments)} monthly payments of {money_from_dollars(regular)} beginning "
        f"{long_date(first.due)}, due on {_day_words(payment_day(quote))}"
    )
    extras = []
    if first.amount != regular:
        extras.append(f"the first payment is {money_from_dollars(first.amount)}")
    last = payments[-1]
    if last.amount != regular:
        extras.append(
            f"the last payment, due {long_date(last.due)}, is {money_from_dollars(last.amount)}"
        )
    if extras:
        sentence += "; " + " and ".join(extras)
    if quote.request.apr_percent > 0:
        sentence += f". Interest is charged at {rate_percent(quote.request.apr_percent)} a year"
        sentence += " on the unpaid balance"
    return sentence + "."


def payment_terms(quote: Quote) -> tuple[str, ...]:
    """Every payment sentence, in the order they print."""
    sentences = [down_payment_terms(quote)]
    monthly = monthly_terms(quote)
    if monthly:
        sentences.append(monthly)
        sentences.append(
            f"In all you will pay {money_from_dollars(quote.total_paid)}: the down payment and "
            f"{money_from_dollars(quote.truth_in_lending.total_of_payments)} in monthly payments."
            if quote.down_payment > 0
            else f"In all you will pay {money_from_dollars(quote.total_paid)}."
        )
    return tuple(sentences)


def late_charge(fee: Decimal, days: int) -> str:
    if fee <= 0:
        return "There is no charge for a late payment."
    day_word = "day" if days == 1 else "days"
    return (
        f"If a payment is more than {days} {day_word} late, "
        f"you will be charged {money_from_dollars(fee)}."
    )


def prepayment(quote: Quote) -> str:
    """The 1026.18(k) statement, chosen from what the finance charge is made of."""
    disclosure = quote.truth_in_lending
    sentence = "If you pay off early, you will not have to pay a penalty."
    if disclosure.interest > 0:
        sentence += (
            " Interest is figured on the unpaid balance, so interest that is not yet due "
            "is not charged."
        )
    if disclosure.forgone_discount > 0:
        sentence += (
            " You will not be entitled to a refund of part of the finance charge: the "
            f"{money_from_dollars(disclosure.forgone_discount)} pay-in-full discount is not "
            "given back for paying early."
        )
    return sentence


def forgone_discount_note(quote: Quote) -> str | None:
    """Outside the box: say plainly what the finance charge is made of."""
    forgone = quote.truth_in_lending.forgone_discount
    if forgone <= 0:
        return None
    note = (
        f"The finance charge includes the {money_from_dollars(forgone)} "
        "pay-in-full discount you are not taking"
    )
    interest = quote.truth_in_lending.interest
    if interest > 0:
        note += f", and {money_from_dollars(interest)} of interest"
    pay_in_full = quote.patient_portion - forgone
    return (
        f"{note}. Paid in full at signing, your portion would be {money_from_dollars(pay_in_full)} "
        f"instead of {money_from_dollars(quote.total_paid)}."
    )
