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

# A row: (patient id, the six cells' texts, the status colour's key, the tooltip).
# A tuple of str and None only: CPython's collector stops tracking it after one
# look, so 100,000 loaded rows do not make every full collection scan them.
Row = tuple[str, str, str, str, str, str, str, str | None, str | None]
_ID, _CELLS, _KEY, _TIP = 0, slice(1, 7), 7, 8
_STATUS_COLUMN = 3


class PatientTableModel(QAbstractTableModel):
    """The rows read so far; the view asks for the next page as the TC scrolls near the end."""

    def __init__(self, today: date) -> None:
        super().__init__()
        self._today = today
        self._rows: list[Row | None] = []  # None: not read yet (above a far patient)
        self._last: PatientListEntry | None = None  # where the next page starts (keyset)
        self._colours: dict[str, QColor] = {}
        self._todays = False
        self._fetch: Fetch | None = None
        self._fetch_at: Fetch | None = None
        self._page = 0

    def set_entries(self, entries: list[PatientListEntry], *, todays: bool = False) -> None:
        """The whole list at once (``todays``: the day's, rows with today's live state)."""
        self.set_pages(entries, None, todays=todays)

    def set_pages(
        self,
        first: list[PatientListEntry],
        fetch: Fetch | None,
        *,
        todays: bool = False,
        fetch_at: Fetch | None = None,
    ) -> None:
        """The first page; ``fetch(offset, rows)`` reads on when the view needs more.
        ``fetch_at(offset, rows)``: any page (by offset), to fill rows skipped over."""
        self.beginResetModel()
        self._todays = todays
        self._rows = [self._row(entry) for entry in first]
        self._last = first[-1] if first else None
        self._page = len(first)
        self._fetch = fetch if first else None
        self._fetch_at = fetch_at
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._fetch is not None

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._fetch is None:
            return
        self._read(self._page)

    def fetch_through(self, row: int) -> None:
        """Read down to ``row`` (to select a patient far down the list): only the page
        around it when pages can be read by offset, the rows above left to be read
        when shown; else every page down to it, in one read."""
        missing = row + 1 - len(self._rows)
        if missing <= 0 or not self.canFetchMore() or not self._page:
            return
        start = row // self._page * self._page
        if self._fetch_at is None or start <= len(self._rows):
            self._read(-(-missing // self._page) * self._page)  # whole pages
            return
        self._read(self._page, at=start)

    def _read(self, rows: int, *, at: int | None = None) -> None:
        """``rows`` more after the last read (``at``: from that offset, the rows
        between left unread)."""
        assert self._fetch is not None
        if at is None:
            more = self._fetch(len(self._rows), rows)
        else:
            assert self._fetch_at is not None
            more = self._fetch_at(at, rows)
        if len(more) < rows:
            self._fetch = None  # that was the last page
        skipped = (at - len(self._rows)) if at is not None and more else 0
        if more:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + skipped + len(more) - 1)
            self._rows.extend([None] * skipped)
            self._rows.extend([self._row(entry) for entry in more])
            self._last = more[-1]
            self.endInsertRows()

    def _filled(self, row: int) -> Row:
        """The row, reading its page first if it was skipped over."""
        known = self._rows[row]
        if known is not None:
            return known
        assert self._fetch_at is not None and self._page
        start = row // self._page * self._page
        for offset, entry in enumerate(self._fetch_at(start, self._page), start):
            if offset < len(self._rows) and self._rows[offset] is None:
                self._rows[offset] = self._row(entry)
        filled = self._rows[row]
        if filled is None:  # the store changed under the list: show it empty
            filled = self._rows[row] = ("", "", "", "", "", "", "", None, None)
        return filled

    def last_entry(self) -> PatientListEntry | None:
        """The last row read, whole: the next page starts after this patient."""
        return self._last

    def patient_id(self, row: int) -> str:
        return self._filled(row)[_ID]

    def patient_ids(self) -> list[str]:
        """Every row's patient (rows skipped over are read)."""
        return [self._filled(row)[_ID] for row in range(len(self._rows))]

    def cells(self, row: int) -> tuple[str, ...]:
        """The row's six texts, as the table shows them."""
        return self._filled(row)[_CELLS]

    def row_of(self, patient_id: str) -> int:
        """The row of a patient read so far (-1: not read)."""
        for row, cells in enumerate(self._rows):
            if cells is not None and cells[_ID] == patient_id:
                return row
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return TODAYS_CONSULT if section == 2 and self._todays else COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0):
        if role == _DISPLAY:
            return self._filled(index.row())[index.column() + 1] if index.isValid() else None
        if role == _FOREGROUND and index.column() == _STATUS_COLUMN and index.isValid():
            key = self._filled(index.row())[_KEY]
            return self._colour(STATUS_COLOURS.get(key, "#1B1B1B")) if key else None
        if role == _TOOLTIP and index.column() == 0 and index.isValid():
            return self._filled(index.row())[_TIP]
        return None

    def _colour(self, name: str) -> QColor:
        colour = self._colours.get(name)
        if colour is None:
            colour = self._colours[name] = QColor(name)
        return colour

    def _row(self, entry: PatientListEntry) -> Row:
        """The entry worded once, as the row's tuple (the entry itself is not kept)."""
        patient = entry.patient
        tooltip = f"Legal name: {patient.legal_name}" if patient.preferred_name else None
        return (
            patient.id,
            f"{patient.legal_last}, {patient.display_first}",
            str(patient.age_on(self._today)) if patient.birth_date_known else BIRTH_NOT_ASKED,
            self._consult_text(entry.latest_consult_at),
            entry.state_label or STATUS_LABELS.get(entry.latest_status or "", ""),
            entry.office_name,
            entry.responsible,
            entry.state or entry.latest_status or None,
            tooltip,
        )

    def _consult_text(self, at: str | None) -> str:
        if not at:
            return ""
        if self._todays:
            return local_time(at)
        day = local_datetime(at).date()
        if day == self._today:
            return f"Today {local_time(at)}"
        return medium_date(day)
