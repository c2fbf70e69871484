"""The Qt-free consult session: navigation, blanking, checklist, resume."""

from __future__ import annotations

import pytest

from tcdesk.domain import SavedSession
from tcdesk.flows import ChecklistItem, ConsultSession, Flow, Step, compile_when


def _step(step_id: str, items: tuple[str, ...] = (), when: str = "") -> Step:
    return Step(
        id=step_id,
        kind="custom",
        title=step_id.title(),
        when=when,
        condition=compile_when(when) if when else None,
        checklist=tuple(ChecklistItem(i, f"Did {i}", step_id) for i in items),
    )


FLOW = Flow(
    id="demo",
    name="Demo",
    description="",
    audience="teen",
    steps=(
        _step("welcome", ("intro",)),
        _step("kids_only", ("kid_thing",), when="age < 11"),
        _step("concerns", ("own_words", "priorities")),
        _step("problem", ("findings",), when="has_findings"),
        _step("money", ("fee", "choices")),
        _step("next", ("decision",)),
    ),
)
TEEN = {"age": 13, "has_findings": True}


def new_session(facts: dict | None = None) -> ConsultSession:
    return ConsultSession.begin(FLOW, facts or TEEN)


def test_begin_keeps_only_applicable_steps() -> None:
    session = new_session()
    assert [s.id for s in session.steps] == ["welcome", "concerns", "problem", "money", "next"]
    child = new_session({"age": 8, "has_findings": False})
    assert [s.id for s in child.steps] == ["welcome", "kids_only", "concerns", "money", "next"]


def test_starts_on_the_practice_welcome() -> None:
    session = new_session()
    assert (session.started, session.screen, session.index, session.position) == (
        False,
        "welcome",
        0,
        1,
    )
    assert session.checked == set()  # nothing was shown yet
    assert session.start() is True
    assert session.screen == "step" and session.step.id == "welcome"
    assert session.checked == {"intro"}
    assert session.start() is False


def test_next_on_the_welcome_screen_starts() -> None:
    session = new_session()
    assert session.next() is True
    assert session.started and session.index == 0


def test_navigation_and_bounds() -> None:
    session = new_session()
    session.start()
    assert session.previous() is False and session.is_first
    assert session.next() is True and session.step.id == "concerns"
    assert session.next() and session.next() and session.next()
    assert session.is_last and session.step.id == "next"
    assert session.next() is False
    assert session.first() is True and session.index == 0
    assert session.first() is False
    assert session.last() is True and session.position == session.count == 5
    assert session.last() is False


def test_jump_is_one_based_and_ignores_out_of_range() -> None:
    session = new_session()
    session.start()
    assert session.jump(3) is True and session.step.id == "problem"
    assert session.jump(3) is False
    assert session.jump(0) is False and session.jump(6) is False and session.jump(-1) is False
    assert session.step.id == "problem"


def test_go_to_step_by_id() -> None:
    session = new_session()
    session.start()
    assert session.go_to_step("money") is True and session.step.id == "money"
    assert session.go_to_step("kids_only") is False  # not applicable for this patient
    assert session.go_to_step("nope") is False


def test_moving_before_start_prepares_without_showing() -> None:
    session = new_session()
    assert session.jump(4) is True
    assert not session.started and session.screen == "welcome"
    assert session.checked == set()
    session.start()
    assert session.checked == {"fee", "choices"}


def test_blanking_toggles_and_switches() -> None:
    session = new_session()
    session.start()
    assert session.toggle_black() is True and session.screen == "black"
    assert session.toggle_white() is True and session.screen == "white"
    assert session.toggle_white() is True and session.screen == "step"
    assert session.toggle_black() and session.toggle_black()
    assert session.blank == ""
    assert session.unblank() is False


def test_blank_before_start_and_after_start() -> None:
    session = new_session()
    session.toggle_black()
    assert session.screen == "black"
    session.start()
    assert session.screen == "black"  # starting does not unblank
    assert session.checked == set()  # blanked: the family has not seen it
    session.unblank()
    assert session.screen == "step" and session.checked == {"intro"}


def test_navigation_while_blanked_stays_blank_and_does_not_tick() -> None:
    session = new_session()
    session.start()
    session.toggle_white()
    assert session.next() is True
    assert session.blank == "white" and session.step.id == "concerns"
    assert "own_words" not in session.checked
    session.toggle_white()
    assert {"own_words", "priorities"} <= session.checked


