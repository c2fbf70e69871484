"""The orthodontic financial agreement as a PDF (reportlab platypus, US Letter).

Order on paper: letterhead and title; patient and responsible parties;
treatment; the fee breakdown; payment terms; the Truth in Lending box (only
when ``quote.truth_in_lending.required``); the full payment schedule (a
table that repeats its header on every page and never splits a row); the
practice's terms and conditions (``assets/templates/agreement_terms.md.j2``
or the file given); signature blocks. Every page has "Page X of Y" and the
agreement number in its footer; a void agreement is marked VOID on every page.

Same ``AgreementData`` in, same bytes out: the PDF's dates come from
``issued_on`` and reportlab runs in its invariant mode.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    Paragraph,
    Spacer,
    Table,
)

from tcdesk.documents import agreement_text as words
from tcdesk.documents.agreement_model import PRACTICE, RESPONSIBLE, AgreementData, SignatureMark
from tcdesk.documents.fonts import SANS, SANS_BOLD, markup, missing_glyphs, sans
from tcdesk.documents.images import raster_picture
from tcdesk.documents.layout import (
    CONTENT_WIDTH,
    INK,
    MUTED,
    RULE,
    SHADE,
    VOID_RED,
    Styles,
    address_lines,
    canvas_maker,
    document,
    draw_footer,
    facts_table,
    heading,
    keep_together,
    letterhead,
    para,
    section,
    styles,
    table_style,
)
from tcdesk.documents.textblocks import BULLET, HEADING, SUBHEADING, Block, render_blocks
from tcdesk.errors import UserError
from tcdesk.formatting import (
    local_date_and_time,
    long_date,
    medium_date,
    money_from_dollars,
    money_off_from_dollars,
    rate_percent,
)
from tcdesk.money import INSURANCE_DISCLAIMER, InsuranceRole, PlanKind, Quote
from tcdesk.paths import assets_dir

TITLE = "Orthodontic Financial Agreement"
TERMS_TEMPLATE = Path("templates") / "agreement_terms.md.j2"
DAYS_PER_MONTH_OF_VALIDITY = {365: 12, 366: 12, 730: 24, 180: 6, 183: 6, 90: 3}
VOID_COLOR = "#B3261E"


def default_terms_template() -> Path:
    return assets_dir() / TERMS_TEMPLATE


def build_agreement_pdf(data: AgreementData, terms_template: Path | None = None) -> bytes:
    """The agreement's PDF bytes; ``UserError`` for anything a person must fix first."""
    sans()
    _check_printable(data)
    terms = render_blocks(terms_template or default_terms_template(), terms_context(data))
    st = styles(data.brand_color)
    story = _story(data, st, terms)
    buffer = io.BytesIO()
    doc = document(
        buffer,
        title=data.title,
        author=data.practice_name,
        subject=f"{TITLE} for {data.patient_legal_name}, version {data.version}",
    )
    left = f"{TITLE} {data.number} · Version {data.version} · {data.patient_legal_name}"

    def footer(canvas, page: int, total: int) -> None:
        draw_footer(canvas, page, total, left=left, void=data.is_void)

    doc.build(story, canvasmaker=canvas_maker(footer, data.issued_on))
    return buffer.getvalue()


def _check_printable(data: AgreementData) -> None:
    """Names must print as themselves: refuse a name no installed font can draw."""
    names = [data.patient_legal_name, data.patient_preferred_name, data.practice_name]
    names += [party.name for party in data.responsible]
    for name in names:
        missing = missing_glyphs(name)
        if missing:
            raise UserError(
                f"The name {name!r} has characters no installed font can print ({missing!r}); "
                "install the Debian package fonts-wqy-zenhei for Chinese, Japanese and Korean."
            )
    if not data.responsible:
        raise UserError("The agreement needs at least one responsible party.")


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
        "estimate_valid_days": data.estimate_valid_days,
        "estimate_valid_months": DAYS_PER_MONTH_OF_VALIDITY.get(data.estimate_valid_days),
    }


