"""The desk's pipeline keys: File > New lead (Ctrl+Shift+L), View > Follow-up queue (Ctrl+U),
and the button on the desk that says how many families are waiting ("Follow-ups: 7 (2 overdue)").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QPushButton

from tcdesk.services.clock import today as local_today
from tcdesk.services.desk import Desk
from tcdesk.services.follow_up_queue import queue_counts
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.services.sign_in import signed_in

if TYPE_CHECKING:
    from tcdesk.ui.pipeline.lead_form import LeadForm
    from tcdesk.ui.pipeline.queue_window import QueueWindow

NEW_LEAD_KEYS = "Ctrl+Shift+L"
QUEUE_KEYS = "Ctrl+U"


class PipelineActions:
    def __init__(
        self, window: QMainWindow, desk: Desk, settings: MachineSettingsStore | None = None
    ) -> None:
        self._window: Any = window  # the MainWindow (not imported: it imports this)
        self._desk = desk
        self._settings = settings
        self.queue_window: QueueWindow | None = None
        self.lead_form: LeadForm | None = None
        self.new_lead_action = _action(window, "New &lead…", NEW_LEAD_KEYS, self.new_lead)
        self.new_lead_action.setObjectName("newLeadAction")
        self.new_lead_action.setToolTip(
            f"A family who called, wrote or was referred ({NEW_LEAD_KEYS})"
        )
        self.queue_action = _action(window, "&Follow-up queue", QUEUE_KEYS, self.open_queue)
        self.queue_action.setObjectName("queueAction")
        self.queue_button = QPushButton("Follow-ups")
        self.queue_button.setObjectName("queueButton")
        self.queue_button.setToolTip(f"Who to call next, most urgent first ({QUEUE_KEYS})")
        self.queue_button.clicked.connect(self.open_queue)
        self.refresh_count()

    def today(self) -> date:
        return local_today(self._desk.clock)

    def me_id(self) -> str | None:
        """Whose "Mine" is: the signed-in TC, else this desk's TC (machine settings)."""
        me = signed_in(self._desk)
        if me is not None:
            return me.id
        if self._settings is not None:
            chosen = self._settings.load().coordinator_id
            return chosen or None
        return None

    def refresh_count(self) -> None:
        if self._desk.closed or self._desk.practice() is None:
            self.queue_button.setText("Follow-ups")
            return
        counts = queue_counts(self._desk)
        self.queue_button.setText(counts.words.replace("Follow-ups", "F&ollow-ups", 1))
        # Overdue families make the count stand out (in words too: "(2 overdue)").
        self.queue_button.setStyleSheet(
            "QPushButton { color: #8C2A1B; font-weight: 600; }" if counts.overdue else ""
        )
        self.queue_button.setAccessibleName(counts.words)

    def open_queue(self) -> QueueWindow:
        if self.queue_window is None:
            from tcdesk.ui.pipeline.queue_window import QueueWindow  # loaded when first opened

            self.queue_window = QueueWindow(self._desk, self.today, self.me_id(), self._window)
            self.queue_window.setWindowFlag(Qt.WindowType.Window)
            self.queue_window.changed.connect(self._changed)
            self.queue_window.said.connect(self._window.say)
        else:
            self.queue_window.set_me(self.me_id())  # someone else may have signed in since
            self.queue_window.refresh()
        self.queue_window.show()
        self.queue_window.raise_()
        self.queue_window.activateWindow()
        self.queue_window.table.setFocus()
        return self.queue_window

    def new_lead(self) -> LeadForm:
        from tcdesk.ui.pipeline.lead_form import LeadForm

        form = LeadForm(self._desk, self.today(), self._window)
        form.added.connect(lambda lead: self._lead_added(lead.family_name))
        self.lead_form = form
        form.open()
        return form

    def _lead_added(self, name: str) -> None:
        self._window.say(f"Lead added: {name}. It is in the follow-up queue (Ctrl+U).")
        self._changed()

    def _changed(self) -> None:
        self.refresh_count()
        if self.queue_window is not None and self.queue_window.isVisible():
            self.queue_window.refresh()


def _action(window: QMainWindow, text: str, key: str, slot: Callable[[], object]) -> QAction:
    action = QAction(text, window)
    action.setShortcut(QKeySequence(key))
    action.triggered.connect(slot)
    window.addAction(action)
    return action
