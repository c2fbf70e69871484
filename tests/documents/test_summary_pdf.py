"""The take-home summary read back: what was found, options, timeline, money, next steps."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

import tcdesk.render
from tcdesk.documents import summary_pdf
from tcdesk.documents.summary_pdf import build_summary_pdf, default_text_file
from tcdesk.documents.summary_text import fallback_condition
from tcdesk.errors import UserError
from tcdesk.formatting import money_from_dollars
from tcdesk.services.demo import demo_id
from tcdesk.services.summary_data import summary_data
from tests.documents.helpers import assert_fonts_embedded, flat, pages, text, word_boxes


@pytest.fixture
def zoe(demo_desk):
    return summary_data(demo_desk, demo_id("consult", "zoe_martinez_reyes"))


def test_every_section_is_printed(zoe, tmp_path: Path) -> None:
    pdf = build_summary_pdf(zoe)
    body = flat(text(pdf))
    expected = [
        "Bright Smiles Orthodontics",
        "Your consultation summary",
        "For Zoë Martínez-Reyes · Consultation on November 27, 2026 with Dr.",
        zoe.chief_concern,
        "What Dr.",
        "Your treatment options",
        "DOCTOR'S RECOMMENDATION",
        "Your timeline: Metal braces",
        "Ways to pay for Metal braces",
        money_from_dollars(zoe.patient_portion),
        "Next steps",
        "Questions? We're here to help",
        zoe.coordinator_name,
        zoe.coordinator_phone,
        zoe.insurance_disclaimer,
    ]
    for finding in zoe.findings:
        expected += [f"{finding.label} · {finding.severity}", finding.what_it_is, finding.note]
        expected.append(finding.if_untreated)
    for option in zoe.options:
        expected += [option.title, money_from_dollars(option.fee)]
    for phase in zoe.phases:
        expected += [phase.name, phase.detail]
    for choice in zoe.choices:
        expected += [choice.label, money_from_dollars(choice.total_paid)]
    missing = [item for item in expected if flat(item) not in body]
    assert missing == []
    texts = pages(pdf)
    for index, page in enumerate(texts, start=1):
        assert f"Page {index} of {len(texts)}" in page
    info = PdfReader(io.BytesIO(pdf)).metadata
    assert info.title == "Consultation summary for Zoë Martínez-Reyes"
    assert info.author == "Bright Smiles Orthodontics"
    fonts = assert_fonts_embedded(pdf, tmp_path)
    assert not any("Helvetica" in name for name in fonts)


def test_condition_drawings_are_the_presentation_svgs(zoe, monkeypatch) -> None:
    loaded: list[str] = []
    real = summary_pdf.load_picture

    def spy(path, what="image"):
        loaded.append(Path(path).name)
        return real(path, what)

    monkeypatch.setattr(summary_pdf, "load_picture", spy)
    build_summary_pdf(zoe)
    assert loaded == ["crowding.svg", "deep_bite.svg"]


def test_cjk_family_summary(demo_desk, tmp_path: Path) -> None:
    data = summary_data(demo_desk, demo_id("consult", "wang_xiaoming"))
    pdf = build_summary_pdf(data)
    assert "Ming 王" in text(pdf)
    assert any("WenQuanYi" in font for font in assert_fonts_embedded(pdf, tmp_path))


def test_started_patient_next_steps(demo_desk) -> None:
    data = summary_data(demo_desk, demo_id("consult", "kai_nakamura"))
    body = flat(text(build_summary_pdf(data)))
    assert "Treatment started on" in body
    assert "YOUR CHOICE" in body


def test_fallback_condition_words(demo_desk, monkeypatch) -> None:
    def unreadable(folder=None):
        raise UserError("The presentation's content can't be read.")

    monkeypatch.setattr(tcdesk.render, "load_content", unreadable)
    data = summary_data(demo_desk, demo_id("consult", "zoe_martinez_reyes"))
    assert data.findings[0].label == "Crowding"
    own = fallback_condition("crowding", "moderate")
    assert data.findings[0].what_it_is == own["what_it_is"]
    assert data.findings[0].if_untreated == own["if_untreated"]
    assert data.phases == ()  # the timeline's words are the presentation's
    assert "Crowding" in text(build_summary_pdf(data))


def test_edited_text_file(zoe, tmp_path: Path) -> None:
    edited = tmp_path / "summary_text.toml"
    source = default_text_file().read_text(encoding="utf-8")
    edited.write_text(
        source.replace('title = "Your consultation summary"', 'title = "Resumen de su consulta"'),
        encoding="utf-8",
    )
    assert "Resumen de su consulta" in text(build_summary_pdf(zoe, edited))


def test_broken_text_file_names_file_and_text(zoe, tmp_path: Path) -> None:
    edited = tmp_path / "summary_text.toml"
    source = default_text_file().read_text(encoding="utf-8")
    edited.write_text(
        source.replace("{{ patient_name }} ·", "{{ patient_nam }} ·", 1), encoding="utf-8"
    )
    with pytest.raises(UserError) as error:
        build_summary_pdf(zoe, edited)
    assert "summary_text.toml: subtitle" in str(error.value)
    assert "patient_nam" in str(error.value)
    edited.write_text("format = 1\ntitle = [", encoding="utf-8")
    with pytest.raises(UserError, match="not valid TOML"):
        build_summary_pdf(zoe, edited)


def test_summary_without_findings_or_money(zoe) -> None:
    bare = replace(zoe, findings=(), choices=(), phases=(), chief_concern="")
    body = flat(text(build_summary_pdf(bare)))
    assert "Your treatment options" in body
    assert "Ways to pay" not in body and "What Dr." not in body


def test_choice_and_recommendation_are_two_tags_under_the_option(demo_desk, tmp_path) -> None:
    """Kai chose the recommended option: two separate pills, not one run of capitals."""
    data = summary_data(demo_desk, demo_id("consult", "kai_nakamura"))
    [both] = [o for o in data.options if o.chosen and o.recommended]
    words = word_boxes(build_summary_pdf(data), tmp_path)
    first_word = both.title.split()[0]
    [title] = [w for w in words if w[0] == first_word][:1]
    [choice] = [w for w in words if w[0] == "CHOICE"][:1]  # options come before payments
    [doctors] = [w for w in words if w[0] == "DOCTOR'S"]
    assert doctors[1] - choice[3] >= 12  # a clear gap (a space is ~2.5 pt)
    assert abs(doctors[2] - choice[2]) < 1  # side by side on one line...
    assert choice[2] > title[4]  # ...under the option's name, not run on after it
    own_line = [w[0] for w in words if abs(w[2] - choice[2]) < 1]
    assert own_line == ["YOUR", "CHOICE", "DOCTOR'S", "RECOMMENDATION"]
