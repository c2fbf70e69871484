"""``tcdesk demo``: builds the demo, says what it built, and refuses a real practice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tcdesk.cli import main as cli_main
from tcdesk.domain import ConsultStatus, Practice
from tcdesk.services.desk import Desk
from tests.conftest import FIXED_NOW


def main(argv: list[str]) -> int:
    """The real CLI on a fixed clock: two runs of the demo are on the same day even when
    the suite runs across midnight (the demo refuses to move to another day)."""
    return cli_main(argv, clock=lambda: FIXED_NOW)


UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def _patients_listing(path: Path) -> list:
    desk = Desk.open(path)
    try:
        return desk.patients.list()
    finally:
        desk.close()


def test_demo_builds_and_prints_a_summary(tmp_path: Path, capsys) -> None:
    path = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Bright Smiles Orthodontics" in out
    assert str(path) in out
    for status in ConsultStatus:  # the app's words: "Pending decision 7", not "7 pending"
        assert re.search(rf"{status.label} \d+", out)
    assert "Consult booked" in out and "pending," not in out
    today_ids = re.findall(rf"^\s+\d\d:\d\d .*({UUID})$", out, flags=re.MULTILINE)
    assert 3 <= len(today_ids) <= 4
    desk = Desk.open(path)
    try:
        for consult_id in today_ids:
            consult = desk.consults.get(consult_id)
            assert consult is not None and consult.status is ConsultStatus.SCHEDULED
        assert f"{desk.patients.count()} patients" in out
    finally:
        desk.close()


def test_running_it_again_changes_nothing(tmp_path: Path, capsys) -> None:
    path = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(path)]) == 0
    first = _patients_listing(path)
    capsys.readouterr()
    assert main(["demo", "--db", str(path)]) == 0
    assert "Refreshed the demo practice" in capsys.readouterr().out
    assert _patients_listing(path) == first


def test_patients_command_lists_the_same_after_two_runs(tmp_path: Path, capsys) -> None:
    pytest.importorskip("tcdesk.cli.patients_command")
    path = tmp_path / "demo.sqlite3"
    main(["demo", "--db", str(path)])
    capsys.readouterr()
    assert main(["patients", "--db", str(path)]) == 0
    first = capsys.readouterr().out
    main(["demo", "--db", str(path)])
    capsys.readouterr()
    assert main(["patients", "--db", str(path)]) == 0
    assert capsys.readouterr().out == first
    assert "王" in first and "Zoë" in first


def test_refuses_a_real_practice_file(tmp_path: Path, capsys) -> None:
    path = tmp_path / "real.sqlite3"
    desk = Desk.open(path)
    desk.practices.save(Practice(id="c0ffee00-0000-4000-8000-000000000002", name="Lakeside Ortho"))
    desk.close()
    before = path.read_bytes()
    assert main(["demo", "--db", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert "Lakeside Ortho" in captured.err and "not the demo" in captured.err
    assert path.read_bytes() == before


def _one_line_error(capsys) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert captured.out == "" and len(lines) == 1, captured.err
    return lines[0]


def test_never_builds_the_demo_in_the_default_practice_file(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    from tcdesk.paths import default_db_path

    assert main(["demo"]) == 2
    line = _one_line_error(capsys)
    assert line == (
        f"tcdesk: The demo goes into a file of its own, never the practice file "
        f"({default_db_path()}); give one with --db, e.g. tcdesk demo --db ~/tcdesk-demo.sqlite3"
    )
    assert not default_db_path().exists()
    assert main(["demo", "--db", str(default_db_path())]) == 2  # named explicitly: still no
    assert "never the practice file" in _one_line_error(capsys)
    assert not default_db_path().exists()
    practice = tmp_path / "from-env.sqlite3"  # $TCDESK_DB is the practice's file too
    monkeypatch.setenv("TCDESK_DB", str(practice))
    assert main(["demo"]) == 2
    assert f"never the practice file ({practice})" in _one_line_error(capsys)
    assert not practice.exists()


def test_a_missing_default_file_suggests_a_separate_demo_file(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    from tcdesk.paths import default_db_path

    assert main(["patients"]) == 2
    line = _one_line_error(capsys)
    assert line == (
        f"tcdesk: No practice file at {default_db_path()}. Open tcdesk to set up your "
        "practice, or try the demo in a file of its own: tcdesk demo --db ~/tcdesk-demo.sqlite3"
    )
    assert not default_db_path().exists()
    other = tmp_path / "trial.sqlite3"
    assert main(["consults", "--db", str(other)]) == 2
    assert f"Build the demo there with 'tcdesk demo --db {other}'" in _one_line_error(capsys)
    assert not other.exists()


def test_an_earlier_days_demo_is_refused_or_kept_aside_with_fresh(tmp_path: Path, capsys) -> None:
    """make demo on the next day: --fresh keeps yesterday's demo under its day's name."""
    from datetime import timedelta

    path = tmp_path / "demo.sqlite3"
    yesterday = FIXED_NOW - timedelta(days=1)
    assert cli_main(["demo", "--db", str(path)], clock=lambda: yesterday) == 0
    capsys.readouterr()
    before = path.read_bytes()
    assert main(["demo", "--db", str(path)]) == 2
    refused = capsys.readouterr().err
    assert "use --fresh to keep this one aside" in refused
    assert path.read_bytes() == before
    assert main(["demo", "--fresh", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    kept = tmp_path / f"demo-{yesterday.astimezone().date().isoformat()}.sqlite3"
    assert out.startswith(f"Kept the demo built for {yesterday.astimezone().date()} as {kept}.")
    assert kept.read_bytes() == before and "Built the demo practice" in out
    assert main(["demo", "--fresh", "--db", str(path)]) == 0  # the same day: nothing moves
    assert "Refreshed the demo practice" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.glob("demo*.sqlite3")) == sorted(
        ["demo.sqlite3", kept.name]
    )
