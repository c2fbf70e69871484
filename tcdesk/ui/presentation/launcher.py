"""Opening a consult for presentation, and offering to resume one a crash cut short."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tcdesk.errors import UserError
from tcdesk.services.clock import today
from tcdesk.services.consult_room import ConsultRoom, PresentationKit, open_sessions
from tcdesk.services.desk import Desk
from tcdesk.ui.presentation.controller import PresentationController
from tcdesk.ui.presentation.room_screen import RoomScreen
from tcdesk.ui.presentation.screens import ScreenChooser


class Application(Protocol):
    """What starting a presentation needs from the app (``tcdesk.ui.app.Application``).

    Described here rather than imported, so the app can import this module
    without the two importing each other.
    """

    desk: Desk
    kit: PresentationKit
    screens: ScreenChooser
    main_window: Any
    room_screen: RoomScreen
    presentation: PresentationController | None

    def open_agreement(self, consult_id: str, parent: QWidget) -> Any: ...

    def print_summary(self, consult_id: str, parent: QWidget, report: Any) -> Any: ...

    def resume(self, consult_id: str) -> None: ...


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
        app.main_window.refresh_desk()  # the board too: nobody is presenting now
        app.main_window.show()
        app.main_window.activateWindow()

    controller.ended.connect(finished)
    app.main_window.hide()
    controller.show()
    return controller


class ResumePrompt(QDialog):
    """ "Resume the consult?" as an ordinary modal dialog, opened inside the event loop.

    The old prompt was a static ``QMessageBox.question`` run in its own nested
    loop before the application's loop started; under Xvfb it took Enter but
    not clicks. This one is opened (``open()``), raised above the window it
    belongs to, and answered through signals like every other dialog.
    """

    def __init__(self, name: str, step_number: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("resumePrompt")
        self.setWindowTitle("Resume the consult?")
        self.setModal(True)
        message = QLabel(
            f"tcdesk was closed during {name}'s consult (step {step_number}). "
            "Resume exactly where you left off?"
        )
        message.setWordWrap(True)
        self.resume_button = QPushButton("Resume the consult")
        self.resume_button.setObjectName("resumeButton")
        self.resume_button.setDefault(True)
        self.resume_button.setProperty("primary", True)
        self.later_button = QPushButton("Not now")
        self.later_button.setObjectName("notNowButton")
        self.later_button.setToolTip("The consult stays where it was; tcdesk asks again next time")
        buttons = QDialogButtonBox()
        buttons.addButton(self.resume_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)


def offer_resume(app: Application, parent: QWidget) -> ResumePrompt | None:
    """After a crash or a kill, offer to go straight back to where the consult was.

    Returns the open prompt (None when nothing was interrupted); "Resume" starts
    the presentation and sets ``app.presentation``.
    """
    interrupted = open_sessions(app.desk)
    if not interrupted:
        return None
    saved, name = interrupted[0]
    prompt = ResumePrompt(name, saved.step_index + 1, parent)
    prompt.accepted.connect(lambda: app.resume(saved.consult_id))
    prompt.open()
    prompt.raise_()
    prompt.activateWindow()
    return prompt
