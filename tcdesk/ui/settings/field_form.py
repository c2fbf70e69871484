"""A form whose every field has a label and, under it, the red line that says what is wrong.

Pages and dialogs describe their fields with ``FieldSpec``; a ``FieldError``
(or several) from a service lands under the field it names, and focus moves
to the first one, so the person fixes it where they typed it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tcdesk.services.validation import FieldError, FieldErrors
from tcdesk.ui.style import restyle


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str  # with an & for the mnemonic
    kind: str = "text"  # text | multiline | choice | yes_no
    choices: tuple[tuple[str, str], ...] = ()  # (value, words) for a choice
    help: str = ""


class FieldForm(QWidget):
    def __init__(self, specs: Sequence[FieldSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.specs = tuple(specs)
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in self.specs:
            widget = self._input(spec)
            widget.setObjectName(f"field_{spec.key}")
            if spec.help:
                widget.setToolTip(spec.help)
            error = QLabel("")
            error.setObjectName(f"error_{spec.key}")
            error.setProperty("role", "error")
            error.setWordWrap(True)
            error.hide()
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(error)
            label = QLabel(spec.label)
            label.setBuddy(widget)
            form.addRow(label, cell)
            self.inputs[spec.key] = widget
            self.errors[spec.key] = error

    @staticmethod
    def _input(spec: FieldSpec) -> QWidget:
        if spec.kind == "multiline":
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(72)
            return edit
        if spec.kind == "choice":
            box = QComboBox()
            for value, words in spec.choices:
                box.addItem(words, value)
            return box
        if spec.kind == "yes_no":
            return QCheckBox()
        return QLineEdit()

    def set_values(self, values: dict[str, str]) -> None:
        for key, text in values.items():
            widget = self.inputs.get(key)
            if isinstance(widget, QLineEdit):
                widget.setText(text)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(text)
            elif isinstance(widget, QComboBox):
                index = widget.findData(text)
                widget.setCurrentIndex(max(index, 0))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(text == "yes")
        self.clear_errors()

    def values(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for key, widget in self.inputs.items():
            if isinstance(widget, QLineEdit):
                out[key] = widget.text()
            elif isinstance(widget, QPlainTextEdit):
                out[key] = widget.toPlainText()
            elif isinstance(widget, QComboBox):
                out[key] = str(widget.currentData() or "")
            elif isinstance(widget, QCheckBox):
                out[key] = "yes" if widget.isChecked() else "no"
        return out

    def clear_errors(self) -> None:
        for key, label in self.errors.items():
            label.hide()
            label.setText("")
            restyle(self.inputs[key], "invalid", False)

    def show_errors(self, error: FieldError | FieldErrors) -> bool:
        """Put each message under its field; False if none of them is on this form."""
        self.clear_errors()
        errors = error.errors if isinstance(error, FieldErrors) else [error]
        first: QWidget | None = None
        for item in errors:
            label = self.errors.get(item.field)
            if label is None:
                continue
            label.setText(item.message)
            label.show()
            restyle(self.inputs[item.field], "invalid", True)
            first = first or self.inputs[item.field]
        if first is not None:
            first.setFocus()
        return first is not None
