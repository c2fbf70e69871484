"""``tcdesk audit``: a readable table and JSON of who did what when; ids, never patient data."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from tcdesk.cli import main
from tcdesk.services import audit_trail, sign_in
from tests.conftest import FIXED_NOW
from tests.intake_practice import TEEN, practice


class Clock:
    def __init__(self) -> None:
        self.now = FIXED_NOW

    def __call__(self):
        return self.now


def run(store: Path, *args: str) -> int:
    return main(["audit", *args, "--db", str(store)], clock=lambda: FIXED_NOW)


@pytest.fixture
def store(empty_store: Path) -> Path:
    """A practice where Ana Ruiz (PIN 2468) signs in, adds a family, opens it, and a day later
    the doctor types a wrong PIN."""
    from tcdesk.services import intake

    desk = practice(empty_store)
    clock = Clock()
    desk.clock = clock
    try:
        people = {s.name: s.id for s in desk.practices.staff(desk.practice().id)}
        ana = people["Ana Ruiz"]
        sign_in.set_pin(desk, ana, "2468")
        sign_in.set_pin(desk, people["Dr. Sam Lee"], "1357")
        sign_in.sign_in(desk, ana, "2468")
        added = intake.add_family(desk, TEEN)
        audit_trail.record(desk, "patient_opened", added.patient.id)
        sign_in.sign_out(desk)
        clock.now = FIXED_NOW + timedelta(days=1)
        with pytest.raises(sign_in.PinError):
            sign_in.verify(desk, people["Dr. Sam Lee"], "0000")
    finally:
        desk.close()
    return empty_store


def _json(capsys, store: Path, *args: str) -> list[dict]:
    assert run(store, "--json", *args) == 0
    return json.loads(capsys.readouterr().out)


def test_the_table_says_when_who_what_and_about(store: Path, capsys) -> None:
    assert run(store) == 0
    out = capsys.readouterr().out
    header, _rule, *rows = out.splitlines()
    assert header.split() == ["When", "Who", "What", "About", "Detail"]
    text = "\n".join(rows)
    for words in ("Ana Ruiz", "signed in", "family added", "opened a patient", "signed out"):
        assert words in text
    assert "Dr. Sam Lee" in text and "typed a wrong PIN" in text
    assert "patient " in text  # a patient is named by id


def test_no_patient_data_is_printed(store: Path, capsys) -> None:
    assert run(store) == 0
    table = capsys.readouterr().out
    lines = _json(capsys, store)
    printed = table + json.dumps(lines)
    for value in (TEEN.first, TEEN.last, TEEN.birth_date, TEEN.phone, TEEN.email, "Delta"):
        assert value not in printed
    for party in TEEN.parties:
        assert party.name not in printed and party.phone not in printed
    assert "2468" not in printed and "0000" not in printed


def test_from_to_and_who_choose_the_lines(store: Path, capsys) -> None:
    everything = _json(capsys, store)
    day = FIXED_NOW.astimezone().date()
    first_day = _json(capsys, store, "--from", str(day), "--to", str(day))
    next_day = _json(capsys, store, "--from", str(day + timedelta(days=1)))
    assert len(first_day) + len(next_day) == len(everything)
    assert [line["action"] for line in next_day] == ["pin_wrong"]
    anas = _json(capsys, store, "--who", "Ana Ruiz")
    assert anas and all(line["who"] == "Ana Ruiz" for line in anas)
    assert {"signed_in", "family_added", "patient_opened", "signed_out"} <= {
        line["action"] for line in anas
    }
    for line in everything:
        assert set(line) == {"at", "when", "who", "who_id", "action", "what", "about", "detail"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--from", "yesterday"],
            "--from must be a date like 2026-12-01 (or 'today'), not 'yesterday'.",
        ),
        (["--from", "2026-12-02", "--to", "2026-12-01"], "--to is before --from"),
        (["--who", "Nobody Here"], 'There is no one on staff called "Nobody Here"'),
    ],
)
def test_bad_input_is_one_line_and_exit_2(store: Path, capsys, args, message) -> None:
    before = store.read_bytes()
    assert run(store, *args) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert store.read_bytes() == before


def test_nothing_yet_says_so(empty_store: Path, capsys) -> None:
    desk = practice(empty_store)
    desk.close()
    assert run(empty_store, "--from", "2030-01-01") == 0
    assert capsys.readouterr().out.strip() == "Nothing in the audit trail for that."
