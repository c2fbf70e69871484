"""``tcdesk summary``: the take-home summary as a PDF file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tcdesk.cli import main as cli_main
from tcdesk.services.demo import demo_id
from tests.conftest import FIXED_NOW


def main(argv: list[str]) -> int:
    """The real CLI on the demo store's day: "booked for a later day" stays later in every
    time zone, whatever the hour the suite runs (at 15:00 UTC it is tomorrow in Auckland)."""
    return cli_main(argv, clock=lambda: FIXED_NOW)


def test_writes_the_summary(demo_store: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "summary.pdf"
    consult = demo_id("consult", "zoe_martinez_reyes")
    assert main(["summary", "--db", str(demo_store), "--consult", consult, "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert out.read_bytes().startswith(b"%PDF-")


def test_unknown_consult(
    demo_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "s.pdf"
    assert main(["summary", "--db", str(demo_store), "--consult", "x1", "--out", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.err.strip() == (
        f"tcdesk: No consult with id x1 in {demo_store} (tcdesk consults lists them)."
    )
    assert not out.exists()


def test_refuses_to_overwrite_a_file_that_is_not_a_pdf(demo_store, tmp_path, capsys) -> None:
    from tcdesk.cli import main
    from tcdesk.services.demo import demo_id

    notes = tmp_path / "notes.txt"
    notes.write_text("Call Mrs. García back.")
    code = main(
        [
            "summary",
            "--db",
            str(demo_store),
            "--consult",
            demo_id("consult", "ethan_walker"),
            "--out",
            str(notes),
        ]
    )
    assert code == 2
    assert "ending in .pdf" in capsys.readouterr().err
    assert notes.read_text() == "Call Mrs. García back."


@pytest.mark.parametrize(
    ("patient", "says"),
    [
        (
            "bao_nguyen",
            "This consult is booked for December 3, 2026; a summary is printed after it.",
        ),
        ("yusuf_haddad_cancelled", "Nothing to summarise yet: this consult's record has no"),
    ],
)
def test_a_consult_with_nothing_to_summarise_is_refused_in_one_line(
    demo_store: Path, tmp_path: Path, capsys, patient: str, says: str
) -> None:
    out = tmp_path / "s.pdf"
    consult = demo_id("consult", patient)
    assert main(["summary", "--db", str(demo_store), "--consult", consult, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"tcdesk: {says}") and err.count("\n") == 1
    assert not out.exists()
