"""Choose your name, type your PIN, press Enter: the form the sign-in and lock windows share."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tcdesk.domain import StaffRole
from tcdesk.services import sign_in
from tcdesk.services.desk import Desk
from tcdesk.services.validation import FieldError
from tcdesk.ui.style import restyle

ROLE_WORDS = {"coordinator": "treatment coordinator", "doctor": "doctor", "admin": "admin"}


class PinForm(QWidget):
    """``accepted`` carries the id of the person whose PIN ``check`` accepted."""

    accepted = Signal(str)

    def __init__(
        self,
        desk: Desk,
        check: Callable[[str, str], None],
        *,
        chosen: str | None = None,
        button_text: str = "&Sign in",
        parent: QWidget | None = None,
    ) -> None:
        """``check(staff_id, pin)`` raises a ``FieldError`` (a ``PinError``) to refuse."""
        super().__init__(parent)
        self._check = check
        self.person = QComboBox()
        self.person.setObjectName("signInName")
        people = sign_in.people(desk)
        for person in people:
            self.person.addItem(f"{person.name} ({ROLE_WORDS[person.role.value]})", person.id)
        if chosen is None:  # the desk is the coordinators': a doctor is rarely the one here
            chosen = next((p.id for p in people if p.role is not StaffRole.DOCTOR), None)
        if chosen is not None and self.person.findData(chosen) >= 0:
            self.person.setCurrentIndex(self.person.findData(chosen))
        self.pin = QLineEdit()
        self.pin.setObjectName("signInPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(sign_in.PIN_MAX)
        self.pin.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,8}"), self))
        self.pin.setPlaceholderText("4 to 8 digits")
        self.pin.returnPressed.connect(self.submit)
        self.error = QLabel("")
        self.error.setObjectName("pinError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.button = QPushButton(button_text)
        self.button.setObjectName("signInButton")
        self.button.setProperty("primary", True)
        # Enter in the PIN field submits (returnPressed); no dialog default button too,
        # or one Enter would be two tries.
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.submit)
        self._wait = QTimer(self, singleShot=True)
        self._wait.timeout.connect(self._waited)
        form = QFormLayout()
        name_label = QLabel("&Name")
        name_label.setBuddy(self.person)
        pin_label = QLabel("&PIN")
        pin_label.setBuddy(self.pin)
        form.addRow(name_label, self.person)
        form.addRow(pin_label, self.pin)
        form.addRow("", self.error)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        self.setTabOrder(self.person, self.pin)
        self.setTabOrder(self.pin, self.button)

    def focus_pin(self) -> None:
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        staff_id = self.person.currentData()
        if staff_id is None or self._wait.isActive():
            return
        try:
            self._check(staff_id, self.pin.text())
        except FieldError as refused:
            self._refuse(str(refused), getattr(refused, "wait_seconds", 0))
            return
        self.error.hide()
        self.pin.clear()
        self.accepted.emit(staff_id)

    def _refuse(self, message: str, wait_seconds: int) -> None:
        self.error.setText(message)
        self.error.show()
        restyle(self.error, "role", "error")
        self.pin.clear()
        if wait_seconds:  # nothing to type until the wait is over
            self.pin.setEnabled(False)
            self.button.setEnabled(False)
            self._wait.start(wait_seconds * 1000)
        self.focus_pin()

    def _waited(self) -> None:
        self.pin.setEnabled(True)
        self.button.setEnabled(True)
        self.error.setText("Type your PIN again.")
        self.focus_pin()
