"""The consult room: the checklist fits the family; objection advice points to its answer;
a plan is rendered privately and shown only when asked."""

from __future__ import annotations

from tcdesk.domain import Objection, PaymentPlan, RemainderPlacement
from tcdesk.render.slide import SlideKind
from tcdesk.services.consult_room import (
    FIGURE_DEPENDENT,
    PLAN_DEPENDENT,
    ConsultRoom,
    PresentationKit,
)

ZOE = "3bf25559-c9cf-559c-9639-5da37ae56471"  # insured teen
MING = "43a1ffcf-1ca7-520f-8480-b47bb4c1d0d1"  # 8, no insurance


def test_insurance_is_on_the_checklist_only_for_insured_families(demo_desk) -> None:
    kit = PresentationKit.load()
    zoe = {i.id for i in ConsultRoom(demo_desk, ZOE, kit, record=False).session.checklist()}
    ming = {i.id for i in ConsultRoom(demo_desk, MING, kit, record=False).session.checklist()}
    assert "insurance_estimate" in zoe
    assert "insurance_estimate" not in ming and "fee" in ming


def test_advice_found_on_another_step_offers_a_jump_there(demo_desk) -> None:
    room = ConsultRoom(demo_desk, ZOE, PresentationKit.load(), record=False)
    room.session.start()
    advice = room.log_objection(Objection.MONTHLY_TOO_HIGH)
    assert advice.responses
    target = room.session.steps[advice.answer_step_number - 1]
    assert target.kind == "payment"  # the ways to pay answer "the monthly is too high"
    assert demo_desk.consults.objections(ZOE)[-1].objection is Objection.MONTHLY_TOO_HIGH


def test_the_kit_leaves_out_a_flow_whose_picture_is_missing(tmp_path, monkeypatch) -> None:
    import shutil

    from tcdesk import paths

    folder = tmp_path / "flows"
    shutil.copytree(paths.flows_dir(), folder)
    teen = folder / "teen_comprehensive.toml"
    text = teen.read_text(encoding="utf-8")
    teen.write_text(text.replace("care/braces.svg", "care/brace.svg"), encoding="utf-8")
    monkeypatch.setattr(paths, "flows_dir", lambda: folder)
    kit = PresentationKit.load()
    assert "teen_comprehensive" not in kit.flows
    assert {"adult_aligners", "phase_one", "walk_in"} <= set(kit.flows)
    [error] = kit.flow_errors
    assert (error.path, error.step, error.key) == (teen, "caring_for_braces", "image")
    assert "illustrations/care/brace.svg" in str(error) and error.line is not None


def test_the_shipped_kit_loads_every_flow() -> None:
    kit = PresentationKit.load()
    assert [str(e) for e in kit.flow_errors] == []
    assert set(kit.flows) >= {"adult_aligners", "phase_one", "teen_comprehensive", "walk_in"}


def _plan(room: ConsultRoom, down_dollars: int, reason: str = ""):
    from dataclasses import replace as _replace

    from tcdesk.services.clock import today as local_today

    option = next(o for o in room.consult_file.options if o.recommended)
    standard = next(
        c for c in room.pricing.choices(option, local_today(room.desk.clock)) if c.key == "standard"
    )
    plan = PaymentPlan(
        id="",
        consult_id=room.consult_id,
        option_id=option.id,
        choice_key="custom",
        down_cents=down_dollars * 100,
        months=standard.months,
        apr_pct=room.pricing.limits.apr_for(standard.months),
        agreement_date=local_today(room.desk.clock),
        first_due=None,
        remainder=RemainderPlacement(room.pricing.limits.remainder.value),
    )
    return _replace(plan, over_limit_reason=reason)


def _texts(slides) -> str:
    return "\n".join(t for s in slides if s is not None for t in s.texts())


def test_a_plan_is_rendered_privately_and_shown_only_when_asked(demo_desk) -> None:
    room = ConsultRoom(demo_desk, ZOE, PresentationKit.load(), record=False)
    before = list(room.slides)
    deck = room.render_plan(_plan(room, 300))
    assert room.slides == before and all(a is b for a, b in zip(room.slides, before, strict=True))
    kinds = {SlideKind(room.session.steps[i].kind) for i in deck.slides}
    assert kinds == {
        k for k in PLAN_DEPENDENT if any(s.kind == k.value for s in room.session.steps)
    }
    assert "$300 to start" in _texts(deck.slides.values())
    assert "$300 to start" not in _texts(room.slides)
    preview = room.preview_slide(deck)
    assert preview is not None and preview.kind in FIGURE_DEPENDENT
    # Trying another down payment of the same option re-renders only the figures.
    again = room.render_plan(_plan(room, 400))
    for i, slide in again.slides.items():
        same = SlideKind(room.session.steps[i].kind) not in FIGURE_DEPENDENT
        assert (slide is deck.slides[i]) is same
    changed = room.show_plan(again)
    assert changed and all(room.slides[i] is again.slides[i] for i in again.slides)
    assert "$400 to start" in _texts(room.slides) and "$300 to start" not in _texts(room.slides)
    assert room.show_plan(again) == []  # already shown: nothing changes


def test_a_saved_plan_is_shown_and_its_reason_never_is(demo_desk) -> None:
    reason = "REASON-91c4 grandparent pays in March"
    room = ConsultRoom(demo_desk, ZOE, PresentationKit.load(), record=False)
    priced = room.choose_plan(_plan(room, 50, reason))
    assert priced.violations and priced.plan.over_limit_reason == reason
    everything = _texts([*room.slides, room.welcome])
    assert "$50 to start" in everything
    assert "REASON-91c4" not in everything and "REASON-91c4" not in repr(room.slides)
    for violation in priced.violations:
        assert violation.message not in everything


def test_an_end_the_store_cannot_write_changes_nothing_and_says_why(demo_desk) -> None:
    """Bug 2 (issue 17): a failed end half-recorded the outcome and left no way back."""
    import pytest

    from tcdesk.domain import ConsultStatus
    from tcdesk.errors import UserError
    from tcdesk.services.consult_outcome import Outcome, OutcomeKind

    room = ConsultRoom(demo_desk, ZOE, PresentationKit.load())
    room.session.start()
    declined = Outcome(OutcomeKind.DECLINED, reason="Wants a second opinion")
    before = set(room.session.checked)
    demo_desk.db.conn.execute("PRAGMA query_only = ON")  # the practice file turned read-only
    with pytest.raises(UserError, match=r"Not saved: the practice file can.t be written"):
        room.end(declined)
    demo_desk.db.conn.execute("PRAGMA query_only = OFF")
    assert demo_desk.consults.get(ZOE).status is ConsultStatus.SCHEDULED
    assert demo_desk.consults.saved_session(ZOE).ended_at is None
    assert room.session.checked == before  # "asked for a decision" is not ticked by a failure
    room.end(declined)  # once the file can be written again, ending works
    assert demo_desk.consults.get(ZOE).status is ConsultStatus.DECLINED
    assert demo_desk.consults.saved_session(ZOE).ended_at is not None
