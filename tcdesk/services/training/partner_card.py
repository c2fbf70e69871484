"""The printed card for a practice consult with a partner (reportlab, US Letter, two pages).

Page one is for the trainer playing the family: who they are, what they only
say when asked, how they decide, and each objection with its moment and what
settles it. Page two is the scoring sheet to tick by hand while watching,
the same items and points as the trainer's window (``partner_sheet``), so a
paper sheet can be typed in later and give the same score.
"""

from __future__ import annotations

import io
from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table

from tcdesk.documents.fonts import SANS, SANS_BOLD, markup
from tcdesk.documents.layout import (
    CONTENT_WIDTH,
    INK,
    MUTED,
    RULE,
    SHADE,
    Styles,
    canvas_maker,
    document,
    draw_footer,
    facts_table,
    heading,
    keep_together,
    padding,
    para,
    styles,
    table_style,
)
from tcdesk.services.training.partner_brief import BriefObjection, PartnerBrief
from tcdesk.services.training.partner_sheet import DECISIONS, SheetPart, sheet_parts

BOX = 9  # a tick box's side, in points
GUTTER = 14  # between the sheet's two columns


class TickBox(Flowable):
    """An empty square to tick with a pen."""

    def __init__(self, size: float = BOX) -> None:
        super().__init__()
        self.size = size
        self.width = self.height = size

    def draw(self) -> None:
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 0, self.size, self.size)


def build_partner_card(
    brief: PartnerBrief, *, practice: str = "", brand: str = "", today: date | None = None
) -> bytes:
    """The card's PDF bytes (``practice``/``brand``: the practice's name and colour)."""
    st = styles(brand) if brand else styles()
    story: list[Flowable] = [*_trainer_page(brief, st), PageBreak(), *_sheet_page(brief, st)]
    buffer = io.BytesIO()
    doc = document(
        buffer,
        title=f"Practice consult card: {brief.title}",
        author=practice or "tcdesk",
        subject="Practice consult with a partner",
    )
    left = f"Practice consult with a partner · {brief.key}"
    if practice:
        left = f"{practice} · {left}"

    def footer(canvas, page: int, total: int) -> None:
        draw_footer(canvas, page, total, left=left)

    doc.build(story, canvasmaker=canvas_maker(footer, today))
    return buffer.getvalue()


def _trainer_page(brief: PartnerBrief, st: Styles) -> list[Flowable]:
    story: list[Flowable] = [
        para("PRACTICE CONSULT · FOR THE TRAINER", _kicker(st)),
        para(brief.title, st.title),
    ]
    if brief.notes:
        story.append(para(f"How to play them: {brief.notes}", st.subtitle))
    story += [heading(st, "The family"), _facts_grid(st, brief.facts)]
    story.append(
        keep_together(
            [
                heading(st, "What they say only when asked"),
                _shaded(facts_table(st, brief.hidden, 1.45 * 72, CONTENT_WIDTH - 16)),
            ]
        )
    )
    story.append(heading(st, "Objections to raise, in order"))
    for number, objection in enumerate(brief.objections, start=1):
        story.append(_objection(number, objection, st))
    return story


SHORT_FACT = 30  # characters: a value this short shares its line with another
PAIRED = frozenset({"Decides", "Pays", "Patient", "Priorities", "Visit"})  # may share a line


def _facts_grid(st: Styles, facts: tuple[tuple[str, str], ...]) -> Table:
    """Label / value rows; short facts two to a line, so the trainer's page stays one page."""
    label = ParagraphStyle("grid_label", parent=st.cell, fontSize=9, textColor=MUTED)
    rows: list[list] = []
    spans: list[tuple] = []
    open_row: list | None = None  # a row whose right half waits for the next short fact
    for name, value in facts:
        cells = [para(name, label), para(value, st.cell)]
        if len(value) > SHORT_FACT or name not in PAIRED:
            spans.append(("SPAN", (1, len(rows)), (3, len(rows))))
            rows.append([*cells, "", ""])
        elif open_row is not None:
            open_row[2:] = cells
            open_row = None
        else:
            open_row = [*cells, "", ""]
            rows.append(open_row)
    wide = 1.2 * 72
    return Table(
        rows,
        colWidths=[wide, CONTENT_WIDTH / 2 - wide, wide, CONTENT_WIDTH / 2 - wide],
        style=table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), *padding(0, 6, 1.5, 1.5), *spans]),
        hAlign="LEFT",
    )


def _kicker(st: Styles) -> ParagraphStyle:
    return ParagraphStyle("kicker", parent=st.small, textColor=st.accent, spaceAfter=2)


def _shaded(content: Flowable) -> Table:
    return Table(
        [[content]],
        colWidths=[CONTENT_WIDTH],
        style=table_style([("BACKGROUND", (0, 0), (-1, -1), SHADE), *padding(8, 8, 6, 6)]),
    )


