"""The coordinator's home window: find a patient, see their consults, present one."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tcdesk.services.desk import Desk
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.services.patient_overview import patient_overview, todays_count
from tcdesk.ui.desk.backup_actions import BackupActions
from tcdesk.ui.desk.desk_access import make_desk_accessible
from tcdesk.ui.desk.desk_menus import build_menus
from tcdesk.ui.desk.intake_actions import IntakeActions
from tcdesk.ui.desk.menu_actions import DeskMenuActions
from tcdesk.ui.desk.panel_follow import PanelFollow
from tcdesk.ui.desk.patient_listing import SEARCH_DELAY_MS, PatientListing
from tcdesk.ui.desk.practice_actions import PracticeActions
from tcdesk.ui.desk.schedule_actions import ScheduleActions
from tcdesk.ui.desk.status_line import StatusLine
from tcdesk.ui.desk.today_board import TodayBoardWidget
from tcdesk.ui.patient_columns import draggable
from tcdesk.ui.patient_panel import PatientPanel
from tcdesk.ui.pipeline.dashboard_actions import DashboardActions
from tcdesk.ui.style import apply_staff_style
from tcdesk.ui.window_memory import remember

if TYPE_CHECKING:
    from tcdesk.flows import Flow


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
        self._build_listing(today)
        self._build_panel(today)
        self._build_room_screen_bar()
        self._build_actions()
        self._build_backup_actions()
        self._build_kpi_actions()
        self._build_training_actions()
        self._build_pipeline_actions()
        self._build_sync_actions()
        self.heading = QLabel(practice.name if practice else "")
        self.today_board = TodayBoardWidget(
            desk, today, self._present_from_board, self.refresh_desk
        )
        self._arrange()
        self._build_menu_actions()
        self.menus = build_menus(self)  # by name: "file", "edit", ..., "training", "help"
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

    def _build_sync_actions(self) -> None:
        """File > Sync now, the sync's status item and its timer (tcdesk.ui.sync)."""
        from tcdesk.ui.sync.sync_actions import SyncActions

        self.sync = SyncActions(self, self._desk, self._machine_settings)
        self.statusBar().addPermanentWidget(self.sync.item)

    def _build_backup_actions(self) -> None:
        """File > Back up now and Restore from a backup… (tcdesk.ui.desk.backup_actions)."""
        self.backups = BackupActions(self, self._desk, self._machine_settings)

    def _build_kpi_actions(self) -> None:
        """View > Dashboard: the practice's numbers and targets (tcdesk.ui.pipeline)."""
        self.dashboard = DashboardActions(self, self._desk)

    def _build_training_actions(self) -> None:
        """The Training menu: practice consults, drills, progress (tcdesk.ui.training)."""
        from tcdesk.ui.training.training_actions import TrainingActions

        self.training = TrainingActions(self, self._desk, self._machine_settings)

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

    def _build_listing(self, today: date) -> None:
        """The search, the today toggle, the count and the table (tcdesk.ui.desk)."""
        self.listing = PatientListing(self._desk, today, self._todays, self)
        self.search = self.listing.search
        self._search_timer = self.listing.search_timer
        self.today_button = self.listing.today_button
        self.count_label = self.listing.count_label
        self.model = self.listing.model
        self.table = self.listing.table
        self._list_width = self.listing.width

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
        self.listing.follow(self._follow)

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
        self._todays = self.listing.todays = todays_count(self._desk, self._today)
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
        self.listing.offices_changed()  # measured in the style's font

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
        self.listing.refresh()

    def _search_typed(self) -> None:
        self.listing.search_typed()

    def _loaded_row_of(self, patient_id: str, *, read_down: bool = True) -> int:
        return self.listing.loaded_row_of(patient_id, read_down=read_down)

    def selected_patient_id(self) -> str | None:
        return self.listing.selected_patient_id()

    def select_patient(self, patient_id: str) -> bool:
        return self.listing.select_patient(patient_id)

    def flush_panel(self) -> bool:
        """Before anything reads the panel: it shows the selected patient now (True: it
        was behind). The desk's keys and menus call it (tcdesk.ui.desk.panel_follow)."""
        return self._follow.flush()

    def _edit_record(self) -> None:
        """Ctrl+E: the selected patient's record, even a key after typing their name."""
        self.flush_panel()
        self.panel.record_button.click()
