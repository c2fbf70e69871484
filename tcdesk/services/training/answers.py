"""Scripted runs: a file of the TC's steps and answers played as a solo session.

For persona authors and tests (``tcdesk training run``). The format is in
presentation_flows/training/README.md. Each step is shown for its
``minutes``; its actions happen in order, evenly spread over that time, so
a line due "after 12 minutes" comes where it would in a real consult. Any
mistake (an unknown verb, an answer to a line the family never said) is one
line naming the file and the key.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from tcdesk.flows import Flow
from tcdesk.services.training.persona_errors import Fields, PersonaError, type_name
from tcdesk.services.training.persona_model import Persona
from tcdesk.services.training.practice_money import PracticeMoney
from tcdesk.services.training.scoring import SessionResult, score_session
from tcdesk.services.training.session import SoloSession
from tcdesk.services.training.session_events import FamilyLine, NextStep, SessionMistake
from tcdesk.services.training.session_setup import start_session

VERBS = (
    "tick",
    "ask_concern",
    "record_concern",
    "answer",
    "option",
    "choice",
    "down_payment",
    "months",
    "disclosures",
    "hand_over",
    "ask_start",
    "next_step",
)
MODIFIERS = {"answer": ("text",), "next_step": ("date", "reason")}


@dataclass
class ScriptedClock:
    """Minutes the script says have passed; the session's injected clock."""

    base: datetime = field(default_factory=lambda: datetime(2026, 1, 5, 9, tzinfo=UTC))
    minutes: float = 0.0

    def __call__(self) -> datetime:
        return self.base + timedelta(minutes=self.minutes)


@dataclass(frozen=True)
class Played:
    result: SessionResult
    said: tuple[tuple[float, FamilyLine], ...]  # what the family said, and when


def read_answers(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise PersonaError(path, "no such file") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise PersonaError(path, f"not a TOML answers file: {error}") from None
    fields = Fields(path, "answers")
    top = fields.table(data, "", ("format", "persona", "prepared", "steps"), ("steps",))
    if top is not None and top.get("format", 1) != 1:
        fields.error("format", f"this is format 1, not {top.get('format')!r}")
    for n, step in enumerate(fields.tables(top or {}, "steps", "")):
        where = f"steps[{n + 1}]"
        row = fields.table(step, where, ("id", "minutes", "do"), ("id", "minutes"))
        if row is None:
            continue
        fields.text(row, "id", where)
        fields.number(row, "minutes", where, 0, 90)
        for m, action in enumerate(fields.tables(row, "do", where)):
            _check_action(action, f"{where}.do[{m + 1}]", fields)
    if fields.errors:
        raise fields.errors[0]
    return data


def _check_action(action: Any, where: str, fields: Fields) -> None:
    if not isinstance(action, dict):
        fields.error(where, f"must be a table, not {type_name(action)}")
        return
    verbs = [k for k in action if k in VERBS]
    if len(verbs) != 1:
        fields.error(where, f"needs exactly one of {', '.join(VERBS)}")
        return
    fields.table(action, where, (verbs[0], *MODIFIERS.get(verbs[0], ())))


def play(
    persona: Persona,
    data: Mapping[str, Any],
    path: Path,
    money: PracticeMoney,
    flow: Flow | None = None,
) -> Played:
    """Run the answers in ``data`` (already read) and score the session."""
    clock = ScriptedClock()
    session = start_session(persona, money, clock, flow)
    said: list[tuple[float, FamilyLine]] = []
    named = data.get("persona")
    if named is not None and named != persona.key:
        raise PersonaError(
            path, f"these answers are for {named!r}, not {persona.key!r}", key="persona"
        )
    for item in data.get("prepared", []):
        _guard(path, "prepared", session.prepare, str(item))
    for n, step in enumerate(data["steps"]):
        where = f"steps[{n + 1}]"
        start, minutes = clock.minutes, float(step["minutes"])
        said += _at(clock, _guard(path, f"{where}.id", session.show_step, step["id"]))
        actions = step.get("do", [])
        for m, action in enumerate(actions):
            clock.minutes = start + minutes * (m + 1) / (len(actions) + 1)
            lines = _guard(path, f"{where}.do[{m + 1}]", _act, session, action, money.today)
            said += _at(clock, lines or [])
        clock.minutes = start + minutes
    said += _at(clock, session.end())
    return Played(score_session(session), tuple(said))


def _at(clock: ScriptedClock, lines: list[FamilyLine]) -> list[tuple[float, FamilyLine]]:
    return [(round(clock.minutes, 1), line) for line in lines]


def _guard(path: Path, key: str, call, *args):
    """``call(*args)``, a session's refusal becoming the file's problem at ``key``."""
    try:
        return call(*args)
    except (SessionMistake, ValueError, ArithmeticError) as error:
        raise PersonaError(path, str(error), key=key) from None


def _act(session: SoloSession, action: Mapping[str, Any], today: date) -> list[FamilyLine]:
    verb = next(k for k in action if k in VERBS)
    value = action[verb]
    if verb == "tick":
        return session.tick(str(value))
    if verb == "ask_concern":
        return session.ask_concern(str(value))
    if verb == "record_concern":
        return session.record_concern(str(value))
    if verb == "answer":
        return session.answer(str(value), str(action.get("text", "")))
    if verb in ("option", "choice", "down_payment", "months"):
        return session.move(verb, str(value))
    if verb == "disclosures":
        session.show_disclosures()
        return []
    if verb == "hand_over":
        session.hand_over(str(value))
        return []
    if verb == "ask_start":
        return session.ask_for_start(str(value))
    day = _day(action.get("date"), today)
    session.record_next_step(NextStep(str(value), day, str(action.get("reason", ""))))
    return []


def _day(value: Any, today: date) -> date | None:
    """``"today"``, ``"+2"`` (days from the consult) or an ISO date."""
    if value is None:
        return None
    text = str(value).strip()
    if text == "today":
        return today
    if text.startswith("+") and text[1:].isdigit():
        return today + timedelta(days=int(text[1:]))
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise SessionMistake(
            f"date must be 'today', '+N' days or 2026-12-04, not {text!r}"
        ) from None
