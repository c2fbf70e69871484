"""Starting a solo practice consult: choose the family, who practises, what was prepared.

``start_solo`` is what the Training menu calls. It opens the practice's
training file (offering to make it when there is none), asks in a dialog for
the persona, the coordinator (the signed-in one by default) and the
preparation done before the family came in, then ``begin_solo`` makes the
persona's family in the training file and opens the real consult on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from html import escape
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from tcdesk.domain import StaffRole
from tcdesk.errors import UserError
from tcdesk.flows import facts_from_context
from tcdesk.services.clock import Clock, system_clock
from tcdesk.services.consult_room import ConsultRoom, PresentationKit
from tcdesk.services.desk import Desk
from tcdesk.services.training.persona_model import Persona
from tcdesk.services.training.practice_family import make_practice_family
from tcdesk.services.training.practice_mark import practice_kit
from tcdesk.services.training.practice_money import PracticeMoney
from tcdesk.services.training.session import SoloSession
from tcdesk.services.training.session_events import PREP_ITEMS
from tcdesk.services.training.session_setup import consult_steps
from tcdesk.services.training.solo_coach import Speak
from tcdesk.ui.presentation.controller import PresentationController
from tcdesk.ui.presentation.room_screen import RoomScreen
from tcdesk.ui.presentation.screens import ScreenChooser
from tcdesk.ui.training.solo_practice import ShowScorecard, SoloPractice, no_speech

PREP_LABELS = {
    "insurance_verified": "I verified the insurance benefit",
    "forms_checked": "I checked the forms",
    "doctor_briefed": "I briefed the doctor",
}


class SoloHost(Protocol):
    """What a practice consult needs from the app (``tcdesk.ui.app.Application``)."""

    kit: PresentationKit
    screens: ScreenChooser
    room_screen: RoomScreen
    main_window: Any
    presentation: PresentationController | None


def who(persona: Persona) -> str:
    """ "Maya (patient), Laura (mother): Laura pays and decides" in one line."""
    people = ", ".join(f"{p.name} ({p.role})" for p in persona.people)
    deciders = " and ".join(persona.decides)
    pays = persona.pays
    if pays and persona.decides == (pays,):
        return f"{people}: {pays} pays and decides"
    return f"{people}: {deciders} decide{'s' if len(persona.decides) == 1 else ''}, {pays} pays"


LIST_TEXT_WIDTH = 660  # the dialog's list, less its scroll bar: each row's height for it
PERSONA_LIST_QSS = (
    "QListWidget#soloPersonas::item { border-bottom: 1px solid #E3E6E9; }"
    "QListWidget#soloPersonas::item:selected { background: #DCEBF1;"
    " border-left: 4px solid #1F6F8B; }"
)


def _persona_label(persona: Persona) -> QLabel:
    """Three lines: the title in bold, who is in the room, their concern in their words."""
    label = QLabel(
        f"<b>{escape(persona.title)}</b><br>"
        f"<span style='color:#4A5259'>{escape(who(persona))}</span><br>"
        f"<i>“{escape(persona.chief_concern)}”</i>"
    )
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setContentsMargins(10, 6, 10, 6)
    label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    label.setStyleSheet("background: transparent;")
    return label


class SoloStartDialog(QDialog):
    """The persona, the coordinator and the preparation; ``chosen`` once accepted."""

    chosen = Signal(object, str, tuple)  # Persona, coordinator id, prepared items

    def __init__(
        self,
        personas: Sequence[Persona],
        coordinators: Sequence[tuple[str, str]],  # (staff id, name)
        signed_in: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("soloStartDialog")
        self.setWindowTitle("Practise a consult (tcdesk plays the family)")
        self.setModal(True)
        intro = QLabel(
            "Choose a family. You present on the real console and family screen; the "
            "family's lines appear on the console as they speak. Nothing is saved with "
            "the practice's patients."
        )
        intro.setWordWrap(True)
        self.personas = QListWidget()
        self.personas.setObjectName("soloPersonas")
        self.personas.setAccessibleName("The family to practise with")
        self.personas.setStyleSheet(PERSONA_LIST_QSS)
        for persona in personas:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, persona)
            item.setToolTip(persona.notes or persona.title)
            # what a screen reader says (no item text: the label paints the words)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{persona.title}. {who(persona)}.")
            label = _persona_label(persona)
            label.ensurePolished()  # the staff style's font, before measuring
            item.setSizeHint(QSize(0, label.heightForWidth(LIST_TEXT_WIDTH) + 4))
            self.personas.addItem(item)
            self.personas.setItemWidget(item, label)
        self.personas.setCurrentRow(0)
        self.personas.setMinimumHeight(320)
        self.coordinator = QComboBox()
        self.coordinator.setObjectName("soloCoordinator")
        for staff_id, name in coordinators:
            self.coordinator.addItem(name, staff_id)
        found = self.coordinator.findData(signed_in) if signed_in else -1
        self.coordinator.setCurrentIndex(max(found, 0))
        self.prepared = {item: QCheckBox(PREP_LABELS[item]) for item in PREP_ITEMS}
        for item, box in self.prepared.items():
            box.setObjectName(f"prep_{item}")
        form = QFormLayout()
        form.addRow("Coordinator", self.coordinator)
        prep = QVBoxLayout()
        for box in self.prepared.values():
            prep.addWidget(box)
        form.addRow("Before the family came in", prep)
        self.error = QLabel("")
        self.error.setObjectName("soloStartError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.start_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.start_button.setText("Start the practice consult")
        self.start_button.setProperty("primary", True)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.personas, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumSize(720, 620)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_rows()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Each family's row as tall as its three lines need at the list's width."""
        width = self.personas.viewport().width()
        for row in range(self.personas.count()):
            item = self.personas.item(row)
            label = self.personas.itemWidget(item)
            if label is not None:
                item.setSizeHint(QSize(0, label.heightForWidth(width) + 4))

    def choose(self, persona_key: str) -> None:
        for row in range(self.personas.count()):
            if self.personas.item(row).data(Qt.ItemDataRole.UserRole).key == persona_key:
                self.personas.setCurrentRow(row)

    def try_accept(self) -> None:
        item = self.personas.currentItem()
        if item is None:
            self.error.setText("Choose the family to practise with.")
            return
        staff_id = self.coordinator.currentData()
        if not staff_id:
            self.error.setText("Choose who is practising (a coordinator on staff).")
            return
        prepared = tuple(item for item, box in self.prepared.items() if box.isChecked())
        self.accept()
        self.chosen.emit(item.data(Qt.ItemDataRole.UserRole), staff_id, prepared)


