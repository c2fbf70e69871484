"""The follow-up queue: who to contact next, most urgent first, and why, in words.

Ranked as ``services.follow_up_queue`` says. Overdue rows are tinted a calm
red and say "Overdue 3 days" (never colour alone). "Mine" shows this TC's
families, "Everyone" the practice's. A row, then L (or Enter, or a
double-click) opens the contact dialog; Enter there logs it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tcdesk.formatting import medium_date
from tcdesk.services.desk import Desk
from tcdesk.services.follow_up_queue import DEFAULT_PAGE, Queue, QueueItem, load_queue
from tcdesk.ui.accessibility import describe, name_controls
from tcdesk.ui.pipeline.contact_dialog import ContactDialog
from tcdesk.ui.pipeline.lead_booking import LeadBooking

OVERDUE_BACKGROUND = QColor("#FBE6E2")  # calm, clearly not white
OVERDUE_TEXT = QColor("#8C2A1B")
HEADERS = ("Due", "Family", "Kind", "Why it ranks here", "TC", "Phone or email")
LOG_KEYS = ("L",)

Index = QModelIndex | QPersistentModelIndex


def due_words(item: QueueItem, today: date) -> str:
    if item.overdue:
        days = item.overdue_days
        return f"Overdue {days} day{'s' if days != 1 else ''}"
    return "Today" if item.due_on == today else medium_date(item.due_on)


class QueueModel(QAbstractTableModel):
    """The queue a page at a time: scrolling to the end reads the next page."""

    def __init__(self, load: Callable[[int], Queue] | None = None) -> None:
        super().__init__()
        self.items: tuple[QueueItem, ...] = ()
        self.total = 0
        self.today = date.min
        self._load = load

    def show(self, queue: Queue) -> None:
        self.beginResetModel()
        self.items = queue.items
        self.total = queue.counts.total
        self.today = queue.today
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._load is not None and len(self.items) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self._load is None or parent.isValid():
            return
        queue = self._load(len(self.items) + DEFAULT_PAGE)
        more = queue.items[len(self.items) :]
        if not more:
            self.total = len(self.items)
            return
        self.beginInsertRows(QModelIndex(), len(self.items), len(self.items) + len(more) - 1)
        self.items = self.items + more
        self.total = queue.counts.total
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = 0):
        item = self.items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                due_words(item, self.today),
                item.name,
                item.kind_label,
                item.reasons,
                item.owner,
                item.phone or item.email,
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            reach = " · ".join(x for x in (item.phone, item.email) if x)
            return f"{item.name}: {item.reasons}" + (f"\n{reach}" if reach else "")
        if role == Qt.ItemDataRole.BackgroundRole and item.overdue:
            return QBrush(OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and item.overdue and column == 0:
            return QBrush(OVERDUE_TEXT)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{item.name}, {item.kind_label}, {item.reasons}"
        return None


class QueueWindow(QWidget):
    """``changed`` after a contact is logged (the desk's count refreshes)."""

    changed = Signal()
    said = Signal(str)

    def __init__(
        self,
        desk: Desk,
        today_of: Callable[[], date],
        me_id: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("queueWindow")
        self.setWindowTitle("Follow-up queue")
        self._desk = desk
        self._today_of = today_of
        self._me_id = me_id
        heading = QLabel("Follow-up queue")
        heading.setProperty("role", "heading")
        self.counts = QLabel("")
        self.counts.setObjectName("queueCounts")
        self.mine = QRadioButton("&Mine")
        self.mine.setObjectName("queueMine")
        self.everyone = QRadioButton("&Everyone")
        self.everyone.setObjectName("queueEveryone")
        group = QButtonGroup(self)
        group.addButton(self.mine)
        group.addButton(self.everyone)
        self.set_me(me_id)
        self.mine.toggled.connect(lambda _on: self.refresh())
        self.model = QueueModel(
            lambda limit: load_queue(self._desk, owner_id=self.owner_id(), limit=limit)
        )
        self.table = QTableView()
        self.table.setObjectName("queueTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.log_selected())
        describe(
            self.table,
            "Follow-up queue",
            "Most urgent first; L or Enter logs a contact with the chosen family",
        )
        self.log_button = QPushButton("&Log a contact…")
        self.log_button.setObjectName("queueLog")
        self.log_button.setToolTip("Log a call, text, email… with the chosen family (L, Enter)")
        self.log_button.clicked.connect(self.log_selected)
        self.book_button = QPushButton("&Book consult…")
        self.book_button.setObjectName("queueBook")
        self.book_button.setToolTip(
            "For a lead: the new family filled from it, then the booking (B)"
        )
        self.book_button.clicked.connect(self.book_selected)
        self.note = QLabel("")
        self.note.setObjectName("queueNote")
        self.note.setProperty("role", "muted")
        for keys in (*LOG_KEYS, "Return", "Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.log_selected)
        close = QShortcut(QKeySequence("Esc"), self)
        close.activated.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addSpacing(16)
        top.addWidget(self.counts)
        top.addStretch(1)
        top.addWidget(QLabel("Show:"))
        top.addWidget(self.mine)
        top.addWidget(self.everyone)
        keys = QLabel("Up/Down choose · L or Enter: log a contact · B: book a lead's consult")
        keys.setObjectName("queueKeys")
        keys.setProperty("role", "muted")
        bottom = QHBoxLayout()
        bottom.addWidget(keys)
        bottom.addSpacing(16)
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.book_button)
        bottom.addWidget(self.log_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        QWidget.setTabOrder(self.mine, self.everyone)
        QWidget.setTabOrder(self.everyone, self.table)
        QWidget.setTabOrder(self.table, self.book_button)
        QWidget.setTabOrder(self.book_button, self.log_button)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection())
        book_key = QShortcut(QKeySequence("B"), self.table)
        book_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        book_key.activated.connect(self.book_selected)
        self.booking: LeadBooking | None = None
        self.resize(1180, 640)
        name_controls(self)
        self.dialog: ContactDialog | None = None
        self.refresh()

    def set_me(self, me_id: str | None) -> None:
        """Whose families "Mine" shows; with nobody, only "Everyone" can be chosen."""
        changed = me_id != self._me_id or not (self.mine.isChecked() or self.everyone.isChecked())
        self._me_id = me_id
        self.mine.setEnabled(me_id is not None)
        self.mine.setToolTip(
            "" if me_id else "Sign in (or choose this desk's TC in Settings) to see yours"
        )
        if changed:
            blocked = self.mine.blockSignals(True)
            (self.mine if me_id else self.everyone).setChecked(True)
            self.mine.blockSignals(blocked)

    def owner_id(self) -> str | None:
        return self._me_id if self.mine.isChecked() else None

    def refresh(self, keep_row: int = 0) -> None:
        shown = max(len(self.model.items), DEFAULT_PAGE) if keep_row else DEFAULT_PAGE
        queue = load_queue(self._desk, owner_id=self.owner_id(), limit=shown)
        self.model.show(queue)
        counts = queue.counts
        whose = "Yours" if self.owner_id() else "Everyone's"
        self.counts.setText(
            f"{whose}: {counts.total} to follow up · {counts.overdue} overdue · "
            f"{counts.due} due by today"
        )
        if queue.items:
            self.table.selectRow(min(keep_row, len(queue.items) - 1))
        self.table.resizeColumnsToContents()

    def _selection(self) -> None:
        item = self.selected()
        self.book_button.setEnabled(item is not None and item.lead_id is not None)

    def book_selected(self) -> LeadBooking | None:
        """A lead's consult: the family form filled from the lead, then the booking."""
        item = self.selected()
        if item is None or item.lead_id is None:
            self.note.setText("Choose a lead to book its consult.")
            return None
        booking = LeadBooking(self._desk, item.lead_id, self._today_of(), self)
        booking.booked.connect(self._lead_booked)
        booking.failed.connect(self.note.setText)
        self.booking = booking
        booking.start()
        return booking

    def _lead_booked(self, message: str) -> None:
        self.refresh()
        self.note.setText(message)
        self.said.emit(message)
        self.changed.emit()

    def selected(self) -> QueueItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.items[rows[0].row()] if rows else None

    def log_selected(self) -> ContactDialog | None:
        item = self.selected()
        if item is None:
            self.note.setText("Choose a family first (Up and Down).")
            return None
        row = self.table.selectionModel().selectedRows()[0].row()
        dialog = ContactDialog(self._desk, item, self._today_of(), self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._logged(dialog, row))
        dialog.open()
        return dialog

    def _logged(self, dialog: ContactDialog, row: int) -> None:
        if dialog.logged is None:
            return
        message = f"{self._item_name(dialog)}: {dialog.logged.message}"
        self.refresh(keep_row=row)
        self.note.setText(message)
        self.said.emit(message)
        self.changed.emit()
        self.table.setFocus()

    @staticmethod
    def _item_name(dialog: ContactDialog) -> str:
        return dialog.windowTitle().removeprefix("Log a contact: ")
