"""View > Dashboard (Ctrl+Shift+D): opens the practice's numbers, one window, raised if open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

from tcdesk.services.desk import Desk
from tcdesk.ui.desk.menu_actions import keys, make_action

if TYPE_CHECKING:
    from tcdesk.ui.pipeline.dashboard_window import DashboardWindow, Reader

DASHBOARD_KEY = "Ctrl+Shift+D"


class DashboardActions:
    def __init__(self, window: QMainWindow, desk: Desk) -> None:
        self._window = window
        self._desk = desk
        self.dashboard_window: DashboardWindow | None = None
        self._reader: Reader | None = None  # made on first open; its count outlives the window
        self.dashboard_action = make_action(
            window, "&Dashboard", "dashboardAction", self.open_dashboard, keys(DASHBOARD_KEY)
        )
        self.dashboard_action.setToolTip(
            f"Case acceptance, same-day starts, pending families and the targets ({DASHBOARD_KEY})"
        )

    def open_dashboard(self) -> DashboardWindow:
        if self.dashboard_window is None:
            from tcdesk.ui.pipeline.dashboard_window import DashboardWindow  # when first opened

            self.dashboard_window = DashboardWindow(self._desk, self._window, self._kept_reader())
            self.dashboard_window.destroyed.connect(self._forget)
        else:
            self.dashboard_window.refresh()  # what changed at the desk since
        self.dashboard_window.show()
        self.dashboard_window.raise_()
        self.dashboard_window.activateWindow()
        return self.dashboard_window

    def _kept_reader(self) -> Reader:
        from tcdesk.ui.pipeline.dashboard_window import Reader

        if self._reader is None:
            self._reader = Reader(self._desk)
        return self._reader

    def _forget(self) -> None:
        self.dashboard_window = None
