"""The agreement's "Fee" and "Payment terms" sections.

The fee breakdown runs from the total fee through discounts and insurance
estimates to the patient portion (and, paid in full, the amount due), each
subtraction with a true minus sign.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from tcdesk.documents import agreement_text as words
from tcdesk.documents.agreement_model import AgreementData
from tcdesk.documents.fonts import markup
from tcdesk.documents.layout import CONTENT_WIDTH, INK, Styles, padding, para, table_style
from tcdesk.formatting import money_from_dollars, money_off_from_dollars
from tcdesk.money import INSURANCE_DISCLAIMER, InsuranceRole, PlanKind, Quote

AMOUNT_WIDTH = 1.6 * inch


def fee_breakdown(quote: Quote, st: Styles) -> list[Flowable]:
    """The fee table, and the insurance disclaimer under it when insurance is estimated."""
    rows = [[para("Total fee", st.cell), para(money_from_dollars(quote.total_fee), st.cell_right)]]
    rows += [_minus_row(discount.name, discount.amount, st) for discount in quote.discounts]
    rows += _insurance_rows(quote, st)
    portion_row = len(rows)
    rows.append(_total_row("Patient portion", money_from_dollars(quote.patient_portion), st))
    total_row = portion_row
    if quote.plan is PlanKind.PAY_IN_FULL and quote.pay_in_full_discount is not None:
        discount = quote.pay_in_full_discount
        rows.append(_minus_row(discount.name, discount.amount, st))
        rows.append(
            _total_row("Amount due, paid in full", money_from_dollars(quote.down_payment), st)
        )
        total_row = len(rows) - 1
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        *padding(0, 0, 2, 2),
        ("LINEABOVE", (0, portion_row), (-1, portion_row), 0.75, INK),
    ]
    if total_row != portion_row:
        commands.append(("LINEABOVE", (0, total_row), (-1, total_row), 0.75, INK))
    table = Table(rows, colWidths=[CONTENT_WIDTH - AMOUNT_WIDTH, AMOUNT_WIDTH], hAlign="LEFT")
    table.setStyle(table_style(commands))
    flowables: list[Flowable] = [table]
    if quote.insurance:
        flowables.append(Spacer(1, 4))
        flowables.append(para(INSURANCE_DISCLAIMER, st.small))
    return flowables


def _minus_row(label: str, amount: Decimal, st: Styles) -> list[Any]:
    return [para(label, st.cell), para(money_off_from_dollars(amount), st.cell_right)]


def _total_row(label: str, amount: str, st: Styles) -> list[Any]:
    return [para(label, st.cell_bold), para(amount, st.cell_right_bold)]


def _insurance_rows(quote: Quote, st: Styles) -> list[list[Any]]:
    """One row per estimate that pays something, marked as an estimate in bold."""
    rows: list[list[Any]] = []
    for estimate in quote.insurance:
        if estimate.amount <= 0:
            continue
        role = "secondary" if estimate.role is InsuranceRole.SECONDARY else "primary"
        carrier = estimate.plan.name or "insurance"
        label = Paragraph(
            f"Insurance estimate: {markup(carrier)} ({role}), <b>estimate, not guaranteed</b>",
            st.cell,
        )
        rows.append([label, para(money_off_from_dollars(estimate.amount), st.cell_right)])
    return rows


def payment_terms(data: AgreementData, st: Styles) -> list[Flowable]:
    """The payment terms as bullets, ending with whom the payments are made to."""
    sentences = list(words.payment_terms(data.quote))
    sentences.append(f"Payments are made to {data.creditor_name}.")
    return [Paragraph(markup(sentence), st.bullet, bulletText="•") for sentence in sentences]
