"""``tcdesk training setup | report | drill``: exit codes, one-line refusals, the --json shape."""

from __future__ import annotations

import io
import json
from datetime import timedelta
from pathlib import Path

import pytest

from tcdesk.cli import main, training_progress_command
from tcdesk.services.desk import Desk
from tcdesk.services.training.drills import builtin_cards, card_states
from tcdesk.services.training.history import record_session
from tcdesk.services.training.store import training_path
from tests.conftest import FIXED_NOW
from tests.training_seed import JESSICA, KELSEY, scorecard, staff_id


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv), clock=lambda: FIXED_NOW)
    out, err = capsys.readouterr()
    return code, out, err


def one_line_refusal(code: int, err: str, says: str) -> None:
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and says in lines[0], err


def test_setup_makes_then_refreshes_the_training_file(demo_store: Path, capsys) -> None:
    code, out, err = run(capsys, "training", "setup", "--db", str(demo_store))
    assert code == 0, err
    assert out.startswith(f"Made the training file {training_path(demo_store)}")
    assert "no patients, consults or leads" in out
    code, out, _ = run(capsys, "training", "setup", "--db", str(demo_store))
    assert code == 0 and out.startswith("Refreshed") and "Kept 0 practice sessions" in out


def test_setup_into_a_file_of_my_choosing(demo_store: Path, tmp_path: Path, capsys) -> None:
    chosen = tmp_path / "practice-room.sqlite3"
    code, _out, _ = run(
        capsys, "training", "setup", "--db", str(demo_store), "--training", str(chosen)
    )
    assert code == 0 and chosen.exists() and not training_path(demo_store).exists()
    code, _out, _err = run(
        capsys, "training", "report", "--db", str(demo_store), "--training", str(chosen)
    )
    assert code == 0


def test_setup_without_a_practice_file_is_one_line(tmp_path: Path, capsys) -> None:
    code, _out, err = run(capsys, "training", "setup", "--db", str(tmp_path / "none.sqlite3"))
    one_line_refusal(code, err, "No practice file at")
    assert list(tmp_path.iterdir()) == []


def test_training_alone_says_what_it_takes(capsys) -> None:
    try:
        code = main(["training"], clock=lambda: FIXED_NOW)
    except SystemExit as usage:  # argparse's own refusal is a one-line usage error too
        code = usage.code
    one_line_refusal(code, capsys.readouterr().err, "training")


def test_report_without_a_training_file_says_how_to_make_one(demo_store: Path, capsys) -> None:
    code, _out, err = run(capsys, "training", "report", "--db", str(demo_store))
    one_line_refusal(code, err, "tcdesk training setup --db")


@pytest.fixture
def practised(practice_and_training) -> Path:
    practice, training = practice_and_training
    desk = Desk.open(training, clock=lambda: FIXED_NOW)
    jessica = staff_id(desk, JESSICA)
    for week, value in enumerate((5, 7)):
        record_session(
            desk, jessica, scorecard([value] * 8), "solo", FIXED_NOW - timedelta(weeks=1 - week)
        )
    desk.close()
    return practice


def test_report_json_shape(practised: Path, capsys) -> None:
    code, out, err = run(capsys, "training", "report", "--db", str(practised), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"since", "until", "coordinators"}
    names = [row["name"] for row in data["coordinators"]]
    assert names == [JESSICA, KELSEY, "Tamika Brooks"]
    jessica = data["coordinators"][0]
    assert set(jessica) == {"id", "name", "sessions", "average_total", "trend", "parts", "weakest"}
    assert [s["total"] for s in jessica["sessions"]] == [40.0, 56.0]
    assert set(jessica["sessions"][0]) == {
        "date",
        "started_at",
        "persona",
        "mode",
        "total",
        "decision",
        "parts",
    }
    assert (jessica["average_total"], jessica["trend"]) == (48.0, 16.0)
    assert [p["part"] for p in jessica["parts"]][:2] == ["preparation", "rapport"]
    assert jessica["weakest"] == "discovery"
    assert data["coordinators"][1]["sessions"] == [] and data["coordinators"][1]["trend"] is None


def test_report_for_one_coordinator_by_part_of_her_name(practised: Path, capsys) -> None:
    code, out, _ = run(
        capsys, "training", "report", "--db", str(practised), "--coordinator", "jessica"
    )
    assert code == 0
    assert out.startswith(f"{JESSICA}: 2 practice consults, average 48 of 100, trend +16")
    assert "weakest part: Discovery." in out and KELSEY not in out
    code, out, _ = run(capsys, "training", "report", "--db", str(practised), "--from", "2030-01-01")
    assert code == 0 and f"{JESSICA}: no practice consults yet." in out


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--coordinator", "Dr. Priya Raman"], "is a doctor, not a coordinator"),
        (["--coordinator", "Nobody Here"], 'There is no one on staff called "Nobody Here"'),
        (["--from", "2026-12-01", "--to", "2026-11-01"], "is after --to"),
        (["--from", "yesterday"], "--from must be a date"),
    ],
)
def test_report_refusals_are_one_line(practised: Path, capsys, argv: list[str], says: str) -> None:
    code, _out, err = run(capsys, "training", "report", "--db", str(practised), *argv)
    one_line_refusal(code, err, says)


