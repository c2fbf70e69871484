"""The Truth in Lending box of the agreement (Regulation Z 1026.18).

The federal box is a form of its own: five figures in a ruled grid (APR and
finance charge shaded and larger, "more conspicuous" as 1026.17(a)(2) asks),
the payment schedule in groups, then the late charge, prepayment, the pointer
to the terms and the itemization right with its two boxes to tick. It is
built here from small pieces so each rule of the form has one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from tcdesk.documents import agreement_text as words
from tcdesk.documents.agreement_model import AgreementData
from tcdesk.documents.agreement_words import ENGLISH_WORDS, AgreementWords
from tcdesk.documents.fonts import SANS, SANS_BOLD, markup
from tcdesk.documents.layout import (
    CONTENT_WIDTH,
    INK,
    RULE,
    SHADE,
    Styles,
    padding,
    para,
    table_style,
)
from tcdesk.money import Payment, TruthInLending

PAD = 9  # the box's inner margin, pt
FIGURE_SHARES = (0.205, 0.205, 0.19, 0.2, 0.2)
SCHEDULE_SHARES = (0.28, 0.3, 0.42)
CONSPICUOUS = 2  # the first two figures (APR, finance charge) are the conspicuous ones


def truth_in_lending_box(data: AgreementData, st: Styles) -> Flowable:
    """The 1026.18 disclosures, grouped in a ruled box set apart from everything else."""
    inner = CONTENT_WIDTH - 2 * PAD
    body = ParagraphStyle("til_body", parent=st.body, fontSize=9.5, leading=12.6, spaceAfter=3)
    w = data.words
    content: list[Flowable] = [
        Paragraph(
            f"<b>{markup(w('til_title'))}</b>&nbsp;&nbsp;&nbsp;"
            f"{markup(w('creditor', name=data.creditor_name))}",
            ParagraphStyle("til_title", parent=body, fontSize=10, spaceAfter=6),
        ),
        figures_table(data.quote.truth_in_lending, st, inner, w),
        Spacer(1, 8),
        Paragraph(f"<b>{markup(w('schedule_will_be'))}</b>", body),
        schedule_table(data.quote.payments, st, inner, w),
        Spacer(1, 7),
        *_statements(data, body),
    ]
    return _ruled_box(content)


def figure_texts(disclosure: TruthInLending, w: AgreementWords = ENGLISH_WORDS) -> list[str]:
    """The five figures as printed, in the order of the form."""
    return [
        w.rate(disclosure.apr),
        w.money(disclosure.finance_charge),
        w.money(disclosure.amount_financed),
        w.money(disclosure.total_of_payments),
        w.money(disclosure.total_sale_price),
    ]


def figures_table(
    disclosure: TruthInLending, st: Styles, inner: float, w: AgreementWords = ENGLISH_WORDS
) -> Table:
    """The grid of five figures, each under its title and what it means."""
    widths = [inner * share for share in FIGURE_SHARES]
    texts = figure_texts(disclosure, w)
    big_size, size = figure_sizes(texts, widths, cell_padding=10)
    big_value = ParagraphStyle(
        "til_big_value", parent=st.cell, fontName=SANS_BOLD, fontSize=big_size, leading=19
    )
    value = ParagraphStyle("til_value", parent=st.cell, fontSize=size, leading=19)
    values = [para(text, big_value if k < CONSPICUOUS else value) for k, text in enumerate(texts)]
    figures = Table(
        [_figure_headers(disclosure, st, w), values],
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
    return figures


def _figure_headers(
    disclosure: TruthInLending, st: Styles, w: AgreementWords
) -> list[list[Flowable]]:
    """Each figure's title (the conspicuous two in bold capitals) over its descriptor."""
    big_head = ParagraphStyle("til_big_head", parent=st.cell, fontName=SANS_BOLD, fontSize=10.5)
    head = ParagraphStyle("til_head", parent=st.cell, fontSize=9.5, leading=11.5)
    desc = ParagraphStyle("til_desc", parent=st.cell, fontSize=8, leading=9.8, textColor=INK)
    titles = [
        (w("apr_title"), w("apr_descriptor")),
        (w("finance_charge_title"), w("finance_charge_descriptor")),
        (w("amount_financed_title"), w("amount_financed_descriptor")),
        (w("total_of_payments_title"), w("total_of_payments_descriptor")),
        (
            w("total_sale_price_title"),
            words.total_sale_price_descriptor(disclosure.down_payment, w),
        ),
    ]
    return [
        [para(title, big_head if k < CONSPICUOUS else head), Spacer(1, 2), para(descriptor, desc)]
        for k, (title, descriptor) in enumerate(titles)
    ]


def figure_sizes(
    texts: Sequence[str], widths: Sequence[float], cell_padding: float
) -> tuple[float, float]:
    """Font sizes for the box's figures: each on one line, APR and finance charge the
    larger (16 pt, less only when a figure would not fit), the others 3.5 pt smaller."""
    big, size = 16.0, 12.5
    for k, (text, width) in enumerate(zip(texts, widths, strict=True)):
        room = width - cell_padding
        if k < CONSPICUOUS:
            big = min(big, room / stringWidth(text, SANS_BOLD, 1))
        else:
            size = min(size, room / stringWidth(text, SANS, 1))
    big = max(big, 11.0)
    return big, max(8.0, min(size, big - 3.5))


def schedule_table(
    payments: Sequence[Payment], st: Styles, inner: float, w: AgreementWords = ENGLISH_WORDS
) -> Table:
    """Number, amount and due dates of the payments, equal payments in one group."""
    rows: list[list[Any]] = [
        [
            para(w("number_of_payments"), st.cell_bold),
            para(w("amount_of_payments"), st.cell_bold),
            para(w("when_due"), st.cell_bold),
        ]
    ]
    for group in words.group_payments(payments):
        rows.append(
            [
                para(str(group.count), st.cell),
                para(w.money(group.amount), st.cell),
                para(group.when_due(w), st.cell),
            ]
        )
    return Table(
        rows,
        colWidths=[inner * share for share in SCHEDULE_SHARES],
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


def _statements(data: AgreementData, body: ParagraphStyle) -> list[Flowable]:
    """Late charge, prepayment, the pointer to the terms and the itemization right."""
    w = data.words
    late = words.late_charge(data.late_fee, data.late_fee_days, w)
    checkbox_line = Paragraph(
        f"{words.CHECKBOX}&nbsp;{markup(w('want_itemization'))}"
        f"&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;{words.CHECKBOX}&nbsp;{markup(w('no_itemization'))}",
        ParagraphStyle("til_check", parent=body, fontSize=10.5, leading=14, spaceBefore=1),
    )
    prepay = words.prepayment(data.quote, w)
    return [
        Paragraph(f"<b>{markup(w('late_label'))}</b> {markup(late)}", body),
        Paragraph(f"<b>{markup(w('prepayment_label'))}</b> {markup(prepay)}", body),
        Paragraph(markup(w("see_terms")), body),
        Spacer(1, 2),
        Paragraph(
            f"<b>{markup(w('itemization_label'))}</b> {markup(w('itemization_right'))}", body
        ),
        checkbox_line,
    ]


def _ruled_box(content: list[Flowable]) -> Table:
    """The heavy rule that sets the disclosures apart from the rest of the agreement."""
    return Table(
        [[content]],
        colWidths=[CONTENT_WIDTH],
        style=table_style(
            [
                ("BOX", (0, 0), (-1, -1), 1.6, INK),
                *padding(PAD, PAD, PAD, PAD),
            ]
        ),
    )
