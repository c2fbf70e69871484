"""Findings: condition codes with a severity and the doctor's note, in the doctor's order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tcdesk.domain import ConditionCode, Severity
from tcdesk.errors import UserError
from tcdesk.services import consult_findings as findings
from tcdesk.services.desk import Desk
from tcdesk.services.validation import FieldError, FieldErrors
from tests.services.record_seed import open_practice


@pytest.fixture
def practice(empty_store: Path) -> Iterator[tuple[Desk, str]]:
    desk, consult_id = open_practice(empty_store)
    yield desk, consult_id
    desk.close()


def test_add_edit_reorder_and_remove(practice) -> None:
    desk, cid = practice
    crowd = findings.add_finding(desk, cid, "crowding", "moderate", "  UL2 blocked out ").changed
    bite = findings.add_finding(desk, cid, ConditionCode.DEEP_BITE, Severity.MILD).changed
    assert crowd.note == "UL2 blocked out" and (crowd.position, bite.position) == (0, 1)
    findings.edit_finding(desk, bite.id, level="severe", note="Lower incisors hit the palate")
    findings.reorder_findings(desk, cid, [bite.id, crowd.id])
    kept = desk.consults.findings(cid)
    assert [(f.code, f.severity) for f in kept] == [
        (ConditionCode.DEEP_BITE, Severity.SEVERE),
        (ConditionCode.CROWDING, Severity.MODERATE),
    ]
    findings.remove_finding(desk, crowd.id)
    assert [f.id for f in desk.consults.findings(cid)] == [bite.id]
    # soft-deleted, not gone
    row = desk.db.execute("SELECT deleted_at FROM findings WHERE id = ?", [crowd.id]).fetchone()
    assert row[0]
    actions = [a["action"] for a in desk.audit.for_subject(cid)]
    assert actions == [
        "record_finding_added",
        "record_finding_added",
        "record_finding_edited",
        "record_findings_reordered",
        "record_finding_removed",
    ]


def test_labels_are_understood_too(practice) -> None:
    desk, cid = practice
    made = findings.add_finding(desk, cid, "Deep bite (overbite)", "Mild").changed
    assert made.code is ConditionCode.DEEP_BITE


def test_unknown_code_and_severity_are_refused_at_their_fields(practice) -> None:
    desk, cid = practice
    with pytest.raises(FieldErrors) as refused:
        findings.add_finding(desk, cid, "gap teeth", "huge", "x" * 600)
    assert set(refused.value.by_field()) == {"code", "severity", "note"}
    assert "crowding" in refused.value.by_field()["code"]
    assert desk.consults.findings(cid) == []
    assert desk.audit.for_subject(cid) == []


def test_the_same_condition_twice_is_refused(practice) -> None:
    desk, cid = practice
    findings.add_finding(desk, cid, "spacing", "mild")
    with pytest.raises(FieldError, match="already a finding"):
        findings.add_finding(desk, cid, "spacing", "severe")


def test_a_new_order_must_name_every_finding_once(practice) -> None:
    desk, cid = practice
    one = findings.add_finding(desk, cid, "spacing", "mild").changed
    findings.add_finding(desk, cid, "overjet", "mild")
    with pytest.raises(UserError, match="each of the consult's findings once"):
        findings.reorder_findings(desk, cid, [one.id, one.id])
