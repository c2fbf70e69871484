"""The agreement's full payment schedule: every payment, its principal and interest.

A long plan runs over pages, so the table repeats its header on each page and
never splits a row; every other row is shaded to guide the eye across.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Spacer, Table

from tcdesk.documents.fonts import SANS, SANS_BOLD
from tcdesk.documents.layout import CONTENT_WIDTH, INK, SHADE, Styles, padding, para, table_style
from tcdesk.formatting import long_date, medium_date, money_from_dollars
from tcdesk.money import Quote

HEADER = ("No.", "Due date", "Amount", "Principal", "Interest")


def payment_schedule(quote: Quote, st: Styles) -> list[Flowable]:
    """What the down payment is, then the table of payments with its totals."""
    intro = (
        f"The down payment of {money_from_dollars(quote.down_payment)} is due on "
        f"{long_date(quote.request.agreement_date)} and is not part of this schedule."
        if quote.down_payment > 0
        else "There is no down payment."
    )
    rows = schedule_rows(quote)
    table = Table(rows, colWidths=_widths(), repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(_commands(last=len(rows) - 1)))
    return [para(intro, st.body), Spacer(1, 2), table]


def schedule_rows(quote: Quote) -> list[list[str]]:
    """The header, one row per payment and the totals row, as printed."""
    rows: list[list[str]] = [list(HEADER)]
    for payment in quote.payments:
        rows.append(
            [
                str(payment.number),
                medium_date(payment.due),
                money_from_dollars(payment.amount),
                money_from_dollars(payment.principal),
                money_from_dollars(payment.interest),
            ]
        )
    disclosure = quote.truth_in_lending
    principal = sum((payment.principal for payment in quote.payments), Decimal("0.00"))
    rows.append(
        [
            "Total",
            "",
            money_from_dollars(disclosure.total_of_payments),
            money_from_dollars(principal),
            money_from_dollars(disclosure.interest),
        ]
    )
    return rows


def _widths() -> list[float]:
    """Number and date narrow; the three amounts share the rest equally."""
    widths = [0.7 * inch, 1.6 * inch]
    rest = (CONTENT_WIDTH - sum(widths)) / 3
    return [*widths, rest, rest, rest]


def _commands(last: int) -> list[tuple]:
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), SANS, 9.5, 12),
        ("FONT", (0, 0), (-1, 0), SANS_BOLD, 9.5, 12),
        ("FONT", (0, last), (-1, last), SANS_BOLD, 9.5, 12),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.75, INK),
        ("LINEABOVE", (0, last), (-1, last), 0.75, INK),
        *padding(4, 4, 2.2, 2.2),
    ]
    for row in range(2, last, 2):
        commands.append(("BACKGROUND", (0, row), (-1, row), SHADE))
    return commands
