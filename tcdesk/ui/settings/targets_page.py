"""The Targets page: case acceptance, same-day starts and the follow-up rule, for admins.

Someone signed in who is not an admin sees the targets but cannot change them
(the service refuses too); with nobody signed in (a practice without PINs)
the one at the desk is the practice's admin, as everywhere in Settings.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from tcdesk.services.desk import Desk
from tcdesk.services.settings import targets
from tcdesk.services.settings.practice_details import current_practice
from tcdesk.services.sign_in import is_admin, signed_in
from tcdesk.services.validation import FieldError, FieldErrors
from tcdesk.ui.settings.field_form import FieldForm, FieldSpec
from tcdesk.ui.style import restyle

MNEMONICS = {
    "target_acceptance_pct": "Case &acceptance target (%)",
    "target_same_day_pct": "Same-&day start target (%)",
    "target_follow_up_business_days": "Follow &up within (business days)",
}
EXPLAINED = (
    "The dashboard shows each target as progress. Case acceptance: held consults that "
    "started within 45 days. Same-day starts: held consults that started on the consult "
    "day. Follow-up: pending families whose first contact (or a closed follow-up) came "
    "within that many business days (Monday to Friday) of the consult."
)


class TargetsPage(QWidget):
    changed = Signal()

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.form = FieldForm(
            [
                FieldSpec(
                    key,
                    MNEMONICS[key],
                    help="0 to 100" if key.endswith("_pct") else "a whole number, 0 to 30",
                )
                for key in targets.TARGET_FIELDS
            ]
        )
        words = QLabel(EXPLAINED)
        words.setWordWrap(True)
        words.setProperty("role", "muted")
        self.save_button = QPushButton("&Save the targets")
        self.save_button.setObjectName("saveTargetsButton")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(words)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.load()

    def load(self) -> None:
        self.form.set_values(targets.target_values(current_practice(self.desk)))
        member = signed_in(self.desk)
        allowed = member is None or is_admin(member)
        for widget in self.form.inputs.values():
            widget.setEnabled(allowed)
        self.save_button.setEnabled(allowed)
        if not allowed:
            self._say("Only an admin can change the targets.", error=False)

    def save(self) -> bool:
        try:
            targets.update_targets(self.desk, self.form.values(), actor_id=self.desk.signed_in_id)
        except (FieldError, FieldErrors) as error:
            self.form.show_errors(error)
            self._say("Not saved: fix the field marked in red.", error=True)
            return False
        self.load()
        self._say("Saved. The dashboard shows the new targets.")
        self.changed.emit()
        return True

    def _say(self, message: str, *, error: bool = False) -> None:
        self.status.setText(message)
        restyle(self.status, "role", "error" if error else "muted")
