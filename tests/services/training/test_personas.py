"""Personas load as checked data; a broken one is refused by file, persona and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from tcdesk.services.training.objections import TrainingObjection
from tcdesk.services.training.personas import (
    check_persona_file,
    load_personas,
    personas_dir,
    shipped_flow_steps,
)

MAYA = personas_dir() / "maya_teen_cost.toml"


@pytest.fixture(scope="module")
def flows() -> dict[str, frozenset[str]]:
    return shipped_flow_steps()


@pytest.fixture(scope="module")
def shipped(flows):
    return load_personas(flows=flows)


def test_every_shipped_persona_loads(shipped) -> None:
    assert shipped.errors == []
    assert len(shipped.personas) >= 12


def test_the_personas_cover_all_ten_objections(shipped) -> None:
    kinds = set().union(*(p.kinds for p in shipped.personas.values()))
    assert kinds == set(TrainingObjection)


def test_the_personas_cover_the_families_the_issue_asks_for(shipped) -> None:
    people = list(shipped.personas.values())
    assert any(p.patient_age < 18 for p in people) and any(p.patient_age >= 18 for p in people)
    assert any(p.insurance for p in people) and any(p.insurance is None for p in people)
    assert any(p.walk_in and p.flow == "walk_in" for p in people)
    assert any(p.shopping for p in people)
    spanish = [p for p in people if p.language == "es"]
    assert spanish and all(any(c in o.line for c in "¿ñáé") for o in spanish[0].objections)
    parents = {"mother", "father", "parent"}
    assert any(
        len(p.decides) == 2
        and {r.role for r in p.people if r.name in p.decides} <= parents
        and {o.kind for o in p.objections} & {TrainingObjection.NO_FELT_NEED}
        for p in people
    ), "two parents who decide together and do not agree"


def _broken(tmp_path: Path, flows, old: str, new: str) -> list[str]:
    text = MAYA.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "maya.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    persona, errors = check_persona_file(path, flows)
    assert persona is None
    return [e.format("maya.toml") for e in errors]


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        (
            'title = "',
            'titel = "',
            "maya.toml: persona 'maya_teen_cost' key 'titel': unknown key 'titel' "
            "(did you mean 'title'?)",
        ),
        (
            "patient_age = 14",
            'patient_age = "14"',
            "maya.toml: persona 'maya_teen_cost' key 'patient_age': must be a number, not text",
        ),
        (
            'kind = "cost"',
            'kind = "costs"',
            "maya.toml: persona 'maya_teen_cost' key 'objections.cost.kind': unknown objection "
            "'costs' (did you mean 'cost'?)",
        ),
        (
            'code = "crowding"',
            'code = "crowded"',
            "maya.toml: persona 'maya_teen_cost' key 'findings[1].code': unknown finding code "
            "'crowded' (did you mean 'crowding'?)",
        ),
        (
            'options = ["metal_braces", "clear_aligners"]',
            'options = ["metal_braces", "invisalign"]',
            "maya.toml: persona 'maya_teen_cost' key 'options': unknown treatment type "
            "'invisalign'",
        ),
        (
            'when = "investment"',
            'when = "step:investmnt"',
            "maya.toml: persona 'maya_teen_cost' key 'objections.cost.when': the flow has no "
            "step 'investmnt' (did you mean 'investment'?)",
        ),
        (
            'when = "investment"',
            'when = "lunchtime"',
            "maya.toml: persona 'maya_teen_cost' key 'objections.cost.when': 'lunchtime' is not "
            'a time; use one of "step:<id>", "investment", "ask", "minutes:<N>", "follow_up"',
        ),
        (
            'follow_up = "think"',
            'follow_up = "thinking"',
            "maya.toml: persona 'maya_teen_cost' key 'objections.cost.follow_up': no other "
            "objection has the key 'thinking'",
        ),
        (
            'pays = "Laura"',
            'pays = "Lara"',
            "maya.toml: persona 'maya_teen_cost' key 'pays': 'Lara' is not one of the people "
            "(Laura, Maya)",
        ),
        (
            'reason = "cost"\nline = "We\'ll think',
            "line = \"We'll think",
            "maya.toml: persona 'maya_teen_cost' key 'decisions[4].reason': a think_it_over "
            "decision needs the reason",
        ),
        (
            'decides = ["Laura"]',
            "decides = []",
            "maya.toml: persona 'maya_teen_cost' key 'decides': needs at least one",
        ),
        (
            "monthly_ceiling = 200\n",
            "",
            "maya.toml: persona 'maya_teen_cost' key 'money.monthly_ceiling': missing (required)",
        ),
    ],
)
def test_a_broken_persona_is_refused_by_file_and_key(
    tmp_path: Path, flows, old: str, new: str, line: str
) -> None:
    assert line in _broken(tmp_path, flows, old, new)


def test_the_last_decision_rule_must_always_hold(tmp_path: Path, flows) -> None:
    lines = _broken(
        tmp_path, flows, 'outcome = "think_it_over"\n', 'outcome = "think_it_over"\nasked = true\n'
    )
    assert lines == [
        "maya.toml: persona 'maya_teen_cost' key 'decisions[4]': the last rule must have no "
        "conditions"
    ]


def test_a_respond_idea_is_required(tmp_path: Path, flows) -> None:
    lines = _broken(tmp_path, flows, 'respond = { phrases = ["low down"', "#")
    assert (
        "maya.toml: persona 'maya_teen_cost' key 'objections.cost.respond': missing (required)"
        in lines
    )


def test_a_file_that_is_not_toml_names_only_the_file(tmp_path: Path, flows) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('key = "x"\ntitle = \n', encoding="utf-8")
    _persona, errors = check_persona_file(path, flows)
    assert len(errors) == 1 and errors[0].format("bad.toml").startswith("bad.toml: TOML syntax")


def test_one_broken_file_leaves_the_others(tmp_path: Path, flows) -> None:
    (tmp_path / "a.toml").write_text(MAYA.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.toml").write_text("format = 1\n", encoding="utf-8")
    result = load_personas([tmp_path], flows=flows)
    assert list(result.personas) == ["maya_teen_cost"]
    assert result.errors and all(e.path.name == "b.toml" for e in result.errors)


def test_a_model_answer_must_settle_its_own_objection(tmp_path: Path, flows) -> None:
    line = next(
        x
        for x in MAYA.read_text(encoding="utf-8").splitlines()
        if x.startswith('model_answer = "Of course, take your time;')
    )
    lines = _broken(tmp_path, flows, line, 'model_answer = "Okay, sure."')
    assert lines == [
        "maya.toml: persona 'maya_teen_cost' key 'objections.think.model_answer': does not "
        "settle the objection by its own phrases: you gave her room; you did not acknowledge "
        "it is a big decision, ask what part she wants to think over or offer a concrete next step"
    ]


def test_a_speaker_must_be_in_the_room(tmp_path: Path, flows) -> None:
    lines = _broken(tmp_path, flows, 'key = "think"\n', 'key = "think"\nspeaker = "Dad"\n')
    assert lines == [
        "maya.toml: persona 'maya_teen_cost' key 'objections.think.speaker': 'Dad' is not one "
        "of the people (Laura, Maya)"
    ]
