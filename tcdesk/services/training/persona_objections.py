"""A persona's objections and decision rules: the parts of the format with most to check.

Besides types and keys, an objection's model answer must settle it by the
persona's own phrases: it is shown in drills as the way to answer, and a
model answer that would score badly teaches the wrong thing.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from tcdesk.services.training.laer import assess
from tcdesk.services.training.matching import phrase_words
from tcdesk.services.training.objections import TrainingObjection
from tcdesk.services.training.persona_errors import Fields
from tcdesk.services.training.persona_model import (
    HOLD_BACK_REASONS,
    DecisionRule,
    Idea,
    Laer,
    Outcome,
    ScriptedObjection,
    SettledBy,
)
from tcdesk.services.training.persona_parts import check_when, decision_conditions

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
    "speaker",
    *(step.value for step in Laer),
)
CHOICE_KEYS = ("pay_in_full", "standard", "low_down", "extended")


def check_objections(
    top: Mapping[str, Any], fields: Fields, steps: frozenset[str]
) -> tuple[ScriptedObjection, ...]:
    found: list[ScriptedObjection] = []
    rows = fields.tables(top, "objections", "")
    keys = [r.get("key") for r in rows if isinstance(r, dict)]
    for n, item in enumerate(rows):
        name = item.get("key") if isinstance(item, dict) else None
        where = f"objections.{name}" if isinstance(name, str) and name else f"objections[{n + 1}]"
        required = ("key", "kind", "line", "when", "model_answer", "respond")
        row = fields.table(item, where, OBJECTION_KEYS, required)
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
                speaker=fields.text(row, "speaker", where, default=" ").strip(),
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


def check_model_answers(
    objections: tuple[ScriptedObjection, ...], language: str, fields: Fields
) -> None:
    """A model answer must settle its own objection: drills show it as the way to answer."""
    for objection in objections:
        if not objection.model_answer or Laer.RESPOND not in objection.ideas:
            continue
        result = assess(objection, objection.model_answer, language, action_done=True)
        if not result.settled:
            fields.error(
                f"objections.{objection.key}.model_answer",
                f"does not settle the objection by its own phrases: {result.explanation}",
            )


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


def check_decisions(top: Mapping[str, Any], fields: Fields) -> tuple[DecisionRule, ...]:
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
