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
