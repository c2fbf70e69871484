"""``tcdesk quote``: figures as JSON or a table, one-line errors, the practice policy with --db."""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from tcdesk.cli import main as cli_main
from tcdesk.money import PolicyLimits, add_months
from tests.conftest import local_moment

NOW = local_moment(date(2025, 1, 10), 12)  # "today" for these tests: 2025-01-10


def main(argv: Sequence[str], *, now: datetime = NOW) -> int:
    """The real CLI with its clock fixed, so agreement dates in 2025 stay plausible."""
    return cli_main(argv, clock=lambda: now)


WORKED_EXAMPLE = [
    "quote", "--fee", "5000", "--down", "1250", "--months", "24",
    "--pif-discount", "5", "--start", "2025-01-15",
]  # fmt: skip

JSON_KEYS = {
    "plan",
    "agreement_date",
    "total_fee",
    "discounts",
    "insurance_estimate",
    "patient_portion",
    "down_payment",
    "amount_financed",
    "finance_charge",
    "apr",
    "total_of_payments",
    "total_sale_price",
    "disclosure_required",
    "payments",
}


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> dict:
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _error(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    return lines[0]


@pytest.fixture
def policy_module(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """Stand in for ``tcdesk.services.policy`` so these tests need no real store."""
    module = types.ModuleType("tcdesk.services.policy")
    module.calls = []  # type: ignore[attr-defined]

    def load_policy_limits(db_path: Path) -> PolicyLimits:
        module.calls.append(db_path)  # type: ignore[attr-defined]
        return module.limits  # type: ignore[attr-defined]

    module.load_policy_limits = load_policy_limits  # type: ignore[attr-defined]
    module.limits = PolicyLimits(  # type: ignore[attr-defined]
        min_down_percent=Decimal(20), max_months=24, pif_discount_percent=Decimal(5)
    )
    monkeypatch.setitem(sys.modules, "tcdesk.services.policy", module)
    return module


def test_worked_example_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, WORKED_EXAMPLE)
    assert set(data) == JSON_KEYS
    assert (data["plan"], data["agreement_date"]) == ("installments", "2025-01-15")
    assert data["total_fee"] == "5000.00"
    assert data["discounts"] == []
    assert data["insurance_estimate"] == "0.00"
    assert data["patient_portion"] == "5000.00"
    assert data["down_payment"] == "1250.00"
    assert data["amount_financed"] == "3500.00"
    assert data["finance_charge"] == "250.00"
    assert data["apr"] == "6.71"
    assert data["total_of_payments"] == "3750.00"
    assert data["total_sale_price"] == "5000.00"
    assert data["disclosure_required"] is True
    assert len(data["payments"]) == 24
    assert data["payments"][0] == {
        "number": 1,
        "due": "2025-02-15",
        "amount": "156.25",
        "principal": "156.25",
        "interest": "0.00",
    }
    assert data["payments"][-1]["due"] == "2027-01-15"


def test_apr_plan_with_insurance_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(
        capsys,
        [
            "quote", "--fee", "6,500", "--months", "36", "--apr", "12", "--start", "2025-01-15",
            "--insurance-pct", "50", "--insurance-max", "2000", "--insurance-used", "500",
        ],
    )  # fmt: skip
    assert data["insurance_estimate"] == "1500.00"
    assert data["patient_portion"] == "5000.00"
    assert data["payments"][0]["amount"] == "166.07"
    assert data["payments"][0]["interest"] == "50.00"
    assert data["apr"] == "12.00"
    amounts = [Decimal(p["amount"]) for p in data["payments"]]
    assert sum(amounts) == Decimal(data["total_of_payments"])
    assert Decimal(data["amount_financed"]) + Decimal(data["finance_charge"]) == sum(amounts)


def test_remainder_flag(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["quote", "--fee", "5997", "--months", "36", "--start", "2025-01-15"]
    first = _json(capsys, argv)["payments"]
    last = _json(capsys, [*argv, "--remainder", "last"])["payments"]
    assert (first[0]["amount"], first[-1]["amount"]) == ("166.70", "166.58")
    assert (last[0]["amount"], last[-1]["amount"]) == ("166.58", "166.70")


def test_first_due_flag_and_default_start_today(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(
        capsys, ["quote", "--fee", "1200", "--months", "3", "--start", "2025-01-01",
                 "--first-due", "2025-02-15"]
    )  # fmt: skip
    assert [p["due"] for p in data["payments"]] == ["2025-02-15", "2025-03-15", "2025-04-15"]
    data = _json(capsys, ["quote", "--fee", "1200", "--months", "3"])
    assert data["payments"][0]["due"] == add_months(date(2025, 1, 10), 1).isoformat()


def test_table_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(WORKED_EXAMPLE) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert any(line.startswith("Amount financed") and line.endswith("$3,500.00") for line in lines)
    assert any(
        line.startswith("Annual percentage rate") and line.endswith("6.71%") for line in lines
    )
    assert "Truth in Lending disclosure (12 CFR 1026.18): required" in out
    header = next(line for line in lines if "Principal" in line)
    first = lines[lines.index(header) + 1]
    assert first.split() == ["1", "2025-02-15", "$156.25", "$156.25", "$0.00"]
    # amounts are right-aligned under their headings
    assert header.index("Interest") + len("Interest") == first.index("$0.00") + len("$0.00")
    assert len([line for line in lines if line.strip().startswith(tuple("0123456789"))]) >= 24


def test_table_shows_the_insurance_disclaimer(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["quote", "--fee", "5000", "--months", "12", "--insurance-pct", "50",
            "--start", "2025-01-15"]  # fmt: skip
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "Insurance is an estimate, not a guarantee of payment" in out


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--fee", "0", "--months", "12"], "tcdesk: --fee: The total fee must be more than $0.00."),
        (["--fee", "-5", "--months", "12"], "tcdesk: --fee: The fee cannot be negative."),
        (
            ["--fee", "abc", "--months", "12"],
            "tcdesk: --fee: Fee must be a number like 5000 or 5,000.00, not 'abc'.",
        ),
        (
            ["--fee", "5000", "--months", "12", "--down", "6000"],
            "tcdesk: --down: The down payment ($6,000.00) is more than the patient portion "
            "($5,000.00).",
        ),
        (
            ["--fee", "5000", "--months", "0"],
            "tcdesk: --months: Number of months must be at least 1 (got 0).",
        ),
        (
            ["--fee", "5000", "--months", "121"],
            "tcdesk: --months: Number of months can't be more than 120 (got 121).",
        ),
        (
            ["--fee", "5000", "--months", "twelve"],
            "tcdesk: --months: Number of months must be a whole number like 24, not 'twelve'.",
        ),
        (
            ["--fee", "5000", "--months", "12", "--insurance-pct", "150"],
            "tcdesk: --insurance-pct: Insurance coverage can't be more than 100% (got 150%).",
        ),
        (
            ["--fee", "5000", "--months", "12", "--first-due", "2025-01-01"],
            "tcdesk: --first-due: The first payment can't be due (2025-01-01) before the "
            "agreement date (2025-01-15).",
        ),
        (
            ["--fee", "5000", "--months", "12", "--first-due", "01/02/2025"],
            "tcdesk: --first-due: First due date must be a date like 2025-03-15, not '01/02/2025'.",
        ),
        (
            ["--fee", "5000", "--months", "12", "--apr", "twelve"],
            "tcdesk: --apr: APR must be a percent like 5 or 12.5, not 'twelve'.",
        ),
        (
            ["--fee", "100", "--months", "120", "--apr", "99"],
            "tcdesk: --apr: A monthly payment of $8.25 would not cover the first month's "
            "interest of $8.25; use fewer months, a lower APR or a larger amount.",
        ),
        (
            ["--fee", "5000", "--months", "12", "--insurance-max", "1500"],
            "tcdesk: Give the insurance coverage (--insurance-pct) with its maximum or amount "
            "used.",
        ),
    ],
)
def test_bad_input_is_one_line_with_its_own_message(
    capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    assert _error(capsys, ["quote", "--start", "2025-01-15", *extra]) == message


def test_missing_fee_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["quote", "--months", "12"])
    assert exit_info.value.code == 2
    assert "--fee" in capsys.readouterr().err


def test_without_db_no_policy_and_no_default_database(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    policy_module: types.ModuleType,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("TCDESK_DB", str(tmp_path / "practice.sqlite3"))
    data = _json(capsys, ["quote", "--fee", "5000", "--down", "0", "--months", "60",
                          "--start", "2025-01-15"])  # fmt: skip
    assert len(data["payments"]) == 60  # breaks the policy, but no policy applies
    assert policy_module.calls == []
    assert not (tmp_path / "practice.sqlite3").exists()


def test_with_db_a_broken_limit_is_refused_with_its_sentence(
    capsys: pytest.CaptureFixture[str], policy_module: types.ModuleType, tmp_path: Path
) -> None:
    db = tmp_path / "practice.sqlite3"
    line = _error(capsys, ["quote", "--db", str(db), "--fee", "5000", "--down", "100",
                           "--months", "12", "--start", "2025-01-15"])  # fmt: skip
    assert line == (
        "tcdesk: Down payment $100.00 is below the practice minimum of $1,000.00 "
        "(20% of the patient portion)."
    )
    assert policy_module.calls == [db]


def test_with_db_every_broken_limit_is_said(
    capsys: pytest.CaptureFixture[str], policy_module: types.ModuleType
) -> None:
    line = _error(capsys, ["quote", "--db", "x.sqlite3", "--fee", "5000", "--months", "36",
                           "--start", "2025-01-15"])  # fmt: skip
    assert "below the practice minimum of $1,000.00" in line
    assert "36 monthly payments is more than the practice maximum of 24." in line


def test_with_db_the_policy_sets_the_defaults(
    capsys: pytest.CaptureFixture[str], policy_module: types.ModuleType
) -> None:
    argv = ["quote", "--db", "x.sqlite3", "--fee", "5000", "--down", "1250", "--months", "24",
            "--start", "2025-01-15"]  # fmt: skip
    data = _json(capsys, argv)
    assert data["finance_charge"] == "250.00"  # the policy's 5% pay-in-full discount given up
    assert data["apr"] == "6.71"


def test_with_db_the_compliance_warning_goes_to_stderr(
    capsys: pytest.CaptureFixture[str], policy_module: types.ModuleType
) -> None:
    policy_module.limits = PolicyLimits(  # type: ignore[attr-defined]
        min_down_percent=Decimal(20),
        pif_discount_percent=Decimal(5),
        pif_discount_is_finance_charge=False,
    )
    argv = ["quote", "--db", "x.sqlite3", "--fee", "5000", "--down", "1250", "--months", "24",
            "--start", "2025-01-15", "--json"]  # fmt: skip
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["finance_charge"] == "0.00"
    assert "tcdesk: warning: The pay-in-full discount a family gives up" in captured.err


def test_table_groups_unequal_payments(capsys) -> None:
    assert main(["quote", "--fee", "5997", "--months", "36", "--start", "2025-01-15"]) == 0
    out = capsys.readouterr().out
    assert "1 x $166.70 + 35 x $166.58" in out


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            ["--fee", "99999999999999999999999", "--months", "24"],
            "tcdesk: --fee: The fee cannot be more than $1,000,000.00.",
        ),
        (
            ["--fee", "1" + "0" * 30, "--months", "24"],
            "tcdesk: --fee: The fee cannot be more than $1,000,000.00.",
        ),
        (
            ["--fee", "1e27", "--months", "24"],
            "tcdesk: --fee: Fee must be a number like 5000 or 5,000.00, not '1e27'.",
        ),
        (
            ["--fee", "nan", "--months", "24"],
            "tcdesk: --fee: Fee must be a number like 5000 or 5,000.00, not 'nan'.",
        ),
        (
            ["--fee", "5000", "--down", "2000000", "--months", "24"],
            "tcdesk: --down: The down payment cannot be more than $1,000,000.00.",
        ),
        (
            ["--fee", "5000", "--months", "1000"],
            "tcdesk: --months: Number of months can't be more than 120 (got 1000).",
        ),
        (
            ["--fee", "5000", "--months", "24", "--start", "9999-12-01"],
            "tcdesk: --start: The agreement date must be between 2022-01-10 and 2026-01-10 "
            "(3 years back to 1 year ahead of today), not 9999-12-01.",
        ),
        (
            ["--fee", "5000", "--months", "24", "--start", "1800-01-01"],
            "tcdesk: --start: The agreement date must be between 2022-01-10 and 2026-01-10 "
            "(3 years back to 1 year ahead of today), not 1800-01-01.",
        ),
        (
            ["--fee", "5000", "--months", "24", "--first-due", "2031-01-31"],
            "tcdesk: --first-due: The first payment must be due within 90 days of the "
            "agreement date (2025-01-10), by 2025-04-10, not 2031-01-31.",
        ),
    ],
)
def test_implausible_figures_are_refused_naming_the_bound(
    capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    assert _error(capsys, ["quote", *extra]) == message


def test_a_fee_of_one_million_is_still_quoted(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, ["quote", "--fee", "1,000,000", "--months", "24"])
    assert data["total_fee"] == "1000000.00"


def test_the_agreement_window_follows_the_injected_clock(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["quote", "--fee", "5000", "--months", "24", "--start", "2027-06-01", "--json"]
    assert main(argv, now=local_moment(date(2026, 12, 1), 12)) == 0
    capsys.readouterr()
    assert "between 2022-01-10 and 2026-01-10" in _error(capsys, argv[:-1])


def test_a_pif_discount_of_100_percent_says_why(capsys: pytest.CaptureFixture[str]) -> None:
    line = _error(capsys, ["quote", "--fee", "5000", "--months", "24", "--pif-discount", "100"])
    assert line == (
        "tcdesk: --pif-discount: The pay-in-full discount must be less than 100% (100% off "
        "would make the treatment free), not 100%."
    )


def test_remainder_first_with_interest_is_refused_not_ignored(
    capsys: pytest.CaptureFixture[str],
) -> None:
    line = _error(
        capsys, ["quote", "--fee", "5000", "--months", "24", "--apr", "5", "--remainder", "first"]
    )
    assert line.startswith("tcdesk: --remainder first works only at 0% APR")
    last = _json(
        capsys, ["quote", "--fee", "5000", "--months", "24", "--apr", "5", "--remainder", "last"]
    )
    assert last["payments"][0]["amount"] == last["payments"][1]["amount"]


def test_pay_in_full_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, ["quote", "--fee", "5000", "--pay-in-full", "--pif-discount", "5"])
    assert data == {
        "plan": "pay_in_full",
        "agreement_date": "2025-01-10",
        "total_fee": "5000.00",
        "discounts": [],
        "insurance_estimate": "0.00",
        "patient_portion": "5000.00",
        "pay_in_full_discount": {"name": "Pay-in-full discount (5%)", "amount": "250.00"},
        "amount_due": "4750.00",
    }


def test_pay_in_full_table_with_insurance(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["quote", "--fee", "6500", "--pay-in-full", "--pif-discount", "5", "--insurance-pct",
            "50", "--insurance-max", "1500", "--treatment-months", "24"]  # fmt: skip
    assert main(argv) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert any(line.startswith("Patient portion") and line.endswith("$5,000.00") for line in lines)
    assert any(line.strip().startswith("Pay-in-full discount (5%)") for line in lines)
    assert any(
        line.startswith("Due in full on 2025-01-10") and line.endswith("$4,750.00")
        for line in lines
    )
    assert "Truth in Lending disclosure" not in out and "Principal" not in out
    assert "Insurance is an estimate, not a guarantee of payment" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--fee", "5000", "--pay-in-full", "--months", "12", "--down", "100"],
            "tcdesk: --pay-in-full has no payment plan; leave out --down, --months.",
        ),
        (["--fee", "5000"], "tcdesk: Give --months N for a payment plan, or --pay-in-full."),
        (
            ["--fee", "5000", "--pay-in-full", "--insurance-pct", "50"],
            "tcdesk: With --pay-in-full and insurance, give --treatment-months N: the insurer "
            "pays over the treatment.",
        ),
    ],
)
def test_pay_in_full_mistakes_are_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert _error(capsys, ["quote", *argv]) == message