# -- the story ---------------------------------------------------------------------------


def _story(data: AgreementData, st: Styles, terms: Sequence[Block]) -> list[Flowable]:
    quote = data.quote
    story: list[Flowable] = letterhead(
        st,
        logo_path=data.logo_path,
        name=data.practice_name,
        address_lines=address_lines(data.office_address or data.practice_address),
        phone=data.office_phone or data.practice_phone,
    )
    story.append(para(TITLE, st.title))
    story.append(
        para(
            f"Agreement {data.number} · Version {data.version} · {long_date(data.issued_on)}",
            st.subtitle,
        )
    )
    if data.is_void:
        story.append(_void_banner(data, st))
    story.append(_who_and_what(data, st))
    story.extend(section(st, "Fee", _fee(quote, st)))
    story.extend(section(st, "Payment terms", _payment_terms(data, st)))
    if quote.truth_in_lending.required:
        story.append(Spacer(1, 10))
        story.append(_truth_in_lending_box(data, st))
    note = words.forgone_discount_note(quote)
    if note:
        story.append(Spacer(1, 6))
        story.append(para(note, st.body))
    if quote.payments:
        story.extend(section(st, "Payment schedule", _schedule(quote, st), room=2.0 * inch))
    # The signatures stay on a page with the end of the terms: never a page of
    # signatures alone, detached from what was signed.
    terms_flowables = _terms(terms, st)
    story.extend(terms_flowables[:-1])
    story.append(keep_together([*terms_flowables[-1:], *_signatures(data, st)]))
    return story


