"""The new-family form, also used to edit a family: one dialog, everything checked at once.

While the names, birth date, phone or email are typed, a debounced look-up
offers the family already on file ("Already here? ... [Open this family]").
Saving goes through ``services.intake``; a refused field shows its message
under it, the focus moves to the first, and nothing is saved.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tcdesk.errors import UserError
from tcdesk.services import referrers
from tcdesk.services.desk import Desk
from tcdesk.services.duplicates import PossibleDuplicate, possible_duplicates
from tcdesk.services.intake import (
    FamilySaved,
    NewFamily,
    add_family,
    family_change_warning,
    family_for_editing,
    update_family,
)
from tcdesk.services.validation import FieldErrors, date_text
from tcdesk.ui.accessibility import name_controls
from tcdesk.ui.desk.duplicate_offer import DuplicateOffer
from tcdesk.ui.desk.field_marks import error_label
from tcdesk.ui.desk.insurance_editor import InsuranceEditor
from tcdesk.ui.desk.party_editor import PartyEditor
from tcdesk.ui.desk.patient_fields import PatientFields
from tcdesk.ui.window_memory import remember

DUPLICATE_DELAY_MS = 300
REFERRER_DELAY_MS = 200


class FamilyForm(QDialog):
    """``saved`` after a save; ``existing_chosen`` when the TC opens the family on file."""

    saved = Signal(object)  # FamilySaved
    existing_chosen = Signal(str)  # patient id

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
        *,
        patient_id: str | None = None,
        prefill: NewFamily | None = None,
    ) -> None:
        """``prefill``: a new family's fields as known already (a lead's name, phone...)."""
        super().__init__(parent)
        self.setObjectName("familyForm")
        self._desk = desk
        self._patient_id = patient_id
        family = family_for_editing(desk, patient_id) if patient_id else prefill
        self.setWindowTitle("Edit family" if patient_id else "New family")
        self.result_saved: FamilySaved | None = None

        heading = QLabel(
            f"Edit family: {family.first} {family.last}"
            if patient_id and family
            else "A new family"
        )
        heading.setProperty("role", "heading")
        self.offer = DuplicateOffer()
        self.offer.open_requested.connect(self._open_existing)
        self.patient = PatientFields(family)
        self.parties: list[PartyEditor] = []
        self._build_parties(family)
        self.primary = InsuranceEditor(
            "primary", "&Primary insurance", family.primary if family else None
        )
        self.secondary = InsuranceEditor(
            "secondary", "Seco&ndary insurance", family.secondary if family else None
        )
        self.primary.toggled.connect(self._retab)
        self.secondary.toggled.connect(self._retab)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.patient)
        body_layout.addWidget(self.parties_box)
        body_layout.addWidget(self.primary)
        body_layout.addWidget(self.secondary)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        self.scroll = scroll

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("&Save family")
        self.save_button.setObjectName("saveFamily")
        self.save_button.setProperty("primary", True)
        self.save_button.setDefault(True)
        self.save_button.setToolTip("Save the patient, who pays and the insurance (Enter)")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(
            "Close without saving (Esc)"
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.general_error = error_label()
        self.general_error.setObjectName("generalError")

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.offer)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        # Tall enough for a patient, a guardian and a plan without scrolling, where
        # the screen allows (a 1080-pixel desk monitor does).
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(900, max(640, min(1000, screen.height() - 60)))
        remember(self)  # size, place and the rest as the TC left them on this computer

        self._duplicate_timer = QTimer(self, singleShot=True, interval=DUPLICATE_DELAY_MS)
        self._duplicate_timer.timeout.connect(self.check_duplicates)
        for edit in (
            self.patient.first,
            self.patient.last,
            self.patient.birth,
            self.patient.phone,
            self.patient.email,
        ):
            edit.textChanged.connect(lambda _t: self._duplicate_timer.start())
        self._referrer_timer = QTimer(self, singleShot=True, interval=REFERRER_DELAY_MS)
        self._referrer_timer.timeout.connect(self._find_referrers)
        self.patient.referrer.textEdited.connect(lambda _t: self._referrer_timer.start())
        self._find_referrers()
        self._retab()
        self.patient.first.setFocus()

    # -- parties -----------------------------------------------------------------------

    def _build_parties(self, family: NewFamily | None) -> None:
        self.parties_box = QGroupBox("Responsible parties")
        self.parties_layout = QVBoxLayout(self.parties_box)
        self.parties_message = error_label()
        self.parties_message.setObjectName("error:parties")
        hint = QLabel(
            "A patient under 18 needs a parent or guardian here. Adults may leave it empty."
        )
        hint.setProperty("role", "muted")
        hint.setWordWrap(True)
        self.add_party_button = QPushButton("&Add a responsible party")
        self.add_party_button.setObjectName("addParty")
        self.add_party_button.setAutoDefault(False)
        self.add_party_button.clicked.connect(lambda: self.add_party(focus=True))
        self.parties_layout.addWidget(hint)
        self.parties_layout.addWidget(self.parties_message)
        self.parties_layout.addWidget(self.add_party_button, 0, Qt.AlignmentFlag.AlignLeft)
        for party in family.parties if family else ():
            self.add_party(party)

    def add_party(self, party=None, *, focus: bool = False) -> PartyEditor:
        editor = PartyEditor(len(self.parties), party)
        editor.remove_requested.connect(self._remove_party)
        self.parties.append(editor)
        self.parties_layout.insertWidget(self.parties_layout.count() - 1, editor)
        if hasattr(self, "save_button"):  # still building: the whole chain is set at the end
            self._retab()
        if focus:
            editor.name.setFocus()
        return editor

    def _remove_party(self, editor: PartyEditor) -> None:
        self.parties.remove(editor)
        editor.setParent(None)
        editor.deleteLater()
        for index, other in enumerate(self.parties):
            other.set_index(index)
        self._retab()
        self.add_party_button.setFocus()

    def _retab(self, *_args) -> None:
        """Tab goes down the form as it reads: patient, each party, then the plans."""
        chain = list(self.patient.focus_widgets())
        for editor in self.parties:
            chain += editor.focus_widgets()
        chain.append(self.add_party_button)
        for plan in (self.primary, self.secondary):
            chain.append(plan)
            if plan.isChecked():
                chain += plan.focus_widgets()
        chain.append(self.save_button)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        name_controls(self)  # a party added just now is named after its labels too

    # -- the family as typed -----------------------------------------------------------

    def value(self) -> NewFamily:
        fields = self.patient
        text, kind, referrer_id = fields.referrer_value()
        return NewFamily(
            first=fields.first.text(),
            last=fields.last.text(),
            birth_date=fields.birth.text(),
            preferred_name=fields.preferred.text(),
            phone=fields.phone.text(),
            email=fields.email.text(),
            language=str(fields.language.currentData()),
            lead_source=str(fields.source.currentData()),
            referrer=text,
            referrer_kind=kind,
            referrer_id=referrer_id,
            office_id=None if self._patient_id is None else self._office_id(),
            parties=tuple(editor.value() for editor in self.parties),
            primary=self.primary.value(),
            secondary=self.secondary.value(),
        )

    def _office_id(self) -> str | None:
        patient = self._desk.patients.get(self._patient_id) if self._patient_id else None
        return patient.office_id if patient else None

    def check_duplicates(self) -> list[PossibleDuplicate]:
        fields = self.patient
        try:
            born = date_text("", "", fields.birth.text())
        except UserError:
            born = None
        found = possible_duplicates(
            self._desk,
            fields.first.text(),
            fields.last.text(),
            born,
            fields.phone.text(),
            fields.email.text(),
            exclude_id=self._patient_id,
        )
        self.offer.show_matches(found)
        return found

    def _find_referrers(self) -> None:
        self.patient.offer_referrers(referrers.find(self._desk, self.patient.referrer.text()))

    def _open_existing(self, patient_id: str) -> None:
        self.existing_chosen.emit(patient_id)
        self.done(QDialog.DialogCode.Rejected)

    def done(self, result: int) -> None:
        """Closed: no look-up may run after this (the desk may be closing too)."""
        self._duplicate_timer.stop()
        self._referrer_timer.stop()
        super().done(result)

    def hideEvent(self, event) -> None:
        self._duplicate_timer.stop()
        self._referrer_timer.stop()
        super().hideEvent(event)

    # -- saving ------------------------------------------------------------------------

    def save(self) -> bool:
        """Save all or nothing; on a mistake, mark every field and focus the first."""
        self._clear_errors()
        family = self.value()
        if self._patient_id and not self._agreement_allows(family):
            return False
        try:
            if self._patient_id:
                saved = update_family(self._desk, self._patient_id, family)
            else:
                saved = add_family(self._desk, family)
        except FieldErrors as errors:
            self.show_errors(errors.by_field())
            return False
        except UserError as error:
            self.general_error.setText(str(error))
            self.general_error.show()
            return False
        self.result_saved = saved
        self.saved.emit(saved)
        self.accept()
        return True

    def _agreement_allows(self, family) -> bool:
        """Ask first when the edit changes what the family's agreement says."""
        assert self._patient_id is not None
        warning = family_change_warning(self._desk, self._patient_id, family)
        if not warning:
            return True
        answer = QMessageBox.question(
            self,
            "A new agreement version will be needed",
            f"{warning}\n\nSave the change?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _clear_errors(self) -> None:
        self.general_error.hide()
        self.parties_message.hide()
        for part in (self.patient, self.primary, self.secondary, *self.parties):
            part.marks.clear()

    def show_errors(self, errors: dict[str, str]) -> None:
        firsts = [self.patient.show_errors(errors)]
        if "parties" in errors:
            self.parties_message.setText(errors["parties"])
            self.parties_message.show()
            firsts.append(self.parties[0].name if self.parties else self.add_party_button)
        firsts += [editor.show_errors(errors) for editor in self.parties]
        firsts += [self.primary.show_errors(errors), self.secondary.show_errors(errors)]
        first = next((w for w in firsts if w is not None), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll.ensureWidgetVisible(first)
