"""How many slides the findings step needs: as many as keep every word at full size.

A practice records as many findings as the doctor saw (up to ten kinds). One
slide holds what still reads from across the room, measured with the longest
texts in presentation_flows/content/conditions.toml by the slide check
(tests/ui/test_findings_pages.py holds every count from 1 to 8 findings with
0 to 4 photos to it):

- the step's first slide carries its text; with the family's photos beside
  the findings it holds one finding (and up to four photos), without photos
  two findings;
- each continuation slide holds up to two findings, each with its drawing
  at a size the family can see (three still fit the words, but shrink the
  drawings to stamps).

Each slide is a step of the session of its own (the same id, ``part`` 1, 2,
...), so the console's step list shows it honestly, the clicker moves
through it, and the welcome's agenda still lists it once (same agenda line).
The step's checklist goes with the last part: the findings are explained
when the family has seen them all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any, Protocol, TypeVar


class _Step(Protocol):
    """What the split reads of a ``tcdesk.flows.Step`` (a dataclass it copies)."""

    kind: str
    show_photos: bool
    checklist: tuple[Any, ...]


StepT = TypeVar("StepT", bound=_Step)

MAX_PHOTOS = 4  # as tcdesk.render.kinds.findings.MAX_PHOTOS (a test keeps them equal)
FIRST_WITH_PHOTOS = 1
FIRST_WITHOUT_PHOTOS = 2
PER_CONTINUATION = 2  # three fit the words, but shrink each drawing to a stamp


def findings_pages(findings: int, photos: int) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """``[(finding range, photo range), ...]``, one per slide; ranges are [start, stop)."""
    photos = max(0, min(photos, MAX_PHOTOS))
    findings = max(0, findings)
    if findings <= 1 or (findings == FIRST_WITHOUT_PHOTOS and not photos):
        return [((0, findings), (0, photos))]
    first = FIRST_WITH_PHOTOS if photos else FIRST_WITHOUT_PHOTOS
    pages = [((0, first), (0, photos))]
    left = findings - first
    slides = -(-left // PER_CONTINUATION)
    start = first
    for n in range(slides):
        size = left // slides + (1 if n < left % slides else 0)
        pages.append(((start, start + size), (photos, photos)))
        start += size
    return pages


def split_findings(step: StepT, facts: Mapping[str, object]) -> tuple[StepT, ...]:
    """``step`` as the slides it needs (itself, when it is not findings or all fit)."""
    if step.kind != "problem":
        return (step,)
    count = _int(facts.get("finding_count"))
    photos = _int(facts.get("photo_count")) if step.show_photos else 0
    pages = findings_pages(count, photos)
    if len(pages) == 1:
        return (step,)
    last = len(pages)
    return tuple(
        replace(
            step,
            part=number,
            parts=last,
            finding_range=findings,
            photo_range=shown,
            checklist=step.checklist if number == last else (),
        )
        for number, (findings, shown) in enumerate(pages, start=1)
    )


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0
