"""Checking a step's objection hints: known codes, suggested responses, the step that answers."""

from __future__ import annotations

from collections.abc import Set
from typing import Any

from tcdesk.domain import Objection
from tcdesk.flows.model import ObjectionHint
from tcdesk.flows.report import BAD, Reporter, Where, did_you_mean

OBJECTION_KEYS = ("responses", "answer_step")
OBJECTION_CODES = tuple(o.value for o in Objection)


class ObjectionChecker:
    """An ``objections`` table: code -> responses, or code -> { responses, answer_step }."""

    def __init__(self, report: Reporter) -> None:
        self._report = report

    def check(self, value: Any, where: Where, key: str, step_ids: Set[Any]) -> Any:
        """The hints as a tuple, or ``BAD`` after reporting every problem."""
        if not isinstance(value, dict):
            self._report.error("must be a table of objection code -> responses", **where, key=key)
            return BAD
        hints: list[ObjectionHint] = []
        bad = False
        for code, raw in value.items():
            hint = self._hint(code, raw, where, f"{key}.{code}", step_ids)
            if isinstance(hint, ObjectionHint):
                hints.append(hint)
            else:
                bad = True
        return BAD if bad else tuple(hints)

    def _hint(self, code: str, raw: Any, where: Where, hint_key: str, step_ids: Set[Any]) -> Any:
        """One hint; ``BAD`` if it cannot be used; None if usable but a key was unknown."""
        report = self._report
        if code not in OBJECTION_CODES:
            report.error(
                f"unknown objection {code!r} (one of {', '.join(OBJECTION_CODES)})"
                f"{did_you_mean(code, OBJECTION_CODES)}",
                **where,
                key=hint_key,
            )
            return BAD
        unknown = False
        responses: Any
        answer_step: Any = ""
        if isinstance(raw, list):
            responses = raw
        elif isinstance(raw, dict):
            unknown = report.unknown_keys(raw, OBJECTION_KEYS, where, prefix=hint_key)
            responses = raw.get("responses", [])
            answer_step = raw.get("answer_step", "")
        else:
            report.error(
                "must be a list of responses, or a table with 'responses' and 'answer_step'",
                **where,
                key=hint_key,
            )
            return BAD
        if not self._responses_ok(responses, where, hint_key, isinstance(raw, dict)):
            return BAD
        if not self._answer_step_ok(answer_step, where, hint_key, step_ids):
            return BAD
        hint = ObjectionHint(Objection(code), tuple(responses), answer_step)
        return None if unknown else hint

    def _responses_ok(self, responses: Any, where: Where, hint_key: str, table: bool) -> bool:
        if (
            isinstance(responses, list)
            and responses
            and all(isinstance(r, str) and r.strip() for r in responses)
        ):
            return True
        self._report.error(
            "needs a list of suggested responses (text)",
            **where,
            key=f"{hint_key}.responses" if table else hint_key,
        )
        return False

    def _answer_step_ok(
        self, answer_step: Any, where: Where, hint_key: str, step_ids: Set[Any]
    ) -> bool:
        if not isinstance(answer_step, str):
            self._report.error("must be a step id (text)", **where, key=f"{hint_key}.answer_step")
            return False
        if answer_step and answer_step not in step_ids:
            known = sorted(s for s in step_ids if isinstance(s, str))
            self._report.error(
                f"no step with id {answer_step!r}{did_you_mean(answer_step, known)}",
                **where,
                key=f"{hint_key}.answer_step",
            )
            return False
        return True
