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
from tcdesk.documents.images import raster_picture
from tcdesk.documents.layout import CONTENT_WIDTH, INK, MUTED, Styles, heading, para, table_style
from tcdesk.formatting import local_date_and_time

LINE_WIDTH = 4.1 * inch
GAP = 0.35 * inch


def signatures(data: AgreementData, st: Styles) -> list[Flowable]:
    """The heading, what signing means, and one block per signer."""
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
    partly = bool(data.signatures)
    for party in data.responsible:
        mark = data.signature_for(party.name, RESPONSIBLE)
        caption = f"{party.name}, {party.relationship.lower()} (responsible party)"
        blocks.append(signature_block(caption, mark, st, not_yet=partly and mark is None))
    coordinator = data.coordinator_name
    caption = f"{coordinator}, {data.coordinator_title}, for {data.creditor_name}"
    mark = data.signature_for(coordinator, PRACTICE)
    blocks.append(signature_block(caption, mark, st, not_yet=partly and mark is None))
    return [heading(st, "Signatures"), intro, *blocks]


def signature_block(
    caption: str, mark: SignatureMark | None, st: Styles, *, not_yet: bool = False
) -> Flowable:
    """The signing line and the date line, captioned, with the ink when signed."""
    ink: Flowable | str = ""
    when: Flowable | str = ""
    if mark is not None:
        ink, when = _signed(mark, st)
    label = ParagraphStyle("signature_label", parent=st.cell, fontSize=9, textColor=MUTED)
    if not_yet:
        ink = para("Not yet signed", ParagraphStyle("not_yet", parent=label, fontSize=11))
    return Table(
        [[ink, "", when], [para(caption, label), "", para("Date", label)]],
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


def _signed(mark: SignatureMark, st: Styles) -> tuple[Flowable, Flowable]:
    """The ink fitted to the line, and "Signed <date> <time>" in local time."""
    picture = raster_picture(mark.png, f"The signature of {mark.signer}")
    ink = picture.fitted(LINE_WIDTH - 8, 0.62 * inch)
    when = para(f"Signed {local_date_and_time(mark.signed_at)}", st.cell)
    return ink, when
