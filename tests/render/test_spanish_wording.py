"""The QA pass's Spanish wording (issue 13): natural US Spanish on the slides, the
summary and the signing screen, and the doctor named where English names them."""

from __future__ import annotations

import pytest

from tcdesk.documents.summary_pdf import build_summary_pdf
from tcdesk.paths import flows_dir
from tcdesk.render.slide import SlideKind
from tcdesk.services.consult_room import ConsultRoom, PresentationKit
from tcdesk.services.demo import demo_id
from tcdesk.services.summary_data import summary_data
from tests.documents.helpers import flat, text
from tests.render.english_words import strings_words

# the wrong words and what says it right ("" when the fix is checked elsewhere)
WRONG = {
    "Un solo pago cubre": "Un solo precio cubre",  # monthly plans come next
    "le pica": "le lastima",
    "Moldes": "Alineadores",
    "con Dr.": "con el Dr.",
    "Por la práctica": "Por el consultorio",
    "Poco para empezar": "Enganche bajo",
}


@pytest.fixture(scope="module")
def kit() -> PresentationKit:
    return PresentationKit.load()


def _spanish_files() -> dict[str, str]:
    folder = flows_dir() / "lang" / "es"
    return {
        str(p.relative_to(folder)): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_no_spanish_file_says_the_wrong_words() -> None:
    files = _spanish_files()
    said = "\n".join(files.values())
    for wrong, right in WRONG.items():
        found = [name for name, body in files.items() if wrong.casefold() in body.casefold()]
        assert not found, f"{wrong!r} in {found}"
        if right != "con el Dr.":  # the summary's template builds it: checked below
            assert right.casefold() in said.casefold(), right
    assert "la práctica" not in said.casefold()


def test_the_findings_slide_names_the_doctor_as_english_does(demo_desk, kit) -> None:
    consult = demo_id("consult", "jose_luis_ramirez")
    room = ConsultRoom(demo_desk, consult, kit, record=False, language="es")
    english = next(s for s in room.deck_in("en") if s.kind is SlideKind.PROBLEM)
    spanish = next(s for s in room.slides if s.kind is SlideKind.PROBLEM)
    short = room.context["doctor"]["short_name"]
    assert short.startswith("Dr. ") and english.title == f"What {short} found"
    assert spanish.title == f"Lo que encontró el {short}"
    payment = next(s for s in room.slides if s.kind is SlideKind.PAYMENT)
    assert "enganche" in strings_words(payment) and "poco" not in strings_words(payment)


def test_the_summary_says_con_el_dr_and_names_who_found_it(demo_desk) -> None:
    data = summary_data(demo_desk, demo_id("consult", "jose_luis_ramirez"), "es")
    assert data.doctor_name.startswith("Dr. ")
    body = flat(text(build_summary_pdf(data)))
    assert f"con el {data.doctor_name}" in body
    assert f"Lo que encontró el {data.doctor_name}" in body
    assert "Enganche bajo" in body and "Poco para empezar" not in body
