"""Each coordinator's practice consults over time: the scores as a chart, the parts as a table.

Read from the training file (``training_desk``) through
``tcdesk.services.training.progress``, the report ``tcdesk training report``
prints. Who sees whom: a TC sees only her own practice; the owner (an admin)
and the doctor see everyone, with "Everyone" in the chooser. ``open_progress``
decides that from the person signed in; with nobody signed in (a practice
without PINs yet) the one at the desk is the practice's admin, as everywhere
else in tcdesk.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tcdesk.domain import Staff, StaffRole
from tcdesk.services.desk import Desk
from tcdesk.services.sign_in import is_admin
from tcdesk.services.training.progress import CoordinatorProgress, progress
from tcdesk.ui.training.progress_chart import ProgressChartView
from tcdesk.ui.training.progress_chart_data import SERIES_COLOURS, progress_chart
from tcdesk.ui.training.progress_tables import PartsTable, PeopleTable, number, signed

EVERYONE = "Everyone"
NOBODY_YET = (
    "Nobody has practised yet. Each practice consult (with tcdesk as the family, or with a "
    "partner) shows here with its score, so you can watch it grow."
)


def may_see_everyone(member: Staff | None) -> bool:
    """The owner (an admin) and the doctor see every coordinator; a TC only herself.

    ``None`` (nobody signed in: a practice without PINs) is the practice's admin.
    """
    return member is None or member.role is StaffRole.DOCTOR or is_admin(member)


def summary(row: CoordinatorProgress) -> str:
    """ "5 practice consults · average 68.2 of 100 · trend +12 · weakest part: Money"."""
    count = len(row.sessions)
    if not count:
        return f"{row.name} has not practised yet."
    consults = "1 practice consult" if count == 1 else f"{count} practice consults"
    words = [consults, f"average {number(row.average_total)} of 100"]
    if row.trend is not None:
        words.append(f"trend {signed(row.trend)}")  # the table heading says what a trend is
    weakest = next((p.label for p in row.parts if p.part is row.weakest), None)
    if weakest:
        words.append(f"weakest part: {weakest}")
    return " · ".join(words)


def _everyone_summary(rows: Sequence[CoordinatorProgress]) -> str:
    practised = [r for r in rows if r.sessions]
    sessions = sum(len(r.sessions) for r in rows)
    people = "1 coordinator" if len(practised) == 1 else f"{len(practised)} coordinators"
    consults = "1 practice consult" if sessions == 1 else f"{sessions} practice consults"
    return f"{consults} by {people}"


class ProgressWindow(QWidget):
    """The chooser, a summary line, the chart and a table; words instead when nobody practised.

    ``coordinator_id``: whose practice to show first. ``everyone``: the chooser
    offers "Everyone" and every coordinator (the owner's and the doctor's view);
    without it the window shows ``coordinator_id`` only and the chooser is fixed.
    """

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
        coordinator_id: str | None = None,
        *,
        everyone: bool = False,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        if coordinator_id is None and not everyone:
            raise ValueError("a coordinator's progress needs the coordinator")
        self.desk = desk
        self.everyone = everyone
        self.setObjectName("progressWindow")
        self.setWindowTitle("Practice progress")
        practice = desk.practice()
        self.accent = (
            practice.brand_color if practice and practice.brand_color else SERIES_COLOURS[0]
        )
        heading = QLabel(
            "Practice consults: your progress" if not everyone else "Practice progress"
        )
        heading.setProperty("role", "heading")
        self.heading = heading
        self.chooser = QComboBox()
        self.chooser.setObjectName("progressCoordinator")
        self.chooser.setAccessibleName("Whose practice to show")
        self.chooser.setMinimumWidth(260)
        self._fill_chooser(coordinator_id)
        self.summary = QLabel()
        self.summary.setObjectName("progressSummary")
        self.summary.setWordWrap(True)
        self.summary.setProperty("role", "subheading")
        self.chart = ProgressChartView()
        self.parts = PartsTable()
        self.people = PeopleTable()
        self.parts_heading = QLabel(
            "By part: the average of all consults; the trend is the later half against the earlier"
        )
        self.parts_heading.setProperty("role", "muted")
        self.empty = QLabel(NOBODY_YET)
        self.empty.setObjectName("progressEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("font-size: 13pt; color: #5E656C; padding: 40px;")
        self.content = QWidget()
        column = QVBoxLayout(self.content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addWidget(self.chart, 1)
        column.addWidget(self.parts_heading)
        column.addWidget(self.parts.table)
        column.addWidget(self.people.table)
        scroll = QScrollArea()
        scroll.setWidget(self.content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        choose = QHBoxLayout()
        choose.addWidget(QLabel("Coordinator"))
        choose.addWidget(self.chooser)
        choose.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addWidget(heading)
        layout.addLayout(choose)
        layout.addWidget(self.summary)
        layout.addWidget(self.empty, 1)
        layout.addWidget(scroll, 3)
        layout.addWidget(buttons)
        self.scroll = scroll
        self.chooser.currentIndexChanged.connect(self.refresh)
        self.resize(900, 860)
        self.refresh()

    def _fill_chooser(self, coordinator_id: str | None) -> None:
        if self.everyone:
            self.chooser.addItem(EVERYONE, None)
            for row in progress(self.desk).rows:
                self.chooser.addItem(row.name, row.coordinator_id)
            found = self.chooser.findData(coordinator_id) if coordinator_id else 0
            if found < 0:  # someone not on the list (never practised, not a coordinator)
                row = progress(self.desk, coordinator_id).rows[0]
                self.chooser.addItem(row.name, row.coordinator_id)
                found = self.chooser.count() - 1
            self.chooser.setCurrentIndex(found)
        else:
            row = progress(self.desk, coordinator_id).rows[0]
            self.chooser.addItem(row.name, row.coordinator_id)
            self.chooser.setEnabled(False)
            self.chooser.setToolTip("You see your own practice consults.")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # closes it, as a dialog would
            self.close()
            return
        super().keyPressEvent(event)

    @property
    def shown(self) -> str | None:
        """The coordinator shown, or None for everyone."""
        return self.chooser.currentData()

    def choose(self, coordinator_id: str | None) -> None:
        index = self.chooser.findData(coordinator_id)
        if index < 0:
            raise ValueError(f"{coordinator_id!r} is not in the chooser")
        self.chooser.setCurrentIndex(index)

    def refresh(self) -> None:
        """Read the report again for the choice shown (a session may have been kept since)."""
        who = self.shown
        rows = progress(self.desk, who).rows
        self.rows = rows
        practised = any(r.sessions for r in rows)
        self.chart.set_chart(progress_chart(rows, self.accent))
        self.empty.setVisible(not practised)
        self.scroll.setVisible(practised)
        if who is None:
            self.summary.setText(_everyone_summary(rows) if practised else "")
            self.people.show(rows)
            self.empty.setText(NOBODY_YET)
        else:
            row = rows[0]
            self.summary.setText(escape(summary(row)))
            self.parts.show(row)
            self.empty.setText(
                f"{row.name} has not practised yet. Each practice consult (with tcdesk as "
                "the family, or with a partner) shows here with its score."
            )
        self.summary.setVisible(bool(self.summary.text()))
        self.people.table.setVisible(who is None)
        self.parts.table.setVisible(who is not None)
        self.parts_heading.setVisible(who is not None)


def open_progress(
    desk: Desk, viewer: Staff | None, parent: QWidget | None = None
) -> ProgressWindow:
    """The progress window for whoever is signed in (see the module's docstring), shown.

    A doctor is not a coordinator, so the doctor's view opens on "Everyone".
    """
    everyone = may_see_everyone(viewer)
    own = viewer.id if viewer is not None and viewer.role is not StaffRole.DOCTOR else None
    if not everyone and own is None:
        raise ValueError("a coordinator's progress needs the coordinator")
    window = ProgressWindow(desk, parent, own if not everyone else None, everyone=everyone)
    window.show()
    return window
