"""What About says comes from the installed metadata and pyproject.toml, not a copy."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tcdesk import __version__
from tcdesk.services.about import about, licence, user_guide_path

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_version_and_licence_match_pyproject() -> None:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    facts = about(Path("/somewhere/practice.sqlite3"))
    assert facts.version == project["version"] == __version__
    assert licence() == project["license"]["text"]
    assert facts.store_path == Path("/somewhere/practice.sqlite3")
    labels = [label for label, _value in facts.lines()]
    assert labels[:2] == ["Version", "Practice file"]


def test_the_guide_is_looked_for_in_docs() -> None:
    assert user_guide_path() == PYPROJECT.parent / "docs" / "guide.md"
