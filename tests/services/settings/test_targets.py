"""The practice's targets: checked, saved all-or-nothing, admins only, audited."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tcdesk.domain import StaffRole
from tcdesk.services.audit_trail import audit_lines
from tcdesk.services.desk import Desk
from tcdesk.services.settings import targets
from tcdesk.services.sign_in import is_admin
from tcdesk.services.validation import FieldError, FieldErrors


def test_the_defaults_are_the_domains_examples(practice_desk: Desk) -> None:
    assert targets.target_values(practice_desk.practice()) == {
        "target_acceptance_pct": "75",
        "target_same_day_pct": "35",
        "target_follow_up_business_days": "2",
    }


def test_saving_changes_them_and_audits_what_changed(practice_desk: Desk) -> None:
    targets.update_targets(
        practice_desk, {"target_acceptance_pct": "80%", "target_follow_up_business_days": " 3 "}
    )
    practice = practice_desk.practice()
    assert practice.target_acceptance_pct == Decimal("80")
    assert practice.target_follow_up_business_days == 3
    assert practice.target_same_day_pct == Decimal("35")
    (detail,) = [
        line.detail for line in audit_lines(practice_desk) if line.action == "settings_targets"
    ]
    assert "target_acceptance_pct: 75% -> 80%" in detail
    assert "target_follow_up_business_days: 2 -> 3" in detail


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("target_acceptance_pct", "101", "between 0% and 100%"),
        ("target_acceptance_pct", "-1", "between 0% and 100%"),
        ("target_same_day_pct", "lots", "must be a percentage"),
        ("target_follow_up_business_days", "31", "between 0 and 30"),
        ("target_follow_up_business_days", "1.5", "must be a whole number"),
    ],
)
def test_bad_values_are_refused_at_their_field(
    practice_desk: Desk, field: str, value: str, says: str
) -> None:
    with pytest.raises(FieldErrors, match=says) as refused:
        targets.update_targets(practice_desk, {field: value})
    assert [e.field for e in refused.value.errors] == [field]
    assert targets.target_values(practice_desk.practice())[field] in ("75", "35", "2")


def test_one_bad_value_saves_nothing(practice_desk: Desk) -> None:
    with pytest.raises(FieldErrors):
        targets.update_targets(
            practice_desk,
            {
                "target_acceptance_pct": "70",
                "target_same_day_pct": "x",
                "target_follow_up_business_days": "99",
            },
        )
    assert practice_desk.practice().target_acceptance_pct == Decimal("75")


def test_only_an_admin_changes_them(practice_desk: Desk) -> None:
    staff = practice_desk.practices.staff(practice_desk.practice().id)
    someone = next(s for s in staff if not is_admin(s))
    practice_desk.signed_in_id = someone.id
    with pytest.raises(FieldError, match="Only an admin can change the practice's targets"):
        targets.update_targets(practice_desk, {"target_acceptance_pct": "60"})
    admin = next(s for s in staff if is_admin(s) or s.role is StaffRole.ADMIN)
    practice_desk.signed_in_id = admin.id
    targets.update_targets(practice_desk, {"target_acceptance_pct": "60"})
    assert practice_desk.practice().target_acceptance_pct == Decimal("60")