def _void_banner(data: AgreementData, st: Styles) -> Table:
    text = Paragraph(
        f'<font color="{VOID_COLOR}"><b>VOID.</b></font> This agreement is void and must '
        f"not be signed or relied on. Reason: {markup(data.void_reason.strip())}",
        st.body,
    )
    return Table(
        [[text]],
        colWidths=[CONTENT_WIDTH],
        style=table_style(
            [
                ("BOX", (0, 0), (-1, -1), 1.5, VOID_RED),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        ),
        spaceBefore=6,
    )


def _who_and_what(data: AgreementData, st: Styles) -> Table:
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
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
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


def _treatment_name(data: AgreementData) -> str:
    """``Comprehensive: Metal braces``; just the title when it already says the category."""
    if data.treatment_category.casefold() in data.option_title.casefold():
        return data.option_title
    return f"{data.treatment_category}: {data.option_title}"


def _treatment(data: AgreementData, st: Styles, width: float) -> Table:
    months = data.estimated_months
    rows = [
        ("Treatment", _treatment_name(data)),
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


def _fee(quote: Quote, st: Styles) -> list[Flowable]:
    rows: list[list[Any]] = [
        [para("Total fee", st.cell), para(money_from_dollars(quote.total_fee), st.cell_right)]
    ]
    for discount in quote.discounts:
        rows.append(
            [
                para(discount.name, st.cell),
                para(money_off_from_dollars(discount.amount), st.cell_right),
            ]
        )
    for estimate in quote.insurance:
        if estimate.amount <= 0:
            continue
        role = "secondary" if estimate.role is InsuranceRole.SECONDARY else "primary"
        carrier = estimate.plan.name or "insurance"
        rows.append(
            [
                Paragraph(
                    f"Insurance estimate: {markup(carrier)} ({role}), "
                    "<b>estimate, not guaranteed</b>",
                    st.cell,
                ),
                para(money_off_from_dollars(estimate.amount), st.cell_right),
            ]
        )
    portion_row = len(rows)
    rows.append(
        [
            para("Patient portion", st.cell_bold),
            para(money_from_dollars(quote.patient_portion), st.cell_right_bold),
        ]
    )
    total_row = portion_row
    if quote.plan is PlanKind.PAY_IN_FULL and quote.pay_in_full_discount is not None:
        discount = quote.pay_in_full_discount
        rows.append(
            [
                para(discount.name, st.cell),
                para(money_off_from_dollars(discount.amount), st.cell_right),
            ]
        )
        rows.append(
            [
                para("Amount due, paid in full", st.cell_bold),
                para(money_from_dollars(quote.down_payment), st.cell_right_bold),
            ]
        )
        total_row = len(rows) - 1
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEABOVE", (0, portion_row), (-1, portion_row), 0.75, INK),
    ]
    if total_row != portion_row:
        commands.append(("LINEABOVE", (0, total_row), (-1, total_row), 0.75, INK))
    table = Table(rows, colWidths=[CONTENT_WIDTH - 1.6 * inch, 1.6 * inch], hAlign="LEFT")
    table.setStyle(table_style(commands))
    flowables: list[Flowable] = [table]
    if quote.insurance:
        flowables.append(Spacer(1, 4))
        flowables.append(para(INSURANCE_DISCLAIMER, st.small))
    return flowables


def _payment_terms(data: AgreementData, st: Styles) -> list[Flowable]:
    sentences = list(words.payment_terms(data.quote))
    sentences.append(f"Payments are made to {data.creditor_name}.")
    return [Paragraph(markup(sentence), st.bullet, bulletText="•") for sentence in sentences]


# -- Truth in Lending ---------------------------------------------------------------------


def _truth_in_lending_box(data: AgreementData, st: Styles) -> Flowable:
    """The 1026.18 disclosures, grouped in a ruled box set apart from everything else."""
    quote = data.quote
    disclosure = quote.truth_in_lending
    pad = 9
    inner = CONTENT_WIDTH - 2 * pad
    big_head = ParagraphStyle("til_big_head", parent=st.cell, fontName=SANS_BOLD, fontSize=10.5)
    head = ParagraphStyle("til_head", parent=st.cell, fontSize=9.5, leading=11.5)
    desc = ParagraphStyle("til_desc", parent=st.cell, fontSize=8, leading=9.8, textColor=INK)
    widths = [inner * 0.205, inner * 0.205, inner * 0.19, inner * 0.2, inner * 0.2]
    texts = [
        rate_percent(disclosure.apr),
        money_from_dollars(disclosure.finance_charge),
        money_from_dollars(disclosure.amount_financed),
        money_from_dollars(disclosure.total_of_payments),
        money_from_dollars(disclosure.total_sale_price),
    ]
    big_size, size = _figure_sizes(texts, widths, cell_padding=10)
    big_value = ParagraphStyle(
        "til_big_value", parent=st.cell, fontName=SANS_BOLD, fontSize=big_size, leading=19
    )
    value = ParagraphStyle("til_value", parent=st.cell, fontSize=size, leading=19)

    def cell(title: str, descriptor: str, conspicuous: bool) -> list[Flowable]:
        return [
            para(title, big_head if conspicuous else head),
            Spacer(1, 2),
            para(descriptor, desc),
        ]

    headers = [
        cell("ANNUAL PERCENTAGE RATE", words.APR_DESCRIPTOR, True),
        cell("FINANCE CHARGE", words.FINANCE_CHARGE_DESCRIPTOR, True),
        cell("Amount Financed", words.AMOUNT_FINANCED_DESCRIPTOR, False),
        cell("Total of Payments", words.TOTAL_OF_PAYMENTS_DESCRIPTOR, False),
        cell("Total Sale Price", words.total_sale_price_descriptor(disclosure.down_payment), False),
    ]
    values = [para(text, big_value if k < 2 else value) for k, text in enumerate(texts)]
    figures = Table(
        [headers, values],
        colWidths=widths,
        style=table_style(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, INK),
                ("BACKGROUND", (0, 0), (1, -1), SHADE),
                ("VALIGN", (0, 0), (-1, 0), "TOP"),
                ("VALIGN", (0, 1), (-1, 1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, 0), 5),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
                ("TOPPADDING", (0, 1), (-1, 1), 2),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 6),
                ("LINEBELOW", (0, 0), (-1, 0), 0, SHADE),
            ]
        ),
    )
    # The value row continues its header cell: no rule between them.
    figures.setStyle(table_style([("LINEBELOW", (0, 0), (-1, 0), 0.6, SHADE)]))
    groups = words.group_payments(quote.payments)
    schedule_rows: list[list[Any]] = [
        [
            para("Number of payments", st.cell_bold),
            para("Amount of payments", st.cell_bold),
            para("When payments are due", st.cell_bold),
        ]
    ]
    for group in groups:
        schedule_rows.append(
            [
                para(str(group.count), st.cell),
                para(money_from_dollars(group.amount), st.cell),
                para(group.when_due(), st.cell),
            ]
        )
    schedule = Table(
        schedule_rows,
        colWidths=[inner * 0.28, inner * 0.3, inner * 0.42],
        style=table_style(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, INK),
                ("LINEBELOW", (0, 1), (-1, -2), 0.3, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        ),
        hAlign="LEFT",
    )
    late = words.late_charge(data.late_fee, data.late_fee_days)
    box_body = ParagraphStyle("til_body", parent=st.body, fontSize=9.5, leading=12.6, spaceAfter=3)
    checkbox_line = Paragraph(
        f"{words.CHECKBOX}&nbsp;{words.WANT_ITEMIZATION}"
        f"&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;{words.CHECKBOX}&nbsp;{words.NO_ITEMIZATION}",
        ParagraphStyle("til_check", parent=box_body, fontSize=10.5, leading=14, spaceBefore=1),
    )
    content: list[Flowable] = [
        Paragraph(
            f"<b>TRUTH IN LENDING DISCLOSURES</b>&nbsp;&nbsp;&nbsp;"
            f"Creditor: {markup(data.creditor_name)}",
            ParagraphStyle("til_title", parent=box_body, fontSize=10, spaceAfter=6),
        ),
        figures,
        Spacer(1, 8),
        Paragraph("<b>Your payment schedule will be:</b>", box_body),
        schedule,
        Spacer(1, 7),
        Paragraph(f"<b>Late charge:</b> {markup(late)}", box_body),
        Paragraph(f"<b>Prepayment:</b> {markup(words.prepayment(quote))}", box_body),
        Paragraph(markup(words.SEE_TERMS), box_body),
        Spacer(1, 2),
        Paragraph(f"<b>Itemization:</b> {markup(words.ITEMIZATION_RIGHT)}", box_body),
        checkbox_line,
    ]
    box = Table(
        [[content]],
        colWidths=[CONTENT_WIDTH],
        style=table_style(
            [
                ("BOX", (0, 0), (-1, -1), 1.6, INK),
                ("LEFTPADDING", (0, 0), (-1, -1), pad),
                ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                ("TOPPADDING", (0, 0), (-1, -1), pad),
                ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            ]
        ),
    )
    return box


