"""``tcdesk setup``: the set-up form on the command line; one-line refusals change nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tcdesk.cli import main
from tcdesk.services.desk import Desk

ARGS = [
    "--practice",
    "Lakeside Ortho",
    "--office",
    "Lakeside",
    "--coordinator",
    "Ana Ruiz",
    "--doctor",
    "Dr. Lee",
]


def test_setup_makes_a_practice_ready_to_use(tmp_path: Path, capsys) -> None:
    db = tmp_path / "practice.sqlite3"
    assert main(["--db", str(db), "setup", *ARGS, "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert made["name"] == "Lakeside Ortho" and made["fees"] == 7
    assert sorted(s["role"] for s in made["staff"]) == ["coordinator", "doctor"]
    desk = Desk.open(db, create=False)
    try:
        assert desk.practice().name == "Lakeside Ortho"
        assert [e["action"] for e in desk.audit.for_subject(made["practice_id"])] == [
            "practice_set_up"
        ]
    finally:
        desk.close()


def test_a_second_setup_is_refused_and_changes_nothing(tmp_path: Path, capsys) -> None:
    db = tmp_path / "practice.sqlite3"
    assert main(["--db", str(db), "setup", *ARGS]) == 0
    before = db.read_bytes()
    capsys.readouterr()
    assert main(["--db", str(db), "setup", *ARGS]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and 'already holds "Lakeside Ortho"' in err
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (["--practice", "  "], "--practice: The practice's name is needed."),
        (["--colour", "teal"], "--colour: The colour must look like #1F6F8B."),
        (["--phone", "12"], '--phone: "12" is not a phone number.'),
    ],
)
def test_bad_input_is_one_line_and_no_practice(
    tmp_path: Path, capsys, change: list[str], message: str
) -> None:
    db = tmp_path / "practice.sqlite3"
    assert main(["--db", str(db), "setup", *ARGS, *change]) == 2
    assert capsys.readouterr().err == f"tcdesk: {message}\n"
    desk = Desk.open(db)
    try:
        assert desk.is_empty()
    finally:
        desk.close()
