"""How many slides the findings step takes, and what each holds."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tcdesk.flows import ChecklistItem, Flow, Step
from tcdesk.flows.pages import MAX_PHOTOS, findings_pages, split_findings
from tcdesk.render.kinds import findings as render_findings


def _counts(findings: int, photos: int) -> list[tuple[int, int]]:
    return [(f[1] - f[0], p[1] - p[0]) for f, p in findings_pages(findings, photos)]


def test_what_fits_stays_one_slide() -> None:
    assert _counts(0, 0) == [(0, 0)]
    assert _counts(1, 4) == [(1, 4)]
    assert _counts(2, 0) == [(2, 0)]


@pytest.mark.parametrize(
    ("findings", "photos", "counts"),
    [
        (2, 1, [(1, 1), (1, 0)]),  # photos beside one finding, then the other
        (3, 0, [(2, 0), (1, 0)]),
        (5, 3, [(1, 3), (2, 0), (2, 0)]),
        (8, 0, [(2, 0), (2, 0), (2, 0), (2, 0)]),
        (8, 4, [(1, 4), (2, 0), (2, 0), (2, 0), (1, 0)]),
        (10, 9, [(1, 4), (2, 0), (2, 0), (2, 0), (2, 0), (1, 0)]),  # at most four photos
    ],
)
def test_many_findings_take_the_slides_they_need(findings, photos, counts) -> None:
    assert _counts(findings, photos) == counts
    pages = findings_pages(findings, photos)
    shown = [i for (start, stop), _ in pages for i in range(start, stop)]
    assert shown == list(range(findings))  # each finding once, in order


def test_the_split_and_the_renderer_show_as_many_photos() -> None:
    assert MAX_PHOTOS == render_findings.MAX_PHOTOS


ITEMS = (ChecklistItem("explained", "Explained each finding", "problem"),)
PROBLEM = Step(id="problem", kind="problem", title="Found", checklist=ITEMS)


def test_parts_share_the_id_and_the_last_holds_the_checklist() -> None:
    parts = split_findings(PROBLEM, {"finding_count": 5, "photo_count": 3})
    assert [(p.id, p.part, p.parts) for p in parts] == [("problem", n, 3) for n in (1, 2, 3)]
    assert [p.finding_range for p in parts] == [(0, 1), (1, 3), (3, 5)]
    assert [p.photo_range for p in parts] == [(0, 3), (3, 3), (3, 3)]
    assert [p.checklist for p in parts] == [(), (), ITEMS]
    assert split_findings(PROBLEM, {"finding_count": 2, "photo_count": 0}) == (PROBLEM,)
    other = replace(PROBLEM, kind="custom")
    assert split_findings(other, {"finding_count": 8, "photo_count": 4}) == (other,)


def test_a_step_that_hides_photos_fits_more_findings_on_its_first_slide() -> None:
    hidden = replace(PROBLEM, show_photos=False)
    parts = split_findings(hidden, {"finding_count": 2, "photo_count": 4})
    assert parts == (hidden,)


def test_the_flow_lists_the_parts_in_place() -> None:
    flow = Flow("f", "F", "", "teen", (Step("a", "custom", "A"), PROBLEM, Step("z", "custom", "Z")))
    steps = flow.applicable_steps({"finding_count": 3, "photo_count": 0, "has_findings": True})
    assert [(s.id, s.part) for s in steps] == [("a", 1), ("problem", 1), ("problem", 2), ("z", 1)]
