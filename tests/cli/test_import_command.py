"""``tcdesk import patients`` and ``tcdesk export``: the JSON shape, the report, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tcdesk.cli import main
from tests.conftest import FIXED_NOW
from tests.services.importer.import_files import HEADER, backups, csv_file, set_up, store_state

ROWS = (
    "C1,José,Peña,03/04/2012,503.555.0101,jose@example.com,Referral - Dr,María Peña,Mother",
    "C2,Ann,Lee,07/21/1990,5035550102,ann@,Facebook,,",
    "C3,Kid,Alone,01/02/2015,,,,,",
)


@pytest.fixture
def practice_store(empty_store: Path) -> Path:
    return set_up(empty_store)


def _run(argv: list[str]) -> int:
    return main(argv, clock=lambda: FIXED_NOW)


def _one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    return lines[0]


def test_json_has_exactly_the_promised_keys_first(
    practice_store: Path, tmp_path: Path, capsys
) -> None:
    path = csv_file(tmp_path, HEADER, *ROWS)
    assert _run(["import", "patients", str(path), "--db", str(practice_store), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert list(result)[:3] == ["imported", "duplicates", "invalid"]
    assert result["imported"] == 1 and result["duplicates"] == 0
    assert result["invalid"] == [
        {"row": 3, "reason": '"ann@" is not an email address (like name@example.com).'},
        {"row": 4, "reason": "Kid Alone is under 18 and the row names no parent or guardian"},
    ]
    assert (result["encoding"], result["date_format"], result["dry_run"]) == (
        "UTF-8", "MM/DD/YYYY", False,
    )  # fmt: skip
    assert Path(result["backup"]) == backups(practice_store)[0]
    assert _run(["import", "patients", str(path), "--db", str(practice_store), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["imported"], again["duplicates"], len(again["invalid"])) == (0, 1, 2)


def test_the_readable_report(practice_store: Path, tmp_path: Path, capsys) -> None:
    path = csv_file(tmp_path, HEADER, *ROWS, encoding="cp1252")
    assert _run(["import", "patients", str(path), "--db", str(practice_store)]) == 0
    out = capsys.readouterr().out
    assert "export.csv: Imported 1 patient; 0 duplicates" in out
    assert "Read as Windows-1252; dates MM/DD/YYYY" in out
    assert "row 3: " in out and "row 4: Kid Alone is under 18" in out
    assert "Backup of the practice file before the import:" in out


def test_a_dry_run_changes_nothing(practice_store: Path, tmp_path: Path, capsys) -> None:
    before = store_state(practice_store)
    path = csv_file(tmp_path, HEADER, *ROWS)
    argv = ["import", "patients", str(path), "--db", str(practice_store), "--dry-run"]
    assert _run(argv) == 0
    out = capsys.readouterr().out
    assert "Would import 1 patient" in out and "Dry run: nothing was imported" in out
    assert store_state(practice_store) == before and backups(practice_store) == []


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "export.csv is empty"),
        (HEADER + "\n", "has a header line but no rows"),
        ("first_name,email\nAnn,a@b.co\n", "no column for: last name, date of birth"),
        (HEADER + "\nC1,Ann\nC2,Bo\n", "rows 2, 3 do not have the 9 fields"),
        ("PK\x03\x04rest", "not a CSV file"),
    ],
)
def test_a_refused_file_exits_2_with_one_line(
    practice_store: Path, tmp_path: Path, capsys, text: str, says: str
) -> None:
    before = store_state(practice_store)
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    assert _run(["import", "patients", str(path), "--db", str(practice_store), "--json"]) == 2
    line = _one_error_line(capsys)
    assert line.startswith("tcdesk: ") and says in line
    assert store_state(practice_store) == before


def test_a_mapping_with_a_column_the_file_lacks_is_refused(
    practice_store: Path, tmp_path: Path, capsys
) -> None:
    path = csv_file(tmp_path, HEADER, ROWS[0])
    mapping = tmp_path / "MAPPING.toml"
    mapping.write_text('[columns]\nbirth_date = "Birthday"\n', encoding="utf-8")
    argv = ["import", "patients", str(path), "--map", str(mapping), "--db", str(practice_store)]
    assert _run(argv) == 2
    assert 'columns the file does not have: "Birthday"' in _one_error_line(capsys)


def test_export_then_import_is_all_duplicates(demo_store: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "patients.csv"
    assert _run(["export", "patients", "--out", str(out), "--db", str(demo_store)]) == 0
    written = capsys.readouterr().out
    assert written.startswith("Wrote ") and " patients to " in written
    assert _run(["import", "patients", str(out), "--db", str(demo_store), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["imported"] == 0 and result["duplicates"] >= 40 and result["invalid"] == []


def test_export_refuses_to_overwrite_unless_forced(demo_store: Path, tmp_path, capsys) -> None:
    out = tmp_path / "consults.csv"
    out.write_text("mine", encoding="utf-8")
    assert _run(["export", "consults", "--out", str(out), "--db", str(demo_store)]) == 2
    assert "already exists; use --force" in _one_error_line(capsys)
    assert out.read_text(encoding="utf-8") == "mine"
    argv = ["export", "consults", "--out", str(out), "--db", str(demo_store), "--force"]
    assert _run(argv) == 0
    assert out.read_text(encoding="utf-8").startswith("consult_id,patient_id,first_name")
