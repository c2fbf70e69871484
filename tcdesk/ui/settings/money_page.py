"""The Money rules page: every figure of the financial policy, checked as typed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.settings import money_rules
from tcdesk.services.validation import FieldError, FieldErrors
from tcdesk.ui.settings.field_form import FieldForm, FieldSpec
from tcdesk.ui.style import restyle

_KINDS = {"yes_no": "yes_no", "remainder": "choice"}
_REMAINDER = (("first", "first payment"), ("last", "last payment"))


def _spec(field: money_rules.PolicyField) -> FieldSpec:
    kind = _KINDS.get(field.kind, "text")
    return FieldSpec(
        field.key,
        field.label,
        kind,
        _REMAINDER if field.kind == "remainder" else (),
        field.help,
    )


class MoneyRulesPage(QWidget):
    changed = Signal()

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.form = FieldForm([_spec(f) for f in money_rules.POLICY_FIELDS])
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        scroll.viewport().setAutoFillBackground(False)
        self.form.setAutoFillBackground(False)
        for widget in self.form.inputs.values():
            if isinstance(widget, QLineEdit):
                widget.setMaximumWidth(180)  # figures, not sentences
        note = QLabel(
            "These rules apply to new quotes. A plan a family already saved, and its "
            "agreement, keep the rules they were made under."
        )
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        self.save_button = QPushButton("&Save the money rules")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.load()

    def load(self) -> None:
        policy = money_rules.current_policy(self.desk)
        self.form.set_values(
            {f.key: money_rules.form_value(policy, f) for f in money_rules.POLICY_FIELDS}
        )

    def save(self) -> bool:
        try:
            money_rules.update_policy(self.desk, self.form.values())
        except (FieldError, FieldErrors) as error:
            self.form.show_errors(error)
            self._say("Not saved: fix the rule marked in red.", error=True)
            return False
        except UserError as error:  # "Only an admin can change the money rules."
            self._say(str(error), error=True)
            return False
        self.load()
        self._say("Saved. New quotes use these rules.")
        self.changed.emit()
        return True

    def _say(self, message: str, *, error: bool = False) -> None:
        self.status.setText(message)
        restyle(self.status, "role", "error" if error else "muted")
