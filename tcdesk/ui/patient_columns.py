"""The patient list's column widths: fitted once to what each column can hold.

Sizing to the rows shown (``ResizeToContents``) measured every cell on every
keystroke and made the columns jump as the list changed under the TC's typing.
Widths come from the longest text a column can show instead; the TC may still
drag them (and the desk remembers), the last column takes what is left.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

from tcdesk.formatting import medium_date
from tcdesk.ui.patient_list import BIRTH_NOT_ASKED, COLUMNS, STATUS_LABELS, TODAYS_CONSULT

# A long name as the list shows it ("Last, First"), the demo's; longer ones are elided.
LONG_NAME = "Martínez-Reyes, Zoë"
LONG_RESPONSIBLE = "Renée Martínez-Reyes"
DAY_STATES = ("Presenting now", "Here since 12:45 PM", "Booked, late")  # services.today_board
HEADER_PADDING = 2 * 6 + 12  # style.py's section padding, its border and the sort arrow's room
CELL_PADDING = 8  # the delegate's text margins, and room to breathe
LAST_AT_LEAST = 40  # the last column stretches; in a narrow window it gives way first


def column_samples(office_names: Iterable[str]) -> list[tuple[str, ...]]:
    """Per column, the texts it must show whole (headers included)."""
    return [
        (COLUMNS[0], LONG_NAME),
        (COLUMNS[1], BIRTH_NOT_ASKED, "100"),
        (COLUMNS[2], TODAYS_CONSULT, "Today 12:30 PM", medium_date(date(2026, 12, 30))),
        (COLUMNS[3], *STATUS_LABELS.values(), *DAY_STATES),
        (COLUMNS[4], *office_names),
        (COLUMNS[5], LONG_RESPONSIBLE),
    ]


def fit_columns(table: QTableView, office_names: Iterable[str]) -> int:
    """Set each column's width from its samples, once; the TC's dragging still works.
    The table's width that shows them all, the last column at its heading's width."""
    table.ensurePolished()
    header = table.horizontalHeader()
    header.ensurePolished()
    bold = QFont(header.font())
    bold.setWeight(QFont.Weight.DemiBold)  # style.py's sections are font-weight 600
    heading, cells = QFontMetrics(bold), table.fontMetrics()
    margin = CELL_PADDING + 2 * table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin)
    draggable(table)
    samples = column_samples(office_names)
    for column, texts in enumerate(samples):
        title, rest = texts[0], texts[1:]
        width = max(
            [
                heading.horizontalAdvance(title) + HEADER_PADDING,
                *(cells.horizontalAdvance(text) + margin for text in rest),
            ]
        )
        header.resizeSection(column, width)
    scroll_bar = table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    natural = header.length() + scroll_bar + 2 * table.frameWidth()
    header.resizeSection(len(samples) - 1, LAST_AT_LEAST)
    return natural


def widen_office_column(table: QTableView, office_names: Iterable[str]) -> None:
    """After an office is added or renamed: the Office column as wide as its longest
    name, never narrower than the TC left it (their other widths stay as they are)."""
    office = COLUMNS.index("Office")
    table.ensurePolished()
    margin = CELL_PADDING + 2 * table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin)
    needed = max(
        (table.fontMetrics().horizontalAdvance(n) + margin for n in office_names), default=0
    )
    header = table.horizontalHeader()
    if header.sectionSize(office) < needed:
        header.resizeSection(office, needed)


def draggable(table: QTableView) -> None:
    """Widths the TC sets, the last column stretched (also after a saved header state
    from an older desk, which sized every column to its rows, is restored)."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
