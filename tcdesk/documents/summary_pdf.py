"""The take-home summary a family gets after the consult (reportlab, US Letter).

What was found (with the same condition drawings as the presentation), the
options with their fees, the timeline, the ways to pay, the next steps and
whom to call. The words come from ``assets/templates/summary_text.toml``
(jinja2 snippets, one file per language), the figures from ``SummaryData``.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from tcdesk.documents.agreement_model import (
    SummaryChoice,
    SummaryData,
    SummaryFinding,
    months_of_validity,
)
from tcdesk.documents.fonts import markup, sans
from tcdesk.documents.images import load_picture
from tcdesk.documents.layout import (
    CONTENT_WIDTH,
    INK,
    MUTED,
    RULE,
    SHADE,
    Styles,
    address_lines,
    canvas_maker,
    document,
    draw_footer,
    letterhead,
    padding,
    para,
    section,
    styles,
    table_style,
)
from tcdesk.documents.summary_text import SummaryText, default_text_file, load_texts
from tcdesk.documents.tags import Tag, Tags
from tcdesk.formatting import money_from_dollars, money_off_from_dollars, rate_number


def _valid_for(days: int, texts: dict) -> str:
    months = months_of_validity(days)
    if months:
        return str(texts.get("valid_months", "{n} months")).format(n=months)
    return str(texts.get("valid_days", "{n} days")).format(n=days)


def build_summary_pdf(data: SummaryData, text_file: Path | None = None) -> bytes:
    """The take-home summary's PDF bytes, in the family's language (``data.locale``
    formats its money and dates; a text its file leaves out is the English one)."""
    sans()
    english = default_text_file()
    path = Path(text_file or data.text_file or english)
    texts = load_texts(path)
    fallback = load_texts(english) if path != english else {}
    context = {
        "practice_name": data.practice_name,
        "patient_name": data.patient_name,
        "consult_date": data.consult_date,
        "prepared_on": data.prepared_on,
        "doctor_name": data.doctor_name,
        "office_name": data.office_name,
        "option": data.timeline_option,
        "months": data.timeline_months,
        "weeks": data.timeline_visit_weeks,
        "planned_start": data.planned_start,
        "started_on": data.started_on,
        "follow_up_on": data.follow_up_on,
        "status": data.status,
        "coordinator_name": data.coordinator_name,
        "coordinator_title": data.coordinator_title,
        "coordinator_phone": data.coordinator_phone,
        "coordinator_email": data.coordinator_email,
        "valid_for": _valid_for(data.estimate_valid_days, {**fallback, **texts}),
    }
    text = SummaryText(path, texts, context, locale=data.locale, fallback=fallback)
    st = styles(data.brand_color)
    story = _story(data, text, st)
    footer_text = text("footer")
    page_words = str({**fallback, **texts}.get("page", "Page {page} of {total}"))
    buffer = io.BytesIO()
    doc = document(buffer, title=data.title, author=data.practice_name, subject=text("title"))

    def footer(canvas, page: int, total: int) -> None:
        draw_footer(canvas, page, total, left=footer_text, page_words=page_words)

    doc.build(story, canvasmaker=canvas_maker(footer, data.prepared_on))
    return buffer.getvalue()


def _story(data: SummaryData, text: SummaryText, st: Styles) -> list[Flowable]:
    story: list[Flowable] = letterhead(
        st,
        logo_path=data.logo_path,
        name=data.practice_name,
        address_lines=address_lines(data.office_address),
        phone=data.office_phone,
        extra=[data.practice_website.removeprefix("https://").removeprefix("http://")],
    )
    story.append(para(text("title"), st.title))
    story.append(para(text("subtitle"), st.subtitle))
    story.append(Spacer(1, 4))
    story.append(para(text("intro"), st.body))
    if data.chief_concern.strip():
        quote = ParagraphStyle("concern", parent=st.body, leftIndent=12, textColor=MUTED)
        story.extend(
            section(
                st,
                text("concern_heading"),
                [para(text("concern", concern=data.chief_concern.strip()), quote)],
            )
        )
    if data.findings:
        rows = [_finding(finding, text, st) for finding in data.findings]
        story.extend(section(st, text("findings_heading"), rows[:1]))
        story.extend(rows[1:])
    if data.options:
        story.extend(section(st, text("options_heading"), [_options(data, text, st)]))
    if data.phases:
        story.extend(
            section(
                st,
                text("timeline_heading"),
                [para(text("timeline_intro"), st.body), _timeline(data, text, st)],
            )
        )
    if data.choices:
        story.extend(section(st, text("payments_heading"), _payments(data, text, st)))
    steps = [
        Paragraph(markup(line), st.bullet, bulletText="•") for line in text.lines("next_steps")
    ]
    if steps:
        story.extend(section(st, text("next_steps_heading"), steps))
    story.extend(section(st, text("contact_heading"), [_contact(data, text, st)]))
    return story


def _finding(finding: SummaryFinding, text: SummaryText, st: Styles) -> Flowable:
    picture_width = 2.0 * inch
    gap = 0.2 * inch
    words: list[Flowable] = [
        para(text("finding_title", label=finding.label, severity=finding.severity), st.body_bold)
    ]
    if finding.what_it_is:
        words.append(para(finding.what_it_is, st.body))
    if finding.if_untreated:
        words.append(
            Paragraph(
                f"<b>{markup(text('if_untreated'))}</b> {markup(finding.if_untreated)}", st.body
            )
        )
    if finding.note:
        words.append(
            Paragraph(
                f"<b>{markup(text('doctor_note'))}</b> {markup(finding.note)}",
                ParagraphStyle("note", parent=st.body, textColor=MUTED),
            )
        )
    picture: Flowable | str = ""
    if finding.illustration:
        picture = load_picture(finding.illustration, "illustration").fitted(
            picture_width, 1.4 * inch
        )
    table = Table(
        [[picture, words]],
        colWidths=[picture_width + gap, CONTENT_WIDTH - picture_width - gap],
        style=table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *padding(0, 0, 4, 6),
            ]
        ),
    )
    return table


def _tags(option_chosen: bool, recommended: bool, text: SummaryText, st: Styles) -> list[Flowable]:
    """The option's tags, each its own pill (the family's choice first), under its name."""
    tags = []
    if option_chosen:
        tags.append(Tag(text("chosen"), filled=True))
    if recommended:
        tags.append(Tag(text("recommended"), filled=False))
    return [Spacer(1, 3), Tags(tags, st.accent), Spacer(1, 1)] if tags else []


def _options(data: SummaryData, text: SummaryText, st: Styles) -> Table:
    small = ParagraphStyle(
        "option_small", parent=st.cell, fontSize=9, leading=11.5, textColor=MUTED
    )
    rows = []
    for option in data.options:
        title = f"<b>{markup(option.title)}</b>"
        tags = _tags(option.chosen, option.recommended, text, st)
        length = text("option_length", months=option.months, weeks=option.visit_interval_weeks)
        fee = (
            money_from_dollars(option.fee, locale=text.locale)
            if option.fee > 0
            else text("no_charge")
        )
        rows.append(
            [
                [Paragraph(title, st.cell), *tags, Spacer(1, 2), para(option.description, small)],
                [para(length, st.cell)],
                para(fee, st.cell_right_bold),
            ]
        )
    widths = [CONTENT_WIDTH - 2.9 * inch, 1.85 * inch, 1.05 * inch]
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        *padding(6, 6, 6, 7),
        ("LINEBELOW", (0, 0), (-1, -2), 0.5, RULE),
    ]
    for index, option in enumerate(data.options):
        if option.chosen or (option.recommended and not any(o.chosen for o in data.options)):
            commands.append(("BACKGROUND", (0, index), (-1, index), SHADE))
    return Table(rows, colWidths=widths, style=table_style(commands))


def _timeline(data: SummaryData, text: SummaryText, st: Styles) -> Table:
    rows = []
    for phase in data.phases:
        if phase.start_month == 0:
            when = text("timeline_start")
        elif phase.end_month <= phase.start_month:
            when = text("timeline_after", month=phase.start_month)
        else:
            when = text("timeline_months", first=phase.start_month + 1, last=phase.end_month)
        date_line = f"<br/><font color='#5A6570' size='8.5'>{markup(phase.date_label)}</font>"
        rows.append(
            [
                Paragraph(markup(when) + (date_line if phase.date_label else ""), st.cell),
                Paragraph(f"<b>{markup(phase.name)}</b><br/>{markup(phase.detail)}", st.cell),
            ]
        )
    return Table(
        rows,
        colWidths=[1.5 * inch, CONTENT_WIDTH - 1.5 * inch],
        style=table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LINEBEFORE", (1, 0), (1, -1), 2, st.accent),
                ("LEFTPADDING", (1, 0), (1, -1), 10),
            ]
        ),
    )


def _payments(data: SummaryData, text: SummaryText, st: Styles) -> list[Flowable]:
    figures: list[tuple[str, str, bool]] = [
        (text("fee"), money_from_dollars(data.total_fee, locale=text.locale), False)
    ]
    if data.discounts > 0:
        figures.append(
            (text("savings"), money_off_from_dollars(data.discounts, locale=text.locale), False)
        )
    if data.insurance_estimate > 0:
        figures.append(
            (
                text("insurance"),
                money_off_from_dollars(data.insurance_estimate, locale=text.locale),
                False,
            )
        )
    figures.append(
        (text("portion"), money_from_dollars(data.patient_portion, locale=text.locale), True)
    )
    summary = Table(
        [
            [
                para(label, st.cell_bold if bold else st.cell),
                para(value, st.cell_right_bold if bold else st.cell_right),
            ]
            for label, value, bold in figures
        ],
        colWidths=[CONTENT_WIDTH - 1.6 * inch, 1.6 * inch],
        style=table_style(
            [
                *padding(0, 0, 1.5, 1.5),
                ("LINEABOVE", (0, -1), (-1, -1), 0.75, INK),
            ]
        ),
    )
    header = [
        para(text("column_choice"), st.cell_bold),
        para(text("column_start"), st.cell_right_bold),
        para(text("column_monthly"), st.cell_right_bold),
        para(text("column_total"), st.cell_right_bold),
    ]
    rows = [header] + [_choice_row(choice, text, st) for choice in data.choices]
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.75, INK),
        ("LINEBELOW", (0, 1), (-1, -2), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    for index, choice in enumerate(data.choices, start=1):
        if choice.chosen:
            commands.append(("BACKGROUND", (0, index), (-1, index), SHADE))
    choices = Table(
        rows,
        colWidths=[CONTENT_WIDTH - 4.6 * inch, 1.3 * inch, 1.7 * inch, 1.6 * inch],
        style=table_style(commands),
        spaceBefore=8,
    )
    notes: list[Flowable] = [summary, choices, Spacer(1, 4)]
    notes.append(para(text("payments_note"), st.small))
    if data.insurance_disclaimer:
        notes.append(para(data.insurance_disclaimer, st.small))
    return notes


def _choice_row(choice: SummaryChoice, text: SummaryText, st: Styles) -> list[Any]:
    small = ParagraphStyle("choice_small", parent=st.cell, fontSize=8.5, textColor=MUTED)
    label = f"<b>{markup(choice.label)}</b>"
    details = []
    if choice.savings > 0:
        details.append(text("choice_saves", amount=choice.savings))
    if choice.months and choice.apr > 0:
        details.append(text("choice_apr", apr=rate_number(choice.apr, locale=text.locale)))
    first: list[Flowable] = [Paragraph(label, st.cell), *_tags(choice.chosen, False, text, st)]
    if details:
        first.append(para(" · ".join(details), small))
    monthly = (
        text("monthly", monthly=choice.monthly_payment, months=choice.months)
        if choice.months
        else text("paid_once")
    )
    return [
        first,
        para(money_from_dollars(choice.down_payment, locale=text.locale), st.cell_right),
        para(monthly, st.cell_right),
        para(money_from_dollars(choice.total_paid, locale=text.locale), st.cell_right_bold),
    ]


def _contact(data: SummaryData, text: SummaryText, st: Styles) -> Flowable:
    return Table(
        [[para(text("contact"), st.body)]],
        colWidths=[CONTENT_WIDTH],
        style=table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                *padding(10, 10, 8, 6),
            ]
        ),
    )
