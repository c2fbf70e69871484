"""A slide that changes in one place is repainted there only, and looks exactly right."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, QRect, QRectF
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from tcdesk.render.slide import ChoicesBlock
from tcdesk.ui.slide_painter import default_painter, render_slide_image
from tcdesk.ui.slide_view import SlideView
from tests.ui import slide_samples as samples


def _new_monthly(slide):
    blocks = list(slide.blocks)
    index = next(i for i, b in enumerate(blocks) if isinstance(b, ChoicesBlock))
    cards = list(blocks[index].choices)
    cards[1] = replace(cards[1], headline="$99.99 a month", selected=True)
    blocks[index] = replace(blocks[index], choices=tuple(cards))
    return replace(slide, blocks=tuple(blocks))


def _same_pixels(a: QImage, b: QImage) -> bool:
    a = a.convertToFormat(QImage.Format.Format_RGB32)
    b = b.convertToFormat(QImage.Format.Format_RGB32)
    return a.size() == b.size() and a == b


def _differing_share(a: QImage, b: QImage) -> float:
    a = a.convertToFormat(QImage.Format.Format_RGB32)
    b = b.convertToFormat(QImage.Format.Format_RGB32)
    assert a.size() == b.size()
    differ = sum(
        a.pixel(x, y) != b.pixel(x, y)
        for y in range(0, a.height(), 2)
        for x in range(0, a.width(), 2)
    )
    return differ / ((a.width() // 2) * (a.height() // 2))


def test_changed_area_is_the_changed_cards_only(qapp) -> None:
    before = samples.SAMPLES["payment"]()
    after = _new_monthly(before)
    area = default_painter().changed_area(before, after, QRectF(0, 0, 1920, 1080))
    assert area is not None and not area.isEmpty()
    assert area.top() > 250  # the title above did not change
    assert area.height() < 600
    assert default_painter().changed_area(before, before, QRectF(0, 0, 1920, 1080)).isEmpty()


class _PaintedAreas(QObject):
    """The areas Qt asks a widget to paint, as its paint events say."""

    def __init__(self) -> None:
        super().__init__()
        self.areas: list[QRect] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.areas.append(event.rect())
        return False


def test_partial_repaint_matches_a_full_render(qtbot: QtBot) -> None:
    before = samples.SAMPLES["payment"]()
    after = _new_monthly(before)
    view = SlideView()
    qtbot.addWidget(view)
    painted = _PaintedAreas()
    view.installEventFilter(painted)
    view.resize(1280, 720)
    view.set_slide(before)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.rect() in painted.areas)  # the first, whole picture
    painted.areas.clear()
    view.set_slide(after)
    view.repaint_now()
    qtbot.waitUntil(lambda: bool(painted.areas))  # Qt may paint at the next frame
    assert all(view.rect().contains(a) and a != view.rect() for a in painted.areas)
    assert _same_pixels(view.grab().toImage(), render_slide_image(after, 1280, 720))


def test_a_view_inside_a_window_draws_its_pictures_in_place(qtbot: QtBot) -> None:
    """Thumbnails sit inside the console: pictures must follow the widget's offset."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QWidget

    slide = samples.SAMPLES["problem"]()
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(900, 600)
    view = SlideView(window)
    view.setGeometry(137, 91, 640, 360)
    window.show()
    qtbot.waitExposed(window)
    view.set_slide(slide)
    view.repaint_now()
    inside = window.grab().toImage().copy(137, 91, 640, 360)
    # Anti-aliased edges may differ by a pixel at an odd offset; a misplaced or
    # missing picture changes thousands.
    assert _differing_share(inside, render_slide_image(slide, 640, 360)) < 0.002
    assert view.mapTo(window, QPoint(0, 0)) == QPoint(137, 91)
