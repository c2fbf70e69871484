"""The lock over the desk and the console: the practice's name, and a PIN to go on.

Full screen on the TC's own monitor, above every other tcdesk window, and it
cannot be closed: only a PIN takes it away. It shows no patient, no consult
and no note (the desk and the console are hidden under it).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from tcdesk.services.desk import Desk
from tcdesk.ui.lock.pin_form import PinForm


class LockWindow(QWidget):
    def __init__(
        self,
        desk: Desk,
        check: Callable[[str, str], None],
        *,
        chosen: str | None,
        reason: str,
    ) -> None:
        super().__init__(
            None,
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint,
        )
        self.setObjectName("lockWindow")
        self.setWindowTitle("tcdesk is locked")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#lockWindow { background: #EEF2F4; }")
        practice = desk.practice()
        heading = QLabel(practice.name if practice else "tcdesk")
        heading.setObjectName("lockHeading")
        heading.setProperty("role", "heading")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel("tcdesk is locked")
        title.setObjectName("lockTitle")
        title.setProperty("role", "subheading")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason = QLabel(f"{reason}\nType your PIN to go on where you were.")
        self.reason.setObjectName("lockReason")
        self.reason.setProperty("role", "muted")
        self.reason.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.form = PinForm(desk, check, chosen=chosen, button_text="&Unlock")
        card = QFrame()
        card.setObjectName("lockCard")
        card.setStyleSheet(
            "#lockCard { background: #FFFFFF; border: 1px solid #D5D9DD; border-radius: 10px; }"
            "#lockCard QLabel, #lockCard QLineEdit, #lockCard QComboBox, #lockCard QPushButton"
            " { font-size: 13pt; }"
            "#lockCard #lockHeading { font-size: 22pt; }"
            "#lockCard #lockTitle { font-size: 15pt; }"
        )
        card.setMinimumWidth(620)
        inside = QVBoxLayout(card)
        inside.setContentsMargins(40, 32, 40, 32)
        inside.setSpacing(16)
        inside.addWidget(heading)
        inside.addWidget(title)
        inside.addWidget(self.reason)
        inside.addWidget(self.form)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(card, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)
        self._closable = False

    def show_on_primary(self) -> None:
        screen = QGuiApplication.primaryScreen()
        self.winId()
        handle = self.windowHandle()
        if handle is not None:
            handle.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.form.focus_pin()

    def allow_close(self) -> None:
        self._closable = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closable:
            event.accept()
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # nothing to cancel: only a PIN unlocks
            event.accept()
            return
        super().keyPressEvent(event)
