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
    assert target.kind == "investment"
    assert demo_desk.consults.objections(ZOE)[-1].objection is Objection.MONTHLY_TOO_HIGH
