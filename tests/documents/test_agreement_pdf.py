"""The agreement PDF read back with pypdf: every required element, where it belongs."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from tcdesk.documents import agreement_text as words
from tcdesk.documents.agreement_model import PartyLine, SignatureMark
from tcdesk.documents.agreement_pdf import build_agreement_pdf
from tcdesk.documents.fonts import missing_glyphs
from tcdesk.errors import UserError
from tcdesk.formatting import medium_date, money_from_dollars
from tcdesk.money import INSURANCE_DISCLAIMER
from tests.conftest import local_moment
from tests.documents.helpers import (
    agreement,
    assert_fonts_embedded,
    flat,
    pages,
    pay_in_full_quote,
    quote,
    text,
    with_discount_quote,
)

TIL_MARKERS = ("ANNUAL PERCENTAGE RATE", "FINANCE CHARGE", "Amount Financed", "Total Sale Price")


@pytest.fixture(scope="module")
def standard_pdf() -> bytes:
    return build_agreement_pdf(agreement())


def test_every_required_element_is_printed(standard_pdf: bytes) -> None:
    data = agreement()
    q = data.quote
    disclosure = q.truth_in_lending
    body = flat(text(standard_pdf))
    expected = [
        # letterhead and title
        "Bright Smiles Orthodontics",
        "412 Maple Avenue, Suite 200",
        "(614) 555-0100",
        "Orthodontic Financial Agreement",
        "Agreement BSO-2026-ABC123 · Version 1 · November 27, 2026",
        # who
        "Zoë Martínez-Reyes",
        "May 3, 2012",
        "Renée Martínez, mother",
        "Luis Reyes, father",
        # what
        "Comprehensive: Metal braces",
        "About 24 months",
        "December 14, 2026",
        # fee
        "Total fee $5,600.00",
        "Delta Dental (primary), estimate, not guaranteed",
        "−$1,500.00",
        INSURANCE_DISCLAIMER,
        "Patient portion $4,100.00",
        # payment terms
        words.down_payment_terms(q),
        "24 monthly payments of",
        "due on the 15th of each month",
        # Truth in Lending
        "ANNUAL PERCENTAGE RATE",
        words.APR_DESCRIPTOR,
        "FINANCE CHARGE",
        words.FINANCE_CHARGE_DESCRIPTOR,
        "Amount Financed",
        words.AMOUNT_FINANCED_DESCRIPTOR,
        "Total of Payments",
        words.TOTAL_OF_PAYMENTS_DESCRIPTOR,
        "Total Sale Price",
        words.total_sale_price_descriptor(q.down_payment),
        f"{disclosure.apr:.2f}%",
        money_from_dollars(disclosure.finance_charge),
        money_from_dollars(disclosure.amount_financed),
        money_from_dollars(disclosure.total_of_payments),
        money_from_dollars(disclosure.total_sale_price),
        "Creditor: Bright Smiles Orthodontics",
        words.late_charge(Decimal("35.00"), 10),
        words.prepayment(q),
        words.ITEMIZATION_RIGHT,
        f"{words.CHECKBOX} {words.WANT_ITEMIZATION}",
        f"{words.CHECKBOX} {words.NO_ITEMIZATION}",
        words.forgone_discount_note(q),
        # schedule and terms
        "Payment schedule",
        "Terms and conditions",
        "Default and collection",
        "more than 60 days past due",
        "late fee of $35.00",
        "a fee of $30.00",
        "valid for 12 months",
        "the fee is for the whole case, not for the months",
        # signatures
        "Renée Martínez, mother (responsible party)",
        "Luis Reyes, father (responsible party)",
        "Jessica Alvarez, Treatment Coordinator, for Bright Smiles Orthodontics",
    ]
    missing = [item for item in expected if flat(str(item)) not in body]
    assert missing == []
    for group in words.group_payments(q.payments):
        assert flat(group.when_due()) in body


def test_every_page_has_its_number_and_the_agreement_number(standard_pdf: bytes) -> None:
    texts = pages(standard_pdf)
    assert len(texts) >= 3
    for index, page in enumerate(texts, start=1):
        assert f"Page {index} of {len(texts)}" in page
        assert "BSO-2026-ABC123" in page
        assert "VOID" not in page


def test_metadata(standard_pdf: bytes) -> None:
    info = PdfReader(io.BytesIO(standard_pdf)).metadata
    assert info.title == "Financial Agreement BSO-2026-ABC123"
    assert info.author == "Bright Smiles Orthodontics"


def test_same_data_gives_the_same_bytes(standard_pdf: bytes) -> None:
    assert build_agreement_pdf(agreement()) == standard_pdf


def test_fonts_are_all_embedded(standard_pdf: bytes, tmp_path: Path) -> None:
    names = assert_fonts_embedded(standard_pdf, tmp_path)
    assert not any("Helvetica" in name for name in names)


def _has_til_box(pdf: bytes) -> bool:
    body = flat(text(pdf))
    return all(marker in body for marker in TIL_MARKERS)


def test_no_box_when_paid_in_full() -> None:
    q = pay_in_full_quote()
    assert not q.truth_in_lending.required
    pdf = build_agreement_pdf(agreement(quote=q))
    assert not _has_til_box(pdf)
    body = flat(text(pdf))
    assert "Paid in full" in body and "Payment schedule" not in body
    assert "Amount due, paid in full" in body


def test_no_box_for_four_payments_at_zero_percent_without_forgone_discount() -> None:
    q = with_discount_quote(months=4)
    assert not q.truth_in_lending.required
    pdf = build_agreement_pdf(agreement(quote=q))
    assert not _has_til_box(pdf)
    body = flat(text(pdf))
    assert "Sibling discount" in body and "4 monthly payments of" in body
    assert "Payment schedule" in body


def test_box_for_a_24_month_plan_at_zero_apr() -> None:
    q = with_discount_quote()
    disclosure = q.truth_in_lending
    assert disclosure.required and disclosure.apr == 0
    pdf = build_agreement_pdf(agreement(quote=q))
    assert _has_til_box(pdf)
    body = flat(text(pdf))
    assert "0.00%" in body and "$0.00" in body
    assert "pay-in-full discount you are not taking" not in body


def test_box_with_interest() -> None:
    q = quote(apr_percent=Decimal("6.9"), months=36)
    pdf = build_agreement_pdf(agreement(quote=q))
    assert _has_til_box(pdf)
    body = flat(text(pdf))
    assert f"{q.truth_in_lending.apr:.2f}%" in body
    assert "interest that is not yet due is not charged" in body


def test_60_payment_schedule_keeps_every_row_across_pages() -> None:
    q = quote(months=60, apr_percent=Decimal("7.9"))
    pdf = build_agreement_pdf(agreement(quote=q))
    texts = [flat(page) for page in pages(pdf)]
    rows: dict[int, int] = {}
    header_pages = 0
    pattern = re.compile(r"(?<![\d$,.])(\d{1,2}) ([A-Z][a-z]{2} \d{1,2}, \d{4}) (\$[\d,]+\.\d\d)")
    for page in texts:
        found = pattern.findall(page)
        if found:
            assert "No. Due date Amount Principal Interest" in page  # header repeated
            header_pages += 1
        for number, due, amount in found:
            payment = q.payments[int(number) - 1]
            assert (due, amount) == (medium_date(payment.due), money_from_dollars(payment.amount))
            rows[int(number)] = rows.get(int(number), 0) + 1
    assert header_pages >= 2
    assert rows == {n: 1 for n in range(1, 61)}


def test_names_in_every_script_round_trip(tmp_path: Path) -> None:
    names = [
        "Zoë Martínez-Reyes",
        "Ελένη Παπαδοπούλου",
        "Дмитрий Иванов",
        "Nguyễn Thị Thu Hằng",
        "王小明",
        "山田花子",
        "김민준",
    ]
    for name in names:
        assert missing_glyphs(name) == "", name
    data = agreement(
        patient_legal_name=names[0],
        responsible=tuple(PartyLine(name, "Parent") for name in names[1:]),
    )
    pdf = build_agreement_pdf(data)
    body = text(pdf)
    for name in names:
        assert name in body, name
    fonts = assert_fonts_embedded(pdf, tmp_path)
    assert any("WenQuanYi" in font for font in fonts)


def test_a_latin_agreement_does_not_embed_the_cjk_font(standard_pdf: bytes, tmp_path: Path) -> None:
    fonts = assert_fonts_embedded(standard_pdf, tmp_path)
    assert not any("WenQuanYi" in font for font in fonts)


def test_a_name_no_font_can_print_is_refused() -> None:
    with pytest.raises(UserError, match="no installed font can print"):
        build_agreement_pdf(agreement(patient_legal_name="अनन्या Iyer"))  # Devanagari


def _png(width: int = 300, height: int = 80) -> bytes:
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    for x in range(20, width - 20):
        image.putpixel((x, height // 2 + (x % 17) - 8), (20, 30, 90, 255))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _image_count(pdf: bytes) -> int:
    count = 0
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        count += sum(1 for ref in xobjects.values() if ref.get_object()["/Subtype"] == "/Image")
    return count


def test_signatures_are_drawn_on_their_lines() -> None:
    signed_at = local_moment(date(2026, 11, 27), 15, 42)  # the practice's own day and hour
    marks = (
        SignatureMark("Renée Martínez", "responsible", _png(), signed_at),
        SignatureMark("Jessica Alvarez", "practice", _png(200, 60), signed_at),
    )
    pdf = build_agreement_pdf(agreement(signatures=marks))
    body = flat(text(pdf))
    assert body.count("Signed Nov 27, 2026") == 2
    assert _image_count(pdf) == 2
    assert _image_count(build_agreement_pdf(agreement())) == 0


def test_a_corrupt_signature_is_refused() -> None:
    mark = SignatureMark("Renée Martínez", "responsible", b"not a png", datetime.now(UTC))
    with pytest.raises(UserError, match="signature of Renée Martínez"):
        build_agreement_pdf(agreement(signatures=(mark,)))


def test_void_agreement_is_marked_on_every_page() -> None:
    pdf = build_agreement_pdf(agreement(void_reason="Wrong down payment entered"))
    texts = pages(pdf)
    assert "Reason: Wrong down payment entered" in flat(texts[0])
    for page in texts:
        assert "VOID" in page


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\nbroken", "not a readable PNG or JPEG"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><g></svg", "not a readable SVG"),
    ],
)
def test_unreadable_logo_names_the_file(tmp_path: Path, content: bytes, message: str) -> None:
    suffix = ".png" if content.startswith(b"\x89PNG") else ".svg"
    logo = tmp_path / f"logo{suffix}"
    logo.write_bytes(content)
    with pytest.raises(UserError, match=message) as error:
        build_agreement_pdf(agreement(logo_path=str(logo)))
    assert str(logo) in str(error.value)


def test_missing_logo_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist") as error:
        build_agreement_pdf(agreement(logo_path=str(tmp_path / "gone.png")))
    assert "gone.png" in str(error.value)


def test_png_logo_and_no_logo(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(_png(400, 100))
    assert "Orthodontic Financial Agreement" in text(
        build_agreement_pdf(agreement(logo_path=str(logo)))
    )
    assert "Orthodontic Financial Agreement" in text(build_agreement_pdf(agreement(logo_path="")))


def test_practice_terms_template(tmp_path: Path) -> None:
    terms = tmp_path / "terms.md.j2"
    terms.write_text(
        "# Our terms\n\n"
        "## Late payments\n\n"
        "Late after {{ late_fee_days }} days: {{ late_fee | money }} for **{{ practice_name }}**.\n"
        "\n- first point\n- second <point> & more\n",
        encoding="utf-8",
    )
    body = flat(text(build_agreement_pdf(agreement(), terms)))
    assert "Our terms" in body and "Late payments" in body
    assert "Late after 10 days: $35.00 for Bright Smiles Orthodontics." in body
    assert "second <point> & more" in body
    assert "Default and collection" not in body


@pytest.mark.parametrize(
    ("template", "line"),
    [
        ("# Terms\n\nFine.\n\n{% if %}\n", 5),
        ("# Terms\n\nOne.\n\nLate fee {{ late_fe }}.\n", 5),
        ("# Terms\n\n{{ practice_name | money }}\n", 3),
    ],
)
def test_broken_terms_template_names_file_and_line(
    tmp_path: Path, template: str, line: int
) -> None:
    terms = tmp_path / "broken.md.j2"
    terms.write_text(template, encoding="utf-8")
    with pytest.raises(UserError) as error:
        build_agreement_pdf(agreement(), terms)
    message = str(error.value)
    assert str(terms.resolve()) in message or str(terms) in message
    assert f"line {line}" in message


def test_missing_terms_template(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="can't be read"):
        build_agreement_pdf(agreement(), tmp_path / "nope.md.j2")


def test_agreement_needs_a_responsible_party() -> None:
    with pytest.raises(UserError, match="responsible party"):
        build_agreement_pdf(agreement(responsible=()))


def test_preferred_name_and_single_party() -> None:
    data = replace(
        agreement(),
        patient_legal_name="Дмитрий Соколов",
        patient_preferred_name="Dima",
        patient_birth_date=date(1996, 8, 16),
        responsible=(PartyLine("Дмитрий Соколов", "Self"),),
    )
    body = flat(text(build_agreement_pdf(data)))
    assert "Дмитрий Соколов (known as Dima)" in body
    assert "Дмитрий Соколов, self (responsible party)" in body
