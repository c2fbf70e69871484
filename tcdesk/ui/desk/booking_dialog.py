"""Book a consult, or move one: patient, office, TC, doctor, date, time, length.

Every mistake shows in red under its field and focus goes there. A double
booking is a warning, not a refusal: the dialog names the clash and asks
"Book anyway?"; pressing the button again books over it.
"""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tcdesk.domain import Consult, StaffRole
from tcdesk.formatting import medium_date
from tcdesk.services.agreement_edits import move_warning
from tcdesk.services.desk import Desk
from tcdesk.services.patient_overview import search_patients
from tcdesk.services.practice_lookup import offices
from tcdesk.services.schedule import (
    DEFAULT_MINUTES,
    LONGEST_MINUTES,
    SHORTEST_MINUTES,
    DoubleBooking,
    Slot,
    book_consult,
    move_consult,
)
from tcdesk.services.validation import FieldError, FieldErrors
from tcdesk.ui.accessibility import name_controls

WEEKDAY_MEDIUM_DATE_QT = "ddd, MMM d, yyyy"  # as formatting.weekday_medium_date writes it

FIELDS = ("patient", "office", "coordinator", "doctor", "when", "minutes")
MATCHES_SHOWN = 8


class BookingDialog(QDialog):
    def __init__(
        self,
        desk: Desk,
        *,
        day: date,
        at: time = time(9),
        office_id: str | None = None,
        consult: Consult | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._consult = consult
        self.saved: Consult | None = None
        self._warned = False  # the overlap warning is showing: the next press books anyway
        self._agreement_confirmed = False  # asked once: a new agreement version is fine
        self.setObjectName("bookingDialog")
        self.setWindowTitle("Move consult" if consult else "Book consult")
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._build_patient(form)
        self._build_people(form, office_id)
        self._build_time(form, day, at)
        self.warning = QLabel("")
        self.warning.setObjectName("overlapWarning")
        self.warning.setProperty("role", "warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "background: #FFF4D6; border: 1px solid #E0B64A; border-radius: 6px; padding: 8px;"
        )
        self.warning.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("bookButton")
        self.ok_button.setProperty("primary", True)
        self._verb = "&Move" if consult else "&Book"
        self.ok_button.setText(self._verb)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        if consult is not None:
            self._load(consult)
        self.setMinimumWidth(520)
        name_controls(self)  # each field read by its label's name

    # -- fields ------------------------------------------------------------------------

    def _error_label(self, field: str) -> QLabel:
        label = QLabel("")
        label.setObjectName(f"{field}Error")
        label.setProperty("role", "error")
        label.setWordWrap(True)
        label.hide()
        self.errors[field] = label
        return label

    def _add(self, form: QFormLayout, text: str, field: str, widget: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(widget)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self._error_label(field))
        form.addRow(label, box)

    def _build_patient(self, form: QFormLayout) -> None:
        self.patient_search = QLineEdit()
        self.patient_search.setObjectName("patientSearch")
        self.patient_search.setPlaceholderText("Type a name, phone or email")
        self.patient_list = QListWidget()
        self.patient_list.setObjectName("patientMatches")
        self.patient_list.setAccessibleName("Matching patients")
        self.patient_list.setMaximumHeight(150)
        self.patient_search.textChanged.connect(self._search)
        self.patient_list.currentItemChanged.connect(lambda *_: self._changed())
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.patient_search)
        column.addWidget(self.patient_list)
        self._add(form, "&Patient", "patient", box)
        self.patient_label = form.labelForField(box)
        self._search("")

    def _search(self, text: str) -> None:
        self.patient_list.clear()
        for entry in search_patients(self._desk, text)[:MATCHES_SHOWN]:
            patient = entry.patient
            born = (
                f"born {medium_date(patient.birth_date)}"
                if patient.birth_date_known
                else "date of birth not asked yet"
            )
            item = QListWidgetItem(f"{patient.display_name}  ·  {born}")
            item.setData(Qt.ItemDataRole.UserRole, patient.id)
            self.patient_list.addItem(item)
        if text.strip() and self.patient_list.count():
            self.patient_list.setCurrentRow(0)

    def _build_people(self, form: QFormLayout, office_id: str | None) -> None:
        practice = self._desk.practice()
        staff = self._desk.practices.staff(practice.id) if practice else []
        self.office = QComboBox()
        self.office.setObjectName("officeChoice")
        for office in offices(self._desk):
            self.office.addItem(office.name, office.id)
        if office_id:
            self.office.setCurrentIndex(max(0, self.office.findData(office_id)))
        self.coordinator = QComboBox()
        self.coordinator.setObjectName("coordinatorChoice")
        self.doctor = QComboBox()
        self.doctor.setObjectName("doctorChoice")
        # Coordinators before admins: the TC is the usual choice, an admin the exception.
        staff = sorted(staff, key=lambda m: (m.role is StaffRole.ADMIN, m.name))
        for member in staff:
            if not member.active:
                continue
            if member.role in (StaffRole.COORDINATOR, StaffRole.ADMIN):
                self.coordinator.addItem(member.name, member.id)
            if member.role is StaffRole.DOCTOR:
                self.doctor.addItem(member.name, member.id)
        self._add(form, "&Office", "office", self.office)
        self._add(form, "&Coordinator", "coordinator", self.coordinator)
        self._add(form, "&Doctor", "doctor", self.doctor)
        for combo in (self.office, self.coordinator, self.doctor):
            combo.setMinimumWidth(280)
            combo.currentIndexChanged.connect(lambda _i: self._changed())

    def _build_time(self, form: QFormLayout, day: date, at: time) -> None:
        self.date_edit = QDateEdit(QDate(day.year, day.month, day.day))
        self.date_edit.setObjectName("dateEdit")
        self.date_edit.setCalendarPopup(True)
        # Qt's spelling of formatting.weekday_medium_date: "Fri, Nov 27, 2026".
        self.date_edit.setDisplayFormat(WEEKDAY_MEDIUM_DATE_QT)
        # A masked line, not a QTimeEdit: the TC types "1030" and gets 10:30.
        self.time_edit = QLineEdit(f"{at:%H:%M}")
        self.time_edit.setObjectName("timeEdit")
        self.time_edit.setInputMask("00:00")
        self.time_edit.setToolTip("24-hour time, like 14:30")
        self.time_edit.setMaximumWidth(180)
        self.minutes = QSpinBox()
        self.minutes.setObjectName("minutesEdit")
        self.minutes.setRange(SHORTEST_MINUTES, LONGEST_MINUTES)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(" min")
        self.minutes.setValue(DEFAULT_MINUTES)
        for edit in (self.date_edit, self.time_edit, self.minutes):
            edit.setMinimumWidth(180)
        self._add(form, "D&ate", "when", self.date_edit)
        self._add(form, "&Time", "when_time", self.time_edit)
        self._add(form, "&Length", "minutes", self.minutes)
        self.date_edit.dateChanged.connect(lambda _d: self._changed())
        self.time_edit.textEdited.connect(lambda _t: self._changed())
        self.minutes.valueChanged.connect(lambda _v: self._changed())

    def _load(self, consult: Consult) -> None:
        patient = self._desk.patients.get(consult.patient_id)
        self.patient_search.setText(patient.display_name if patient else "")
        self.patient_search.setEnabled(False)
        self.patient_list.clear()
        item = QListWidgetItem(patient.display_name if patient else consult.patient_id)
        item.setData(Qt.ItemDataRole.UserRole, consult.patient_id)
        self.patient_list.addItem(item)
        self.patient_list.setCurrentRow(0)
        self.patient_list.setEnabled(False)
        self.patient_list.setMaximumHeight(40)
        for combo, value in (
            (self.office, consult.office_id),
            (self.coordinator, consult.coordinator_id),
            (self.doctor, consult.doctor_id),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        start = datetime.fromisoformat(consult.scheduled_at).astimezone()
        self.date_edit.setDate(QDate(start.year, start.month, start.day))
        self.time_edit.setText(f"{start:%H:%M}")
        self.minutes.setValue(consult.duration_minutes)
        self.date_edit.setFocus()

    # -- saving ------------------------------------------------------------------------

    def patient_id(self) -> str:
        item = self.patient_list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""

    def slot(self) -> Slot:
        picked = self.date_edit.date()
        return Slot(
            office_id=str(self.office.currentData() or ""),
            coordinator_id=str(self.coordinator.currentData() or ""),
            doctor_id=str(self.doctor.currentData() or ""),
            day=date(picked.year(), picked.month(), picked.day()),
            at=self.typed_time(),
            minutes=self.minutes.value(),
        )

    def typed_time(self) -> time:
        hours, _, minutes = self.time_edit.text().partition(":")
        try:
            return time(int(hours), int(minutes))
        except ValueError:
            text = self.time_edit.text()
            raise FieldError("when_time", f'"{text}" is not a time; type it like 14:30.') from None

    def _changed(self) -> None:
        """Any edit after a warning asks again: the TC answers for the slot they see."""
        if self._warned:
            self._warned = False
            self.warning.hide()
            self.ok_button.setText(self._verb)

    def submit(self) -> None:
        self._clear_errors()
        try:
            self.typed_time()
        except FieldError as error:
            self._show_errors([error])
            return
        try:
            if self._consult is None:
                booked = book_consult(
                    self._desk, self.patient_id(), self.slot(), allow_overlap=self._warned
                )
            else:
                if not self._agreement_allows():
                    return
                booked = move_consult(
                    self._desk, self._consult.id, self.slot(), allow_overlap=self._warned
                )
        except DoubleBooking as clash:
            self._warn(clash)
            return
        except FieldErrors as many:
            self._show_errors(many.errors)
            return
        except FieldError as one:
            self._show_errors([one])
            return
        self.saved = booked.consult
        self.accept()

    def _agreement_allows(self) -> bool:
        """A move to another office or coordinator of a consult with an agreement asks."""
        assert self._consult is not None
        slot = self.slot()
        warning = move_warning(self._desk, self._consult, slot.office_id, slot.coordinator_id)
        if not warning or self._agreement_confirmed:
            return True
        answer = QMessageBox.question(
            self,
            "A new agreement version will be needed",
            f"{warning}\n\nMove the consult?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        self._agreement_confirmed = answer == QMessageBox.StandardButton.Yes
        return self._agreement_confirmed

    def _warn(self, clash: DoubleBooking) -> None:
        lines = "\n".join(c.describe() + "." for c in clash.clashes)
        self.warning.setText(f"Double booking:\n{lines}\nBook anyway?")
        self.warning.show()
        self._warned = True
        self.ok_button.setText("Book &anyway")
        self.ok_button.setFocus()

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()

    def _show_errors(self, errors: list[FieldError]) -> None:
        widgets = {
            "patient": self.patient_search,
            "office": self.office,
            "coordinator": self.coordinator,
            "doctor": self.doctor,
            "when": self.date_edit,
            "when_time": self.time_edit,
            "minutes": self.minutes,
        }
        first = None
        for error in errors:
            label = self.errors.get(error.field, self.errors["when"])
            label.setText(error.message)
            label.show()
            first = first or widgets.get(error.field, self.date_edit)
        if first is not None:
            first.setFocus()
