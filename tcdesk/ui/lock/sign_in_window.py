"""The first window of the day once a practice has PINs: who are you?"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from tcdesk.services import sign_in
from tcdesk.services.desk import Desk
from tcdesk.ui.lock.pin_form import PinForm


class SignInWindow(QDialog):
    """Enter signs in; Esc or closing leaves tcdesk (nothing of the practice is shown)."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInWindow")
        practice = desk.practice()
        self.setWindowTitle(f"Sign in — {practice.name if practice else 'tcdesk'}")
        heading = QLabel(practice.name if practice else "tcdesk")
        heading.setProperty("role", "heading")
        intro = QLabel("Choose your name and type your PIN.")
        intro.setProperty("role", "muted")
        self.form = PinForm(desk, lambda staff_id, pin: sign_in.sign_in(desk, staff_id, pin))
        self.form.accepted.connect(lambda _id: self.accept())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        self.setMinimumWidth(480)
        self.adjustSize()  # as tall as what it holds, no more

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.form.focus_pin()
