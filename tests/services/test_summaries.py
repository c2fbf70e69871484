"""The take-home summary through its service: built, kept under a readable name, copied."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tcdesk.services import summaries
from tcdesk.services.demo import demo_id
from tcdesk.services.summaries import summary_path


def test_accented_and_non_latin_names_are_kept(tmp_path: Path) -> None:
    day = date(2026, 12, 1)
    named = summary_path("3bf25559-c9cf", "Zoë Martínez-Reyes", day, tmp_path)
    assert named == tmp_path / "2026-12-01-Zoë-Martínez-Reyes-3bf25559.pdf"
    assert (
        summary_path("abcdef12-0", "王小明", day, tmp_path).name == "2026-12-01-王小明-abcdef12.pdf"
    )
    assert summary_path("abcdef12-0", "Иванова", day, tmp_path).name == (
        "2026-12-01-Иванова-abcdef12.pdf"
    )
    assert (
        summary_path("abcdef12-0", "!!!", day, tmp_path).name == "2026-12-01-patient-abcdef12.pdf"
    )


def test_the_summary_is_kept_and_copied_with_the_same_bytes(demo_desk, tmp_path: Path) -> None:
    consult_id = demo_id("consult", "zoe_martinez_reyes")
    data = summaries.prepare(demo_desk, consult_id)
    pdf = summaries.build_pdf(data)
    assert pdf.startswith(b"%PDF-")
    kept = summaries.keep(consult_id, data, pdf, tmp_path / "kept")
    assert kept == summary_path(consult_id, data.patient_name, data.consult_date, tmp_path / "kept")
    assert kept.read_bytes() == pdf
    copy = summaries.save_copy(pdf, tmp_path / "for-email")
    assert copy == tmp_path / "for-email.pdf" and copy.read_bytes() == pdf
    _data, written = summaries.write(demo_desk, consult_id, tmp_path / "cli.pdf")
    assert written.read_bytes().startswith(b"%PDF-")
