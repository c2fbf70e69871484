"""Agreements built by hand (no store), and reading PDFs back with pypdf (test helpers)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from tcdesk.documents.agreement_model import AgreementData, PartyLine
from tcdesk.money import Adjustment, InsurancePlan, PlanKind, Quote, QuoteRequest, build_quote
from tcdesk.paths import assets_dir

AGREED = date(2026, 11, 27)
LOGO = str(assets_dir() / "brand" / "demo_logo.svg")


def quote(**changes) -> Quote:
    """$5,600 fee, $1,500 insurance, 5% pay-in-full discount given up, 24 x at 0%."""
    request = QuoteRequest(
        total_fee=Decimal("5600"),
        agreement_date=AGREED,
        down_payment=Decimal("800"),
        months=24,
        first_due=date(2027, 1, 15),
        pif_discount_percent=Decimal("5"),
        primary_insurance=InsurancePlan(
            coverage_percent=Decimal("50"), lifetime_max=Decimal("1500"), name="Delta Dental"
        ),
        treatment_months=24,
    )
    return build_quote(replace(request, **changes))


def pay_in_full_quote() -> Quote:
    return quote(plan=PlanKind.PAY_IN_FULL, months=0, down_payment=Decimal(0), first_due=None)


def agreement(**changes) -> AgreementData:
    data = AgreementData(
        practice_name="Bright Smiles Orthodontics",
        practice_address="412 Maple Avenue, Suite 200, Westerville, OH 43081",
        practice_phone="(614) 555-0100",
        logo_path=LOGO,
        office_name="Westerville",
        office_address="412 Maple Avenue, Suite 200, Westerville, OH 43081",
        office_phone="(614) 555-0100",
        number="BSO-2026-ABC123",
        version=1,
        issued_on=AGREED,
        patient_legal_name="Zoë Martínez-Reyes",
        patient_preferred_name="",
        patient_birth_date=date(2012, 5, 3),
        responsible=(PartyLine("Renée Martínez", "Mother"), PartyLine("Luis Reyes", "Father")),
        treatment_category="Comprehensive",
        option_title="Metal braces",
        estimated_months=24,
        planned_start=date(2026, 12, 14),
        visit_interval_weeks=6,
        quote=quote(),
        late_fee=Decimal("35.00"),
        late_fee_days=10,
        returned_payment_fee=Decimal("30.00"),
        estimate_valid_days=365,
        creditor_name="Bright Smiles Orthodontics",
        coordinator_name="Jessica Alvarez",
    )
    return replace(data, **changes)


def with_discount_quote(**changes) -> Quote:
    """A sibling discount and no pay-in-full discount offered: a 0% plan costs nothing."""
    return quote(
        adjustments=(Adjustment.percent_off("Sibling discount", Decimal("5")),),
        pif_discount_percent=Decimal(0),
        **changes,
    )


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def text(pdf: bytes) -> str:
    return "\n".join(pages(pdf))


def flat(value: str) -> str:
    """Whitespace folded to single spaces: extraction breaks lines where the PDF wraps."""
    return re.sub(r"\s+", " ", value)


def pdffonts(pdf: bytes, tmp_path: Path) -> list[list[str]]:
    """``pdffonts`` rows of ``pdf`` (skips the test when poppler-utils is missing)."""
    tool = shutil.which("pdffonts")
    if tool is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    result = subprocess.run([tool, str(path)], capture_output=True, text=True, check=True)
    return [line.split() for line in result.stdout.splitlines()[2:] if line.strip()]


def assert_fonts_embedded(pdf: bytes, tmp_path: Path) -> list[str]:
    rows = pdffonts(pdf, tmp_path)
    assert rows, "no fonts at all"
    for row in rows:
        # name type [type2] encoding emb sub uni object ID
        emb = row[-5]
        assert emb == "yes", f"font not embedded: {' '.join(row)}"
    return [row[0] for row in rows]


def flowables_pdf(flowables: list) -> bytes:
    """``flowables`` alone on Letter pages of the documents' frame: one part read back."""
    from tcdesk.documents.fonts import sans
    from tcdesk.documents.layout import document

    sans()
    buffer = io.BytesIO()
    document(buffer, title="part", author="tests", subject="part").build(list(flowables))
    return buffer.getvalue()


def word_boxes(
    pdf: bytes, tmp_path: Path, page: int = 1
) -> list[tuple[str, float, float, float, float]]:
    """``(word, x_min, y_min, x_max, y_max)`` on ``page`` from ``pdftotext -bbox`` (points,
    y down); skips the test when poppler-utils is missing."""
    import html

    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "words.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(
        [tool, "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    found = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
        result.stdout,
    )
    return [(html.unescape(w), float(a), float(b), float(c), float(d)) for a, b, c, d, w in found]
