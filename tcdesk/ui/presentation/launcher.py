"""Opening a consult for presentation, and offering to resume one a crash cut short."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from tcdesk.errors import UserError
from tcdesk.services.clock import today
from tcdesk.services.consult_room import ConsultRoom, open_sessions
from tcdesk.ui.presentation.controller import PresentationController

if TYPE_CHECKING:
    from tcdesk.ui.app import Application


def start_presentation(
    app: Application, consult_id: str, *, resume: bool = True
) -> PresentationController | None:
    try:
        room = ConsultRoom(app.desk, consult_id, app.kit, resume=resume)
    except UserError as error:
        QMessageBox.warning(app.main_window, "Cannot present this consult", str(error))
        return None
    controller = PresentationController(
        room,
        app.screens,
        today(app.desk.clock),
        open_agreement=lambda parent: app.open_agreement(consult_id, parent),
        print_summary=lambda parent, report: app.print_summary(consult_id, parent, report),
        room_screen=app.room_screen,
    )

    def finished() -> None:
        app.presentation = None
        app.main_window.refresh_patients()
        app.main_window.show()
        app.main_window.activateWindow()

    controller.ended.connect(finished)
    app.main_window.hide()
    controller.show()
    return controller


def offer_resume(app: Application, parent: QWidget) -> PresentationController | None:
    """After a crash or a kill, offer to go straight back to where the consult was."""
    interrupted = open_sessions(app.desk)
    if not interrupted:
        return None
    saved, name = interrupted[0]
    answer = QMessageBox.question(
        parent,
        "Resume the consult?",
        f"tcdesk was closed during {name}'s consult (step {saved.step_index + 1}). "
        "Resume exactly where you left off?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    return start_presentation(app, saved.consult_id, resume=True)
