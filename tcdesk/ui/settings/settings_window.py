"""The Settings window: a tab per area, each page its own widget.

``changed`` tells the main window to refresh what it shows of the practice
(its name, its brand colour) after any save.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from tcdesk.services.desk import Desk
from tcdesk.ui.accessibility import name_controls
from tcdesk.ui.settings.list_pages import FeesPage, OfficesPage, StaffPage
from tcdesk.ui.settings.money_page import MoneyRulesPage
from tcdesk.ui.settings.practice_page import PracticePage
from tcdesk.ui.settings.targets_page import TargetsPage
from tcdesk.ui.settings.terms_page import TermsPage
from tcdesk.ui.window_memory import remember

PAGES = (
    ("practice", "&Practice", PracticePage),
    ("offices", "&Offices", OfficesPage),
    ("staff", "&Staff", StaffPage),
    ("fees", "&Fees", FeesPage),
    ("money", "&Money rules", MoneyRulesPage),
    ("terms", "Agreement &terms", TermsPage),
    ("targets", "Tar&gets", TargetsPage),
)


class SettingsWindow(QDialog):
    changed = Signal()

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsWindow")
        self.setWindowTitle("Settings")
        self.resize(1100, 760)
        self.tabs = QTabWidget()
        self.pages: dict[str, QWidget] = {}
        for key, title, page_class in PAGES:
            page = page_class(desk)
            page.setObjectName(f"settings_{key}")
            page.changed.connect(self.changed)
            self.pages[key] = page
            self.tabs.addTab(page, title)
        self.pages["offices"].changed.connect(self._offices_changed)
        self.tabs.currentChanged.connect(self._page_shown)
        self._page_shown()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)
        QShortcut(QKeySequence.StandardKey.NextChild, self, activated=self._next_tab)
        remember(self)  # size, place and the rest as the TC left them on this computer
        name_controls(self)  # every page's fields read by their labels' names

    def show_page(self, key: str) -> QWidget:
        page = self.pages[key]
        self.tabs.setCurrentWidget(page)
        return page

    def _page_shown(self, _index: int = 0) -> None:
        """Enter saves the page in front (one default button per dialog)."""
        current = self.tabs.currentWidget()
        for page in self.pages.values():
            button = getattr(page, "save_button", None)
            if button is not None:
                button.setDefault(page is current and not isinstance(page, TermsPage))

    def _next_tab(self) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + 1) % self.tabs.count())

    def _offices_changed(self) -> None:
        self.pages["staff"].refresh()  # the office names the staff list shows
