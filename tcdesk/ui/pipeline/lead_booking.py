"""Booking a consult from a lead: the new-family form filled from it, then the booking.

The family form opens with the lead's name, phone, e-mail, channel (the lead
source) and referrer; once saved (or when the family is already on file), the
booking dialog opens on that patient; once booked, the lead is *consult booked*
and linked to the patient and the consult (``services.leads.link_booking``).
"""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.leads import family_from_lead, link_booking
from tcdesk.ui.desk.booking_dialog import BookingDialog
from tcdesk.ui.desk.family_form import FamilyForm


class LeadBooking(QObject):
    """``booked`` carries the words to say once the lead has its consult."""

    booked = Signal(str)
    failed = Signal(str)

    def __init__(self, desk: Desk, lead_id: str, today: date, parent: QWidget) -> None:
        super().__init__(parent)
        self._desk = desk
        self._lead_id = lead_id
        self._today = today
        self._parent = parent
        self.form: FamilyForm | None = None
        self.dialog: BookingDialog | None = None

    def start(self) -> FamilyForm:
        form = FamilyForm(
            self._desk, self._parent, prefill=family_from_lead(self._desk, self._lead_id)
        )
        form.saved.connect(lambda saved: self.book(saved.patient.id))
        form.existing_chosen.connect(self.book)
        self.form = form
        form.open()
        return form

    def book(self, patient_id: str) -> BookingDialog:
        dialog = BookingDialog(
            self._desk, day=self._today + timedelta(days=1), at=time(9), parent=self._parent
        )
        patient = self._desk.patients.get(patient_id)
        if patient is not None:
            dialog.patient_search.setText(patient.display_name)
            for row in range(dialog.patient_list.count()):
                item = dialog.patient_list.item(row)
                if item.data(Qt.ItemDataRole.UserRole) == patient_id:
                    dialog.patient_list.setCurrentItem(item)
        dialog.accepted.connect(lambda: self._booked(dialog))
        self.dialog = dialog
        dialog.open()
        dialog.date_edit.setFocus()
        return dialog

    def _booked(self, dialog: BookingDialog) -> None:
        if dialog.saved is None:
            return
        try:
            lead = link_booking(self._desk, self._lead_id, dialog.saved)
        except UserError as error:
            self.failed.emit(str(error))
            return
        self.booked.emit(f"Consult booked for {lead.family_name}; the lead is consult booked.")
