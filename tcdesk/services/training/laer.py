"""Scoring one typed answer to a family's line against the persona's LAER ideas.

Each of Listen, Acknowledge, Explore and Respond is found or not by its
phrases; the explanation names both ("you acknowledged the cost; you did not
ask what part of it worries her"), because a number alone teaches nothing.
An objection is settled when enough moves were made (``settle_at``, Respond
always among them) and, if the persona says a move on the Payment tab settles
it, that move was made too.
"""

from __future__ import annotations

from dataclasses import dataclass

from tcdesk.services.training.matching import first_match
from tcdesk.services.training.persona_model import Laer, ScriptedObjection


@dataclass(frozen=True)
class Assessment:
    objection: str  # the objection's key
    moves: tuple[Laer, ...]  # found, in LAER order
    possible: tuple[Laer, ...]  # the moves the persona has ideas for
    settled: bool
    explanation: str
    phrases: tuple[str, ...] = ()  # the phrase that showed each found move

    @property
    def fraction(self) -> float:
        return len(self.moves) / len(self.possible) if self.possible else 0.0


def assess(objection: ScriptedObjection, text: str, language: str, action_done: bool) -> Assessment:
    found: list[Laer] = []
    shown: list[str] = []
    for step, idea in objection.ideas.items():
        phrase = first_match(idea.phrases, text, language)
        if phrase is not None:
            found.append(step)
            shown.append(phrase)
    possible = tuple(objection.ideas)
    missed = [step for step in possible if step not in found]
    needs_action = objection.settled_by.any and not action_done
    enough = Laer.RESPOND in found and len(found) >= min(objection.settle_at, len(possible))
    settled = enough and not needs_action
    done_words = [objection.ideas[s].done for s in found]
    missed_words = [objection.ideas[s].missed for s in missed]
    parts = []
    if done_words:
        parts.append("you " + _and(done_words))
    if missed_words:
        parts.append("you did not " + _or(missed_words))
    if needs_action:
        parts.append("the plan on the screen did not change to one that fits them")
    if not text.strip():
        parts = ["you did not answer"]
    return Assessment(
        objection.key, tuple(found), possible, settled, "; ".join(parts), tuple(shown)
    )


def unanswered(objection: ScriptedObjection) -> Assessment:
    """A line the TC let pass without a word."""
    return Assessment(
        objection.key,
        (),
        tuple(objection.ideas),
        False,
        "you moved on without answering it",
    )


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _or(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]
