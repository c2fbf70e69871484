"""The one slide rendering path: every kind paints, fits, stays inside its boxes.

Run headless: QT_QPA_PLATFORM=offscreen .venv/bin/pytest tests/ui/test_slide_view.py -p no:xvfb
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTransform
from pytestqt.qtbot import QtBot

from tcdesk.render.slide import (
    BulletsBlock,
    FindingBlock,
    ImageBlock,
    OptionCard,
    OptionsBlock,
    Slide,
    SlideKind,
    TextBlock,
    Theme,
)
from tcdesk.ui.painting.style import MIN_TEXT_PX, SAFE
from tcdesk.ui.slide_check import check_slide
from tcdesk.ui.slide_painter import (
    CANVAS_WIDTH,
    SlidePainter,
    canvas_rect,
    layout_slide,
    paint_blank,
    paint_slide,
    render_slide_image,
)
from tcdesk.ui.slide_view import SlideView
from tests.ui import slide_samples as samples
from tests.ui.pixels import grey_values, ink, mean_difference, placeholders

REPRESENTATIVES = {  # one sample per SlideKind
    SlideKind.WELCOME: "welcome",
    SlideKind.CONCERNS: "concerns",
    SlideKind.PROBLEM: "problem",
    SlideKind.OPTIONS: "options",
    SlideKind.TIMELINE: "timeline",
    SlideKind.INVESTMENT: "investment",
    SlideKind.PAYMENT: "payment",
    SlideKind.NEXT_STEPS: "next_steps",
    SlideKind.CUSTOM: "custom",
}
# The stress samples are broken on purpose; each breaks only the rules it stresses.
# (The samples carry more words than a shipped slide: the word rule is waived.)
STRESSED = {
    "long_text": {"missing", "cut"},
    "four_options": {"missing", "cut"},
    # missing_images reads now: its photo stands beside the finding, not under it.
}


@pytest.fixture(autouse=True)
def _app(qapp):  # every test here paints: a QApplication must exist
    return qapp


def _slide(name: str) -> Slide:
    return samples.SAMPLES[name]()


def _title_is_painted(slide: Slide, image: QImage) -> bool:
    """The title's pixels are where the layout put its text (not just anything, anywhere)."""
    title = next(t for t in layout_slide(slide).texts() if t.text.startswith(slide.title[:12]))
    return ink(image, title.bounds, QColor(slide.theme.background)) > 0.02


def test_samples_cover_every_kind() -> None:
    kinds = {s.kind for s in samples.all_samples().values()}
    assert kinds == set(SlideKind)


@pytest.mark.parametrize("name", sorted(samples.SAMPLES))
def test_every_sample_paints_at_1080p_and_reads(name: str) -> None:
    slide = _slide(name)
    image = render_slide_image(slide, 1920, 1080)
    assert (image.width(), image.height()) == (1920, 1080)
    assert image.format() == QImage.Format.Format_ARGB32_Premultiplied
    problems = check_slide(slide, dense_reason="a test sample", sizes=((1920, 1080),))
    assert {p.rule for p in problems} == STRESSED.get(name, set()), [str(p) for p in problems]
    assert _title_is_painted(slide, image)


@pytest.mark.parametrize("kind", list(REPRESENTATIVES), ids=str)
@pytest.mark.parametrize(
    ("width", "height", "dpr"), [(1280, 720, 1.0), (3840, 2160, 1.0), (1920, 1080, 2.0)]
)
def test_every_kind_paints_at_every_size(
    kind: SlideKind, width: int, height: int, dpr: float
) -> None:
    slide = _slide(REPRESENTATIVES[kind])
    image = render_slide_image(slide, width, height, dpr)
    assert image.devicePixelRatio() == dpr
    assert (image.width(), image.height()) == (round(width * dpr), round(height * dpr))
    assert _title_is_painted(slide, image)
    if dpr == 1.0:  # the same picture as at 1920x1080, only at another resolution
        assert mean_difference(image, render_slide_image(slide, 1920, 1080)) < 3.0


def test_hidpi_shows_the_same_picture_as_the_same_pixels_at_dpr_1() -> None:
    slide = _slide("welcome")
    hidpi = render_slide_image(slide, 1920, 1080, 2.0)
    assert mean_difference(hidpi, render_slide_image(slide, 3840, 2160)) < 3.0


@pytest.mark.parametrize("name", ["options", "timeline", "investment"])
def test_looks_the_same_at_720p_and_4k(name: str) -> None:
    """Layout happens on the 1920x1080 canvas, so only the resolution changes."""
    small = grey_values(render_slide_image(_slide(name), 1280, 720))
    big = grey_values(render_slide_image(_slide(name), 3840, 2160))
    mean_diff = sum(abs(a - b) for a, b in zip(small, big, strict=True)) / len(small)
    assert mean_diff < 3.0