def _figure_sizes(
    texts: Sequence[str], widths: Sequence[float], cell_padding: float
) -> tuple[float, float]:
    """Font sizes for the box's figures: each on one line, APR and finance charge the
    larger (16 pt, less only when a figure would not fit), the others 3.5 pt smaller."""
    big, size = 16.0, 12.5
    for k, (text, width) in enumerate(zip(texts, widths, strict=True)):
        room = width - cell_padding
        if k < 2:
            big = min(big, room / stringWidth(text, SANS_BOLD, 1))
        else:
            size = min(size, room / stringWidth(text, SANS, 1))
    big = max(big, 11.0)
    return big, max(8.0, min(size, big - 3.5))


# -- schedule -------------------------------------------------------------------------------


def _schedule(quote: Quote, st: Styles) -> list[Flowable]:
    intro = (
        f"The down payment of {money_from_dollars(quote.down_payment)} is due on "
        f"{long_date(quote.request.agreement_date)} and is not part of this schedule."
        if quote.down_payment > 0
        else "There is no down payment."
    )
    header = ["No.", "Due date", "Amount", "Principal", "Interest"]
    rows: list[list[str]] = [header]
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
    last = len(rows) - 1
    widths = [0.7 * inch, 1.6 * inch]
    rest = (CONTENT_WIDTH - sum(widths)) / 3
    widths += [rest, rest, rest]
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), SANS, 9.5, 12),
        ("FONT", (0, 0), (-1, 0), SANS_BOLD, 9.5, 12),
        ("FONT", (0, last), (-1, last), SANS_BOLD, 9.5, 12),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.75, INK),
        ("LINEABOVE", (0, last), (-1, last), 0.75, INK),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    for row in range(2, last, 2):
        commands.append(("BACKGROUND", (0, row), (-1, row), SHADE))
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(commands))
    return [para(intro, st.body), Spacer(1, 2), table]


