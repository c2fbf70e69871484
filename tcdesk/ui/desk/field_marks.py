"""A red message under the field that is wrong, and the focus moved there.

Each part of a form registers its inputs under the last part of the service's
field names ("birth_date" of "patient.birth_date", "email" of "party[0].email");
``show`` marks every one named in a ``FieldErrors`` and returns the first wrong
input in form order.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tcdesk.ui.style import restyle

TOP = Qt.AlignmentFlag.AlignTop  # a field's box in a grid: its message grows downwards


def field_label(text: str, buddy: QWidget) -> QLabel:
    """A field's label, level with the first line of its input (its message may follow)."""
    label = QLabel(text)
    label.setBuddy(buddy)
    label.setContentsMargins(0, 7, 0, 0)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


def error_label() -> QLabel:
    label = QLabel("")
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.hide()
    return label


class FieldMarks:
    """The fields of one part of a form, in the order a person meets them."""

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    def add(self, name: str, widget: QWidget) -> QWidget:
        """``widget`` with its (hidden) message label under it, ready for a layout."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        label = error_label()
        label.setObjectName(f"error:{name}")
        layout.addWidget(widget)
        layout.addWidget(label)
        self._fields[name] = (widget, label)
        return box

    def add_message(self, name: str, label: QLabel, focus: QWidget) -> None:
        """A part's own message (e.g. "add a parent"), shown on ``label``; ``focus`` gets focus."""
        self._fields[name] = (focus, label)

    def names(self) -> list[str]:
        return list(self._fields)

    def widget(self, name: str) -> QWidget:
        return self._fields[name][0]

    def message(self, name: str) -> str:
        label = self._fields[name][1]
        return label.text() if label.isVisible() or label.text() else ""

    def clear(self) -> None:
        for widget, label in self._fields.values():
            label.clear()
            label.hide()
            restyle(widget, "invalid", False)

    def show(self, errors: dict[str, str], prefix: str = "") -> QWidget | None:
        """Mark the fields named in ``errors`` (as ``prefix + name``); the first wrong input."""
        first: QWidget | None = None
        for name, (widget, label) in self._fields.items():
            message = errors.get(prefix + name)
            if message is None:
                continue
            label.setText(message)
            label.show()
            restyle(widget, "invalid", True)
            first = first or widget
        return first