def _objection(number: int, objection: BriefObjection, st: Styles) -> Flowable:
    head = ParagraphStyle("objection_head", parent=st.body_bold, spaceBefore=6, spaceAfter=1)
    quote = ParagraphStyle("quote", parent=st.body, leftIndent=12, spaceAfter=3)
    parts: list[Flowable] = [
        Paragraph(
            f"{number}. {markup(objection.moment)} "
            f"<font color='#5A6570'>· {markup(objection.kind)}</font>",
            head,
        ),
        Paragraph(f"<b>{markup(objection.speaker)}:</b> “{markup(objection.line)}”", quote),
    ]
    parts.append(para(objection.settles_text, _indented(st.small)))
    parts.append(para(objection.laer_text, _indented(st.small)))
    if objection.settled_line:
        parts.append(para(f"Once settled, say: “{objection.settled_line}”", _indented(st.small)))
    if objection.follow_up:
        parts.append(para(objection.follow_up + ".", _indented(st.small)))
    return keep_together(parts)


def _indented(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(
        f"{style.name}_in", parent=style, leftIndent=12, spaceAfter=1, fontSize=8, leading=10
    )


def _sheet_page(brief: PartnerBrief, st: Styles) -> list[Flowable]:
    """The sheet in two columns (it fits one page), then the decision and the totals."""
    parts = sheet_parts()
    half = (CONTENT_WIDTH - GUTTER) / 2
    columns = [
        [_part_table(sheet, st, half) for sheet in parts[:4]],
        [_part_table(sheet, st, half) for sheet in parts[4:]],
    ]
    sheet = Table(
        [[columns[0], "", columns[1]]],
        colWidths=[half, GUTTER, half],
        style=table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), *padding(0, 0, 0, 0)]),
        hAlign="LEFT",
    )
    title = ParagraphStyle("sheet_title", parent=st.title, fontSize=13, leading=16)
    decides = ParagraphStyle(
        "decides", parent=st.small, leftIndent=10, bulletIndent=0, spaceAfter=1
    )
    return [
        para("PRACTICE CONSULT · SCORING SHEET", _kicker(st)),
        para(brief.title, title),
        _who_line(st),
        Spacer(1, 8),
        sheet,
        Spacer(1, 4),
        keep_together(
            [
                heading(st, "How they decide"),
                *[Paragraph(markup(line), decides, bulletText="•") for line in brief.decides],
                Spacer(1, 6),
                _totals(st),
            ]
        ),
    ]


def _who_line(st: Styles) -> Table:
    label = ParagraphStyle("who", parent=st.small, textColor=MUTED)
    cells = [[para("Coordinator", label), "", para("Trainer", label), "", para("Date", label), ""]]
    widths = [0.9 * 72, 2.0 * 72, 0.6 * 72, 1.9 * 72, 0.4 * 72, 1.2 * 72]
    return Table(
        cells,
        colWidths=widths,
        style=table_style(
            [
                ("LINEBELOW", (1, 0), (1, 0), 0.6, RULE),
                ("LINEBELOW", (3, 0), (3, 0), 0.6, RULE),
                ("LINEBELOW", (5, 0), (5, 0), 0.6, RULE),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                *padding(0, 4, 2, 2),
            ]
        ),
        hAlign="LEFT",
    )


def _part_table(sheet: SheetPart, st: Styles, width: float) -> Table:
    """One part: its name and a blank for its points, the items to tick, a line for notes."""
    small = ParagraphStyle("sheet_item", parent=st.cell, fontSize=9, leading=11)
    notes = ParagraphStyle("sheet_notes", parent=small, textColor=MUTED)
    rows: list[list] = [[para(sheet.label, st.cell_bold), "", f"___ / {sheet.out_of}"]]
    for item in sheet.items:
        rows.append([TickBox(), para(item.label, small), f"{item.points} pts"])
    rows.append(["", para("Notes:", notes), ""])
    return Table(
        rows,
        colWidths=[16, width - 16 - 44, 44],
        style=table_style(
            [
                ("SPAN", (0, 0), (1, 0)),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("FONT", (2, 0), (2, 0), SANS_BOLD, 10),
                ("FONT", (2, 1), (2, -1), SANS, 8.5),
                ("TEXTCOLOR", (2, 1), (2, -1), MUTED),
                ("ALIGN", (2, 0), (2, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (1, -1), (-1, -1), 0.5, RULE),
                *padding(3, 3, 1.6, 1.6),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
            ]
        ),
        hAlign="LEFT",
        spaceAfter=4,
    )


def _totals(st: Styles) -> Table:
    """The total, the minutes and the family's decision, to fill in at the end."""
    choices = "   ".join(f"☐ {label}" for label in DECISIONS.values())
    label = ParagraphStyle("totals_label", parent=st.body, textColor=MUTED)
    rows = [
        [
            para("Total", label),
            para("______ / 100", st.body_bold),
            para("Minutes", label),
            para("______ (about 30)", st.body),
        ],
        [para("Decided", label), para(choices, st.body), "", ""],
        [para("Because of", label), para("_" * 44, st.body), "", ""],
    ]
    return Table(
        rows,
        colWidths=[0.9 * 72, 2.6 * 72, 0.8 * 72, CONTENT_WIDTH - 4.3 * 72],
        style=table_style(
            [
                ("SPAN", (1, 1), (3, 1)),
                ("SPAN", (1, 2), (3, 2)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                *padding(0, 4, 3, 3),
            ]
        ),
        hAlign="LEFT",
    )
