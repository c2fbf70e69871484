"""The take-home summary's default file name keeps the family's name readable."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tcdesk.ui.documents.summary_actions import summary_path


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
