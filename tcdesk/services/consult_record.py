"""The consult record, filled before or during the exam: one call reads it all.

``record`` answers everything the record form and ``tcdesk record show``
show: the chief concern in the family's words, their priorities (with the
usual choices), the findings, the options with their fee schedule lines,
the photos and x-rays, the flow in use (automatic or chosen) and whether a
financial agreement exists. The changes live beside it: concern, priorities
and flow here; ``consult_findings``, ``consult_options``, ``consult_photos``.
Each change is validated, audited, all-or-nothing, and returns a
``RecordChange`` carrying the agreement warning when there is one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from tcdesk.domain import (
    ConditionCode,
    Consult,
    FeeScheduleItem,
    Finding,
    PatientPhoto,
    Severity,
    TreatmentOption,
)
from tcdesk.errors import UserError
from tcdesk.flows import Flow
from tcdesk.services.consult_findings import (
    CONDITION_LABELS,
    SEVERITY_LABELS,
    add_finding,
    edit_finding,
    remove_finding,
    reorder_findings,
)
from tcdesk.services.consult_options import (
    add_option,
    edit_option,
    fee_lines,
    fee_needs_reason,
    remove_option,
    reorder_options,
)
from tcdesk.services.consult_photos import (
    KIND_LABELS,
    PhotoImport,
    add_photos,
    edit_photo,
    remove_photo,
    reorder_photos,
)
from tcdesk.services.consult_photos import (
    KINDS as KIND_VALUES,
)
from tcdesk.services.desk import Desk
from tcdesk.services.presentation import applicable_flow, build_context
from tcdesk.services.presentation.flow_choice import automatic_flow, wanted_audience
from tcdesk.services.presentation.photos import media_path, ordered_photos
from tcdesk.services.record_changes import (
    RecordChange,
    agreement_warning,
    change,
    recording,
    require_consult,
)
from tcdesk.services.validation import FieldError
from tcdesk.text_safety import strip_controls

__all__ = [
    "AUTOMATIC",
    "KIND_LABELS",
    "KIND_VALUES",
    "PRIORITY_CHOICES",
    "ConsultRecord",
    "FlowPick",
    "PhotoImport",
    "RecordChange",
    "RecordOption",
    "RecordPhoto",
    "add_finding",
    "add_option",
    "add_photos",
    "agreement_warning",
    "edit_finding",
    "edit_option",
    "edit_photo",
    "record",
    "remove_finding",
    "remove_option",
    "remove_photo",
    "reorder_findings",
    "reorder_options",
    "reorder_photos",
    "set_concern",
    "set_concern_and_priorities",
    "set_flow",
    "set_priorities",
]

AUTOMATIC = ""  # Consult.flow_id for "pick the flow from age and options"
CONCERN_MAX = 1000
PRIORITY_MAX = 60
PRIORITIES_MAX = 8
# What families say matters most (DOMAIN.md), in the words the demo records use.
PRIORITY_CHOICES: tuple[str, ...] = (
    "appearance",
    "comfort",
    "cost",
    "speed",
    "convenience",
    "sports",
    "music",
    "school photos",
    "a wedding",
)


@dataclass(frozen=True)
class RecordOption:
    option: TreatmentOption
    fee_line: str  # the fee schedule line's name ("" when it came from elsewhere)
    fee_differs: bool  # from the schedule's fee (then ``option.fee_reason`` says why)


@dataclass(frozen=True)
class RecordPhoto:
    photo: PatientPhoto
    file: str  # absolute path inside the media folder ("" when the file is gone or demo)
    this_consult: bool
    kind_label: str


@dataclass(frozen=True)
class FlowPick:
    chosen_id: str  # "" = automatic
    in_use_id: str
    in_use_name: str
    automatic_id: str
    automatic_name: str
    automatic_reason: str  # why automatic picks it: "age 12, Phase I options"
    audience: str  # the audience the patient's age asks for
    choices: tuple[tuple[str, str, bool], ...]  # (id, name, fits this patient)

    @property
    def automatic(self) -> bool:
        return self.chosen_id == AUTOMATIC


@dataclass(frozen=True)
class ConsultRecord:
    consult: Consult
    patient_name: str
    age: int
    concern: str
    priorities: tuple[str, ...]
    priority_choices: tuple[str, ...]
    findings: tuple[Finding, ...]
    conditions: tuple[tuple[ConditionCode, str], ...]
    severities: tuple[tuple[Severity, str], ...]
    options: tuple[RecordOption, ...]
    fee_lines: tuple[FeeScheduleItem, ...]
    photos: tuple[RecordPhoto, ...]
    flow: FlowPick
    agreement_warning: str  # "" when no agreement; the UI asks before saving

    @property
    def has_agreement(self) -> bool:
        return bool(self.agreement_warning)


def record(desk: Desk, consult_id: str, flows: Mapping[str, Flow] | None = None) -> ConsultRecord:
    """The whole record of ``consult_id``; ``flows`` are the loaded flows (loaded if None)."""
    consult = require_consult(desk, consult_id)
    patient = desk.patients.get(consult.patient_id)
    if patient is None:
        raise UserError(f"The patient of consult {consult_id} is missing.")
    if flows is None:
        flows = loaded_flows()
    lines = {line.id: line for line in fee_lines(desk)}
    options = tuple(
        RecordOption(
            option=o,
            fee_line=lines[o.fee_schedule_id].name if o.fee_schedule_id in lines else "",
            fee_differs=fee_needs_reason(o, o.fee_cents),
        )
        for o in desk.consults.options(consult_id)
    )
    photos = tuple(
        RecordPhoto(
            photo=p,
            file=media_path(desk, p) if p.sha256 else "",
            this_consult=p.consult_id == consult_id,
            kind_label=KIND_LABELS.get(p.kind, p.kind),
        )
        for p in ordered_photos(desk, consult.patient_id, consult_id)
    )
    return ConsultRecord(
        consult=consult,
        patient_name=patient.display_name,
        age=patient.age_on(consult.consult_date),
        concern=consult.chief_concern,
        priorities=consult.priorities,
        priority_choices=PRIORITY_CHOICES,
        findings=tuple(desk.consults.findings(consult_id)),
        conditions=tuple(CONDITION_LABELS.items()),
        severities=tuple(SEVERITY_LABELS.items()),
        options=options,
        fee_lines=tuple(lines.values()),
        photos=photos,
        flow=flow_pick(desk, consult, flows),
        agreement_warning=agreement_warning(desk, consult_id),
    )


def loaded_flows() -> dict[str, Flow]:
    """The flows in presentation_flows/ (for callers without a loaded kit: the CLI)."""
    from tcdesk.flows import load_flows
    from tcdesk.paths import assets_dir, flows_dir

    return dict(load_flows(flows_dir(), assets=assets_dir()).flows)


def flow_pick(desk: Desk, consult: Consult, flows: Mapping[str, Flow]) -> FlowPick:
    """The flow this consult is presented with, and the one automatic would pick."""
    context = build_context(desk, consult.id)
    picked = automatic_flow(flows, context)
    automatic = picked.flow if picked else None
    in_use = applicable_flow(flows, context, consult.flow_id)
    audience = wanted_audience(context)
    choices = tuple(
        (f.id, f.name, f.audience in (audience, "any") or f is automatic)
        for f in sorted(flows.values(), key=lambda f: f.name.lower())
    )
    return FlowPick(
        chosen_id=consult.flow_id if consult.flow_id in flows else AUTOMATIC,
        in_use_id=in_use.id if in_use else "",
        in_use_name=in_use.name if in_use else "",
        automatic_id=automatic.id if automatic else "",
        automatic_name=automatic.name if automatic else "",
        automatic_reason=picked.reason if picked else "",
        audience=audience,
        choices=choices,
    )


def set_concern(desk: Desk, consult_id: str, text: str) -> RecordChange:
    """The chief concern, as the family said it (their words are kept, spacing tidied)."""
    consult = require_consult(desk, consult_id)
    text = strip_controls(text, keep_newlines=True)
    cleaned = "\n".join(" ".join(line.split()) for line in text.strip().splitlines()).strip()
    if len(cleaned) > CONCERN_MAX:
        raise FieldError(
            "concern", f"The concern is {len(cleaned)} characters; keep it under {CONCERN_MAX}."
        )
    return _save(desk, consult, replace(consult, chief_concern=cleaned), "concern_set", cleaned)


def clean_priorities(priorities: Sequence[str]) -> tuple[str, ...]:
    """In the family's order, each once (whatever its letter case), none empty."""
    seen: set[str] = set()
    kept: list[str] = []
    for raw in priorities:
        text = " ".join(strip_controls(str(raw)).split())
        if not text or text.casefold() in seen:
            continue
        if len(text) > PRIORITY_MAX:
            raise FieldError(
                "priorities", f'"{text[:20]}…" is long for a priority; keep each under 60.'
            )
        seen.add(text.casefold())
        kept.append(text)
    if len(kept) > PRIORITIES_MAX:
        raise FieldError(
            "priorities", f"Keep to the {PRIORITIES_MAX} things that matter most to them."
        )
    return tuple(kept)


