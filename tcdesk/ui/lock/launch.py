"""At launch: sign in before the desk shows (a practice without PINs goes straight on)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog

from tcdesk.services import sign_in
from tcdesk.services.desk import Desk
from tcdesk.ui.lock.sign_in_window import SignInWindow
from tcdesk.ui.main_screen import on_main_screen
from tcdesk.ui.style import apply_staff_style


def sign_in_at_launch(desk: Desk) -> bool:
    """True to go on to the desk; False when the person closed the sign-in window."""
    if desk.signed_in_id is not None or not sign_in.sign_in_needed(desk):
        return True  # just set up (signed in), or no PINs yet: as tcdesk always opened
    app = QApplication.instance()
    practice = desk.practice()
    if isinstance(app, QApplication) and practice is not None:
        apply_staff_style(app, practice.brand_color)
    window = SignInWindow(desk)
    return on_main_screen(window).exec() == QDialog.DialogCode.Accepted
