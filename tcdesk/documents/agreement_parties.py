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
from tcdesk.formatting import long_date


def who_and_what(data: AgreementData, st: Styles) -> Table:
    """Patient and responsible parties beside the treatment: two short columns."""
    gap = 0.3 * inch
    half = (CONTENT_WIDTH - gap) / 2
    left = [heading(st, "Patient and responsible parties", half), _people(data, st, half)]
    right = [heading(st, "Treatment", half), _treatment(data, st, half)]
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
    patient = data.patient_legal_name
    preferred = data.patient_preferred_name.strip()
    if preferred and preferred not in patient:
        patient += f" (known as {preferred})"
    rows = [("Patient", patient), ("Date of birth", long_date(data.patient_birth_date))]
    for party in data.responsible:
        rows.append(("Responsible party", f"{party.name}, {party.relationship.lower()}"))
    return facts_table(st, rows, 1.3 * inch, width)


def treatment_name(data: AgreementData) -> str:
    """``Comprehensive: Metal braces``; just the title when it already says the category."""
    if data.treatment_category.casefold() in data.option_title.casefold():
        return data.option_title
    return f"{data.treatment_category}: {data.option_title}"


def _treatment(data: AgreementData, st: Styles, width: float) -> Table:
    months = data.estimated_months
    rows = [
        ("Treatment", treatment_name(data)),
        ("Estimated length", f"About {months} month{'s' if months != 1 else ''}"),
        (
            "Planned start",
            long_date(data.planned_start) if data.planned_start else "To be scheduled",
        ),
    ]
    if data.visit_interval_weeks:
        rows.append(("Visits", f"About every {data.visit_interval_weeks} weeks"))
    if data.office_name:
        rows.append(("Office", data.office_name))
    return facts_table(st, rows, 1.2 * inch, width)
