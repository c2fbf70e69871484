"""Settings > Staff > Set PIN: a new PIN typed twice (an admin sets anyone's; you, your own)."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tcdesk.errors import UserError
from tcdesk.services import sign_in
from tcdesk.services.desk import Desk
from tcdesk.services.validation import FieldError
from tcdesk.ui.style import restyle


class SetPinDialog(QDialog):
    def __init__(self, desk: Desk, staff_id: str, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.staff_id = staff_id
        self.setObjectName("setPinDialog")
        self.setWindowTitle(f"PIN for {name}")
        self.pin = self._pin_edit("setPin")
        self.again = self._pin_edit("setPinAgain")
        self.error = QLabel("")
        self.error.setObjectName("setPinError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        intro = QLabel(
            f"{name} signs in and unlocks tcdesk with this PIN (4 to 8 digits). "
            "tcdesk keeps only a scrambled copy; nobody can read it back."
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        form = QFormLayout()
        first = QLabel("New &PIN")
        first.setBuddy(self.pin)
        second = QLabel("Type it &again")
        second.setBuddy(self.again)
        form.addRow(first, self.pin)
        form.addRow(second, self.again)
        form.addRow("", self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Save the PIN")
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.adjustSize()

    def _pin_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setMaxLength(sign_in.PIN_MAX)
        edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,8}"), edit))
        return edit

    def try_save(self) -> None:
        restyle(self.pin, "invalid", False)
        restyle(self.again, "invalid", False)
        try:
            sign_in.check_pin(self.pin.text())
            if self.again.text() != self.pin.text():
                raise FieldError("again", "The two PINs differ; type the same PIN twice.")
            sign_in.set_pin(self.desk, self.staff_id, self.pin.text())
        except FieldError as error:
            field = self.again if error.field == "again" else self.pin
            self._say(str(error), field)
            return
        except UserError as error:  # not an admin
            self._say(str(error), self.pin)
            return
        self.accept()

    def _say(self, message: str, field: QLineEdit) -> None:
        self.error.setText(message)
        self.error.show()
        restyle(field, "invalid", True)
        field.setFocus()
