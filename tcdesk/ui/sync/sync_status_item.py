"""The status bar's sync item: "Synced 10:42 · 3 came in"; a click syncs now.

A button like the follow-up count beside it, so the keyboard and a screen
reader reach it; a failure reads in the warning colour, in words.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from tcdesk.services.sync.sync_reports import StatusWords

WARNING_STYLE = "QPushButton { color: #8A5A00; font-weight: 600; }"
RUNNING_TEXT = "Syncing…"


class SyncStatusItem(QPushButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setObjectName("syncStatus")
        self.setVisible(False)  # shown once this install is known to sync (status.joined)
        self._words = StatusWords("", "")

    def show_words(self, words: StatusWords, *, warning: bool = False) -> None:
        self._words = words
        self.setText(words.text)
        self.setToolTip(words.tooltip)
        self.setAccessibleName(f"Office sync: {words.text}")
        self.setAccessibleDescription(words.tooltip)
        self.setStyleSheet(WARNING_STYLE if warning else "")
        self._keep_whole()

    def _keep_whole(self) -> None:
        """Never squeezed by a long problem beside it in the status bar: the words stay whole."""
        self.setMinimumWidth(self.sizeHint().width())

    def show_running(self, running: bool) -> None:
        """While a sync runs the item says so (and a click cannot start a second)."""
        self.setEnabled(not running)
        self.setText(RUNNING_TEXT if running else self._words.text)
        self._keep_whole()
