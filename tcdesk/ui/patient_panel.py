"""One patient at a glance: who they are, who pays, insurance, and their consults."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tcdesk.domain import ConsultStatus
from tcdesk.formatting import (
    day_header,
    local_date_and_time,
    local_datetime,
    medium_date,
    money_from_cents,
    whole_money_from_cents,
)
from tcdesk.services.intake_checks import LANGUAGES
from tcdesk.services.patient_overview import ConsultSummary, PatientOverview
from tcdesk.ui.patient_list import STATUS_LABELS

LEAD_LABELS = {
    "phone": "Phone call",
    "email": "Email",
    "text": "Text message",
    "social_media": "Social media",
    "website": "Website",
    "doctor_referral": "Doctor referral",
    "patient_referral": "Patient referral",
    "walk_in": "Walk-in",
}


class PatientPanel(QWidget):
    """Shows a ``PatientOverview``; asks the window to present a consult."""

    present_requested = Signal(str)
    edit_family_requested = Signal(str)  # the patient's id: open the family form on it
    record_requested = Signal(str)  # open the consult's record (concern, findings, options...)
    patient_shown = Signal(str)  # the patient's id, each time the panel shows someone's record

    def __init__(self, today: date) -> None:
        super().__init__()
        self._today = today
        self._overview: PatientOverview | None = None

        self.name_label = QLabel("Choose a patient")
        self.name_label.setProperty("role", "heading")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts_label = QLabel("")
        self.facts_label.setProperty("role", "muted")
        self.facts_label.setWordWrap(True)
        self.people_label = QLabel("")
        self.people_label.setWordWrap(True)
        self.people_label.setTextFormat(Qt.TextFormat.RichText)

        self.consult_list = QListWidget()
        self.consult_list.setObjectName("consultList")
        self.consult_list.setWordWrap(True)
        self.consult_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.consult_list.currentRowChanged.connect(self._show_consult)
        self.details = QTextBrowser()
        self.details.setObjectName("consultDetails")
        self.details.setOpenLinks(False)

        self.present_button = QPushButton("Present this consult")
        self.present_button.setObjectName("presentButton")
        self.present_button.setProperty("primary", True)
        self.present_button.setEnabled(False)
        self.present_button.clicked.connect(self._present)
        self.record_button = QPushButton("Edit consult &record")
        self.record_button.setObjectName("recordButton")
        self.record_button.setEnabled(False)
        self.record_button.clicked.connect(
            lambda: self.record_requested.emit(self.selected_consult_id() or "")
        )

        consults_title = QLabel("Consults")
        consults_title.setProperty("role", "subheading")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(consults_title)
        left_layout.addWidget(self.consult_list)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setSizes([260, 520])

        self.edit_family_button = QPushButton("Edit fa&mily")
        self.edit_family_button.setObjectName("editFamilyButton")
        self.edit_family_button.setToolTip("Change the patient, who pays, or the insurance")
        self.edit_family_button.setEnabled(False)
        self.edit_family_button.clicked.connect(self._edit_family)

        actions = QHBoxLayout()
        actions.addWidget(self.edit_family_button)
        actions.addStretch(1)
        actions.addWidget(self.record_button)
        actions.addWidget(self.present_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.name_label)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.people_label)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)

    def overview(self) -> PatientOverview | None:
        return self._overview

    def show_overview(self, overview: PatientOverview | None) -> None:
        self._overview = overview
        self.edit_family_button.setEnabled(overview is not None)
        self.consult_list.clear()
        self.details.clear()
        if overview is None:
            self.name_label.setText("Choose a patient")
            self.facts_label.setText("")
            self.people_label.setText("")
            self.present_button.setEnabled(False)
            return
        patient = overview.patient
        self.patient_shown.emit(patient.id)
        name = patient.display_name
        if patient.preferred_name and patient.preferred_name != patient.legal_first:
            name += f"  ({patient.legal_name})"
        self.name_label.setText(name)
        facts = [
            f"Age {patient.age_on(self._today)}, born {medium_date(patient.birth_date)}"
            if patient.birth_date_known
            else "Date of birth not asked yet",
            patient.phone,
            patient.email,
            f"Came to us by: {LEAD_LABELS.get(patient.lead_source, patient.lead_source)}"
            + (f" ({patient.referrer})" if patient.referrer else ""),
            _language_fact(patient.preferred_language),
        ]
        self.facts_label.setText("   ·   ".join(f for f in facts if f))
        self.people_label.setText(_people_html(overview))
        for summary in overview.consults:
            consult = summary.consult
            when = local_datetime(consult.scheduled_at)
            label = (
                f"{local_date_and_time(when)}"
                f" · {summary.coordinator}\n{consult_state(summary, self._today)}"
            )
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, consult.id)
            self.consult_list.addItem(item)
        if overview.consults:
            self.consult_list.setCurrentRow(0)
        else:
            self.details.setHtml("<p>No consult yet.</p>")
            self.present_button.setEnabled(False)

    def selected_consult_id(self) -> str | None:
        item = self.consult_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _show_consult(self, row: int) -> None:
        self.record_button.setEnabled(self._overview is not None and row >= 0)
        if self._overview is None or not 0 <= row < len(self._overview.consults):
            self.present_button.setEnabled(False)
            return
        summary = self._overview.consults[row]
        self.details.setHtml(_consult_html(summary, self._today))
        # A consult still booked can be presented before options exist (a walk-in's
        # quick consult); a held one is presented again only with its options.
        self.present_button.setEnabled(
            bool(summary.options) or summary.consult.status is ConsultStatus.SCHEDULED
        )

    def _edit_family(self) -> None:
        if self._overview is not None:
            self.edit_family_requested.emit(self._overview.patient.id)

    def _present(self) -> None:
        consult_id = self.selected_consult_id()
        if consult_id:
            self.present_requested.emit(consult_id)


def _language_fact(code: str) -> str:
    """ "Family's language: Spanish": what their screen and papers default to
    (nothing said for English, the desk's own)."""
    if not code or code == "en":
        return ""
    name = LANGUAGES.get(code, code)
    return f"Family's language: {name}"


def consult_state(summary: ConsultSummary, today: date) -> str:
    """Where the consult stands; a family thinking it over shows when to call and why."""
    consult = summary.consult
    follow_up = summary.follow_up
    if follow_up is None:
        return STATUS_LABELS.get(consult.status, consult.status)
    due = day_header(follow_up.due_on)
    if follow_up.due_on < today:
        due += " (overdue)"
    if consult.status is ConsultStatus.PENDING:
        text = f"Thinking it over · follow up on {due}"
        text += f": {follow_up.reason}" if follow_up.reason else ""
        if summary.quote_held_until is not None:
            text += f" · quote held until {medium_date(summary.quote_held_until)}"
        return text
    return f"{STATUS_LABELS.get(consult.status, consult.status)} · next check {due}"


def _people_html(overview: PatientOverview) -> str:
    parts = []
    if overview.parties:
        people = ", ".join(
            f"{escape(p.name)} <span style='color:#5E656C'>({escape(p.relationship)})</span>"
            for p in overview.parties
        )
        parts.append(f"<b>Responsible:</b> {people}")
    if overview.insurance:
        plans = "; ".join(
            f"{escape(i.carrier)} {i.coverage_pct}% to "
            f"{whole_money_from_cents(i.lifetime_max_cents)}"
            + (f", {whole_money_from_cents(i.used_cents)} used" if i.used_cents else "")
            for i in overview.insurance
        )
        parts.append(f"<b>Insurance:</b> {plans}")
    else:
        parts.append("<b>Insurance:</b> none on file")
    return "<br>".join(parts)


def _consult_html(summary: ConsultSummary, today: date) -> str:
    consult = summary.consult
    rows = [
        f"<h3 style='margin:0'>{escape(consult_state(summary, today))}</h3>",
        f"<p style='color:#5E656C'>{escape(summary.office)} · TC {escape(summary.coordinator)}"
        f" · {escape(summary.doctor)}</p>",
    ]
    if consult.chief_concern:
        rows.append(f"<p><b>In their words:</b> “{escape(consult.chief_concern)}”</p>")
    if consult.priorities:
        rows.append(f"<p><b>What matters most:</b> {escape(', '.join(consult.priorities))}</p>")
    said = summary.follow_up.reason if summary.follow_up else ""
    if consult.outcome_reason and consult.outcome_reason != said:
        rows.append(f"<p><b>Outcome note:</b> {escape(consult.outcome_reason)}</p>")
    if summary.findings:
        items = "".join(
            f"<li>{escape(f.code.replace('_', ' ').capitalize())} ({escape(f.severity)})"
            + (f" — {escape(f.note)}" if f.note else "")
            + "</li>"
            for f in summary.findings
        )
        rows.append(f"<p><b>Findings</b></p><ul>{items}</ul>")
    if summary.options:
        items = "".join(
            f"<li>{'★ ' if o.recommended else ''}<b>{escape(o.title)}</b> — "
            f"{money_from_cents(o.fee_cents)}, about {o.estimated_months} months"
            + (" <i>(chosen)</i>" if o.id == consult.chosen_option_id else "")
            + "</li>"
            for o in summary.options
        )
        rows.append(f"<p><b>Options</b></p><ul>{items}</ul>")
    if summary.plan_terms is not None:
        rows.append(f"<p><b>Payment plan:</b> {escape(summary.plan_terms.text)}</p>")
    elif summary.plan_problem:
        rows.append(f"<p><b>Payment plan:</b> {escape(summary.plan_problem)}</p>")
    return "".join(rows)
