"""The patient's part of the family form: names, birth date, contact, language, source."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QGridLayout, QGroupBox, QLineEdit

from tcdesk.domain import LeadSource
from tcdesk.services.intake import LANGUAGES, NewFamily
from tcdesk.services.referrers import ReferrerChoice
from tcdesk.ui.desk.field_marks import TOP, FieldMarks, field_label
from tcdesk.ui.patient_panel import LEAD_LABELS


class PatientFields(QGroupBox):
    """Fields named ``patient.*``; the referrer box offers doctors and patients as you type."""

    def __init__(self, family: NewFamily | None) -> None:
        super().__init__("Patient")
        self.marks = FieldMarks()
        self.first = QLineEdit()
        self.first.setObjectName("legalFirst")
        self.last = QLineEdit()
        self.last.setObjectName("legalLast")
        self.preferred = QLineEdit()
        self.preferred.setPlaceholderText("the name they go by, if different")
        self.birth = QLineEdit()
        self.birth.setObjectName("birthDate")
        self.birth.setPlaceholderText("MM/DD/YYYY")
        self.phone = QLineEdit()
        self.phone.setObjectName("patientPhone")
        self.email = QLineEdit()
        self.email.setObjectName("patientEmail")
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.source = QComboBox()
        for source in LeadSource:
            self.source.addItem(LEAD_LABELS.get(source.value, source.value), source.value)
        self.referrer = QLineEdit()
        self.referrer.setObjectName("referrer")
        self.referrer.setPlaceholderText(
            "a referring doctor or a patient: type to pick, or any name"
        )
        self.referrer_model = QStringListModel()
        completer = QCompleter(self.referrer_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.referrer.setCompleter(completer)
        self._choices: dict[str, ReferrerChoice] = {}
        self._saved_referrer = ("", "", None)

        grid = QGridLayout(self)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        rows = (
            (
                ("&Legal first name", "legal_first", self.first),
                ("Legal l&ast name", "legal_last", self.last),
            ),
            (
                ("P&referred name", "preferred_name", self.preferred),
                ("&Date of birth", "birth_date", self.birth),
            ),
            (("P&hone", "phone", self.phone), ("E&mail", "email", self.email)),
            (
                ("Lan&guage", "preferred_language", self.language),
                ("Came to us &by", "lead_source", self.source),
            ),
        )
        for row, pair in enumerate(rows):
            for column, (text, key, widget) in enumerate(pair):
                self._field(grid, row, column * 2, text, key, widget)
        self._field(grid, len(rows), 0, "Referred b&y", "referrer", self.referrer, span=3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        if family is not None:
            self.fill(family)

    def _field(self, grid, row, column, text, key, widget, span: int = 1) -> None:
        grid.addWidget(field_label(text, widget), row, column)
        grid.addWidget(self.marks.add(key, widget), row, column + 1, 1, span, TOP)

    def fill(self, family: NewFamily) -> None:
        self.first.setText(family.first)
        self.last.setText(family.last)
        self.preferred.setText(family.preferred_name)
        self.birth.setText(str(family.birth_date or ""))
        self.phone.setText(family.phone)
        self.email.setText(family.email)
        self.language.setCurrentIndex(max(0, self.language.findData(family.language)))
        self.source.setCurrentIndex(max(0, self.source.findData(family.lead_source)))
        self.referrer.setText(family.referrer)
        self._saved_referrer = (family.referrer, family.referrer_kind, family.referrer_id)

    def offer_referrers(self, choices: list[ReferrerChoice]) -> None:
        self._choices = {c.label: c for c in choices}
        self.referrer_model.setStringList(list(self._choices))

    def referrer_value(self) -> tuple[str, str, str | None]:
        """(text, kind, id): a picked record, the saved one unchanged, or just the text."""
        text = self.referrer.text()
        picked = self._choices.get(text)
        if picked is not None:
            return text, picked.kind, picked.id
        if text == self._saved_referrer[0]:
            return self._saved_referrer
        return text, "", None

    def show_errors(self, errors: dict[str, str]):
        return self.marks.show(errors, "patient.")

    def focus_widgets(self):
        return [
            self.first, self.last, self.preferred, self.birth, self.phone, self.email,
            self.language, self.source, self.referrer,
        ]  # fmt: skip
