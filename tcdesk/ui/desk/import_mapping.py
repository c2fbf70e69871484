"""The column-mapping screen: each tcdesk field with a choice of the file's headers.

Pre-filled from the headers tcdesk recognises; the coordinator fixes the rest.
A required field left unmapped is marked at its own combo.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from tcdesk.services.importer import FIELDS, recognise

NOT_IN_FILE = "(not in the file)"
COLUMNS = 2  # fields are laid out in two columns so the screen stays short


class ColumnMappingWidget(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("columnMapping")
        self.combos: dict[str, QComboBox] = {}
        self._errors: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        rows = (len(FIELDS) + COLUMNS - 1) // COLUMNS
        for index, field in enumerate(FIELDS):
            row, column = (index % rows) * 2, (index // rows) * 2
            combo = QComboBox()
            combo.setObjectName(f"map_{field.key}")
            combo.setMinimumWidth(200)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            label = QLabel(f"{field.label}{' *' if field.required else ''}")
            label.setBuddy(combo)
            error = QLabel("")
            error.setProperty("role", "error")
            error.hide()
            grid.addWidget(label, row, column)
            grid.addWidget(combo, row, column + 1)
            grid.addWidget(error, row + 1, column + 1)
            self.combos[field.key] = combo
            self._errors[field.key] = error
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

    def set_headers(self, headers: tuple[str, ...]) -> None:
        """Offer the file's headers and pick the ones tcdesk recognises."""
        found = recognise(headers)
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(NOT_IN_FILE, "")
            for header in headers:
                combo.addItem(header, header)
            combo.setCurrentIndex(combo.findData(found[key]) if key in found else 0)
            combo.blockSignals(False)
        self.clear_errors()
        self.changed.emit()

    def mapping(self) -> dict[str, str]:
        """Every field with the header chosen for it ("" = not imported)."""
        return {key: combo.currentData() or "" for key, combo in self.combos.items()}

    def choose(self, key: str, header: str) -> None:
        combo = self.combos[key]
        combo.setCurrentIndex(max(combo.findData(header), 0))

    def show_missing(self, keys: list[str]) -> None:
        """Mark required fields without a column, and put the focus on the first."""
        self.clear_errors()
        for key in keys:
            self._errors[key].setText("Pick the column that holds this.")
            self._errors[key].show()
        if keys:
            self.combos[keys[0]].setFocus()

    def clear_errors(self) -> None:
        for error in self._errors.values():
            error.hide()
