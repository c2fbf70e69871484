"""The live scoring sheet the trainer ticks while watching (items from ``partner_sheet``).

Each part shows its points as they are ticked and a line for the trainer's
notes; the total, the family's decision and why, and the minutes are at the
foot. ``marks()`` is what was set, for ``scorecard_from_marks``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tcdesk.services.training.partner_brief import REASON_WORDS
from tcdesk.services.training.partner_sheet import (
    DECISIONS,
    SheetMarks,
    points_of,
    sheet_parts,
)
from tcdesk.services.training.persona_model import HOLD_BACK_REASONS, Outcome
from tcdesk.services.training.scorecard import Part

NEEDS_REASON = (Outcome.THINK_IT_OVER.value, Outcome.DECLINE.value)


class PartnerSheetView(QWidget):
    """Ticks, notes and the decision; emits ``changed`` whenever the total may have moved."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parts = sheet_parts()
        self.boxes: dict[str, QCheckBox] = {}
        self.notes: dict[Part, QLineEdit] = {}
        self._groups: dict[Part, QGroupBox] = {}
        items = QWidget()
        layout = QVBoxLayout(items)
        layout.setContentsMargins(4, 4, 12, 4)
        layout.setSpacing(6)
        for sheet in self._parts:
            group = QGroupBox()
            box = QVBoxLayout(group)
            box.setSpacing(2)
            for item in sheet.items:
                check = QCheckBox(f"{item.label}  ({item.points})")
                check.setObjectName(f"tick-{item.key}")
                check.setToolTip(f"Unticked, the scorecard says: {item.missed}")
                check.toggled.connect(self._refresh)
                self.boxes[item.key] = check
                box.addWidget(check)
            note = QLineEdit()
            note.setPlaceholderText(f"Notes on {sheet.label.lower()}")
            note.setObjectName(f"note-{sheet.part.value}")
            self.notes[sheet.part] = note
            box.addWidget(note)
            self._groups[sheet.part] = group
            layout.addWidget(group)
        layout.addStretch(1)
        self.area = QScrollArea()  # the items scroll; the total and decision stay in sight
        self.area.setWidget(items)
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QScrollArea.Shape.NoFrame)
        foot = QFrame()
        foot.setProperty("card", True)
        foot.setLayout(self._foot())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.area, 1)
        outer.addWidget(foot)
        self._refresh()

    def _foot(self) -> QFormLayout:
        form = QFormLayout()
        form.setContentsMargins(12, 8, 12, 8)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.total = QLabel()
        self.total.setProperty("role", "heading")
        self.total.setObjectName("sheet-total")
        form.addRow("Total", self.total)
        self.decision = QComboBox()
        for value, words in DECISIONS.items():
            self.decision.addItem(words, value)
        self.decision.setCurrentIndex(self.decision.findData(Outcome.THINK_IT_OVER.value))
        self.decision.currentIndexChanged.connect(self._refresh)
        form.addRow("The family decided", self.decision)
        self.reason = QComboBox()
        self.reason.addItem("Choose what holds them back…", "")
        for value in HOLD_BACK_REASONS:
            self.reason.addItem(REASON_WORDS[value].capitalize(), value)
        form.addRow("Because of", self.reason)
        row = QHBoxLayout()
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 180)
        self.minutes.setSuffix(" min")
        row.addWidget(self.minutes)
        hint = QLabel("about 30 is the aim")
        hint.setProperty("role", "muted")
        row.addWidget(hint)
        row.addStretch(1)
        form.addRow("Minutes", row)
        return form

    def _refresh(self) -> None:
        points = points_of(self._parts, self.ticked())
        for sheet in self._parts:
            self._groups[sheet.part].setTitle(
                f"{sheet.label}   {points[sheet.part]} / {sheet.out_of}"
            )
        self.total.setText(f"{sum(points.values())} / 100")
        self.reason.setEnabled(self.decision.currentData() in NEEDS_REASON)
        self.changed.emit()

    def ticked(self) -> frozenset[str]:
        return frozenset(key for key, box in self.boxes.items() if box.isChecked())

    def part_points(self) -> dict[Part, int]:
        return points_of(self._parts, self.ticked())

    def reason_missing(self) -> bool:
        return self.decision.currentData() in NEEDS_REASON and not self.reason.currentData()

    def marks(self) -> SheetMarks:
        decision = self.decision.currentData()
        return SheetMarks(
            ticked=self.ticked(),
            decision=decision,
            reason=self.reason.currentData() if decision in NEEDS_REASON else "",
            minutes=float(self.minutes.value()),
            notes={part: edit.text() for part, edit in self.notes.items()},
        )

    def clear(self) -> None:
        """A fresh sheet for the next practice consult."""
        for box in self.boxes.values():
            box.setChecked(False)
        for edit in self.notes.values():
            edit.clear()
        self.decision.setCurrentIndex(self.decision.findData(Outcome.THINK_IT_OVER.value))
        self.reason.setCurrentIndex(0)
        self.minutes.setValue(0)
        self._refresh()
