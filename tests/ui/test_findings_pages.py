"""Many findings read from across the room: the findings step takes the slides it needs.

A practice set up as a new office, one family, and 1 to 8 findings recorded
through ``consult_findings`` (the longest texts of conditions.toml first),
with 0, 1, 2 or 4 real JPEGs imported through ``consult_photos``. The
findings' slides pass the slide check, every finding and photo is on exactly
one of them, and a TC stepping through the consult sees them in order.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from tcdesk.domain import ConditionCode, Severity
from tcdesk.render import Renderer
from tcdesk.render.slide import FindingBlock, ImageBlock, Slide, SlideKind
from tcdesk.services import consult_findings, consult_photos
from tcdesk.services.consult_room import ConsultRoom, PresentationKit
from tcdesk.ui.slide_check import SIZES, check_slide
from tcdesk.ui.slide_painter import SlidePainter
from tests.services.record_seed import open_practice

CHILD, TEEN, ADULT = date(2018, 5, 2), date(2012, 3, 14), date(1990, 8, 9)


@pytest.fixture(autouse=True)
def _app(qapp):
    return qapp


@pytest.fixture(scope="module")
def kit() -> PresentationKit:
    return PresentationKit.load()


@pytest.fixture(scope="module")
def painter(qapp) -> SlidePainter:
    return SlidePainter()


def _longest_first() -> list[tuple[ConditionCode, Severity]]:
    """Each condition at its wordiest severity, the wordiest condition first."""
    content = Renderer.default().content

    def words(code: ConditionCode, level: Severity) -> int:
        described = content.describe_finding(code.value, level.value)
        return len(described["what_it_is"]) + len(described["if_untreated"])

    worst = [max(((c, s) for s in Severity), key=lambda cs: words(*cs)) for c in ConditionCode]
    return sorted(worst, key=lambda cs: -words(*cs))


def _jpeg(path: Path, n: int) -> Path:
    size = (1600, 1200) if n % 2 == 0 else (1200, 1600)  # landscape and portrait
    image = Image.new("RGB", size, (200 - 30 * n, 120, 60 + 40 * n))
    image.paste((240, 230, 220), (size[0] // 4, size[1] // 3, size[0] // 2, size[1] // 2))
    image.save(path, "JPEG", quality=90)
    return path


def _room(store: Path, tmp: Path, kit, findings: int, photos: int, birth=TEEN) -> ConsultRoom:
    desk, consult_id = open_practice(store, birth=birth)
    for code, level in _longest_first()[:findings]:
        consult_findings.add_finding(desk, consult_id, code, level)
    files = [_jpeg(tmp / f"IMG_{n:04d}.jpg", n) for n in range(photos)]
    if files:
        kinds = ["photo", "xray"]
        for n, file in enumerate(files):
            caption = f"Picture {n + 1}"
            consult_photos.add_photos(desk, consult_id, [file], kind=kinds[n % 2], caption=caption)
    return ConsultRoom(desk, consult_id, kit, resume=False, record=False)


def _findings_slides(room: ConsultRoom) -> list[tuple[int, Slide]]:
    return [(i, s) for i, s in enumerate(room.slides) if s.kind is SlideKind.PROBLEM]


def _check(room: ConsultRoom, findings: int, photos: int, painter, sizes) -> None:
    shown = _findings_slides(room)
    report = [
        f"{findings} findings, {photos} photos, slide {n}: {problem}"
        for n, (i, slide) in enumerate(shown, start=1)
        for problem in check_slide(
            slide, painter=painter, dense_reason=room.session.steps[i].dense, sizes=sizes
        )
    ]
    assert report == []
    titles = [b.title for _, s in shown for b in s.blocks if isinstance(b, FindingBlock)]
    want = [
        room.kit.content.describe_finding(c.value, s.value)["label"]
        for c, s in _longest_first()[:findings]
    ]
    assert titles == want  # each once, in the doctor's order
    pictures = [b.caption for _, s in shown for b in s.blocks if isinstance(b, ImageBlock)]
    assert pictures == [f"Picture {n + 1}" for n in range(photos)]
    indexes = [i for i, _ in shown]
    assert indexes == list(range(indexes[0], indexes[0] + len(indexes)))  # one after another


@pytest.mark.parametrize("photos", [0, 1, 2, 4])
@pytest.mark.parametrize("findings", range(1, 9))
def test_any_number_of_findings_reads_from_across_the_room(
    empty_store, tmp_path, kit, painter, findings, photos
):
    room = _room(empty_store, tmp_path, kit, findings, photos)
    try:
        sizes = SIZES if (findings, photos) in {(5, 4), (8, 0)} else ((1920, 1080),)
        _check(room, findings, photos, painter, sizes)
    finally:
        room.desk.close()


@pytest.mark.parametrize("birth", [CHILD, ADULT], ids=["phase one", "adult"])
@pytest.mark.parametrize(("findings", "photos"), [(2, 0), (2, 1), (3, 0), (5, 3), (8, 4)])
def test_every_flow_splits_its_findings_too(
    empty_store, tmp_path, kit, painter, birth, findings, photos
):
    room = _room(empty_store, tmp_path, kit, findings, photos, birth=birth)
    try:
        _check(room, findings, photos, painter, ((1920, 1080),))
    finally:
        room.desk.close()


def test_a_coordinator_stepping_through_sees_every_finding_in_order(empty_store, tmp_path, kit):
    room = _room(empty_store, tmp_path, kit, 5, 3)
    try:
        session = room.session
        seen: list[str] = []
        titles: list[str] = []
        session.next()  # the welcome, then the consult
        while True:
            slide = room.display_slide()
            assert slide is not None
            if slide.kind is SlideKind.PROBLEM:
                titles.append(slide.title)
                seen += [b.title for b in slide.blocks if isinstance(b, FindingBlock)]
                if session.step.part < session.step.parts:
                    assert not session.step.checklist  # explained once all are seen
            if not session.next():
                break
        labels = [
            room.kit.content.describe_finding(c.value, s.value)["label"]
            for c, s in _longest_first()[:5]
        ]
        assert seen == labels
        assert titles == ["What Dr. Lee found"] + ["What Dr. Lee found (continued)"] * 2
        assert {i.id for i in session.checklist()} >= {"explained_findings", "if_untreated"}
        assert len([i.id for i in session.checklist()]) == len(
            set(i.id for i in session.checklist())
        )
        welcome = room.slides[0].texts()
        assert sum("found" in t for t in welcome) == 1  # the agenda lists the step once
    finally:
        room.desk.close()
