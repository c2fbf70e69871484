"""The consult room: the checklist fits the family; objection advice points to its answer."""

from __future__ import annotations

from tcdesk.domain import Objection
from tcdesk.services.consult_room import ConsultRoom, PresentationKit

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
