"""The trainer's window for a practice consult with a partner: the family to play, and the sheet.

A senior TC (the trainer) plays the family while the coordinator presents
with the real console. On the left the persona and its objections, each
with its moment; on the right the scoring sheet, ticked live. Save keeps the
ticked sheet as a scorecard in the training file (mode "partner") for the
coordinator, so it shows in their progress with their solo sessions.

``open_partner(parent, desk, coordinator, personas)`` is what a Training menu
calls; ``desk`` is the training file's (``training_desk``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tcdesk.domain import Staff
from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.training.history import RecordedSession, TrainingMode, record_session
from tcdesk.services.training.partner_brief import partner_brief
from tcdesk.services.training.partner_sheet import scorecard_from_marks
from tcdesk.services.training.persona_model import Persona
from tcdesk.ui.training.partner_brief_view import PartnerBriefView
from tcdesk.ui.training.partner_sheet_view import PartnerSheetView

if TYPE_CHECKING:
    from tcdesk.flows import Flow

TICK_MS = 15_000  # how often the minutes follow the clock


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


class PartnerWindow(QWidget):
    """The persona for the trainer on the left, the live scoring sheet on the right."""

    def __init__(
        self,
        desk: Desk,
        coordinator: Staff,
        personas: Mapping[str, Persona],
        flows: Mapping[str, Flow] | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        if not personas:
            raise UserError("There are no personas to practise with (tcdesk training check).")
        self._desk = desk
        self._coordinator = coordinator
        self._personas = dict(personas)
        self._flows = dict(flows or {})
        self._clock = clock or desk.clock
        self._started = self._clock()
        self._minutes_by_hand = False
        self.saved: list[RecordedSession] = []
        self.setWindowTitle(f"Practice with a partner: {coordinator.name}")
        self.setObjectName("partner-window")

        self.persona_choice = QComboBox()
        for key, persona in sorted(self._personas.items(), key=lambda kv: kv[1].title):
            self.persona_choice.addItem(persona.title, key)
        self.persona_choice.currentIndexChanged.connect(self._show_persona)
        who = QLabel(f"Coordinator: <b>{coordinator.name}</b>")
        mark = QLabel("PRACTICE")
        mark.setStyleSheet(
            "background:#8A5A00; color:white; font-weight:700; padding:3px 10px; border-radius:4px"
        )
        top = QHBoxLayout()
        top.addWidget(mark)
        top.addWidget(QLabel("The family:"))
        top.addWidget(self.persona_choice, 1)
        top.addSpacing(16)
        top.addWidget(who)

        self.brief = PartnerBriefView()
        self.sheet = PartnerSheetView()
        self.sheet.minutes.editingFinished.connect(self._minutes_set_by_hand)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.brief_area = _scrolling(self.brief)
        self.sheet_area = self.sheet.area
        split.addWidget(self.brief_area)
        split.addWidget(self.sheet)
        split.setSizes([620, 520])
        split.setChildrenCollapsible(False)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.new_button = QPushButton("New sheet")
        self.new_button.clicked.connect(self.new_sheet)
        self.save_button = QPushButton("Save the score")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.new_button)
        bottom.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.follow_clock)
        self._timer.start(TICK_MS)
        self.sheet.changed.connect(lambda: self.message.setText(""))
        self._show_persona()

    @property
    def persona(self) -> Persona:
        return self._personas[self.persona_choice.currentData()]

    def choose(self, key: str) -> None:
        self.persona_choice.setCurrentIndex(self.persona_choice.findData(key))

    def _show_persona(self) -> None:
        persona = self.persona
        self.brief.show_brief(partner_brief(persona, self._flows.get(persona.flow)))

    def follow_clock(self) -> None:
        """The minutes since the sheet began, until the trainer types their own."""
        if self._minutes_by_hand:
            return
        elapsed = (self._clock() - self._started).total_seconds() / 60
        self.sheet.minutes.setValue(round(max(0.0, elapsed)))

    def _minutes_set_by_hand(self) -> None:
        self._minutes_by_hand = True

    def _say(self, text: str, role: str) -> None:
        self.message.setText(text)
        self.message.setProperty("role", role)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def save(self) -> RecordedSession | None:
        """Keep the ticked sheet for the coordinator; a clear message when it cannot be."""
        if self.sheet.reason_missing():
            self._say("Choose what holds the family back before saving.", "error")
            self.sheet.reason.setFocus()
            return None
        self.follow_clock()
        marks = self.sheet.marks()
        try:
            card = scorecard_from_marks(self.persona, marks)
            started = self._clock() - timedelta(minutes=marks.minutes)
            kept = record_session(
                self._desk, self._coordinator.id, card, TrainingMode.PARTNER, started
            )
        except (UserError, ValueError) as error:
            self._say(f"Not saved: {error}", "error")
            return None
        self.saved.append(kept)
        self._say(
            f"Saved for {self._coordinator.name}: {card.total:g} / 100. "
            "It is in their progress report.",
            "",
        )
        self.save_button.setEnabled(False)
        return kept

    def new_sheet(self) -> None:
        self.sheet.clear()
        self._started = self._clock()
        self._minutes_by_hand = False
        self.save_button.setEnabled(True)
        self._say("", "")


def open_partner(
    parent: QWidget | None,
    desk: Desk,
    coordinator: Staff,
    personas: Mapping[str, Persona],
    flows: Mapping[str, Flow] | None = None,
) -> PartnerWindow:
    """Open the trainer's window for ``coordinator`` on the training file ``desk``.

    ``flows`` (the shipped flows by id) put each persona's objections in the
    order the consult reaches them; without them the shipped ones are loaded.
    """
    if flows is None:
        from tcdesk.services.training.personas import shipped_flows

        flows = shipped_flows()
    window = PartnerWindow(desk, coordinator, personas, flows, parent=parent)
    window.resize(1240, 860)
    window.show()
    window.raise_()
    return window
