"""The progress window's two tables: one coordinator's parts, and everyone side by side.

The weakest part is marked in words ("Practise this next") as well as shaded,
so it is not told by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from tcdesk.services.training.progress import CoordinatorProgress

WEAKEST_BACKGROUND = QColor("#FDF1DC")
WEAKEST_TEXT = "Practise this next"
NO_TREND = "–"


def number(value: float | None) -> str:
    """A score as the TC reads it: one decimal at most ("67.3", "8")."""
    return "" if value is None else f"{round(value, 1):g}"


def signed(value: float | None) -> str:
    if value is None:
        return NO_TREND
    rounded = round(value, 1)
    return "±0" if rounded == 0 else f"{rounded:+g}"


def _table(name: str, headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    table.verticalHeader().setVisible(False)
    table.setShowGrid(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    table.setStyleSheet(
        "QTableWidget::item { padding: 4px 12px; } QHeaderView::section { padding: 6px 12px; }"
    )
    return table


def _align_numbers(table: QTableWidget, columns: Sequence[int]) -> None:
    """Number columns' headings right-aligned, over their numbers."""
    for column in columns:
        item = table.horizontalHeaderItem(column)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _cell(text: str, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    align = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
    item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
    return item


class PartsTable:
    """Part | Average | Out of | Trend | (weakest): one coordinator, the scorecard's order."""

    HEADERS = ("Part", "Average", "Out of", "Trend", "")

    def __init__(self) -> None:
        self.table = _table("progressParts", self.HEADERS)
        _align_numbers(self.table, (1, 2, 3))
        self.weakest_row: int | None = None

    def show(self, row: CoordinatorProgress) -> None:
        table = self.table
        table.setRowCount(len(row.parts))
        self.weakest_row = None
        for index, part in enumerate(row.parts):
            cells = [
                _cell(part.label),
                _cell(number(part.average), right=True),
                _cell(str(part.out_of), right=True),
                _cell(signed(part.trend), right=True),
                _cell(WEAKEST_TEXT if part.part is row.weakest else ""),
            ]
            if part.part is row.weakest:
                self.weakest_row = index
                bold = QFont(table.font())
                bold.setBold(True)
                for cell in cells:
                    cell.setBackground(QBrush(WEAKEST_BACKGROUND))
                    cell.setFont(bold)
            for column, cell in enumerate(cells):
                table.setItem(index, column, cell)
        _fit_height(table)


class PeopleTable:
    """Coordinator | Consults | Average | Trend | Weakest part: the owner's view."""

    HEADERS = ("Coordinator", "Consults", "Average", "Trend", "Weakest part")

    def __init__(self) -> None:
        self.table = _table("progressPeople", self.HEADERS)
        _align_numbers(self.table, (1, 2, 3))

    def show(self, rows: Sequence[CoordinatorProgress]) -> None:
        table = self.table
        table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            weakest = next((p.label for p in row.parts if p.part is row.weakest), "")
            cells = [
                _cell(row.name),
                _cell(str(len(row.sessions)), right=True),
                _cell(number(row.average_total) or "not yet", right=True),
                _cell(signed(row.trend) if row.sessions else "", right=True),
                _cell(weakest),
            ]
            cells[0].setData(Qt.ItemDataRole.UserRole, row.coordinator_id)
            for column, cell in enumerate(cells):
                table.setItem(index, column, cell)
        _fit_height(table)


def _fit_height(table: QTableWidget) -> None:
    """Tall enough for every row: the window scrolls, not the table."""
    table.resizeRowsToContents()
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setFixedHeight(rows + table.horizontalHeader().sizeHint().height() + 4)