# -- terms and signatures ---------------------------------------------------------------------


def _terms(blocks: Sequence[Block], st: Styles) -> list[Flowable]:
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


def _signatures(data: AgreementData, st: Styles) -> list[Flowable]:
    til = (
        " You confirm that you received the Truth in Lending disclosures above before signing."
        if data.quote.truth_in_lending.required
        else ""
    )
    intro = para(
        "By signing, you agree to pay as set out above and to the terms and conditions of this "
        f"agreement.{til} You will receive a signed copy of this agreement to keep.",
        st.body,
    )
    blocks: list[Flowable] = []
    # Once anyone has signed, an empty line is a party who has not signed yet (they
    # sign later, on a newer version); before that, the lines are for signing on paper.
    partly = bool(data.signatures)
    for party in data.responsible:
        mark = data.signature_for(party.name, RESPONSIBLE)
        caption = f"{party.name}, {party.relationship.lower()} (responsible party)"
        blocks.append(_signature_block(caption, mark, st, not_yet=partly and mark is None))
    coordinator = data.coordinator_name
    caption = f"{coordinator}, {data.coordinator_title}, for {data.creditor_name}"
    mark = data.signature_for(coordinator, PRACTICE)
    blocks.append(_signature_block(caption, mark, st, not_yet=partly and mark is None))
    return [heading(st, "Signatures"), intro, *blocks]


def _signature_block(
    caption: str, mark: SignatureMark | None, st: Styles, *, not_yet: bool = False
) -> Flowable:
    line_width = 4.1 * inch
    gap = 0.35 * inch
    date_width = CONTENT_WIDTH - line_width - gap
    ink: Flowable | str = ""
    when: Flowable | str = ""
    if mark is not None:
        picture = raster_picture(mark.png, f"The signature of {mark.signer}")
        ink = picture.fitted(line_width - 8, 0.62 * inch)
        when = para(f"Signed {local_date_and_time(mark.signed_at)}", st.cell)
    label = ParagraphStyle("signature_label", parent=st.cell, fontSize=9, textColor=MUTED)
    if not_yet:
        ink = para("Not yet signed", ParagraphStyle("not_yet", parent=label, fontSize=11))
    table = Table(
        [[ink, "", when], [para(caption, label), "", para("Date", label)]],
        colWidths=[line_width, gap, date_width],
        rowHeights=[0.7 * inch, None],
        style=table_style(
            [
                ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                ("VALIGN", (0, 1), (-1, 1), "TOP"),
                ("LINEBELOW", (0, 0), (0, 0), 0.9, INK),
                ("LINEBELOW", (2, 0), (2, 0), 0.9, INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 2),
            ]
        ),
        hAlign="LEFT",
        spaceBefore=6,
    )
    return table
