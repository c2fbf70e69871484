"""The patient's panel following the list's selection.

A click or an arrow key in the list shows the patient at once. While the TC
types a name each key re-lists and selects the first match; building the panel
for each of those would be half a keystroke's time, so it waits for a pause.
Whatever acts on the panel first brings it up to the selected patient, so no
key or button acts on someone the list no longer selects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from tcdesk.services.desk import Desk
from tcdesk.services.patient_overview import patient_overview
from tcdesk.ui.patient_panel import PatientPanel


class PanelFollow(QObject):
    """The panel kept to ``selected()``: at once, or ``delay_ms`` after typing pauses."""

    def __init__(
        self,
        panel: PatientPanel,
        desk: Desk,
        selected: Callable[[], str | None],
        *,
        present: Callable[[str], None],
        record: Callable[[str], object],
        delay_ms: int,
    ) -> None:
        super().__init__(panel)
        self._panel, self._desk, self._selected = panel, desk, selected
        self._present, self._record = present, record
        self.timer = QTimer(self, singleShot=True, interval=delay_ms)
        self.timer.timeout.connect(self.show_selected)
        self.typing = False  # a refresh the search's timer runs: the panel may wait
        panel.present_requested.connect(self._present_selected)
        panel.record_requested.connect(self._record_selected)
        app = QApplication.instance()
        if isinstance(app, QApplication):  # a click or Tab into the panel: it catches up first
            app.focusChanged.connect(self._focus_changed)

    @contextmanager
    def typed(self) -> Iterator[None]:
        """Selection changes inside this are a search's: the panel waits for a pause."""
        self.typing = True
        try:
            yield
        finally:
            self.typing = False

    def key_typed(self) -> None:
        """Still typing: a pending update waits on."""
        if self.timer.isActive():
            self.timer.start()

    def selection_changed(self) -> None:
        if not self.typing:
            self.show_selected()
            return
        shown = self._panel.overview()
        if shown is not None and shown.patient.id == self._selected():
            self.timer.stop()  # the panel already shows them
        else:
            self.timer.start()

    def show_selected(self) -> None:
        self.timer.stop()
        if self._desk.closed:  # the timer outlived the desk (closing while typing)
            return
        patient_id = self._selected()
        self._panel.show_overview(patient_overview(self._desk, patient_id) if patient_id else None)

    def flush(self) -> bool:
        """Before anything reads the panel: it shows the selected patient now.
        True if it was behind (what it showed a moment ago was someone else)."""
        if not self.timer.isActive():
            return False
        self.show_selected()
        return True

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self._panel.isAncestorOf(new):
            self.flush()

    def _present_selected(self, consult_id: str) -> None:
        if self.flush():  # pressed on the patient before: ask for the one selected
            if not self._panel.present_button.isEnabled():
                return
            consult_id = self._panel.selected_consult_id() or ""
        if consult_id:
            self._present(consult_id)

    def _record_selected(self, consult_id: str) -> None:
        if self.flush():
            if not self._panel.record_button.isEnabled():
                return
            consult_id = self._panel.selected_consult_id() or ""
        self._record(consult_id)
