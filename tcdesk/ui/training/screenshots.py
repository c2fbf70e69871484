"""Screenshots of a solo practice consult, on the demo practice's training file.

``python -m tcdesk.devtools.virtual_screens -- python -m tcdesk.ui.training.screenshots
--out docs/screenshots`` writes:
- training-solo-start.png: the dialog that starts a practice consult;
- training-solo-console.png: the console with the PRACTICE banner, the family's
  line at the investment and the TC's typed answer;
- training-solo-family.png: the family's screen at that moment, with its corner mark;
- training-solo-family-es.png: a Spanish family's screen ("Práctica");
- training-solo-scorecard-message.png: the plain scorecard shown at the end when no
  scorecard window is wired in.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from tcdesk.ui.screenshot_kit import grab, screenshot_folder

SHOT_DAY = date(2026, 12, 2)
ANSWER = (
    "I hear you, it's a real amount. What part of it worries you most, the total or the "
    "monthly? With the low down payment you start at $250 and spread the rest monthly."
)


@dataclass
class _Host:
    kit: Any
    screens: Any
    room_screen: Any = None
    main_window: Any = None
    presentation: Any = None


def _settle() -> None:
    for _ in range(10):
        QApplication.processEvents()


def _training_file(folder: Path, now: datetime):
    from tcdesk.services.demo import build_demo
    from tcdesk.services.desk import Desk
    from tcdesk.services.training.store import set_up_training, training_desk

    practice = folder / "demo.sqlite3"
    desk = Desk.open(practice, clock=lambda: now)
    build_demo(desk, SHOT_DAY)
    desk.close()
    set_up_training(practice, clock=lambda: now)
    return training_desk(practice, clock=lambda: now)


def _walk_to(practice, clock, step_id: str) -> None:
    """Page through the real controller, ticking each step's checklist as a TC would."""
    from PySide6.QtCore import Qt

    from tcdesk.ui.presentation.keymap import Action

    controller = practice.controller
    session = controller.room.session
    controller.start()
    while session.step.id != step_id:
        ids = {item.id for item in session.step.checklist}
        for row in range(controller.checklist.count()):
            item = controller.checklist.item(row)
            if item.data(Qt.ItemDataRole.UserRole) in ids:
                item.setCheckState(Qt.CheckState.Checked)
        clock.minutes += 2.5
        controller.do(Action.NEXT)
        _settle()


def main(argv: Sequence[str] | None = None) -> int:
    out = screenshot_folder(argv, __doc__)
    app = QApplication.instance() or QApplication([])

    from tcdesk.domain import StaffRole
    from tcdesk.services.consult_outcome import Outcome, OutcomeKind
    from tcdesk.services.consult_room import PresentationKit
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.services.training.answers import ScriptedClock
    from tcdesk.services.training.personas import load_personas
    from tcdesk.ui.presentation.screens import ScreenChooser
    from tcdesk.ui.style import apply_staff_style
    from tcdesk.ui.training.solo_start import SoloStartDialog, begin_solo, coordinators

    apply_staff_style(app)  # type: ignore[arg-type]
    now = datetime.combine(SHOT_DAY, time(10)).astimezone()
    personas = load_personas().personas
    with tempfile.TemporaryDirectory() as folder:
        training = _training_file(Path(folder), now)
        host = _Host(
            PresentationKit.load(), ScreenChooser(MachineSettingsStore(Path(folder) / "m.json"))
        )
        practice_id = training.practice().id  # type: ignore[union-attr]
        tc = next(
            s for s in training.practices.staff(practice_id) if s.role is StaffRole.COORDINATOR
        )
        start = SoloStartDialog(list(personas.values()), coordinators(training), tc.id)
        start.prepared["insurance_verified"].setChecked(True)
        start.prepared["forms_checked"].setChecked(True)
        start.show()
        grab(start, out / "training-solo-start.png")
        start.close()

        clock = ScriptedClock(base=now)
        practice = begin_solo(
            host, training, personas["maya_teen_cost"], tc.id, ("insurance_verified",), clock=clock
        )
        _walk_to(practice, clock, "concerns")
        practice.panel.question.setText("What worries you most about starting treatment?")
        practice.panel.send_question()
        _walk_to(practice, clock, "investment")
        practice.controller.payment.pick("low_down")
        practice.panel.answer_box.setPlainText(ANSWER)
        practice.panel.send_answer()
        practice.panel.answer_box.setPlainText("Would you like Maya to get started today?")
        controller = practice.controller
        # what the console's clock says this far in (the shot's minutes pass on paper)
        controller.room.elapsed_seconds = int(clock.minutes * 60)
        minutes, seconds = divmod(controller.room.elapsed_seconds, 60)
        controller.panel.timer_label.setText(f"{minutes:02d}:{seconds:02d}")
        _settle()
        grab(controller.console or controller.stage, out / "training-solo-console.png")
        grab(controller.patient_view(), out / "training-solo-family.png")
        controller.payment.save()
        _walk_to(practice, clock, "next_steps")
        practice.panel.send_ask_start()
        clock.minutes += 3
        controller.end(Outcome(OutcomeKind.STARTED_TODAY))
        _settle()
        box = practice.scorecard_view
        if box is not None:
            grab(box, out / "training-solo-scorecard-message.png")
            box.close()

        spanish = begin_solo(
            host, training, personas["familia_garcia_es"], tc.id, (), clock=ScriptedClock(now)
        )
        _walk_to(spanish, clock, "problem")
        grab(spanish.controller.patient_view(), out / "training-solo-family-es.png")
        spanish.controller.leave_for_later()
        training.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
