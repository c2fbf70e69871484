"""The desk's Training menu: practise a consult, with a partner, objection drills, progress.

Every item works on the practice's training file, never on its families. The
file is made on first use (the TC is asked) and its fees, policy and staff are
copied from the practice file again each time one is opened, so a fee changed
this morning is the fee practised this afternoon. Each window owns the
training file it opened and closes it when it closes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMainWindow, QMessageBox, QWidget

from tcdesk.domain import StaffRole
from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.services.sign_in import signed_in
from tcdesk.ui.desk.menu_actions import make_action

CANNOT_OPEN = "Cannot open the training file"


class TrainingActions:
    """Owns the Training menu's four items and the windows they open."""

    def __init__(
        self, window: QMainWindow, desk: Desk, settings: MachineSettingsStore | None
    ) -> None:
        self._window = window
        self._desk = desk
        self._settings = settings
        self.host: Any = None  # the Application: a solo consult uses its screens and kit
        self.windows: list[QWidget] = []  # open training windows (partner, drills, progress)
        self.solo_dialog: Any = None
        self.solo_action = make_action(
            window, "Practise a &consult…", "trainingSolo", self.practise_solo
        )
        self.solo_action.setStatusTip(
            "A practice consult on the real screens: tcdesk plays the family (PRACTICE)"
        )
        self.partner_action = make_action(
            window, "Practise with a &partner…", "trainingPartner", self.practise_with_partner
        )
        self.partner_action.setStatusTip(
            "The trainer's window: the family to play, the objections, the scoring sheet"
        )
        self.drills_action = make_action(
            window, "Objection &drills…", "trainingDrills", self.open_drills
        )
        self.drills_action.setStatusTip(
            "Timed objections with the model answer; the weak ones come back sooner"
        )
        self.progress_action = make_action(
            window, "Training p&rogress…", "trainingProgress", self.open_progress
        )
        self.progress_action.setStatusTip("Scores over time, by part of the scorecard")

    def actions(self) -> tuple[Any, ...]:
        return (self.solo_action, self.partner_action, self.drills_action, self.progress_action)

    # -- the four items ----------------------------------------------------------

    def practise_solo(self) -> Any:
        """The solo start dialog; its consult runs on the host's screens."""
        from tcdesk.services.training.speech import Speaker
        from tcdesk.ui.training.scorecard_window import show_scorecard_window
        from tcdesk.ui.training.solo_start import start_solo

        if self.host is None or getattr(self.host, "presentation", None) is not None:
            self._say("Finish the consult being presented first.")
            return None
        machine = (self._settings or MachineSettingsStore()).load()
        self.solo_dialog = start_solo(
            self._window,
            self._desk,
            self.host,
            speak=Speaker.from_settings(machine).speak,
            show_scorecard=lambda card, persona, *, family_says="": show_scorecard_window(
                card, persona, self._window, family_says
            ),
        )
        return self.solo_dialog

    def practise_with_partner(self) -> QWidget | None:
        from tcdesk.services.training.personas import load_personas
        from tcdesk.ui.training.partner_window import open_partner

        def build(training: Desk, staff_id: str) -> QWidget:
            coordinator = training.practices.staff_member(staff_id)
            personas = load_personas().personas
            return open_partner(self._window, training, coordinator, personas)

        return self._open(build, "practise with a partner")

    def open_drills(self) -> QWidget | None:
        from tcdesk.services.training.personas import load_personas
        from tcdesk.ui.training.drills_window import DrillsWindow

        def build(training: Desk, staff_id: str) -> QWidget:
            personas = list(load_personas().personas.values())
            return DrillsWindow(training, self._window, staff_id, personas)

        return self._open(build, "drill objections")

    def open_progress(self) -> QWidget | None:
        from tcdesk.ui.training.progress_window import ProgressWindow

        everyone = self.sees_everyone()
        me = signed_in(self._desk)

        def build(training: Desk, staff_id: str) -> QWidget:
            if everyone:  # opens on the admin's own practice, a doctor's on "Everyone"
                own = me.id if me is not None and me.role is not StaffRole.DOCTOR else None
                return ProgressWindow(training, self._window, own, everyone=True)
            return ProgressWindow(training, self._window, staff_id)

        return self._open(build, "see training progress", ask_who=not everyone)

    # -- who, and the training file ------------------------------------------------

    def sees_everyone(self) -> bool:
        """The owner and the doctor see every coordinator's progress; a TC her own."""
        from tcdesk.ui.training.progress_window import may_see_everyone

        return may_see_everyone(signed_in(self._desk))

    def _open(
        self, build: Callable[[Desk, str], QWidget], doing: str, *, ask_who: bool = True
    ) -> QWidget | None:
        from tcdesk.ui.training.solo_start import open_training_file

        if self._desk.path is None:
            self._say("This desk has no practice file to practise on.")
            return None
        try:
            training = open_training_file(self._window, Path(self._desk.path))
        except UserError as error:
            QMessageBox.warning(self._window, CANNOT_OPEN, str(error))
            return None
        if training is None:
            return None
        staff_id = self._who(training, doing) if ask_who else (self._desk.signed_in_id or "")
        if staff_id is None:
            training.close()
            return None
        try:
            window = build(training, staff_id)
        except UserError as error:
            training.close()
            QMessageBox.warning(self._window, f"Cannot {doing}", str(error))
            return None
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        window.destroyed.connect(training.close)
        window.destroyed.connect(lambda: self._forget(window))
        self.windows.append(window)
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def _who(self, training: Desk, doing: str) -> str | None:
        """The coordinator practising: the one signed in, else chosen from a list."""
        from tcdesk.ui.training.solo_start import coordinators

        people = coordinators(training)
        ids = [staff_id for staff_id, _name in people]
        me = signed_in(self._desk)
        if me is not None and me.role is not StaffRole.DOCTOR and me.id in ids:
            return me.id
        if not people:
            QMessageBox.information(
                self._window,
                f"Cannot {doing}",
                "The practice has no coordinators yet: add one in Settings > Staff.",
            )
            return None
        if len(people) == 1:
            return people[0][0]
        names = [name for _id, name in people]
        name, ok = QInputDialog.getItem(
            self._window, "Who is practising?", "Coordinator:", names, 0, False
        )
        return ids[names.index(name)] if ok else None

    def _forget(self, window: QWidget) -> None:
        self.windows = [w for w in self.windows if w is not window]

    def _say(self, text: str) -> None:
        say = getattr(self._window, "say", None)
        if say is not None:
            say(text)
        else:
            QMessageBox.information(self._window, "Training", text)
