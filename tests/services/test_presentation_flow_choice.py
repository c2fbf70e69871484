"""Choosing the flow for a consult, starting and resuming its session, checking flows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tcdesk.domain import LeadSource
from tcdesk.flows import load_flow, load_flows
from tcdesk.paths import flows_dir
from tcdesk.render import Renderer
from tcdesk.services.desk import Desk
from tcdesk.services.presentation import (
    applicable_flow,
    build_context,
    check_flow_rendering,
    start_session,
)
from tests.services.presentation_seed import CONTENT, TODAY, open_desk, seed


@pytest.fixture
def desk(empty_store: Path) -> Iterator[Desk]:
    yield from open_desk(empty_store)


@pytest.fixture(scope="module")
def shipped():
    return load_flows(flows_dir()).flows


@pytest.mark.parametrize(
    ("birth", "lead", "expected"),
    [
        (date(2013, 5, 2), LeadSource.PHONE, "teen_comprehensive"),
        (date(1990, 5, 2), LeadSource.WEBSITE, "adult_aligners"),
        (date(2018, 5, 2), LeadSource.DOCTOR_REFERRAL, "phase_one"),
        (date(1990, 5, 2), LeadSource.WALK_IN, "walk_in"),
    ],
)
def test_applicable_flow_by_audience(desk: Desk, shipped, birth, lead, expected) -> None:
    context = build_context(desk, seed(desk, birth=birth, lead=lead), content=CONTENT, today=TODAY)
    assert applicable_flow(shipped, context).id == expected


def test_applicable_flow_prefers_the_saved_one(desk: Desk, shipped) -> None:
    context = build_context(desk, seed(desk), content=CONTENT, today=TODAY)
    assert applicable_flow(shipped, context, "walk_in").id == "walk_in"
    assert applicable_flow(shipped, context, "deleted_flow").id == "teen_comprehensive"
    assert applicable_flow({}, context) is None
    only_adult = {"adult_aligners": shipped["adult_aligners"]}
    assert applicable_flow(only_adult, context).id == "adult_aligners"


def test_start_and_resume_a_session(desk: Desk, shipped) -> None:
    consult_id = seed(desk)
    context = build_context(desk, consult_id, content=CONTENT, today=TODAY)
    flow = shipped["teen_comprehensive"]
    session = start_session(flow, context)
    ids = [s.id for s in session.steps]
    # braces: care step too; two findings beside a photo take two slides
    assert ids == [s.id for s in flow.steps for _ in range(2 if s.id == "problem" else 1)]
    assert [(s.part, s.parts) for s in session.steps if s.id == "problem"] == [(1, 2), (2, 2)]
    session.start()
    session.jump(5)
    saved = session.to_saved(consult_id, updated_at="2026-11-27T15:20:00+00:00")
    desk.consults.save_session(saved)
    resumed = start_session(flow, context, desk.consults.saved_session(consult_id))
    assert resumed.step.id == "options" and resumed.started
    session.jump(4)  # the findings' second slide: resumed there, not on the first
    resumed = start_session(flow, context, session.to_saved(consult_id))
    assert (resumed.step.id, resumed.step.part, resumed.index) == ("problem", 2, 3)
    assert start_session(shipped["walk_in"], context, saved).started is False  # other flow


def test_check_flow_rendering_reports_steps_that_break(tmp_path: Path) -> None:
    text = (flows_dir() / "walk_in.toml").read_text(encoding="utf-8")
    text = text.replace(
        'title = "Welcome, {{ patient.first_name }}!"', 'title = "{{ featured.title }} welcome"'
    )
    path = tmp_path / "walk_in.toml"
    path.write_text(text, encoding="utf-8")
    errors = check_flow_rendering(load_flow(path), Renderer.default())
    assert len(errors) == 1
    (error,) = errors
    assert (error.step, error.key) == ("welcome", "title")
    assert "sample bare patient" in error.message
    assert text.splitlines()[error.line - 1].startswith('title = "{{ featured.title }}')


def _consult_with(desk: Desk, birth: date, types: tuple[str, ...], lead=LeadSource.PHONE):
    """The seeded consult with its three options replaced by options of ``types``."""
    return _options(desk, seed(desk, birth=birth, lead=lead), types)


def _options(desk: Desk, consult_id: str, types: tuple[str, ...]):
    """The consult's options now of ``types`` only, and its render context."""
    from tcdesk.domain import TreatmentOption, TreatmentType

    with desk.transaction():
        for option in desk.consults.options(consult_id):
            desk.records.soft_delete("treatment_options", option.id)
        for position, kind in enumerate(types):
            desk.consults.save_option(
                TreatmentOption(
                    f"{kind}{position}",
                    consult_id,
                    TreatmentType(kind),
                    kind,
                    "",
                    12,
                    6,
                    300_000,
                    position=position,
                )
            )
    return build_context(desk, consult_id, content=CONTENT, today=TODAY)


