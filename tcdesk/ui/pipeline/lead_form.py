"""Quick add of a lead: the family's name, how they reached us, a phone or e-mail. Enter.

Everything else (which network or form, the referrer, a note, the TC, the
office, warmth, the next contact date) is folded under "More", so a call at the
front desk is three fields and Enter. Mistakes show under their field.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tcdesk.domain import LeadSource, StaffRole, Warmth
from tcdesk.domain.pipeline import CHANNEL_LABELS, WARMTH_LABELS, Lead
from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.leads import LeadInput, add_lead
from tcdesk.services.referrers import list_doctors
from tcdesk.services.sign_in import signed_in
from tcdesk.services.validation import FieldError, FieldErrors
from tcdesk.services.walk_in import staff_on_duty
from tcdesk.ui.accessibility import name_controls
from tcdesk.ui.desk.field_marks import FieldMarks, error_label

# The channel a detail belongs to, and what the detail is called there.
DETAIL_HINTS = {
    LeadSource.SOCIAL_MEDIA: "which network (Instagram, Facebook, TikTok…)",
    LeadSource.WEBSITE: "which form (free consult, aligner page…)",
}


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class LeadForm(QDialog):
    """``added`` carries the saved ``Lead``."""

    added = Signal(object)

    def __init__(self, desk: Desk, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leadForm")
        self.setWindowTitle("New lead")
        self._desk = desk
        self.saved: Lead | None = None
        self.marks = FieldMarks()
        self.name = QLineEdit()
        self.name.setObjectName("leadName")
        self.name.setPlaceholderText("e.g. Carmen Reyes (the parent who called)")
        self.channel = QComboBox()
        self.channel.setObjectName("leadChannel")
        for source in LeadSource:
            self.channel.addItem(CHANNEL_LABELS[source], source.value)
        self.contact = QLineEdit()
        self.contact.setObjectName("leadContact")
        self.contact.setPlaceholderText("a phone number or an email address")

        form = QFormLayout()
        self.form = form
        for text, key, widget in (
            ("&Family's name", "name", self.name),
            ("&Came to us by", "channel", self.channel),
            ("&Phone or email", "contact", self.contact),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, self.marks.add(key, widget))

        self.more_button = QToolButton()
        self.more_button.setObjectName("leadMore")
        self.more_button.setText("&More ▸")
        self.more_button.setCheckable(True)
        self.more_button.setToolTip("Which network or form, referrer, note, TC, office, next date")
        form.addRow(self.more_button)
        self.more_rows = self._build_more(form, today)
        self.more_button.toggled.connect(self._show_more)
        self.channel.currentIndexChanged.connect(lambda _i: self._channel_changed())

        self.general_error = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.add_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.add_button.setText("&Add lead")
        self.add_button.setObjectName("addLead")
        self.add_button.setProperty("primary", True)
        self.add_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        heading = QLabel("New lead")
        heading.setProperty("role", "heading")
        hint = QLabel("A family who called, wrote or was referred, before any consult.")
        hint.setProperty("role", "muted")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        chain = [
            self.name,
            self.channel,
            self.contact,
            self.more_button,
            self.detail,
            self.referrer,
            self.note,
            self.coordinator,
            self.office,
            self.warmth,
            self.has_next,
            self.next_on,
            self.add_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.resize(560, 0)
        name_controls(self)
        self._channel_changed()
        self.name.setFocus()

    def _build_more(self, form: QFormLayout, today: date) -> list[QWidget]:
        """The folded rows, added to ``form`` hidden; returns their fields."""
        self.detail = QLineEdit()
        self.detail.setObjectName("leadDetail")
        self.referrer = QComboBox()
        self.referrer.setObjectName("leadReferrer")
        self.referrer.addItem("(none)", "")
        for doctor in list_doctors(self._desk):
            text = (
                f"{doctor.name} ({doctor.practice_name})" if doctor.practice_name else doctor.name
            )
            self.referrer.addItem(text, doctor.id)
        self.note = QPlainTextEdit()
        self.note.setObjectName("leadNote")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(60)
        self.coordinator = QComboBox()
        self.coordinator.setObjectName("leadCoordinator")
        self.coordinator.addItem("(nobody yet)", "")
        for person in staff_on_duty(self._desk, StaffRole.COORDINATOR):
            self.coordinator.addItem(person.name, person.id)
        me = signed_in(self._desk)
        if me is not None and self.coordinator.findData(me.id) >= 0:
            self.coordinator.setCurrentIndex(self.coordinator.findData(me.id))
        self.office = QComboBox()
        self.office.setObjectName("leadOffice")
        self.office.addItem("(any)", "")
        practice = self._desk.practice()
        for office in self._desk.practices.offices(practice.id) if practice else []:
            self.office.addItem(office.name, office.id)
        self.warmth = QComboBox()
        self.warmth.setObjectName("leadWarmth")
        for warmth in Warmth:
            self.warmth.addItem(WARMTH_LABELS[warmth], warmth.value)
        self.warmth.setCurrentIndex(self.warmth.findData(Warmth.WARM.value))
        self.has_next = QCheckBox("Set a &next contact date")
        self.has_next.setObjectName("leadHasNext")
        self.next_on = QDateEdit(_qdate(today + timedelta(days=1)))
        self.next_on.setObjectName("leadNextOn")
        self.next_on.setCalendarPopup(True)
        self.next_on.setDisplayFormat("ddd MMM d, yyyy")
        self.next_on.setEnabled(False)
        self.has_next.toggled.connect(self.next_on.setEnabled)
        self.detail_label = QLabel("W&hich one")
        self.boxes: dict[QWidget, QWidget] = {}
        for label, key, widget in (
            (self.detail_label, "channel_detail", self.detail),
            (QLabel("&Referred by"), "referrer", self.referrer),
            (QLabel("N&ote"), "note", self.note),
            (QLabel("&TC"), "assigned_to", self.coordinator),
            (QLabel("O&ffice"), "office", self.office),
            (QLabel("&Warmth"), "warmth", self.warmth),
        ):
            label.setBuddy(widget)
            box = self.marks.add(key, widget)
            self.boxes[widget] = box
            form.addRow(label, box)
        form.addRow(self.has_next)
        next_label = QLabel("Next &date")
        next_label.setBuddy(self.next_on)
        self.boxes[self.next_on] = self.marks.add("next_contact_on", self.next_on)
        form.addRow(next_label, self.boxes[self.next_on])
        rows = [*self.boxes.values(), self.has_next]
        for row in rows:
            form.setRowVisible(row, False)
        return rows

    def more_shown(self) -> bool:
        return self.more_button.isChecked()

    def _show_more(self, shown: bool) -> None:
        for row in self.more_rows:
            self.form.setRowVisible(row, shown)
        self._channel_changed()
        self.more_button.setText("&Less ▴" if shown else "&More ▸")
        self.adjustSize()

    def _channel_changed(self) -> None:
        source = LeadSource(self.channel.currentData())
        self.detail.setPlaceholderText(DETAIL_HINTS.get(source, "optional"))
        # "Which one" is asked of a network or a website form only.
        self.form.setRowVisible(
            self.boxes[self.detail], self.more_button.isChecked() and source in DETAIL_HINTS
        )
        if source is LeadSource.DOCTOR_REFERRAL and not self.more_button.isChecked():
            self.more_button.setChecked(True)  # who referred them is the point of it

    def values(self) -> LeadInput:
        contact = self.contact.text().strip()
        return LeadInput(
            name=self.name.text(),
            channel=str(self.channel.currentData()),
            phone="" if "@" in contact else contact,
            email=contact if "@" in contact else "",
            channel_detail=self.detail.text(),
            referrer_id=str(self.referrer.currentData()) or None,
            note=self.note.toPlainText(),
            assigned_to=str(self.coordinator.currentData()) or None,
            office_id=str(self.office.currentData()) or None,
            warmth=str(self.warmth.currentData()),
            next_contact_on=self.next_on.date().toPython() if self.has_next.isChecked() else None,
        )

    def submit(self) -> bool:
        self.marks.clear()
        self.general_error.hide()
        try:
            lead = add_lead(self._desk, self.values())
        except (FieldErrors, FieldError) as errors:
            found = (
                errors.by_field()
                if isinstance(errors, FieldErrors)
                else {errors.field: errors.message}
            )
            hidden = {"channel_detail", "referrer", "note", "assigned_to", "office", "warmth",
                      "next_contact_on"}  # fmt: skip
            if any(f.removeprefix("lead.") in hidden for f in found):
                self.more_button.setChecked(True)
            first = self.marks.show(found, "lead.")
            if first is not None:
                first.setFocus()
            return False
        except UserError as error:
            self.general_error.setText(str(error))
            self.general_error.show()
            return False
        self.saved = lead
        self.added.emit(lead)
        self.accept()
        return True
