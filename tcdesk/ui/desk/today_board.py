"""The today board on the desk: here, presenting, still to come, could start today.

Four lists with counts, read in one call (services.today_board). From it a
TC checks a family in (Check in, or Enter on "Still to come") and presents
them (Present, or Enter on "Here", "Presenting" or "Could start today").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tcdesk.errors import UserError
from tcdesk.formatting import clock_time
from tcdesk.services.desk import Desk
from tcdesk.services.practice_lookup import offices
from tcdesk.services.schedule import check_in
from tcdesk.services.today_board import BoardEntry, TodayBoard, today_board

REFRESH_MS = 60_000  # late families and finished sessions show without a click


class TodayBoardWidget(QWidget):
    def __init__(
        self,
        desk: Desk,
        today: date,
        on_present: Callable[[str], None],
        on_change: Callable[[], None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("todayBoard")
        self._desk = desk
        self.today = today
        self._on_present = on_present
        self._on_change = on_change
        self.board: TodayBoard | None = None
        self.lists: dict[str, QListWidget] = {}
        self.headings: dict[str, QLabel] = {}
        self.office = QComboBox()
        self.office.setObjectName("boardOffice")
        self._fill_offices()
        self.office.currentIndexChanged.connect(lambda _i: self.refresh())
        self.title = QLabel("Today")
        self.title.setProperty("role", "subheading")
        self.message = QLabel("")
        self.message.setObjectName("boardMessage")
        self.message.setProperty("role", "muted")
        self.check_in_button = QPushButton("Check &in")
        self.check_in_button.setObjectName("boardCheckIn")
        self.check_in_button.clicked.connect(self.check_in_selected)
        self.present_button = QPushButton("&Present")
        self.present_button.setObjectName("boardPresent")
        self.present_button.clicked.connect(self.present_selected)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title)
        top.addWidget(self.office)
        top.addWidget(self.message, 1)
        top.addWidget(self.check_in_button)
        top.addWidget(self.present_button)
        self.columns = QWidget()  # hidden on a day with nobody booked: one calm line instead
        columns = QHBoxLayout(self.columns)
        columns.setContentsMargins(0, 0, 0, 0)
        for key in ("here", "presenting", "to_come", "could_start"):
            columns.addLayout(self._group(key), 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addLayout(top)
        layout.addWidget(self.columns)
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        self.refresh()

    def _group(self, key: str) -> QVBoxLayout:
        heading = QLabel("")
        heading.setObjectName(f"board_{key}_heading")
        heading.setProperty("role", "subheading")
        items = QListWidget()
        items.setWordWrap(True)
        items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        items.setObjectName(f"board_{key}")
        items.setMaximumHeight(150)
        items.itemActivated.connect(lambda _item, k=key: self._activated(k))
        items.currentItemChanged.connect(lambda current, _prev, k=key: self._picked(k, current))
        items.installEventFilter(self)
        heading.setBuddy(items)
        self.lists[key] = items
        self.headings[key] = heading
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(heading)
        column.addWidget(items)
        return column

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tabbing into a list picks its first family, so Enter acts on what is shown."""
        focus_in = event.type() == QEvent.Type.FocusIn and isinstance(watched, QListWidget)
        if focus_in and watched.count() and not watched.selectedItems():
            watched.setCurrentRow(0)
            watched.item(0).setSelected(True)
        return super().eventFilter(watched, event)

    def _fill_offices(self) -> None:
        kept = self.office_id()
        self.office.blockSignals(True)
        self.office.clear()
        for office in offices(self._desk):
            self.office.addItem(office.name, office.id)
        self.office.setCurrentIndex(max(0, self.office.findData(kept)))
        self.office.blockSignals(False)
        self.office.setVisible(self.office.count() > 1)

    def reload_offices(self) -> None:
        """The offices as they are now: one added in Settings gets its own board."""
        self._fill_offices()
        self.refresh()

    def office_id(self) -> str:
        return str(self.office.currentData() or "")

    def _tick(self) -> None:
        """Every minute (lateness moves on); never on a practice file already closed
        (a restore reopened it, or the desk is on its way out)."""
        if self._desk.closed:
            self._timer.stop()
            return
        self.refresh()

    def refresh(self) -> None:
        office = next((o for o in offices(self._desk) if o.id == self.office_id()), None)
        if office is None:
            return
        kept = self.selected()
        self.board = today_board(self._desk, office, self.today)
        for key, heading, entries in self.board.groups():
            self.headings[key].setText(f"{heading} ({len(entries)})")
            items = self.lists[key]
            items.blockSignals(True)
            items.clear()
            for entry in entries:
                item = QListWidgetItem(_line(key, entry))
                item.setData(Qt.ItemDataRole.UserRole, entry.consult_id)
                items.addItem(item)
                if kept and kept == (key, entry.consult_id):
                    items.setCurrentItem(item)
            items.blockSignals(False)
        empty = not any(entries for _key, _heading, entries in self.board.groups())
        self.columns.setVisible(not empty)
        self.check_in_button.setVisible(not empty)
        self.present_button.setVisible(not empty)
        if empty:
            self.message.setText(
                f"Nobody is booked at {office.name} today. "
                "A family at the door: Walk-in (F2). Booking ahead: Book consult (Ctrl+B)."
            )
        elif self.message.text().startswith("Nobody is booked"):
            self.message.setText("")
        self._enable()

    def selected(self) -> tuple[str, str] | None:
        for key, items in self.lists.items():
            item = items.currentItem()
            if item is not None and item.isSelected():
                return key, str(item.data(Qt.ItemDataRole.UserRole))
        return None

    def _picked(self, key: str, current: QListWidgetItem | None) -> None:
        if current is not None:  # one selection across the four lists
            for other, items in self.lists.items():
                if other != key:
                    items.clearSelection()
        self._enable()

    def _enable(self) -> None:
        picked = self.selected()
        self.check_in_button.setEnabled(picked is not None and picked[0] == "to_come")
        self.present_button.setEnabled(picked is not None and picked[0] != "to_come")

    def _activated(self, key: str) -> None:
        if key == "to_come":
            self.check_in_selected()
        else:
            self.present_selected()

    def check_in_selected(self) -> None:
        picked = self.selected()
        if picked is None or picked[0] != "to_come":
            return
        try:
            check_in(self._desk, picked[1])
        except UserError as error:
            self.message.setText(str(error))
            return
        self.message.setText("Checked in.")
        self.refresh()
        self._select("here", picked[1])
        self._on_change()

    def present_selected(self) -> None:
        picked = self.selected()
        if picked is not None and picked[0] != "to_come":
            self._on_present(picked[1])

    def _select(self, key: str, consult_id: str) -> None:
        items = self.lists[key]
        for row in range(items.count()):
            if items.item(row).data(Qt.ItemDataRole.UserRole) == consult_id:
                items.setCurrentRow(row)
                items.setFocus()


def _line(key: str, item: BoardEntry) -> str:
    """One family's line, saying what matters in that group."""
    entry = item.entry
    text = f"{clock_time(entry.start)}  {entry.patient}"
    if key == "could_start":
        text += f"  · {item.chosen_option}" if item.chosen_option else ""
        return text + (f"  · needs {item.needs}" if item.needs else "  · ready to start")
    text += f"  · {entry.coordinator}"
    if key == "here" and entry.arrived_at is not None:
        text += f"  · here since {clock_time(entry.arrived_at)}"
    return text + ("  · late" if item.late else "")
