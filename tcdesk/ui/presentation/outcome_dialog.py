"""How did the consult end? Asked on the coordinator's screen, never the family's."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from tcdesk.domain import Warmth
from tcdesk.services.consult_outcome import (
    Outcome,
    OutcomeError,
    OutcomeKind,
    StartReadiness,
    check_outcome,
    check_start,
)

CHOICES = (
    (OutcomeKind.STARTED_TODAY, "Started today"),
    (OutcomeKind.START_BOOKED, "Start booked"),
    (OutcomeKind.THINKING, "Thinking it over (follow up)"),
    (OutcomeKind.DECLINED, "Declined"),
    (OutcomeKind.OBSERVATION, "Observation or recall (not ready yet)"),
    (OutcomeKind.REFERRED_OUT, "Referred out (to another specialist)"),
)
WARMTHS = ((Warmth.HOT, "Hot"), (Warmth.WARM, "Warm"), (Warmth.COLD, "Cold"))
# What the reason line asks, by outcome.
REASON_ASKS = {
    OutcomeKind.THINKING: "What holds them back",
    OutcomeKind.DECLINED: "Why they declined",
    OutcomeKind.REFERRED_OUT: "To whom, and why",
    OutcomeKind.OBSERVATION: "Why wait (optional)",
}
RECALL_MONTHS = 6  # a growing child is usually seen again in 6 to 12 months


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class OutcomeDialog(QDialog):
    """Asks how the consult ended; an outcome the consult isn't ready for can't be chosen
    into the store: its reason shows under the choices and "End consult" stays off."""

    def __init__(self, today: date, ready: StartReadiness, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomeDialog")
        self.setWindowTitle("End the consult")
        self._today = today
        self._ready = ready
        self.outcome: Outcome | None = None
        self.group = QButtonGroup(self)
        self.buttons: dict[OutcomeKind, QRadioButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("How did the consult end?"))
        for kind, label in CHOICES:
            button = QRadioButton(label)
            button.setObjectName(f"outcome_{kind.value}")
            self.group.addButton(button)
            self.buttons[kind] = button
            layout.addWidget(button)
            button.toggled.connect(lambda _on: self._show_fields())
        self.start_date = QDateEdit(_qdate(today + timedelta(days=14)))
        self.start_date.setCalendarPopup(True)
        self.follow_up_on = QDateEdit(_qdate(today + timedelta(days=3)))
        self.follow_up_on.setCalendarPopup(True)
        for edit in (self.start_date, self.follow_up_on):
            edit.setDisplayFormat("ddd MMM d, yyyy")
            edit.setMinimumDate(_qdate(today))
        self.recall_on = QDateEdit(_qdate(today + timedelta(days=round(RECALL_MONTHS * 30.4))))
        self.recall_on.setCalendarPopup(True)
        self.recall_on.setDisplayFormat("ddd MMM d, yyyy")
        self.recall_on.setMinimumDate(_qdate(today))
        self.recall_on.setObjectName("outcomeRecallOn")
        self.warmth = QComboBox()
        self.warmth.setObjectName("outcomeWarmth")
        for warmth, label in WARMTHS:
            self.warmth.addItem(label, warmth.value)
        self.warmth.setCurrentIndex(1)
        self.warmth.setToolTip("Your read of how ready they are: it ranks the follow-up queue")
        self.reason = QLineEdit()
        self.reason.setObjectName("outcomeReason")
        self.reason_label = QLabel("What holds them back")
        self.form = QFormLayout()
        self.form.addRow("Start date", self.start_date)
        self.form.addRow("Follow up on", self.follow_up_on)
        self.form.addRow("How warm", self.warmth)
        self.form.addRow("Recall on", self.recall_on)
        self.form.addRow(self.reason_label, self.reason)
        layout.addLayout(self.form)
        self.error = QLabel("")
        self.error.setObjectName("outcomeError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = box.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("End consult")
        self.ok_button.setProperty("primary", True)
        box.button(QDialogButtonBox.StandardButton.Cancel).setText("Back to the consult")
        box.accepted.connect(self.try_accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.buttons[OutcomeKind.THINKING].setChecked(True)
        self.setMinimumWidth(560)
        self.adjustSize()

    def kind(self) -> OutcomeKind:
        return next(kind for kind, button in self.buttons.items() if button.isChecked())

    def _show_fields(self) -> None:
        kind = self.kind() if any(b.isChecked() for b in self.buttons.values()) else None
        self.form.setRowVisible(self.start_date, kind is OutcomeKind.START_BOOKED)
        self.form.setRowVisible(self.follow_up_on, kind is OutcomeKind.THINKING)
        self.form.setRowVisible(self.warmth, kind is OutcomeKind.THINKING)
        self.form.setRowVisible(self.recall_on, kind is OutcomeKind.OBSERVATION)
        self.form.setRowVisible(self.reason, kind in REASON_ASKS)
        if kind in REASON_ASKS:
            self.reason_label.setText(REASON_ASKS[kind])
        self._check_ready(kind)

    def _check_ready(self, kind: OutcomeKind | None) -> None:
        """Say at once why a start can't be recorded yet, and keep "End consult" off."""
        problem = ""
        if kind is not None:
            try:
                check_start(kind, self._ready)
            except OutcomeError as error:
                problem = str(error)
        self.error.setText(problem)
        self.ok_button.setEnabled(not problem)
        self.ok_button.setToolTip(problem)
        self.adjustSize()  # the reason may take two lines; never clip it

    def values(self) -> Outcome:
        kind = self.kind()
        return Outcome(
            kind=kind,
            start_date=self.start_date.date().toPython()
            if kind is OutcomeKind.START_BOOKED
            else None,
            follow_up_on=self.follow_up_on.date().toPython()
            if kind is OutcomeKind.THINKING
            else None,
            reason=self.reason.text() if kind in REASON_ASKS else "",
            recall_on=self.recall_on.date().toPython() if kind is OutcomeKind.OBSERVATION else None,
            warmth=Warmth(self.warmth.currentData()) if kind is OutcomeKind.THINKING else None,
        )

    def try_accept(self) -> None:
        outcome = self.values()
        try:
            check_outcome(outcome, self._today, self._ready)
        except OutcomeError as error:
            self.error.setText(str(error))
            return
        self.outcome = outcome
        self.accept()
