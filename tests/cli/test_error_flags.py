"""Every refusal names the flag or argument it is about, and one check has one wording
(QA items 8 and 9: the money checks in quote, plan, record and fees)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tcdesk.cli import main
from tcdesk.services.desk import Desk
from tests.conftest import FIXED_NOW


def _run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv), clock=lambda: FIXED_NOW)
    return code, capsys.readouterr().err


def _ids(demo_store: Path) -> tuple[str, str]:
    desk = Desk.open(demo_store)
    try:
        entry = next(e for e in desk.patients.list("") if e.latest_consult_id)
        return entry.patient.id, entry.latest_consult_id
    finally:
        desk.close()


def test_each_refusal_names_its_flag(demo_store: Path, capsys) -> None:
    patient, consult = _ids(demo_store)
    db = ["--db", str(demo_store)]
    plan = ["plan", "choose", consult, *db, "--option", "metal_braces"]
    book = ["schedule", "book", patient, *db, "--at", "2027-01-05 09:00", "--doctor", "Raman"]
    record = ["record", "option", "add", consult, *db, "--fee-line", "metal_braces"]
    cases = [
        (["schedule", "book", "nope", *db, "--at", "2027-01-05 09:00"], "PATIENT_ID: There is"),
        ([*book, "--minutes", "5"], "--minutes: The length in minutes must be between 15"),
        ([*plan, "--down", "-5", "--months", "12"], "--down: The down payment cannot be negative."),
        (
            [*plan, "--down", "500", "--months", "12", "--first-due", "2027-13-01"],
            "--first-due: ",
        ),
        ([*plan, "--down", "0", "--months", "60"], "--over-limit-reason: This plan is outside"),
        (["plan", "choose", consult, *db, "--option", "gold", "--pay-in-full"], "--option: "),
        (
            [*record, "--fee", "-5", "--reason", "x"],
            "--fee: The fee cannot be negative.",
        ),
        (["quote", "--fee", "-5", "--months", "12"], "--fee: The fee cannot be negative."),
        (
            ["fees", "add", *db, "--name", "Y", "--fee", "-5"],
            "--fee: The fee cannot be negative.",
        ),
        (
            ["walk-in", "Sam Okafor", *db, "--phone", "12", "--doctor", "Raman"],
            '--phone: "12" is not a phone number.',
        ),
    ]
    for argv, says in cases:
        code, err = _run(capsys, *argv)
        assert code == 2, argv
        assert err.startswith(f"tcdesk: {says}"), (argv, err)
        assert err.count("\n") == 1


def test_a_fee_line_needs_a_fee_and_the_fee_limit_is_the_quotes(demo_store: Path, capsys) -> None:
    db = ["--db", str(demo_store)]
    code, err = _run(capsys, "fees", "add", *db, "--name", "Retainer check")
    assert code == 2 and err == "tcdesk: --fee: The fee is needed.\n"
    too_much = "The fee cannot be more than $1,000,000.00."
    assert _run(capsys, "fees", "add", *db, "--name", "X", "--fee", "1000001") == (
        2,
        f"tcdesk: --fee: {too_much}\n",
    )
    assert _run(capsys, "quote", "--fee", "1000001", "--months", "12") == (
        2,
        f"tcdesk: --fee: {too_much}\n",
    )
    code, err = _run(capsys, "fees", "add", *db, "--name", "Big case", "--fee", "150000")
    assert code == 0, err  # over $100,000 is allowed, as a quote allows it


@pytest.mark.parametrize("flag", ["--fee", "--down"])
def test_quote_fractions_of_a_cent_read_the_same_as_the_fee_schedule(flag: str, capsys) -> None:
    argv = ["quote", "--fee", "5000", "--months", "12", flag, "5.001"]
    code, err = _run(capsys, *argv)
    label = "The fee" if flag == "--fee" else "The down payment"
    assert (code, err) == (2, f"tcdesk: {flag}: {label} cannot have fractions of a cent.\n")
