"""The first screen on an empty practice file: try the demo, or set up the practice."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tcdesk.services.practice_file import PassphraseProblem
from tcdesk.services.practice_setup import PracticeSetup, SetupError, validate_setup
from tcdesk.ui.lock.passphrase_fields import PassphraseFields
from tcdesk.ui.style import restyle


class FirstRunChoice(Enum):
    DEMO = "demo"
    SET_UP = "set_up"


class FirstRunDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to tcdesk")
        self.choice: FirstRunChoice | None = None
        heading = QLabel("Welcome to tcdesk")
        heading.setProperty("role", "heading")
        text = QLabel(
            "This practice file is empty. Try tcdesk on a demo practice with realistic "
            "patients and consults, or set up your own practice now."
        )
        text.setWordWrap(True)
        self.demo_button = QPushButton("Open the demo practice")
        self.demo_button.setObjectName("openDemo")
        self.demo_button.setProperty("primary", True)
        self.demo_button.clicked.connect(lambda: self._choose(FirstRunChoice.DEMO))
        self.setup_button = QPushButton("Set up my practice")
        self.setup_button.setObjectName("setUpPractice")
        self.setup_button.clicked.connect(lambda: self._choose(FirstRunChoice.SET_UP))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addSpacing(12)
        layout.addWidget(self.demo_button)
        layout.addWidget(self.setup_button)
        self.resize(520, 240)

    def _choose(self, choice: FirstRunChoice) -> None:
        self.choice = choice
        self.accept()


class PracticeSetupDialog(QDialog):
    """Asks for the few facts a practice needs to start; checks them at the field."""

    FIELDS = (
        ("practice_name", "Practice name"),
        ("office_name", "Main office"),
        ("phone", "Phone"),
        ("address", "Address"),
        ("coordinator_name", "Your name (treatment coordinator)"),
        ("pin", "Your PIN (4 to 8 digits)"),
        ("doctor_name", "Doctor's name"),
        ("brand_color", "Brand colour"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Set up your practice")
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key, label in self.FIELDS:
            edit = QLineEdit()
            edit.setObjectName(key)
            if key == "brand_color":
                edit.setText("#1F6F8B")
            if key == "pin":  # you sign in with it; you are the practice's admin
                edit.setEchoMode(QLineEdit.EchoMode.Password)
                edit.setMaxLength(8)
                edit.setPlaceholderText("you sign in with it and run Settings")
            self.edits[key] = edit
            form.addRow(label, edit)
        self.error_label = QLabel("")
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create practice")
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Fees and money rules start from typical figures; change them any time in Settings."
        )
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(intro)
        layout.addLayout(form)
        self.encryption = PassphraseFields()
        layout.addWidget(self.encryption)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setup: PracticeSetup | None = None
        self.passphrase: str | None = None  # encrypt the new file with it (None: plain)
        # Wide enough that a practice's name and street address read whole as typed.
        self.setMinimumWidth(640)

    def values(self) -> PracticeSetup:
        return PracticeSetup(**{key: edit.text() for key, edit in self.edits.items()})

    def _try_accept(self) -> None:
        setup = self.values()
        for edit in (*self.edits.values(), self.encryption.first, self.encryption.again):
            restyle(edit, "invalid", False)
        try:
            validate_setup(setup)
            if not setup.pin:
                raise SetupError("pin", "Choose a PIN of 4 to 8 digits: you sign in with it.")
            passphrase = self.encryption.chosen()
        except SetupError as error:
            self._refuse(self.edits[error.field], str(error))
            return
        except PassphraseProblem as problem:
            self._refuse(self.encryption.field_for(problem), str(problem))
            return
        self.setup = setup
        self.passphrase = passphrase
        self.accept()

    def _refuse(self, edit: QLineEdit, message: str) -> None:
        restyle(edit, "invalid", True)
        edit.setFocus()
        self.error_label.setText(message)
