"""The word in the corner of every slide of a practice consult, in the family's language.

The family's screen of a practice consult is the real one, so the mark comes
through the one rendering path (``PresentationKit.marked``): every slide the
renderer makes carries it, the console's thumbnails and exports included.
"""

from __future__ import annotations

from tcdesk.services.presentation_kit import PresentationKit

CORNER_MARK: dict[str, str] = {"en": "Practice", "es": "Práctica"}


def practice_kit(kit: PresentationKit) -> PresentationKit:
    """``kit`` with "Practice" ("Práctica" on Spanish slides) in every slide's corner."""
    return kit.marked(CORNER_MARK)
