"""A settings list (offices, staff, fees): a table with Add, Edit and Remove.

Subclasses say which rows there are and which dialog edits one; every change
goes through a service and the table is read again afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tcdesk.errors import UserError
from tcdesk.services.desk import Desk


class TablePage(QWidget):
    changed = Signal()  # a record was added, changed or removed

    HEADERS: tuple[str, ...] = ()
    INTRO = ""
    REMOVE_WORD = "&Remove"
    RIGHT_ALIGNED: tuple[int, ...] = ()  # columns of figures

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._ids: list[str] = []
        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setHorizontalHeaderLabels(list(self.HEADERS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.add_button = QPushButton("&Add…")
        self.edit_button = QPushButton("&Edit…")
        self.remove_button = QPushButton(self.REMOVE_WORD)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.problem = QLabel("")
        self.problem.setProperty("role", "error")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        if self.INTRO:
            intro = QLabel(self.INTRO)
            intro.setWordWrap(True)
            intro.setProperty("role", "muted")
            layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    # -- for subclasses ---------------------------------------------------------------------

    def rows(self) -> Sequence[tuple[str, Sequence[str]]]:
        """(id, cells) for each record."""
        raise NotImplementedError

    def add(self) -> None:
        raise NotImplementedError

    def edit(self, record_id: str) -> None:
        raise NotImplementedError

    def remove(self, record_id: str) -> None:
        raise NotImplementedError

    # -- shared -----------------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        select = select or self.selected_id()
        rows = list(self.rows())
        self._ids = [record_id for record_id, _cells in rows]
        self.table.setRowCount(len(rows))
        for r, (_id, cells) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if c in self.RIGHT_ALIGNED:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        if select in self._ids:
            self.table.selectRow(self._ids.index(select))
        elif rows:
            self.table.selectRow(0)
        self._update_buttons()

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self._ids[rows[0].row()] if rows and rows[0].row() < len(self._ids) else None

    def select(self, record_id: str) -> None:
        if record_id in self._ids:
            self.table.selectRow(self._ids.index(record_id))

    def edit_selected(self) -> None:
        record_id = self.selected_id()
        if record_id:
            self.edit(record_id)

    def remove_selected(self) -> None:
        record_id = self.selected_id()
        if record_id is None:
            return
        self.problem.hide()
        try:
            self.remove(record_id)
        except UserError as error:
            self.problem.setText(str(error))
            self.problem.show()
            return
        self.refresh()
        self.changed.emit()

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, "Settings", question)
        return answer == QMessageBox.StandardButton.Yes

    def saved(self, record_id: str) -> None:
        """After a dialog saved: show the record and tell the window."""
        self.problem.hide()
        self.refresh(select=record_id)
        self.changed.emit()

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
