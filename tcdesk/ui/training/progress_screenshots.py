"""Screenshots of the scorecard window and the progress window, on the demo's training file.

``python -m tcdesk.devtools.virtual_screens -- python -m
tcdesk.ui.training.progress_screenshots --out docs/screenshots`` builds the demo
practice and its training file in a temporary folder, keeps practice
sessions as a trainer's ticked sheets would (``scorecard_from_marks``), and writes:
- training-scorecard.png: the scorecard of a kept session, read back from the file;
- training-progress.png: one TC's window, six sessions getting better;
- training-progress-all.png: the owner's view, "Everyone", three TCs.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tcdesk.services.training.partner_sheet import SheetMarks, sheet_items
from tcdesk.services.training.scorecard import Part
from tcdesk.ui.screenshot_kit import grab, screenshot_folder

NOW = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)
PERSONAS = (
    "maya_teen_cost",
    "tyler_dad_down_payment",
    "chen_athlete_schedule",
    "olivia_grandma_comfort",
    "nguyen_other_opinions",
    "maya_teen_cost",
)
# What each TC still misses, session by session (fewer each time): item keys left unticked.
JESSICA_MISSES = (
    ("doctor_briefed", "hidden_revealed", "who_decides", "if_left_alone", "steps_on_time",
     "insurance_math", "disclosures_shown", "money_at_midpoint", "explored", "all_settled",
     "asked_for_start", "asked_after_money", "reason_recorded"),
    ("doctor_briefed", "hidden_revealed", "if_left_alone", "insurance_math",
     "disclosures_shown", "money_at_midpoint", "explored", "all_settled", "asked_for_start",
     "reason_recorded"),
    ("hidden_revealed", "insurance_math", "disclosures_shown", "money_at_midpoint",
     "explored", "asked_after_money", "reason_recorded"),
    ("insurance_math", "disclosures_shown", "money_at_midpoint", "all_settled",
     "asked_after_money"),
    ("insurance_math", "money_at_midpoint", "all_settled"),
    ("insurance_math", "money_at_midpoint"),
)  # fmt: skip
KELSEY_MISSES = (
    ("insurance_verified", "hidden_revealed", "who_decides", "showed_visuals",
     "explored", "responded", "all_settled", "asked_for_start", "asked_after_money"),
    ("hidden_revealed", "who_decides", "explored", "responded", "all_settled",
     "asked_for_start", "asked_after_money"),
    ("hidden_revealed", "explored", "all_settled", "asked_after_money"),
    ("explored", "all_settled"),
)  # fmt: skip
TAMIKA_MISSES = (
    ("let_them_talk", "about_thirty_minutes", "if_left_alone", "plan_within_policy",
     "asked_after_money", "next_step_recorded"),
    ("about_thirty_minutes", "if_left_alone", "asked_after_money", "reason_recorded"),
    ("about_thirty_minutes", "asked_after_money", "reason_recorded"),
)  # fmt: skip


def _marks(misses: Sequence[str], session: int) -> SheetMarks:
    ticked = frozenset(i.key for i in sheet_items()) - set(misses)
    decisions = ("think_it_over", "think_it_over", "book", "book", "start_today", "book")
    decision = decisions[session % len(decisions)]
    return SheetMarks(
        ticked=ticked,
        decision=decision,
        reason="cost" if decision == "think_it_over" else "",
        minutes=26 + 2 * (session % 3),
        notes={Part.MONEY: "Walk the family through the monthly on the Payment tab"}
        if session == 1
        else None,
    )


def _keep(training, who: str, misses_by_session, first_day: int, every: int) -> None:
    from tcdesk.services.training.history import record_session
    from tcdesk.services.training.partner_sheet import scorecard_from_marks

    for session, misses in enumerate(misses_by_session):
        at = NOW - timedelta(days=first_day - session * every, hours=session % 2)
        card = scorecard_from_marks(PERSONAS[session % len(PERSONAS)], _marks(misses, session))
        record_session(training, who, card, "partner", at)


def main(argv: Sequence[str] | None = None) -> int:
    out = screenshot_folder(argv, __doc__)

    from tcdesk.services.training.history import recorded_sessions
    from tcdesk.services.training.personas import load_personas
    from tcdesk.ui.training.progress_window import ProgressWindow
    from tcdesk.ui.training.scorecard_window import ScorecardWindow
    from tcdesk.ui.training.shot_practice import demo_training

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        training, practice = demo_training(Path(folder), lambda: NOW)
        staff = {s.name.split()[0]: s.id for s in training.practices.staff(practice.id)}
        _keep(training, staff["Jessica"], JESSICA_MISSES, first_day=30, every=5)
        _keep(training, staff["Kelsey"], KELSEY_MISSES, first_day=26, every=7)
        _keep(training, staff["Tamika"], TAMIKA_MISSES, first_day=20, every=8)

        kept = recorded_sessions(training, staff["Jessica"])[1]
        persona = load_personas().personas[kept.scorecard.persona]
        card = ScorecardWindow(
            kept.scorecard,
            persona,
            family_says="It's a lot at once. Can we talk about the monthly again next week?",
            accent=practice.brand_color,
        )
        card.show()
        grab(card, out / "training-scorecard.png")
        card.close()

        mine = ProgressWindow(training, None, staff["Jessica"])
        mine.show()
        grab(mine, out / "training-progress.png")
        mine.close()

        everyone = ProgressWindow(training, None, everyone=True)
        everyone.show()
        grab(everyone, out / "training-progress-all.png")
        everyone.close()
        training.close()
    from tcdesk.ui.app import shutdown

    shutdown(app)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
