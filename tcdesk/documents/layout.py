"""Shared page furniture: styles, the letterhead, headings, the paged canvas.

US Letter, 0.75 in side margins, 10 pt DejaVu Sans body. One accent colour
(the practice's brand colour, darkened when too light to read) for headings;
everything else is near-black on white so it prints well in grey.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    HRFlowable,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from tcdesk.documents.fonts import SANS, SANS_BOLD, draw_string, markup, sans, string_width
from tcdesk.documents.images import load_picture

PAGE_WIDTH, PAGE_HEIGHT = LETTER
SIDE_MARGIN = 0.75 * inch
TOP_MARGIN = 0.6 * inch
BOTTOM_MARGIN = 0.8 * inch
CONTENT_WIDTH = PAGE_WIDTH - 2 * SIDE_MARGIN

INK = colors.HexColor("#1E2429")
MUTED = colors.HexColor("#5A6570")
RULE = colors.HexColor("#B8C0C8")
SHADE = colors.HexColor("#EEF1F4")
VOID_RED = colors.HexColor("#B3261E")
DEFAULT_ACCENT = "#1F6F8B"


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    body_bold: ParagraphStyle
    small: ParagraphStyle
    tiny: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    cell_right_bold: ParagraphStyle
    letterhead_name: ParagraphStyle
    letterhead: ParagraphStyle
    accent: colors.Color


def accent_color(brand: str) -> colors.Color:
    """The brand colour, darkened until it reads as text on white."""
    try:
        color = colors.HexColor(brand or DEFAULT_ACCENT)
    except (ValueError, TypeError):
        color = colors.HexColor(DEFAULT_ACCENT)
    red, green, blue = color.red, color.green, color.blue
    while 0.2126 * red + 0.7152 * green + 0.0722 * blue > 0.45:
        red, green, blue = red * 0.85, green * 0.85, blue * 0.85
    return colors.Color(red, green, blue)


@functools.lru_cache(maxsize=8)
def styles(brand: str = DEFAULT_ACCENT) -> Styles:
    sans()
    accent = accent_color(brand)
    body = ParagraphStyle(
        "body", fontName=SANS, fontSize=10, leading=13.6, textColor=INK, spaceAfter=4
    )
    cell = ParagraphStyle("cell", parent=body, spaceAfter=0, leading=12.8)
    return Styles(
        body=body,
        body_bold=ParagraphStyle("body_bold", parent=body, fontName=SANS_BOLD),
        small=ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, textColor=MUTED),
        tiny=ParagraphStyle("tiny", parent=body, fontSize=8, leading=10, spaceAfter=0),
        title=ParagraphStyle(
            "title", parent=body, fontName=SANS_BOLD, fontSize=17, leading=21, spaceAfter=2
        ),
        subtitle=ParagraphStyle("subtitle", parent=body, fontSize=10, textColor=MUTED),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName=SANS_BOLD,
            fontSize=11.5,
            leading=15,
            textColor=accent,
            spaceBefore=10,
            spaceAfter=2,
        ),
        subheading=ParagraphStyle(
            "subheading", parent=body, fontName=SANS_BOLD, spaceBefore=4, spaceAfter=2
        ),
        bullet=ParagraphStyle(
            "bullet", parent=body, leftIndent=14, bulletIndent=3, spaceAfter=3, bulletFontName=SANS
        ),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=SANS_BOLD),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        cell_right_bold=ParagraphStyle(
            "cell_right_bold", parent=cell, alignment=TA_RIGHT, fontName=SANS_BOLD
        ),
        letterhead_name=ParagraphStyle(
            "letterhead_name",
            parent=body,
            fontName=SANS_BOLD,
            fontSize=12,
            leading=15,
            alignment=TA_RIGHT,
            spaceAfter=0,
        ),
        letterhead=ParagraphStyle(
            "letterhead",
            parent=body,
            fontSize=9,
            leading=11.5,
            alignment=TA_RIGHT,
            textColor=MUTED,
            spaceAfter=0,
        ),
        accent=accent,
    )


def padding(left: float, right: float, top: float, bottom: float) -> list[tuple]:
    """The four padding commands for every cell of a table, in one line where it is used."""
    return [
        ("LEFTPADDING", (0, 0), (-1, -1), left),
        ("RIGHTPADDING", (0, 0), (-1, -1), right),
        ("TOPPADDING", (0, 0), (-1, -1), top),
        ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
    ]


def table_style(commands: Sequence[tuple]) -> TableStyle:
    """A table style whose plain-string cells use the embedded font.

    reportlab's default cell font is Helvetica, which is never embedded: even
    an empty cell would pull it into the PDF.
    """
    return TableStyle([("FONT", (0, 0), (-1, -1), SANS, 10), *commands])


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain ``text`` (escaped; CJK runs in the CJK font)."""
    return Paragraph(markup(text), style)


def letterhead(
    st: Styles,
    *,
    logo_path: str,
    name: str,
    address_lines: Sequence[str],
    phone: str,
    extra: Sequence[str] = (),
) -> list[Flowable]:
    """Logo on the left; practice name, office address and phone on the right."""
    right: list[Flowable] = [para(name, st.letterhead_name)]
    right += [para(line, st.letterhead) for line in address_lines if line]
    if phone:
        right.append(para(phone, st.letterhead))
    right += [para(line, st.letterhead) for line in extra if line]
    logo: Flowable | str = ""
    if logo_path:
        logo = load_picture(logo_path, "logo").fitted(2.6 * inch, 0.75 * inch)
    table = Table(
        [[logo, right]],
        colWidths=[CONTENT_WIDTH * 0.5, CONTENT_WIDTH * 0.5],
        style=table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (0, 0), "LEFT"),
                *padding(0, 0, 0, 0),
            ]
        ),
    )
    return [
        table,
        Spacer(1, 6),
        HRFlowable(width="100%", thickness=1.2, color=st.accent, spaceBefore=0, spaceAfter=10),
    ]


