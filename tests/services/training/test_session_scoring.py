"""Scripted runs: good answers score high and poor ones low, each part saying why, and
the family's decision follows how the session went."""

from __future__ import annotations

from pathlib import Path

import pytest

from tcdesk.services.training.scorecard import WEIGHTS, Part
from tests.services.training.conftest import EXAMPLES

PERSONAS = ("maya_teen_cost", "familia_garcia_es", "marcus_spouse_absent")


@pytest.mark.parametrize("name", PERSONAS)
def test_a_good_run_scores_high_and_starts_today(played, name: str) -> None:
    card = played(f"{name}.good").result.card
    assert card.total >= 90, card.as_json()
    assert card.decision == "start_today"
    assert [p.part for p in card.parts] == list(WEIGHTS)
    objections = card.part(Part.OBJECTIONS)
    assert objections.points == 15 and objections.to_improve == ()
    assert all("(settled)" in text for text in objections.good)


@pytest.mark.parametrize("name", PERSONAS)
def test_a_poor_run_scores_low_and_does_not_start(played, name: str) -> None:
    card = played(f"{name}.poor").result.card
    assert card.total <= 35, card.as_json()
    assert card.decision in ("decline", "think_it_over")
    assert card.part(Part.OBJECTIONS).points < 5
    assert card.part(Part.DISCOVERY).to_improve


def test_the_poor_cost_answer_is_explained_move_by_move(played) -> None:
    card = played("maya_teen_cost.poor").result.card
    lines = card.part(Part.OBJECTIONS).to_improve
    assert lines[0] == (
        "cost (not settled): you did not let her say what she expected to pay, acknowledge "
        "that it is a real amount for her, ask what part of it worries her or show the monthly "
        "and the low down payment; the plan on the screen did not change to one that fits them"
    )
    assert lines[1].startswith("think_about_it (not settled): you gave her room; you did not")
    assert any(n.startswith('a model answer to "Wow.') for n in card.notes)


def test_the_parts_say_what_was_missed(played) -> None:
    card = played("maya_teen_cost.poor").result.card
    assert card.part(Part.PREPARATION).to_improve == (
        "verify the insurance benefit before the family arrives",
        "check the forms first",
        "brief the doctor before the exam",
    )
    assert card.part(Part.SAME_DAY_ASK).to_improve[0] == "ask for a same-day start"
    assert card.part(Part.NEXT_STEP).to_improve == (
        "you booked a start the family did not agree to",
    )
    assert card.part(Part.NEXT_STEP).points == 0
    rapport = card.part(Part.RAPPORT).to_improve
    assert "the consult took 5.5 minutes; aim for about 27" in rapport


def test_a_plan_outside_the_policy_loses_the_money_points_and_says_why(played) -> None:
    money = played("marcus_spouse_absent.poor").result.card.part(Part.MONEY)
    assert any(
        "48 monthly payments is more than the practice maximum of 36" in t for t in money.to_improve
    )
    assert "show the Truth in Lending disclosures for a payment plan before signing" in (
        money.to_improve
    )
    good = played("marcus_spouse_absent.good").result.card.part(Part.MONEY)
    assert "the plan is within the practice's policy" in good.good


def test_a_follow_up_is_judged_against_the_real_reason(played) -> None:
    part = played("familia_garcia_es.poor").result.card.part(Part.NEXT_STEP)
    assert part.to_improve == (
        "follow up within 7 days, while they are warm",
        "what holds them back is cost, not insurance: ask what part they want to think over",
    )


def _variant(tmp_path: Path, old: str, new: str) -> Path:
    text = (EXAMPLES / "maya_teen_cost.good.toml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "answers.toml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_without_the_ask_the_same_consult_only_books(played, tmp_path: Path) -> None:
    path = _variant(
        tmp_path,
        '  { ask_start = "We have a chair open this afternoon. Would you like Maya to get '
        'started today?" },\n',
        "",
    )
    result = played("maya_teen_cost", path).result
    assert result.card.decision == "book"
    assert result.decision.line == "Let's book the start for after school next week."
    assert result.card.part(Part.SAME_DAY_ASK).points == 0


def test_without_the_low_down_plan_the_cost_stays_open_and_they_think_it_over(
    played, tmp_path: Path
) -> None:
    path = _variant(tmp_path, '  { choice = "low_down" },\n', "")
    result = played("maya_teen_cost", path).result
    assert result.card.decision == "think_it_over" and result.card.decision_reason == "cost"
    improve = result.card.part(Part.OBJECTIONS).to_improve
    assert any(t.startswith("think_about_it (not settled)") for t in improve), improve


def test_a_follow_up_with_the_right_reason_earns_the_next_step(played, tmp_path: Path) -> None:
    path = _variant(tmp_path, '  { choice = "low_down" },\n', "")
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            '{ next_step = "start_booked", date = "today" }',
            '{ next_step = "follow_up", date = "+2", reason = "cost" }',
        ),
        encoding="utf-8",
    )
    part = played("maya_teen_cost", path).result.card.part(Part.NEXT_STEP)
    assert part.points == 10
    assert part.good == (
        "you agreed a follow-up date within a week",
        "you named what holds them back (cost)",
    )


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.toml")), ids=lambda p: p.stem)
def test_every_example_for_authors_still_plays_as_labelled(played, path: Path) -> None:
    card = played(path.stem, path).result.card
    if path.stem.endswith(".good"):
        assert card.decision == "start_today" and card.total >= 90
    else:
        assert path.stem.endswith(".poor")
        assert card.decision != "start_today" and card.total <= 35


def test_time_on_each_step_is_judged_against_its_plan(played) -> None:
    part = played("familia_garcia_es.poor").result.card.part(Part.EXPLANATION)
    assert "1 of 4 steps took about their planned time" in part.good
    assert (
        "time: options 0 min (planned 5); caring_for_braces 0 min (planned 2); "
        "timeline 0 min (planned 2)"
    ) in part.to_improve
    good = played("familia_garcia_es.good").result.card.part(Part.EXPLANATION)
    assert "each step took about its planned time" in good.good and good.points == 15
