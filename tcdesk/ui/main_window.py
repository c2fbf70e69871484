"""The coordinator's home window: find a patient, see their consults, present one."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tcdesk.services import patient_pages
from tcdesk.services.desk import Desk
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.services.patient_overview import patient_overview, search_patients, todays_count
from tcdesk.services.patient_pages import PatientCount
from tcdesk.services.practice_lookup import offices
from tcdesk.ui.desk.backup_actions import BackupActions
from tcdesk.ui.desk.desk_access import make_desk_accessible
from tcdesk.ui.desk.desk_menus import build_menus
from tcdesk.ui.desk.intake_actions import IntakeActions
from tcdesk.ui.desk.menu_actions import DeskMenuActions
from tcdesk.ui.desk.panel_follow import PanelFollow
from tcdesk.ui.desk.practice_actions import PracticeActions
from tcdesk.ui.desk.schedule_actions import ScheduleActions
from tcdesk.ui.desk.status_line import StatusLine
from tcdesk.ui.desk.today_board import TodayBoardWidget
from tcdesk.ui.patient_columns import draggable, fit_columns
from tcdesk.ui.patient_list import PatientTableModel
from tcdesk.ui.patient_panel import PatientPanel
from tcdesk.ui.pipeline.dashboard_actions import DashboardActions
from tcdesk.ui.shortcut_help import WindowKeysFirst
from tcdesk.ui.style import apply_staff_style
from tcdesk.ui.window_memory import remember

if TYPE_CHECKING:
    from tcdesk.flows import Flow

SEARCH_DELAY_MS = 120


class MainWindow(QMainWindow):
    close_room_screen = Signal()  # the TC takes the room's idle screen down
    closing = Signal()  # the desk is closing (the app with it)

    def __init__(
        self,
        desk: Desk,
        today: date,
        on_present: Callable[[str], None],
        *,
        settings: MachineSettingsStore | None = None,
        flows: Mapping[str, Flow] | Callable[[], Mapping[str, Flow]] | None = None,
    ) -> None:
        """``flows``: the app's checked flows (``Application.kit.flows``), handed to the
        consult record's Flow tab; None offers none (a desk without a presentation kit)."""
        super().__init__()
        self._desk = desk
        self._flows = flows  # a callable: read when the first consult record opens
        self._machine_settings = settings
        self._on_present = on_present
        practice = desk.practice()
        self.setWindowTitle(f"tcdesk — {practice.name if practice else 'no practice'}")
        self.resize(1400, 860)

        self._today = today
        self._todays = todays_count(desk, today)
        self._build_search()
        self._build_table(today)
        self._build_panel(today)
        self._build_room_screen_bar()
        self._build_actions()
        self._build_backup_actions()
        self._build_kpi_actions()
        self._build_pipeline_actions()
        self.heading = QLabel(practice.name if practice else "")
        self.today_board = TodayBoardWidget(
            desk, today, self._present_from_board, self.refresh_desk
        )
        self._arrange()
        self._build_menu_actions()
        self.menus = build_menus(self)  # by name: "file", "edit", "consult", "view", "help"
        make_desk_accessible(self)  # Tab's order and the names a screen reader says
        self.refresh_desk()
        self.setObjectName("deskWindow")
        remember(self)  # size, place, splitter and columns, as the TC left them
        draggable(self.table)

    def _build_actions(self) -> None:
        """Each part of the desk brings its keys and buttons (tcdesk.ui.desk)."""
        self.intake = IntakeActions(self, self._desk, self._machine_settings)
        self.scheduling = ScheduleActions(self, self._desk, self._today)
        self.practice_actions = PracticeActions(self, self._desk)
        self.find_action = QAction("&Find patient", self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(self.search.setFocus)
        self.addAction(self.find_action)
        self.record_action = QAction("&Edit consult record", self)
        self.record_action.setShortcut(QKeySequence("Ctrl+E"))
        self.record_action.triggered.connect(self._edit_record)
        self.addAction(self.record_action)
        self.record_window = None
        # The names tests and other windows use.
        self.settings_action = self.practice_actions.settings_action
        self.settings_button = self.practice_actions.settings_button
        self.import_action = self.practice_actions.import_action
        self.schedule_button = self.scheduling.schedule_button
        self.book_button = self.scheduling.book_button
        self.open_schedule = self.scheduling.open_schedule
        self.intake_bar = self.intake.bar

    def _build_pipeline_actions(self) -> None:
        """New lead, the follow-up queue and its count (tcdesk.ui.pipeline)."""
        from tcdesk.ui.pipeline.pipeline_actions import PipelineActions

        self.pipeline = PipelineActions(self, self._desk, self._machine_settings)
        self.statusBar().addPermanentWidget(self.pipeline.queue_button)

    def _build_backup_actions(self) -> None:
        """File > Back up now and Restore from a backup… (tcdesk.ui.desk.backup_actions)."""
        self.backups = BackupActions(self, self._desk, self._machine_settings)

    def _build_kpi_actions(self) -> None:
        """View > Dashboard: the practice's numbers and targets (tcdesk.ui.pipeline)."""
        self.dashboard = DashboardActions(self, self._desk)

    def _build_menu_actions(self) -> None:
        """Export, print, View, Help and the status bar that says what just happened."""
        self.status_line = StatusLine(self.statusBar())
        self.problems = self.status_line.problems
        self.menu_actions = DeskMenuActions(self, self._desk, self._today, self._machine_settings)
        self.menu_actions.complete(self.find_action, self.settings_action)
        # Asked before the desk closes (the app's open-consult guard); False keeps it open.
        self.close_guard: Callable[[], bool] | None = None

    def request_quit(self) -> None:
        """Quit (Ctrl+Q): with a consult open the guard asks first and closes when answered."""
        if self.close_guard is None or self.close_guard():
            self.close()

    def say(self, message: str) -> None:
        """Tell the TC what was just done, for a few seconds (problems stay shown)."""
        self.status_line.say(message)

    @property
    def schedule_window(self):
        return self.scheduling.schedule_window

    @property
    def settings_window(self):
        return self.practice_actions.settings_window

    def _build_search(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("patientSearch")
        self.search.setPlaceholderText("Search patients by name, phone or email")
        self.search.setClearButtonEnabled(True)
        WindowKeysFirst(self.search)  # Ctrl+E opens the record, even typing a name
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search_typed)
        self.search.textChanged.connect(self._search_changed)
        self.count_label = QLabel("")
        self.count_label.setProperty("role", "muted")
        # Checked = only today's families. The button's text says what pressing it
        # does; the count beside it says what the list shows now.
        self.today_button = QPushButton()
        self.today_button.setObjectName("todayButton")
        self.today_button.setCheckable(True)
        self.today_button.setChecked(self._todays > 0)  # a TC's day starts with today's families
        self.today_button.toggled.connect(lambda _on: self.refresh_patients())

    def _build_panel(self, today: date) -> None:
        """The selected patient's panel; while the TC types it waits for a pause."""
        self.panel = PatientPanel(today)
        self._follow = PanelFollow(
            self.panel,
            self._desk,
            self.selected_patient_id,
            present=self._on_present,
            record=lambda consult_id: self.open_record(consult_id),
            delay_ms=SEARCH_DELAY_MS,
        )

    def _build_table(self, today: date) -> None:
        self.model = PatientTableModel(today)
        self.table = QTableView()
        self.table.setObjectName("patientTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self._list_width = fit_columns(self.table, [office.name for office in offices(self._desk)])
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

    def _build_room_screen_bar(self) -> None:
        """Shown while the room's screen idles on the welcome, to take it down."""
        self.room_screen_note = QLabel("The room's screen shows the practice's welcome.")
        self.room_screen_note.setObjectName("roomScreenNote")
        self.room_screen_note.setProperty("role", "muted")
        self.close_room_screen_button = QPushButton("Close the room screen")
        self.close_room_screen_button.setObjectName("closeRoomScreen")
        self.close_room_screen_button.clicked.connect(self.close_room_screen)
        self.show_room_screen_idle(False)

    def _arrange(self) -> None:
        self.heading.setProperty("role", "heading")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.today_button)
        search_row.addWidget(self.count_label)
        left_layout.addLayout(search_row)
        left_layout.addWidget(self.table, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("deskSplitter")
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        # The list as wide as its columns (no sideways scrolling), the panel the rest:
        # a wider or narrower window widens or narrows the panel.
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([self._list_width, 1400 - self._list_width])

        central = QWidget()
        layout = QVBoxLayout(central)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.room_screen_note)
        top.addWidget(self.close_room_screen_button)
        top.addWidget(self.schedule_button)
        top.addWidget(self.book_button)
        top.addWidget(self.intake_bar)
        top.addWidget(self.settings_button)
        layout.addLayout(top)
        layout.addWidget(self.today_board)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

    def open_record(self, consult_id: str):
        from tcdesk.ui.desk.consult_record import ConsultRecordWindow

        if not consult_id:
            return None
        if self.record_window is not None:
            self.record_window.close()
        flows = self._flows() if callable(self._flows) else self._flows
        window = ConsultRecordWindow(self._desk, consult_id, self, flows=dict(flows or {}))
        window.record_changed.connect(self._record_changed)
        window.finished.connect(lambda _r: setattr(self, "record_window", None))
        self.record_window = window
        window.show()
        return window

    def _record_changed(self, consult_id: str) -> None:
        """Show the new record in the panel, the same consult still selected."""
        self.say("Consult record saved.")
        patient_id = self.selected_patient_id()
        if patient_id is None:
            return
        self.today_board.refresh()  # a chosen option can make a family ready to start
        self.panel.show_overview(patient_overview(self._desk, patient_id))
        for row in range(self.panel.consult_list.count()):
            if self.panel.consult_list.item(row).data(Qt.ItemDataRole.UserRole) == consult_id:
                self.panel.consult_list.setCurrentRow(row)

    def refresh_desk(self) -> None:
        """After anything that changes who is booked or here: the list, its counts, the board.

        (Searching only re-lists: today's count cannot change while someone types.)
        """
        self._todays = todays_count(self._desk, self._today)
        self.today_board.refresh()
        self.refresh_patients()
        self.pipeline.refresh_count()

    def show_everyone(self) -> None:
        """List every patient (after an import, the families just added are there)."""
        self.search.clear()
        self.today_button.setChecked(False)
        self.refresh_desk()

    def show_practice(self) -> None:
        """The practice's name and colour, after Settings changed them."""
        practice = self._desk.practice()
        if practice is None:
            return
        self.today_board.reload_offices()  # an office added or removed in Settings
        if self.schedule_window is not None:
            self.schedule_window.reload_offices()
        self.setWindowTitle(f"tcdesk — {practice.name}")
        self.heading.setText(practice.name)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_staff_style(app, practice.brand_color)

    def _present_from_board(self, consult_id: str) -> None:
        self._on_present(consult_id)
        self.today_board.refresh()

    def show_room_screen_idle(self, idle: bool) -> None:
        """Offer to close the room's screen while it shows the idle welcome."""
        self.room_screen_note.setVisible(idle)
        self.close_room_screen_button.setVisible(idle)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closed by the system (log-out, the title bar) with a consult open: ask first.
        # A close from code (the guard's own, after the answer) goes ahead.
        if event.spontaneous() and self.close_guard is not None and not self.close_guard():
            event.ignore()
            return
        self.closing.emit()
        super().closeEvent(event)

    def show_problem(self, message: str) -> None:
        """A problem the TC should know about, without blocking the desk."""
        self.status_line.problem(message)

    def refresh_patients(self) -> None:
        selected = self.selected_patient_id()
        day = self._today if self.today_button.isChecked() else None
        text = self.search.text()
        if day is not None:  # the day's families: a short list, whole
            entries = search_patients(self._desk, text, day)
            self.model.set_entries(entries, todays=True)
            self._show_list_labels(PatientCount(len(entries)))
        else:  # everyone: a page now, the next as the TC scrolls
            entries = patient_pages.page(self._desk, text)
            self.model.set_pages(
                entries,
                lambda at, rows: self._next_page(text, at, rows),
                fetch_at=lambda at, rows: self._page_at(text, at, rows),
            )
            self._show_list_labels(patient_pages.count(self._desk, text))
        # Typing a name: the patient selected stays so if the first page has them (no
        # look-up further down per key); the search cleared, they stay selected wherever.
        read_down = not (self._follow.typing and text)
        row = self._loaded_row_of(selected, read_down=read_down) if selected else -1
        if row < 0 and entries:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._follow.show_selected()  # no one: the panel says so at once

    def _search_changed(self, _text: str) -> None:
        self._search_timer.start()
        self._follow.key_typed()

    def _search_typed(self) -> None:
        """What the search's timer runs: the list now, the patient's panel after a pause."""
        with self._follow.typed():
            self.refresh_patients()

    def _loaded_row_of(self, patient_id: str, *, read_down: bool = True) -> int:
        """The patient's row, reading pages down to it if it is further than read so far."""
        row = self.model.row_of(patient_id)
        if row < 0 and read_down and not self.today_button.isChecked():
            where = patient_pages.position(self._desk, self.search.text(), patient_id)
            if where is not None:
                self.model.fetch_through(where)
                if where < self.model.rowCount() and self.model.patient_id(where) == patient_id:
                    return where  # (their row may have been skipped over: now read)
                row = self.model.row_of(patient_id)
        return row

    def _next_page(self, text: str, offset: int, rows: int) -> list:
        """The list's next rows (none once the desk is closed: the window may still paint)."""
        if self._desk.closed:
            return []
        last = self.model.last_entry() if offset else None
        return patient_pages.page(
            self._desk, text, offset, rows, after=last.patient if last else None
        )

    def _page_at(self, text: str, offset: int, rows: int) -> list:
        """Rows by offset: those above a far patient, read when the TC scrolls to them."""
        return [] if self._desk.closed else patient_pages.page(self._desk, text, offset, rows)

    def _show_list_labels(self, shown: PatientCount) -> None:
        """Say what the list holds now, and what pressing the toggle shows instead."""
        patients = shown.words()
        if self.today_button.isChecked():
            self.count_label.setText(f"Today's consults: {patients}")
            self.today_button.setText("Show all patients")
            self.today_button.setToolTip("Only today's families are listed; press to list everyone")
        else:
            self.count_label.setText(f"All patients: {patients}")
            self.today_button.setText(f"Show today's consults ({self._todays})")
            self.today_button.setToolTip(
                "Everyone is listed; press to list only today's families, earliest first"
            )

    def selected_patient_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.patient_id(rows[0].row()) if rows else None

    def select_patient(self, patient_id: str) -> bool:
        row = self._loaded_row_of(patient_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        """A click or a key in the list shows the patient at once; a search, after a pause."""
        self._follow.selection_changed()

    def flush_panel(self) -> bool:
        """Before anything reads the panel: it shows the selected patient now (True: it
        was behind). The desk's keys and menus call it (tcdesk.ui.desk.panel_follow)."""
        return self._follow.flush()

    def _edit_record(self) -> None:
        """Ctrl+E: the selected patient's record, even a key after typing their name."""
        self.flush_panel()
        self.panel.record_button.click()
