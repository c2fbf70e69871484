"""The agreement's full payment schedule: every payment, its principal and interest.

A long plan runs over pages, so the table repeats its header on each page and
never splits a row; every other row is shaded to guide the eye across.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Spacer, Table

from tcdesk.documents.agreement_words import ENGLISH, ENGLISH_WORDS, AgreementWords
from tcdesk.documents.fonts import SANS, SANS_BOLD
from tcdesk.documents.layout import CONTENT_WIDTH, INK, SHADE, Styles, padding, para, table_style
from tcdesk.money import Quote

HEADER_KEYS = ("col_number", "col_due", "col_amount", "col_principal", "col_interest")
HEADER = tuple(ENGLISH[key] for key in HEADER_KEYS)


def payment_schedule(quote: Quote, st: Styles, w: AgreementWords = ENGLISH_WORDS) -> list[Flowable]:
    """What the down payment is, then the table of payments with its totals."""
    intro = (
        w(
            "down_not_in_schedule",
            amount=w.money(quote.down_payment),
            date=w.date(quote.request.agreement_date),
        )
        if quote.down_payment > 0
        else w("no_down_in_schedule")
    )
    rows = schedule_rows(quote, w)
    table = Table(rows, colWidths=_widths(), repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(_commands(last=len(rows) - 1)))
    return [para(intro, st.body), Spacer(1, 2), table]


def schedule_rows(quote: Quote, w: AgreementWords = ENGLISH_WORDS) -> list[list[str]]:
    """The header, one row per payment and the totals row, as printed."""
    rows: list[list[str]] = [[w(key) for key in HEADER_KEYS]]
    for payment in quote.payments:
        rows.append(
            [
                str(payment.number),
                w.short_date(payment.due),
                w.money(payment.amount),
                w.money(payment.principal),
                w.money(payment.interest),
            ]
        )
    disclosure = quote.truth_in_lending
    principal = sum((payment.principal for payment in quote.payments), Decimal("0.00"))
    rows.append(
        [
            w("col_total"),
            "",
            w.money(disclosure.total_of_payments),
            w.money(principal),
            w.money(disclosure.interest),
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
