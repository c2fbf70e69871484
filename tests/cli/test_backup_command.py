"""``tcdesk backup``, ``tcdesk backups`` and ``tcdesk restore``: output, JSON, exit codes."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from tcdesk.cli import main
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.store import engine
from tests.conftest import FIXED_NOW


def _run(argv: list[str], *, later: int = 0) -> int:
    return main(argv, clock=lambda: FIXED_NOW + timedelta(minutes=later))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _name(path: Path) -> str:
    conn = engine.connect(path)
    try:
        return conn.execute("SELECT name FROM practices").fetchone()[0]
    finally:
        conn.close()


def test_back_up_now_then_list_them(demo_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["backup", "--db", str(demo_store)]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Backed up demo.sqlite3 to ") and "checked: ok" in said
    assert _run(["backup", "--db", str(demo_store), "--json"], later=1) == 0
    made = json.loads(capsys.readouterr().out)
    assert (made["reason"], made["ok"]) == ("manual", True) and Path(made["file"]).exists()
    assert _run(["backups", "--db", str(demo_store), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["backups"][0]["file"] == made["file"]  # newest first
    assert [(b["reason"], b["ok"]) for b in listed["backups"]] == [("manual", True)] * 2
    assert _run(["backups", "--db", str(demo_store)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[1].split() == ["Taken", "Why", "Size", "Check", "Encrypted", "File"]
    assert "Backed up by hand" in table[3] and " ok " in table[3]


def test_backup_to_another_folder_and_point_this_computer_there(
    demo_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    usb = tmp_path / "usb"
    assert _run(["backup", "--db", str(demo_store), "--to", str(usb), "--json"]) == 0
    assert Path(json.loads(capsys.readouterr().out)["file"]).parent == usb
    other = tmp_path / "other-disk"
    assert _run(["backups", "--db", str(demo_store), "--folder", str(other)]) == 0
    assert f"now go to {other}" in capsys.readouterr().out
    assert MachineSettingsStore().load().backups_folder == str(other)
    assert _run(["backup", "--db", str(demo_store), "--json"]) == 0
    assert Path(json.loads(capsys.readouterr().out)["file"]).parent == other


def test_restore_round_trip_without_a_terminal_needs_yes(
    demo_store: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _run(["backup", "--db", str(demo_store), "--json"]) == 0
    made = json.loads(capsys.readouterr().out)["file"]
    conn = engine.connect(demo_store)
    conn.execute("UPDATE practices SET name = 'Changed'")
    conn.commit()
    conn.close()
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a tty: nobody to ask
    assert _run(["restore", made, "--db", str(demo_store)], later=5) == 2
    assert "add --yes" in capsys.readouterr().err and _name(demo_store) == "Changed"
    assert _run(["restore", made, "--db", str(demo_store), "--yes"], later=5) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"Restored demo.sqlite3 from {Path(made).name}.")
    assert "-before-restore.sqlite3" in said
    assert _name(demo_store) != "Changed"


def test_a_refused_file_is_one_line_exit_2_and_nothing_changes(
    demo_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    foreign = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE invoices (n INTEGER)")
    conn.commit()
    conn.close()
    before = _digest(demo_store)
    assert _run(["restore", str(foreign), "--db", str(demo_store), "--yes"]) == 2
    err = capsys.readouterr().err
    assert err == "tcdesk: other.sqlite3 is an SQLite database but not a tcdesk practice file.\n"
    assert _digest(demo_store) == before
    assert not demo_store.with_name("demo-backups").exists()  # no before-restore copy either


def test_backup_of_a_missing_file_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(["backup", "--db", str(tmp_path / "none.sqlite3")]) == 2
    assert capsys.readouterr().err.startswith("tcdesk: No practice file at ")
    assert not (tmp_path / "none.sqlite3").exists()


def test_a_backup_is_in_the_audit_trail(tmp_path, capsys) -> None:
    """Who backed up, when and why: `tcdesk audit` says so (the file's name, no patient data)."""
    import json as json_module

    from tcdesk.cli import main as cli_main
    from tests.conftest import FIXED_NOW
    from tests.intake_practice import practice

    store = tmp_path / "practice.sqlite3"
    practice(store).close()
    assert cli_main(["backup", "--db", str(store), "--json"], clock=lambda: FIXED_NOW) == 0
    made = json_module.loads(capsys.readouterr().out)
    assert cli_main(["audit", "--db", str(store), "--json"], clock=lambda: FIXED_NOW) == 0
    lines = json_module.loads(capsys.readouterr().out)
    backed = [line for line in lines if line["action"] == "backup_made"]
    assert len(backed) == 1
    assert backed[0]["what"] == "backed up" and backed[0]["detail"] == "manual"
    assert Path(made["file"]).name in backed[0]["about"]
