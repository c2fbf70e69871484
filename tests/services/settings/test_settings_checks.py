"""Each area's checks name the field and say what to type, all mistakes at once."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image

from tcdesk.domain import OfficeKind
from tcdesk.errors import UserError
from tcdesk.services.document_sources import logo_path
from tcdesk.services.media import media_dir_for
from tcdesk.services.settings import fees, money_rules, offices, practice_details, staff, terms
from tcdesk.services.validation import FieldError, FieldErrors


def _fields(error: pytest.ExceptionInfo) -> dict[str, str]:
    value = error.value
    return value.by_field() if isinstance(value, FieldErrors) else {value.field: value.message}


def test_practice_mistakes_are_reported_together(practice_desk) -> None:
    with pytest.raises(FieldErrors) as error:
        practice_details.update_practice(
            practice_desk,
            {"name": "", "phone": "12", "email": "x@", "website": "my site", "brand_color": "red"},
        )
    assert _fields(error) == {
        "name": "The practice's name is needed.",
        "phone": '"12" is not a phone number.',
        "email": '"x@" is not an email address (like name@example.com).',
        "website": '"my site" is not a web address (like brightsmiles.com).',
        "brand_color": "The colour must look like #1F6F8B.",
    }


def test_an_imported_logo_lives_beside_the_store_and_resolves_to_an_absolute_path(
    practice_desk, tmp_path: Path
) -> None:
    source = tmp_path / "outside" / "logo.png"
    source.parent.mkdir()
    Image.new("RGB", (400, 160), (200, 40, 40)).save(source)
    practice = practice_details.import_logo(practice_desk, source)
    assert practice.logo_path.startswith("media:")
    resolved = Path(logo_path(practice, practice_desk.path))
    assert resolved.is_absolute() and resolved.is_file()
    assert resolved.is_relative_to(media_dir_for(practice_desk.path))
    source.unlink()  # the original can go: the practice keeps its own copy
    assert Path(practice_details.logo_file(practice_desk)).is_file()


def test_exactly_one_main_office_and_removed_offices_stay_for_history(practice_desk) -> None:
    north = offices.add_office(practice_desk, {"name": "Northside", "kind": "main"})
    kinds = {o.name: o.kind for o in offices.list_offices(practice_desk)}
    assert kinds == {"Northside": OfficeKind.MAIN, "Lakeside": OfficeKind.SATELLITE}
    lakeside = offices.find_office(practice_desk, "lakeside")
    offices.remove_office(practice_desk, lakeside.id)
    assert [o.name for o in offices.list_offices(practice_desk)] == ["Northside"]
    practice_id = north.practice_id
    history = practice_desk.practices.offices(practice_id, include_removed=True)
    assert {o.name for o in history} == {"Northside", "Lakeside"}
    with pytest.raises(FieldErrors, match="already an office named northside"):
        offices.add_office(practice_desk, {"name": " northside "})


def test_a_deactivated_person_is_kept_and_can_come_back(practice_desk) -> None:
    staff.add_staff(practice_desk, {"name": "Kim Ito", "role": "coordinator"})
    ana = staff.find_staff(practice_desk, "Ana Torres")
    staff.set_staff_active(practice_desk, ana.id, False)
    assert practice_desk.practices.staff_member(ana.id).active is False
    assert ana.id not in {s.id for s in staff.list_staff(practice_desk, active_only=True)}
    staff.set_staff_active(practice_desk, ana.id, True)
    assert practice_desk.practices.staff_member(ana.id).active is True
    with pytest.raises(FieldErrors) as error:
        staff.edit_staff(practice_desk, ana.id, {"name": "", "email": "ana", "role": "boss"})
    assert set(_fields(error)) == {"name", "email", "role"}


def test_the_last_active_coordinator_or_doctor_stays(practice_desk) -> None:
    """A walk-in, a booking and a record each need one of each: the last one cannot go."""
    ana = staff.find_staff(practice_desk, "Ana Torres")
    lee = staff.find_staff(practice_desk, "Dr. Lee")
    with pytest.raises(UserError) as error:
        staff.set_staff_active(practice_desk, lee.id, False)
    assert str(error.value) == (
        "Dr. Lee is the only active doctor; add another doctor before deactivating them."
    )
    with pytest.raises(UserError, match="Ana Torres is the only active treatment coordinator"):
        staff.set_staff_active(practice_desk, ana.id, False)
    with pytest.raises(FieldError) as moved:
        staff.edit_staff(practice_desk, lee.id, {"role": "admin"})
    assert moved.value.field == "role"
    assert "add another doctor before changing their role" in moved.value.message
    assert all(s.active for s in staff.list_staff(practice_desk))
    assert staff.find_staff(practice_desk, "Dr. Lee").role.value == "doctor"
    # An inactive doctor does not count; another active one does.
    gone = staff.add_staff(practice_desk, {"name": "Dr. Old", "role": "doctor"})
    staff.set_staff_active(practice_desk, gone.id, False)
    with pytest.raises(UserError):
        staff.set_staff_active(practice_desk, lee.id, False)
    staff.set_staff_active(practice_desk, gone.id, True)
    staff.set_staff_active(practice_desk, lee.id, False)
    assert not practice_desk.practices.staff_member(lee.id).active
    staff.edit_staff(practice_desk, lee.id, {"role": "admin"})  # inactive: no one relies on him


def test_fee_checks(practice_desk) -> None:
    with pytest.raises(FieldErrors) as error:
        fees.add_fee(
            practice_desk,
            {
                "treatment_type": "crowns",
                "name": "Metal braces",
                "fee": "abc",
                "months": "200",
                "visit_weeks": "0",
            },
        )
    found = _fields(error)
    assert found["treatment_type"].startswith("The treatment type is one of metal_braces")
    assert found["name"] == "There is already a fee named Metal braces."
    assert found["fee"] == 'The fee must be an amount in dollars (not "abc").'
    assert found["months"] == "The estimated months must be between 1 and 60."
    assert found["visit_weeks"] == "The weeks between visits must be between 1 and 52."
    item = fees.add_fee(
        practice_desk,
        {"treatment_type": "Clear aligners", "name": "Aligners lite", "fee": "$3,250.50"},
    )
    assert item.fee_cents == 325_050 and item.treatment_type.value == "clear_aligners"
    assert fees.list_fees(practice_desk)[-1] == item  # new fees go last


def test_every_policy_field_can_be_shown_and_typed_back(practice_desk) -> None:
    policy = money_rules.current_policy(practice_desk)
    typed = {f.key: money_rules.form_value(policy, f) for f in money_rules.POLICY_FIELDS}
    assert money_rules.check_policy_change(policy, typed) == policy
    attrs = {f.attr for f in money_rules.POLICY_FIELDS}
    from dataclasses import fields

    from tcdesk.domain import FinancialPolicy

    assert attrs == {f.name for f in fields(FinancialPolicy)} - {"practice_id"}


def test_policy_messages(practice_desk) -> None:
    with pytest.raises(FieldErrors) as error:
        money_rules.update_policy(
            practice_desk,
            {
                "min_down_pct": "120",
                "apr_pct": "x",
                "late_after_days": "0",
                "remainder": "middle",
                "nonsense": "1",
            },
        )
    assert _fields(error) == {
        "min_down_pct": "The minimum down payment must be between 0% and 100%.",
        "apr_pct": 'The APR must be a percentage, like 50 (not "x").',
        "late_after_days": "The late after must be between 1 and 60.",
        "remainder": 'Leftover cents go on the "first" or "last" payment.',
        "nonsense": "There is no money rule nonsense.",
    }
    with pytest.raises(FieldErrors, match="low down payment option cannot be more"):
        money_rules.update_policy(practice_desk, {"low_down": "300"})
    new = money_rules.update_policy(practice_desk, {"low_down": "0", "apr_pct": "4.9"})
    assert new.low_down_cents == 0 and new.apr_pct == Decimal("4.9")


def test_terms_render_for_a_sample_and_reset_to_the_shipped_ones(practice_desk) -> None:
    shipped = terms.preview_terms(practice_desk, terms.shipped_terms())
    assert shipped.ok and "Lakeside Orthodontics" in shipped.text
    own = "# Our terms\n\nThe fee is {{ total_fee | money }}; late after {{ late_fee_days }} days."
    preview = terms.set_terms(practice_desk, own)
    assert preview.text == "# Our terms\n\nThe fee is $5,600.00; late after 10 days."
    assert terms.terms_template(practice_desk) == own and terms.uses_own_terms(practice_desk)
    broken = terms.preview_terms(practice_desk, "{{ patient_nme }}")
    assert (
        broken.problem == "Template error in the terms template, line 1: 'patient_nme' is undefined"
    )
    terms.reset_terms(practice_desk)
    assert terms.terms_template(practice_desk) == terms.shipped_terms()
    terms.set_terms(practice_desk, terms.shipped_terms())  # the shipped text is stored as ""
    assert not terms.uses_own_terms(practice_desk)


def test_a_second_active_person_with_the_same_name_is_refused_at_the_name(practice_desk) -> None:
    ana = staff.find_staff(practice_desk, "Ana Torres")
    with pytest.raises(FieldErrors) as error:
        staff.add_staff(practice_desk, {"name": "ana  torres", "role": "coordinator"})
    assert _fields(error)["name"].startswith(f"Ana Torres ({ana.id}) already works here")
    other = staff.add_staff(practice_desk, {"name": "Ana Torres-Lee", "role": "coordinator"})
    with pytest.raises(FieldErrors):
        staff.edit_staff(practice_desk, other.id, {"name": "Ana Torres"})
    staff.set_staff_active(practice_desk, ana.id, False)
    staff.edit_staff(practice_desk, other.id, {"name": "Ana Torres"})  # the first one left
    with pytest.raises(UserError, match="already works here"):
        staff.set_staff_active(practice_desk, ana.id, True)
