"""Every settings change writes one audit entry saying what changed (old -> new) and
changes nothing else; a refused change writes no entry and changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.settings import fees, money_rules, offices, practice_details, staff, terms
from tests.services.settings.conftest import audit_entries, settings_rows

ACTOR = "staff-admin-1"


def _logo(tmp_path: Path) -> Path:
    path = tmp_path / "logo.png"
    Image.new("RGB", (300, 120), (31, 111, 139)).save(path)
    return path


def _office(desk: Desk) -> str:
    return offices.list_offices(desk)[0].id


def _coordinator(desk: Desk) -> str:
    return next(s.id for s in staff.list_staff(desk) if s.role.value == "coordinator")


def _deactivate_a_coordinator(desk: Desk) -> object:
    """The set-up coordinator leaves once someone else is there (the last one cannot)."""
    from tcdesk.domain import Staff, StaffRole
    from tcdesk.services.ids import new_id

    first = _coordinator(desk)
    practice_id = desk.practices.staff_member(first).practice_id
    desk.practices.save_staff(Staff(new_id(), practice_id, StaffRole.COORDINATOR, "Kim Ito"))
    return staff.set_staff_active(desk, first, False, actor_id=ACTOR)


def _doctor(desk: Desk) -> str:
    return next(s.id for s in staff.list_staff(desk) if s.role.value == "doctor")


def _fee(desk: Desk) -> str:
    return fees.find_fee(desk, "Metal braces").id


# (action, the change, the table it may touch, words the entry must hold)
CHANGES: list[tuple[str, Callable[[Desk, Path], object], str, tuple[str, ...]]] = [
    (
        "settings_practice",
        lambda d, _t: practice_details.update_practice(
            d, {"name": "Lakeside Family Orthodontics", "brand_color": "#2a6f3b"}, actor_id=ACTOR
        ),
        "practices",
        ("name: 'Lakeside Orthodontics' -> 'Lakeside Family Orthodontics'", "'#2A6F3B'"),
    ),
    (
        "settings_practice",
        lambda d, t: practice_details.import_logo(d, _logo(t), actor_id=ACTOR),
        "practices",
        ("logo_path: '' -> 'media:",),
    ),
    (
        "settings_office_added",
        lambda d, _t: offices.add_office(
            d, {"name": "Northside", "phone": "555 010 3000"}, actor_id=ACTOR
        ),
        "offices",
        ("name: none -> 'Northside'", "kind: none -> satellite"),
    ),
    (
        "settings_office_changed",
        lambda d, _t: offices.edit_office(d, _office(d), {"address": "1 Lake Rd"}, actor_id=ACTOR),
        "offices",
        ("address: '' -> '1 Lake Rd'",),
    ),
    (
        "settings_staff_added",
        lambda d, _t: staff.add_staff(d, {"name": "Sam Okafor", "role": "admin"}, actor_id=ACTOR),
        "staff",
        ("name: none -> 'Sam Okafor'", "role: none -> admin"),
    ),
    (
        "settings_staff_changed",
        lambda d, _t: staff.edit_staff(d, _coordinator(d), {"title": "Lead TC"}, actor_id=ACTOR),
        "staff",
        ("title: '' -> 'Lead TC'",),
    ),
    (
        "settings_staff_deactivated",
        lambda d, _t: _deactivate_a_coordinator(d),
        "staff",
        ("active: yes -> no",),
    ),
    (
        "settings_fee_added",
        lambda d, _t: fees.add_fee(
            d,
            {"treatment_type": "surgical", "name": "Surgical case", "fee": "8,900"},
            actor_id=ACTOR,
        ),
        "fee_schedule",
        ("name: none -> 'Surgical case'", "fee_cents: none -> $8,900.00"),
    ),
    (
        "settings_fee_changed",
        lambda d, _t: fees.edit_fee(
            d, _fee(d), {"fee": "5900", "description": "Strong and quick."}, actor_id=ACTOR
        ),
        "fee_schedule",
        ("fee_cents: $5,600.00 -> $5,900.00", "description: '' -> 'Strong and quick.'"),
    ),
    (
        "settings_fee_removed",
        lambda d, _t: fees.remove_fee(d, _fee(d), actor_id=ACTOR),
        "fee_schedule",
        ("removed 'Metal braces'",),
    ),
    (
        "settings_policy",
        lambda d, _t: money_rules.update_policy(
            d, {"pif_discount_pct": "3", "late_fee": "40", "remainder": "last"}, actor_id=ACTOR
        ),
        "financial_policies",
        (
            "pif_discount_pct: 5% -> 3%",
            "late_fee_cents: $35.00 -> $40.00",
            "remainder: first -> last",
        ),
    ),
    (
        "settings_terms",
        lambda d, _t: terms.set_terms(d, "# Terms\n\nPay {{ total_fee | money }}.", actor_id=ACTOR),
        "practices",
        ("agreement_terms: the shipped template -> own template",),
    ),
]


@pytest.mark.parametrize(
    ("action", "change", "table", "words"),
    CHANGES,
    ids=[c[0] + str(i) for i, c in enumerate(CHANGES)],
)
def test_each_change_writes_one_entry_and_changes_only_its_record(
    practice_desk: Desk, tmp_path: Path, action, change, table, words
) -> None:
    before_rows, before_audit = settings_rows(practice_desk), audit_entries(practice_desk)
    change(practice_desk, tmp_path)
    after_rows, after_audit = settings_rows(practice_desk), audit_entries(practice_desk)
    [entry] = after_audit[len(before_audit) :]
    assert entry["action"] == action and entry["actor_id"] == ACTOR
    for word in words:
        assert word in entry["detail"]
    changed = {t for t in after_rows if after_rows[t] != before_rows[t]}
    assert changed == {table}


def test_the_main_office_moving_is_one_entry_that_names_both(practice_desk: Desk) -> None:
    north = offices.add_office(practice_desk, {"name": "Northside"})
    offices.edit_office(practice_desk, north.id, {"kind": "main"})
    entry = audit_entries(practice_desk)[-1]
    assert entry["detail"] == "kind: satellite -> main; 'Lakeside' is now a satellite"
    assert [o.kind.value for o in offices.list_offices(practice_desk)] == ["main", "satellite"]


REFUSED: list[tuple[str, Callable[[Desk, Path], object]]] = [
    ("empty practice name", lambda d, _t: practice_details.update_practice(d, {"name": "  "})),
    (
        "bad colour",
        lambda d, _t: practice_details.update_practice(d, {"name": "X", "brand_color": "teal"}),
    ),
    ("bad email", lambda d, _t: practice_details.update_practice(d, {"email": "front desk@"})),
    ("not a picture", lambda d, t: practice_details.import_logo(d, _text_file(t))),
    ("office without a name", lambda d, _t: offices.add_office(d, {"name": ""})),
    ("two offices with one name", lambda d, _t: offices.add_office(d, {"name": "lakeside"})),
    ("the main office removed", lambda d, _t: offices.remove_office(d, _office(d))),
    (
        "no main office left",
        lambda d, _t: offices.edit_office(d, _office(d), {"kind": "satellite"}),
    ),
    ("the only coordinator", lambda d, _t: staff.set_staff_active(d, _coordinator(d), False)),
    ("the only doctor", lambda d, _t: staff.set_staff_active(d, _doctor(d), False)),
    ("the only doctor's role", lambda d, _t: staff.edit_staff(d, _doctor(d), {"role": "admin"})),
    ("unknown role", lambda d, _t: staff.add_staff(d, {"name": "Kim", "role": "dentist"})),
    ("unknown office", lambda d, _t: staff.add_staff(d, {"name": "Kim", "office": "Mars"})),
    ("negative fee", lambda d, _t: fees.edit_fee(d, _fee(d), {"fee": "-5"})),
    ("fee in fractions of a cent", lambda d, _t: fees.edit_fee(d, _fee(d), {"fee": "5600.001"})),
    ("zero months", lambda d, _t: fees.edit_fee(d, _fee(d), {"months": "0", "name": "Braces"})),
    ("percent over 100", lambda d, _t: money_rules.update_policy(d, {"min_down_pct": "120"})),
    (
        "APR over the cap",
        lambda d, _t: money_rules.update_policy(d, {"apr_pct": "40", "late_fee": "1"}),
    ),
    ("low down above min down", lambda d, _t: money_rules.update_policy(d, {"low_down": "900"})),
    (
        "extended shorter than standard",
        lambda d, _t: money_rules.update_policy(d, {"extended_max_months": "12"}),
    ),
    (
        "not yes or no",
        lambda d, _t: money_rules.update_policy(d, {"pif_combines_with_discounts": "maybe"}),
    ),
    ("syntax error", lambda d, _t: terms.set_terms(d, "# Terms\n{% if paid_in_full %}no end")),
    ("unknown name", lambda d, _t: terms.set_terms(d, "Pay {{ totl_fee | money }}.")),
    ("raises while rendering", lambda d, _t: terms.set_terms(d, "{{ 1 // 0 }}")),
    ("empty terms", lambda d, _t: terms.set_terms(d, "{# nothing #}")),
]


def _text_file(tmp_path: Path) -> Path:
    path = tmp_path / "logo.png"
    path.write_text("not a picture", encoding="utf-8")
    return path


@pytest.mark.parametrize(("why", "change"), REFUSED, ids=[r[0] for r in REFUSED])
def test_a_refused_change_writes_nothing(practice_desk: Desk, tmp_path: Path, why, change) -> None:
    before_rows, before_audit = settings_rows(practice_desk), audit_entries(practice_desk)
    with pytest.raises(UserError) as refused:
        change(practice_desk, tmp_path)
    assert str(refused.value)  # a sentence a person can act on
    assert settings_rows(practice_desk) == before_rows
    assert audit_entries(practice_desk) == before_audit


def test_a_change_that_changes_nothing_writes_no_entry(practice_desk: Desk) -> None:
    before = audit_entries(practice_desk)
    practice_details.update_practice(practice_desk, {"name": "Lakeside Orthodontics"})
    money_rules.update_policy(practice_desk, {"late_fee": "35.00"})
    assert audit_entries(practice_desk) == before
