"""The schedule window: one office's day or week, and what a TC does to a consult.

Office picker, Day/Week, previous/today/next, Book; the selected consult
can be moved (double-click, Enter), checked in, marked a no-show or
cancelled (buttons or its context menu). Each change is one service call and
the view re-reads its one query.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tcdesk.errors import UserError
from tcdesk.formatting import (
    day_header,
    full_date,
    local_date_and_time,
    local_datetime,
    slot_when,
    weekday_medium_date,
)
from tcdesk.services.desk import Desk
from tcdesk.services.practice_lookup import offices
from tcdesk.services.schedule import cancel_consult, check_in, mark_no_show
from tcdesk.services.schedule_days import ScheduleEntry, day_schedule, week_schedule
from tcdesk.ui.accessibility import name_controls
from tcdesk.ui.desk.booking_dialog import BookingDialog
from tcdesk.ui.desk.schedule_grid import ScheduleGrid
from tcdesk.ui.window_memory import remember


class ScheduleWindow(QMainWindow):
    changed = Signal()  # something was booked, moved or taken off: the desk refreshes
    said = Signal(str)  # what was just booked or moved, for the desk's status bar

    def __init__(self, desk: Desk, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleWindow")
        self._desk = desk
        self.today = today
        self.day = today
        self.week = False
        practice = desk.practice()
        self.setWindowTitle("Schedule" + (f" — {practice.name}" if practice else ""))
        self.resize(1200, 860)
        self.grid = ScheduleGrid(practice.brand_color if practice else "#1F6F8B")
        self.grid.open_requested.connect(self.move_consult)
        self.grid.action_requested.connect(self._act)
        self.grid.selection_changed.connect(self._selected)
        self._build()
        name_controls(self)  # the grid's scroll area by the window's name
        self.refresh()
        self.grid.setFocus()
        remember(self)  # size, place and the rest as the TC left them on this computer

    def _build(self) -> None:
        self.office = QComboBox()
        self.office.setObjectName("scheduleOffice")
        self._fill_offices()
        self.office.currentIndexChanged.connect(lambda _i: self.refresh())
        office_label = QLabel("O&ffice")
        office_label.setBuddy(self.office)
        self.day_button = QPushButton("Da&y")
        self.week_button = QPushButton("&Week")
        views = QButtonGroup(self)
        for button, week in ((self.day_button, False), (self.week_button, True)):
            button.setCheckable(True)
            views.addButton(button)
            button.clicked.connect(lambda _c=False, w=week: self.show_week(w))
        self.day_button.setChecked(True)
        self.previous_button = QPushButton("◀ &Previous")
        self.today_button = QPushButton("T&oday")
        self.next_button = QPushButton("&Next ▶")
        self.previous_button.clicked.connect(lambda: self.go(-1))
        self.next_button.clicked.connect(lambda: self.go(1))
        self.today_button.clicked.connect(self.go_today)
        self.title = QLabel("")
        self.title.setObjectName("scheduleTitle")
        self.title.setProperty("role", "subheading")
        self.book_button = QPushButton("&Book consult…")
        self.book_button.setObjectName("bookConsult")
        self.book_button.setProperty("primary", True)
        self.book_button.clicked.connect(self.book)
        QShortcut(QKeySequence("Ctrl+B"), self, activated=self.book)

        bar = QHBoxLayout()
        for widget in (office_label, self.office, self.day_button, self.week_button):
            bar.addWidget(widget)
        bar.addSpacing(12)
        for widget in (self.previous_button, self.today_button, self.next_button):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.book_button)

        self.selected_label = QLabel("Select a consult to move, check in or cancel it.")
        self.selected_label.setObjectName("selectedConsult")
        self.selected_label.setProperty("role", "muted")
        self.move_button = QPushButton("&Move…")
        self.check_in_button = QPushButton("Check &in")
        self.no_show_button = QPushButton("No-sho&w")
        self.cancel_button = QPushButton("&Cancel consult…")
        for button, action in (
            (self.check_in_button, "check_in"),
            (self.no_show_button, "no_show"),
            (self.cancel_button, "cancel"),
        ):
            button.clicked.connect(lambda _c=False, a=action: self._act_on_selected(a))
        self.move_button.clicked.connect(lambda: self.move_consult(self.grid.selected_id or ""))
        actions = QHBoxLayout()
        actions.addWidget(self.selected_label, 1)
        for button in (self.move_button, self.check_in_button, self.no_show_button):
            actions.addWidget(button)
        actions.addWidget(self.cancel_button)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid)
        self.scroll = scroll
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        layout.addLayout(actions)
        self.setCentralWidget(central)
        self.statusBar()

    # -- what is shown -----------------------------------------------------------------

    def _fill_offices(self) -> None:
        kept = self.office_id()
        self.office.blockSignals(True)
        self.office.clear()
        for office in offices(self._desk):
            self.office.addItem(office.name, office.id)
        self.office.setCurrentIndex(max(0, self.office.findData(kept)))
        self.office.blockSignals(False)

    def reload_offices(self) -> None:
        """The offices as they are now (one added or removed in Settings)."""
        self._fill_offices()
        self.refresh()

    def office_id(self) -> str:
        return str(self.office.currentData() or "")

    def show_week(self, week: bool) -> None:
        self.week = week
        (self.week_button if week else self.day_button).setChecked(True)
        self.refresh()

    def go(self, step: int) -> None:
        self.day += timedelta(days=7 * step if self.week else step)
        self.refresh()

    def go_today(self) -> None:
        self.day = self.today
        self.refresh()

    def show_day(self, day: date) -> None:
        self.day = day
        self.refresh()

    def refresh(self) -> None:
        office = next((o for o in offices(self._desk) if o.id == self.office_id()), None)
        if office is None:
            self.grid.set_days([], self.today)
            self.title.setText("No office yet: set up the practice first.")
            return
        if self.week:
            week = week_schedule(self._desk, office, self.day)
            self.grid.set_days([(d.day, d.entries) for d in week.days], self.today)
            last = week.days[-1].day
            self.title.setText(f"Week of {day_header(week.first)} – {weekday_medium_date(last)}")
        else:
            schedule = day_schedule(self._desk, office, self.day)
            self.grid.set_days([(self.day, schedule.entries)], self.today)
            live = sum(1 for e in schedule.entries if e.live)
            self.title.setText(f"{full_date(self.day)} · {live} consult{'s' * (live != 1)}")
        self.scroll.verticalScrollBar().setValue(0)

    def _selected(self, entry: ScheduleEntry | None) -> None:
        for button in (self.move_button, self.check_in_button, self.no_show_button):
            button.setEnabled(bool(entry and entry.movable))
        self.cancel_button.setEnabled(bool(entry and entry.movable))
        if entry is None:
            self.selected_label.setText("Select a consult to move, check in or cancel it.")
        else:
            self.selected_label.setText(
                f"{entry.patient} · {slot_when(entry.start)}, {entry.minutes} min · "
                f"{entry.coordinator}, {entry.doctor} · {entry.status_label}"
                + (f" ({entry.reason})" if entry.reason else "")
            )

    # -- doing -------------------------------------------------------------------------

    def book(self) -> BookingDialog:
        start = time(9) if self.day != self.today else time(min(18, self._next_hour()))
        dialog = BookingDialog(
            self._desk, day=self.day, at=start, office_id=self.office_id(), parent=self
        )
        dialog.accepted.connect(lambda: self._saved(dialog, "booked"))
        dialog.open()
        self.dialog = dialog
        return dialog

    def _next_hour(self) -> int:
        return self._desk.clock().astimezone().hour + 1

    def move_consult(self, consult_id: str) -> BookingDialog | None:
        consult = self._desk.consults.get(consult_id) if consult_id else None
        if consult is None:
            return None
        dialog = BookingDialog(self._desk, day=self.day, consult=consult, parent=self)
        dialog.accepted.connect(lambda: self._saved(dialog, "moved"))
        dialog.open()
        self.dialog = dialog
        return dialog

    def _saved(self, dialog: BookingDialog, verb: str = "booked") -> None:
        if dialog.saved is None:
            return
        self.day = dialog.saved.consult_date
        index = self.office.findData(dialog.saved.office_id)
        if index >= 0:
            self.office.setCurrentIndex(index)
        self.refresh()
        self.grid.select(dialog.saved.id)
        self.statusBar().showMessage("Saved.", 4000)
        patient = self._desk.patients.get(dialog.saved.patient_id)
        who = f" for {patient.display_name}" if patient else ""
        when = local_date_and_time(local_datetime(dialog.saved.scheduled_at))
        self.said.emit(f"Consult {verb}{who}: {when}.")
        self.changed.emit()

    def _act_on_selected(self, action: str) -> None:
        if self.grid.selected_id:
            self._act(action, self.grid.selected_id)

    def ask_reason(self) -> tuple[str, bool]:
        """Why the consult is cancelled (tests replace this with a typed answer)."""
        return QInputDialog.getText(self, "Cancel consult", "Why is it cancelled?")

    def _act(self, action: str, consult_id: str) -> None:
        try:
            if action == "cancel":
                reason, ok = self.ask_reason()
                if not ok:
                    return
                cancel_consult(self._desk, consult_id, reason)
            elif action == "no_show":
                mark_no_show(self._desk, consult_id)
            else:
                check_in(self._desk, consult_id)
        except UserError as error:
            self.statusBar().showMessage(str(error))
            self.selected_label.setText(str(error))
            return
        self.refresh()
        self.grid.select(consult_id)
        self.changed.emit()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)
