"""What the doctor found: condition codes (DOMAIN.md) with a severity and the doctor's note."""

from __future__ import annotations

from dataclasses import replace

from tcdesk.domain import ConditionCode, Finding, Severity
from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.ids import new_id
from tcdesk.services.record_changes import (
    RecordChange,
    change,
    next_position,
    recording,
    reorder,
    require_consult,
)
from tcdesk.services.validation import FieldError, Problems
from tcdesk.text_safety import strip_controls

NOTE_MAX = 500

CONDITION_LABELS: dict[ConditionCode, str] = {
    ConditionCode.CROWDING: "Crowding",
    ConditionCode.SPACING: "Spacing",
    ConditionCode.DEEP_BITE: "Deep bite (overbite)",
    ConditionCode.OPEN_BITE: "Open bite",
    ConditionCode.OVERJET: "Overjet",
    ConditionCode.UNDERBITE: "Underbite",
    ConditionCode.CROSSBITE: "Crossbite",
    ConditionCode.MIDLINE_SHIFT: "Midline shift",
    ConditionCode.IMPACTED: "Impacted teeth",
    ConditionCode.MISSING: "Missing teeth",
}
SEVERITY_LABELS: dict[Severity, str] = {
    Severity.MILD: "Mild",
    Severity.MODERATE: "Moderate",
    Severity.SEVERE: "Severe",
}


def condition(value: str | ConditionCode) -> ConditionCode:
    """A condition code as typed ("crowding", "deep bite", "Deep bite (overbite)")."""
    if isinstance(value, ConditionCode):
        return value
    text = str(value).strip().lower()
    for code, label in CONDITION_LABELS.items():
        if text in (code.value, code.value.replace("_", " "), label.lower()):
            return code
    codes = ", ".join(c.value for c in ConditionCode)
    raise FieldError("code", f'"{value}" is not a condition; use one of: {codes}.')


def severity(value: str | Severity) -> Severity:
    if isinstance(value, Severity):
        return value
    text = str(value).strip().lower()
    for level in Severity:
        if text == level.value:
            return level
    raise FieldError("severity", f'"{value}" is not a severity; use mild, moderate or severe.')


def clean_note(note: str) -> str:
    cleaned = strip_controls(note, keep_newlines=True).strip()
    if len(cleaned) > NOTE_MAX:
        raise FieldError(
            "note", f"The note is {len(cleaned)} characters; keep it under {NOTE_MAX}."
        )
    return cleaned


def _checked(code: str | ConditionCode, level: str | Severity, note: str):
    problems = Problems()
    found: list = [None, None, ""]
    with problems.check():
        found[0] = condition(code)
    with problems.check():
        found[1] = severity(level)
    with problems.check():
        found[2] = clean_note(note)
    problems.raise_if_any()
    return found[0], found[1], found[2]


def _duplicate(findings: list[Finding], code: ConditionCode, skip: str | None = None) -> None:
    if any(f.code is code and f.id != skip for f in findings):
        raise FieldError(
            "code", f"{CONDITION_LABELS[code]} is already a finding; edit that one instead."
        )


def _require_finding(desk: Desk, finding_id: str) -> Finding:
    found = desk.records.get("findings", Finding, finding_id)
    if found is None:
        raise UserError(f"No finding with id {finding_id}.")
    return found


def add_finding(
    desk: Desk,
    consult_id: str,
    code: str | ConditionCode,
    level: str | Severity,
    note: str = "",
) -> RecordChange:
    consult = require_consult(desk, consult_id)
    code_, level_, note_ = _checked(code, level, note)
    findings = desk.consults.findings(consult_id)
    _duplicate(findings, code_)
    finding = Finding(new_id(), consult_id, code_, level_, note_, next_position(findings))
    with recording(desk, consult, "finding_added", f"{code_.value} ({level_.value})"):
        desk.consults.save_finding(finding)
    return change(desk, consult, "finding_added", finding)


def edit_finding(
    desk: Desk,
    finding_id: str,
    *,
    code: str | ConditionCode | None = None,
    level: str | Severity | None = None,
    note: str | None = None,
) -> RecordChange:
    old = _require_finding(desk, finding_id)
    consult = require_consult(desk, old.consult_id)
    code_, level_, note_ = _checked(
        old.code if code is None else code,
        old.severity if level is None else level,
        old.note if note is None else note,
    )
    _duplicate(desk.consults.findings(old.consult_id), code_, skip=finding_id)
    new = replace(old, code=code_, severity=level_, note=note_)
    with recording(desk, consult, "finding_edited", f"{code_.value} ({level_.value})"):
        desk.consults.save_finding(new)
    return change(desk, consult, "finding_edited", new)


def remove_finding(desk: Desk, finding_id: str) -> RecordChange:
    old = _require_finding(desk, finding_id)
    consult = require_consult(desk, old.consult_id)
    with recording(desk, consult, "finding_removed", old.code.value):
        desk.records.soft_delete("findings", finding_id)
    return change(desk, consult, "finding_removed", old)


def reorder_findings(desk: Desk, consult_id: str, ids: list[str]) -> RecordChange:
    """Put the findings in the doctor's order (the slide shows them so)."""
    consult = require_consult(desk, consult_id)
    findings = desk.consults.findings(consult_id)
    return reorder(desk, consult, ids, findings, desk.consults.save_finding, "findings")
