"""One responsible party in the family form: who they are, how to reach them, who pays."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from tcdesk.domain import Relationship
from tcdesk.services.intake import PartyInput
from tcdesk.ui.desk.field_marks import TOP, FieldMarks, field_label

RELATIONSHIP_LABELS: dict[Relationship, str] = {
    Relationship.MOTHER: "Mother",
    Relationship.FATHER: "Father",
    Relationship.PARENT: "Parent",
    Relationship.GUARDIAN: "Guardian",
    Relationship.GRANDPARENT: "Grandparent",
    Relationship.SPOUSE: "Spouse or partner",
    Relationship.SELF: "The patient (self)",
    Relationship.OTHER: "Other",
}


def relationship_combo() -> QComboBox:
    combo = QComboBox()
    for relationship, label in RELATIONSHIP_LABELS.items():
        combo.addItem(label, relationship.value)
    return combo


class PartyEditor(QFrame):
    """Edits one ``PartyInput``; its fields are named ``party[i].name`` and so on."""

    remove_requested = Signal(object)  # this editor

    def __init__(self, index: int, party: PartyInput | None = None) -> None:
        super().__init__()
        self.setProperty("card", True)
        self.setObjectName(f"party{index}")
        self._id = party.id if party else None
        self.marks = FieldMarks()
        self.name = QLineEdit(party.name if party else "")
        self.name.setPlaceholderText("Full name")
        self.relationship = relationship_combo()
        if party:
            self.relationship.setCurrentIndex(
                max(0, self.relationship.findData(party.relationship))
            )
        self.phone = QLineEdit(party.phone if party else "")
        self.email = QLineEdit(party.email if party else "")
        self.address = QLineEdit(party.address if party else "")
        self.address.setPlaceholderText("Street, town, ZIP")
        self.pays = QCheckBox("&Pays (signs the financial agreement)")
        self.pays.setChecked(party.pays if party else index == 0)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setToolTip(
            "Take this person off the family (nothing is saved until Save)"
        )
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.title = QLabel("")
        self.title.setProperty("role", "subheading")

        grid = QGridLayout(self)
        grid.setContentsMargins(10, 8, 10, 8)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.remove_button)
        grid.addLayout(top, 0, 0, 1, 4)
        self._row(grid, 1, 0, "Name", "name", self.name)
        self._row(grid, 1, 2, "Relationship", "relationship", self.relationship)
        self._row(grid, 2, 0, "Phone", "phone", self.phone)
        self._row(grid, 2, 2, "Email", "email", self.email)
        self._row(grid, 3, 0, "Address", "address", self.address, span=3)
        grid.addWidget(self.pays, 4, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.set_index(index)

    def _row(
        self, grid: QGridLayout, row: int, column: int, text: str, key: str, widget, span: int = 1
    ) -> None:
        grid.addWidget(field_label(text, widget), row, column)
        grid.addWidget(self.marks.add(key, widget), row, column + 1, 1, span, TOP)

    def set_index(self, index: int) -> None:
        """Renumber after a party above is removed: its fields are ``party[index].*``."""
        self.index = index
        self.title.setText(f"Responsible party {index + 1}")

    def show_errors(self, errors: dict[str, str]) -> QWidget | None:
        return self.marks.show(errors, f"party[{self.index}].")

    def value(self) -> PartyInput:
        return PartyInput(
            name=self.name.text(),
            relationship=str(self.relationship.currentData()),
            phone=self.phone.text(),
            email=self.email.text(),
            address=self.address.text(),
            pays=self.pays.isChecked(),
            id=self._id,
        )

    def focus_widgets(self) -> list[QWidget]:
        """In tab order."""
        widgets = [self.name, self.relationship, self.phone, self.email, self.address]
        return [*widgets, self.pays, self.remove_button]
