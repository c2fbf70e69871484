"""The patient list: search as you type, one row per patient."""

from __future__ import annotations

from collections.abc import Callable
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


Fetch = Callable[[int, int], list[PatientListEntry]]  # (offset, rows): the next rows ([] at end)

# Roles as plain ints: a view asks data() about ten roles per cell on every paint.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)


class PatientTableModel(QAbstractTableModel):
    """The rows read so far; the view asks for the next page as the TC scrolls near the end."""

    def __init__(self, today: date) -> None:
        super().__init__()
        self._today = today
        self._entries: list[PatientListEntry] = []
        self._texts: list[tuple[str, ...] | None] = []  # each row's cells, worded when first shown
        self._colours: dict[str, QColor] = {}
        self._todays = False
        self._fetch: Fetch | None = None
        self._page = 0

    def set_entries(self, entries: list[PatientListEntry], *, todays: bool = False) -> None:
        """The whole list at once (``todays``: the day's, rows with today's live state)."""
        self.set_pages(entries, None, todays=todays)

    def set_pages(
        self, first: list[PatientListEntry], fetch: Fetch | None, *, todays: bool = False
    ) -> None:
        """The first page; ``fetch(offset, rows)`` reads on when the view needs more."""
        self.beginResetModel()
        self._entries = list(first)
        self._texts = [None] * len(self._entries)
        self._todays = todays
        self._page = len(first)
        self._fetch = fetch if first else None
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._fetch is not None

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._fetch is None:
            return
        self._read(self._page)

    def fetch_through(self, row: int) -> None:
        """Read down to ``row`` (to select a patient far down the list), in one read."""
        missing = row + 1 - len(self._entries)
        if missing > 0 and self.canFetchMore() and self._page:
            self._read(-(-missing // self._page) * self._page)  # whole pages

    def _read(self, rows: int) -> None:
        assert self._fetch is not None
        more = self._fetch(len(self._entries), rows)
        if len(more) < rows:
            self._fetch = None  # that was the last page
        if more:
            start = len(self._entries)
            self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
            self._entries.extend(more)
            self._texts.extend([None] * len(more))
            self.endInsertRows()

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
        if role == _DISPLAY:
            return self._row_texts(index.row())[index.column()] if index.isValid() else None
        if role == _FOREGROUND and index.column() == 3 and index.isValid():
            entry = self._entries[index.row()]
            key = entry.state or entry.latest_status
            return self._colour(STATUS_COLOURS.get(key, "#1B1B1B")) if key else None
        if role == _TOOLTIP and index.column() == 0 and index.isValid():
            patient = self._entries[index.row()].patient
            if patient.preferred_name:
                return f"Legal name: {patient.legal_name}"
        return None

    def _row_texts(self, row: int) -> tuple[str, ...]:
        """The row's cells, worded once: each repaint and column sizing asks again."""
        texts = self._texts[row]
        if texts is None:
            entry = self._entries[row]
            texts = tuple(self._text(entry, column) for column in range(len(COLUMNS)))
            self._texts[row] = texts
        return texts

    def _colour(self, name: str) -> QColor:
        colour = self._colours.get(name)
        if colour is None:
            colour = self._colours[name] = QColor(name)
        return colour

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
