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
from tcdesk.services.training.matching import phrase_words
from tcdesk.services.training.objections import TrainingObjection
from tcdesk.services.training.persona_errors import Fields
from tcdesk.services.training.persona_model import (
    FORMAT_VERSION,
    HOLD_BACK_REASONS,
    ROLES,
    DecisionRule,
    Finding,
    Hidden,
    Idea,
    Insurance,
    Laer,
    Outcome,
    Person,
    Persona,
    ScriptedObjection,
    SettledBy,
)
from tcdesk.services.training.persona_parts import check_when, decision_conditions

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
OBJECTION_KEYS = (
    "key",
    "kind",
    "line",
    "when",
    "model_answer",
    "settle_at",
    "settled_by",
    "settled_line",
    "follow_up",
    *(step.value for step in Laer),
)
TREATMENTS = tuple(t.value for t in TreatmentType)
CHOICE_KEYS = ("pay_in_full", "standard", "low_down", "extended")


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
    objections = _objections(top, fields, flows.get(flow, frozenset()))
    age = fields.number(top, "patient_age", "", 5, 90)
    concern = fields.table(top.get("concern", {}), "concern", ("chief", "priorities"), ("chief",))
    money = fields.table(
        top.get("money", {}), "money", ("monthly_ceiling", "down_payment"), ("monthly_ceiling",)
    )
    persona = Persona(
        key=key,
        title=fields.text(top, "title", ""),
        language=fields.choice(top, "language", "", LANGUAGES, "language"),
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
        decisions=_decisions(top, fields),
        insurance=_insurance(top, fields),
        walk_in=bool(fields.flag(top, "walk_in", "")),
        shopping=bool(fields.flag(top, "shopping", "")),
        notes=fields.text(top, "notes", "", default=" ").strip(),
    )
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
    known = ("concern", "revealed_by", "line", "words", "reason")
    row = fields.table(top.get("hidden", {}), "hidden", known, known) or {}
    return Hidden(
        concern=fields.text(row, "concern", "hidden"),
        revealed_by=fields.texts(row, "revealed_by", "hidden"),
        line=fields.text(row, "line", "hidden"),
        words=fields.texts(row, "words", "hidden"),
        reason=fields.choice(row, "reason", "hidden", HOLD_BACK_REASONS, "reason"),
    )


def _objections(
    top: Mapping[str, Any], fields: Fields, steps: frozenset[str]
) -> tuple[ScriptedObjection, ...]:
    found: list[ScriptedObjection] = []
    rows = fields.tables(top, "objections", "")
    keys = [r.get("key") for r in rows if isinstance(r, dict)]
    for n, item in enumerate(rows):
        name = item.get("key") if isinstance(item, dict) else None
        where = f"objections.{name}" if isinstance(name, str) and name else f"objections[{n + 1}]"
        row = fields.table(item, where, OBJECTION_KEYS, ("key", "kind", "line", "when", "respond"))
        if row is None:
            continue
        if keys.count(name) > 1 and keys.index(name) != n:
            fields.error(f"{where}.key", f"objection key {name!r} is used twice")
        kind = fields.choice(row, "kind", where, [k.value for k in TrainingObjection], "objection")
        follow_up = fields.text(row, "follow_up", where, default=" ").strip()
        if follow_up and (follow_up not in keys or follow_up == name):
            fields.error(f"{where}.follow_up", f"no other objection has the key {follow_up!r}")
        settle_at = fields.number(row, "settle_at", where, 1, 4)
        found.append(
            ScriptedObjection(
                key=fields.text(row, "key", where),
                kind=TrainingObjection(kind) if kind else TrainingObjection.COST,
                line=fields.text(row, "line", where),
                when=check_when(row.get("when"), f"{where}.when", fields, steps),
                ideas=_ideas(row, where, fields),
                model_answer=fields.text(row, "model_answer", where, default=" ").strip(),
                settle_at=int(settle_at or 3),
                settled_by=_settled_by(row, where, fields),
                settled_line=fields.text(row, "settled_line", where, default=" ").strip(),
                follow_up=follow_up,
            )
        )
    for item in found:
        follow = next((o for o in found if o.key == item.follow_up), None)
        if follow is not None and follow.when.kind != "follow_up":
            fields.error(
                f"objections.{item.key}.follow_up",
                f"objection {follow.key!r} is raised on its own; a follow-up needs "
                'when = "follow_up"',
            )
    return tuple(found)


def _ideas(row: Mapping[str, Any], where: str, fields: Fields) -> dict[Laer, Idea]:
    ideas = {}
    for step in Laer:
        if step.value not in row:
            continue
        key = f"{where}.{step.value}"
        idea = fields.table(row[step.value], key, ("phrases", "done", "missed"), ("phrases",))
        if idea is None:
            continue
        phrases = fields.texts(idea, "phrases", key)
        if not phrases and "phrases" in idea:
            fields.error(f"{key}.phrases", "needs at least one phrase")
        for phrase in phrases:
            if not phrase_words(phrase):
                fields.error(f"{key}.phrases", f"{phrase!r} has no words to match")
        done = fields.text(idea, "done", key, default=" ").strip()
        missed = fields.text(idea, "missed", key, default=" ").strip()
        ideas[step] = Idea(phrases, done or f"did {step.value}", missed or step.value)
    return ideas


def _settled_by(row: Mapping[str, Any], where: str, fields: Fields) -> SettledBy:
    if "settled_by" not in row:
        return SettledBy()
    key = f"{where}.settled_by"
    table = fields.table(row["settled_by"], key, ("choices", "fits_budget")) or {}
    choices = fields.texts(table, "choices", key)
    for choice in choices:
        if choice not in CHOICE_KEYS:
            fields.error(f"{key}.choices", f"unknown payment choice {choice!r}")
    return SettledBy(choices, bool(fields.flag(table, "fits_budget", key)))


def _decisions(top: Mapping[str, Any], fields: Fields) -> tuple[DecisionRule, ...]:
    rules = []
    rows = fields.tables(top, "decisions", "")
    for n, item in enumerate(rows):
        where = f"decisions[{n + 1}]"
        row = fields.table(item, where, ("outcome", "line", "reason", *decision_conditions()))
        if row is None:
            continue
        outcome = fields.choice(row, "outcome", where, [o.value for o in Outcome], "outcome")
        if "outcome" not in row:
            fields.error(f"{where}.outcome", "missing (required)")
        reason = fields.choice(row, "reason", where, HOLD_BACK_REASONS, "reason")
        if outcome in (Outcome.THINK_IT_OVER, Outcome.DECLINE) and not reason:
            fields.error(f"{where}.reason", f"a {outcome} decision needs the reason")
        rules.append(
            DecisionRule(
                outcome=Outcome(outcome) if outcome else Outcome.THINK_IT_OVER,
                line=fields.text(row, "line", where, default=" ").strip(),
                reason=reason,
                min_score=_float(fields.number(row, "min_score", where, 0, 100)),
                max_score=_float(fields.number(row, "max_score", where, 0, 100)),
                all_settled=fields.flag(row, "all_settled", where),
                asked=fields.flag(row, "asked", where),
                hidden_revealed=fields.flag(row, "hidden_revealed", where),
            )
        )
    if rows and rules and not rules[-1].unconditional:
        fields.error(f"decisions[{len(rows)}]", "the last rule must have no conditions")
    if not rows:
        fields.error("decisions", "needs at least one rule")
    return tuple(rules)


def _float(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None
