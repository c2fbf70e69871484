"""``tcdesk record show``: the consult record as text or JSON (the app's words)."""

from __future__ import annotations

from typing import Any

from tcdesk.formatting import money_from_cents
from tcdesk.services.consult_findings import CONDITION_LABELS, SEVERITY_LABELS
from tcdesk.services.consult_record import ConsultRecord


def record_json(shown: ConsultRecord) -> dict[str, Any]:
    flow = shown.flow
    return {
        "consult_id": shown.consult.id,
        "patient": shown.patient_name,
        "age": shown.age,
        "concern": shown.concern,
        "priorities": list(shown.priorities),
        "priority_choices": list(shown.priority_choices),
        "findings": [
            {"id": f.id, "code": f.code.value, "severity": f.severity.value, "note": f.note}
            for f in shown.findings
        ],
        "options": [
            {
                "id": o.option.id,
                "type": o.option.treatment_type.value,
                "title": o.option.title,
                "fee_cents": o.option.fee_cents,
                "schedule_fee_cents": o.option.schedule_fee_cents,
                "fee_reason": o.option.fee_reason,
                "fee_line": o.fee_line,
                "fee_schedule_id": o.option.fee_schedule_id,
                "months": o.option.estimated_months,
                "visit_weeks": o.option.visit_interval_weeks,
                "recommended": o.option.recommended,
            }
            for o in shown.options
        ],
        "photos": [
            {
                "id": p.photo.id,
                "kind": p.photo.kind,
                "caption": p.photo.caption,
                "path": p.photo.path,
                "sha256": p.photo.sha256,
                "width": p.photo.width,
                "height": p.photo.height,
                "this_consult": p.this_consult,
            }
            for p in shown.photos
        ],
        "flow": {
            "chosen": flow.chosen_id or "auto",
            "in_use": flow.in_use_id,
            "automatic": flow.automatic_id,
            "fitting": [flow_id for flow_id, _name, fits in flow.choices if fits],
            "all": [flow_id for flow_id, _name, _fits in flow.choices],
        },
        "agreement_warning": shown.agreement_warning,
    }


def record_text(shown: ConsultRecord) -> str:
    lines = [f"{shown.patient_name}, {shown.age} · consult {shown.consult.id}", ""]
    lines.append(f"Concern (in their words): {shown.concern or '(not recorded)'}")
    lines.append(f"What matters most: {', '.join(shown.priorities) or '(not recorded)'}")
    lines.append("")
    lines.append("Findings:" if shown.findings else "Findings: none yet")
    for f in shown.findings:
        note = f" — {f.note}" if f.note else ""
        label = f"{CONDITION_LABELS[f.code]} ({SEVERITY_LABELS[f.severity].lower()})"
        lines.append(f"  {f.id}  {label}{note}")
    lines.append("Options:" if shown.options else "Options: none yet")
    for o in shown.options:
        opt = o.option
        star = "★ " if opt.recommended else ""
        fee = money_from_cents(opt.fee_cents)
        if o.fee_differs:
            fee += f" (schedule {money_from_cents(opt.schedule_fee_cents or 0)}: {opt.fee_reason})"
        lines.append(f"  {opt.id}  {star}{opt.title}: {fee}, {opt.estimated_months} months")
    lines.append("Photos & x-rays:" if shown.photos else "Photos & x-rays: none yet")
    for p in shown.photos:
        caption = f" “{p.photo.caption}”" if p.photo.caption else ""
        where = "" if p.this_consult else " (another consult)"
        lines.append(f"  {p.photo.id}  {p.kind_label}{caption}{where}")
    flow = shown.flow
    if flow.automatic:
        lines.append(f"Flow: automatic — {flow.automatic_name} ({flow.automatic_id})")
    else:
        lines.append(f"Flow: {flow.in_use_name} ({flow.in_use_id}), chosen")
    if shown.agreement_warning:
        lines += ["", shown.agreement_warning]
    return "\n".join(lines)
