"""The take-home summary through its service: built, kept under a readable name, copied."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from tcdesk.services import summaries
from tcdesk.services.clock import utc_iso
from tcdesk.services.demo import demo_id
from tcdesk.services.summaries import NothingToSummarise, summary_path
from tcdesk.services.walk_in import on_duty, start_walk_in
from tests.conftest import DEMO_DAY, FIXED_NOW, local_moment
from tests.documents.helpers import text


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


def _walk_in(desk) -> str:
    """A walk-in's consult: it is happening now and nothing is on its record yet."""
    duty = on_duty(desk)
    return start_walk_in(
        desk, "Sam Quill", "(503) 555-0142", duty.office.id, duty.coordinator.id,
        duty.doctor.id, FIXED_NOW,
    ).consult.id  # fmt: skip


def _move(desk, consult_id: str, at) -> None:
    desk.consults.save(replace(desk.consults.get(consult_id), scheduled_at=utc_iso(at)))


def test_a_consult_with_nothing_on_its_record_is_refused(demo_desk, tmp_path: Path) -> None:
    consult_id = _walk_in(demo_desk)
    with pytest.raises(NothingToSummarise) as refused:
        summaries.prepare(demo_desk, consult_id)
    assert str(refused.value) == (
        "Nothing to summarise yet: this consult's record has no findings and no "
        "treatment options; add them to the record first."
    )
    with pytest.raises(NothingToSummarise):
        summaries.write(demo_desk, consult_id, tmp_path / "s.pdf")
    assert not (tmp_path / "s.pdf").exists()


def test_a_consult_booked_for_a_later_day_is_refused(demo_desk) -> None:
    """Even with findings on file (the doctor wrote ahead), it has not happened yet."""
    consult_id = demo_id("consult", "zoe_martinez_reyes")
    _move(demo_desk, consult_id, local_moment(DEMO_DAY + timedelta(days=1), 9))
    with pytest.raises(NothingToSummarise) as refused:
        summaries.prepare(demo_desk, consult_id)
    assert str(refused.value) == (
        "This consult is booked for November 28, 2026; a summary is printed after it."
    )


def test_a_consult_later_today_is_headed_with_todays_date(demo_desk) -> None:
    """Booked for 23:30 local, printed at 15:00: the same local day, in every zone."""
    consult_id = demo_id("consult", "zoe_martinez_reyes")
    _move(demo_desk, consult_id, local_moment(DEMO_DAY, 23, 30))
    data = summaries.prepare(demo_desk, consult_id)
    assert data.consult_date == data.prepared_on == DEMO_DAY
    assert "Consultation on November 27, 2026" in text(summaries.build_pdf(data))
