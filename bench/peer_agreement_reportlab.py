"""A bare reportlab script that prints the agreement: the floor ``tcdesk agreement`` is held to.

``python bench/peer_agreement_reportlab.py CONTENT.json OUT.pdf``

Plain reportlab and nothing else (no tcdesk, no store): the same DejaVu Sans
files, registered fresh; the JSON of ``agreement_content.py`` laid out again
as paragraphs, tables (the payment schedule repeats its header), what is kept
together, spacers and rules, on US Letter with the same margins, the footer
with "Page X of Y", compressed as tcdesk's are. It is what a developer would
write by hand to print this one document, which is why it is the floor.
"""

from __future__ import annotations

import json
import sys

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    CondPageBreak,
    HRFlowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
)

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
FONTS = {"regular": "DejaVuSans", "bold": "DejaVuSans-Bold"}
SIDE, TOP, BOTTOM = 0.75 * inch, 0.6 * inch, 0.8 * inch


class NumberedCanvas(canvas.Canvas):
    """Keeps each page until the end, then draws "Page X of Y" on all of them."""

    footer = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pages = []

    def showPage(self):
        self.pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self.pages)
        for number, page in enumerate(self.pages, 1):
            self.__dict__.update(page)
            self.setFont(FONTS["regular"], 8.5)
            self.setFillColor(colors.HexColor("#5a6570"))
            y = BOTTOM - 0.38 * inch
            self.drawString(SIDE, y, self.footer)
            self.drawRightString(LETTER[0] - SIDE, y, f"Page {number} of {total}")
            super().showPage()
        super().save()


def flowable(node):
    if isinstance(node, str):
        return node
    if "p" in node:
        style = ParagraphStyle(
            "p",
            fontName=FONTS[node["font"]],
            fontSize=node["size"],
            leading=node["leading"],
            textColor=colors.HexColor("#" + node["color"]),
            alignment=node["align"],
            spaceBefore=node["before"],
            spaceAfter=node["after"],
            leftIndent=node["indent"],
        )
        return Paragraph(node["p"], style, bulletText=node["bullet"])
    if "table" in node:
        rows = [[cell if isinstance(cell, str) else [flowable(n) for n in cell] for cell in row]
                for row in node["table"]]  # fmt: skip
        return Table(
            rows,
            colWidths=node["widths"],
            rowHeights=node["heights"],
            repeatRows=node["repeat"],
            style=[command(c) for c in node["style"]],
            hAlign=node["align"],
        )
    if "keep" in node:
        return KeepTogether([flowable(n) for n in node["keep"]])
    if "room" in node:
        return CondPageBreak(node["room"])
    if "space" in node:
        return Spacer(1, node["space"])
    return HRFlowable(width="100%", color=colors.HexColor("#" + node["rule"]))


def command(entry):
    name, start, stop, *args = entry
    values = []
    for arg in args:
        if isinstance(arg, dict):
            values.append(colors.HexColor("#" + arg["color"]))
        else:
            values.append(FONTS.get(arg, arg) if isinstance(arg, str) else arg)
    return (name, tuple(start), tuple(stop), *values)


def main(content_path: str, out: str) -> None:
    with open(content_path, encoding="utf-8") as file:
        content = json.load(file)
    for key, name in FONTS.items():
        pdfmetrics.registerFont(TTFont(name, f"{FONT_DIR}{name}.ttf"))
        FONTS[key] = name
    pdfmetrics.registerFontFamily(FONTS["regular"], normal=FONTS["regular"], bold=FONTS["bold"])
    NumberedCanvas.footer = content["footer"]
    doc = SimpleDocTemplate(
        out,
        pagesize=LETTER,
        leftMargin=SIDE,
        rightMargin=SIDE,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=content["title"],
        author=content["author"],
    )
    doc.build([flowable(node) for node in content["story"]], canvasmaker=NumberedCanvas)


if __name__ == "__main__":
    main(*sys.argv[1:3])
