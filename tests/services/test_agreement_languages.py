"""The agreement in the family's language, read back with pypdf: the Spanish one carries
Regulation Z's five terms in Spanish with the English one's figures, and its English copy
is its own version, with its own SHA-256, under the same agreement number."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from tcdesk.documents.truth_in_lending_box import figure_texts
from tcdesk.domain.agreement import sha256_hex
from tcdesk.services import agreements
from tcdesk.services.agreement_data import render_agreement
from tcdesk.services.demo import demo_id

ETHAN = demo_id("consult", "ethan_walker")  # a plan with a finance charge: the box prints
SPANISH_TERMS = (
    "TASA DE PORCENTAJE ANUAL",
    "CARGO FINANCIERO",
    "Monto financiado",
    "Total de pagos",
    "Precio total de venta",
)
ENGLISH_TERMS = (
    "ANNUAL PERCENTAGE RATE",
    "FINANCE CHARGE",
    "Amount Financed",
    "Total of Payments",
    "Total Sale Price",
)


def _text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join((page.extract_text() or "").split()) for page in pages)


def _money(text: str) -> list[str]:
    return re.findall(r"[−-]?\$[\d,]+\.\d\d", text)


@pytest.fixture
def both(demo_desk):
    spanish, spanish_pdf = render_agreement(demo_desk, ETHAN, language="es")
    english, english_pdf = render_agreement(demo_desk, ETHAN, language="en")
    return (spanish, _text(spanish_pdf)), (english, _text(english_pdf))


def test_the_spanish_box_has_the_five_terms_with_the_english_figures(both) -> None:
    (spanish, es_text), (english, en_text) = both
    assert spanish.language == "es" and english.language == "en"
    assert spanish.quote.truth_in_lending.required
    disclosure = spanish.quote.truth_in_lending
    assert disclosure == english.quote.truth_in_lending
    figures = figure_texts(disclosure, spanish.words)
    assert figures == figure_texts(english.quote.truth_in_lending, english.words)
    box = es_text[es_text.index("TASA DE PORCENTAJE ANUAL") :]
    for term, figure in zip(SPANISH_TERMS, figures, strict=True):
        assert term in es_text
        assert figure in box
    for term in ENGLISH_TERMS:
        assert term not in es_text and term in en_text
    assert _money(es_text) == _money(en_text)  # every amount, in the same order
    assert "Cargo por pago atrasado" in es_text and "de octubre de 2025" in es_text
    assert "Página 1 de" in es_text and "Términos y condiciones" in es_text


def test_the_english_copy_is_its_own_version_under_the_same_number(demo_desk) -> None:
    before = len(agreements.history(demo_desk, ETHAN))
    spanish = agreements.generate(demo_desk, ETHAN, language="es")
    english = agreements.generate(demo_desk, ETHAN, language="en")
    assert english.number == spanish.number
    assert english.version == spanish.version + 1
    assert english.sha256 != spanish.sha256
    assert english.sha256 == sha256_hex(english.pdf) and spanish.sha256 == sha256_hex(spanish.pdf)
    found = agreements.history(demo_desk, ETHAN)
    assert len(found) == before + 2
    by_version = {r.agreement.version: r for r in found}
    assert agreements.version_language(by_version[spanish.version]) == "es"
    assert agreements.version_language(by_version[english.version]) == "en"
    notice = agreements.generated_detail(by_version[english.version])
    assert f"English copy of version {spanish.version} (Spanish)" in notice
    assert "Contrato financiero" in _text(spanish.pdf)
    assert "Orthodontic Financial Agreement" in _text(english.pdf)
    # asking again for either language gives its version back, nothing new is made
    again_es, made_es = agreements.current_or_generate(demo_desk, ETHAN, language="es")
    again_en, made_en = agreements.current_or_generate(demo_desk, ETHAN, language="en")
    assert (again_es.id, made_es) == (spanish.id, False)
    assert (again_en.id, made_en) == (english.id, False)
