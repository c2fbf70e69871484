"""The console's own window on the TC's monitor (two-screen mode)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow

from tcdesk.ui.presentation.close_guard import guarded_close
from tcdesk.ui.presentation.console import ConsolePanel
from tcdesk.ui.window_memory import remember


class ConsoleWindow(QMainWindow):
    """Holds the console panel; closing it asks the controller (end, or leave) first."""

    def __init__(self, panel: ConsolePanel, title: str) -> None:
        super().__init__()
        self.setObjectName("consoleWindow")
        self.setWindowTitle(title)
        self.setCentralWidget(panel)
        remember(self, geometry=False)  # its splitter and tabs; it always fills the TC's screen
        self._closable = False
        self.on_close_request: Callable[[], None] | None = None

    def allow_close(self) -> None:
        self._closable = True

    def closeEvent(self, event: QCloseEvent) -> None:
        guarded_close(event, lambda: self._closable, self.on_close_request)
