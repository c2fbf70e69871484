"""File > Sync conflicts: each value the office sync overwrote, beside the value kept.

Read-only. The list comes from ``tcdesk sync conflicts --json`` (a child process)
and is named and compared by ``services.sync.conflict_review`` on the app's own
connection; while the child runs the window says so and the desk stays free.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.sync import sync_commands
from tcdesk.services.sync.conflict_review import ConflictReview, ReviewRow, review
from tcdesk.services.sync.sync_reports import (
    ReportError,
    StatusReport,
    conflicts_from_json,
)
from tcdesk.ui.style import restyle
from tcdesk.ui.sync.sync_process import SyncProcess

COLUMNS = (
    ("Record", "record"),
    ("Field", "field"),
    ("Kept", "kept"),
    ("Overwritten", "overwritten"),
    ("Kept edit: where, when", "kept_edit"),
    ("Overwritten edit: where, when", "overwritten_edit"),
)


def cell_text(entry: ReviewRow, name: str) -> str:
    if name == "kept_edit":
        return f"{entry.kept_by} · {entry.kept_at}"
    if name == "overwritten_edit":
        return f"{entry.overwritten_by} · {entry.overwritten_at}"
    return str(getattr(entry, name))


EXPLAIN = (
    "When two offices changed the same thing before they synced, the newer change was "
    "kept everywhere. The older one is listed here so nothing is lost without a trace. "
    "To restore an overwritten value, type it again in the family's record."
)


class ConflictsWindow(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._status = StatusReport(joined=True)
        self.setObjectName("syncConflictsWindow")
        self.setWindowTitle("Sync conflicts — overwritten edits")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1240, 460)
        self.heading = QLabel("Overwritten edits")
        self.heading.setProperty("role", "heading")
        explain = QLabel(EXPLAIN)
        explain.setWordWrap(True)
        explain.setProperty("role", "muted")
        self.message = QLabel("")
        self.message.setObjectName("syncConflictsMessage")
        self.message.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("syncConflictsTable")
        self.table.setHorizontalHeaderLabels([title for title, _ in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName("Overwritten edits")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(explain)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.process = SyncProcess(self)
        self.process.done.connect(self._listed)
        self.process.failed.connect(lambda failure: self._failed(failure.message))
        self.review: ConflictReview | None = None
        self._reading_status = False

    def load(self, status: StatusReport | None) -> None:
        """Read the list again (off the GUI thread); ``status`` names this computer's office
        (None: it is read first, by ``tcdesk sync status``)."""
        if self._desk.path is None or self.process.running():
            return
        self.message.setText("Reading the sync's list of overwritten edits…")
        if status is None or not status.install_id:
            self._reading_status = True
            self.process.start(sync_commands.sync_status(self._desk.path))
            return
        self._status = status
        self.process.start(sync_commands.sync_conflicts(self._desk.path))

    def stop(self) -> None:
        self.process.stop()

    def _listed(self, out: str) -> None:
        if self._reading_status:
            self._reading_status = False
            try:
                status = StatusReport.from_json(out)
            except ReportError as error:
                self._failed(str(error))
                return
            self.load(status)
            return
        try:
            found = review(self._desk, conflicts_from_json(out), self._status)
        except (ReportError, UserError) as error:
            self._failed(str(error))
            return
        self.show_review(found)

    def _failed(self, message: str) -> None:
        """Said in the window (a non-admin is refused here too, in words)."""
        self._reading_status = False
        self.message.setText(f"The list could not be read: {message}")
        restyle(self.message, "role", "warning")

    def show_review(self, found: ConflictReview) -> None:
        self.review = found
        self.table.setRowCount(len(found.rows))
        for row, entry in enumerate(found.rows):
            for column, (_title, name) in enumerate(COLUMNS):
                text = cell_text(entry, name)
                item = QTableWidgetItem(text)
                item.setToolTip(f"{text}\n(overwritten by the sync here {entry.synced_at})")
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.message.setText(_summary(found))
        restyle(self.message, "role", "")

    def row_texts(self) -> list[ReviewRow]:
        return list(self.review.rows) if self.review is not None else []


def _summary(found: ConflictReview) -> str:
    if not found.rows and not found.unchanged:
        return "No edit has been overwritten: the offices never changed the same thing."
    count = len(found.rows)
    words = f"{count} overwritten value{'s' if count != 1 else ''}."
    if found.unchanged:
        words += (
            f" {found.unchanged} more record{'s were' if found.unchanged != 1 else ' was'} "
            "saved at two offices with nothing different (not listed)."
        )
    return words
