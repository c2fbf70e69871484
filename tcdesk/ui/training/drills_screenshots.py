"""Screenshots of the objection drills window, on the demo's training file.

``python -m tcdesk.devtools.virtual_screens -- python -m
tcdesk.ui.training.drills_screenshots --out docs/screenshots`` builds the demo
practice and its training file in a temporary folder and writes:
- training-drills-card.png: the first due card, the answer being typed, the countdown;
- training-drills.png: the same card after Answer: her answer beside the model
  answer, the LAER moves made and missed, and the grade buttons.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tcdesk.ui.screenshot_kit import grab, screenshot_folder

NOW = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)
TYPING = "I hear you, it's a real amount. What part of it"
ANSWER = (
    "I hear you, it's a real amount. What part of it worries you most: the total, or the "
    "monthly? Many of our families start with the low down payment plan."
)


class _Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


def main(argv: Sequence[str] | None = None) -> int:
    out = screenshot_folder(argv, __doc__)

    from tcdesk.services.training.personas import load_personas
    from tcdesk.ui.training.drills_window import open_drills
    from tcdesk.ui.training.shot_practice import demo_training

    app = QApplication.instance() or QApplication([])
    clock = _Clock()
    with tempfile.TemporaryDirectory() as folder:
        training, practice = demo_training(Path(folder), clock)
        jessica = next(
            s.id for s in training.practices.staff(practice.id) if s.name.startswith("Jessica")
        )
        personas = load_personas().personas
        window = open_drills(None, training, jessica, [personas["maya_teen_cost"]], clock)
        window.answer_box.setPlainText(TYPING)
        clock.now = NOW + timedelta(seconds=14)
        window.tick()
        grab(window, out / "training-drills-card.png")
        window.answer_box.setPlainText(ANSWER)
        clock.now = NOW + timedelta(seconds=24)
        window.answer()
        grab(window, out / "training-drills.png")
        window.abandon()
        training.close()
    from tcdesk.ui.app import shutdown

    shutdown(app)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
