"""``tcdesk kpi``: the issue's JSON keys with hand-computed values; readable text; clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tcdesk.cli import main
from tests.conftest import FIXED_NOW
from tests.intake_practice import practice
from tests.services.kpi_seed import seed

ISSUE_KEYS = {
    "held",
    "started",
    "no_shows",
    "case_acceptance",
    "case_acceptance_excl_observation",
    "same_day_start_rate",
    "pending_count",
    "pending_value",
    "no_show_rate",
    "consult_to_start_days_median",
    "consult_to_start_days_mean",
    "observation_share",
}
PERIOD = ("--from", "2026-09-01", "--to", "2026-10-31")


@pytest.fixture
def store(empty_store: Path) -> Path:
    desk = practice(empty_store)
    seed(desk)
    desk.close()
    return empty_store


def run(store: Path, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["kpi", *args, "--db", str(store)], clock=lambda: FIXED_NOW)
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_the_issue_keys_and_values(store: Path, capsys) -> None:
    code, out, _ = run(store, capsys, *PERIOD, "--json")
    data = json.loads(out)
    assert code == 0
    assert set(data) >= ISSUE_KEYS
    assert {key: data[key] for key in sorted(ISSUE_KEYS)} == {
        "case_acceptance": 0.3333,
        "case_acceptance_excl_observation": 0.375,
        "consult_to_start_days_mean": 18.3,
        "consult_to_start_days_median": 10.0,
        "held": 9,
        "no_show_rate": 0.1,
        "no_shows": 1,
        "observation_share": 0.1111,
        "pending_count": 2,
        "pending_value": "7300.00",
        "same_day_start_rate": 0.1111,
        "started": 3,
    }
    assert data["lead_to_consult"] == 0.6667
    assert [m["key"] for m in data["by_month"]] == ["2026-09", "2026-10"]


def test_filters_on_the_command_line(store: Path, capsys) -> None:
    _, out, _ = run(store, capsys, *PERIOD, "--coordinator", "Ben Cho", "--json")
    ben = json.loads(out)
    assert (ben["held"], ben["started"], ben["pending_value"]) == (3, 1, "3800.00")
    _, out, _ = run(store, capsys, *PERIOD, "--office", "Hillcrest", "--source", "phone", "--json")
    hill_phone = json.loads(out)
    assert (hill_phone["held"], hill_phone["started"]) == (1, 0)  # C3 started on day 46
    _, out, _ = run(
        store, capsys, *PERIOD, "--doctor", "Dr. Mia Kim", "--flow", "standard", "--json"
    )
    assert json.loads(out)["held"] == 3


def test_an_empty_period_is_null_not_an_error(store: Path, capsys) -> None:
    code, out, _ = run(store, capsys, "--from", "2026-01-01", "--to", "2026-01-31", "--json")
    data = json.loads(out)
    assert code == 0 and data["held"] == 0 and data["message"] == "no consults in this period"
    assert data["case_acceptance"] is None and data["no_show_rate"] is None
    assert data["pending_value"] == "0.00"
    code, out, _ = run(store, capsys, "--from", "2026-01-01", "--to", "2026-01-31")
    assert "No consults in this period." in out


def test_text_reads_like_a_report(store: Path, capsys) -> None:
    code, out, _ = run(store, capsys, *PERIOD)
    assert code == 0
    assert "Case acceptance                        33.3%" in out
    assert "Pending                                2 ($7,300.00)" in out
    assert "Follow-up within 2 business days: 50.0% of 100%" in out
    assert "Ana Ruiz" in out and "Ben Cho" in out and "Website" in out
    assert "within 45 days" in out


def test_bad_input_is_one_line_and_exit_2(store: Path, capsys) -> None:
    code, _, err = run(store, capsys, "--from", "yesterday")
    assert code == 2
    assert err.strip() == (
        "tcdesk: --from must be a date like 2026-12-01 (or 'today'), not 'yesterday'."
    )
    code, _, err = run(store, capsys, "--source", "pigeon")
    assert code == 2 and "not a lead source" in err and len(err.strip().splitlines()) == 1


def test_the_months_counted_are_kept_for_the_next_run(store: Path, capsys) -> None:
    from tcdesk.store import engine

    code, first, _ = run(store, capsys, *PERIOD, "--json")
    assert code == 0
    conn = engine.connect(store)  # with the passphrase in use, on an encrypted run
    try:
        kept = conn.execute(
            "SELECT count(*) FROM kpi_month_counts WHERE key LIKE '%|consults|%'"
        ).fetchone()[0]
    finally:
        conn.close()
    assert kept == 2  # September and October
    code, again, _ = run(store, capsys, *PERIOD, "--json")
    assert (code, again) == (0, first)
