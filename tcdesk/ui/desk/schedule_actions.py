"""The desk's schedule keys: the schedule window (Ctrl+D) and booking (Ctrl+B)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QPushButton

from tcdesk.services.desk import Desk

if TYPE_CHECKING:
    from tcdesk.ui.desk.schedule_window import ScheduleWindow


class ScheduleActions:
    """Opens one schedule window per desk; tells the desk when a booking changed."""

    def __init__(self, window: QMainWindow, desk: Desk, today: date) -> None:
        self._window: Any = window  # the MainWindow (not imported: it imports this)
        self._desk = desk
        self._today = today
        self.schedule_window: ScheduleWindow | None = None
        self.schedule_action = _action(window, "&Schedule", "Ctrl+D", self.open_schedule)
        self.book_action = _action(window, "&Book consult…", "Ctrl+B", self.book)
        self.schedule_button = QPushButton("&Schedule")
        self.schedule_button.setObjectName("openSchedule")
        self.schedule_button.setToolTip("The day and week of consults (Ctrl+D)")
        self.schedule_button.clicked.connect(self.open_schedule)
        self.book_button = QPushButton("&Book consult…")
        self.book_button.setObjectName("bookFromDesk")
        self.book_button.setToolTip("Book a consult for a patient (Ctrl+B)")
        self.book_button.clicked.connect(self.book)

    def open_schedule(self) -> ScheduleWindow:
        if self.schedule_window is None:
            from tcdesk.ui.desk.schedule_window import ScheduleWindow  # loaded when first opened

            self.schedule_window = ScheduleWindow(self._desk, self._today, parent=self._window)
            self.schedule_window.setWindowFlag(Qt.WindowType.Window)
            self.schedule_window.changed.connect(self._window.refresh_desk)
            self.schedule_window.said.connect(self._window.say)
        self.schedule_window.show()
        self.schedule_window.raise_()
        self.schedule_window.activateWindow()
        return self.schedule_window

    def book(self) -> None:
        self.open_schedule().book()


def _action(window: QMainWindow, text: str, key: str, slot) -> QAction:
    action = QAction(text, window)
    action.setShortcut(QKeySequence(key))
    action.triggered.connect(slot)
    window.addAction(action)
    return action
