"""Gathering an agreement and a summary from the demo practice, and refusing bad input."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from tcdesk.documents.agreement_model import PartyLine
from tcdesk.errors import UserError
from tcdesk.money import MoneyInputError
from tcdesk.services.agreement_data import (
    agreement_data,
    agreement_number,
    render_agreement,
    render_summary,
    summary_data,
)
from tcdesk.services.demo import demo_id


def consult_id(key: str) -> str:
    return demo_id("consult", key)


def _text(pdf: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )


def test_agreement_for_an_extended_plan_with_interest(demo_desk) -> None:
    cid = consult_id("dmitri_sokolov")
    data = agreement_data(demo_desk, cid)
    plan = demo_desk.consults.latest_plan(cid)
    year = demo_desk.consults.get(cid).consult_date.year
    assert data.number == agreement_number("Bright Smiles Orthodontics", cid, year)
    assert data.number.startswith("BSO-2026-") and len(data.number) == len("BSO-2026-0D2F04")
    assert data.version == 1 and data.issued_on == plan.agreement_date
    assert data.patient_legal_name == "Дмитрий Соколов"
    assert data.patient_preferred_name == "Dima"
    assert data.responsible == (PartyLine("Дмитрий Соколов", "Self"),)
    assert data.treatment_category == "Surgical"
    assert data.quote.months == 36 and data.quote.request.apr_percent == Decimal("6.9")
    assert data.quote.truth_in_lending.required
    assert data.office_name == "New Albany"
    assert data.coordinator_name == "Kelsey Lindqvist"
    assert data.late_fee == Decimal("35.00") and data.late_fee_days == 10
    assert data.estimate_valid_days == 365
    assert Path(data.logo_path).is_absolute() and Path(data.logo_path).is_file()


def test_number_is_stable_and_options_are_passed_through(demo_desk) -> None:
    cid = consult_id("adaeze_okafor")
    first = agreement_data(demo_desk, cid)
    again = agreement_data(demo_desk, cid, version=2, issued_on=date(2026, 11, 30))
    assert first.number == again.number
    assert again.version == 2 and again.issued_on == date(2026, 11, 30)
    named = agreement_data(demo_desk, cid, number="FA-1")
    assert named.number == "FA-1"


def test_agreement_number_format() -> None:
    assert agreement_number("Bright Smiles Orthodontics", "0d2f04f9-aaaa", 2026) == (
        "BSO-2026-0D2F04"
    )
    assert agreement_number("牙科诊所", "abc", 2027) == "TC-2027-ABC"


def test_zero_percent_family_discount_plan(demo_desk) -> None:
    data = agreement_data(demo_desk, consult_id("adaeze_okafor"))
    names = [d.name for d in data.quote.discounts]
    assert names == ["Sibling discount"]
    assert data.quote.truth_in_lending.apr == 0
    assert data.responsible == (
        PartyLine("Ngozi Okafor", "Mother"),
        PartyLine("Emeka Okafor", "Father"),
    )


def test_render_agreement_for_demo_families(demo_desk) -> None:
    for key in ("ethan_walker", "liam_oconnor", "hina_sato", "minjun_kim", "eleni_papadopoulou"):
        data, pdf = render_agreement(demo_desk, consult_id(key))
        body = _text(pdf)
        assert data.patient_legal_name in body
        for party in data.responsible:
            assert party.name in body
        assert ("ANNUAL PERCENTAGE RATE" in body) == data.quote.truth_in_lending.required


def test_unknown_consult(demo_desk) -> None:
    with pytest.raises(UserError, match="No consult with id nope"):
        agreement_data(demo_desk, "nope")
    with pytest.raises(UserError, match="No consult with id nope"):
        summary_data(demo_desk, "nope")


def test_no_chosen_option(demo_desk) -> None:
    with pytest.raises(UserError, match="no chosen treatment option"):
        agreement_data(demo_desk, consult_id("diego_morales"))


def test_no_plan(demo_desk) -> None:
    cid = consult_id("ruby_whitfield")
    consult = demo_desk.consults.get(cid)
    option = demo_desk.consults.options(cid)[0]
    demo_desk.consults.save(replace(consult, chosen_option_id=option.id))
    with pytest.raises(UserError, match="no payment plan"):
        agreement_data(demo_desk, cid)


def _add_plan(desk, key: str, **changes):
    cid = consult_id(key)
    plan = desk.consults.latest_plan(cid)
    newer = replace(plan, id=f"{plan.id}-2", created_at="2099-01-01T00:00:00+00:00", **changes)
    desk.consults.add_plan(newer)
    return cid


def test_plan_for_another_option(demo_desk) -> None:
    cid = consult_id("mila_ivanova")
    other = next(o for o in demo_desk.consults.options(cid) if not o.recommended)
    _add_plan(demo_desk, "mila_ivanova", option_id=other.id)
    with pytest.raises(UserError, match="for another option"):
        agreement_data(demo_desk, cid)


def test_plan_that_fails_validation(demo_desk) -> None:
    cid = _add_plan(demo_desk, "mila_ivanova", down_cents=999_999_00)
    with pytest.raises(MoneyInputError, match="can't be used for an agreement") as error:
        agreement_data(demo_desk, cid)
    assert error.value.field == "down_payment"


def test_plan_over_the_policy_limits_needs_a_reason(demo_desk) -> None:
    cid = _add_plan(demo_desk, "mila_ivanova", down_cents=10_000)
    with pytest.raises(UserError, match=r"no reason is recorded.*below the practice minimum"):
        agreement_data(demo_desk, cid)
    _add_plan(demo_desk, "ananya_iyer", months=48, over_limit_reason="Approved by Dr. Raman")
    data = agreement_data(demo_desk, consult_id("ananya_iyer"))
    assert data.quote.months == 48


def test_minor_needs_a_responsible_party_other_than_the_patient(demo_desk) -> None:
    cid = consult_id("mila_ivanova")
    patient_id = demo_desk.consults.get(cid).patient_id
    patient = demo_desk.patients.get(patient_id)
    for party in demo_desk.patients.responsible_parties(patient_id):
        demo_desk.patients.save_responsible_party(
            replace(party, name=patient.legal_name, relationship="self")
        )
    with pytest.raises(UserError, match=r"under 18.*add a parent or guardian"):
        agreement_data(demo_desk, cid)


def test_adult_without_parties_is_their_own_responsible_party(demo_desk) -> None:
    cid = consult_id("dmitri_sokolov")
    patient_id = demo_desk.consults.get(cid).patient_id
    demo_desk.db.execute("DELETE FROM responsible_parties WHERE patient_id = ?", [patient_id])
    data = agreement_data(demo_desk, cid)
    assert data.responsible == (PartyLine("Дмитрий Соколов", "Self"),)


def test_corrupt_logo_names_the_file(demo_desk, tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n not really")
    practice = demo_desk.practice()
    demo_desk.practices.save(replace(practice, logo_path=str(logo)))
    with pytest.raises(UserError, match="logo file") as error:
        render_agreement(demo_desk, consult_id("ethan_walker"))
    assert str(logo) in str(error.value)


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
