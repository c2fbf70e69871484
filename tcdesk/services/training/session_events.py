"""What happens in a solo practice consult, as a list of timed events.

The scorecard is computed from these and nothing else (issue 14: "computed
from what happened, not self-reported"), so a session played by the app's
windows and one played from an answers file score the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from tcdesk.errors import UserError


class EventKind(StrEnum):
    PREPARED = "prepared"  # item: insurance_verified, forms_checked, doctor_briefed
    STEP = "step"  # a step shown on the family's screen
    TICK = "tick"  # a checklist item ticked
    CONCERN_ASKED = "concern_asked"  # text: the TC's question
    CONCERN_RECORDED = "concern_recorded"  # text: what the TC wrote down
    LINE = "line"  # the family says something; objection: its key ("" for other lines)
    ANSWER = "answer"  # the TC's typed answer to a line
    REACTION = "reaction"  # the family's reaction: value "settled" or "not_settled"
    MOVE = "move"  # item: option / choice / down_payment / months; value: what it became
    DISCLOSURES = "disclosures"  # the Truth in Lending box shown
    HAND_OVER = "hand_over"  # value: summary or agreement
    ASK = "ask"  # text: the ask for a same-day start
    NEXT_STEP = "next_step"  # value: start_booked, follow_up or declined
    END = "end"


PREP_ITEMS: tuple[str, ...] = ("insurance_verified", "forms_checked", "doctor_briefed")
NEXT_STEPS: tuple[str, ...] = ("start_booked", "follow_up", "declined")


@dataclass(frozen=True)
class Event:
    kind: EventKind
    minute: float  # since the session began
    step: str = ""  # the step on screen when it happened
    item: str = ""
    text: str = ""
    objection: str = ""
    value: str = ""


@dataclass(frozen=True)
class FamilyLine:
    """Something the family says, for the console (and the speech engine)."""

    speaker: str
    text: str
    objection: str = ""  # the scripted objection's key; "" for other lines


@dataclass(frozen=True)
class NextStep:
    kind: str  # one of NEXT_STEPS
    day: date | None = None  # the start or the follow-up date
    reason: str = ""  # what holds the family back (HOLD_BACK_REASONS)


class SessionMistake(UserError):
    """Something a session cannot do (answer a line never said, tick an unknown item)."""