def heading(st: Styles, title: str, width: float = CONTENT_WIDTH) -> Flowable:
    """A section heading with a hairline under it, as one flowable."""
    table = Table(
        [[para(title, st.heading)]],
        colWidths=[width],
        style=table_style(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                *padding(0, 0, 8, 3),
            ]
        ),
    )
    table.spaceAfter = 5
    return table


def keep_together(flowables: Sequence[Flowable]) -> KeepTogether:
    """``KeepTogether`` without nesting: reportlab forces a page break for a nested one."""
    flat: list[Flowable] = []
    for flowable in flowables:
        if isinstance(flowable, KeepTogether):
            flat.extend(flowable._content)
        else:
            flat.append(flowable)
    return KeepTogether(flat)


def address_lines(address: str) -> list[str]:
    """``412 Maple Avenue, Suite 200, Westerville, OH 43081`` on two lines."""
    parts = [part.strip() for part in address.split(",") if part.strip()]
    if len(parts) <= 2:
        return [", ".join(parts)] if parts else []
    return [", ".join(parts[:-2]), ", ".join(parts[-2:])]


def section(
    st: Styles, title: str, content: Sequence[Flowable], *, room: float | None = None
) -> list[Flowable]:
    """A heading kept on the page with its content.

    With ``room`` the content may run over pages (a long table): the section
    then starts on a new page only when less than ``room`` is left.
    """
    if room is None:
        return [keep_together([heading(st, title), *content])]
    return [CondPageBreak(room), heading(st, title), *content]


def facts_table(
    st: Styles,
    rows: Sequence[tuple[str, str]],
    label_width: float,
    width: float = CONTENT_WIDTH,
) -> Table:
    """Label / value rows (labels muted), for who and what."""
    label_style = ParagraphStyle("label", parent=st.cell, fontSize=9, textColor=MUTED)
    data = [[para(label, label_style), para(value, st.cell)] for label, value in rows]
    return Table(
        data,
        colWidths=[label_width, width - label_width],
        style=table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *padding(0, 6, 1.5, 1.5),
            ]
        ),
        hAlign="LEFT",
    )


Footer = Callable[[pdf_canvas.Canvas, int, int], None]


class PagedCanvas(pdf_canvas.Canvas):
    """Holds pages until the end so each footer can say "Page X of Y".

    ``footer(canvas, page, total)`` draws the footer (and any watermark) of
    each page. ``stamp`` fixes the PDF's creation date, so the same document
    data always gives the same bytes (with ``invariant``).
    """

    def __init__(self, *args, footer: Footer, stamp: date | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages: list[dict] = []
        if stamp is not None:
            stamp_time = self._doc._timeStamp
            stamp_time.YMDhms = (stamp.year, stamp.month, stamp.day, 12, 0, 0)
            stamp_time.dhh = stamp_time.dmm = 0

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._footer(self, self._pageNumber, total)
            super().showPage()
        super().save()


def document(buffer, *, title: str, author: str, subject: str) -> BaseDocTemplate:
    """A Letter document whose one frame is exactly ``CONTENT_WIDTH`` wide (no padding)."""
    frame = Frame(
        SIDE_MARGIN,
        BOTTOM_MARGIN,
        CONTENT_WIDTH,
        PAGE_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    return BaseDocTemplate(
        buffer,
        pagesize=LETTER,
        leftMargin=SIDE_MARGIN,
        rightMargin=SIDE_MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        pageTemplates=[PageTemplate(id="page", frames=[frame])],
        title=title,
        author=author,
        subject=subject,
        creator="tcdesk",
        invariant=1,
        initialFontName=SANS,
    )


def canvas_maker(footer: Footer, stamp: date | None) -> Callable[..., PagedCanvas]:
    return functools.partial(PagedCanvas, footer=footer, stamp=stamp)


def draw_footer(
    canvas: pdf_canvas.Canvas,
    page: int,
    total: int,
    *,
    left: str,
    void: bool = False,
    page_words: str = "Page {page} of {total}",
    void_word: str = "VOID",
) -> None:
    """``left`` text and "Page X of Y" under a hairline; a VOID mark when ``void``."""
    canvas.saveState()
    y = BOTTOM_MARGIN - 0.38 * inch
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(SIDE_MARGIN, y + 11, PAGE_WIDTH - SIDE_MARGIN, y + 11)
    canvas.setFillColor(MUTED)
    right = page_words.format(page=page, total=total)
    width = string_width(right, 8.5)
    draw_string(canvas, PAGE_WIDTH - SIDE_MARGIN - width, y, right, 8.5)
    word = void_word
    if void:
        width += 14 + string_width(word, 8.5, SANS_BOLD)
    room = CONTENT_WIDTH - width - 18
    size = 8.5
    while size > 6 and string_width(left, size) > room:
        size -= 0.5  # a long name: smaller type rather than overprinting
    draw_string(canvas, SIDE_MARGIN, y, left, size)
    if void:
        canvas.setFillColor(VOID_RED)
        draw_string(canvas, PAGE_WIDTH - SIDE_MARGIN - width, y, word, 8.5, SANS_BOLD)
        canvas.setFillAlpha(0.16)
        canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canvas.rotate(35)
        canvas.setFont(SANS_BOLD, 150)
        canvas.drawCentredString(0, -50, word)
    canvas.restoreState()
