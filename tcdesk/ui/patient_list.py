"""The patient list: search as you type, one row per patient."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from tcdesk.domain import CONSULT_STATUS_LABELS, PatientListEntry
from tcdesk.formatting import local_datetime, local_time, medium_date

# One vocabulary with the CLI: the labels live in the domain.
STATUS_LABELS = {status.value: label for status, label in CONSULT_STATUS_LABELS.items()}

STATUS_COLOURS = {
    "scheduled": "#1F6F8B",
    "pending": "#B9770E",
    "accepted": "#1E8449",
    "started": "#1E8449",
    "declined": "#7B7D7D",
    "observation": "#5B6C7D",
    "no_show": "#B03A2E",
    # the day's list: where today's consult stands now (services.today_board.consult_state)
    "to_come": "#1F6F8B",
    "late": "#B03A2E",
    "here": "#B9770E",
    "presenting": "#6A3FA0",
}

COLUMNS = ("Patient", "Age", "Latest consult", "Status", "Office", "Responsible")
TODAYS_CONSULT = "Today's consult"  # the third column's heading on the day's list
BIRTH_NOT_ASKED = "not asked"  # the panel says "Date of birth not asked yet"


class PatientTableModel(QAbstractTableModel):
    def __init__(self, today: date) -> None:
        super().__init__()
        self._today = today
        self._entries: list[PatientListEntry] = []
        self._todays = False

    def set_entries(self, entries: list[PatientListEntry], *, todays: bool = False) -> None:
        """``todays``: the day's list, whose rows carry today's consult and its live state."""
        self.beginResetModel()
        self._entries = entries
        self._todays = todays
        self.endResetModel()

    def entries(self) -> list[PatientListEntry]:
        return list(self._entries)

    def entry(self, row: int) -> PatientListEntry:
        return self._entries[row]

    def row_of(self, patient_id: str) -> int:
        for row, entry in enumerate(self._entries):
            if entry.patient.id == patient_id:
                return row
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return TODAYS_CONSULT if section == 2 and self._todays else COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0):
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            key = entry.state or entry.latest_status
            return QColor(STATUS_COLOURS.get(key, "#1B1B1B")) if key else None
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            patient = entry.patient
            if patient.preferred_name:
                return f"Legal name: {patient.legal_name}"
        return None

    def _text(self, entry: PatientListEntry, column: int) -> str:
        patient = entry.patient
        if column == 0:
            return f"{patient.legal_last}, {patient.display_first}"
        if column == 1:
            return str(patient.age_on(self._today)) if patient.birth_date_known else BIRTH_NOT_ASKED
        if column == 2:
            if not entry.latest_consult_at:
                return ""
            if self._todays:
                return local_time(entry.latest_consult_at)
            day = local_datetime(entry.latest_consult_at).date()
            if day == self._today:
                return f"Today {local_time(entry.latest_consult_at)}"
            return medium_date(day)
        if column == 3:
            return entry.state_label or STATUS_LABELS.get(entry.latest_status or "", "")
        if column == 4:
            return entry.office_name
        return entry.responsible
