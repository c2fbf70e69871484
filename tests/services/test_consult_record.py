"""The consult record in one call, the concern, priorities and flow, and the agreement warning."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tcdesk.domain import ConsultStatus
from tcdesk.flows import load_flows
from tcdesk.paths import assets_dir, flows_dir
from tcdesk.services import agreements
from tcdesk.services import consult_record as rec
from tcdesk.services.desk import Desk
from tcdesk.services.validation import FieldError
from tests.services.record_seed import open_practice, png, save_plan

FLOWS = load_flows(flows_dir(), assets=assets_dir()).flows


@pytest.fixture
def practice(empty_store: Path) -> Iterator[tuple[Desk, str]]:
    desk, consult_id = open_practice(empty_store)
    yield desk, consult_id
    desk.close()


def test_the_record_holds_everything_the_form_shows(practice, tmp_path) -> None:
    desk, cid = practice
    rec.set_concern(desk, cid, "  She hides her smile   in photos.  ")
    rec.set_priorities(desk, cid, ["school photos", "Cost", "cost", " ", "Soccer season"])
    rec.add_finding(desk, cid, "crowding", "moderate", "UL2 blocked out")
    rec.add_option(desk, cid, "metal_braces")
    rec.add_option(desk, cid, "clear_aligners", fee="6100", reason="Extra refinements")
    rec.add_photos(desk, cid, [png(tmp_path / "front.png")], caption="Front")
    shown = rec.record(desk, cid, FLOWS)
    assert shown.patient_name == "Mia Carter" and shown.age == 14
    assert shown.concern == "She hides her smile in photos."
    assert shown.priorities == ("school photos", "Cost", "Soccer season")
    assert "appearance" in shown.priority_choices
    assert [f.note for f in shown.findings] == ["UL2 blocked out"]
    assert [(o.option.title, o.fee_line, o.fee_differs) for o in shown.options] == [
        ("Metal braces", "Metal braces", False),
        ("Clear aligners", "Clear aligners", True),
    ]
    assert len(shown.fee_lines) == 7
    (photo,) = shown.photos
    assert photo.this_consult and Path(photo.file).is_file() and photo.kind_label == "Photo"
    assert shown.flow.automatic and shown.flow.in_use_id == "teen_comprehensive"
    assert shown.flow.audience == "teen"
    fits = {flow_id for flow_id, _name, fit in shown.flow.choices if fit}
    assert fits == {"teen_comprehensive"}
    assert shown.agreement_warning == "" and not shown.has_agreement


def test_priorities_are_limited_and_the_concern_too(practice) -> None:
    desk, cid = practice
    with pytest.raises(FieldError, match="8 things"):
        rec.set_priorities(desk, cid, [f"thing {n}" for n in range(9)])
    with pytest.raises(FieldError) as refused:
        rec.set_concern(desk, cid, "x" * 1001)
    assert refused.value.field == "concern"
    assert desk.consults.get(cid).chief_concern == ""


def test_the_flow_is_automatic_by_age_or_chosen(practice) -> None:
    desk, cid = practice
    rec.set_flow(desk, cid, "adult_aligners", FLOWS)
    shown = rec.record(desk, cid, FLOWS)
    assert (shown.flow.chosen_id, shown.flow.in_use_id) == ("adult_aligners", "adult_aligners")
    assert shown.flow.automatic_id == "teen_comprehensive"
    rec.set_flow(desk, cid, "auto", FLOWS)
    assert desk.consults.get(cid).flow_id == ""
    with pytest.raises(FieldError, match='No flow "nope"') as refused:
        rec.set_flow(desk, cid, "nope", FLOWS)
    assert refused.value.field == "flow"


def test_a_child_gets_the_phase_one_flow(empty_store: Path) -> None:
    desk, cid = open_practice(empty_store, birth=date(2018, 6, 1))
    try:
        assert rec.record(desk, cid, FLOWS).flow.automatic_id == "phase_one"
    finally:
        desk.close()


def test_every_change_on_a_consult_with_an_agreement_warns(practice, tmp_path) -> None:
    desk, cid = practice
    option = rec.add_option(desk, cid, "metal_braces")
    assert option.warning == ""
    save_plan(desk, cid, option.changed.id)
    agreement = agreements.generate(desk, cid)
    expected = (
        f"This consult has a financial agreement (No. {agreement.number}, version 1); "
        "after this change a new agreement version will be needed."
    )
    assert rec.record(desk, cid, FLOWS).agreement_warning == expected
    changes = [
        rec.set_concern(desk, cid, "Crooked teeth"),
        rec.set_priorities(desk, cid, ["cost"]),
        rec.add_finding(desk, cid, "crowding", "mild"),
        rec.edit_option(desk, option.changed.id, months=26),
        rec.add_photos(desk, cid, [png(tmp_path / "p.png")]),
        rec.set_flow(desk, cid, "auto", FLOWS),
    ]
    assert [c.warning for c in changes] == [expected] * len(changes)
    agreements.void(desk, agreement.id, "Entered the wrong plan", None)
    assert rec.set_concern(desk, cid, "Crooked").warning == ""  # void: nothing to renew


def test_record_of_an_unknown_consult_is_a_clear_error(practice) -> None:
    desk, _cid = practice
    with pytest.raises(Exception, match="No consult with id nope"):
        rec.record(desk, "nope", FLOWS)
    assert desk.consults.get("co-mia").status is ConsultStatus.SCHEDULED
