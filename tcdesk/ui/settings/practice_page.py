"""The Practice page: name, logo, brand colour and how families reach the practice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.settings import practice_details
from tcdesk.services.validation import FieldError, FieldErrors
from tcdesk.ui.settings.field_form import FieldForm, FieldSpec
from tcdesk.ui.style import restyle

MNEMONICS = {
    "name": "Practice &name",
    "phone": "&Phone",
    "email": "E&mail",
    "website": "&Website",
    "address": "A&ddress",
    "brand_color": "Brand &colour",
    "lock_after_minutes": "Loc&k after (idle minutes)",
    "keep_original_photos": "Keep o&riginal photos",
}


def _kind(key: str) -> str:
    if key in practice_details.YES_NO_FIELDS:
        return "yes_no"
    return "multiline" if key == "address" else "text"


class PracticePage(QWidget):
    changed = Signal()

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        specs = [
            FieldSpec(
                key,
                MNEMONICS[key],
                _kind(key),
                help=practice_details.KEEP_ORIGINALS_HELP if key == "keep_original_photos" else "",
            )
            for key in practice_details.PRACTICE_FIELDS
        ]
        self.form = FieldForm(specs)
        originals = self.form.inputs["keep_original_photos"]
        assert isinstance(originals, QCheckBox)
        originals.setText(practice_details.KEEP_ORIGINALS_SHORT)  # what the switch does
        self.logo = QLabel("No logo")
        self.logo.setObjectName("logoPreview")
        self.logo.setFixedSize(220, 90)
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo.setStyleSheet("border: 1px solid #D5D9DD; border-radius: 6px; background: #FFF;")
        self.choose_logo = QPushButton("Choose &logo…")
        self.choose_logo.clicked.connect(self._choose_logo)
        self.remove_logo = QPushButton("No lo&go")
        self.remove_logo.clicked.connect(self._remove_logo)
        self.save_button = QPushButton("&Save the practice's details")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo)
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self.choose_logo)
        logo_buttons.addWidget(self.remove_logo)
        logo_buttons.addStretch(1)
        logo_row.addLayout(logo_buttons)
        logo_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(QLabel("Logo (printed on agreements and shown on the welcome screen)"))
        layout.addLayout(logo_row)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.load()

    def load(self) -> None:
        practice = practice_details.current_practice(self.desk)
        self.form.set_values({key: practice_details.form_value(practice, key) for key in MNEMONICS})
        self._show_logo()

    def _show_logo(self) -> None:
        path = practice_details.logo_file(self.desk)
        pixmap = QPixmap(path) if path and Path(path).is_file() else QPixmap()
        if pixmap.isNull():
            self.logo.setPixmap(QPixmap())
            self.logo.setText("No logo")
        else:
            self.logo.setPixmap(
                pixmap.scaled(
                    self.logo.size() * 0.9,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

    def save(self) -> bool:
        try:
            practice_details.update_practice(self.desk, self.form.values())
        except (FieldError, FieldErrors) as error:
            self.form.show_errors(error)
            self._say("Not saved: fix the field marked in red.", error=True)
            return False
        self.load()
        self._say("Saved.")
        self.changed.emit()
        return True

    def import_logo(self, path: Path) -> bool:
        try:
            practice_details.import_logo(self.desk, path)
        except UserError as error:
            self._say(str(error), error=True)
            return False
        self._show_logo()
        self._say("The new logo is saved.")
        self.changed.emit()
        return True

    def _choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Choose the practice's logo", str(Path.home()), "Pictures (*.png *.jpg *.jpeg)"
        )
        if name:
            self.import_logo(Path(name))

    def _remove_logo(self) -> None:
        practice_details.remove_logo(self.desk)
        self._show_logo()
        self._say("The logo is removed.")
        self.changed.emit()

    def _say(self, message: str, *, error: bool = False) -> None:
        self.status.setText(message)
        restyle(self.status, "role", "error" if error else "muted")
