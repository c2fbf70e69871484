"""Add or edit one record (an office, a person, a fee) in a small dialog.

Enter saves, Esc cancels. The save callback is the service call: its field
errors stay in the dialog, under the field, and nothing is saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from tcdesk.errors import UserError
from tcdesk.services.validation import FieldError, FieldErrors
from tcdesk.ui.accessibility import name_controls
from tcdesk.ui.settings.field_form import FieldForm, FieldSpec

Save = Callable[[dict[str, str]], object]


class RecordDialog(QDialog):
    def __init__(
        self,
        title: str,
        specs: Sequence[FieldSpec],
        values: dict[str, str],
        save: Save,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self._save = save
        self.form = FieldForm(specs)
        self.form.set_values(values)
        self.problem = QLabel("")
        self.problem.setProperty("role", "error")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.saved: object = None
        name_controls(self)  # each field read by its label's name

    def try_save(self) -> None:
        self.problem.hide()
        try:
            self.saved = self._save(self.form.values())
        except (FieldError, FieldErrors) as error:
            if not self.form.show_errors(error):
                self._say(str(error))
            return
        except UserError as error:
            self._say(str(error))
            return
        self.accept()

    def _say(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()