def coordinators(desk: Desk) -> list[tuple[str, str]]:
    """Who may practise: the staff who are not doctors."""
    practice = desk.practice()
    staff = desk.practices.staff(practice.id) if practice else []
    return [(s.id, s.name) for s in staff if s.role is not StaffRole.DOCTOR]


def practice_money(desk: Desk, today: date) -> PracticeMoney:
    practice = desk.practice()
    if practice is None:
        raise UserError(f"{desk.path} holds no practice: run tcdesk training setup again.")
    return PracticeMoney.from_rows(
        desk.practices.policy(practice.id), desk.practices.fee_schedule(practice.id), today
    )


def begin_solo(
    host: SoloHost,
    training: Desk,
    persona: Persona,
    coordinator_id: str,
    prepared: Sequence[str] = (),
    *,
    clock: Clock = system_clock,
    speak: Speak = no_speech,
    show_scorecard: ShowScorecard | None = None,
    close_training: bool = False,
    single_screen: bool | None = None,
) -> SoloPractice:
    """Make ``persona``'s family in ``training`` and open its consult on the real windows.

    ``clock`` is the session's (the family's "after N minutes" lines and the
    score's times); raises ``UserError`` (nothing opened) when it cannot start.
    """
    now: datetime = clock()
    today = now.astimezone().date()
    family = make_practice_family(training, persona, coordinator_id, now)
    room = ConsultRoom(training, family.consult_id, practice_kit(host.kit))
    steps = consult_steps(room.flow, facts_from_context(room.context))
    session = SoloSession(persona, steps, practice_money(training, today), clock)
    controller = PresentationController(
        room, host.screens, today, room_screen=host.room_screen, single_screen=single_screen
    )
    practice = SoloPractice(
        controller,
        session,
        training=training,
        coordinator_id=coordinator_id,
        started_at=now,
        today=today,
        speak=speak,
        show_scorecard=show_scorecard,
        close_training=close_training,
    )
    practice.coach.prepare(prepared)
    window = getattr(host, "main_window", None)

    def finished() -> None:
        host.presentation = None
        if window is not None:
            window.show()
            window.activateWindow()

    controller.ended.connect(finished)
    if window is not None:
        window.hide()
    host.presentation = controller
    guard = getattr(host, "open_consult", None)  # the app's: Quit asks first, as in a consult
    if guard is not None:
        guard.watch(controller)
    controller.show()
    return practice


def open_training_file(parent: QWidget | None, practice_path: Path) -> Desk | None:
    """The practice's training file, open; when there is none, offer to make it.

    An existing one gets the practice's fees, policy and staff again first, so what
    is practised is what the practice charges today (its sessions and drills stay).
    """
    from tcdesk.services.training.store import set_up_training, training_desk, training_path

    if not training_path(practice_path).exists():
        answer = QMessageBox.question(
            parent,
            "Make the training file?",
            "Practice consults run on a training file of their own, made from this "
            "practice's fees, policy and staff (no families). Make it now?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
    set_up_training(practice_path)
    return training_desk(practice_path)


def start_solo(
    parent: QWidget | None,
    practice_desk: Desk,
    app_like: SoloHost,
    *,
    speak: Speak = no_speech,
    show_scorecard: ShowScorecard | None = None,
    clock: Clock = system_clock,
) -> SoloStartDialog | None:
    """The Training menu's "Practise a consult…": the start dialog, open (None when the
    training file could not be opened; the reason was said). Accepting it starts the
    consult; its ``practice`` attribute is then the running SoloPractice."""
    from tcdesk.services.training.personas import load_personas

    if practice_desk.path is None:
        QMessageBox.warning(parent, "Cannot practise", "This desk has no practice file.")
        return None
    try:
        training = open_training_file(parent, Path(practice_desk.path))
    except UserError as error:
        QMessageBox.warning(parent, "Cannot open the training file", str(error))
        return None
    if training is None:
        return None
    personas = list(load_personas().personas.values())
    dialog = SoloStartDialog(personas, coordinators(training), practice_desk.signed_in_id, parent)
    dialog.practice = None  # type: ignore[attr-defined]

    def chosen(persona: Persona, staff_id: str, prepared: tuple[str, ...]) -> None:
        try:
            dialog.practice = begin_solo(  # type: ignore[attr-defined]
                app_like,
                training,
                persona,
                staff_id,
                prepared,
                clock=clock,
                speak=speak,
                show_scorecard=show_scorecard,
                close_training=True,
            )
        except UserError as error:
            training.close()
            QMessageBox.warning(parent, "Cannot start the practice consult", str(error))

    dialog.chosen.connect(chosen)
    dialog.rejected.connect(training.close)
    dialog.open()
    return dialog
