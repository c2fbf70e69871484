"""The desk's intake buttons and keys, wired to the main window.

"New family" (Ctrl+N) opens the family form; "Walk-in" (F2) the short walk-in
form; the patient panel's "Edit family" the same family form on that family;
Ctrl+Enter presents the consult selected on the desk. After a save the list
is refreshed and the family selected, so a walk-in is one Ctrl+Enter from
presenting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QPushButton, QWidget

from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.machine_settings import MachineSettingsStore

if TYPE_CHECKING:
    from tcdesk.services.intake import FamilySaved
    from tcdesk.services.walk_in import WalkInStarted
    from tcdesk.ui.desk.family_form import FamilyForm
    from tcdesk.ui.desk.walk_in_form import WalkInForm

NEW_FAMILY_KEYS = ("Ctrl+N",)
WALK_IN_KEYS = ("F2", "Ctrl+Shift+N")
PRESENT_KEYS = ("Ctrl+Return", "Ctrl+Enter")


class IntakeActions:
    def __init__(
        self, window: QMainWindow, desk: Desk, settings: MachineSettingsStore | None
    ) -> None:
        self._window: Any = window  # the MainWindow (not imported: it imports this)
        self._desk = desk
        self._settings = settings
        self.form: FamilyForm | None = None
        self.walk_in: WalkInForm | None = None

        self.new_family_action = self._action("&New family", NEW_FAMILY_KEYS, self.open_new_family)
        self.walk_in_action = self._action("&Walk-in", WALK_IN_KEYS, self.open_walk_in)
        self.present_action = self._action("&Present this consult", PRESENT_KEYS, self._present)

        self.new_family_button = QPushButton("&New family")
        self.new_family_button.setObjectName("newFamilyButton")
        self.new_family_button.setToolTip("Add a patient, who pays, and their insurance (Ctrl+N)")
        self.new_family_button.clicked.connect(self.open_new_family)
        self.walk_in_button = QPushButton("&Walk-in")
        self.walk_in_button.setObjectName("walkInButton")
        self.walk_in_button.setProperty("primary", True)
        self.walk_in_button.setMinimumWidth(140)
        self.walk_in_button.setToolTip(
            "A family at the door: name and phone, Enter, and the consult is ready (F2)"
        )
        self.walk_in_button.clicked.connect(self.open_walk_in)
        self.bar = QWidget()
        row = QHBoxLayout(self.bar)
        row.setContentsMargins(12, 0, 0, 0)
        row.addWidget(self.new_family_button)
        row.addWidget(self.walk_in_button)

        panel = window.panel
        panel.edit_family_requested.connect(self._edit_family_of)
        panel.present_button.setToolTip("Present this consult on the room's screen (Ctrl+Enter)")

    def _action(self, text: str, keys: tuple[str, ...], slot) -> QAction:
        action = QAction(text, self._window)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        self._window.addAction(action)
        return action

    # -- opening the forms -------------------------------------------------------------

    def open_new_family(self) -> FamilyForm:
        return self._open_family(None)

    def open_edit_family(self, patient_id: str) -> FamilyForm:
        return self._open_family(patient_id)

    def _open_family(self, patient_id: str | None) -> FamilyForm:
        from tcdesk.ui.desk.family_form import FamilyForm  # loaded when first opened

        form = FamilyForm(self._desk, self._window, patient_id=patient_id)
        form.saved.connect(self._family_saved)
        form.existing_chosen.connect(self.show_patient)
        self.form = form
        form.open()
        return form

    def open_walk_in(self) -> WalkInForm | None:
        try:
            from tcdesk.ui.desk.walk_in_form import WalkInForm

            form = WalkInForm(self._desk, self._desk.clock(), self._settings, self._window)
        except UserError as error:  # no practice staff yet: say so, calmly
            self._window.show_problem(str(error))
            return None
        form.started.connect(self._walk_in_started)
        form.existing_chosen.connect(self.show_patient)
        self.walk_in = form
        form.open()
        return form

    # -- after a save ------------------------------------------------------------------

    def _family_saved(self, saved: FamilySaved) -> None:
        self.show_patient(saved.patient.id)
        verb = "added" if saved.created else "saved"
        said = f"Family {verb}: {saved.patient.display_name}."
        self._window.say(f"{said} {saved.warning}" if saved.warning else said)

    def _walk_in_started(self, started: WalkInStarted) -> None:
        self.show_patient(started.patient.id)
        self._window.say(
            f"Walk-in added: {started.patient.display_name}. Ctrl+Enter presents the consult."
        )
        board = getattr(self._window, "today_board", None)
        if board is not None:
            board.refresh()  # "here" now, not at the board's next tick
        panel = self._window.panel
        for row in range(panel.consult_list.count()):
            if panel.consult_list.item(row).data(Qt.ItemDataRole.UserRole) == started.consult.id:
                panel.consult_list.setCurrentRow(row)
        self._window.activateWindow()
        panel.present_button.setFocus()

    def show_patient(self, patient_id: str) -> None:
        """Refresh the list and select this family, widening the list if it hides them."""
        window = self._window
        window.refresh_desk()
        if window.select_patient(patient_id):
            return
        window.search.clear()
        window.today_button.setChecked(False)
        window.refresh_patients()
        window.select_patient(patient_id)

    def _edit_family_of(self, patient_id: str) -> None:
        """The panel's Edit family: the selected patient's, if the panel was behind."""
        if self._window.flush_panel():
            patient_id = self._window.selected_patient_id() or ""
        if patient_id:
            self.open_edit_family(patient_id)

    def _present(self) -> None:
        self._window.flush_panel()  # Ctrl+Enter right after typing a name: theirs
        button = self._window.panel.present_button
        if button.isEnabled():
            button.click()