TEEN, TWELVE, CHILD, ADULT = date(2013, 5, 2), date(2014, 5, 2), date(2018, 5, 2), date(1990, 5, 2)


@pytest.mark.parametrize(
    ("birth", "types", "expected", "reason"),
    [
        # teen_comprehensive: a teen by age, braces or mixed options
        (
            TEEN,
            ("metal_braces", "clear_aligners"),
            "teen_comprehensive",
            "age 13: the flow for a teen",
        ),
        (TEEN, ("metal_braces",), "teen_comprehensive", "age 13: the flow for a teen"),
        (
            TEEN,
            ("clear_aligners",),
            "teen_comprehensive",
            "age 13: the flow for a teen",
        ),  # adult flow
        # phase_one: a child by age, or early treatment only while under 18
        (CHILD, ("metal_braces",), "phase_one", "age 8: the flow for a child"),
        (
            TWELVE,
            ("phase_one", "observation"),
            "phase_one",
            "age 12, only Phase I / observation options",
        ),
        (TWELVE, ("observation",), "phase_one", "age 12, only observation options"),
        (
            TWELVE,
            ("phase_one", "metal_braces"),
            "teen_comprehensive",
            "age 12: the flow for a teen",
        ),
        (
            ADULT,
            ("observation",),
            "adult_aligners",
            "age 36: the flow for an adult",
        ),  # not a child's
        # adult_aligners: an adult by age, or aligners only
        (ADULT, ("clear_aligners",), "adult_aligners", "age 36, only aligners options"),
        (ADULT, ("metal_braces",), "adult_aligners", "age 36: the flow for an adult"),
        (ADULT, (), "adult_aligners", "age 36: the flow for an adult"),
    ],
)
def test_the_automatic_flow_from_age_and_options(
    desk: Desk, shipped, birth, types, expected, reason
) -> None:
    from tcdesk.services.presentation.flow_choice import automatic_flow

    choice = automatic_flow(shipped, _consult_with(desk, birth, types))
    assert (choice.flow.id, choice.reason) == (expected, reason)


def test_a_walk_in_gets_the_walk_in_flow_whatever_the_options(desk: Desk, shipped) -> None:
    from tcdesk.services.presentation.flow_choice import automatic_flow

    context = _consult_with(desk, TWELVE, ("phase_one",), lead=LeadSource.WALK_IN)
    choice = automatic_flow(shipped, context)
    assert (choice.flow.id, choice.reason) == ("walk_in", "a walk-in")
    without = {k: f for k, f in shipped.items() if k != "walk_in"}
    assert automatic_flow(without, context).flow.id == "phase_one"  # then options, then age


def test_a_practices_teen_aligner_flow_is_picked_for_aligners_only(desk: Desk, shipped) -> None:
    """The most fitting flow for the age group wins; the teen flow stays for mixed options."""
    from dataclasses import replace

    from tcdesk.services.presentation.flow_choice import automatic_flow

    teen_aligners = replace(
        shipped["teen_comprehensive"], id="teen_aligners", treatments=("clear_aligners",)
    )
    flows = {**shipped, "teen_aligners": teen_aligners}
    consult_id = seed(desk, birth=TEEN)
    choice = automatic_flow(flows, _options(desk, consult_id, ("clear_aligners",)))
    assert (choice.flow.id, choice.reason) == ("teen_aligners", "age 13, only aligners options")
    mixed = automatic_flow(flows, _options(desk, consult_id, ("clear_aligners", "metal_braces")))
    assert mixed.flow.id == "teen_comprehensive"


def test_shipped_flows_say_what_they_centre_on(shipped) -> None:
    assert shipped["phase_one"].treatments == ("phase_one", "observation")
    assert shipped["adult_aligners"].treatments == ("clear_aligners",)
    assert shipped["teen_comprehensive"].treatments == ()
