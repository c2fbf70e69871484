"""``tcdesk about``: the same facts as Help > About, for support on the command line."""

from __future__ import annotations

import json
from pathlib import Path

from tcdesk.cli import main
from tcdesk.paths import config_dir, data_dir, log_dir
from tcdesk.services.about import installed_version


def test_about_names_the_version_and_the_file_given(tmp_path: Path, capsys) -> None:
    store = tmp_path / "practice.sqlite3"
    assert main(["about", "--db", str(store)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["Version", installed_version()]
    assert any(line.startswith("Practice file") and line.endswith(str(store)) for line in lines)
    assert not store.exists()  # asking about a file never creates it


def test_about_json(tmp_path: Path, capsys) -> None:
    store = tmp_path / "p.sqlite3"
    assert main(["about", "--db", str(store), "--json"]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert facts["store_path"] == str(store)
    assert facts["licence"] == "MIT"  # pyproject.toml's
    assert facts["data_folder"] == str(data_dir())
    assert facts["config_folder"] == str(config_dir())
    assert facts["log_folder"] == str(log_dir())
