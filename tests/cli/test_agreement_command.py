"""``tcdesk agreement``: writes the PDF atomically, prints its path, one-line errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tcdesk.cli import main as cli_main
from tcdesk.services.clock import today
from tcdesk.services.demo import demo_id
from tests.conftest import FIXED_NOW


def main(argv: list[str]) -> int:
    """The real CLI on the demo store's day, so its plans' dates stay plausible for good."""
    return cli_main(argv, clock=lambda: FIXED_NOW)


ETHAN = demo_id("consult", "ethan_walker")


def _error(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    return lines[0]


def test_writes_the_agreement(demo_store: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "agreement.pdf"
    assert main(["agreement", "--db", str(demo_store), "--consult", ETHAN, "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert out.read_bytes().startswith(b"%PDF-")
    assert sorted(os.listdir(tmp_path)) == ["agreement.pdf", "demo.sqlite3"]


def test_unknown_consult(demo_store: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "a.pdf"
    line = _error(
        capsys, ["agreement", "--db", str(demo_store), "--consult", "x1", "--out", str(out)]
    )
    assert line == f"tcdesk: No consult with id x1 in {demo_store} (tcdesk consults lists them)."
    assert not out.exists()


def test_consult_without_a_choice(demo_store: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "a.pdf"
    consult = demo_id("consult", "zoe_martinez_reyes")
    line = _error(
        capsys, ["agreement", "--db", str(demo_store), "--consult", consult, "--out", str(out)]
    )
    assert "no chosen treatment option" in line
    assert not out.exists()


def test_missing_output_folder(demo_store: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "nowhere" / "a.pdf"
    line = _error(
        capsys, ["agreement", "--db", str(demo_store), "--consult", ETHAN, "--out", str(out)]
    )
    assert "does not exist" in line


def test_broken_terms_template(demo_store: Path, tmp_path: Path, capsys) -> None:
    terms = tmp_path / "terms.md.j2"
    terms.write_text("# Terms\n\n{{ late_fee | money }\n", encoding="utf-8")
    out = tmp_path / "a.pdf"
    line = _error(
        capsys,
        ["agreement", "--db", str(demo_store), "--consult", ETHAN, "--out", str(out),
         "--terms", str(terms)],
    )  # fmt: skip
    assert "terms.md.j2, line 3" in line
    assert not out.exists()


def test_missing_practice_file(tmp_path: Path, capsys) -> None:
    line = _error(
        capsys,
        ["agreement", "--db", str(tmp_path / "none.sqlite3"), "--consult", ETHAN,
         "--out", str(tmp_path / "a.pdf")],
    )  # fmt: skip
    assert "none.sqlite3" in line
    assert not (tmp_path / "none.sqlite3").exists()


def test_the_agreement_is_recorded_once_while_nothing_changes(
    demo_store: Path, tmp_path: Path, capsys
) -> None:
    import hashlib

    from tcdesk.services import agreements
    from tcdesk.services.desk import Desk

    first, second = tmp_path / "one.pdf", tmp_path / "two.pdf"
    for out in (first, second):
        assert (
            main(["agreement", "--db", str(demo_store), "--consult", ETHAN, "--out", str(out)]) == 0
        )
    notes = capsys.readouterr().err
    assert "version 1, new" in notes and "version 1, unchanged" in notes
    assert first.read_bytes() == second.read_bytes()
    desk = Desk.open(demo_store)
    try:
        (record,) = agreements.history(desk, ETHAN)
        assert record.agreement.sha256 == hashlib.sha256(first.read_bytes()).hexdigest()
    finally:
        desk.close()


def test_nothing_is_recorded_when_the_file_cannot_be_written(
    demo_store: Path, tmp_path: Path, capsys
) -> None:
    from tcdesk.services import agreements
    from tcdesk.services.desk import Desk

    _error(
        capsys,
        [
            "agreement",
            "--db",
            str(demo_store),
            "--consult",
            ETHAN,
            "--out",
            str(tmp_path / "nowhere" / "a.pdf"),
        ],
    )
    desk = Desk.open(demo_store)
    try:
        assert agreements.history(desk, ETHAN) == []
    finally:
        desk.close()


def test_a_plan_dated_1800_gets_no_agreement_of_record(
    demo_store: Path, tmp_path: Path, capsys
) -> None:
    from dataclasses import replace
    from datetime import date

    from tcdesk.services import agreements
    from tcdesk.services.desk import Desk

    desk = Desk.open(demo_store, create=False)
    try:
        plan = desk.consults.latest_plan(ETHAN)
        desk.consults.add_plan(
            replace(
                plan,
                id=f"{plan.id}-1800",
                created_at="2099-01-01T00:00:00+00:00",
                agreement_date=date(1800, 1, 1),
                first_due=None,
            )
        )
        before = len(agreements.history(desk, ETHAN))
    finally:
        desk.close()
    out = tmp_path / "a.pdf"
    line = _error(
        capsys, ["agreement", "--db", str(demo_store), "--consult", ETHAN, "--out", str(out)]
    )
    day = today(lambda: FIXED_NOW)  # this computer's calendar: Nov 28 in Auckland
    assert line == (
        "tcdesk: The payment plan can't be used for an agreement: The agreement date must be "
        f"between {day.replace(year=day.year - 3)} and {day.replace(year=day.year + 1)} "
        "(3 years back to 1 year ahead of today), not 1800-01-01."
    )
    assert not out.exists()
    desk = Desk.open(demo_store, create=False)
    try:
        assert len(agreements.history(desk, ETHAN)) == before
    finally:
        desk.close()
