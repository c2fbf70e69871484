"""The preview: the first rows as they will be imported, and every row that cannot be."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tcdesk.formatting import medium_date
from tcdesk.services.importer import ImportPreview
from tcdesk.services.importer.preparing import DUPLICATE, INVALID, RowOutcome
from tcdesk.services.importer.rows import RowProblem
from tcdesk.ui.patient_panel import LEAD_LABELS

PREVIEW_ROWS = 25
SHOWN_PROBLEMS = 500
PROBLEM_COLOUR = QColor("#B03A2E")
MUTED_COLOUR = QColor("#5E656C")
STATUS_WORDS = {"new": "Will import", DUPLICATE: "Already on file", INVALID: "Not imported"}
PREVIEW_HEADERS = (
    "Row", "Status", "Patient", "Born", "Phone", "Email", "Came by", "Parent / guardian",
)  # fmt: skip


def problem_table(name: str) -> QTableWidget:
    """Row numbers with the reason each row cannot be imported."""
    return _table(("Row", "Why it cannot be imported"), name)


def fill_problems(table: QTableWidget, problems: list[RowProblem]) -> None:
    shown = problems[:SHOWN_PROBLEMS]
    table.setRowCount(len(shown))
    for r, problem in enumerate(shown):
        table.setItem(r, 0, QTableWidgetItem(str(problem.row)))
        table.setItem(r, 1, QTableWidgetItem(problem.reason))


def _table(headers: tuple[str, ...], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _cells(outcome: RowOutcome, raw_name: str) -> list[str]:
    row = outcome.patient
    status = STATUS_WORDS[outcome.status]
    if row is None:  # the reason (or "already on file") spans the rest of the row
        reason = outcome.reason or "The same patient is already on file: skipped."
        return [str(outcome.line), status, raw_name, reason]
    guardian = row.guardians[0] if row.guardians else None
    return [
        str(outcome.line),
        status,
        f"{row.first} {row.last}" + (f" ({row.preferred_name})" if row.preferred_name else ""),
        medium_date(row.birth_date),
        row.phone,
        row.email,
        LEAD_LABELS.get(row.lead_source.value, row.lead_source.value),
        f"{guardian.name} ({guardian.relationship.value})" if guardian else "Self",
    ]


class ImportPreviewWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel("")
        self.summary.setObjectName("importSummary")
        self.summary.setProperty("role", "subheading")
        self.summary.setWordWrap(True)
        self.reading = QLabel("")
        self.reading.setProperty("role", "muted")
        self.reading.setWordWrap(True)
        self.rows = _table(PREVIEW_HEADERS, "importPreviewRows")
        self.problems_label = QLabel("")
        self.problems_label.setProperty("role", "warning")
        self.problems = problem_table("importProblems")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.reading)
        layout.addWidget(QLabel(f"The first {PREVIEW_ROWS} rows, as they will be imported:"))
        layout.addWidget(self.rows, 3)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems, 2)

    def show_preview(self, preview: ImportPreview) -> None:
        new, duplicates, invalid = len(preview.new_rows), preview.duplicates, preview.invalid
        self.summary.setText(
            f"{new} patient{'s' if new != 1 else ''} will be imported · "
            f"{duplicates} already on file (skipped) · "
            f"{len(invalid)} row{'s' if len(invalid) != 1 else ''} cannot be imported"
        )
        self.reading.setText(
            f"{preview.file.name}: read as {preview.file.encoding}; dates {preview.date_form.note}."
        )
        first = preview.file.headers.index(preview.columns["first_name"])
        last = preview.file.headers.index(preview.columns["last_name"])
        by_line = {row.line: row.fields for row in preview.file.rows[: PREVIEW_ROWS * 2]}
        outcomes = preview.outcomes[:PREVIEW_ROWS]
        self.rows.clearSpans()
        self.rows.setRowCount(len(outcomes))
        for r, outcome in enumerate(outcomes):
            fields = by_line.get(outcome.line, ())
            raw = " ".join(fields[i] for i in (first, last) if i < len(fields)).strip()
            cells = _cells(outcome, raw)
            colour = PROBLEM_COLOUR if outcome.status == INVALID else MUTED_COLOUR
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if outcome.patient is None and c in (1, 3):
                    item.setForeground(QBrush(colour))
                self.rows.setItem(r, c, item)
            if len(cells) < len(PREVIEW_HEADERS):
                self.rows.setSpan(r, 3, 1, len(PREVIEW_HEADERS) - 3)
        fill_problems(self.problems, invalid)
        self.problems_label.setVisible(bool(invalid))
        self.problems.setVisible(bool(invalid))
        more = f" (the first {SHOWN_PROBLEMS} shown)" if len(invalid) > SHOWN_PROBLEMS else ""
        self.problems_label.setText(
            f"These rows will not be imported (row = line in the file){more}. "
            "Fix them in the file and import it again: rows already imported are skipped."
        )
