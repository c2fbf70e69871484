"""The agreement's payment schedule table: every payment once, and totals that add up."""

from __future__ import annotations

from decimal import Decimal

from tcdesk.documents.layout import styles
from tcdesk.documents.payment_schedule import HEADER, payment_schedule, schedule_rows
from tcdesk.formatting import medium_date, money_from_dollars
from tests.documents.helpers import flat, flowables_pdf, pages, quote


def test_rows_are_the_payments_then_the_totals() -> None:
    q = quote(apr_percent=Decimal("6.9"), months=12)
    rows = schedule_rows(q)
    assert rows[0] == list(HEADER)
    assert [row[0] for row in rows[1:-1]] == [str(p.number) for p in q.payments]
    assert [row[1] for row in rows[1:-1]] == [medium_date(p.due) for p in q.payments]
    principal = sum((p.principal for p in q.payments), Decimal("0.00"))
    interest = sum((p.interest for p in q.payments), Decimal("0.00"))
    total = sum((p.amount for p in q.payments), Decimal("0.00"))
    assert rows[-1] == [
        "Total",
        "",
        money_from_dollars(total),
        money_from_dollars(principal),
        money_from_dollars(interest),
    ]
    assert money_from_dollars(q.truth_in_lending.total_of_payments) == money_from_dollars(total)


def test_the_table_says_what_the_down_payment_is() -> None:
    q = quote(months=6)
    (page,) = pages(flowables_pdf(payment_schedule(q, styles())))
    body = flat(page)
    assert body.startswith(f"The down payment of {money_from_dollars(q.down_payment)} is due on")
    assert "is not part of this schedule" in body
    none_down = quote(months=6, down_payment=Decimal(0))
    (page,) = pages(flowables_pdf(payment_schedule(none_down, styles())))
    assert flat(page).startswith("There is no down payment.")
