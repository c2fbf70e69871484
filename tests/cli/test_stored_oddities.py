"""Values an old import or another program left in the store: shown safely, refused calmly.

The store is changed behind tcdesk's back (plain SQL), as a damaged or hand-edited
file would be; every command must still end in a clear line, never a traceback,
and nothing it prints may steer the terminal.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tcdesk.cli import main as cli_main
from tcdesk.services.demo import demo_id
from tcdesk.store import engine
from tests.conftest import FIXED_NOW

ETHAN = demo_id("consult", "ethan_walker")
FORGED = "Ethan\r\nZZ FORGED ROW  2025-01-01 \x1b[31mRED\x07"


def main(argv: list[str]) -> int:
    return cli_main(argv, clock=lambda: FIXED_NOW)


def _set(store: Path, sql: str, *values: object) -> None:
    with engine.connect(store) as connection:
        assert connection.execute(sql, values).rowcount == 1


def test_a_stored_name_with_line_breaks_and_escapes_is_one_visible_row(
    demo_store: Path, capsys
) -> None:
    _set(demo_store, "update patients set legal_first = ? where legal_last = 'Walker'", FORGED)
    assert main(["patients", "--db", str(demo_store)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\r" not in out
    rows = [line for line in out.splitlines() if "FORGED" in line]
    assert len(rows) == 1 and "Walker" in rows[0]
    assert "Ethan\\r\\nZZ FORGED ROW" in rows[0] and "\\x1b[31mRED\\x07" in rows[0]
    assert not any(line.startswith("ZZ FORGED") for line in out.splitlines())
    # --json keeps the stored value exactly, escaped the JSON way
    assert main(["patients", "--db", str(demo_store), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert any(FORGED in str(value) for patient in listed for value in patient.values())


def _one_error_line(capsys) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err and "\x1b" not in captured.err
    return lines[0]


@pytest.mark.parametrize("name", [FORGED, "E" * 100_000])
def test_the_agreement_refuses_a_name_it_cannot_print_on_one_line(
    demo_store: Path, tmp_path: Path, capsys, name: str
) -> None:
    _set(demo_store, "update patients set legal_first = ? where legal_last = 'Walker'", name)
    out = tmp_path / "agreement.pdf"
    argv = ["agreement", "--db", str(demo_store), "--consult", ETHAN, "--out", str(out)]
    assert main(argv) == 2
    line = _one_error_line(capsys)
    assert line.startswith("tcdesk: The patient's name (")
    assert "correct it in the family's record" in line
    assert len(line) < 300  # the start of the name, not all of it
    assert not out.exists()


@pytest.mark.parametrize("stored", ["9999-12", "2012-02-30", "not a date"])
def test_a_stored_date_that_cannot_be_read_is_a_message(
    demo_store: Path, capsys, stored: str
) -> None:
    _set(demo_store, "update patients set birth_date = ? where legal_last = 'Walker'", stored)
    assert main(["patients", "--db", str(demo_store)]) == 2
    line = _one_error_line(capsys)
    assert line == (
        "tcdesk: The practice file holds a patient whose birth date tcdesk can't read "
        "(the file was changed outside tcdesk or is damaged); restore the newest backup "
        "or ask for help."
    )
    assert stored not in line
