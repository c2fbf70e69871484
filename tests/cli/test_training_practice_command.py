"""``tcdesk training check`` and ``run``: ok lines and exit 2 on problems, the scorecard
as text or JSON, one line on stderr for a user's mistake."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tcdesk.cli import main
from tcdesk.services.training.personas import personas_dir, training_dir
from tests.conftest import FIXED_NOW

EXAMPLES = training_dir() / "examples"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args), clock=lambda: FIXED_NOW)
    out, err = capsys.readouterr()
    return code, out, err


def test_check_says_ok_for_each_shipped_persona(capsys) -> None:
    code, out, _err = run(capsys, "training", "check")
    lines = out.splitlines()
    assert code == 0
    assert len(lines) == len(list(personas_dir().glob("*.toml"))) >= 12
    assert all(line.startswith("ok: ") for line in lines)
    assert any(
        line.endswith("maya_teen_cost.toml (maya_teen_cost: 2 objections)") for line in lines
    )


def test_check_reports_a_broken_file_and_exits_2(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = (personas_dir() / "maya_teen_cost.toml").read_text(encoding="utf-8")
    (tmp_path / "maya.toml").write_text(text.replace('kind = "cost"', 'kind = "price"'), "utf-8")
    code, out, _err = run(capsys, "training", "check", "maya.toml")
    assert code == 2
    assert out.splitlines() == [
        "maya.toml: persona 'maya_teen_cost' key 'objections.cost.kind': unknown objection 'price'"
    ]


def test_run_prints_the_parts_with_their_points_and_why(capsys) -> None:
    answers = str(EXAMPLES / "maya_teen_cost.poor.toml")
    code, out, _err = run(
        capsys, "training", "run", "--persona", "maya_teen_cost", "--answers", answers
    )
    assert code == 0
    assert "Decision: decline (cost)" in out
    assert "\nObjections (LAER): 1.3/15\n" in out
    assert "  - ask for a same-day start\n" in out
    assert "Laura: Wow. That's more than I expected." in out


def test_run_json_is_the_scorecard(capsys) -> None:
    answers = str(EXAMPLES / "marcus_spouse_absent.good.toml")
    code, out, _err = run(
        capsys,
        "training",
        "run",
        "--persona",
        "marcus_spouse_absent",
        "--answers",
        answers,
        "--json",
    )
    card = json.loads(out)
    assert code == 0
    assert set(card) == {
        "persona",
        "total",
        "decision",
        "decision_reason",
        "minutes",
        "parts",
        "notes",
    }
    assert card["decision"] == "start_today" and card["total"] == 100
    assert [p["part"] for p in card["parts"]] == [
        "preparation",
        "rapport",
        "discovery",
        "explanation",
        "money",
        "objections",
        "same_day_ask",
        "next_step",
    ]
    assert sum(p["out_of"] for p in card["parts"]) == 100
    assert set(card["parts"][0]) == {"part", "label", "points", "out_of", "good", "to_improve"}


def test_run_with_a_practice_file_uses_its_policy(capsys, demo_store: Path) -> None:
    answers = str(EXAMPLES / "marcus_spouse_absent.poor.toml")
    code, out, _err = run(
        capsys,
        "training",
        "run",
        "--persona",
        "marcus_spouse_absent",
        "--answers",
        answers,
        "--json",
        "--db",
        str(demo_store),
    )
    money = next(p for p in json.loads(out)["parts"] if p["part"] == "money")
    assert code == 0
    assert any("practice maximum of 36" in t for t in money["to_improve"])


@pytest.mark.parametrize(
    ("persona", "answers", "message"),
    [
        ("nobody", "maya_teen_cost.good.toml", "tcdesk: no persona 'nobody'; the personas are: "),
        (
            "maya_teen_cot",
            "maya_teen_cost.good.toml",
            "tcdesk: no persona 'maya_teen_cot' (did you mean 'maya_teen_cost'?)",
        ),
        (
            "daniel_walk_in",
            "maya_teen_cost.good.toml",
            "maya_teen_cost.good.toml: key 'persona': these answers are for 'maya_teen_cost', "
            "not 'daniel_walk_in'",
        ),
    ],
)
def test_a_users_mistake_is_one_line_and_exit_2(capsys, persona, answers, message) -> None:
    code, out, err = run(
        capsys, "training", "run", "--persona", persona, "--answers", str(EXAMPLES / answers)
    )
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and message in err


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (
            '[[steps]]\nid = "welcome"\nminutes = 2\ndo = [{ tickk = "x" }]\n',
            "key 'steps[1].do[1]': needs exactly one of",
        ),
        (
            '[[steps]]\nid = "welcom"\nminutes = 2\n',
            "key 'steps[1].id': this consult has no step 'welcom'",
        ),
        (
            '[[steps]]\nid = "welcome"\nminutes = "two"\n',
            "key 'steps[1].minutes': must be a number",
        ),
        (
            '[[steps]]\nid = "welcome"\nminutes = 2\ndo = [{ answer = "cost", text = "x" }]\n',
            "key 'steps[1].do[1]': the family has not said 'cost'",
        ),
        ("steps = [\n", "answers.toml: not a TOML answers file"),
    ],
)
def test_a_broken_answers_file_names_the_file_and_key(capsys, tmp_path: Path, text, where) -> None:
    path = tmp_path / "answers.toml"
    path.write_text(text, encoding="utf-8")
    code, _out, err = run(
        capsys, "training", "run", "--persona", "maya_teen_cost", "--answers", str(path)
    )
    assert code == 2 and len(err.splitlines()) == 1
    assert str(path) in err and where in err, err


@pytest.mark.parametrize(
    ("move", "message"),
    [
        ('{ down_payment = "lots" }', "down_payment must be an amount like 300, not 'lots'"),
        ('{ months = "x" }', "months must be a whole number like 24, not 'x'"),
        ('{ choice = "cheap" }', "no payment choice 'cheap' (offered: pay_in_full, standard, "),
        ("{ down_payment = 99999 }", "down_payment 99999: "),
    ],
)
def test_a_payment_move_that_cannot_be_is_refused_with_its_key(
    capsys, tmp_path: Path, move: str, message: str
) -> None:
    path = tmp_path / "answers.toml"
    moves = f'{{ choice = "standard" }}, {move}' if "choice" not in move else move
    path.write_text(f'[[steps]]\nid = "payment"\nminutes = 2\ndo = [{moves}]\n', "utf-8")
    code, _out, err = run(
        capsys, "training", "run", "--persona", "maya_teen_cost", "--answers", str(path)
    )
    assert code == 2 and len(err.splitlines()) == 1
    assert "key 'steps[1].do[" in err and message in err, err
