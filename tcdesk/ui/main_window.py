"""The coordinator's home window: find a patient, see their consults, present one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tcdesk.services.desk import Desk
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.services.patient_overview import patient_overview, search_patients
from tcdesk.ui.patient_list import PatientTableModel
from tcdesk.ui.patient_panel import PatientPanel

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
    ) -> None:
        super().__init__()
        self._desk = desk
        self._machine_settings = settings
        self._on_present = on_present
        practice = desk.practice()
        self.setWindowTitle(f"tcdesk — {practice.name if practice else 'no practice'}")
        self.resize(1400, 860)

        self._today = today
        self._todays = len(search_patients(desk, "", today))
        self._build_search()
        self._build_table(today)
        self.panel = PatientPanel(today)
        self.panel.present_requested.connect(self._on_present)
        self._build_room_screen_bar()
        self._build_import_actions()
        self._build_intake_actions()
        self._build_record_actions()
        self._arrange(QLabel(practice.name if practice else ""))
        self._build_settings_actions()
        self._build_schedule_actions()
        self.problems: list[str] = []
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.search.setFocus)
        self.refresh_patients()

    def _build_search(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("patientSearch")
        self.search.setPlaceholderText("Search patients by name, phone or email")
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh_patients)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.count_label = QLabel("")
        self.count_label.setProperty("role", "muted")
        # Checked = only today's families. The button's text says what pressing it
        # does; the count beside it says what the list shows now.
        self.today_button = QPushButton()
        self.today_button.setObjectName("todayButton")
        self.today_button.setCheckable(True)
        self.today_button.setChecked(self._todays > 0)  # a TC's day starts with today's families
        self.today_button.toggled.connect(lambda _on: self.refresh_patients())

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
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

    def _build_record_actions(self) -> None:
        """The consult record window, opened from the patient panel's consult."""
        self.record_window = None
        self.panel.record_requested.connect(self.open_record)

    def open_record(self, consult_id: str):
        from tcdesk.ui.desk.consult_record import ConsultRecordWindow

        if not consult_id:
            return None
        if self.record_window is not None:
            self.record_window.close()
        window = ConsultRecordWindow(self._desk, consult_id, self)
        window.record_changed.connect(self._record_changed)
        window.finished.connect(lambda _r: setattr(self, "record_window", None))
        self.record_window = window
        window.show()
        return window

    def _record_changed(self, consult_id: str) -> None:
        """Show the new record in the panel, the same consult still selected."""
        patient_id = self.selected_patient_id()
        if patient_id is None:
            return
        self.panel.show_overview(patient_overview(self._desk, patient_id))
        for row in range(self.panel.consult_list.count()):
            if self.panel.consult_list.item(row).data(Qt.ItemDataRole.UserRole) == consult_id:
                self.panel.consult_list.setCurrentRow(row)

    def _build_room_screen_bar(self) -> None:
        """Shown while the room's screen idles on the welcome, to take it down."""
        self.room_screen_note = QLabel("The room's screen shows the practice's welcome.")
        self.room_screen_note.setObjectName("roomScreenNote")
        self.room_screen_note.setProperty("role", "muted")
        self.close_room_screen_button = QPushButton("Close the room screen")
        self.close_room_screen_button.setObjectName("closeRoomScreen")
        self.close_room_screen_button.clicked.connect(self.close_room_screen)
        self.show_room_screen_idle(False)

    def _arrange(self, title: QLabel) -> None:
        title.setProperty("role", "heading")
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
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setSizes([720, 680])

        central = QWidget()
        layout = QVBoxLayout(central)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.room_screen_note)
        top.addWidget(self.close_room_screen_button)
        top.addWidget(self.intake_bar)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self._top_bar, self._desk_layout = top, layout

    def _build_schedule_actions(self) -> None:
        """The schedule (Ctrl+D), booking (Ctrl+B) and the today board above the list."""
        from tcdesk.ui.desk.schedule_window import ScheduleWindow
        from tcdesk.ui.desk.today_board import TodayBoardWidget

        def present(consult_id: str) -> None:
            self._on_present(consult_id)
            self.today_board.refresh()

        def changed() -> None:
            self.today_board.refresh()
            self.refresh_patients()

        self.schedule_window: ScheduleWindow | None = None

        def open_schedule() -> ScheduleWindow:
            if self.schedule_window is None:
                self.schedule_window = ScheduleWindow(self._desk, self._today, parent=self)
                self.schedule_window.setWindowFlag(Qt.WindowType.Window)
                self.schedule_window.changed.connect(changed)
            self.schedule_window.show()
            self.schedule_window.raise_()
            self.schedule_window.activateWindow()
            return self.schedule_window

        self.open_schedule = open_schedule
        self.schedule_button = QPushButton("&Schedule")
        self.schedule_button.setObjectName("openSchedule")
        self.schedule_button.setToolTip("The day and week of consults (Ctrl+D)")
        self.schedule_button.clicked.connect(open_schedule)
        self.book_button = QPushButton("&Book consult…")
        self.book_button.setObjectName("bookFromDesk")
        self.book_button.setToolTip("Book a consult for a patient (Ctrl+B)")
        self.book_button.clicked.connect(lambda: open_schedule().book())
        QShortcut(QKeySequence("Ctrl+D"), self, activated=open_schedule)
        QShortcut(QKeySequence("Ctrl+B"), self, activated=lambda: open_schedule().book())
        self._top_bar.insertWidget(2, self.schedule_button)
        self._top_bar.insertWidget(3, self.book_button)
        self.today_board = TodayBoardWidget(self._desk, self._today, present, changed)
        self._desk_layout.insertWidget(1, self.today_board)

    def _build_import_actions(self) -> None:
        """File > Import patients… (Ctrl+I): a practice-management export into this practice."""
        from tcdesk.ui.desk.import_dialog import ImportDialog

        self._import_dialog: ImportDialog | None = None
        menu = next(
            (a.menu() for a in self.menuBar().actions() if a.menu() and a.text() == "&File"),
            None,
        ) or self.menuBar().addMenu("&File")
        self.import_action = menu.addAction("&Import patients…")
        self.import_action.setObjectName("importPatients")
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))

        def open_import() -> None:
            dialog = ImportDialog(self._desk, self)
            dialog.imported.connect(lambda _result: self._after_import())
            self._import_dialog = dialog
            dialog.open()

        self.import_action.triggered.connect(open_import)

    def _after_import(self) -> None:
        """Show everyone, so the families just imported are in the list."""
        if self.today_button.isChecked():
            self.today_button.setChecked(False)  # refreshes the list
        else:
            self.refresh_patients()

    def _build_settings_actions(self) -> None:
        """Settings (Ctrl+,): the practice, offices, staff, fees, money rules and terms."""
        from PySide6.QtGui import QAction
        from PySide6.QtWidgets import QApplication

        from tcdesk.ui.settings.settings_window import SettingsWindow
        from tcdesk.ui.style import staff_stylesheet

        self.settings_window: SettingsWindow | None = None
        self.settings_action = QAction("Settings…", self)
        self.settings_action.setObjectName("settingsAction")
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(self.settings_action)
        self.settings_button = QPushButton("Se&ttings")
        self.settings_button.setObjectName("settingsButton")
        self.settings_button.setToolTip(
            "The practice, offices, staff, fees, money rules and terms (Ctrl+,)"
        )
        self.settings_button.clicked.connect(self.settings_action.trigger)
        top = self.centralWidget().layout().itemAt(0).layout()
        top.addWidget(self.settings_button)
        heading = next(
            (
                w
                for w in self.centralWidget().findChildren(QLabel)
                if w.property("role") == "heading"
            ),
            None,
        )

        def refresh_practice() -> None:
            practice = self._desk.practice()
            if practice is None:
                return
            self._offices_changed()
            self.setWindowTitle(f"tcdesk — {practice.name}")
            if heading is not None:
                heading.setText(practice.name)
            app = QApplication.instance()
            if isinstance(app, QApplication):
                app.setStyleSheet(staff_stylesheet(practice.brand_color))

        def open_settings() -> None:
            if self.settings_window is None:
                self.settings_window = SettingsWindow(self._desk, self)
                self.settings_window.changed.connect(refresh_practice)
            self.settings_window.show()
            self.settings_window.raise_()
            self.settings_window.activateWindow()

        self.settings_action.triggered.connect(open_settings)

    def _offices_changed(self) -> None:
        """An office added or removed in Settings: the board and the schedule offer it."""
        board = getattr(self, "today_board", None)
        if board is not None:
            board.reload_offices()
        if getattr(self, "schedule_window", None) is not None:
            self.schedule_window.reload_offices()

    def show_room_screen_idle(self, idle: bool) -> None:
        """Offer to close the room's screen while it shows the idle welcome."""
        self.room_screen_note.setVisible(idle)
        self.close_room_screen_button.setVisible(idle)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)

    def show_problem(self, message: str) -> None:
        """A problem the TC should know about, without blocking the desk."""
        self.problems.append(message)
        self.statusBar().showMessage(message)
        self.statusBar().setToolTip("\n".join(self.problems))

    def refresh_patients(self) -> None:
        selected = self.selected_patient_id()
        day = self._today if self.today_button.isChecked() else None
        entries = search_patients(self._desk, self.search.text(), day)
        # A consult booked or a walk-in started since: the toggle's count follows.
        self._todays = len(search_patients(self._desk, "", self._today))
        self.model.set_entries(entries)
        self._show_list_labels(len(entries))
        row = self.model.row_of(selected) if selected else -1
        if row < 0 and entries:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.panel.show_overview(None)

    def _show_list_labels(self, shown: int) -> None:
        """Say what the list holds now, and what pressing the toggle shows instead."""
        patients = f"{shown} patient{'s' if shown != 1 else ''}"
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
        return self.model.entry(rows[0].row()).patient.id if rows else None

    def select_patient(self, patient_id: str) -> bool:
        row = self.model.row_of(patient_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        patient_id = self.selected_patient_id()
        self.panel.show_overview(patient_overview(self._desk, patient_id) if patient_id else None)

    # -- intake: a new family, a walk-in (tcdesk.ui.desk) ------------------------------

    def _build_intake_actions(self) -> None:
        """ "New family" (Ctrl+N), "Walk-in" (F2), "Edit family", and Ctrl+Enter to present."""
        from tcdesk.ui.desk.intake_actions import IntakeActions

        self.intake = IntakeActions(self, self._desk, self._machine_settings)
        self.intake_bar = self.intake.bar
