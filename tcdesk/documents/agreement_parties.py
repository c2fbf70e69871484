"""Who the agreement is for and what it pays for: the two columns under the title."""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import Table

from tcdesk.documents.agreement_model import AgreementData
from tcdesk.documents.layout import (
    CONTENT_WIDTH,
    Styles,
    facts_table,
    heading,
    padding,
    table_style,
)


def who_and_what(data: AgreementData, st: Styles) -> Table:
    """Patient and responsible parties beside the treatment: two short columns."""
    gap = 0.3 * inch
    half = (CONTENT_WIDTH - gap) / 2
    w = data.words
    left = [heading(st, w("people_heading"), half), _people(data, st, half)]
    right = [heading(st, w("treatment_heading"), half), _treatment(data, st, half)]
    return Table(
        [[left, "", right]],
        colWidths=[half, gap, half],
        style=table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *padding(0, 0, 0, 0),
            ]
        ),
    )


def _people(data: AgreementData, st: Styles, width: float) -> Table:
    w = data.words
    patient = data.patient_legal_name
    preferred = data.patient_preferred_name.strip()
    if preferred and preferred not in patient:
        patient = w("known_as", name=patient, preferred=preferred)
    rows = [(w("patient"), patient), (w("birth_date"), w.date(data.patient_birth_date))]
    for party in data.responsible:
        relationship = w.term(party.relationship).lower()
        rows.append(
            (w("responsible"), w("responsible_value", name=party.name, relationship=relationship))
        )
    return facts_table(st, rows, 1.3 * inch, width)


def treatment_name(data: AgreementData) -> str:
    """``Comprehensive: Metal braces``; just the title when it already says the category."""
    category = data.words.term(data.treatment_category)
    if category.casefold() in data.option_title.casefold():
        return data.option_title
    return data.words("treatment_name", category=category, title=data.option_title)


def _treatment(data: AgreementData, st: Styles, width: float) -> Table:
    w = data.words
    months = data.estimated_months
    rows = [
        (w("treatment"), treatment_name(data)),
        (w("length"), w("months_one") if months == 1 else w("months_many", months=months)),
        (
            w("planned_start"),
            w.date(data.planned_start) if data.planned_start else w("to_be_scheduled"),
        ),
    ]
    if data.visit_interval_weeks:
        rows.append((w("visits"), w("visits_value", weeks=data.visit_interval_weeks)))
    if data.office_name:
        rows.append((w("office"), data.office_name))
    return facts_table(st, rows, 1.2 * inch, width)