def test_other_aspect_ratios_are_letterboxed_in_the_theme_background() -> None:
    slide = replace(_slide("next_steps"), theme=replace(samples.THEME, background="#FAF7F0"))
    image = render_slide_image(slide, 1280, 1024)  # 5:4
    canvas = canvas_rect(QRectF(0, 0, 1280, 1024))
    assert canvas.width() == pytest.approx(1280) and canvas.top() == pytest.approx(152)
    for y in (0, 60, 140, 880, 1023):
        for x in (0, 640, 1279):
            assert image.pixelColor(x, y) == QColor("#FAF7F0")


def test_paint_slide_paints_into_an_offset_target() -> None:
    image = QImage(1000, 700, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#FF00FF"))
    painter = QPainter(image)
    paint_slide(painter, _slide("options"), QRectF(100, 50, 800, 600))
    painter.end()
    assert image.pixelColor(50, 300) == QColor("#FF00FF")  # outside the target: untouched
    assert image.pixelColor(110, 60) == QColor("#FFFFFF")  # letterbox: theme background


def test_paint_blank_fills_with_one_colour() -> None:
    image = QImage(64, 36, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    paint_blank(painter, QRectF(0, 0, 64, 36), "white")
    painter.end()
    assert {image.pixelColor(x, y).name() for x in range(64) for y in range(36)} == {"#ffffff"}


# -- text never leaves its box ------------------------------------------------------------


def _inside(inner: QRectF, outer: QRectF, slack: float = 1.0) -> bool:
    return (
        inner.left() >= outer.left() - slack
        and inner.top() >= outer.top() - slack
        and inner.right() <= outer.right() + slack
        and inner.bottom() <= outer.bottom() + slack
    )


@pytest.mark.parametrize("name", sorted(samples.SAMPLES))
def test_text_stays_in_its_box_and_in_the_safe_area(name: str) -> None:
    texts = layout_slide(_slide(name)).texts()
    assert texts
    for t in texts:
        assert _inside(t.bounds, t.box), (t.text, t.bounds, t.box)
        assert _inside(t.bounds, SAFE), (t.text, t.bounds)


@pytest.mark.parametrize("name", sorted(set(samples.SAMPLES) - {"missing_images"}))
def test_text_is_readable_from_across_the_room(name: str) -> None:
    slide = _slide(name)
    texts = layout_slide(slide).texts()
    assert min(t.pixel_size for t in texts) >= MIN_TEXT_PX
    title = next(t for t in texts if t.text.startswith(slide.title[:12]))
    assert title.pixel_size >= 64


def test_long_title_and_text_shrink_then_elide() -> None:
    slide = _slide("long_text")
    texts = layout_slide(slide).texts()
    title = next(t for t in texts if t.text.startswith("A very long title"))
    assert title.pixel_size == 64  # shrunk to the floor...
    assert title.elided and title.text.endswith("…")  # ...then cut with an ellipsis
    assert title.text.count(" ") < slide.title.count(" ")
    assert any(t.elided for t in texts if t.text.startswith("Orthodontic"))


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (3840, 2160)])
def test_long_text_paints_nothing_in_the_margins(size: tuple[int, int]) -> None:
    width, height = size
    image = render_slide_image(_slide("long_text"), width, height)
    s = width / CANVAS_WIDTH
    margin = QRectF(SAFE.left() * s, SAFE.top() * s, SAFE.width() * s, SAFE.height() * s)
    inset = margin.adjusted(-4 * s, -4 * s, 4 * s, 4 * s)  # anti-aliasing allowance
    step = max(1, width // 480)
    for y in range(0, height, step):
        for x in range(0, width, step):
            if not inset.contains(x, y):
                assert image.pixelColor(x, y) == QColor("#FFFFFF"), (x, y)


def test_text_fits_at_the_floor_in_a_narrow_card() -> None:
    card = OptionCard(
        "Supercalifragilistic orthodontic appliance",
        "",
        ("An extraordinarily long description line " * 4,),
        "About twenty-four months",
        "",
        "$12,345,678.90",
        "from $1,234,567 a month",
    )
    slide = Slide(SlideKind.OPTIONS, "Four", samples.THEME, blocks=(OptionsBlock((card,) * 4),))
    texts = layout_slide(slide).texts()
    for t in texts:
        assert _inside(t.bounds, t.box), (t.text, t.bounds, t.box)
        assert t.pixel_size >= MIN_TEXT_PX, (t.text, t.pixel_size)
    cut = [t for t in texts if t.elided]
    assert any(t.text.startswith("Supercalifragilis") for t in cut)
    assert MIN_TEXT_PX in {t.pixel_size for t in cut}  # shrunk to the floor, then cut


# -- images -------------------------------------------------------------------------------


def test_missing_images_do_not_crash_and_drawplaceholders() -> None:
    slide = _slide("missing_images")
    image = render_slide_image(slide, 1920, 1080)
    drawn = placeholders(layout_slide(slide).ops, QTransform())
    assert len(drawn) == 3  # the finding's picture, the photo, the braces card
    for rect, colours in drawn:
        area = rect.toAlignedRect().intersected(image.rect())
        seen = {
            image.pixelColor(x, y).name()
            for y in range(area.top(), area.bottom(), 2)
            for x in range(area.left(), area.right(), 2)
        }
        assert colours & seen, (rect, colours)


def test_broken_files_are_survived_and_picked_up_once_fixed(tmp_path: Path) -> None:
    svg, png = tmp_path / "broken.svg", tmp_path / "broken.png"
    svg.write_text("<svg this is not xml")
    png.write_bytes(b"\x89PNG not really")
    slide = Slide(
        SlideKind.PROBLEM,
        "Broken",
        Theme("Test", logo_path=str(png)),
        blocks=(FindingBlock("Crowding", "Mild", str(svg), "x", "y"), ImageBlock(str(png), "p")),
    )
    painter = SlidePainter()
    before = painter.layout(slide)
    target = QImage(960, 540, QImage.Format.Format_ARGB32_Premultiplied)
    qp = QPainter(target)
    painter.paint(qp, slide, QRectF(0, 0, 960, 540))
    qp.end()
    # The practice fixes the file: the next paint lays out again and draws it.
    good = QImage(40, 30, QImage.Format.Format_RGB32)
    good.fill(QColor("#C0392B"))
    assert good.save(str(png))
    after = painter.layout(slide)
    assert after is not before
    target.fill(QColor("#FFFFFF"))
    qp = QPainter(target)
    painter.paint(qp, slide, QRectF(0, 0, 960, 540))
    qp.end()
    colours = {target.pixelColor(x, y).name() for x in range(0, 960, 4) for y in range(0, 540, 4)}
    assert "#c0392b" in colours


def test_svg_and_raster_images_are_drawn(tmp_path: Path) -> None:
    photo = tmp_path / "photo.png"
    red = QImage(400, 300, QImage.Format.Format_RGB32)
    red.fill(QColor("#2E86C1"))
    red.save(str(photo))
    slide = Slide(SlideKind.CUSTOM, "Photo", samples.THEME, blocks=(ImageBlock(str(photo), "A"),))
    image = render_slide_image(slide, 960, 540)
    assert image.pixelColor(480, 300) == QColor("#2E86C1")


# -- the widget ---------------------------------------------------------------------------


def _view(qtbot: QtBot) -> SlideView:
    view = SlideView()
    qtbot.addWidget(view)
    view.resize(640, 360)
    return view


def test_view_is_opaque_and_starts_dark(qtbot: QtBot) -> None:
    view = _view(qtbot)
    assert view.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
    assert view.slide() is None and view.blank() == ""
    assert view.grab().toImage().pixelColor(320, 180) == QColor("#000000")


def test_view_repaints_on_set_slide(qtbot: QtBot) -> None:
    view = _view(qtbot)
    view.set_slide(_slide("options"))
    first = view.grab().toImage()
    view.set_slide(_slide("timeline"))
    second = view.grab().toImage()
    assert view.slide() is not None and view.slide().kind is SlideKind.TIMELINE
    assert grey_values(first) != grey_values(second)
    # Same picture as the one rendering path gives for a PNG.
    png = render_slide_image(_slide("timeline"), 640, 360)
    diff = [abs(a - b) for a, b in zip(grey_values(second), grey_values(png), strict=True)]
    assert max(diff) <= 2


def test_view_blanks_black_and_white_and_back(qtbot: QtBot) -> None:
    view = _view(qtbot)
    view.set_slide(_slide("welcome"))
    for mode, colour in (("black", "#000000"), ("white", "#ffffff")):
        view.set_blank(mode)
        assert view.blank() == mode
        image = view.grab().toImage()
        names = {
            image.pixelColor(x, y).name() for x in range(0, 640, 16) for y in range(0, 360, 16)
        }
        assert names == {colour}
    view.set_blank("")
    back = view.grab().toImage()
    assert mean_difference(back, render_slide_image(_slide("welcome"), 640, 360)) < 1.0


def test_view_accepts_only_slides(qtbot: QtBot) -> None:
    view = _view(qtbot)
    with pytest.raises(TypeError):
        view.set_slide({"title": "a consult"})  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        view.set_blank("grey")


def test_view_follows_resizes(qtbot: QtBot) -> None:
    view = _view(qtbot)
    view.set_slide(_slide("next_steps"))
    assert view.grab().toImage().width() == 640
    view.resize(320, 240)
    image = view.grab().toImage()
    assert (image.width(), image.height()) == (320, 240)
    assert image.pixelColor(160, 5) == QColor("#FFFFFF")  # letterbox above the 16:9 canvas


def test_custom_slide_with_text_and_bullets_paints() -> None:
    slide = Slide(
        SlideKind.CUSTOM,
        "Hello",
        samples.THEME,
        blocks=(TextBlock("<p>One <b>two</b></p><ul><li>three</li></ul>"), BulletsBlock(("a",))),
    )
    texts = layout_slide(slide).texts()
    image = render_slide_image(slide, 1920, 1080)
    for words in ("two", "three", "a"):
        placed = next(t for t in texts if words in t.text.split())
        assert ink(image, placed.bounds, QColor(slide.theme.background)) > 0.005, words
    assert check_slide(slide, sizes=((1920, 1080),)) == []
