"""``tcdesk targets``: show, change (same checks as Settings), one-line refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tcdesk.cli import main
from tests.conftest import FIXED_NOW
from tests.intake_practice import practice


@pytest.fixture
def store(empty_store: Path) -> Path:
    practice(empty_store).close()
    return empty_store


def run(store: Path, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["targets", *args, "--db", str(store)], clock=lambda: FIXED_NOW)
    out, err = capsys.readouterr()
    return code, out, err


def test_show_and_change(store: Path, capsys) -> None:
    code, out, _ = run(store, capsys)
    assert code == 0 and "Case acceptance: 75%" in out and "within 2 business days" in out
    code, out, _ = run(
        store, capsys, "--acceptance", "80", "--same-day", "40", "--follow-up-days", "1"
    )
    assert code == 0 and out.startswith("Saved the targets.")
    code, out, _ = run(store, capsys, "--json")
    assert json.loads(out) == {
        "acceptance_pct": "80",
        "same_day_pct": "40",
        "follow_up_business_days": 1,
    }


def test_a_bad_value_names_its_flag_and_saves_nothing(store: Path, capsys) -> None:
    code, _, err = run(store, capsys, "--acceptance", "70", "--follow-up-days", "45")
    assert code == 2
    assert err == "tcdesk: --follow-up-days: The follow-up target must be between 0 and 30.\n"
    _, out, _ = run(store, capsys, "--json")
    assert json.loads(out)["acceptance_pct"] == "75"
