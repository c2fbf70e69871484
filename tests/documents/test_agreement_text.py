"""The money sentences a family signs, one by one."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tcdesk.documents import agreement_text as words
from tcdesk.money import QuoteRequest, RemainderPlacement, build_quote
from tests.documents.helpers import pay_in_full_quote, quote, with_discount_quote


def _domain_example(remainder: RemainderPlacement = RemainderPlacement.FIRST):
    """DOMAIN.md: $5,997 = $166.70 first payment + 35 x $166.58."""
    return build_quote(
        QuoteRequest(
            total_fee=Decimal("6997"),
            agreement_date=date(2027, 1, 15),
            down_payment=Decimal("1000"),
            months=36,
            first_due=date(2027, 2, 15),
            remainder=remainder,
        )
    )


def test_schedule_groups_equal_payments() -> None:
    summary = words.schedule_summary(_domain_example().payments)
    assert summary == "1 × $166.70 due Feb 15, 2027; 35 × $166.58 monthly beginning Mar 15, 2027"


def test_schedule_with_the_odd_payment_last() -> None:
    summary = words.schedule_summary(_domain_example(RemainderPlacement.LAST).payments)
    assert summary == "35 × $166.58 monthly beginning Feb 15, 2027; 1 × $166.70 due Jan 15, 2030"


def test_monthly_terms_name_the_different_first_payment() -> None:
    sentence = words.monthly_terms(_domain_example())
    assert sentence == (
        "36 monthly payments of $166.58 beginning February 15, 2027, due on the 15th of each "
        "month; the first payment is $166.70."
    )


def test_monthly_terms_with_interest_name_the_last_payment_and_rate() -> None:
    q = quote(apr_percent=Decimal("6.9"), months=36)
    sentence = words.monthly_terms(q)
    assert sentence is not None
    last = q.payments[-1]
    assert sentence.startswith(
        f"36 monthly payments of ${q.payments[0].amount} beginning January 15, 2027"
    )
    assert f"the last payment, due December 15, 2029, is ${last.amount}" in sentence
    assert "Interest is charged at 6.90% a year on the unpaid balance." in sentence


def test_day_of_month_past_28_mentions_short_months() -> None:
    q = quote(first_due=date(2027, 1, 31))
    assert "due on the 31st of each month (the last day of shorter months)" in (
        words.monthly_terms(q) or ""
    )


def test_down_payment_is_due_at_the_agreement_before_the_first_appliance() -> None:
    assert words.down_payment_terms(quote()) == (
        "Down payment of $800.00 due on November 27, 2026, at or before the first appliance "
        "is placed."
    )


def test_paid_in_full_terms() -> None:
    q = pay_in_full_quote()
    sentence = words.down_payment_terms(q)
    assert sentence.startswith(f"Paid in full: ${q.down_payment:,} due on November 27, 2026")
    assert "pay-in-full discount of $205.00" in sentence
    assert words.monthly_terms(q) is None


def test_prepayment_for_a_plan_without_finance_charge() -> None:
    q = with_discount_quote()
    assert q.truth_in_lending.finance_charge == 0
    assert words.prepayment(q) == "If you pay off early, you will not have to pay a penalty."


def test_prepayment_for_a_forgone_discount_says_no_refund() -> None:
    sentence = words.prepayment(quote())
    assert sentence.startswith("If you pay off early, you will not have to pay a penalty.")
    assert "You will not be entitled to a refund of part of the finance charge" in sentence
    assert "$205.00 pay-in-full discount is not given back" in sentence
    assert "Interest" not in sentence


def test_prepayment_with_interest_only() -> None:
    q = with_discount_quote(apr_percent=Decimal("6.9"))
    sentence = words.prepayment(q)
    assert "interest that is not yet due is not charged" in sentence
    assert "refund" not in sentence


def test_late_charge() -> None:
    assert words.late_charge(Decimal("35"), 10) == (
        "If a payment is more than 10 days late, you will be charged $35.00."
    )
    assert words.late_charge(Decimal(0), 10) == "There is no charge for a late payment."


def test_forgone_discount_note() -> None:
    q = quote()
    note = words.forgone_discount_note(q)
    assert note is not None
    assert note.startswith(
        "The finance charge includes the $205.00 pay-in-full discount you are not taking."
    )
    assert words.forgone_discount_note(with_discount_quote()) is None
    assert words.forgone_discount_note(pay_in_full_quote()) is None
