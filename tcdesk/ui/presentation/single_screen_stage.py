"""One monitor: the family's view and the console share the screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QCloseEvent, QScreen
from PySide6.QtWidgets import QHBoxLayout, QWidget

from tcdesk.ui.presentation.close_guard import guarded_close
from tcdesk.ui.presentation.console import ConsolePanel
from tcdesk.ui.slide_view import SlideView

SIDEBAR_WIDTH = 520


class SingleScreenStage(QWidget):
    """The patient view fills the screen; the console is a sidebar (F9 hides it)."""

    def __init__(self, view: SlideView, panel: ConsolePanel) -> None:
        super().__init__()
        self.setObjectName("singleScreenStage")
        self.view = view
        self.panel = panel
        panel.setFixedWidth(SIDEBAR_WIDTH)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(view, 1)
        layout.addWidget(panel)
        self._closable = False
        # Unset, a close request is ignored: the family's full screen stays up.
        self.on_close_request: Callable[[], None] | None = None

    def show_full_screen_on(self, screen: QScreen) -> None:
        self.winId()  # a window handle now, so that it opens on ``screen``
        if self.windowHandle() is not None:
            self.windowHandle().setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    def toggle_sidebar(self) -> None:
        self.panel.setVisible(not self.panel.isVisible())
        if not self.panel.isVisible():
            self.view.setFocus()

    def allow_close(self) -> None:
        self._closable = True

    def closeEvent(self, event: QCloseEvent) -> None:
        guarded_close(event, lambda: self._closable, self.on_close_request)
