"""The practice's terms and conditions: the template, what it may use, and its flowables.

The terms are written by the practice (``assets/templates/agreement_terms.md.j2``
or a file it chooses), so the variables a template may use are listed here in
one place, and documented in ``assets/templates/README.md``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, Paragraph

from tcdesk.documents.agreement_model import AgreementData, months_of_validity
from tcdesk.documents.layout import Styles, heading, keep_together
from tcdesk.documents.textblocks import BULLET, HEADING, SUBHEADING, Block
from tcdesk.money import PlanKind
from tcdesk.paths import assets_dir

TERMS_TEMPLATE = Path("templates") / "agreement_terms.md.j2"


def default_terms_template() -> Path:
    return assets_dir() / TERMS_TEMPLATE


def terms_context(data: AgreementData) -> dict[str, Any]:
    """The variables the terms template may use (documented in assets/templates/README.md)."""
    quote = data.quote
    return {
        "practice_name": data.practice_name,
        "creditor_name": data.creditor_name,
        "office_name": data.office_name,
        "office_phone": data.office_phone or data.practice_phone,
        "patient_name": data.patient_legal_name,
        "responsible_names": [party.name for party in data.responsible],
        "agreement_number": data.number,
        "version": data.version,
        "issued_on": data.issued_on,
        "treatment_category": data.treatment_category,
        "option_title": data.option_title,
        "estimated_months": data.estimated_months,
        "visit_interval_weeks": data.visit_interval_weeks,
        "planned_start": data.planned_start,
        "total_fee": quote.total_fee,
        "patient_portion": quote.patient_portion,
        "paid_in_full": quote.plan is PlanKind.PAY_IN_FULL,
        "months": quote.months,
        "monthly_payment": quote.monthly_payment,
        "has_insurance": bool(quote.insurance),
        "late_fee": data.late_fee,
        "late_fee_days": data.late_fee_days,
        "returned_payment_fee": data.returned_payment_fee,
        "extra_month_fee": data.extra_month_fee,
        "default_after_days": data.default_after_days,
        "records_transfer_fee": data.records_transfer_fee,
        "estimate_valid_days": data.estimate_valid_days,
        "estimate_valid_months": months_of_validity(data.estimate_valid_days),
    }


def terms_flowables(blocks: Sequence[Block], st: Styles) -> list[Flowable]:
    """Headings are kept on the page with the paragraph that follows them."""
    out: list[Flowable] = []
    pending: list[Flowable] = []
    for block in blocks:
        if block.kind == HEADING:
            pending.append(heading(st, block.text))
            continue
        if block.kind == SUBHEADING:
            pending.append(Paragraph(block.markup, st.subheading))
            continue
        if block.kind == BULLET:
            flowable: Flowable = Paragraph(block.markup, st.bullet, bulletText="•")
        else:
            flowable = Paragraph(block.markup, st.body)
        if pending:
            out.append(keep_together([*pending, flowable]))
            pending = []
        else:
            out.append(flowable)
    out.extend(pending)
    return out
