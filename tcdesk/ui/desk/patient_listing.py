"""The desk's patient list: the search box, the today toggle, the count and the table.

Kept apart from the main window because the list is the desk's busiest part
(a page at a time, a search per pause in typing, a far patient kept selected)
and the window only arranges it beside the patient's panel. The panel follows
the list through ``PanelFollow``, handed in once both exist (``follow``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelection, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QPushButton, QTableView

from tcdesk.services import patient_pages
from tcdesk.services.desk import Desk
from tcdesk.services.patient_overview import search_patients
from tcdesk.services.patient_pages import PatientCount
from tcdesk.services.practice_lookup import offices
from tcdesk.ui.desk.panel_follow import PanelFollow
from tcdesk.ui.patient_columns import fit_columns, widen_office_column
from tcdesk.ui.patient_list import PatientTableModel
from tcdesk.ui.shortcut_help import WindowKeysFirst

SEARCH_DELAY_MS = 120


class PatientListing(QObject):
    def __init__(self, desk: Desk, today: date, todays: int, parent: QObject) -> None:
        super().__init__(parent)
        self._desk = desk
        self._today = today
        self.todays = todays  # today's consults, for the toggle's words (the window keeps it)
        self._follow: PanelFollow | None = None
        self._build_search()
        self._build_table(today)

    def follow(self, panel_follow: PanelFollow) -> None:
        """The patient's panel, which follows the selection (made after the list)."""
        self._follow = panel_follow
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

    def _build_search(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("patientSearch")
        self.search.setPlaceholderText("Search patients by name, phone or email")
        self.search.setClearButtonEnabled(True)
        WindowKeysFirst(self.search)  # Ctrl+E opens the record, even typing a name
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.search_typed)
        self.search.textChanged.connect(self._search_changed)
        self.count_label = QLabel("")
        self.count_label.setProperty("role", "muted")
        # Checked = only today's families. The button's text says what pressing it
        # does; the count beside it says what the list shows now.
        self.today_button = QPushButton()
        self.today_button.setObjectName("todayButton")
        self.today_button.setCheckable(True)
        self.today_button.setChecked(self.todays > 0)  # a TC's day starts with today's families
        self.today_button.toggled.connect(lambda _on: self.refresh())

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
        self.width = fit_columns(self.table, [office.name for office in offices(self._desk)])

    def offices_changed(self) -> None:
        """An office added or renamed in Settings: its name fits in the Office column."""
        widen_office_column(self.table, [office.name for office in offices(self._desk)])

    @property
    def _panel(self) -> PanelFollow:
        assert self._follow is not None, "the panel follows the list once built"
        return self._follow

    def refresh(self) -> None:
        selected = self.selected_patient_id()
        day = self._today if self.today_button.isChecked() else None
        text = self.search.text()
        if day is not None:  # the day's families: a short list, whole
            entries = search_patients(self._desk, text, day)
            self.model.set_entries(entries, todays=True)
            self._show_labels(PatientCount(len(entries)))
        else:  # everyone: a page now, the next as the TC scrolls
            entries = patient_pages.page(self._desk, text)
            self.model.set_pages(
                entries,
                lambda at, rows: self._next_page(text, at, rows),
                fetch_at=lambda at, rows: self._page_at(text, at, rows),
            )
            self._show_labels(patient_pages.count(self._desk, text))
        # Typing a name: the patient selected stays so if the first page has them (no
        # look-up further down per key); the search cleared, they stay selected wherever.
        read_down = not (self._panel.typing and text)
        row = self.loaded_row_of(selected, read_down=read_down) if selected else -1
        if row < 0 and entries:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._panel.show_selected()  # no one: the panel says so at once

    def _search_changed(self, _text: str) -> None:
        self.search_timer.start()
        self._panel.key_typed()

    def search_typed(self) -> None:
        """What the search's timer runs: the list now, the patient's panel after a pause."""
        with self._panel.typed():
            self.refresh()

    def loaded_row_of(self, patient_id: str, *, read_down: bool = True) -> int:
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

    def _show_labels(self, shown: PatientCount) -> None:
        """Say what the list holds now, and what pressing the toggle shows instead."""
        patients = shown.words()
        if self.today_button.isChecked():
            self.count_label.setText(f"Today's consults: {patients}")
            self.today_button.setText("Show all patients")
            self.today_button.setToolTip("Only today's families are listed; press to list everyone")
        else:
            self.count_label.setText(f"All patients: {patients}")
            self.today_button.setText(f"Show today's consults ({self.todays})")
            self.today_button.setToolTip(
                "Everyone is listed; press to list only today's families, earliest first"
            )

    def selected_patient_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.patient_id(rows[0].row()) if rows else None

    def select_patient(self, patient_id: str) -> bool:
        row = self.loaded_row_of(patient_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        """A click or a key in the list shows the patient at once; a search, after a pause."""
        self._panel.selection_changed()
