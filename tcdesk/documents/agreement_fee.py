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
from tcdesk.documents.agreement_words import ENGLISH_WORDS, AgreementWords
from tcdesk.documents.fonts import markup
from tcdesk.documents.layout import CONTENT_WIDTH, INK, Styles, padding, para, table_style
from tcdesk.money import INSURANCE_DISCLAIMER, InsuranceRole, PlanKind, Quote

AMOUNT_WIDTH = 1.6 * inch


def fee_breakdown(quote: Quote, st: Styles, w: AgreementWords = ENGLISH_WORDS) -> list[Flowable]:
    """The fee table, and the insurance disclaimer under it when insurance is estimated."""
    rows = [[para(w("total_fee"), st.cell), para(w.money(quote.total_fee), st.cell_right)]]
    rows += [_minus_row(w.term(d.name), d.amount, st, w) for d in quote.discounts]
    rows += _insurance_rows(quote, st, w)
    portion_row = len(rows)
    rows.append(_total_row(w("patient_portion"), w.money(quote.patient_portion), st))
    total_row = portion_row
    if quote.plan is PlanKind.PAY_IN_FULL and quote.pay_in_full_discount is not None:
        discount = quote.pay_in_full_discount
        rows.append(_minus_row(w.term(discount.name), discount.amount, st, w))
        rows.append(_total_row(w("amount_due_in_full"), w.money(quote.down_payment), st))
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
        disclaimer = INSURANCE_DISCLAIMER if w.language == "en" else w("insurance_disclaimer")
        flowables.append(para(disclaimer, st.small))
    return flowables


def _minus_row(label: str, amount: Decimal, st: Styles, w: AgreementWords) -> list[Any]:
    return [para(label, st.cell), para(w.money_off(amount), st.cell_right)]


def _total_row(label: str, amount: str, st: Styles) -> list[Any]:
    return [para(label, st.cell_bold), para(amount, st.cell_right_bold)]


def _insurance_rows(quote: Quote, st: Styles, w: AgreementWords) -> list[list[Any]]:
    """One row per estimate that pays something, marked as an estimate in bold."""
    rows: list[list[Any]] = []
    for estimate in quote.insurance:
        if estimate.amount <= 0:
            continue
        secondary = estimate.role is InsuranceRole.SECONDARY
        role = w("role_secondary") if secondary else w("role_primary")
        carrier = markup(estimate.plan.name) if estimate.plan.name else w("insurance_word")
        label = Paragraph(w("insurance_row", carrier=carrier, role=role), st.cell)
        rows.append([label, para(w.money_off(estimate.amount), st.cell_right)])
    return rows


def payment_terms(data: AgreementData, st: Styles) -> list[Flowable]:
    """The payment terms as bullets, ending with whom the payments are made to."""
    sentences = list(words.payment_terms(data.quote, data.words))
    sentences.append(data.words("payments_to", creditor=data.creditor_name))
    return [Paragraph(markup(sentence), st.bullet, bulletText="•") for sentence in sentences]