def test_a_drill_asks_times_shows_the_model_answer_and_keeps_the_grade(
    practice_and_training, capsys, monkeypatch
) -> None:
    practice, training = practice_and_training
    ticks = iter([0.0, 10.0, 100.0, 160.0, 200.0, 205.0])  # 10 s, then 60 s (slow), then 5 s
    monkeypatch.setattr(training_progress_command, "timer", lambda: next(ticks))
    answers = "Ask what matters most\ny\nI'd offer the low down\ny\nno idea\nmaybe\nn\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(answers))
    code, out, err = run(
        capsys, "training", "drill", "--db", str(practice), "--coordinator", KELSEY, "--cards", "3"
    )
    assert code == 0, err
    cards = builtin_cards()
    assert f'The family: "{cards[0].line}"' in out
    assert cards[0].model_answer in out
    assert "60 s - too slow, it counts as weak" in out
    assert "Type y, p or n." in out
    assert out.rstrip().endswith("3 answered - 1 right, 1 weak, 1 wrong.")
    desk = Desk.open(training, clock=lambda: FIXED_NOW)
    states = [d.state for d in card_states(desk, staff_id(desk, KELSEY), cards[:4])]
    desk.close()
    assert [(s.answers, s.box, s.last and s.last.value) for s in states] == [
        (1, 2, "right"),
        (1, 1, "weak"),
        (1, 1, "wrong"),
        (0, 1, None),
    ]


def test_a_drill_with_nothing_due_says_when_the_next_card_is(
    practice_and_training, capsys, monkeypatch
) -> None:
    practice, _training = practice_and_training
    monkeypatch.setattr("sys.stdin", io.StringIO("answer\ny\n" * 500))  # every card, right
    code, _out, _err = run(
        capsys, "training", "drill", "--db", str(practice), "--coordinator", KELSEY, "--cards=500"
    )
    assert code == 0
    code, out, _ = run(capsys, "training", "drill", "--db", str(practice), "--coordinator", KELSEY)
    assert code == 0
    assert out.strip() == f"No drill cards are due for {KELSEY}; the next is due in 1 day."


def test_a_drill_needs_a_coordinator_who_is_not_a_doctor(practice_and_training, capsys) -> None:
    practice, _training = practice_and_training
    code, _out, err = run(
        capsys, "training", "drill", "--db", str(practice), "--coordinator", "Dr. Priya Raman"
    )
    one_line_refusal(code, err, "is a doctor, not a coordinator")
    with pytest.raises(SystemExit) as usage:
        main(["training", "drill", "--db", str(practice)])
    one_line_refusal(usage.value.code, capsys.readouterr().err, "required: --coordinator")


def test_a_personas_card_is_drilled_and_kept_as_its_own(
    practice_and_training, capsys, monkeypatch
) -> None:
    from tcdesk.services.training.drills import PersonaLine, cards_from

    practice, training = practice_and_training
    (card,) = cards_from([PersonaLine("ortiz_adult", "cost", "Es mucho dinero.", "La mensualidad")])
    monkeypatch.setattr(training_progress_command, "drill_deck", lambda: (card,))
    monkeypatch.setattr("sys.stdin", io.StringIO("Entiendo\nn\n"))
    code, out, _ = run(capsys, "training", "drill", "--db", str(practice), "--coordinator", JESSICA)
    assert code == 0
    assert "[1/1] ortiz_adult" in out and '"Es mucho dinero."' in out
    desk = Desk.open(training, clock=lambda: FIXED_NOW)
    jessica = staff_id(desk, JESSICA)
    (own,) = card_states(desk, jessica, [card])
    built_in = card_states(desk, jessica, builtin_cards())
    desk.close()
    assert own.state.lapses == 1 and all(d.state.new for d in built_in)


def test_the_drill_deck_holds_the_ten_objections_and_every_persona_line() -> None:
    from tcdesk.cli.training_progress_command import drill_deck
    from tcdesk.services.training.personas import load_personas

    cards = drill_deck()
    personas = load_personas().personas.values()
    lines = {(p.key, o.line) for p in personas for o in p.objections}
    assert {(c.persona, c.line) for c in cards if c.persona} == lines
    assert len([c for c in cards if not c.persona]) == 10


def test_a_played_session_is_kept_as_the_coordinators_and_reported(
    practice_and_training: tuple[Path, Path], capsys
) -> None:
    practice, _training = practice_and_training
    examples = Path(__file__).resolve().parents[3] / "presentation_flows/training/examples"
    for run in ("good", "poor"):
        answers = examples / f"maya_teen_cost.{run}.toml"
        argv = ["training", "run", "--db", str(practice), "--persona", "maya_teen_cost"]
        argv += ["--answers", str(answers), "--coordinator", "Jessica", "--json"]
        assert main(argv, clock=lambda: FIXED_NOW) == 0
    capsys.readouterr()
    argv = ["training", "report", "--db", str(practice), "--coordinator", "Jessica", "--json"]
    assert main(argv, clock=lambda: FIXED_NOW) == 0
    report = json.loads(capsys.readouterr().out)
    text = json.dumps(report)
    assert text.count("maya_teen_cost") == 2, text


def test_keeping_a_session_needs_the_practice_file(capsys) -> None:
    examples = Path(__file__).resolve().parents[3] / "presentation_flows/training/examples"
    argv = ["training", "run", "--persona", "maya_teen_cost", "--coordinator", "Jessica"]
    argv += ["--answers", str(examples / "maya_teen_cost.good.toml")]
    assert main(argv, clock=lambda: FIXED_NOW) == 2
    assert capsys.readouterr().err.strip() == (
        "tcdesk: --coordinator needs --db: the scorecard is kept in its training file."
    )
