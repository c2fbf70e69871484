"""Content files and the timeline (money and dates: tests/test_formatting.py)."""

from __future__ import annotations

import shutil
import tomllib
from datetime import date
from pathlib import Path

import pytest

from tcdesk.domain import ConditionCode, Severity
from tcdesk.render import (
    DEFAULT_WORDING,
    ContentError,
    add_months,
    build_timeline,
    check_content,
    default_content_dir,
    load_content,
)
from tcdesk.render.timeline import finishing_months

# -- months on the timeline --------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 11, 27), 24, date(2028, 11, 27)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 3, 10), 0, date(2026, 3, 10)),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


# -- timeline ------------------------------------------------------------------------------


CONTENT = load_content()


def test_timeline_for_braces() -> None:
    timeline = build_timeline(date(2027, 1, 15), 24, 6, CONTENT, treatment_type="metal_braces")
    assert (timeline["months"], timeline["start_label"], timeline["end_label"]) == (
        24,
        "Jan 2027",
        "Jan 2029",
    )
    phases = timeline["phases"]
    assert [p["key"] for p in phases] == ["records", "start", "active", "finishing", "retainers"]
    assert [(p["start_month"], p["end_month"]) for p in phases] == [
        (0, 0),
        (0, 1),
        (1, 20),
        (20, 24),
        (24, 24),
    ]
    assert phases[1]["detail"] == "Braces go on"
    assert phases[2]["detail"] == "A visit every 6 weeks"
    assert phases[3]["date_label"] == "Sep 2028"


def test_timeline_for_aligners_and_short_and_no_treatment() -> None:
    aligners = build_timeline(date(2027, 1, 15), 12, 8, CONTENT, treatment_type="clear_aligners")
    assert aligners["phases"][1]["detail"] == "Your first aligners"
    short = build_timeline(date(2027, 1, 15), 3, 4, CONTENT)
    assert [p["key"] for p in short["phases"]] == ["records", "start", "active", "retainers"]
    one = build_timeline(date(2027, 1, 15), 1, 4, CONTENT)
    assert [p["key"] for p in one["phases"]] == ["records", "start", "retainers"]
    none = build_timeline(date(2027, 1, 15), 0, 0, CONTENT)
    assert none["phases"] == [] and none["end_label"] == "Jan 2027"


@pytest.mark.parametrize(
    ("months", "finish"), [(0, 0), (3, 0), (4, 1), (12, 2), (18, 3), (24, 4), (36, 4)]
)
def test_finishing_months(months: int, finish: int) -> None:
    assert finishing_months(months) == finish


# -- content files -----------------------------------------------------------------------


def test_shipped_content_covers_every_code_and_severity() -> None:
    assert set(CONTENT.conditions) == {c.value for c in ConditionCode}
    assert set(CONTENT.severity_labels) == {s.value for s in Severity}
    for code in ConditionCode:
        for severity in Severity:
            described = CONTENT.describe_finding(code.value, severity.value)
            assert all(described.values()), (code, severity)
            assert len(described["what_it_is"]) <= 140 and len(described["if_untreated"]) <= 140


def test_shipped_wording_sets_every_key() -> None:
    data = tomllib.loads((default_content_dir() / "wording.toml").read_text(encoding="utf-8"))
    flat = set()
    stack = [("", data)]
    while stack:
        prefix, table = stack.pop()
        for key, value in table.items():
            if isinstance(value, dict):
                stack.append((f"{prefix}{key}.", value))
            elif key != "format":
                flat.add(f"{prefix}{key}")
    assert flat == set(DEFAULT_WORDING)


def test_unknown_condition_code_falls_back_gracefully() -> None:
    described = CONTENT.describe_finding("tongue_thrust", "odd")
    assert described == {
        "label": "Tongue thrust",
        "severity_label": "Odd",
        "what_it_is": "",
        "if_untreated": "",
    }


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(default_content_dir(), target)
    return target


def _errors(folder: Path) -> list[ContentError]:
    content, errors = check_content(folder)
    assert content is None
    return errors


def test_condition_file_problems_have_keys_and_lines(content_dir: Path) -> None:
    path = content_dir / "conditions.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('label = "Overjet"\n', "")
    text = text.replace("[conditions.crossbite.severe]", "[conditions.crossbite.sever]")
    text += '\n[conditions.tongue_thrust]\nlabel = "x"\n'
    path.write_text(text, encoding="utf-8")
    errors = _errors(content_dir)
    by_key = {e.key: e for e in errors}
    assert set(by_key) == {
        "conditions.tongue_thrust",
        "conditions.overjet.label",
        "conditions.crossbite.sever",
    }
    lines = text.splitlines()
    sever = by_key["conditions.crossbite.sever"]
    assert lines[sever.line - 1].startswith("[conditions.crossbite.sever]")
    assert "unknown condition code" in by_key["conditions.tongue_thrust"].message
    assert str(sever) == f"{path}:{sever.line}: key 'conditions.crossbite.sever': {sever.message}"


def test_condition_file_missing_code(content_dir: Path) -> None:
    path = content_dir / "conditions.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index("[conditions.missing]")
    path.write_text(text[:start], encoding="utf-8")
    (error,) = _errors(content_dir)
    assert error.key == "conditions.missing" and "missing" in error.message


def test_wording_problems(content_dir: Path) -> None:
    path = content_dir / "wording.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('months = "About {months} months"', 'months = "About {weeks} months"')
    text = text.replace('fee = "Treatment fee"', 'fee = "Treatment fee"\nfees = "x"')
    text = text.replace('no_fee = "No charge"', "no_fee = 0")
    path.write_text(text, encoding="utf-8")
    errors = {e.key: e for e in _errors(content_dir)}
    assert set(errors) == {"options.months", "investment.fees", "options.no_fee"}
    assert "unknown placeholder {weeks}" in errors["options.months"].message
    assert "{months}" in errors["options.months"].message
    lines = text.splitlines()
    assert lines[errors["options.months"].line - 1].startswith("months = ")
    assert lines[errors["investment.fees"].line - 1].startswith("fees = ")


def test_wording_keys_are_optional(content_dir: Path) -> None:
    (content_dir / "wording.toml").write_text('format = 1\n[options]\nno_fee = "Free"\n')
    content = load_content(content_dir)
    assert content.word("options.no_fee") == "Free"
    assert content.word("options.months", months=3) == DEFAULT_WORDING["options.months"][0].format(
        months=3
    )


def test_bad_format_syntax_and_missing_files(content_dir: Path) -> None:
    (content_dir / "wording.toml").write_text("format = 2\n")
    (content_dir / "conditions.toml").write_text("format = 1\n[severity\n")
    errors = _errors(content_dir)
    assert [(e.path.name, e.line) for e in errors] == [("conditions.toml", 2), ("wording.toml", 1)]
    assert "TOML syntax error" in errors[0].message and "not supported" in errors[1].message
    (content_dir / "wording.toml").unlink()
    assert any(e.message == "no such file" for e in _errors(content_dir))
    with pytest.raises(ContentError):
        load_content(content_dir)
