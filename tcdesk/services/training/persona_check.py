"""Checking one persona's parsed TOML and building the ``Persona`` (format 1).

Every problem is reported with the key it is under (``objections.cost.when``),
and a persona with any problem is refused whole: a half-checked family would
fail in the middle of someone's practice session instead of here.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from tcdesk.domain import ConditionCode, Severity, TreatmentType
from tcdesk.services.training.persona_errors import Fields
from tcdesk.services.training.persona_model import (
    FORMAT_VERSION,
    HOLD_BACK_REASONS,
    ROLES,
    Finding,
    Hidden,
    Insurance,
    Person,
    Persona,
)
from tcdesk.services.training.persona_objections import (
    check_decisions,
    check_model_answers,
    check_objections,
)

TOP = (
    "format",
    "key",
    "title",
    "language",
    "flow",
    "walk_in",
    "shopping",
    "notes",
    "people",
    "decides",
    "pays",
    "patient_age",
    "findings",
    "options",
    "recommended",
    "concern",
    "insurance",
    "money",
    "hidden",
    "objections",
    "decisions",
)
REQUIRED = tuple(k for k in TOP if k not in ("walk_in", "shopping", "notes", "insurance"))
LANGUAGES = ("en", "es")
TREATMENTS = tuple(t.value for t in TreatmentType)


def check_persona(
    data: Mapping[str, Any], fields: Fields, flows: Mapping[str, frozenset[str]]
) -> Persona | None:
    """The persona in ``data``, or None with every problem in ``fields.errors``."""
    if isinstance(data, dict) and isinstance(data.get("key"), str) and data["key"].strip():
        fields.owner = data["key"]  # every problem names the persona, even the first
    top = fields.table(data, "", TOP, REQUIRED)
    if top is None:
        return None
    key = fields.text(top, "key", "")
    if top.get("format", FORMAT_VERSION) != FORMAT_VERSION:
        fields.error("format", f"this is format {FORMAT_VERSION}, not {top.get('format')!r}")
    flow = fields.choice(top, "flow", "", sorted(flows), "flow")
    people = _people(top, fields)
    names = {p.name for p in people}
    decides = fields.texts(top, "decides", "")
    for name in ("decides", "options", "people"):
        if top.get(name) == []:
            fields.error(name, "needs at least one")
    for name in decides:
        if name not in names:
            fields.error("decides", f"{name!r} is not one of the people{_names(names)}")
    pays = fields.text(top, "pays", "")
    if pays and pays not in names:
        fields.error("pays", f"{pays!r} is not one of the people{_names(names)}")
    options = fields.texts(top, "options", "")
    for option in options:
        if option not in TREATMENTS:
            fields.error("options", f"unknown treatment type {option!r}")
    recommended = fields.choice(top, "recommended", "", options or TREATMENTS, "option")
    objections = check_objections(top, fields, flows.get(flow, frozenset()))
    language = fields.choice(top, "language", "", LANGUAGES, "language")
    if language:
        check_model_answers(objections, language, fields)
    age = fields.number(top, "patient_age", "", 5, 90)
    concern = fields.table(top.get("concern", {}), "concern", ("chief", "priorities"), ("chief",))
    money = fields.table(
        top.get("money", {}), "money", ("monthly_ceiling", "down_payment"), ("monthly_ceiling",)
    )
    persona = Persona(
        key=key,
        title=fields.text(top, "title", ""),
        language=language,
        flow=flow,
        people=people,
        decides=decides,
        pays=pays,
        patient_age=int(age or 0),
        findings=_findings(top, fields),
        options=options,
        recommended=recommended,
        chief_concern=fields.text(concern or {}, "chief", "concern"),
        priorities=fields.texts(concern or {}, "priorities", "concern"),
        monthly_ceiling=fields.number(money or {}, "monthly_ceiling", "money", 0, 10_000)
        or Decimal(0),
        down_payment=fields.number(money or {}, "down_payment", "money", 0, 100_000) or Decimal(0),
        hidden=_hidden(top, fields),
        objections=objections,
        decisions=check_decisions(top, fields),
        insurance=_insurance(top, fields),
        walk_in=bool(fields.flag(top, "walk_in", "")),
        shopping=bool(fields.flag(top, "shopping", "")),
        notes=fields.text(top, "notes", "", default=" ").strip(),
    )
    speakers = [("hidden.speaker", persona.hidden.speaker)] + [
        (f"objections.{o.key}.speaker", o.speaker) for o in objections
    ]
    for key_path, name in speakers:
        if name and name not in names:
            fields.error(key_path, f"{name!r} is not one of the people{_names(names)}")
    if not any(p.role == "patient" for p in people):
        fields.error("people", "no one has the role 'patient'")
    return None if fields.errors else persona


def _names(names: set[str]) -> str:
    return f" ({', '.join(sorted(names))})" if names else ""


def _people(top: Mapping[str, Any], fields: Fields) -> tuple[Person, ...]:
    people = []
    for n, item in enumerate(fields.tables(top, "people", "")):
        where = f"people[{n + 1}]"
        row = fields.table(item, where, ("name", "role", "speaks"), ("name", "role"))
        if row is None:
            continue
        people.append(
            Person(
                name=fields.text(row, "name", where),
                role=fields.choice(row, "role", where, ROLES, "role"),
                speaks=fields.choice(row, "speaks", where, LANGUAGES, "language")
                if "speaks" in row
                else "",
            )
        )
    return tuple(people)


def _findings(top: Mapping[str, Any], fields: Fields) -> tuple[Finding, ...]:
    codes = [c.value for c in ConditionCode]
    found = []
    for n, item in enumerate(fields.tables(top, "findings", "")):
        where = f"findings[{n + 1}]"
        row = fields.table(item, where, ("code", "severity"), ("code",))
        if row is not None:
            code = fields.choice(row, "code", where, codes, "finding code")
            severity = fields.choice(
                row, "severity", where, [s.value for s in Severity], "severity"
            )
            found.append(Finding(code, severity or "moderate"))
    return tuple(found)


def _insurance(top: Mapping[str, Any], fields: Fields) -> Insurance | None:
    if "insurance" not in top:
        return None
    known = ("carrier", "coverage_pct", "lifetime_max", "age_limit", "used")
    row = fields.table(top["insurance"], "insurance", known, known[:3])
    if row is None:
        return None
    age_limit = fields.number(row, "age_limit", "insurance", 0, 99)
    return Insurance(
        carrier=fields.text(row, "carrier", "insurance"),
        coverage_pct=fields.number(row, "coverage_pct", "insurance", 0, 100) or Decimal(0),
        lifetime_max=fields.number(row, "lifetime_max", "insurance", 0, 20_000) or Decimal(0),
        age_limit=int(age_limit) if age_limit is not None else None,
        used=fields.number(row, "used", "insurance", 0, 20_000) or Decimal(0),
    )


def _hidden(top: Mapping[str, Any], fields: Fields) -> Hidden:
    known = ("concern", "revealed_by", "line", "words", "reason", "speaker")
    row = fields.table(top.get("hidden", {}), "hidden", known, known[:5]) or {}
    for name in ("revealed_by", "words"):
        if name in row and row[name] == []:
            fields.error(f"hidden.{name}", "needs at least one phrase")
    return Hidden(
        concern=fields.text(row, "concern", "hidden"),
        revealed_by=fields.texts(row, "revealed_by", "hidden"),
        line=fields.text(row, "line", "hidden"),
        words=fields.texts(row, "words", "hidden"),
        reason=fields.choice(row, "reason", "hidden", HOLD_BACK_REASONS, "reason"),
        speaker=fields.text(row, "speaker", "hidden", default=" ").strip(),
    )
