"""Many findings read from across the room: the findings step takes the slides it needs.

A practice set up as a new office, one family, and 1 to 8 findings recorded
through ``consult_findings`` (the longest texts of conditions.toml first),
with 0, 1, 2 or 4 real JPEGs imported through ``consult_photos``. The
findings' slides pass the slide check, every finding and photo is on exactly
one of them, and a TC stepping through the consult sees them in order.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFilter

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
    """A picture like a camera's: a smile (landscape or portrait), or an x-ray."""
    if n % 4 == 2:
        w, h = 2000, 1000
        image = Image.new("RGB", (w, h), (25, 25, 30))
        draw = ImageDraw.Draw(image)
        for i in range(12):
            x = w * (0.08 + 0.07 * i)
            draw.rounded_rectangle((x, h * 0.25, x + w * 0.055, h * 0.5), 10, (200, 200, 205))
            draw.rounded_rectangle((x, h * 0.55, x + w * 0.055, h * 0.8), 10, (185, 185, 190))
    else:
        w, h = (1600, 1200) if n % 2 == 0 else (1200, 1600)
        image = Image.new("RGB", (w, h), (230 - 10 * n, 200, 185))
        draw = ImageDraw.Draw(image)
        draw.ellipse((w * 0.15, h * 0.3, w * 0.85, h * 0.75), fill=(150, 40, 60))
        for i in range(8):
            x = w * (0.2 + 0.075 * i)
            draw.rounded_rectangle((x, h * 0.38, x + w * 0.068, h * 0.55), 12, (245, 240, 225))
    image.filter(ImageFilter.GaussianBlur(2)).save(path, "JPEG", quality=90)
    return path


def _room(store: Path, tmp: Path, kit, findings: int, photos: int, birth=TEEN) -> ConsultRoom:
    desk, consult_id = open_practice(store, birth=birth)
    for code, level in _longest_first()[:findings]:
        consult_findings.add_finding(desk, consult_id, code, level)
    for n in range(photos):
        file = _jpeg(tmp / f"IMG_{n:04d}.jpg", n)
        kind = "xray" if n % 4 == 2 else "photo"
        consult_photos.add_photos(desk, consult_id, [file], kind=kind, caption=f"Picture {n + 1}")
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


def write_screenshots(out: Path) -> list[Path]:
    """docs/screenshots/findings-many*.png: five findings and three photos, a new practice."""
    import tempfile

    from tcdesk.ui.slide_check import check_slide
    from tcdesk.ui.slide_export import ensure_gui_app
    from tcdesk.ui.slide_painter import render_slide_image

    ensure_gui_app()
    written = []
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        desk, consult_id = open_practice(tmp / "practice.sqlite3")
        for code, level in [
            ("crowding", "severe"),
            ("overjet", "moderate"),
            ("deep_bite", "moderate"),
            ("crossbite", "mild"),
            ("midline_shift", "mild"),
        ]:
            consult_findings.add_finding(desk, consult_id, code, level)
        for n, caption in enumerate(["Your smile, front", "From the side", "Panoramic x-ray"]):
            file = _jpeg(tmp / f"IMG_{n:04d}.jpg", n)
            kind = "xray" if n == 2 else "photo"
            consult_photos.add_photos(desk, consult_id, [file], kind=kind, caption=caption)
        room = ConsultRoom(desk, consult_id, PresentationKit.load(), resume=False, record=False)
        for n, (i, slide) in enumerate(_findings_slides(room)[:2], start=1):
            assert check_slide(slide, dense_reason=room.session.steps[i].dense) == []
            path = out / ("findings-many.png" if n == 1 else f"findings-many-{n}.png")
            render_slide_image(slide, 1920, 1080).save(str(path))
            written.append(path)
        written.append(_console(room, out / "findings-many-console.png"))
        desk.close()
    return written


def _console(room: ConsultRoom, path: Path) -> Path:
    """The TC's console on the findings' second slide: the step list shows every part."""
    from PySide6.QtWidgets import QApplication

    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.ui.presentation.controller import PresentationController
    from tcdesk.ui.presentation.screens import ScreenChooser
    from tcdesk.ui.screenshots import _settle, controller_action, grab

    app = QApplication.instance()
    with tempfile.TemporaryDirectory() as folder:
        settings = MachineSettingsStore(Path(folder) / "machine.json")
        day = date(2026, 11, 27)
        controller = PresentationController(room, ScreenChooser(settings), day, single_screen=False)
        controller.show()
        while not (room.session.started and room.session.step.part == 2):
            controller.do(controller_action("next"))
        assert controller.console is not None
        controller.console.resize(1920, 1080)
        _settle(app, 10)
        grab(controller.console, path)
        controller.end()
    return path


# DISPLAY=:99 QT_QPA_PLATFORM=xcb python -m tests.ui.test_findings_pages docs/screenshots
# (an Xvfb screen as in docs/headless-qt.md; offscreen draws the console at 800x800)
if __name__ == "__main__":
    import sys

    for written in write_screenshots(
        Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    ):
        print(written)