def test_checklist_ticks_by_hand_and_skipped() -> None:
    session = new_session()
    session.start()
    assert [i.id for i in session.skipped()] == [
        "own_words",
        "priorities",
        "findings",
        "fee",
        "choices",
        "decision",
    ]
    assert session.tick("fee") is True and session.tick("fee") is False
    assert session.tick("kid_thing") is False  # its step does not apply
    assert session.tick("nope") is False
    assert session.untick("intro") is True and session.untick("intro") is False
    assert session.toggle_item("intro") is True and session.is_checked("intro")
    assert session.toggle_item("intro") is True and not session.is_checked("intro")
    skipped = session.skipped()
    assert [i.id for i in skipped][:2] == ["intro", "own_words"]
    assert skipped[0] == ChecklistItem("intro", "Did intro", "welcome")
    session.last()
    for item in session.checklist():
        session.tick(item.id)
    assert session.skipped() == []


def test_untick_then_revisit_ticks_again() -> None:
    session = new_session()
    session.start()
    session.untick("intro")
    session.next()
    session.previous()
    assert session.is_checked("intro")


def test_round_trip_through_saved_session() -> None:
    session = new_session()
    session.start()
    session.toggle_black()
    session.jump(4)
    session.untick("intro")
    saved = session.to_saved(
        "consult-1",
        draft_note="call dad",
        elapsed_seconds=900,
        updated_at="2026-11-27T15:15:00+00:00",
    )
    assert saved == SavedSession(
        consult_id="consult-1",
        flow_id="demo",
        step_id="money",
        step_index=3,
        started=True,
        blank="black",
        checked=(),
        draft_note="call dad",
        elapsed_seconds=900,
        updated_at="2026-11-27T15:15:00+00:00",
    )
    session.unblank()
    saved = session.to_saved("consult-1")
    assert saved.checked == ("fee", "choices")  # in checklist order
    resumed = ConsultSession.from_saved(FLOW, TEEN, saved)
    assert (resumed.step.id, resumed.started, resumed.blank, resumed.checked) == (
        "money",
        True,
        "",
        {"fee", "choices"},
    )
    assert resumed.to_saved("consult-1") == saved


def test_resume_finds_the_step_by_id_when_the_flow_changed() -> None:
    saved = SavedSession(
        "c", "demo", step_id="money", step_index=1, started=True, checked=("intro", "gone_item")
    )
    resumed = ConsultSession.from_saved(FLOW, TEEN, saved)
    assert resumed.step.id == "money"
    assert resumed.checked == {"intro", "fee", "choices"}  # unknown ids dropped


def test_resume_falls_back_to_the_index_clamped() -> None:
    saved = SavedSession("c", "demo", step_id="deleted", step_index=42, blank="pink")
    resumed = ConsultSession.from_saved(FLOW, TEEN, saved)
    assert resumed.index == resumed.count - 1
    assert resumed.blank == "" and not resumed.started


def test_a_flow_with_no_step_for_this_patient_is_an_error() -> None:
    only_kids = Flow("k", "K", "", "child", (_step("kids_only", when="age < 11"),))
    with pytest.raises(ValueError, match="no step"):
        ConsultSession.begin(only_kids, TEEN)


# -- items done by an action, not by being shown ----------------------------------------

ACTION_FLOW = Flow(
    id="actions",
    name="Actions",
    description="",
    audience="teen",
    steps=(
        _step("money", ("fee",)),
        Step(
            id="next",
            kind="next_steps",
            title="Next",
            checklist=(
                ChecklistItem("asked", "Asked for a decision", "next"),
                ChecklistItem("booked", "Booked the start", "next", done_by=("outcome_recorded",)),
                ChecklistItem(
                    "gave", "Gave the agreement", "next", done_by=("agreement_generated",)
                ),
            ),
        ),
    ),
)


def test_showing_a_step_never_ticks_its_action_items() -> None:
    session = ConsultSession.begin(ACTION_FLOW, TEEN)
    session.start()
    session.last()  # the last slide, up for as long as you like
    assert session.checked == {"fee", "asked"}
    assert not session.mark_covered()  # the console's dwell timer: nothing more
    assert [i.id for i in session.skipped()] == ["booked", "gave"]


def test_an_action_ticks_its_items_from_any_step() -> None:
    session = ConsultSession.begin(ACTION_FLOW, TEEN)
    session.auto_tick = False
    session.start()  # on "money": the agreement is made from the console there
    assert session.happened("agreement_generated")
    assert session.checked == {"gave"}
    assert not session.happened("agreement_generated")  # nothing new
    assert not session.happened("plan_saved")  # no item waits for it
    assert [i.id for i in session.skipped(coming=frozenset({"outcome_recorded"}))] == [
        "fee",
        "asked",
    ]
    assert session.happened("outcome_recorded") and "booked" in session.checked
