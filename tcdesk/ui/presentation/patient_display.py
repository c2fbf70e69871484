"""The window on the room's screen: frameless, full screen, and dumb.

It accepts a rendered ``Slide`` and a blank mode, nothing else: it has no
reference to the consult, the notes or the controller (privacy by
construction). It cannot be closed by accident and hides the cursor when idle.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QCursor, QScreen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from tcdesk.render.slide import Slide
from tcdesk.ui.slide_view import SlideView

CURSOR_IDLE_MS = 2000


class PatientDisplay(QWidget):
    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.FramelessWindowHint | Qt.WindowType.Window)
        self.setObjectName("patientDisplay")
        self.setWindowTitle("tcdesk — patient display")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view = SlideView()
        self.view.setMouseTracking(True)
        self.setMouseTracking(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._closable = False
        self._cursor_timer = QTimer(self, singleShot=True, interval=CURSOR_IDLE_MS)
        self._cursor_timer.timeout.connect(self._hide_cursor)
        self.view.installEventFilter(self)
        self._cursor_timer.start()
        self._screen: QScreen | None = None

    def show_slide(self, slide: Slide | None) -> None:
        self.view.set_slide(slide)

    def set_blank(self, mode: str) -> None:
        self.view.set_blank(mode)

    def place_on(self, screen: QScreen) -> None:
        """Full screen on exactly ``screen`` (works with and without a window manager)."""
        self.winId()
        handle = self.windowHandle()
        if handle is not None:
            handle.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        self._screen = screen

    def placed_screen(self) -> QScreen | None:
        """The screen it was last placed on."""
        return self._screen

    def allow_close(self) -> None:
        self._closable = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closable:
            event.accept()
        else:
            event.ignore()

    def cursor_hidden(self) -> bool:
        return self.view.cursor().shape() == Qt.CursorShape.BlankCursor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseMove:
            self.view.setCursor(QCursor(Qt.CursorShape.ArrowCursor))
            self._cursor_timer.start()
        return False

    def _hide_cursor(self) -> None:
        self.view.setCursor(QCursor(Qt.CursorShape.BlankCursor))
