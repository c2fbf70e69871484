"""The take-home summary in Spanish, read back with pypdf: no English word of the
template text is left, dates read "2 de diciembre de 2026", and the figures are the
English summary's."""

from __future__ import annotations

import re
from dataclasses import fields

import pytest

from tcdesk.documents.summary_pdf import build_summary_pdf, default_text_file
from tcdesk.paths import flows_dir
from tcdesk.services.demo import demo_id
from tcdesk.services.demo_data import OPTION_TEXT
from tcdesk.services.summary_data import summary_data
from tests.documents.helpers import flat, text
from tests.render.english_words import (
    english_template_words,
    language_words,
    strings_words,
    toml_words,
    words,
)

_DATA_FIELDS = {
    "practice_name", "practice_address", "practice_phone", "practice_website", "office_name",
    "office_address", "office_phone", "patient_name", "doctor_name", "chief_concern",
    "coordinator_name", "coordinator_title", "coordinator_phone", "coordinator_email",
}  # fmt: skip


@pytest.fixture(scope="module")
def english_only() -> set[str]:
    from babel import Locale

    from tcdesk.services.presentation_kit import PresentationKit

    kit = PresentationKit.load()
    options = [t for pair in OPTION_TEXT.values() for t in pair]
    english = english_template_words(kit.flows.values(), options)
    english |= toml_words(default_text_file())
    months = {
        m.casefold()
        for width in ("abbreviated", "wide")
        for m in Locale.parse("es_US").months["format"][width].values()
    }
    return english - language_words(flows_dir() / "lang" / "es") - months


def _family_words(data) -> set[str]:
    """What the family and the practice wrote themselves: names, the concern, notes."""
    found = strings_words({f.name: getattr(data, f.name) for f in fields(data)
                           if f.name in _DATA_FIELDS})  # fmt: skip
    return found | strings_words([f.note for f in data.findings])


@pytest.mark.parametrize("who", ["zoe_martinez_reyes", "wang_xiaoming"])
def test_the_spanish_summary_has_no_english_word_left(demo_desk, english_only, who) -> None:
    consult = demo_id("consult", who)
    spanish = summary_data(demo_desk, consult, "es")
    body = flat(text(build_summary_pdf(spanish)))
    left = (words(body) - _family_words(spanish)) & english_only
    assert not left, sorted(left)
    english = summary_data(demo_desk, consult, "en")
    english_body = flat(text(build_summary_pdf(english)))
    assert (words(english_body) - _family_words(english)) & english_only  # it can fail
    money = re.compile(r"[−-]?\$[\d,]+\.\d\d")
    assert money.findall(body) == money.findall(english_body)  # the same figures, in order


def test_the_spanish_summary_writes_dates_and_pages_in_spanish(demo_desk) -> None:
    data = summary_data(demo_desk, demo_id("consult", "zoe_martinez_reyes"), "es")
    assert data.locale == "es_US" and data.options[0].title == "Frenos de metal"
    body = flat(text(build_summary_pdf(data)))
    assert re.search(r"Consulta del \d{1,2} de [a-z]+ de 20\d\d", body)
    assert re.search(r"Página 1 de \d", body) and "El resumen de su consulta" in body


def test_a_patient_who_prefers_spanish_gets_it_without_asking(demo_desk) -> None:
    patient_id = demo_desk.consults.get(demo_id("consult", "wang_xiaoming")).patient_id
    patient = demo_desk.patients.get(patient_id)
    from dataclasses import replace

    demo_desk.patients.save(replace(patient, preferred_language="es"))
    data = summary_data(demo_desk, demo_id("consult", "wang_xiaoming"))
    assert data.language == "es" and "Resumen" in flat(text(build_summary_pdf(data)))


def _sentences(text: str) -> int:
    return len([s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s])


def _counterparts(english, spanish, where: str = "summary") -> list[str]:
    """Every English section, row and text that has no Spanish counterpart."""
    missing: list[str] = []
    if isinstance(english, tuple | list):
        if len(spanish) != len(english):
            return [f"{where}: {len(english)} in English, {len(spanish)} in Spanish"]
        for i, (en, es) in enumerate(zip(english, spanish, strict=True)):
            missing += _counterparts(en, es, f"{where}[{i}]")
    elif hasattr(english, "__dataclass_fields__"):
        for f in fields(english):
            missing += _counterparts(getattr(english, f.name), getattr(spanish, f.name),
                                     f"{where}.{f.name}")  # fmt: skip
    elif isinstance(english, str) and english.strip() and not str(spanish or "").strip():
        missing.append(f"{where}: empty in Spanish")
    return missing


@pytest.mark.parametrize("who", ["jose_luis_ramirez", "zoe_martinez_reyes", "wang_xiaoming"])
def test_the_spanish_summary_is_as_complete_as_the_english(demo_desk, who) -> None:
    consult = demo_id("consult", who)
    english, spanish = (
        summary_data(demo_desk, consult, "en"),
        summary_data(demo_desk, consult, "es"),
    )
    assert not _counterparts(english, spanish)
    body = flat(text(build_summary_pdf(spanish)))
    assert spanish.options
    for en, es in zip(english.options, spanish.options, strict=True):
        # the card's sentence and the paragraph after it, not the card's sentence alone
        assert _sentences(es.description) == _sentences(en.description), es.title
        last = re.split(r"(?<=[.!?])\s+", es.description.strip())[-1]
        assert flat(last) in body, last
