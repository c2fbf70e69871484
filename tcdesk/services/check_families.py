"""The families a slide check renders every flow for: samples at the edges, and a
practice's own consults.

``tcdesk slides check`` and the test suite lay out every step of every flow
for these, so a flow edited by a practice is tried on an insured teen, an
adult without insurance, a young child, a walk-in with nothing recorded, a
very long name, and (given a practice file) each of its own families.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tcdesk.errors import UserError
from tcdesk.render import Content
from tcdesk.render.language import Language
from tcdesk.render.sample import sample_contexts
from tcdesk.services.consult_list import list_consults
from tcdesk.services.desk import Desk
from tcdesk.services.presentation import build_context

LONG_NAME = ("Maximiliana-Josefina", "Wolfeschlegelsteinhausen-Bergerdorff")


@dataclass(frozen=True)
class Family:
    """Who the slides are rendered for: ``flow_id`` "" means every flow."""

    label: str
    context: dict[str, Any]
    flow_id: str = ""


def sample_families(content: Content) -> list[Family]:
    """The sample patients, each also with a very long name."""
    found = []
    for name, context in sample_contexts(content).items():
        found.append(Family(f"the sample {name} patient", context))
        first, last = LONG_NAME
        patient = dict(context["patient"], first_name=first, last_name=last)
        patient["full_name"] = f"{first} {last}"
        found.append(
            Family(f"the sample {name} patient, long name", {**context, "patient": patient})
        )
    return found


def in_language(families: list[Family], language: Language) -> list[Family]:
    """The same families with the words around their data in ``language``."""
    if language.is_english:
        return families
    return [
        Family(f"{f.label}, in {language.english_name}", language.localize(f.context), f.flow_id)
        for f in families
    ]


def practice_families(desk: Desk, content: Content) -> list[Family]:
    """Every consult in the practice file, with its own flow."""
    found = []
    for entry in list_consults(desk):
        consult = entry.consult
        try:
            context = build_context(desk, consult.id, content=content)
        except UserError:
            continue  # a consult that cannot be presented is not a slide problem
        label = f"{entry.patient.display_name} (consult {consult.id})"
        found.append(Family(label, context, consult.flow_id))
    return found
