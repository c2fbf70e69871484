"""Findings: a table of what the doctor found, and a small dialog to add or change one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tcdesk.domain import ConditionCode, Finding, Severity
from tcdesk.services import consult_record as rec
from tcdesk.services.desk import Desk
from tcdesk.services.record_changes import RecordChange
from tcdesk.ui.desk.record_common import (
    FieldMessages,
    RecordHost,
    TableKeys,
    error_label,
    record_table,
)


class FindingDialog(QDialog):
    """Condition, severity and the doctor's note; the service's refusal shows at the field."""

    def __init__(
        self,
        parent: QWidget,
        shown: rec.ConsultRecord,
        host: RecordHost,
        save,
        finding: Finding | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("findingDialog")
        self.setWindowTitle("Change the finding" if finding else "Add a finding")
        self._host = host
        self._save = save
        self.code = QComboBox()
        self.code.setObjectName("findingCode")
        for code, label in shown.conditions:
            self.code.addItem(label, code.value)
        self.severity = QComboBox()
        self.severity.setObjectName("findingSeverity")
        for level, label in shown.severities:
            self.severity.addItem(label, level.value)
        self.note = QLineEdit()
        self.note.setObjectName("findingNote")
        self.note.setPlaceholderText("e.g. UL2 blocked out, 4 mm of crowding")
        if finding is not None:
            self.code.setCurrentIndex(self.code.findData(finding.code.value))
            self.severity.setCurrentIndex(self.severity.findData(finding.severity.value))
            self.note.setText(finding.note)
        else:
            self.severity.setCurrentIndex(self.severity.findData(Severity.MODERATE.value))
        self.code_error = error_label("findingCodeError")
        self.severity_error = error_label("findingSeverityError")
        self.note_error = error_label("findingNoteError")
        self.other_error = error_label("findingOtherError")
        self.messages = FieldMessages(self.other_error)
        self.messages.add("code", self.code_error, self.code)
        self.messages.add("severity", self.severity_error, self.severity)
        self.messages.add("note", self.note_error, self.note)

        form = QFormLayout()
        form.addRow(_buddy("&Condition", self.code), _stack(self.code, self.code_error))
        form.addRow(_buddy("&Severity", self.severity), _stack(self.severity, self.severity_error))
        form.addRow(_buddy("Doctor's &note", self.note), _stack(self.note, self.note_error))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Save finding")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.other_error)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _accept(self) -> None:
        code = ConditionCode(self.code.currentData())
        level = Severity(self.severity.currentData())
        note = self.note.text()
        if self._host.apply(self.messages, lambda: self._save(code, level, note)) is not None:
            self.accept()


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def _stack(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    for widget in widgets:
        layout.addWidget(widget)
    return box


class FindingsSection(QWidget):
    HEADERS = ("Condition", "Severity", "Doctor's note")

    def __init__(self, desk: Desk, host: RecordHost) -> None:
        super().__init__()
        self._desk = desk
        self._host = host
        self._shown: rec.ConsultRecord | None = None
        self.dialog: FindingDialog | None = None
        self.table = record_table("findingsTable", self.HEADERS, fitted=2)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self._keys = TableKeys(self.table, edit=self.edit, remove=self.remove)
        self.empty_label = QLabel("No findings yet. Add what the doctor found at the exam.")
        self.empty_label.setProperty("role", "muted")
        self.add_button = QPushButton("&Add finding…")
        self.add_button.setObjectName("addFinding")
        self.add_button.setProperty("primary", True)
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton("&Edit…")
        self.edit_button.clicked.connect(self.edit)
        self.remove_button = QPushButton("&Remove")
        self.remove_button.setObjectName("removeFinding")
        self.remove_button.clicked.connect(self.remove)
        self.up_button = QPushButton("Move &up")
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button = QPushButton("Move do&wn")
        self.down_button.clicked.connect(lambda: self.move(1))
        self.error = error_label("findingsError")
        self.messages = FieldMessages(self.error)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def show_record(self, shown: rec.ConsultRecord) -> None:
        self._shown = shown
        labels = dict(shown.conditions)
        severities = dict(shown.severities)
        row = self.table.currentRow()
        self.table.setRowCount(len(shown.findings))
        for r, finding in enumerate(shown.findings):
            for c, text in enumerate(
                (labels[finding.code], severities[finding.severity], finding.note)
            ):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, finding.id)
                self.table.setItem(r, c, item)
        self.empty_label.setVisible(not shown.findings)
        if shown.findings:
            self.table.selectRow(min(max(row, 0), len(shown.findings) - 1))
        for button in (self.edit_button, self.remove_button, self.up_button, self.down_button):
            button.setEnabled(bool(shown.findings))

    def selected(self) -> Finding | None:
        row = self.table.currentRow()
        if self._shown is None or not 0 <= row < len(self._shown.findings):
            return None
        return self._shown.findings[row]

    def add(self) -> None:
        assert self._shown is not None
        cid = self._shown.consult.id

        def save(code, level, note) -> RecordChange:
            return rec.add_finding(self._desk, cid, code, level, note)

        self._open(FindingDialog(self, self._shown, self._host, save))

    def edit(self) -> None:
        finding = self.selected()
        if finding is None or self._shown is None:
            return

        def save(code, level, note) -> RecordChange:
            return rec.edit_finding(self._desk, finding.id, code=code, level=level, note=note)

        self._open(FindingDialog(self, self._shown, self._host, save, finding))

    def _open(self, dialog: FindingDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        dialog.open()

    def remove(self) -> None:
        finding = self.selected()
        if finding is not None:
            self._host.apply(self.messages, lambda: rec.remove_finding(self._desk, finding.id))

    def move(self, step: int) -> None:
        finding = self.selected()
        if finding is None or self._shown is None:
            return
        ids = [f.id for f in self._shown.findings]
        row = ids.index(finding.id)
        target = row + step
        if not 0 <= target < len(ids):
            return
        ids.insert(target, ids.pop(row))
        cid = self._shown.consult.id
        if self._host.apply(self.messages, lambda: rec.reorder_findings(self._desk, cid, ids)):
            self.table.selectRow(target)
