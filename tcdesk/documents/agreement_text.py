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

from tcdesk.documents.agreement_words import ENGLISH, ENGLISH_WORDS, AgreementWords
from tcdesk.money import Payment, PlanKind, Quote

# The English words, as tests and other modules name them (agreement_words has them all).
APR_DESCRIPTOR = ENGLISH["apr_descriptor"]
FINANCE_CHARGE_DESCRIPTOR = ENGLISH["finance_charge_descriptor"]
AMOUNT_FINANCED_DESCRIPTOR = ENGLISH["amount_financed_descriptor"]
TOTAL_OF_PAYMENTS_DESCRIPTOR = ENGLISH["total_of_payments_descriptor"]
ITEMIZATION_RIGHT = ENGLISH["itemization_right"]
WANT_ITEMIZATION = ENGLISH["want_itemization"]
NO_ITEMIZATION = ENGLISH["no_itemization"]
SEE_TERMS = ENGLISH["see_terms"]
CHECKBOX = "\u2610"  # ☐, drawn by DejaVu Sans


def total_sale_price_descriptor(down_payment: Decimal, w: AgreementWords = ENGLISH_WORDS) -> str:
    return w("total_sale_price_descriptor", down=w.money(down_payment))


@dataclass(frozen=True)
class PaymentGroup:
    """Consecutive installments of the same amount."""

    count: int
    amount: Decimal
    first_due: date

    def phrase(self, w: AgreementWords = ENGLISH_WORDS) -> str:
        date_text = w.short_date(self.first_due)
        if self.count == 1:
            return w("group_one", amount=w.money(self.amount), date=date_text)
        return w("group_many", count=self.count, amount=w.money(self.amount), date=date_text)

    def when_due(self, w: AgreementWords = ENGLISH_WORDS) -> str:
        """The "when payments are due" cell of the disclosure's schedule."""
        if self.count == 1:
            return w.short_date(self.first_due)
        return w("when_many", date=w.short_date(self.first_due))


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


def schedule_summary(payments: Sequence[Payment], w: AgreementWords = ENGLISH_WORDS) -> str:
    """``1 × $166.70 due Feb 15, 2027; 35 × $166.58 monthly beginning Mar 15, 2027``."""
    return "; ".join(group.phrase(w) for group in group_payments(payments))


def payment_day(quote: Quote) -> int:
    return quote.payments[0].due.day if quote.payments else quote.request.payment_day


def _day_words(day: int, w: AgreementWords) -> str:
    words = w("day_words", ordinal=w.ordinal(day), day=day)
    if day > 28:
        words += w("short_months")
    return words


def down_payment_terms(quote: Quote, w: AgreementWords = ENGLISH_WORDS) -> str:
    """When the down payment (or the whole amount, paid in full) is due."""
    agreed = w.date(quote.request.agreement_date)
    if quote.plan is PlanKind.PAY_IN_FULL:
        sentence = w("paid_in_full", amount=w.money(quote.down_payment), date=agreed)
        if quote.pay_in_full_discount is not None and quote.pay_in_full_discount.amount > 0:
            sentence += w("after_discount", discount=w.money(quote.pay_in_full_discount.amount))
        return sentence + w("first_appliance")
    if quote.down_payment <= 0:
        return w("no_down_payment")
    return w("down_payment", amount=w.money(quote.down_payment), date=agreed) + w("first_appliance")


def monthly_terms(quote: Quote, w: AgreementWords = ENGLISH_WORDS) -> str | None:
    """``24 monthly payments of $X beginning <date>, due on the 15th of each month``."""
    payments = quote.payments
    if not payments:
        return None
    first = payments[0]
    if len(payments) == 1:
        return w("one_payment", amount=w.money(first.amount), date=w.date(first.due))
    regular = quote.monthly_payment
    sentence = w(
        "monthly",
        count=len(payments),
        amount=w.money(regular),
        date=w.date(first.due),
        day_words=_day_words(payment_day(quote), w),
    )
    extras = []
    if first.amount != regular:
        extras.append(w("first_differs", amount=w.money(first.amount)))
    last = payments[-1]
    if last.amount != regular:
        extras.append(w("last_differs", date=w.date(last.due), amount=w.money(last.amount)))
    if extras:
        sentence += "; " + w("and").join(extras)
    if quote.request.apr_percent > 0:
        sentence += w("interest", rate=w.rate(quote.request.apr_percent))
    return sentence + "."


def payment_terms(quote: Quote, w: AgreementWords = ENGLISH_WORDS) -> tuple[str, ...]:
    """Every payment sentence, in the order they print."""
    sentences = [down_payment_terms(quote, w)]
    monthly = monthly_terms(quote, w)
    if monthly:
        sentences.append(monthly)
        sentences.append(
            w(
                "in_all_with_down",
                total=w.money(quote.total_paid),
                monthly_total=w.money(quote.truth_in_lending.total_of_payments),
            )
            if quote.down_payment > 0
            else w("in_all", total=w.money(quote.total_paid))
        )
    return tuple(sentences)


def late_charge(fee: Decimal, days: int, w: AgreementWords = ENGLISH_WORDS) -> str:
    if fee <= 0:
        return w("no_late_charge")
    day_word = w("day") if days == 1 else w("days")
    return w("late_charge", days=days, day_word=day_word, fee=w.money(fee))


def prepayment(quote: Quote, w: AgreementWords = ENGLISH_WORDS) -> str:
    """The 1026.18(k) statement, chosen from what the finance charge is made of."""
    disclosure = quote.truth_in_lending
    sentence = w("prepayment")
    if disclosure.interest > 0:
        sentence += w("prepayment_interest")
    if disclosure.forgone_discount > 0:
        sentence += w("prepayment_discount", amount=w.money(disclosure.forgone_discount))
    return sentence


def forgone_discount_note(quote: Quote, w: AgreementWords = ENGLISH_WORDS) -> str | None:
    """Outside the box: say plainly what the finance charge is made of."""
    forgone = quote.truth_in_lending.forgone_discount
    if forgone <= 0:
        return None
    note = w("forgone", amount=w.money(forgone))
    interest = quote.truth_in_lending.interest
    if interest > 0:
        note += w("forgone_interest", amount=w.money(interest))
    pay_in_full = quote.patient_portion - forgone
    return note + w(
        "forgone_end", pay_in_full=w.money(pay_in_full), total=w.money(quote.total_paid)
    )
