"""The agreement tcdesk prints, as plain JSON its benchmark peers lay out again.

``dump(store, consult_id)`` gathers the consult's agreement through tcdesk
(``agreement_data``, the default terms) and walks the story
``build_agreement_pdf`` lays out: every paragraph with its text (reportlab
markup) and its style's font, size, leading and colour; every table with its
cells, column widths and style commands; what is kept together; the spacers
and rules. The peers (``peer_agreement_reportlab.py``, ``peer_agreement_docx.py``)
read only this JSON, so they print the same words in the same order without
importing tcdesk. The logo is the one thing left out: drawing an SVG is not
plain reportlab (the peers print the practice's name in its place).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from tcdesk.documents import agreement_pdf
from tcdesk.documents.agreement_terms import default_terms_template, terms_context
from tcdesk.documents.fonts import SANS, SANS_BOLD
from tcdesk.documents.layout import styles
from tcdesk.documents.textblocks import render_blocks, render_text_blocks
from tcdesk.services.agreement_data import agreement_data
from tcdesk.services.clock import system_clock
from tcdesk.services.desk import Desk

FONTS = {SANS: "regular", SANS_BOLD: "bold"}


def dump(store: Path, consult_id: str) -> dict[str, Any]:
    """The story of ``consult_id``'s agreement (version 1, as its first build prints it)."""
    desk = Desk.open(store, system_clock)
    try:
        data = agreement_data(desk, consult_id)
    finally:
        desk.close()
    agreement_pdf.sans()
    if data.terms_text:
        terms = render_text_blocks(data.terms_text, terms_context(data), "the practice's terms")
    else:
        terms = render_blocks(default_terms_template(), terms_context(data))
    story = _recording_styles(lambda: agreement_pdf._story(data, styles(data.brand_color), terms))
    return {
        "title": data.title,
        "author": data.practice_name,
        "practice_name": data.practice_name,
        "footer": (
            f"{agreement_pdf.TITLE} {data.number} · Version {data.version} · "
            f"{data.patient_legal_name}"
        ),
        "story": [node for node in map(_node, story) if node is not None],
    }


def _recording_styles(build):
    """``build()`` with each table keeping the style commands it was given (for the dump)."""
    original = Table.setStyle

    def recording(table: Table, style: Any) -> None:
        commands = style.getCommands() if hasattr(style, "getCommands") else style
        table.__dict__.setdefault("bench_commands", []).extend(commands)
        original(table, style)

    Table.setStyle = recording
    try:
        return build()
    finally:
        Table.setStyle = original


def _node(flowable: Flowable | str) -> dict[str, Any] | str | None:
    if isinstance(flowable, str):
        return flowable
    if isinstance(flowable, Paragraph):
        style = flowable.style
        return {
            "p": flowable.text,
            "font": FONTS.get(style.fontName, "regular"),
            "size": style.fontSize,
            "leading": style.leading,
            "color": _color(style.textColor),
            "align": style.alignment,
            "before": style.spaceBefore,
            "after": style.spaceAfter,
            "indent": style.leftIndent,
            "bullet": getattr(flowable, "bulletText", None),
        }
    if isinstance(flowable, Table):
        return {
            "table": [[_cell(cell) for cell in row] for row in flowable._cellvalues],
            "widths": list(flowable._colWidths),
            "heights": list(flowable._argH),
            "repeat": flowable.repeatRows,
            "style": [_command(command) for command in flowable.__dict__.get("bench_commands", [])],
            "align": flowable.hAlign,
        }
    if isinstance(flowable, KeepTogether):
        return {"keep": [node for node in map(_node, flowable._content) if node is not None]}
    if isinstance(flowable, CondPageBreak):
        return {"room": flowable.height}
    if isinstance(flowable, Spacer):
        return {"space": flowable.height}
    if isinstance(flowable, HRFlowable):
        return {"rule": _color(flowable.color)}
    return None  # the logo


def _cell(cell: Any) -> Any:
    if isinstance(cell, list | tuple):
        return [node for node in map(_node, cell) if node is not None]
    if isinstance(cell, Flowable):
        node = _node(cell)
        return [] if node is None else [node]
    return "" if cell is None else str(cell)


def _command(command: tuple) -> list[Any]:
    name, start, stop, *args = command
    return [name, list(start), list(stop), *(_value(arg) for arg in args)]


def _value(value: Any) -> Any:
    if isinstance(value, colors.Color):
        return {"color": _color(value)}
    if isinstance(value, str):
        return FONTS.get(value, value)
    return value


def _color(value: colors.Color | None) -> str | None:
    return None if value is None else value.hexval()[2:]
