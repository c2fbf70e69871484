"""What to say to an objection, and which step answers it, from the flow's own advice."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tcdesk.domain import Objection
from tcdesk.flows.model import ObjectionHint
from tcdesk.flows.session import ConsultSession
from tcdesk.render.slide import Slide


@dataclass(frozen=True)
class ObjectionAdvice:
    objection: Objection
    responses: tuple[str, ...]
    answer_step_number: int | None
    answer_step_title: str


def advise(
    session: ConsultSession, slides: Sequence[Slide], objection: Objection
) -> ObjectionAdvice:
    """The responses to offer, and a jump to the step that answers (never the current one)."""
    hint, home = _hint_for(session, objection)
    answer = (hint.answer_step or home) if hint is not None else ""
    number, title = None, ""
    for i, step in enumerate(session.steps):
        if step.id == answer and i != session.index:
            number, title = i + 1, slides[i].title
    return ObjectionAdvice(objection, hint.responses if hint else (), number, title)


def _hint_for(session: ConsultSession, objection: Objection) -> tuple[ObjectionHint | None, str]:
    """The current step's advice, else the first step that has some.

    Advice found on another step points there when it names no answer step:
    the step that holds the advice is the one that answers it.
    """
    current = session.step.objection(objection)
    if current is not None:
        return current, ""
    for step in session.steps:
        hint = step.objection(objection)
        if hint is not None:
            return hint, step.id
    return None, ""
