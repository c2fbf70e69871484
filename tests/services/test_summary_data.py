"""Gathering the take-home summary from the demo practice."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from tcdesk.services.demo import demo_id
from tcdesk.services.summary_data import render_summary, summary_data
from tests.documents.helpers import flat, text

consult_id = partial(demo_id, "consult")


def _text(pdf: bytes) -> str:
    return flat(text(pdf))


def test_summary_data_reuses_the_presentation_words(demo_desk) -> None:
    from tcdesk.render import load_content

    content = load_content()
    data = summary_data(demo_desk, consult_id("zoe_martinez_reyes"))
    assert data.patient_name == "Zoë Martínez-Reyes"
    assert [f.code for f in data.findings] == ["crowding", "deep_bite"]
    crowding = data.findings[0]
    expected = content.describe_finding("crowding", "moderate")
    assert crowding.label == expected["label"]
    assert crowding.what_it_is == expected["what_it_is"]
    assert Path(crowding.illustration).name == "crowding.svg"
    assert Path(crowding.illustration).is_file()
    assert [o.recommended for o in data.options] == [True, False, False]
    assert data.timeline_option == "Metal braces"
    assert data.phases and data.phases[0].start_month == 0
    assert data.choices[0].key == "pay_in_full"
    assert data.choices[0].label == content.word("investment.label_pay_in_full")
    assert data.insurance_estimate > 0 and data.insurance_disclaimer
    assert data.coordinator_name == "Jessica Alvarez"


def test_summary_marks_the_chosen_plan(demo_desk) -> None:
    data = summary_data(demo_desk, consult_id("mila_ivanova"))
    assert [o.chosen for o in data.options].count(True) == 1
    assert [c.key for c in data.choices if c.chosen] == ["standard"]
    assert data.planned_start is not None
    assert all(phase.date_label for phase in data.phases)


def test_render_summary(demo_desk) -> None:
    data, pdf = render_summary(demo_desk, consult_id("wang_xiaoming"))
    body = _text(pdf)
    assert "Ming 王" in body
    for finding in data.findings:
        assert finding.label in body
    for option in data.options:
        assert option.title in body
    assert data.coordinator_name in body
