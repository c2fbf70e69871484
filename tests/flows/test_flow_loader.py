"""Loading and validating flow files: every problem names its file, step, key and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tcdesk.domain import Objection
from tcdesk.flows import (
    STEP_KINDS,
    check_flow_file,
    load_flow,
    load_flows,
)
from tcdesk.render.slide import SlideKind
from tests.flows.flow_texts import BASE, line_of, only_error, write

# -- a valid file ------------------------------------------------------------------------


def test_valid_flow_loads(tmp_path: Path) -> None:
    flow = load_flow(write(tmp_path, BASE))
    assert (flow.id, flow.name, flow.audience, flow.format) == ("mini", "Mini flow", "teen", 1)
    assert flow.description == "A small flow for tests."
    assert [s.id for s in flow.steps] == ["welcome", "money", "next"]
    welcome, money, nxt = flow.steps
    assert welcome.kind == "welcome" and welcome.show_logo
    assert welcome.talking_points == ("Introduce yourself.",)
    assert [(i.id, i.label, i.step_id) for i in welcome.checklist] == [
        ("intro", "Introduced myself", "welcome"),
        ("who_decides", "Asked who decides", "welcome"),
    ]
    assert welcome.line == line_of(BASE, "[[steps]]", 1)
    assert money.when == "has_options" and money.minutes == 5
    assert money.applies({"has_options": True}) and not money.applies({"has_options": False})
    cost = money.objection(Objection.COST)
    assert cost is not None and cost.answer_step == "next" and len(cost.responses) == 2
    think = money.objection("need_to_think")
    assert think is not None and think.answer_step == "" and think.responses == ("Of course.",)
    assert money.objection("timing") is None
    assert nxt.choices == ("Start today", "Pick a day")
    assert [i.id for i in flow.checklist()] == ["intro", "who_decides"]
    assert flow.step("money") is money and flow.step("nope") is None


def test_step_kinds_match_slide_kinds() -> None:
    assert set(STEP_KINDS) == {k.value for k in SlideKind}


# -- schema errors: one case per kind of mistake -----------------------------------------


def test_misspelled_step_key(tmp_path: Path) -> None:
    text = BASE.replace('text = "Glad', 'txet = "Glad')
    error = only_error(tmp_path, text)
    assert (error.step, error.key) == ("welcome", "txet")
    assert error.line == line_of(text, "txet =")
    assert "unknown key 'txet'" in error.message and "did you mean 'text'" in error.message
    assert str(error) == (f"{error.path}:{error.line}: step 'welcome' key 'txet': {error.message}")


def test_misspelled_title_also_reports_missing_title(tmp_path: Path) -> None:
    text = BASE.replace('title = "Your investment"', 'titel = "Your investment"')
    _, errors = check_flow_file(write(tmp_path, text))
    assert [(e.step, e.key) for e in errors] == [("money", "titel"), ("money", "title")]
    assert errors[0].line == line_of(text, "titel =")
    assert "did you mean 'title'" in errors[0].message
    assert errors[1].line == line_of(text, "[[steps]]", 2)  # the step's header
    assert errors[1].message == "missing (required)"


def test_unknown_top_level_key(tmp_path: Path) -> None:
    text = BASE.replace('name = "Mini flow"', 'name = "Mini flow"\nnmae = "x"')
    error = only_error(tmp_path, text)
    assert (error.step, error.key, error.line) == (None, "nmae", line_of(text, "nmae"))
    assert "did you mean 'name'" in error.message
    assert str(error).startswith(f"{error.path}:{error.line}: key 'nmae': unknown key")


def test_missing_top_level_key(tmp_path: Path) -> None:
    error = only_error(tmp_path, BASE.replace('audience = "teen"\n', ""))
    assert (error.key, error.message, error.line) == ("audience", "missing (required)", None)


@pytest.mark.parametrize("value", ["2", '"1"', "1.0", "0"])
def test_unsupported_format(tmp_path: Path, value: str) -> None:
    text = BASE.replace("format = 1", f"format = {value}")
    error = only_error(tmp_path, text)
    assert error.key == "format" and error.line == 1
    assert "not supported" in error.message and "format 1" in error.message


def test_bad_audience_and_flow_id(tmp_path: Path) -> None:
    text = BASE.replace('audience = "teen"', 'audience = "teens"').replace(
        'id = "mini"', 'id = "Mini Flow"'
    )
    _, errors = check_flow_file(write(tmp_path, text))
    by_key = {e.key: e for e in errors}
    assert "did you mean 'teen'" in by_key["audience"].message
    assert by_key["audience"].line == line_of(text, "audience =")
    assert "not a valid id" in by_key["id"].message and by_key["id"].line == 2


def test_unknown_kind(tmp_path: Path) -> None:
    text = BASE.replace('kind = "investment"', 'kind = "investmint"')
    error = only_error(tmp_path, text)
    assert (error.step, error.key, error.line) == ("money", "kind", line_of(text, "investmint"))
    assert "unknown kind 'investmint'" in error.message
    assert "did you mean 'investment'" in error.message


def test_kind_only_key_on_another_kind(tmp_path: Path) -> None:
    text = BASE.replace('text = "Glad', 'footnote = "Hi"\ntext = "Glad')
    error = only_error(tmp_path, text)
    assert (error.step, error.key) == ("welcome", "footnote")
    assert error.line == line_of(text, 'footnote = "Hi"')
    assert error.message == "'footnote' is only for investment and payment steps, not welcome"


def test_duplicate_step_id_points_at_the_second(tmp_path: Path) -> None:
    text = BASE.replace('id = "next"', 'id = "welcome"').replace('answer_step = "next"', "")
    error = only_error(tmp_path, text)
    assert (error.step, error.key) == ("welcome", "id")
    assert error.line == line_of(text, 'id = "welcome"', 2)
    assert "duplicate step id 'welcome' (also step #1)" in error.message


def test_duplicate_checklist_id_in_another_step(tmp_path: Path) -> None:
    text = BASE.replace(
        'title = "Your next step"',
        'title = "Your next step"\nchecklist = [{ id = "intro", label = "Again" }]',
    )
    error = only_error(tmp_path, text)
    assert (error.step, error.key) == ("next", "checklist")
    assert error.line == line_of(text, '{ id = "intro", label = "Again" }')
    assert "duplicate checklist id 'intro'" in error.message and "'welcome'" in error.message


def test_duplicate_checklist_id_in_the_same_step(tmp_path: Path) -> None:
    text = BASE.replace('{ id = "who_decides"', '{ id = "intro"')
    error = only_error(tmp_path, text)
    assert (error.step, error.key) == ("welcome", "checklist[1].id")
    assert error.line == line_of(text, '"intro"', 2)


@pytest.mark.parametrize(
    ("item", "key", "fragment"),
    [
        ('{ id = "x" }', "checklist[0].label", "needs a label"),
        ('{ label = "X" }', "checklist[0].id", "needs an id"),
        ('{ id = "Bad Id", label = "X" }', "checklist[0].id", "needs an id"),
        ('{ id = "x", label = "X", done = true }', "checklist[0].done", "unknown key 'done'"),
        ('"just text"', "checklist[0]", "must be a table"),
    ],
)
def test_bad_checklist_items(tmp_path: Path, item: str, key: str, fragment: str) -> None:
    text = BASE.replace(
        'title = "Your next step"', f'title = "Your next step"\nchecklist = [{item}]'
    )
    error = only_error(tmp_path, text)
    assert (error.step, error.key) == ("next", key)
    assert fragment in error.message
    assert error.line == line_of(text, "checklist = [", 2)


def test_unknown_objection_code(tmp_path: Path) -> None:
    text = BASE.replace("[steps.objections.cost]", "[steps.objections.price]")
    error = only_error(tmp_path, text)
    assert (error.step, error.key) == ("money", "objections.price")
    assert error.line == line_of(text, "[steps.objections.price]")
    assert "unknown objection 'price'" in error.message and "cost" in error.message


def test_answer_step_must_exist(tmp_path: Path) -> None:
    text = BASE.replace('answer_step = "next"', 'answer_step = "nxt"')
    error = only_error(tmp_path, text)
    assert (error.step, error.key) == ("money", "objections.cost.answer_step")
    assert error.line == line_of(text, 'answer_step = "nxt"')
    assert "no step with id 'nxt'" in error.message and "did you mean 'next'" in error.message


@pytest.mark.parametrize(
    ("replacement", "key", "fragment"),
    [
        ('responses = "one"', "objections.cost.responses", "list of suggested responses"),
        ("responses = []", "objections.cost.responses", "list of suggested responses"),
        ('responses = ["x"]\nanswer = "next"', "objections.cost.answer", "unknown key"),
    ],
)
def test_bad_objection_tables(tmp_path: Path, replacement: str, key: str, fragment: str) -> None:
    text = BASE.replace(
        'responses = ["It\'s a real investment.", "What monthly amount feels right?"]',
        replacement,
    )
    _, errors = check_flow_file(write(tmp_path, text))
    assert any(e.key == key and fragment in e.message for e in errors), [str(e) for e in errors]


def test_objection_short_form_errors_have_lines(tmp_path: Path) -> None:
    text = BASE.replace('need_to_think = ["Of course."]', 'need_to_think = "Of course."')
    error = only_error(tmp_path, text)
    assert (error.step, error.key) == ("money", "objections.need_to_think")
    assert error.line == line_of(text, 'need_to_think = "Of course."')


@pytest.mark.parametrize(
    ("condition", "fragment"),
    [
        ("has_optoins", "unknown name 'has_optoins'"),
        ("age <", "ends too early"),
        ("insured < 3", "cannot compare"),
        ('featured_type == "braces"', "never 'braces'"),
    ],
)
def test_bad_when(tmp_path: Path, condition: str, fragment: str) -> None:
    escaped = condition.replace('"', '\\"')
    text = BASE.replace('when = "has_options"', f'when = "{escaped}"')
    error = only_error(tmp_path, text)
    assert (error.step, error.key) == ("money", "when")
    assert error.line == line_of(text, "when =")
    assert fragment in error.message and "column" in error.message


@pytest.mark.parametrize(
    ("line", "key", "fragment"),
    [
        ('talking_points = "Say hi"', "talking_points", "list of text"),
        ("talking_points = [1, 2]", "talking_points", "list of text"),
        ("minutes = 0", "minutes", "from 1 to 60"),
        ("minutes = 90", "minutes", "from 1 to 60"),
        ('minutes = "5"', "minutes", "whole number"),
        ('show_logo = "yes"', "show_logo", "true or false"),
        ("subtitle = 3", "subtitle", "must be text"),
        ('bullets = "one"', "bullets", "list of text"),
        ('bullets = ["1","2","3","4","5","6","7","8","9"]', "bullets", "too many"),
        ('image = "/etc/passwd"', "image", "inside assets/"),
        ('image = "../secret.svg"', "image", "inside assets/"),
        ('image = "C:/x.svg"', "image", "inside assets/"),
        ("when = 3", "when", "must be text"),
        ('text = "' + "x" * 601 + '"', "text", "too long"),
    ],
)
def test_wrong_value_types(tmp_path: Path, line: str, key: str, fragment: str) -> None:
    base = BASE.replace('talking_points = ["Introduce yourself."]\n', "")
    text = base.replace('text = "Glad you\'re here."', line)
    error = only_error(tmp_path, text)
    assert (error.step, error.key) == ("welcome", key)
    assert fragment in error.message
    assert error.line == line_of(text, line[:12])


def test_empty_title(tmp_path: Path) -> None:
    error = only_error(tmp_path, BASE.replace('title = "Your next step"', 'title = "  "'))
    assert (error.step, error.key, error.message) == ("next", "title", "must not be empty")


def test_step_without_id_is_named_by_position(tmp_path: Path) -> None:
    text = BASE.replace('id = "next"\n', "").replace(
        'answer_step = "next"', 'answer_step = "money"'
    )
    error = only_error(tmp_path, text)
    assert (error.step, error.key) == ("#3", "id")
    assert error.line == line_of(text, "[[steps]]", 3)
    assert "step #3 key 'id'" in str(error)


def test_steps_must_be_present_and_non_empty(tmp_path: Path) -> None:
    head = BASE.split("[[steps]]")[0]
    error = only_error(tmp_path, head + "steps = []\n")
    assert (error.key, error.message) == ("steps", "a flow needs at least one step")
    error = only_error(tmp_path, head + 'steps = "none"\n')
    assert error.key == "steps" and "[[steps]]" in error.message


def test_many_errors_are_all_reported(tmp_path: Path) -> None:
    text = (
        BASE.replace('kind = "welcome"', 'kind = "hello"')
        .replace('answer_step = "next"', 'answer_step = "later"')
        .replace('title = "Your next step"', 'title = "{{ nope }}"')
    )
    _, errors = check_flow_file(write(tmp_path, text))
    assert [(e.step, e.key) for e in errors] == [
        ("welcome", "kind"),
        ("money", "objections.cost.answer_step"),
        ("next", "title"),
    ]


# -- loading a folder of flows ----------------------------------------------------------


def test_load_flows_keeps_good_files_and_reports_bad_ones(tmp_path: Path) -> None:
    write(tmp_path, BASE, "a_good.toml")
    write(tmp_path, BASE.replace('id = "mini"', 'id = "other"'), "b_good.toml")
    bad = write(tmp_path, BASE.replace('kind = "welcome"', 'kind = "hello"'), "c_bad.toml")
    same_id = write(tmp_path, BASE, "d_same_id.toml")
    (tmp_path / "notes.txt").write_text("not a flow")
    (tmp_path / "content").mkdir()
    write(tmp_path / "content", "format = 1\n", "conditions.toml")  # not a flow: not loaded
    result = load_flows(tmp_path)
    assert sorted(result.flows) == ["mini", "other"]
    assert result.files["mini"] == tmp_path / "a_good.toml"
    assert [e.path for e in result.errors] == [bad, same_id]
    assert "already used by" in result.errors[1].message and result.errors[1].line == 2
    assert not result.ok


def test_load_flows_accepts_a_list_of_paths(tmp_path: Path) -> None:
    one = write(tmp_path, BASE, "one.toml")
    result = load_flows([one, tmp_path / "missing.toml"])
    assert list(result.flows) == ["mini"]
    assert [e.message for e in result.errors] == ["no such file"]


# -- checklist items for some families only ---------------------------------------------


def test_a_checklist_item_can_be_for_some_families_only() -> None:
    from tcdesk.flows import check_flow_text

    text = """
