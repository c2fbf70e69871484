"""The walk-in form: a name and a phone or email, Enter, and the consult is ready.

Source is walk-in; the office, the TC and the doctor start on whoever is on
duty at this desk (machine settings) and can be changed. The date of birth may
be left empty at the door (see ``services.walk_in``).
"""

from __future__ import annotations

from datetime import datetime
from itertools import pairwise

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tcdesk.domain import StaffRole
from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.duplicates import PossibleDuplicate, possible_duplicates
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.services.validation import FieldErrors, date_text
from tcdesk.services.walk_in import (
    DutyUnclear,
    WalkInStarted,
    on_duty,
    staff_on_duty,
    start_walk_in,
)
from tcdesk.ui.accessibility import name_controls
from tcdesk.ui.desk.duplicate_offer import DuplicateOffer
from tcdesk.ui.desk.family_form import DUPLICATE_DELAY_MS
from tcdesk.ui.desk.field_marks import FieldMarks, error_label


class WalkInForm(QDialog):
    """``started`` carries the ``WalkInStarted`` once the patient and consult exist."""

    started = Signal(object)
    existing_chosen = Signal(str)  # the family is already on file: open it instead

    def __init__(
        self,
        desk: Desk,
        now: datetime,
        settings: MachineSettingsStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("walkInForm")
        self.setWindowTitle("Walk-in")
        self._desk = desk
        self._now = now
        self._settings = settings
        try:
            duty = on_duty(desk, settings.load() if settings else None)
            office, coordinator_id, doctor_id = duty.office, duty.coordinator.id, duty.doctor.id
        except DutyUnclear as unclear:  # two could be on duty: the TC picks, nothing guessed
            office = unclear.office
            coordinator_id = unclear.coordinator.id if unclear.coordinator else ""
            doctor_id = unclear.doctor.id if unclear.doctor else ""
        practice = desk.practice()
        assert practice is not None  # on_duty checked

        self.marks = FieldMarks()
        self.name = QLineEdit()
        self.name.setObjectName("walkInName")
        self.name.setPlaceholderText("first and last name")
        self.contact = QLineEdit()
        self.contact.setObjectName("walkInContact")
        self.contact.setPlaceholderText("a phone number or an email address")
        self.birth = QLineEdit()
        self.birth.setObjectName("walkInBirth")
        self.birth.setPlaceholderText("MM/DD/YYYY, if you asked (can be added later)")
        self.office = QComboBox()
        for office in desk.practices.offices(practice.id):
            self.office.addItem(office.name, office.id)
        self.office.setCurrentIndex(self.office.findData(office.id))
        self.coordinator = self._staff_combo(StaffRole.COORDINATOR, coordinator_id)
        self.doctor = self._staff_combo(StaffRole.DOCTOR, doctor_id)

        form = QFormLayout()
        for text, key, widget in (
            ("&Name", "name", self.name),
            ("&Phone or email", "contact", self.contact),
            ("&Date of birth", "birth_date", self.birth),
            ("&Office", "office", self.office),
            ("&TC", "coordinator", self.coordinator),
            ("Do&ctor", "doctor", self.doctor),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, self.marks.add(key, widget))
        source = QLabel("Came to us by: Walk-in · the consult starts now")
        source.setProperty("role", "muted")
        self.general_error = error_label()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.start_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.start_button.setText("&Start the consult")
        self.start_button.setObjectName("startWalkIn")
        self.start_button.setProperty("primary", True)
        self.start_button.setDefault(True)
        self.start_button.setToolTip("Add the patient and a consult now (Enter)")
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)

        heading = QLabel("Walk-in")
        heading.setProperty("role", "heading")
        self.offer = DuplicateOffer()
        self.offer.open_requested.connect(self._open_existing)
        self._duplicate_timer = QTimer(self, singleShot=True, interval=DUPLICATE_DELAY_MS)
        self._duplicate_timer.timeout.connect(self.check_duplicates)
        for edit in (self.name, self.contact, self.birth):
            edit.textChanged.connect(lambda _t: self._duplicate_timer.start())
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.offer)
        layout.addLayout(form)
        layout.addWidget(source)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        chain = [self.name, self.contact, self.birth, self.office, self.coordinator, self.doctor]
        for first, second in pairwise([*chain, self.start_button]):
            QWidget.setTabOrder(first, second)
        self.resize(560, 0)
        name_controls(self)  # each field read by its label's name
        self.name.setFocus()
        self.result_started: WalkInStarted | None = None

    def _staff_combo(self, role: StaffRole, chosen: str) -> QComboBox:
        combo = QComboBox()
        for person in staff_on_duty(self._desk, role):
            combo.addItem(person.name, person.id)
        combo.setCurrentIndex(combo.findData(chosen) if chosen else -1)
        return combo

    def check_duplicates(self) -> list[PossibleDuplicate]:
        """The same phone or email (or name and birth date, when asked) already on file."""
        words = self.name.text().split()
        first, last = (" ".join(words[:-1]), words[-1]) if len(words) > 1 else ("", "")
        contact = self.contact.text().strip()
        try:
            born = date_text("", "", self.birth.text())
        except UserError:
            born = None
        found = possible_duplicates(
            self._desk,
            first,
            last,
            born,
            "" if "@" in contact else contact,
            contact if "@" in contact else "",
        )
        self.offer.show_matches(found)
        return found

    def _open_existing(self, patient_id: str) -> None:
        self.existing_chosen.emit(patient_id)
        self.done(QDialog.DialogCode.Rejected)

    def done(self, result: int) -> None:
        self._duplicate_timer.stop()
        super().done(result)

    def start(self) -> bool:
        self.marks.clear()
        self.general_error.hide()
        office_id = str(self.office.currentData())
        coordinator_id = str(self.coordinator.currentData())
        doctor_id = str(self.doctor.currentData())
        try:
            started = start_walk_in(
                self._desk,
                self.name.text(),
                self.contact.text(),
                office_id,
                coordinator_id,
                doctor_id,
                self._now,
                birth_date=self.birth.text(),
            )
        except FieldErrors as errors:
            first = self.marks.show(errors.by_field(), "walk_in.")
            if first is not None:
                first.setFocus()
            return False
        except UserError as error:
            self.general_error.setText(str(error))
            self.general_error.show()
            return False
        if self._settings is not None:  # whoever took this one is on duty at this desk
            self._settings.update(
                office_id=office_id, coordinator_id=coordinator_id, doctor_id=doctor_id
            )
        self.result_started = started
        self.started.emit(started)
        self.accept()
        return True
