"""``tcdesk print FILE.pdf [--printer NAME]``."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfgen import canvas

from tcdesk.cli import main
from tcdesk.services.machine_settings import MachineSettingsStore


@pytest.fixture
def two_page_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "agreement.pdf"
    out = io.BytesIO()
    page = canvas.Canvas(out)
    for number in (1, 2):
        page.drawString(72, 720, f"Page {number}")
        page.showPage()
    page.save()
    path.write_bytes(out.getvalue())
    return path


def test_missing_file_is_a_one_line_error(tmp_path: Path, capsys) -> None:
    assert main(["print", str(tmp_path / "nope.pdf")]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"tcdesk: There is no file at {tmp_path / 'nope.pdf'}."


def test_a_file_that_is_not_a_pdf_is_refused(tmp_path: Path, capsys) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    assert main(["print", str(text)]) == 2
    assert "is not a PDF file" in capsys.readouterr().err


def test_no_print_system_says_where_the_pdf_is(two_page_pdf: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("PATH", str(two_page_pdf.parent))  # no lp, no lpstat
    assert main(["print", str(two_page_pdf), "--printer", "Front"]) == 2
    err = capsys.readouterr().err.strip()
    assert "No print system is installed" in err
    assert err.endswith(f"The PDF is saved at {two_page_pdf.resolve()}.")


def test_prints_through_a_real_queue(cups_pdf_queue, two_page_pdf: Path, capsys) -> None:
    assert main(["print", str(two_page_pdf), "--printer", cups_pdf_queue.queue]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith(f"Sent to {cups_pdf_queue.queue} (job {cups_pdf_queue.queue}-")
    job_id = out.removesuffix(")").rsplit(" ", 1)[-1]
    printed = cups_pdf_queue.wait_for_output(job_id)
    assert len(PdfReader(printed).pages) == 2


def test_uses_the_remembered_printer_then_the_default(
    cups_pdf_queue, two_page_pdf: Path, capsys
) -> None:
    assert main(["print", str(two_page_pdf)]) == 0  # the system default
    assert capsys.readouterr().out.startswith(f"Sent to {cups_pdf_queue.queue} ")
    MachineSettingsStore().update(printer="Gone")
    assert main(["print", str(two_page_pdf)]) == 2
    assert 'no printer called "Gone"' in capsys.readouterr().err


def test_unknown_printer(cups_pdf_queue, two_page_pdf: Path, capsys) -> None:
    assert main(["print", str(two_page_pdf), "--printer", "Lobby"]) == 2
    err = capsys.readouterr().err
    assert 'no printer called "Lobby"' in err and f"printers here: {cups_pdf_queue.queue}" in err
