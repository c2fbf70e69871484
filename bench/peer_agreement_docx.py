"""The agreement as a Word file (python-docx), for LibreOffice to convert to PDF: the slow peer.

``python bench/peer_agreement_docx.py CONTENT.json OUT.docx``

Many practices' agreements are a .docx template filled in and converted with
``soffice --headless --convert-to pdf``. This writes the same content as
``agreement_content.py`` dumps (paragraphs with their size and weight, bold
runs, bullets, the tables with nested tables in their cells, the schedule's
header row repeated on each page, the footer with "Page X of Y" as fields),
in DejaVu Sans, on US Letter with the same margins. Needs the ``bench`` extra
(``pip install -e '.[bench]'``) and, to convert, ``apt-get install
libreoffice-writer-nogui``.
"""

from __future__ import annotations

import html
import json
import re
import sys

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

ALIGN = {0: WD_ALIGN_PARAGRAPH.LEFT, 1: WD_ALIGN_PARAGRAPH.CENTER, 2: WD_ALIGN_PARAGRAPH.RIGHT}
BOLD = re.compile(r"(<b>.*?</b>)")
TAG = re.compile(r"<[^>]+>")


def add_paragraph(container, node) -> None:
    style = "List Bullet" if node["bullet"] else None
    paragraph = container.add_paragraph(style=style)
    paragraph.alignment = ALIGN.get(node["align"], WD_ALIGN_PARAGRAPH.LEFT)
    paragraph.paragraph_format.space_before = Pt(node["before"])
    paragraph.paragraph_format.space_after = Pt(node["after"])
    paragraph.paragraph_format.line_spacing = Pt(node["leading"])
    for piece in BOLD.split(node["p"]):
        if not piece:
            continue
        run = paragraph.add_run(html.unescape(TAG.sub("", piece)))
        run.bold = node["font"] == "bold" or piece.startswith("<b>")
        run.font.size = Pt(node["size"])
        run.font.color.rgb = RGBColor.from_string(node["color"].upper())


def add_table(container, node) -> None:
    rows = node["table"]
    table = container.add_table(rows=len(rows), cols=len(rows[0]))
    table.autofit = False
    if node["repeat"]:
        header = table.rows[0]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        header.append(repeat)
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, width, value in zip(row.cells, node["widths"], cells, strict=True):
            cell.width = Pt(width)
            if isinstance(value, str):
                cell.paragraphs[0].add_run(value).font.size = Pt(9.5)
                continue
            for child in value:
                add(cell, child)


def add(container, node) -> None:
    if isinstance(node, str):
        container.add_paragraph(node)
    elif "p" in node:
        add_paragraph(container, node)
    elif "table" in node:
        add_table(container, node)
    elif "keep" in node:
        for child in node["keep"]:
            add(container, child)


def page_field(paragraph, code: str) -> None:
    """A PAGE or NUMPAGES field, worked out by the word processor when it lays out."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), code)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def main(content_path: str, out: str) -> None:
    with open(content_path, encoding="utf-8") as file:
        content = json.load(file)
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = "DejaVu Sans"
    normal.font.size = Pt(10)
    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    section.left_margin = section.right_margin = Inches(0.75)
    section.top_margin, section.bottom_margin = Inches(0.6), Inches(0.8)
    document.core_properties.title = content["title"]
    document.core_properties.author = content["author"]
    footer = section.footer.paragraphs[0]
    footer.add_run(content["footer"] + "\tPage ").font.size = Pt(8.5)
    page_field(footer, "PAGE")
    footer.add_run(" of ").font.size = Pt(8.5)
    page_field(footer, "NUMPAGES")
    for node in content["story"]:
        add(document, node)
    document.save(out)


if __name__ == "__main__":
    main(*sys.argv[1:3])