def set_priorities(desk: Desk, consult_id: str, priorities: Sequence[str]) -> RecordChange:
    consult = require_consult(desk, consult_id)
    kept = clean_priorities(priorities)
    return _save(
        desk, consult, replace(consult, priorities=kept), "priorities_set", ", ".join(kept)
    )


def set_concern_and_priorities(
    desk: Desk, consult_id: str, concern: str, priorities: Sequence[str]
) -> RecordChange:
    """The record form's first section in one go: both saved, or neither."""
    clean_priorities(priorities)  # refuse before writing anything
    with desk.transaction():
        set_concern(desk, consult_id, concern)
        return set_priorities(desk, consult_id, priorities)


def set_flow(
    desk: Desk, consult_id: str, flow_id: str, flows: Mapping[str, Flow] | None = None
) -> RecordChange:
    """Choose the flow ("" or "auto": pick it from age and options again)."""
    consult = require_consult(desk, consult_id)
    wanted = flow_id.strip()
    if wanted.lower() in ("", "auto", "automatic"):
        wanted = AUTOMATIC
    else:
        known = flows if flows is not None else loaded_flows()
        if wanted not in known:
            names = ", ".join(sorted(known)) or "none loaded"
            raise FieldError("flow", f'No flow "{wanted}"; the flows are: {names} (or auto).')
    detail = wanted or "automatic"
    return _save(desk, consult, replace(consult, flow_id=wanted), "flow_set", detail)


def _save(desk: Desk, consult: Consult, new: Consult, action: str, detail: str) -> RecordChange:
    with recording(desk, consult, action, detail):
        desk.consults.save(new)
    return change(desk, new, action, new)
