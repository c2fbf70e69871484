"""The two small languages inside a persona: ``when`` a line comes, and decision conditions.

``when`` is one of ``"step:<step id>"`` (when that step of the persona's flow
is shown), ``"investment"`` (when the money is shown: the flow's investment or
payment step, whichever comes first), ``"ask"`` (when the TC asks for a
same-day start), ``"minutes:<N>"`` (N minutes into the consult) or
``"follow_up"`` (only as another objection's follow-up).
"""

from __future__ import annotations

from typing import Any

from tcdesk.services.training.persona_errors import Fields, hint, type_name
from tcdesk.services.training.persona_model import When

WHEN_FORMS = ('"step:<id>"', '"investment"', '"ask"', '"minutes:<N>"', '"follow_up"')


def decision_conditions() -> tuple[str, ...]:
    """The conditions a decision rule may have (all must hold)."""
    return ("min_score", "max_score", "all_settled", "asked", "hidden_revealed")


def check_when(value: Any, key: str, fields: Fields, steps: frozenset[str]) -> When:
    """The parsed ``when``; a problem is reported under ``key``."""
    if not isinstance(value, str):
        if value is not None:
            fields.error(key, f"must be text, not {type_name(value)}")
        return When("follow_up")
    kind, _, rest = value.partition(":")
    if kind in ("investment", "ask", "follow_up") and not rest:
        return When(kind)
    if kind == "step" and rest:
        if steps and rest not in steps:
            fields.error(key, f"the flow has no step {rest!r}{hint(rest, steps)}")
        return When("step", step=rest)
    if kind == "minutes":
        try:
            minutes = float(rest)
        except ValueError:
            minutes = -1.0
        if 0 < minutes <= 90:
            return When("minutes", minutes=minutes)
        fields.error(key, f"minutes must be a number from 1 to 90, not {rest!r}")
        return When("follow_up")
    fields.error(key, f"{value!r} is not a time; use one of {', '.join(WHEN_FORMS)}")
    return When("follow_up")