format = 1
id = "f"
name = "F"
audience = "teen"

[[steps]]
id = "money"
kind = "investment"
title = "Your investment"
checklist = [
  { id = "fee", label = "Stated the fee" },
  { id = "insurance", label = "Explained insurance", when = "insured" },
]
"""
    flow, errors = check_flow_text(text)
    assert errors == [] and flow is not None
    insured = flow.applicable_steps({"insured": True})[0].checklist
    uninsured = flow.applicable_steps({"insured": False})[0].checklist
    assert [i.id for i in insured] == ["fee", "insurance"]
    assert [i.id for i in uninsured] == ["fee"]
    assert insured[1].step_id == "money"

    _, errors = check_flow_text(text.replace('when = "insured"', 'when = "insurd"'))
    assert len(errors) == 1
    assert errors[0].step == "money" and errors[0].key == "checklist[1].when"


# -- checklist items done by an event ----------------------------------------------------


def test_done_by_names_the_events_that_tick_an_item(tmp_path: Path) -> None:
    text = BASE.replace(
        '{ id = "who_decides", label = "Asked who decides" },',
        '{ id = "who_decides", label = "Asked who decides", done_by = "outcome_recorded" },\n'
        '  { id = "gave", label = "Gave it", done_by = ["agreement_signed", "summary_given"] },',
    )
    welcome = load_flow(write(tmp_path, text)).steps[0]
    assert [(i.id, i.done_by) for i in welcome.checklist] == [
        ("intro", ()),
        ("who_decides", ("outcome_recorded",)),
        ("gave", ("agreement_signed", "summary_given")),
    ]
    assert welcome.checklist[2].ticks_when == (
        "when the agreement is signed or when the summary is saved or printed"
    )


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ('"outcome_recored"', "unknown event 'outcome_recored' (did you mean 'outcome_recorded'?)"),
        ('["plan_saved", "booked"]', "unknown event 'booked'"),
        ("true", "must be an event name or a list of them"),
    ],
)
def test_an_unknown_done_by_is_refused_with_its_line(
    tmp_path: Path, value: str, fragment: str
) -> None:
    text = BASE.replace(
        '{ id = "who_decides", label = "Asked who decides" },',
        f'{{ id = "who_decides", label = "Asked who decides", done_by = {value} }},',
    )
    error = only_error(tmp_path, text)
    assert (error.step, error.key) == ("welcome", "checklist[1].done_by")
    assert fragment in error.message
    assert "plan_saved, agreement_generated" in error.message
    assert error.line == line_of(text, "done_by")
    assert f"flow.toml:{error.line}" in str(error)


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("false", "must be text, not true/false"),
        ("0", "must be text, not a number"),
        ('""', "bad condition '': the condition is empty"),
    ],
)
def test_a_checklist_when_is_checked_like_a_step_when(
    tmp_path: Path, value: str, fragment: str
) -> None:
    """The same value gets the same message on a step and on a checklist item."""
    step_text = BASE.replace('when = "has_options"', f"when = {value}")
    step_error = only_error(tmp_path, step_text)
    item_text = BASE.replace(
        '{ id = "who_decides", label = "Asked who decides" },',
        f'{{ id = "who_decides", label = "Asked who decides", when = {value} }},',
    )
    item_error = only_error(tmp_path, item_text)
    assert (step_error.step, step_error.key) == ("money", "when")
    assert (item_error.step, item_error.key) == ("welcome", "checklist[1].when")
    assert fragment in step_error.message
    assert item_error.message == step_error.message
    assert item_error.line == line_of(item_text, "when =")


def test_the_template_checker_is_passed_in_and_shared(tmp_path: Path) -> None:
    """One checker, built by the caller, serves every file of a load (rule 7)."""
    from tcdesk.flows import TemplateChecker

    class Counting(TemplateChecker):
        def __init__(self) -> None:
            super().__init__()
            self.checked: list[str] = []

        def problem(self, source: str) -> str | None:
            self.checked.append(source)
            return super().problem(source)

    write(tmp_path, BASE, "a.toml")
    write(tmp_path, BASE.replace('id = "mini"', 'id = "other"'), "b.toml")
    checker = Counting()
    result = load_flows(tmp_path, templates=checker)
    assert sorted(result.flows) == ["mini", "other"] and result.ok
    assert checker.checked.count("Welcome, {{ patient.first_name }}!") == 2
    assert load_flow(tmp_path / "a.toml", templates=checker) == result.flows["mini"]
    assert checker.checked.count("Welcome, {{ patient.first_name }}!") == 3


def test_treatments_a_flow_centres_on(tmp_path: Path) -> None:
    """Optional; known treatment types only, so the automatic choice can trust them."""
    assert load_flow(write(tmp_path, BASE)).treatments == ()
    good = BASE.replace('audience = "teen"', 'audience = "teen"\ntreatments = ["clear_aligners"]')
    assert load_flow(write(tmp_path, good)).treatments == ("clear_aligners",)
    typo = good.replace('"clear_aligners"', '"clear_aligner"')
    error = only_error(tmp_path, typo)
    assert error.key == "treatments" and "did you mean 'clear_aligners'" in error.message
    assert error.line == line_of(typo, "treatments =")
    error = only_error(tmp_path, good.replace('["clear_aligners"]', '"clear_aligners"'))
    assert error.key == "treatments" and "must be a list of treatment types" in error.message
