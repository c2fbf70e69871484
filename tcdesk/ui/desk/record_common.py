"""What every section of the consult record shares: field errors under the field, and
one question before changing a consult that has a financial agreement."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QWidget,
)

from tcdesk.errors import UserError
from tcdesk.services.consult_record import RecordChange
from tcdesk.services.validation import FieldError, FieldErrors


def error_label(name: str) -> QLabel:
    """A red message line that sits under its field, empty (hidden) until needed."""
    label = QLabel("")
    label.setObjectName(name)
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


class FieldMessages:
    """Field name -> (its error label, the widget to focus); shows a service's refusal there."""

    def __init__(self, fallback: QLabel) -> None:
        self.fallback = fallback
        self.fields: dict[str, tuple[QLabel, QWidget | None]] = {}

    def add(self, field: str, label: QLabel, widget: QWidget | None) -> None:
        self.fields[field] = (label, widget)

    def clear(self) -> None:
        for label, _widget in [*self.fields.values(), (self.fallback, None)]:
            label.setText("")
            label.setVisible(False)

    def show(self, error: UserError) -> None:
        self.clear()
        errors = error.errors if isinstance(error, FieldErrors) else [error]
        focused = False
        for one in errors:
            field = one.field if isinstance(one, FieldError) else ""
            label, widget = self.fields.get(field, (self.fallback, None))
            text = one.message if isinstance(one, FieldError) else str(one)
            label.setText(f"{label.text()} {text}".strip())
            label.setVisible(True)
            if widget is not None and not focused:
                widget.setFocus()
                focused = True


class AgreementGate:
    """Asks once per window whether to change a consult that has an agreement."""

    def __init__(self, parent: QWidget, warning: Callable[[], str]) -> None:
        self._parent = parent
        self._warning = warning
        self.confirmed = False

    def allows(self) -> bool:
        warning = self._warning()
        if not warning or self.confirmed:
            return True
        answer = QMessageBox.question(
            self._parent,
            "A new agreement version will be needed",
            f"{warning}\n\nMake the change?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        self.confirmed = answer == QMessageBox.StandardButton.Yes
        return self.confirmed


class RecordHost:
    """What a section needs from the window: the gate, and "I changed something"."""

    def __init__(self, gate: AgreementGate, changed: Callable[[RecordChange], None]) -> None:
        self.gate = gate
        self._changed = changed

    def apply(
        self, messages: FieldMessages, operation: Callable[[], RecordChange]
    ) -> RecordChange | None:
        """Run one change: asked first if there is an agreement; refusals shown at the field."""
        if not self.gate.allows():
            return None
        try:
            done = operation()
        except UserError as error:
            messages.show(error)
            return None
        messages.clear()
        self._changed(done)
        return done


class TableKeys(QObject):
    """Enter (or Return) edits the selected row, Delete removes it."""

    def __init__(self, table: QWidget, *, edit: Callable[[], None], remove: Callable[[], None]):
        super().__init__(table)
        self._actions = {
            Qt.Key.Key_Return: edit,
            Qt.Key.Key_Enter: edit,
            Qt.Key.Key_Delete: remove,
        }
        table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            action = self._actions.get(Qt.Key(event.key()))
            if action is not None and not event.modifiers():
                action()
                return True
        return super().eventFilter(watched, event)


def record_table(name: str, headers: tuple[str, ...], fitted: int) -> QTableWidget:
    """A record tab's table: whole rows picked one at a time, read-only cells, the
    first ``fitted`` columns as wide as their contents and the last one filling the rest."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    for column in range(fitted):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table
