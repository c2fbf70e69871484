"""Concern & priorities: what bothers the family, in their words, and what matters most."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tcdesk.services import consult_record as rec
from tcdesk.services.desk import Desk
from tcdesk.ui.desk.record_common import FieldMessages, RecordHost, error_label


class ConcernSection(QWidget):
    def __init__(self, desk: Desk, host: RecordHost) -> None:
        super().__init__()
        self._desk = desk
        self._host = host
        self._consult_id = ""

        concern_label = QLabel("Chief &concern, in the family's own words")
        self.concern = QPlainTextEdit()
        self.concern.setObjectName("concernEdit")
        self.concern.setPlaceholderText('e.g. "Her front teeth are crooked; she hides her smile."')
        self.concern.setTabChangesFocus(True)
        self.concern.setFixedHeight(96)
        concern_label.setBuddy(self.concern)
        self.concern_error = error_label("concernError")

        priorities_label = QLabel("What matters most to them, in &order")
        self.priority_pick = QComboBox()
        self.priority_pick.setObjectName("priorityPick")
        self.priority_pick.setEditable(True)
        self.priority_pick.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.priority_pick.lineEdit().setPlaceholderText("Pick one or type their words")
        self.priority_pick.lineEdit().returnPressed.connect(self._add_priority)
        priorities_label.setBuddy(self.priority_pick)
        self.add_priority = QPushButton("&Add")
        self.add_priority.setObjectName("addPriority")
        self.add_priority.clicked.connect(self._add_priority)
        self.priorities = QListWidget()
        self.priorities.setObjectName("priorityList")
        self.priorities.setAccessibleName("What matters most, in order")
        self.priorities.setMaximumHeight(170)
        self.up = QPushButton("Move &up")
        self.up.clicked.connect(lambda: self._move(-1))
        self.down = QPushButton("Move do&wn")
        self.down.clicked.connect(lambda: self._move(1))
        self.remove = QPushButton("&Remove")
        self.remove.clicked.connect(self._remove)
        self.priorities_error = error_label("prioritiesError")
        self.other_error = error_label("concernOtherError")

        self.save_button = QPushButton("&Save concern and priorities")
        self.save_button.setObjectName("saveConcern")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel("")
        self.saved_label.setProperty("role", "muted")

        self.messages = FieldMessages(self.other_error)
        self.messages.add("concern", self.concern_error, self.concern)
        self.messages.add("priorities", self.priorities_error, self.priority_pick)
        self._arrange(concern_label, priorities_label)

    def _arrange(self, concern_label: QLabel, priorities_label: QLabel) -> None:
        pick_row = QHBoxLayout()
        pick_row.addWidget(self.priority_pick, 1)
        pick_row.addWidget(self.add_priority)
        list_row = QGridLayout()
        list_row.addWidget(self.priorities, 0, 0, 4, 1)
        list_row.addWidget(self.up, 0, 1)
        list_row.addWidget(self.down, 1, 1)
        list_row.addWidget(self.remove, 2, 1)
        save_row = QHBoxLayout()
        save_row.addWidget(self.saved_label, 1)
        save_row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(concern_label)
        layout.addWidget(self.concern)
        layout.addWidget(self.concern_error)
        layout.addSpacing(12)
        layout.addWidget(priorities_label)
        layout.addLayout(pick_row)
        layout.addLayout(list_row)
        layout.addWidget(self.priorities_error)
        layout.addWidget(self.other_error)
        layout.addStretch(1)
        layout.addLayout(save_row)

    def show_record(self, shown: rec.ConsultRecord) -> None:
        first = self._consult_id != shown.consult.id
        self._consult_id = shown.consult.id
        if first or not self.is_dirty(shown):
            self.concern.setPlainText(shown.concern)
            self.priorities.clear()
            self.priorities.addItems(list(shown.priorities))
        self.priority_pick.clear()
        self.priority_pick.addItems([c.capitalize() for c in shown.priority_choices])
        self.priority_pick.setCurrentIndex(-1)
        self._shown = shown

    def listed(self) -> list[str]:
        return [self.priorities.item(i).text() for i in range(self.priorities.count())]

    def is_dirty(self, shown: rec.ConsultRecord | None = None) -> bool:
        shown = shown or getattr(self, "_shown", None)
        if shown is None:
            return False
        typed = self.concern.toPlainText().strip()
        return typed != shown.concern or tuple(self.listed()) != shown.priorities

    def _add_priority(self) -> None:
        text = " ".join(self.priority_pick.currentText().split())
        if not text:
            return
        choices = {c.casefold(): c for c in self._shown.priority_choices}
        text = choices.get(text.casefold(), text)  # a picked choice keeps the usual words
        if text.casefold() not in {p.casefold() for p in self.listed()}:
            self.priorities.addItem(text)
        self.priority_pick.setCurrentIndex(-1)
        self.priority_pick.clearEditText()
        self.priority_pick.setFocus()

    def _move(self, step: int) -> None:
        row = self.priorities.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.priorities.count():
            return
        item = self.priorities.takeItem(row)
        self.priorities.insertItem(target, item)
        self.priorities.setCurrentRow(target)

    def _remove(self) -> None:
        row = self.priorities.currentRow()
        if row >= 0:
            self.priorities.takeItem(row)

    def save(self) -> bool:
        """Both fields in one go; nothing is saved if either is refused."""
        concern = self.concern.toPlainText()
        priorities = self.listed()
        done = self._host.apply(
            self.messages,
            lambda: rec.set_concern_and_priorities(
                self._desk, self._consult_id, concern, priorities
            ),
        )
        if done is not None:
            self.saved_label.setText("Saved.")
        return done is not None
