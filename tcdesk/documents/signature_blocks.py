"""The agreement's signature section: a line per responsible party and the coordinator.

Before anyone signs, the lines are for signing on paper. Once someone has
signed, their ink and the time sit on their line and an empty line says "Not
yet signed" (that party signs later, on a newer version).
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Table

from tcdesk.documents.agreement_model import PRACTICE, RESPONSIBLE, AgreementData, SignatureMark
from tcdesk.documents.agreement_words import ENGLISH_WORDS, AgreementWords
from tcdesk.documents.images import raster_picture
from tcdesk.documents.layout import CONTENT_WIDTH, INK, MUTED, Styles, heading, para, table_style

LINE_WIDTH = 4.1 * inch
GAP = 0.35 * inch


def signatures(data: AgreementData, st: Styles) -> list[Flowable]:
    """The heading, what signing means, and one block per signer."""
    w = data.words
    til = w("sign_til") if data.quote.truth_in_lending.required else ""
    intro = para(w("sign_intro", til=til), st.body)
    blocks: list[Flowable] = []
    partly = bool(data.signatures)
    for party in data.responsible:
        mark = data.signature_for(party.name, RESPONSIBLE)
        relationship = w.term(party.relationship).lower()
        caption = w("responsible_caption", name=party.name, relationship=relationship)
        blocks.append(signature_block(caption, mark, st, not_yet=partly and mark is None, w=w))
    coordinator = data.coordinator_name
    caption = w(
        "practice_caption",
        name=coordinator,
        title=w.term(data.coordinator_title),
        creditor=data.creditor_name,
    )
    mark = data.signature_for(coordinator, PRACTICE)
    blocks.append(signature_block(caption, mark, st, not_yet=partly and mark is None, w=w))
    return [heading(st, w("signatures")), intro, *blocks]


def signature_block(
    caption: str,
    mark: SignatureMark | None,
    st: Styles,
    *,
    not_yet: bool = False,
    w: AgreementWords = ENGLISH_WORDS,
) -> Flowable:
    """The signing line and the date line, captioned, with the ink when signed."""
    ink: Flowable | str = ""
    when: Flowable | str = ""
    if mark is not None:
        ink, when = _signed(mark, st, w)
    label = ParagraphStyle("signature_label", parent=st.cell, fontSize=9, textColor=MUTED)
    if not_yet:
        ink = para(w("not_yet_signed"), ParagraphStyle("not_yet", parent=label, fontSize=11))
    return Table(
        [[ink, "", when], [para(caption, label), "", para(w("date"), label)]],
        colWidths=[LINE_WIDTH, GAP, CONTENT_WIDTH - LINE_WIDTH - GAP],
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


def _signed(mark: SignatureMark, st: Styles, w: AgreementWords) -> tuple[Flowable, Flowable]:
    """The ink fitted to the line, and "Signed <date> <time>" in local time."""
    picture = raster_picture(mark.png, w("signature_of", name=mark.signer))
    ink = picture.fitted(LINE_WIDTH - 8, 0.62 * inch)
    when = para(w("signed_at", when=w.moment(mark.signed_at)), st.cell)
    return ink, when
