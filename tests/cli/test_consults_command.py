"""``tcdesk consults`` lists consult ids; a patient id where a consult id belongs is explained."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tcdesk.cli import main
from tcdesk.services.demo import demo_id
from tcdesk.services.demo_history import history_cases
from tcdesk.services.desk import Desk
from tests.conftest import FIXED_NOW as DEMO_NOW  # the demo store's day


def _error(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    assert main(argv) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    return lines[0]


def _zoe(demo_store: Path) -> tuple[str, str]:
    """Zoë's patient id and her one consult's id."""
    consult_id = demo_id("consult", "zoe_martinez_reyes")
    desk = Desk.open(demo_store, create=False)
    try:
        return desk.consults.get(consult_id).patient_id, consult_id
    finally:
        desk.close()


def test_lists_every_consult_with_the_apps_status_words(demo_store: Path, capsys) -> None:
    assert main(["consults", "--db", str(demo_store)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split() == [
        "ID", "DATE", "TIME", "PATIENT", "FLOW", "STATUS", "COORDINATOR", "OFFICE"
    ]  # fmt: skip
    # The demo's own 49 (48 held or booked, one cancelled), one referred out and one booked
    # from a lead, and its thirteen months of history.
    assert lines[-1] == f"{51 + len(history_cases())} consults"
    assert "Pending decision" in out and "Consult booked" in out and "In treatment" in out
    zoe = next(line for line in lines if "Zoë Martínez-Reyes" in line)
    assert zoe.startswith(demo_id("consult", "zoe_martinez_reyes"))


def test_filters_by_patient_search_and_day_as_json(demo_store: Path, capsys) -> None:
    patient_id, consult_id = _zoe(demo_store)
    assert main(["consults", "--db", str(demo_store), "--patient", patient_id, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [row["id"] for row in rows] == [consult_id]
    assert rows[0]["patient"] == "Zoë Martínez-Reyes"
    assert (rows[0]["status"], rows[0]["status_label"]) == ("scheduled", "Consult booked")
    assert main(["consults", "--db", str(demo_store), "--search", "martinez", "--json"]) == 0
    assert consult_id in [row["id"] for row in json.loads(capsys.readouterr().out)]
    argv = ["consults", "--db", str(demo_store), "--day", "today", "--json"]
    assert main(argv, clock=lambda: DEMO_NOW) == 0
    today = json.loads(capsys.readouterr().out)
    assert 3 <= len(today) <= 4 and {row["local_date"] for row in today} == {"2026-11-27"}
    assert main([*argv[:-3], "--day", "2026-11-27", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == today


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--day", "27/11/2026"], "tcdesk: --day must be a date like 2026-12-01 (or 'today'), "
         "not '27/11/2026'."),
        (["--patient", "nobody"], "tcdesk: No patient with id nobody in "),
    ],
)  # fmt: skip
def test_bad_filters_are_one_line(demo_store: Path, capsys, extra, message) -> None:
    assert _error(capsys, ["consults", "--db", str(demo_store), *extra]).startswith(message)


@pytest.mark.parametrize("command", ["slides", "agreement", "summary"])
def test_a_patient_id_given_as_consult_names_their_consults(
    demo_store: Path, tmp_path: Path, capsys, command: str
) -> None:
    patient_id, consult_id = _zoe(demo_store)
    out = tmp_path / ("slides" if command == "slides" else "out.pdf")
    line = _error(
        capsys, [command, "--db", str(demo_store), "--consult", patient_id, "--out", str(out)]
    )
    assert line == (
        f"tcdesk: {patient_id} is a patient (Zoë Martínez-Reyes), not a consult; "
        f"their consults: {consult_id} (2026-11-27)"
    )
    assert not out.exists()
