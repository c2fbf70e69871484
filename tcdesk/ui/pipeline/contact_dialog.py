"""Log a contact in a key or two: how (Alt+C call, Alt+T text…), the result, Enter.

It opens on the most common contact (a call, left a message, next contact in
two days: the usual cadence's first step), so from the queue a row, L and
Enter log it. A result that decides the family (booked, not interested) takes
the item off the queue; so does "Off the queue".
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from tcdesk.domain import ContactKind
from tcdesk.domain.pipeline import ContactResult
from tcdesk.errors import UserError
from tcdesk.services.contact_log import FINAL_RESULTS, ContactLogged, log_contact
from tcdesk.services.desk import Desk
from tcdesk.services.follow_up_queue import ItemKind, QueueItem
from tcdesk.services.validation import FieldError, FieldErrors
from tcdesk.ui.accessibility import name_controls
from tcdesk.ui.desk.field_marks import error_label

KIND_TEXTS = {
    ContactKind.CALL: "&Call",
    ContactKind.TEXT: "&Text",
    ContactKind.EMAIL: "&Email",
    ContactKind.LETTER: "&Letter",
    ContactKind.IN_PERSON: "In &person",
}
RESULT_TEXTS = {
    ContactResult.REACHED: "&Reached",
    ContactResult.LEFT_MESSAGE: "Left a &message",
    ContactResult.NO_ANSWER: "&No answer",
    ContactResult.BOOKED: "&Booked / started",
    ContactResult.NOT_INTERESTED: "Not &interested",
}
FIRST_STEP_DAYS = 2  # DOMAIN.md's common cadence: 2 days, 1 week, 3 weeks, then monthly


def _why_words(item: QueueItem) -> str:
    """What the TC wrote last time, under the right heading ("" when nothing)."""
    if not item.why:
        return ""
    if item.lead_id:
        return f"Note: {item.why}"
    if item.observation or item.kind is ItemKind.RECALL:
        return f"Why they wait: {item.why}"
    return f"Holding them back: {item.why}"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ContactDialog(QDialog):
    def __init__(
        self, desk: Desk, item: QueueItem, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contactDialog")
        self.setWindowTitle(f"Log a contact: {item.name}")
        self._desk = desk
        self._item = item
        self.logged: ContactLogged | None = None
        heading = QLabel(item.name)
        heading.setProperty("role", "heading")
        reach = " · ".join(x for x in (item.phone, item.email) if x)
        about = QLabel(f"{item.kind_label} · {item.reasons}" + (f"\n{reach}" if reach else ""))
        about.setWordWrap(True)
        about.setProperty("role", "muted")
        why = QLabel(_why_words(item))
        why.setWordWrap(True)
        why.setVisible(bool(why.text()))

        self.kinds: dict[ContactKind, QRadioButton] = {}
        self.results: dict[ContactResult, QRadioButton] = {}
        kind_box = self._group("How", KIND_TEXTS, self.kinds, "contactKind")
        result_box = self._group("Result", RESULT_TEXTS, self.results, "contactResult")
        self.kinds[ContactKind.CALL].setChecked(True)
        self.results[ContactResult.LEFT_MESSAGE].setChecked(True)
        if item.lead_id:  # a lead is booked from the booking, not from here
            self.results[ContactResult.BOOKED].setEnabled(False)
            self.results[ContactResult.BOOKED].setToolTip(
                "Book the consult from the lead; it is then marked consult booked"
            )

        self.next_on = QDateEdit(_qdate(today + timedelta(days=FIRST_STEP_DAYS)))
        self.next_on.setObjectName("contactNextOn")
        self.next_on.setCalendarPopup(True)
        self.next_on.setDisplayFormat("ddd MMM d, yyyy")
        self.next_on.setMinimumDate(_qdate(today + timedelta(days=1)))
        self.off_queue = QCheckBox("&Off the queue (no next date)")
        self.off_queue.setObjectName("contactOffQueue")
        self.off_queue.toggled.connect(lambda on: self.next_on.setEnabled(not on))
        next_label = QLabel("Next &date")
        next_label.setBuddy(self.next_on)
        next_row = QHBoxLayout()
        next_row.addWidget(next_label)
        next_row.addWidget(self.next_on)
        next_row.addWidget(self.off_queue)
        next_row.addStretch(1)
        self.next_error = error_label()
        self.note = QLineEdit()
        self.note.setObjectName("contactNote")
        self.note.setPlaceholderText("what was said, in a few words (optional)")
        note_label = QLabel("Wh&at was said")
        note_label.setBuddy(self.note)
        for button in self.results.values():
            button.toggled.connect(lambda _on: self._result_changed())

        self.error = error_label()
        self.error.setObjectName("contactError")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.log_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.log_button.setText("Lo&g it")
        self.log_button.setObjectName("logContact")
        self.log_button.setProperty("primary", True)
        self.log_button.setDefault(True)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(about)
        layout.addWidget(why)
        choices = QHBoxLayout()
        choices.addWidget(kind_box)
        choices.addWidget(result_box)
        layout.addLayout(choices)
        layout.addLayout(next_row)
        layout.addWidget(self.next_error)
        layout.addWidget(note_label)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        name_controls(self)
        self.log_button.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter logs it wherever the focus is (a radio button, the date, the note),
        except on Cancel, which cancels."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            self.cancel_button.hasFocus()
        ):
            self.submit()
            return
        super().keyPressEvent(event)

    def _group(self, title: str, texts: dict, found: dict, name: str) -> QGroupBox:
        box = QGroupBox(title)
        box.setObjectName(f"{name}Box")
        group = QButtonGroup(box)
        column = QVBoxLayout(box)
        for value, text in texts.items():
            button = QRadioButton(text)
            button.setObjectName(f"{name}_{value.value}")
            group.addButton(button)
            found[value] = button
            column.addWidget(button)
        return box

    def chosen_kind(self) -> ContactKind:
        return next(k for k, b in self.kinds.items() if b.isChecked())

    def chosen_result(self) -> ContactResult:
        return next(r for r, b in self.results.items() if b.isChecked())

    def _result_changed(self) -> None:
        final = self.chosen_result() in FINAL_RESULTS
        self.off_queue.setEnabled(not final)
        self.next_on.setEnabled(not final and not self.off_queue.isChecked())

    def next_date(self) -> date | None:
        if self.chosen_result() in FINAL_RESULTS or self.off_queue.isChecked():
            return None
        return self.next_on.date().toPython()

    def submit(self) -> bool:
        self.error.hide()
        self.next_error.hide()
        try:
            self.logged = log_contact(
                self._desk,
                self._item.key,
                self.chosen_kind().value,
                self.chosen_result().value,
                next_on=self.next_date(),
                note=self.note.text(),
            )
        except (FieldErrors, FieldError) as errors:
            found = (
                errors.by_field()
                if isinstance(errors, FieldErrors)
                else {errors.field: errors.message}
            )
            message = found.pop("contact.next_on", None)
            if message:
                self.next_error.setText(message)
                self.next_error.show()
                self.next_on.setFocus()
            if found:
                self.error.setText(" ".join(found.values()))
                self.error.show()
            return False
        except UserError as error:
            self.error.setText(str(error))
            self.error.show()
            return False
        self.accept()
        return True
