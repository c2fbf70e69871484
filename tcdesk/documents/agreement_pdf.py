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
from pathlib import Path

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from tcdesk.documents import agreement_text as words
from tcdesk.documents.agreement_fee import fee_breakdown, payment_terms
from tcdesk.documents.agreement_model import AgreementData
from tcdesk.documents.agreement_parties import who_and_what
from tcdesk.documents.agreement_terms import default_terms_template, terms_context, terms_flowables
from tcdesk.documents.fonts import markup, missing_glyphs, sans
from tcdesk.documents.layout import (
    CONTENT_WIDTH,
    VOID_RED,
    Styles,
    address_lines,
    canvas_maker,
    document,
    draw_footer,
    keep_together,
    letterhead,
    padding,
    para,
    section,
    styles,
    table_style,
)
from tcdesk.documents.payment_schedule import payment_schedule
from tcdesk.documents.signature_blocks import signatures
from tcdesk.documents.textblocks import Block, render_blocks, render_text_blocks
from tcdesk.documents.truth_in_lending_box import truth_in_lending_box
from tcdesk.errors import UserError
from tcdesk.text_safety import LONGEST_LINE, strip_controls, terminal_safe

TITLE = "Orthodontic Financial Agreement"
VOID_COLOR = "#B3261E"


def build_agreement_pdf(data: AgreementData, terms_template: Path | None = None) -> bytes:
    """The agreement's PDF bytes; ``UserError`` for anything a person must fix first."""
    sans()
    _check_printable(data)
    w = data.words
    locale = w.locale
    if data.terms_file and terms_template is None:
        terms = render_blocks(Path(data.terms_file), terms_context(data), locale=locale)
    elif data.terms_text and terms_template is None:
        terms = render_text_blocks(
            data.terms_text, terms_context(data), "the practice's terms", locale=locale
        )
    else:
        terms = render_blocks(
            terms_template or default_terms_template(), terms_context(data), locale=locale
        )
    st = styles(data.brand_color)
    story = _story(data, st, terms)
    buffer = io.BytesIO()
    title = w("title")
    doc = document(
        buffer,
        title=data.title,
        author=data.practice_name,
        subject=w(
            "pdf_subject", title=title, patient=data.patient_legal_name, version=data.version
        ),
    )
    left = w(
        "footer",
        title=title,
        number=data.number,
        version=data.version,
        patient=data.patient_legal_name,
    )

    def footer(canvas, page: int, total: int) -> None:
        draw_footer(
            canvas,
            page,
            total,
            left=left,
            void=data.is_void,
            page_words=w.raw("page"),
            void_word=w("void_word"),
        )

    doc.build(story, canvasmaker=canvas_maker(footer, data.issued_on))
    return buffer.getvalue()


def _check_printable(data: AgreementData) -> None:
    """Names must print as themselves, on one line: refuse one that can't.

    A name with a line break or an escape code (an old import), one far too long
    for a line, or one no installed font can draw would make a wrong agreement;
    the message says whose name it is and shows only its start.
    """
    names = [
        ("The patient's name", data.patient_legal_name),
        ("The patient's preferred name", data.patient_preferred_name),
        ("The practice's name", data.practice_name),
    ]
    names += [("The responsible party's name", party.name) for party in data.responsible]
    for whose, name in names:
        shown = terminal_safe(shorten(name), multiline=False)
        if strip_controls(name) != name:
            raise UserError(
                f'{whose} ("{shown}") has a line break or a control character; '
                "correct it in the family's record, then print the agreement."
            )
        if len(name) > LONGEST_LINE:  # the longest name a form accepts
            raise UserError(
                f'{whose} ("{shown}") is {len(name):,} characters long; correct it in the '
                "family's record, then print the agreement."
            )
        missing = missing_glyphs(name)
        if missing:
            raise UserError(
                f'{whose} ("{shown}") has characters no installed font can print '
                f'("{terminal_safe(shorten(missing))}"); install the Debian package '
                "fonts-wqy-zenhei for Chinese, Japanese and Korean."
            )
    if not data.responsible:
        raise UserError("The agreement needs at least one responsible party.")


def shorten(text: str, most: int = 40) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


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
    w = data.words
    story.append(para(w("title"), st.title))
    story.append(
        para(
            w("subtitle", number=data.number, version=data.version, date=w.date(data.issued_on)),
            st.subtitle,
        )
    )
    if data.is_void:
        story.append(_void_banner(data, st))
    story.append(who_and_what(data, st))
    story.extend(section(st, w("section_fee"), fee_breakdown(quote, st, w)))
    story.extend(section(st, w("section_payment_terms"), payment_terms(data, st)))
    if quote.truth_in_lending.required:
        story.append(Spacer(1, 10))
        story.append(truth_in_lending_box(data, st))
    note = words.forgone_discount_note(quote, w)
    if note:
        story.append(Spacer(1, 6))
        story.append(para(note, st.body))
    if quote.payments:
        story.extend(
            section(st, w("section_schedule"), payment_schedule(quote, st, w), room=2.0 * inch)
        )
    # The signatures stay on a page with the end of the terms: never a page of
    # signatures alone, detached from what was signed.
    terms_part = terms_flowables(terms, st)
    story.extend(terms_part[:-1])
    story.append(keep_together([*terms_part[-1:], *signatures(data, st)]))
    return story


def _void_banner(data: AgreementData, st: Styles) -> Table:
    w = data.words
    text = Paragraph(
        f'<font color="{VOID_COLOR}"><b>{markup(w("void_word"))}.</b></font> '
        f"{markup(w('void_banner'))} {markup(data.void_reason.strip())}",
        st.body,
    )
    return Table(
        [[text]],
        colWidths=[CONTENT_WIDTH],
        style=table_style(
            [
                ("BOX", (0, 0), (-1, -1), 1.5, VOID_RED),
                *padding(8, 8, 6, 4),
            ]
        ),
        spaceBefore=6,
    )
